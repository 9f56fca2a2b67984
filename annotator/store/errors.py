"""Errors the store raises; each carries a message fit to show a user."""


class CorpusError(Exception):
    """Base class for every corpus problem a user can be told about."""


class NotACorpusError(CorpusError):
    """The path is not an Annotator corpus (a directory, random bytes, another app's database)."""


class NewerSchemaError(CorpusError):
    """The corpus was written by a newer version of Annotator."""


class InvalidAnnotationError(CorpusError):
    """An annotation whose offsets or covered text do not fit its article."""


class DuplicateArticleError(CorpusError):
    """The same text (by content hash) is already in the corpus."""

    def __init__(self, message: str, existing_id: int) -> None:
        super().__init__(message)
        self.existing_id = existing_id


class NotFoundError(CorpusError):
    """An article, label or annotation id that is not in the corpus."""
