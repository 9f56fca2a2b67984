"""Errors the store raises; each carries a message fit to show a user."""


class CorpusError(Exception):
    """Base class for every corpus problem a user can be told about.

    Messages name no menu or command: where the way out is a backup, ``restore_advised`` is set,
    and the window and the command line each say how to restore in their own words."""

    restore_advised = False


class NotACorpusError(CorpusError):
    """The path is not an Annotator corpus (a directory, random bytes, another app's database)."""


class DamagedCorpusError(NotACorpusError):
    """The file is ours but damaged (cut short, malformed): restoring a backup is the way out."""

    restore_advised = True


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
