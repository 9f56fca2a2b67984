"""What every worker of ``formats.parallel`` needs, loaded once in the process the workers are forked from.

Workers are forked from a server process started fresh (``multiprocessing``'s "forkserver",
never the caller's process, which may run Qt threads or hold the corpus open), which imports
this module once: the token exports and agreement, and spaCy with its blank English and
multi-language tokenizers when spaCy is installed. Each worker then starts in milliseconds
instead of importing all of it again (about a second of CPU each, on a machine whose cores
the workers are there to use).
"""

from __future__ import annotations

from annotator.formats import (  # noqa: F401 - imported for the workers
    agreement,
    export_conll,
    export_hf,
    export_prodigy,
    export_spacy,
    token_jobs,
)
from annotator.formats.tokens import _blank_pipeline

try:
    import spacy
except ImportError:  # the rule-based tokenizer needs nothing more
    spacy = None

if spacy is not None:
    for _lang in ("en", "xx"):  # the commonest rules (news in English, mixed scripts)
        _blank_pipeline(spacy, _lang)
