"""Book plumbing: the strict build, the Sphinx extension that keeps results fresh, the
benchmark and the reproducibility page's environment table."""
