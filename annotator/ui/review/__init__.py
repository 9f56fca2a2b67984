"""The review view: every annotation of the corpus in one lazy table, with filters and bulk edits."""
