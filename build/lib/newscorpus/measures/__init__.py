"""Measures of the cleaned corpus, one module per chapter. Each returns a DataFrame keyed by
``file``, built from a pure per-article function (so a process pool or a Dask cluster can map
it) plus, where a measure compares articles, a corpus-level step over per-article counts."""
