"""Performance scenarios, each measured against a baseline taken in the same run (`make bench`)."""
