"""Writing an export: to a file atomically (a temporary file renamed into place), or to a stream."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path
from typing import IO

from annotator.formats.registry import exporter
from annotator.store import Corpus


def export_corpus(corpus: Corpus, out: Path | str | IO[str], format: str = "jsonl") -> int:
    """Export ``corpus`` in ``format``; return the number of articles written.

    A path is written through a temporary file in the same folder that replaces the
    target only once complete, so a failed export never leaves half a file behind.
    """
    write = exporter(format).write
    if not isinstance(out, (str, Path)):
        return write(corpus, out)
    path = Path(out)
    if path.is_dir():
        raise IsADirectoryError(21, "Is a directory", str(path))
    try:
        fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    except OSError as exc:  # name the file asked for, not the temporary one
        raise type(exc)(exc.errno, exc.strerror, str(path)) from exc
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as fh:
            n = write(corpus, fh)
            fh.flush()
            os.fsync(fh.fileno())
        os.chmod(tmp, path.stat().st_mode & 0o777 if path.exists() else 0o644)
        os.replace(tmp, path)
    except BaseException:
        try:
            os.unlink(tmp)
        except FileNotFoundError:
            pass
        raise
    return n
