"""Where an export writes, without ever leaving half a dataset behind.

An exporter asks its sink for streams: ``sink.text()`` is the main output,
``sink.text("annotation.conf")`` a named file beside it (for a folder export, inside it).
Everything is staged in temporary files next to the target and moved into
place only by ``commit()``; ``discard()`` (after an error or a cancel) removes
the staging. Text is UTF-8 without BOM, with LF newlines.
"""

from __future__ import annotations

import io
import logging
import os
import shutil
import stat
import sys
import tempfile
import zipfile
from pathlib import Path
from typing import IO

from annotator.core.text import holds_other_files

log = logging.getLogger(__name__)


class SinkError(OSError):
    """An export that cannot go where it was asked to. The message is one line fit to show a user."""


class Sink:
    """Base: staging files under a temporary folder beside the target."""

    def __init__(self, target: Path) -> None:
        self.target = target
        parent = target.parent
        if not parent.is_dir():
            raise FileNotFoundError(2, "No such file or directory", str(target))
        try:
            self._staging = Path(tempfile.mkdtemp(prefix=f".{target.name}.", suffix=".tmp", dir=parent))
        except OSError as exc:
            raise type(exc)(exc.errno, exc.strerror, str(target)) from exc
        self._open: list[IO] = []
        self._staged_paths: list[Path] = []
        self.written: list[Path] = []  # final paths, once committed

    # -- streams ---------------------------------------------------------------
    def _staged(self, name: str | None) -> Path:
        raise NotImplementedError

    def text(self, name: str | None = None) -> IO[str]:
        path = self._staged(name)
        return self._track(path, path.open("w", encoding="utf-8", newline="\n"))

    def binary(self, name: str | None = None) -> IO[bytes]:
        path = self._staged(name)
        return self._track(path, path.open("wb"))

    def _track(self, path: Path, fh: IO) -> IO:
        # A writer may close its files as it goes (a folder export of many articles must);
        # the list only keeps the ones still open, and commit() syncs every file either way.
        if len(self._open) >= 64:
            self._open = [f for f in self._open if not f.closed]
        self._open.append(fh)
        self._staged_paths.append(path)
        return fh

    def _close_all(self, sync: bool = True) -> None:
        for fh in self._open:
            if not fh.closed:
                fh.close()
        self._open.clear()
        if sync:  # on disk before anything is moved into place
            _sync_files(self._staged_paths)
            self._staged_paths.clear()  # synced once: commit() after prepare() does not sync again

    # -- ending ------------------------------------------------------------------
    def prepare(self) -> None:
        """Close and flush every staged file to disk. An export prepares all its sinks before it
        commits any, so a disk that fills up while the last part of a split is flushed replaces no part."""
        self._close_all()

    def commit(self) -> None:
        raise NotImplementedError

    def discard(self) -> None:
        for fh in self._open:
            fh.close()
        self._open.clear()
        shutil.rmtree(self._staging, ignore_errors=True)


