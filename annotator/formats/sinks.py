"""Where an export writes, without ever leaving half a dataset behind.

An exporter asks its sink for streams: ``sink.text()`` is the main output,
``sink.text("annotation.conf")`` a named file beside it (for a folder export, inside it).
Everything is staged in temporary files next to the target and moved into
place only by ``commit()``; ``discard()`` (after an error or a cancel) removes
the staging, even when closing a file fails (a full disk). Text is UTF-8 without
BOM, with LF newlines.

What a reader of the target sees, and what a kill can leave:

- A file: ``os.replace`` swaps one directory entry; the old file or the new one, never half.
- A folder (or a split of a folder format, whose parts are subfolders of it): on Linux the new
  folder and the old one swap places in one ``renameat2(RENAME_EXCHANGE)``; elsewhere, or on a
  file system without it, the old folder is moved aside first, and a kill between the two renames
  leaves no folder at the target, the previous export in the hidden staging folder beside it.
- The parts of a split of a file format (``corpus.train.jsonl``, ``corpus.dev.jsonl``...) are
  separate files, replaced by separate renames. Before the first, a journal
  (``.corpus.train.jsonl.export-commit``) naming every staged part is written and synced; after the
  last it is removed. A kill in between leaves some parts new and the others old, with the
  journal and the staged parts beside them; the next export to the same place, or
  ``finish_interrupted``, completes the replacement before anything else, so that the parts
  are never mixed for longer than until then.
"""

from __future__ import annotations

import ctypes
import errno
import io
import json
import logging
import os
import shutil
import stat
import sys
import tempfile
import weakref
import zipfile
from pathlib import Path
from typing import IO

from annotator.core.text import holds_other_files

log = logging.getLogger(__name__)


class SinkError(OSError):
    """An export that cannot go where it was asked to. The message is one line fit to show a user."""


_UTF8_LF: weakref.WeakSet = weakref.WeakSet()  # the sinks' text files
# A binary file is written through a 1 MB buffer, not Python's 8 KB: a JSON Lines export writes a
# line of a few kilobytes per article, and with the default buffer every second or third line was
# a system call of its own.
WRITE_BUFFER = 1 << 20


WRITEBACK_BYTES = 32 << 20  # how much of a long export may wait in memory before it starts going to disk
_writeback_from: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()


def start_writeback(fh: IO[bytes]) -> None:
    """Have the operating system start writing to disk what ``fh`` has written so far, without
    waiting for it, every ``WRITEBACK_BYTES`` (a writer calls this now and then). Otherwise a
    large export (gigabytes) stays in memory until the sync that ends it, which then waits for all
    of it; this way the disk writes while the export goes on. Nothing where the system has no
    such hint (``posix_fadvise``: not on Windows or macOS)."""
    advise = getattr(os, "posix_fadvise", None)
    if advise is None:
        return
    try:
        end = fh.tell()
        start = _writeback_from.get(fh, 0)
        if end - start < WRITEBACK_BYTES:
            return
        fh.flush()
        # On Linux, DONTNEED starts the writeback of the range's dirty pages and drops the pages
        # already on disk from the cache (the export's output is not read back).
        advise(fh.fileno(), start, end - start, os.POSIX_FADV_DONTNEED)
        _writeback_from[fh] = end
    except (OSError, ValueError, AttributeError, TypeError):  # a pipe, a closed or unusual stream
        return


def writes_utf8_lf(stream: IO[str]) -> bool:
    """Whether ``stream`` is a sink's text file: UTF-8, line breaks written as they are, a binary
    ``buffer`` under it that bytes can go to (once the text written so far is flushed)."""
    return stream in _UTF8_LF


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
        stream = path.open("w", encoding="utf-8", newline="\n")
        _UTF8_LF.add(stream)
        return self._track(path, stream)

    def binary(self, name: str | None = None) -> IO[bytes]:
        path = self._staged(name)
        return self._track(path, path.open("wb", buffering=WRITE_BUFFER))

    def scratch(self) -> IO[bytes]:
        """A temporary binary file for a writer's work in progress, in the staging folder (on the
        target's disk, not in memory), gone once closed; on Linux it has no name, so a kill leaves nothing."""
        return tempfile.TemporaryFile(dir=self._staging)

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
            try:
                fh.close()
            except OSError:  # a full disk fails the final flush; the staging goes all the same
                pass
        self._open.clear()
        shutil.rmtree(self._staging, ignore_errors=True)


def _move(staged: Path, final: Path) -> None:
    """``os.replace`` whose error names the export's target, not the staging path."""
    try:
        os.replace(staged, final)
    except OSError as exc:
        raise type(exc)(exc.errno, exc.strerror, str(final)) from exc


_RENAME_EXCHANGE = 2
_AT_FDCWD = -100


