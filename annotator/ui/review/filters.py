"""The review filters: label, annotator, article status, covered text or regex, date of last change, review state.

Every widget here only describes a filter; ``filter_changed`` carries the combined
ReviewFilter. An invalid regular expression is reported here, in words, before any query.
"""

from __future__ import annotations

import re
from datetime import UTC, datetime, time

from PySide6.QtCore import QDate, Qt, QTimer, Signal
from PySide6.QtGui import QColor, QPixmap
from PySide6.QtWidgets import (
    QBoxLayout,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QToolButton,
    QWidget,
)

from annotator.core.model import Label, Status
from annotator.store.review import ReviewFilter
from annotator.ui.i18n import status_name, tr

ANY = None


def _utc_start(day: QDate) -> datetime:
    """The moment a day starts where the analyst is, in UTC, as the store compares it.

    The table shows times in local time; a filter on UTC days would leave out, say, what an
    analyst in Foshan labelled before 08:00. (A datetime is a date, so ReviewFilter takes it;
    the store adds one day to the end for the first moment after the range.)
    """
    return datetime.combine(day.toPython(), time()).astimezone().astimezone(UTC)


def _combo(parent: QWidget, name: str, tip: str) -> QComboBox:
    box = QComboBox(parent)
    box.setObjectName(name)
    box.setToolTip(tip)
    box.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
    return box


