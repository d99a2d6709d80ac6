"""Every measure scored on public gold data nobody on this project wrote (``make validate``).

One scorer module per measure (``sentences``, ``pos``, ``attribution``, ``loaded``, ``readability``,
``cleaner``), each with ``score(data_dir) -> (items, summary)``; ``runner`` writes their numbers to
``newscorpus/data/validation/``; ``report`` reads them back for the book's trust appendix. The
fitting scripts (``fit_loaded``, ``fit_readability``) are the only code that imports scikit-learn.
"""
