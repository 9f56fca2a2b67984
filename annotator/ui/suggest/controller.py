"""Suggestions for the open article: computed, painted, walked through and accepted or rejected.

Sources are the dictionary of labelled texts (from the first label on; it follows every label,
undo included) and the model trained from the analyst's finished articles. The model's
predictions for an article are computed once when it opens (they do not change as the analyst
labels); a label key press only re-runs the dictionary, after the key press has been handled.
Accepting is an ordinary AddAnnotations edit, rejecting a RejectMentions edit: both undo.
"""

from __future__ import annotations

import logging
import time
from bisect import bisect_left
from pathlib import Path

from PySide6.QtCore import QEvent, QObject, QSettings, QThreadPool, QTimer, Signal
from PySide6.QtWidgets import QInputDialog, QLabel, QMenu, QToolTip

from annotator.core.model import Annotation
from annotator.core.text import shorten
from annotator.store.consistency import MissedMention
from annotator.store.layers import (
    article_status,
    finished_count,
    labelled_texts,
    labelled_texts_in_file,
    rejected_places,
    spans_overlapping,
)
from annotator.suggest.dictionary import Dictionary, key_of
from annotator.suggest.live import ArticleSuggestions, LiveSuggestions
from annotator.suggest.model import Manifest, ModelError, Suggestion, load_model
from annotator.ui import settings as keys
from annotator.ui.commands import AddAnnotations
from annotator.ui.consistency.commands import RejectMentions
from annotator.ui.i18n import tr
from annotator.ui.suggest.actions import SuggestionActions
from annotator.ui.suggest.overlay import SuggestionOverlay
from annotator.ui.suggest.pointer import suggestion_menu, suggestion_tooltip
from annotator.ui.suggest.trainer import ModelTrainer, model_folder, model_status
from annotator.ui.tasks import Task

log = logging.getLogger(__name__)

MIN_FINISHED = 2  # finished articles before the first training


def _read_dictionary(progress, path: Path, own: str | None) -> Dictionary:
    """The dictionary of labelled texts, read through a connection of its own (a worker's task)."""
    return Dictionary.from_counts(labelled_texts_in_file(path, own))


