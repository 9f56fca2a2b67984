"""Annotations of the open article, indexed by their Qt (UTF-16) ranges for painting and hit tests."""

from __future__ import annotations

from bisect import bisect_left, bisect_right, insort
from collections.abc import Iterable

from annotator.core.model import Annotation
from annotator.core.offsets import OffsetMap


class SpanIndex:
    """Sorted (u16_start, u16_end, id) triples, plus the annotations by id."""

    def __init__(self, offsets: OffsetMap) -> None:
        self.offsets = offsets
        self._items: list[tuple[int, int, int]] = []
        self._by_id: dict[int, Annotation] = {}
        self.label_of: dict[int, int] = {}  # annotation id -> label id, for painting; negative: another analyst's
        self.owner: str | None = None  # the analyst using the window; None: every span is theirs
        self._max_len = 0

    def paint_key(self, a: Annotation) -> int:
        """The label id to paint ``a`` with: negative for another analyst's span (drawn as an outline)."""
        return a.label_id if self.owner is None or a.annotator == self.owner else -a.label_id

    def reset(self, annotations: Iterable[Annotation]) -> None:
        self._by_id = {a.id: a for a in annotations}
        self.label_of = {a.id: self.paint_key(a) for a in self._by_id.values()}
        if self.offsets.identity:
            items = [(a.start, a.end, a.id) for a in self._by_id.values()]
        else:
            to16 = self.offsets.to_utf16
            items = [(to16(a.start), to16(a.end), a.id) for a in self._by_id.values()]
        items.sort()
        self._items = items
        self._max_len = max((e - s for s, e, _ in self._items), default=0)

    def __len__(self) -> int:
        return len(self._items)

    def get(self, annotation_id: int) -> Annotation | None:
        return self._by_id.get(annotation_id)

    def annotations(self) -> list[Annotation]:
        return [self._by_id[i] for _, _, i in self._items]

    def add(self, a: Annotation) -> tuple[int, int]:
        s, e = self.offsets.to_utf16(a.start), self.offsets.to_utf16(a.end)
        self._by_id[a.id] = a
        self.label_of[a.id] = self.paint_key(a)
        insort(self._items, (s, e, a.id))
        self._max_len = max(self._max_len, e - s)
        return s, e

    def add_many(self, annotations: Iterable[Annotation]) -> list[Annotation]:
        """Add annotations not already here (by id); returns those added."""
        new = [a for a in annotations if a.id not in self._by_id]
        if not new:
            return new
        to16 = self.offsets.to_utf16
        for a in new:
            self._by_id[a.id] = a
            self.label_of[a.id] = self.paint_key(a)
        items = [(to16(a.start), to16(a.end), a.id) for a in new]
        items.sort()
        if self._items and items[0] < self._items[-1]:
            self._items = sorted(self._items + items)
        else:
            self._items.extend(items)
        self._max_len = max(self._max_len, max(e - s for s, e, _ in items))
        return new

    def remove(self, a: Annotation) -> tuple[int, int] | None:
        old = self._by_id.pop(a.id, None)
        if old is None:
            return None
        del self.label_of[a.id]
        key = (self.offsets.to_utf16(old.start), self.offsets.to_utf16(old.end), old.id)
        i = bisect_left(self._items, key)
        if i < len(self._items) and self._items[i] == key:
            del self._items[i]
        return key[0], key[1]

    def has_touching(self) -> bool:
        """Are any two spans nested, overlapping or adjacent?"""
        reach = -1
        for s, e, _ in self._items:
            if s <= reach:
                return True
            reach = max(reach, e)
        return False

    def in_range(self, start: int, end: int) -> list[tuple[int, int, int]]:
        """Triples overlapping the UTF-16 range [start, end)."""
        lo = bisect_left(self._items, (start - self._max_len,))
        hi = bisect_right(self._items, (end, -1, -1), lo)
        return [t for t in self._items[lo:hi] if t[1] > start and t[0] < end]

    def at(self, pos: int, *, inclusive_end: bool = False) -> list[Annotation]:
        """Annotations covering UTF-16 position ``pos``, innermost (shortest) first."""
        hits = [
            t for t in self.in_range(pos - 1 if inclusive_end else pos, pos + 1)
            if t[0] <= pos < t[1] or (inclusive_end and t[1] == pos)
        ]
        hits.sort(key=lambda t: (t[1] - t[0], t[0]))
        return [self._by_id[t[2]] for t in hits]

    def u16_range(self, a: Annotation) -> tuple[int, int]:
        return self.offsets.to_utf16(a.start), self.offsets.to_utf16(a.end)
