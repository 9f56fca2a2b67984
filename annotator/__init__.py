"""Annotator: label spans in news articles, keep every label in a local SQLite corpus."""

__version__ = "0.1.0"
