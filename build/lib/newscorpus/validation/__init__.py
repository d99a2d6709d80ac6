"""Scoring the book's measures on gold data: one module per measure, each with
``score(data_dir) -> (per-item DataFrame, summary dict)`` for ``make validate``."""
