"""Reading articles from files and writing corpus exports, one module per format.

The registry maps format names and file extensions to importers and exporters;
``batch`` runs an import of many files for the CLI and the GUI alike.
"""

from annotator.formats.base import DEFAULT_MAX_BYTES, BadRecord, InputError, Record
from annotator.formats.batch import (
    ImportBatch,
    ImportReport,
    ImportResult,
    Outcome,
    iter_import,
)
from annotator.formats.export import export_corpus
from annotator.formats.registry import (
    EXPORTERS,
    IMPORTERS,
    exporter,
    import_extensions,
    importer,
    importer_for_path,
)

__all__ = [
    "DEFAULT_MAX_BYTES",
    "BadRecord",
    "InputError",
    "Record",
    "ImportBatch",
    "ImportReport",
    "ImportResult",
    "Outcome",
    "iter_import",
    "export_corpus",
    "EXPORTERS",
    "IMPORTERS",
    "import_extensions",
    "importer",
    "importer_for_path",
    "exporter",
]
