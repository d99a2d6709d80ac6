"""The text layer: what each article's sentences and tokens carry (part of speech first)."""