class ReviewFilterBar(QWidget):
    filter_changed = Signal(object)  # ReviewFilter
    invalid = Signal(str)  # why the text filter cannot run ("" when it can again)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("reviewFilterBar")
        self.text = QLineEdit(self)
        self.text.setObjectName("reviewTextFilter")
        self.text.setPlaceholderText(tr("Covered text contains…"))
        self.text.setClearButtonEnabled(True)
        self.text.setToolTip(tr("Show annotations whose covered text contains this (case-insensitive), "
                             "or matches it as a regular expression"))
        self.text.setMinimumWidth(150)
        self.regex = QCheckBox(tr("Re&gex"), self)
        self.regex.setObjectName("reviewRegex")
        self.regex.setToolTip(
            tr("Read the text filter as a Python regular expression (case-sensitive; add (?i) to ignore case)")
        )
        self.label = _combo(self, "reviewLabelFilter", tr("Show one label only"))
        self.annotator = _combo(self, "reviewAnnotatorFilter", tr("Show the annotations of one annotator only"))
        self.status = _combo(
            self, "reviewStatusFilter", tr("Show annotations whose annotator has the article at this status only")
        )
        self.status.addItem(tr("Any status"), ANY)
        for status in Status:
            self.status.addItem(status_name(status), str(status))
        self.reviewed = _combo(self, "reviewReviewedFilter", tr("Show reviewed annotations, or those still to review"))
        self.reviewed.addItem(tr("Reviewed or not"), ANY)
        self.reviewed.addItem(tr("Not reviewed"), False)
        self.reviewed.addItem(tr("Reviewed"), True)
        self.dated = QCheckBox(tr("&Changed"), self)
        self.dated.setObjectName("reviewDateFilter")
        self.dated.setToolTip(tr("Show annotations last changed between these two days (inclusive)"))
        today = QDate.currentDate()
        self.date_from = self._date_edit("reviewDateFrom", today.addMonths(-1), tr("First day of the last change"))
        self.date_to = self._date_edit("reviewDateTo", today, tr("Last day of the last change"))
        self.clear = QToolButton(self)
        self.clear.setObjectName("reviewClearFilters")
        self.clear.setText(tr("Clear"))
        self.clear.setToolTip(tr("Show every annotation again"))
        self.clear.setAutoRaise(True)

        # Two groups side by side when the dock is wide enough, one above the other when it is not,
        # so no combo box is ever cut short.
        first, second, third = QHBoxLayout(), QHBoxLayout(), QHBoxLayout()
        for row in (first, second, third):
            row.setContentsMargins(0, 0, 0, 0)
            row.setSpacing(6)
        first.addWidget(self.text, 1)
        first.addWidget(self.regex)
        for w in (self.label, self.annotator, self.status, self.reviewed):
            second.addWidget(w)
        third.addWidget(self.dated)
        third.addWidget(self.date_from)
        third.addWidget(QLabel("–", self))
        third.addWidget(self.date_to)
        third.addStretch(1)
        third.addWidget(self.clear)
        self._second, self._third = second, third
        # Stacked until shown wide enough for one row: a dock opening in a small window must not
        # ask the window to grow to a one-row width first.
        self._layout = QBoxLayout(QBoxLayout.Direction.TopToBottom, self)
        self._layout.setContentsMargins(0, 0, 0, 0)
        self._layout.setSpacing(6)
        self._layout.addLayout(first, 1)
        self._layout.addLayout(second)
        self._layout.addLayout(third)

        self._typing = QTimer(self, singleShot=True, interval=250)
        self._typing.timeout.connect(self._emit)
        self.text.textChanged.connect(self._typing.start)
        self.text.returnPressed.connect(self._emit)
        self.regex.toggled.connect(self._emit)
        for box in (self.label, self.annotator, self.status, self.reviewed):
            box.currentIndexChanged.connect(self._emit)
        self.dated.toggled.connect(self._dates_toggled)
        self.date_from.dateChanged.connect(self._emit)
        self.date_to.dateChanged.connect(self._emit)
        self.clear.clicked.connect(self.reset)
        self._last: ReviewFilter | None = ReviewFilter()
        self._only: str | None = None  # blind mode: the one analyst whose annotations may be listed
        self._dates_toggled(False)

    @property
    def stacked(self) -> bool:
        """True when the filters take several rows (the dock is too narrow for one)."""
        return self._layout.direction() == QBoxLayout.Direction.TopToBottom

    def resizeEvent(self, event) -> None:  # noqa: N802
        one_row = (self.text.minimumWidth() + self.regex.sizeHint().width() + self._second.sizeHint().width()
                   + self._third.sizeHint().width() + 30)
        direction = (
            QBoxLayout.Direction.TopToBottom if event.size().width() < one_row else QBoxLayout.Direction.LeftToRight
        )
        if direction != self._layout.direction():
            self._layout.setDirection(direction)
        super().resizeEvent(event)
    def _date_edit(self, name: str, day: QDate, tip: str) -> QDateEdit:
        edit = QDateEdit(day, self)
        edit.setObjectName(name)
        edit.setCalendarPopup(True)
        edit.setDisplayFormat("yyyy-MM-dd")
        edit.setToolTip(tip)
        return edit

    def set_choices(self, labels: list[Label], annotators: list[str]) -> None:
        """Fill the label and annotator lists, keeping what is chosen when it still exists."""
        self._refill(self.label, tr("Any label"), [(lab.name, lab.id) for lab in labels])
        for i, lab in enumerate(labels, start=1):
            swatch = QPixmap(12, 12)
            swatch.fill(QColor(lab.colour))
            self.label.setItemIcon(i, swatch)
        self._refill(self.annotator, tr("Any annotator"), [(name, name) for name in annotators])

    def _refill(self, box: QComboBox, everyone: str, items: list[tuple[str, object]]) -> None:
        chosen = box.currentData()
        box.blockSignals(True)
        box.clear()
        box.addItem(everyone, ANY)
        for text, data in items:
            box.addItem(text, data)
        at = box.findData(chosen) if chosen is not None else 0
        box.setCurrentIndex(max(0, at))
        box.blockSignals(False)
        if chosen is not None and at < 0:
            self._emit()

    def _dates_toggled(self, on: bool) -> None:
        self.date_from.setEnabled(on)
        self.date_to.setEnabled(on)
        self._emit()

    def reset(self) -> None:
        for w in (self.text, self.regex, self.label, self.annotator, self.status, self.reviewed, self.dated):
            w.blockSignals(True)
        self.text.clear()
        self.regex.setChecked(False)
        for box in (self.label, self.annotator, self.status, self.reviewed):
            box.setCurrentIndex(0)
        self.dated.setChecked(False)
        for w in (self.text, self.regex, self.label, self.annotator, self.status, self.reviewed, self.dated):
            w.blockSignals(False)
        self._dates_toggled(False)

    def restrict_to(self, name: str | None) -> None:
        """Blind mode: list only ``name``'s annotations (None: anyone's, as chosen in the filter)."""
        if name == self._only:
            return
        self._only = name
        self.annotator.setEnabled(name is None)
        self.annotator.setToolTip(
            tr("Blind mode: only your own annotations are listed")
            if name
            else tr("Show the annotations of one annotator only")
        )
        self._emit()

    def current(self) -> ReviewFilter:
        label, annotator, status = self.label.currentData(), self.annotator.currentData(), self.status.currentData()
        if self._only is not None:
            annotator = self._only
        start, end = _utc_start(self.date_from.date()), _utc_start(self.date_to.date())
        if start > end:
            start, end = end, start
        return ReviewFilter(
            label_ids=(label,) if label is not None else (),
            annotators=(annotator,) if annotator is not None else (),
            statuses=(status,) if status is not None else (),
            text=self.text.text().strip() if not self.regex.isChecked() else self.text.text(),
            regex=self.regex.isChecked(),
            changed_from=start if self.dated.isChecked() else None,
            changed_to=end if self.dated.isChecked() else None,
            reviewed=self.reviewed.currentData(),
        )

    def _emit(self, *_args) -> None:
        self._typing.stop()
        flt = self.current()
        problem = ""
        if flt.regex and flt.text:
            try:
                re.compile(flt.text)
            except re.error as exc:
                problem = tr("Invalid regular expression: {msg} (at position {pos}).").format(msg=exc.msg, pos=exc.pos)
        self.text.setStyleSheet("QLineEdit { border: 1px solid #d63031; }" if problem else "")
        self.invalid.emit(problem)
        if problem or flt == self._last:
            return
        self._last = flt
        self.filter_changed.emit(flt)

    def show_exactly(self, *texts: str) -> None:
        """Only the annotations whose covered text is one of ``texts``, with every other filter cleared."""
        self.reset()
        self.regex.blockSignals(True)
        self.regex.setChecked(True)
        self.regex.blockSignals(False)
        self.text.blockSignals(True)
        exact = [re.escape(t) for t in texts]
        self.text.setText(f"^(?:{'|'.join(exact)})$" if len(exact) > 1 else f"^{exact[0]}$")
        self.text.blockSignals(False)
        self._emit()

    def focus_text(self) -> None:
        self.text.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.text.selectAll()
