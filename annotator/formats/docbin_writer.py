"""spaCy's DocBin file (``.spacy``) written a piece at a time, with memory bounded by a window of tokens.

    writer = DocBinWriter(attrs, sink.scratch)
    writer.add_rows(rows, spaces, count, strings)   # a window of one Doc's tokens, in order
    writer.add_spans(entries, count)                # its spans of doc.spans["sc"], packed
    writer.end_doc(user_data)                       # the Doc is complete
    writer.finish(sink.binary())

spaCy's ``DocBin.to_bytes()`` holds every Doc's token array (13 uint64 a token), stacks them into
one, packs the message and compresses it: for a long article, several copies of a gigabyte. This
writer appends each window's rows and space flags to temporary files without names (in the
export's staging folder, on the target's disk), keeps only the strings, lengths and flags in
memory, and at the end writes the message ``DocBin(store_user_data=True).to_bytes()`` writes
(spaCy 3.8, ``spacy/tokens/_serialize.py``): the same keys in the same order, every value with
the same msgpack encoding, through one zlib stream, reading the files back a megabyte at a time.
A Doc's ``doc.spans`` bytes are those of ``SpanGroups.to_bytes()`` with one group
(``span_group.pyx``: ``{"name", "attrs", "spans"}``, a span a ``>QQQllll`` struct). A test
compares the decompressed bytes with spaCy's own DocBin of the same Docs.
"""

from __future__ import annotations

import struct
import zlib
from array import array
from collections.abc import Callable, Iterable
from typing import IO, Any

VERSION = "0.1"  # DocBin.version
COPY_BYTES = 1 << 20  # read back from the temporary files this much at a time
STRINGS_AT_ONCE = 4096
SPAN = struct.Struct(">QQQllll")  # id, kb_id, label, start, end, start_char, end_char
_SPAN_BIN = b"\xc4" + bytes([SPAN.size])  # each packed span is a msgpack bin 8 of 48 bytes

_PACKERS: list[Any] = []


def _packer() -> Any:
    """srsly's msgpack packer, as ``srsly.msgpack_dumps`` sets it up (srsly comes with spaCy)."""
    if not _PACKERS:
        from srsly import msgpack

        _PACKERS.append(msgpack.Packer(use_bin_type=True))
    return _PACKERS[0]


def pack(value: Any) -> bytes:
    """``srsly.msgpack_dumps(value)``."""
    return _packer().pack(value)


def bin_header(size: int) -> bytes:
    """msgpack's header for ``size`` bytes of binary, as its packer chooses it (bin 8, 16 or 32)."""
    if size < 0x100:
        return b"\xc4" + size.to_bytes(1, "big")
    if size < 0x10000:
        return b"\xc5" + size.to_bytes(2, "big")
    if size < 0x100000000:
        return b"\xc6" + size.to_bytes(4, "big")
    raise ValueError(f"{size:,} bytes are more than one msgpack value holds (4 GB); export fewer articles at once.")


def array_header(n: int) -> bytes:
    return _packer().pack_array_header(n)


def span_entry(span_id: int, kb_id: int, label: int, start: int, end: int, start_char: int, end_char: int) -> bytes:
    """One span as ``SpanGroup.to_bytes`` packs it, with its msgpack header."""
    return _SPAN_BIN + SPAN.pack(span_id, kb_id, label, start, end, start_char, end_char)


