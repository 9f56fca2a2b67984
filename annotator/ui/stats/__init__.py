"""The statistics view: labels, annotators, statuses, progress and the most frequent texts."""
