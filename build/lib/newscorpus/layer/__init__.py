"""The text layer: each article read once into voices, paragraphs, sentences and tokens (with
offsets, key, part of speech on demand, names and voice), and the document-feature matrix that
corpus-level statistics read.

Modules, lowest first: ``words`` (the one definition of a word and its key), ``names``
(multi-word names from the text), ``pos`` (the tagger), ``tokenize`` (a paragraph's sentences and
tokens), ``tagging`` (part of speech at a place), ``document`` (an article's layer), ``dfm``
(counts by article, voice and key) and ``annotate`` (the layer as JSON). Nothing is imported
here, so that importing ``words`` (as every word count does) loads nothing else.
"""