class DocBinWriter:
    """Docs added in order, a window of tokens at a time; ``finish`` writes the DocBin.
    ``scratch()`` gives a new temporary binary file (it must vanish once closed)."""

    def __init__(self, attrs: list[int], scratch: Callable[[], IO[bytes]], group: str = "sc") -> None:
        self.attrs = list(attrs)
        self.group = group
        self._files: list[IO[bytes]] = []
        self.tokens = self._scratch(scratch)
        self.spaces = self._scratch(scratch)
        self.groups = self._scratch(scratch)
        self.user_data = self._scratch(scratch)
        self.token_bytes = 0
        self.lengths = array("i")  # int32, as DocBin's "lengths"
        self.group_sizes: list[int] = []
        self.user_data_sizes: list[int] = []
        self.flags: list[bool] = []  # has_unknown_spaces
        self.cats: list[dict[str, Any]] = []
        self.strings: set[str] = set()
        self._count = 0  # tokens of the Doc being added
        self._spans = bytearray()  # its packed spans
        self._span_count = 0

    def _scratch(self, scratch: Callable[[], IO[bytes]]) -> IO[bytes]:
        f = scratch()
        self._files.append(f)
        return f

    def add_rows(self, rows: bytes, spaces: bytes, count: int, strings: Iterable[str]) -> None:
        """``doc.to_array(attrs)`` rows of ``count`` tokens (C order), their ``SPACY`` flags as bytes, and
        the strings ``DocBin.add`` keeps for them."""
        if len(rows) != count * 8 * len(self.attrs) or len(spaces) != count:
            raise ValueError("rows and spaces do not match the token count")
        self.tokens.write(rows)
        self.spaces.write(spaces)
        self.token_bytes += len(rows)
        self._count += count
        self.strings.update(strings)

    def add_spans(self, entries: bytes, count: int, labels: Iterable[str] = ()) -> None:
        """``count`` spans of the Doc's group (``span_entry`` each, offsets in the whole Doc), and the
        strings they name."""
        self._spans += entries
        self._span_count += count
        self.strings.update(labels)

    def end_doc(self, user_data: bytes, cats: dict[str, Any] | None = None, unknown_spaces: bool = False) -> None:
        """The Doc added since the last one is complete; ``user_data`` is ``srsly.msgpack_dumps(doc.user_data)``."""
        self.lengths.append(self._count)
        self.flags.append(unknown_spaces)
        self.cats.append(cats or {})
        inner = [
            _packer().pack_map_header(3),
            pack("name"),
            pack(self.group),
            pack("attrs"),
            pack({}),
            pack("spans"),
            array_header(self._span_count),
        ]
        inner_size = sum(map(len, inner)) + len(self._spans)
        head = [_packer().pack_map_header(1), bin_header(inner_size), *inner]
        tail = pack([self.group])
        for piece in (*head, self._spans, tail):
            self.groups.write(piece)
        self.group_sizes.append(sum(map(len, head)) + len(self._spans) + len(tail))
        self.user_data.write(user_data)
        self.user_data_sizes.append(len(user_data))
        self._count = 0
        self._spans = bytearray()
        self._span_count = 0

    def finish(self, out: IO[bytes]) -> None:
        """Write the DocBin (zlib-compressed msgpack) to ``out`` and close the temporary files."""
        z = zlib.compressobj()

        def put(data: bytes | bytearray | memoryview) -> None:
            if data:
                out.write(z.compress(data))

        def copy(f: IO[bytes], size: int) -> None:
            while size > 0:
                chunk = f.read(min(COPY_BYTES, size))
                if not chunk:
                    raise OSError("a temporary file of the export came back short")
                put(chunk)
                size -= len(chunk)

        try:
            for f in self._files:
                f.flush()
                f.seek(0)
            put(_packer().pack_map_header(10))
            put(pack("version") + pack(VERSION))
            put(pack("attrs") + pack(self.attrs))
            put(pack("tokens") + bin_header(self.token_bytes))
            copy(self.tokens, self.token_bytes)
            n_tokens = self.token_bytes // (8 * len(self.attrs))
            put(pack("spaces") + bin_header(n_tokens))
            copy(self.spaces, n_tokens)
            lengths = self.lengths.tobytes()
            put(pack("lengths") + bin_header(len(lengths)) + lengths)
            strings = sorted(self.strings)
            put(pack("strings") + array_header(len(strings)))
            for i in range(0, len(strings), STRINGS_AT_ONCE):
                put(b"".join(map(pack, strings[i : i + STRINGS_AT_ONCE])))
            del strings
            put(pack("cats") + array_header(len(self.cats)))
            put(b"".join(map(pack, self.cats)))
            put(pack("flags") + array_header(len(self.flags)))
            put(b"".join(pack({"has_unknown_spaces": flag}) for flag in self.flags))
            put(pack("span_groups") + array_header(len(self.group_sizes)))
            for size in self.group_sizes:
                put(bin_header(size))
                copy(self.groups, size)
            put(pack("user_data") + array_header(len(self.user_data_sizes)))
            for size in self.user_data_sizes:
                put(bin_header(size))
                copy(self.user_data, size)
            out.write(z.flush())
        finally:
            self.close()

    def close(self) -> None:
        for f in self._files:
            f.close()