def _sync_files(paths: list[Path]) -> None:
    """Flush written files to disk. Many files (a folder export) are flushed with one ``sync()`` on
    Linux, where it waits for the writes: an fsync per file costs a journal commit each, minutes
    for a large corpus."""
    if len(paths) > 16 and sys.platform.startswith("linux"):
        os.sync()
        return
    for path in paths:
        fd = os.open(path, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


def _check_replaceable(target: Path) -> None:
    """An export moves a new file into place: never over a device, a pipe or a socket (``/dev/null``,
    ``/dev/stdout``), which would be replaced by a regular file."""
    try:
        mode = target.stat().st_mode
    except OSError as exc:
        log.debug("Nothing to replace at %s: %s", target, exc)
        return  # nothing there yet (or unreadable: the write reports it)
    if not (stat.S_ISREG(mode) or stat.S_ISDIR(mode)):
        raise SinkError(f"{target} is not a regular file (a device or a pipe); write to a file, or to '-' for standard output.")


def _safe_name(name: str) -> str:
    parts = Path(name).parts
    if not parts or Path(name).is_absolute() or any(p in ("..", ".") for p in parts):
        raise SinkError(f"Refusing to write outside the export: {name!r}.")
    return name


class FileSink(Sink):
    """A single file; named extras go beside it (``name`` is their full file name)."""

    def __init__(self, target: Path) -> None:
        if target.is_dir():
            raise IsADirectoryError(21, "Is a directory", str(target))
        _check_replaceable(target)
        super().__init__(target)

    def _staged(self, name: str | None) -> Path:
        return self._staging / (self.target.name if name is None else _safe_name(Path(name).name))

    def commit(self) -> None:
        self._close_all()
        for staged in sorted(self._staging.iterdir()):
            final = self.target.parent / staged.name
            mode = final.stat().st_mode & 0o777 if final.exists() else 0o644
            os.chmod(staged, mode)
            os.replace(staged, final)
            self.written.append(final)
        shutil.rmtree(self._staging, ignore_errors=True)


MARKER = ".annotator-export"  # in every folder export: the folder may be replaced by the next export


def other_files_message(target: Path) -> str:
    """Why a folder export refuses ``target`` (``holds_other_files``), for the command line and the dialog."""
    return (
        f"{target} already holds other files, and an export replaces the whole folder: "
        "choose a new or empty folder, or a .zip file."
    )


class FolderSink(Sink):
    """A folder of files; an existing folder of the same name is replaced only once the new one is complete.

    Only an empty folder or an earlier export (it holds ``MARKER``) is replaced: never a folder of
    other files, which an export to the wrong path would otherwise delete.
    """

    def __init__(self, target: Path) -> None:
        if target.exists() and not target.is_dir():
            raise SinkError(f"Cannot write a folder at {target}: a file of that name exists.")
        if holds_other_files(target, MARKER):
            raise SinkError(other_files_message(target))
        super().__init__(target)
        self._root = self._staging / "out"
        self._root.mkdir()

    def _staged(self, name: str | None) -> Path:
        if name is None:
            raise SinkError("This format writes a folder; it has no single main file.")
        path = self._root / _safe_name(name)
        path.parent.mkdir(parents=True, exist_ok=True)
        return path

    def within(self, folder: str) -> "SubSink":
        """A view that writes under ``folder/`` of this export (one part of a split)."""
        return SubSink(self, folder)

    def commit(self) -> None:
        self._close_all()
        (self._root / MARKER).write_text("Written by Annotator's export: the next export to this folder replaces it.\n", encoding="utf-8")
        if self.target.exists():
            os.replace(self.target, self._staging / "previous")
        os.replace(self._root, self.target)
        self.written.append(self.target)
        shutil.rmtree(self._staging, ignore_errors=True)


class ZipSink(FolderSink):
    """A folder's files packed into one .zip (deflated), replacing the target atomically."""

    def __init__(self, target: Path) -> None:
        if target.is_dir():
            raise IsADirectoryError(21, "Is a directory", str(target))
        _check_replaceable(target)
        Sink.__init__(self, target)
        self._root = self._staging / "out"
        self._root.mkdir()

    def prepare(self) -> None:
        self._close_all(sync=False)  # only the packed archive is moved into place, and it is synced

    def commit(self) -> None:
        self._close_all(sync=False)  # only the packed archive is moved into place, and it is synced
        packed = self._staging / "packed.zip"
        with zipfile.ZipFile(packed, "w", compression=zipfile.ZIP_DEFLATED) as zf:
            for path in sorted(self._root.rglob("*")):
                if path.is_file():
                    zf.write(path, path.relative_to(self._root).as_posix())
        with packed.open("rb") as fh:
            os.fsync(fh.fileno())
        os.chmod(packed, self.target.stat().st_mode & 0o777 if self.target.exists() else 0o644)
        os.replace(packed, self.target)
        self.written.append(self.target)
        shutil.rmtree(self._staging, ignore_errors=True)


class SubSink:
    """Part of a folder export: every name is put under one subfolder."""

    def __init__(self, parent: FolderSink, folder: str) -> None:
        self.parent = parent
        self.folder = _safe_name(folder)

    def text(self, name: str | None = None) -> IO[str]:
        if name is None:
            raise SinkError("This format writes a folder; it has no single main file.")
        return self.parent.text(f"{self.folder}/{name}")

    def binary(self, name: str | None = None) -> IO[bytes]:
        if name is None:
            raise SinkError("This format writes a folder; it has no single main file.")
        return self.parent.binary(f"{self.folder}/{name}")


class StreamSink:
    """Standard output or any text stream: one main stream only."""

    def __init__(self, stream: IO[str]) -> None:
        self.stream = stream
        self.written: list[Path] = []

    def text(self, name: str | None = None) -> IO[str]:
        if name is not None:
            raise SinkError("This format writes several files; give an output path instead of '-'.")
        return self.stream

    def binary(self, name: str | None = None) -> IO[bytes]:
        buffer = getattr(self.stream, "buffer", None)
        if name is not None or buffer is None:
            raise SinkError("This format writes binary files; give an output path instead of '-'.")
        return buffer

    def prepare(self) -> None:
        self.stream.flush()

    def commit(self) -> None:
        self.stream.flush()

    def discard(self) -> None:
        pass


def part_path(path: Path, part: str) -> Path:
    """Where one part of a split of a single-file format goes: corpus.jsonl -> corpus.train.jsonl."""
    if not part:
        return path
    return path.with_name(f"{path.stem}.{part}{path.suffix}")


def make_sink(out: Path | str | IO[str], folder: bool) -> Sink | StreamSink:
    """The sink for an output: a stream, a file, a folder, or a .zip for folder formats."""
    if isinstance(out, io.IOBase) or not isinstance(out, (str, Path)):
        return StreamSink(out)  # type: ignore[arg-type]
    path = Path(out)
    if path.is_symlink():  # write where the link points, as a shell redirection does; the link stays
        path = Path(os.path.realpath(path))
    if not folder:
        return FileSink(path)
    if path.suffix.lower() == ".zip":
        return ZipSink(path)
    return FolderSink(path)
