"""The team: whose annotations show, assignments, blind mode, sharing and merging corpus files."""