def _exchange(a: Path, b: Path) -> bool:
    """Swap two directory entries in one atomic step (Linux ``renameat2``); False where unsupported."""
    if not sys.platform.startswith("linux"):
        return False
    try:
        libc = ctypes.CDLL(None, use_errno=True)
        renameat2 = libc.renameat2
    except (OSError, AttributeError):
        return False
    renameat2.argtypes = [ctypes.c_int, ctypes.c_char_p, ctypes.c_int, ctypes.c_char_p, ctypes.c_uint]
    if renameat2(_AT_FDCWD, os.fsencode(a), _AT_FDCWD, os.fsencode(b), _RENAME_EXCHANGE) == 0:
        return True
    err = ctypes.get_errno()
    if err in (errno.EINVAL, errno.ENOSYS, errno.EOPNOTSUPP, errno.EPERM):
        return False
    raise OSError(err, os.strerror(err), str(b))


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
        raise SinkError(
            f"{target} is not a regular file (a device or a pipe); write to a file, or to '-' for standard output."
        )


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

    def moves(self) -> list[tuple[Path, Path]]:
        """(staged, final) for every file of this export, permissions already set."""
        self._close_all()
        out = []
        for staged in sorted(self._staging.iterdir()):
            final = self.target.parent / staged.name
            mode = final.stat().st_mode & 0o777 if final.exists() else 0o644
            os.chmod(staged, mode)
            out.append((staged, final))
        return out

    def commit(self) -> None:
        for staged, final in self.moves():
            _move(staged, final)
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
        (self._root / MARKER).write_text(
            "Written by Annotator's export: the next export to this folder replaces it.\n", encoding="utf-8"
        )
        if not self.target.exists():
            _move(self._root, self.target)
        elif not _exchange(self._root, self.target):  # the old folder aside first, then the new one in
            _move(self.target, self._staging / "previous")
            _move(self._root, self.target)
        # After an exchange, the staging folder holds the previous export: it goes with the staging.
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
        _move(packed, self.target)
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

    def scratch(self) -> IO[bytes]:
        return self.parent.scratch()


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

    def scratch(self) -> IO[bytes]:
        return tempfile.TemporaryFile()

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


JOURNAL_SUFFIX = ".export-commit"
SPLIT_FIRST = "train"  # the first part of every split, after which its journal is named


def _journal_path(first: Path) -> Path:
    return first.with_name(f".{first.name}{JOURNAL_SUFFIX}")


def commit_all(sinks: list) -> None:
    """Move every sink's output into place. Several single files (the parts of a split) are
    replaced under a journal, so that a kill part-way can be completed later (``finish_interrupted``)."""
    for sink in sinks:  # every part on disk before any replaces an earlier export
        sink.prepare()
    files = [sink for sink in sinks if isinstance(sink, FileSink)]
    if len(files) < 2:
        for sink in sinks:
            sink.commit()
        return
    moves = [(sink, staged, final) for sink in files for staged, final in sink.moves()]
    journal = _journal_path(files[0].target)
    _write_synced(journal, json.dumps({"moves": [[str(staged), str(final)] for _, staged, final in moves]}))
    for sink, staged, final in moves:
        _move(staged, final)
        sink.written.append(final)
    _sync_dir(journal.parent)
    journal.unlink()
    for sink in files:
        shutil.rmtree(sink._staging, ignore_errors=True)
    for sink in sinks:
        if not isinstance(sink, FileSink):
            sink.commit()


def _write_synced(path: Path, text: str) -> None:
    tmp = path.with_name(path.name + ".tmp")
    with tmp.open("w", encoding="utf-8") as fh:
        fh.write(text)
        fh.flush()
        os.fsync(fh.fileno())
    os.replace(tmp, path)
    _sync_dir(path.parent)


def _sync_dir(folder: Path) -> None:
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return  # a platform that cannot open a folder (Windows): renames are durable there
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def finish_interrupted(first_part: Path) -> bool:
    """Complete a split's replacement that a kill stopped part-way (see the module's doc); True if one was."""
    journal = _journal_path(first_part)
    if not journal.exists():
        return False
    try:
        moves = json.loads(journal.read_text(encoding="utf-8"))["moves"]
    except (OSError, ValueError, KeyError, TypeError):
        journal.unlink(missing_ok=True)  # unreadable: written only in part, before any part was moved
        return False
    for staged, final in moves:
        if Path(staged).exists():
            _move(Path(staged), Path(final))
    for staged, _ in moves:
        shutil.rmtree(Path(staged).parent, ignore_errors=True)
    journal.unlink()
    return True


def make_sink(out: Path | str | IO[str], folder: bool) -> Sink | StreamSink:
    """The sink for an output: a stream, a file, a folder, or a .zip for folder formats."""
    if isinstance(out, io.IOBase) or not isinstance(out, (str, Path)):
        return StreamSink(out)  # type: ignore[arg-type]
    path = Path(out)
    if path.is_symlink():  # write where the link points, as a shell redirection does; the link stays
        path = Path(os.path.realpath(path))
    if not folder:
        finish_interrupted(path)  # a split of this name that a kill stopped part-way is completed first
        finish_interrupted(part_path(path, SPLIT_FIRST))
        return FileSink(path)
    if path.suffix.lower() == ".zip":
        return ZipSink(path)
    return FolderSink(path)
