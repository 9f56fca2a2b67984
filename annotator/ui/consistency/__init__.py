"""Consistency across the corpus: texts labelled differently, and mentions left unlabelled."""
