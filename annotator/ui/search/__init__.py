"""Corpus search: a dock that runs full-text queries and opens an article at a hit."""
