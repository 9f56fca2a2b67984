"""Suggestions in the window: dashed outlines in the text pane, keys to accept or reject them,
and a model retrained in a separate process as articles are finished."""
