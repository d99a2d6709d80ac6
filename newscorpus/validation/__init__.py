"""Scores of the book's measures on public gold data (``make validate``); nothing here runs in
the book build, and each scorer reads its data from the folder it is given."""