class SuggestionController(QObject):
    message = Signal(str)

    def __init__(self, session, editor, stack, settings: QSettings, window) -> None:
        super().__init__(window)
        self.session = session
        self.editor = editor
        self.pane = editor.pane
        self.stack = stack
        self.settings = settings
        self.live = LiveSuggestions()
        self.overlay = SuggestionOverlay(self.pane)
        window.window_actions.attach_text(self.pane)
        self.actions = SuggestionActions(window.window_actions)
        self.doc: ArticleSuggestions | None = None  # the open article's suggestions
        self.selected: Suggestion | None = None
        self._shown_article: int | None = None
        self._kept: tuple[int | None, Suggestion] | None = None  # the selection while the article reloads
        self.last_ms = 0.0  # how long looking at the whole open article took
        self._started = 0.0
        self._predicted: dict[int, list[Suggestion]] = {}  # article id -> the model's suggestions
        self._ranking: list[int] = []
        self.manifest: Manifest | None = None
        self._tried_at = -1  # finished articles when training last started
        self._model_loaded = False
        self.trainer = ModelTrainer(self)
        self.status = QLabel(objectName="statusModel")
        self.status.setContentsMargins(8, 0, 8, 0)
        self._stepper = QTimer(self, interval=0, timeout=self._more)  # a long article, a piece per idle moment
        self._pool = QThreadPool(self)  # one thread: readings of the dictionary take turns
        self._pool.setMaxThreadCount(1)
        self._reading: Task | None = None
        self._meanwhile: list[tuple[str, str, int]] = []
        self._blind = session.corpus.team.blind
        a = self.actions
        a.show.setChecked(keys.SUGGEST_SHOW.read(settings))
        a.least_sure.setChecked(keys.SUGGEST_LEAST_SURE.read(settings))
        a.own_only.setChecked(keys.SUGGEST_OWN_ONLY.read(settings))
        self.retrain_every = max(1, keys.SUGGEST_RETRAIN_EVERY.read(settings))
        a.next.triggered.connect(lambda: self.step(1))
        a.previous.triggered.connect(lambda: self.step(-1))
        a.accept.triggered.connect(lambda: self.accept())
        a.reject.triggered.connect(self.reject)
        a.accept_all.triggered.connect(self.accept_all)
        a.show.toggled.connect(self._show_toggled)
        a.least_sure.toggled.connect(lambda on: keys.SUGGEST_LEAST_SURE.write(settings, on))
        a.own_only.toggled.connect(self._own_only_toggled)
        a.train_now.triggered.connect(lambda: self.train(force=True))
        a.stop_training.triggered.connect(self.stop_training)
        a.retrain_every.triggered.connect(self._ask_retrain_every)
        session.annotations_added.connect(lambda items: self._labelled(items, +1))
        session.annotations_removed.connect(lambda items: self._labelled(items, -1))
        session.annotations_changed.connect(self._relabelled)
        session.labels_changed.connect(self._labels_changed)
        session.article_changed.connect(self._article_changed)
        editor.article_opened.connect(self._article_opened)
        self.pane.viewport().installEventFilter(self)
        self.trainer.started.connect(self._show_model_status)
        self.trainer.finished.connect(self._trained)
        self.trainer.failed.connect(self._training_failed)
        self._rebuild_dictionary()
        # after the window is shown: start-up does not wait for the model
        self._model_timer = QTimer(self, singleShot=True, interval=0, timeout=self._load_model)
        self._model_timer.start()
        self._update_actions()

    # --- sources ---------------------------------------------------------------------------
    def _tag_of(self) -> dict[int, str]:
        return {lab.id: lab.tag for lab in self.session.labels}

    def _rebuild_dictionary(self) -> None:
        """Read the dictionary of labelled texts again: in a worker thread with its own read-only
        connection for a corpus file (a million spans take seconds), then look at the article again.
        Labels made meanwhile are kept aside and added to it when it arrives."""
        own = self.session.annotator if self.own_only else None
        path = self.session.corpus.path
        if path is None:
            self.live.dictionary = Dictionary.from_counts(labelled_texts(self.session.corpus, own))
            return
        self._meanwhile = []
        task = self._reading = Task.in_thread(_read_dictionary, path, own, pool=self._pool)
        task.succeeded.connect(lambda dictionary: self._dictionary_read(task, dictionary))
        task.failed.connect(lambda exc: self._dictionary_failed(task, exc))
        task.start()

    def _dictionary_failed(self, task: Task, exc: BaseException) -> None:
        if task is not self._reading:  # a later reading replaced it
            return
        self._reading = None
        # the corpus went away or is locked: suggestions from the model only
        log.warning("The dictionary of labelled texts could not be read", exc_info=exc)
        self.message.emit(tr("The dictionary of labelled texts could not be read ({exc}).").format(exc=exc))

    def _dictionary_read(self, task: Task, dictionary: Dictionary) -> None:
        if task is not self._reading:  # a later reading replaced it
            return
        self._reading = None
        for text, tag, n in self._meanwhile:
            (dictionary.add if n > 0 else dictionary.remove)(text, tag)
        self._meanwhile = []
        self.live.dictionary = dictionary
        self.refresh(now=False)

    @property
    def folder(self) -> Path | None:
        path = self.session.corpus.path
        return model_folder(path, self.session.annotator) if path else None

    def _load_model(self) -> None:
        folder = self.folder
        self._model_loaded = True
        self.live.tagger, self.manifest, self._ranking = None, None, []
        if folder is not None and (folder / "manifest.json").is_file():
            try:
                self.live.tagger = load_model(folder)
                self.manifest = Manifest.read(folder)
                ranking = folder / "ranking.json"
                if ranking.is_file():
                    import json

                    self._ranking = [int(i) for i in json.loads(ranking.read_text(encoding="utf-8"))]
            except (ModelError, OSError, ValueError) as exc:
                log.warning("The suggestion model in %s could not be loaded", folder, exc_info=True)
                self.message.emit(
                    tr("The suggestion model could not be loaded ({exc}); it will be trained again.").format(exc=exc)
                )
        self._predicted.clear()
        self._show_model_status()
        if hasattr(self, "doc"):  # a new model: look at the open article again
            self.refresh()

    def _labelled(self, annotations: list[Annotation], sign: int) -> None:
        tags = self._tag_of()
        own = self.own_only
        for a in annotations:
            if own and a.annotator != self.session.annotator:
                continue
            tag = tags.get(a.label_id)
            if tag is not None:
                (self.live.dictionary.add if sign > 0 else self.live.dictionary.remove)(a.text, tag)
                if self._reading is not None:  # a new dictionary is being read: it may not have this yet
                    self._meanwhile.append((a.text, tag, sign))
        doc, article = self.doc, self.editor.article
        if doc is None or article is None:
            return
        for a in annotations:
            if a.article_id == article.id:
                (doc.labelled if sign > 0 else doc.unlabelled)(a.start, a.end)
            else:  # labelled or unlabelled elsewhere (another article, a bulk edit): its text may be here too
                doc.later(key_of(a.text))
        self._show()
        self._stepper.start()  # the texts are looked for again once the key press is handled

    def _relabelled(self, pairs: list) -> None:
        self._labelled([old for old, _ in pairs], -1)
        self._labelled([new for _, new in pairs], +1)

    def _labels_changed(self) -> None:
        self._rebuild_dictionary()  # a label deleted takes its texts with it
        self.refresh()

    def _own_only_toggled(self, on: bool) -> None:
        keys.SUGGEST_OWN_ONLY.write(self.settings, on)
        self._rebuild_dictionary()
        self.refresh()

    @property
    def own_only(self) -> bool:
        """Suggest from the analyst's own labels only: when chosen, and always in blind mode."""
        return self.actions.own_only.isChecked() or self.session.corpus.team.blind

    def blind_changed(self) -> None:
        """Blind mode set or lifted (Team › Blind mode, or another program): the dictionary follows."""
        blind = self.session.corpus.team.blind
        if blind != self._blind:
            self._blind = blind
            self._rebuild_dictionary()
            self.refresh()

    # --- computing what is shown -------------------------------------------------------------
    @property
    def shown(self) -> bool:
        return self.actions.show.isChecked()

    @property
    def items(self) -> list[Suggestion]:
        return self.doc.items if self.doc is not None else []

    def _article_opened(self, article) -> None:
        if article is None:  # closed, or about to be shown again as it is now in the file
            self._kept = (self._shown_article, self.selected) if self.selected is not None else self._kept
        else:
            same = self._kept is not None and self._kept[0] == article.id
            self.selected = self._kept[1] if same else None  # reshown: the selection stays
            self._kept = None
            self._shown_article = article.id
        self.refresh(now=False)

    def refresh(self, now: bool = True) -> None:
        """Look at the open article afresh. The first piece is looked at ``now`` (else just after the
        text is painted), the rest of a long article a piece at a time while the window is idle."""
        self._stepper.stop()
        article = self.editor.article
        self.doc = None
        if article is None or not self.shown:
            self._show()
            return
        corpus, article_id = self.session.corpus, article.id
        taken = lambda start, end: spans_overlapping(corpus, article_id, start, end)  # noqa: E731
        tags = {lab.tag for lab in self.session.labels}
        rejected = rejected_places(self.session.corpus, article.id)
        predicted = self._predicted.get(article.id) if self.live.tagger is not None else None
        self.doc = ArticleSuggestions(self.live, article.text, taken, rejected, tags, predicted)
        self._started = time.perf_counter()
        if now:
            self._more()
        self._stepper.start()

    def wait_ready(self) -> None:
        """Wait for the dictionary and the model, then look at the whole open article (scripts and tests)."""
        if self._reading is not None:
            self._reading.wait()
        if not self._model_loaded:
            self._model_timer.stop()
            self._load_model()
        self.complete()

    def complete(self) -> None:
        """Every piece of the open article looked at, every pending text looked for (before Accept all, or in tests)."""
        while self.doc is not None and (self.doc.rescanning or not self.doc.complete):
            self._more()

    def _more(self) -> None:
        doc = self.doc
        if doc is None or (doc.complete and not doc.rescanning):
            self._stepper.stop()
            return
        if doc.rescanning:  # a slice at a time: a key press never waits long behind it
            doc.rescan_pending()
            self._show()
            return
        doc.step()
        if doc.complete:
            self._stepper.stop()
            self.last_ms = (time.perf_counter() - self._started) * 1000
            article = self.editor.article
            if article is not None and self.live.tagger is not None and article.id not in self._predicted:
                self._predicted[article.id] = sorted(doc.model_found, key=lambda s: (s.start, s.end))
                if len(self._predicted) > 64:
                    self._predicted.pop(next(iter(self._predicted)))
        self._show()

    def _show(self) -> None:
        items = self.items
        s = self.selected
        # a selected suggestion goes once it is gone from a part already looked at (a refresh keeps it)
        if s is not None and (self.doc is None or self.doc.done_upto >= s.end) and s not in self._near(s):
            self.selected = None
        colours = {lab.tag: lab.colour for lab in self.session.labels}
        self.overlay.set_items(items if self.shown else [], colours, self.selected)
        self._update_actions()

    def _near(self, s: Suggestion) -> list[Suggestion]:
        items = self.items
        i = bisect_left(items, (s.start, s.end), key=lambda x: (x.start, x.end))
        return items[i : i + 1]

    def _update_actions(self) -> None:
        has = bool(self.items) and self.shown
        for action in (self.actions.next, self.actions.previous, self.actions.accept_all):
            action.setEnabled(has)
        for action in (self.actions.accept, self.actions.reject):
            action.setEnabled(has and self.selected is not None)
        self.actions.stop_training.setEnabled(self.trainer.running)
        self.actions.train_now.setEnabled(not self.trainer.running and self.session.corpus.path is not None)

    def _show_toggled(self, on: bool) -> None:
        keys.SUGGEST_SHOW.write(self.settings, on)
        self.selected = None
        self.refresh()

    # --- walking and deciding -------------------------------------------------------------------
    def step(self, direction: int) -> Suggestion | None:
        """Select the next (1) or previous (-1) suggestion from the selected one or the caret, wrapping around."""
        items = self.items
        if not items:
            return None
        if self.selected is not None:
            i = bisect_left(items, (self.selected.start, self.selected.end), key=lambda s: (s.start, s.end))
            i = (i + direction) % len(items)
        else:
            caret = self.pane.offsets.to_codepoint(self.pane.textCursor().position())
            i = bisect_left(items, caret, key=lambda s: s.start)
            i = (i if direction > 0 else i - 1) % len(items)
        self.selected = items[i]
        self._reveal()
        return self.selected

    def _after(self, pos: int) -> None:
        """Select the first suggestion at or after ``pos`` (the next to decide on), if any."""
        items = self.items
        i = bisect_left(items, pos, key=lambda s: s.start)
        self.selected = items[i] if i < len(items) else (items[0] if items else None)

    def _reveal(self) -> None:
        s = self.selected
        self._show()
        if s is None:
            return
        self.pane.place_caret(s.start)
        self.pane.ensureCursorVisible()
        label = self._label_for(s.tag)
        sure = "" if s.confidence is None else tr(", {confidence:.0%} sure").format(confidence=s.confidence)
        position = bisect_left(self.items, (s.start, s.end), key=lambda x: (x.start, x.end)) + 1
        self.message.emit(
            tr(
                "Suggestion {position} of {count}: “{text}” as {value} ({source}{sure}). Enter accepts, a label key "
                "gives another label, X rejects."
            ).format(
                position=position,
                count=len(self.items),
                text=self._text(s),
                value=label.name if label else s.tag,
                source=s.source,
                sure=sure,
            )
        )

    def _text(self, s: Suggestion) -> str:
        return self.editor.article.text[s.start : s.end]

    def _label_for(self, tag: str):
        return next((lab for lab in self.session.labels if lab.tag == tag), None)

    def accept(self, label_id: int | None = None) -> bool:
        """Label the selected suggestion (with its own label, or ``label_id``)."""
        s = self.selected
        article = self.editor.article
        if s is None or article is None:
            return False
        label = self.session.label(label_id) if label_id is not None else self._label_for(s.tag)
        if label is None:
            return False
        a = Annotation(None, article.id, label.id, s.start, s.end, self._text(s), self.session.annotator)
        if self.editor.run(
            AddAnnotations(
                self.session,
                [a],
                tr("Accept suggestion “{shorten}” as {name}").format(shorten=shorten(a.text, 40), name=label.name),
            )
        ):
            self._after(a.end)  # the next one, ready for Enter
            self._reveal()
            return True
        return False

    def accept_with_label(self, label_id: int) -> bool:
        """A label key: accept the selected suggestion with that label, when one is selected and no text is."""
        if self.selected is None or self.pane.selection_codepoints() is not None or not self.pane.hasFocus():
            return False
        return self.accept(label_id)

    def reject(self) -> bool:
        s = self.selected
        article = self.editor.article
        if s is None or article is None:
            return False
        text = self._text(s)
        label = self._label_for(s.tag)
        mention = MissedMention(
            article.id, article.title, s.start, s.end, text, key_of(text), label.id if label else 0, "", ""
        )
        command = RejectMentions(self.session, [mention], self._rejections_changed)
        command.setText(tr("Reject suggestion “{shorten}”").format(shorten=shorten(text, 40)))
        if self.editor.run(command):
            self._after(s.end)
            self._reveal()
            return True
        return False

    def _rejections_changed(self) -> None:
        """A rejection was made or undone: take the difference into the open article's suggestions."""
        doc, article = self.doc, self.editor.article
        if doc is None or article is None:
            return
        now = rejected_places(self.session.corpus, article.id)
        for place in now - doc.rejected:
            for s in [x for x in doc.items if (x.start, x.end) == place[:2]]:
                doc.reject(s)
        for start, end, key in doc.rejected - now:
            doc.unreject(start, end, key)
        self._show()

    def accept_all(self) -> int:
        article = self.editor.article
        self.complete()
        if article is None or not self.items:
            return 0
        new = []
        for s in self.items:
            label = self._label_for(s.tag)
            if label is not None:
                new.append(
                    Annotation(None, article.id, label.id, s.start, s.end, self._text(s), self.session.annotator)
                )
        if new and self.editor.run(
            AddAnnotations(self.session, new, tr("Accept %n suggestion(s)", None, len(new)))
        ):
            self.selected = None
            self._show()
            self.message.emit(
                tr("Accepted %n suggestion(s). Ctrl+Z takes them all back.", None, len(new))
            )
            return len(new)
        return 0

    # --- hover ---------------------------------------------------------------------------------
    def at(self, cp: int) -> int:
        """The index of the suggestion covering code point ``cp``, or -1."""
        items = self.items
        i = bisect_left(items, cp + 1, key=lambda s: s.start) - 1
        return i if i >= 0 and items[i].start <= cp < items[i].end else -1

    def eventFilter(self, watched, event) -> bool:  # noqa: N802
        kind = event.type()
        if kind == QEvent.Type.ToolTip and self.items and self.shown:
            pos = self.pane.cursorForPosition(event.pos()).position()
            i = self.at(self.pane.offsets.to_codepoint(pos))
            if i >= 0:
                QToolTip.showText(event.globalPos(), self.tooltip(self.items[i]), self.pane)
                return True
        elif (
            kind == QEvent.Type.ContextMenu and self.items and self.shown and not self.pane.textCursor().hasSelection()
        ):
            i = self.at(self.pane.offsets.to_codepoint(self.pane.cursorForPosition(event.pos()).position()))
            if i >= 0:
                self.selected = self.items[i]
                self._reveal()
                menu = self.context_menu()
                menu.exec(event.globalPos())
                menu.deleteLater()
                return True
        elif kind == QEvent.Type.MouseButtonRelease and self.items and self.shown:
            # a click on an outline selects that suggestion (after the pane has placed the caret)
            point = event.position().toPoint()
            QTimer.singleShot(0, lambda: self._clicked(point))
        return False

    def context_menu(self) -> QMenu:
        """The right-click menu of the selected suggestion: accept it (with any label) or reject it."""
        return suggestion_menu(self)

    def _clicked(self, point) -> None:
        if self.pane.textCursor().hasSelection():
            return
        i = self.at(self.pane.offsets.to_codepoint(self.pane.cursorForPosition(point).position()))
        if i >= 0:
            self.selected = self.items[i]
            self._reveal()

    def tooltip(self, s: Suggestion) -> str:
        return suggestion_tooltip(s, self._label_for(s.tag), self._text(s))

    # --- training ----------------------------------------------------------------------------------
    def _article_changed(self, article_id: int) -> None:
        """An article's status or spans changed: train when enough articles were newly finished."""
        if self.trainer.running or self.session.corpus.path is None:
            return
        if article_status(self.session.corpus, article_id) != "done":
            return  # a span added or removed: one look-up, then nothing (key presses stay cheap)
        done = finished_count(self.session.corpus)
        if self.manifest is None:
            due = done >= MIN_FINISHED
        else:
            due = done >= (self.manifest.trained_from.get("finished_articles") or 0) + self.retrain_every
        if due and done != self._tried_at:
            self._tried_at = done  # a training that fails is not retried until another article is finished
            self.train()

    def train(self, force: bool = False) -> bool:
        folder = self.folder
        if folder is None or self.trainer.running:
            return False
        started = self.trainer.start(Path(self.session.corpus.path), self.session.annotator, folder)
        if started and force:
            self.message.emit(tr("Training the suggestion model in the background…"))
        self._update_actions()
        return started

    def stop_training(self) -> None:
        self.trainer.stop()
        self._show_model_status()
        self._update_actions()

    def _trained(self, manifest: dict) -> None:
        self._load_model()
        f1 = self.manifest.f1 if self.manifest else None
        self.message.emit(
            tr("Suggestion model retrained") + (tr(": held-out F1 {f1:.2f}.").format(f1=f1) if f1 is not None else ".")
        )
        self._update_actions()

    def _training_failed(self, message: str) -> None:
        self._show_model_status()
        self._update_actions()
        self.message.emit(tr("The suggestion model was not trained: {message}").format(message=message))

    def _show_model_status(self) -> None:
        text, tip = model_status(self.manifest, self.trainer.running)
        self.status.setText(text)
        self.status.setToolTip(tip)

    def _ask_retrain_every(self) -> None:
        n, ok = QInputDialog.getInt(
            self.pane.window(),
            tr("Retrain every"),
            tr("Retrain the suggestion model after this many newly finished articles:"),
            self.retrain_every,
            1,
            1000,
        )
        if ok:
            self.retrain_every = n
            keys.SUGGEST_RETRAIN_EVERY.write(self.settings, n)

    # --- active learning -------------------------------------------------------------------------------
    def least_sure_next(self, current: int | None) -> int | None:
        """The unfinished article the model is least sure about (not the open one), when that is on."""
        if not self.actions.least_sure.isChecked() or not self._ranking:
            return None
        statuses = self.session.corpus.articles
        for article_id in self._ranking:
            if article_id != current and statuses.exists(article_id) and statuses.summary(article_id).status != "done":
                return article_id
        return None

    def shutdown(self) -> None:
        self._model_timer.stop()
        self._stepper.stop()
        self._reading = None  # a reading still under way is ignored when it ends
        self._pool.clear()  # and one not begun never begins
        self.trainer.stop(wait_ms=2000)
