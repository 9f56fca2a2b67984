"""Training in a separate process: the window never waits for it (a keypress stays a keypress).

The process is the command line's own ``annotator train`` at low priority (``cli.background``),
reading the corpus file through SQLite like any second program, and writing the model folder beside the corpus
(``NAME.models/ANALYST``), swapped in whole when done. Stopping it (Quit, Stop training) is a
SIGTERM, on which ``train`` stops at its next iteration and writes nothing.
"""

from __future__ import annotations

import html
import json
import logging
import re
import sys
from pathlib import Path

from PySide6.QtCore import QObject, QProcess, QProcessEnvironment, Signal

from annotator.suggest.model import Manifest
from annotator.ui.i18n import tr

log = logging.getLogger(__name__)

RANK = 500  # unfinished articles ranked for "least sure first"


def model_folder(corpus_path: Path | str, annotator: str) -> Path:
    """Where the window keeps an analyst's model for a corpus: beside the corpus file."""
    corpus_path = Path(corpus_path)
    safe = re.sub(r"[^\w.-]+", "_", annotator).strip("._") or "analyst"
    return corpus_path.with_name(f"{corpus_path.stem}.models") / safe


def model_status(manifest: Manifest | None, running: bool) -> tuple[str, str]:
    """The status bar's words for the model (its held-out F1), and the tooltip with each label's figures."""
    if running:
        return tr("Model: training…"), tr("The suggestion model is being trained in a separate process.")
    if manifest is None:
        return "", ""
    f1 = manifest.f1
    rows = "".join(
        f"<tr><td>{html.escape(tag)}</td><td align=right>{s['precision']:.2f}</td>"
        f"<td align=right>{s['recall']:.2f}</td><td align=right>{s['f1']:.2f}</td></tr>"
        for tag, s in manifest.scores.get("labels", {}).items()
    )
    t = manifest.trained_from
    tip = tr(
        "Suggestion model ({engine}) trained on {get} of your finished articles, scored on {get2} held out "
        "({created}).<table><tr><th>label</th><th>P</th><th>R</th><th>F1</th></tr>{rows}</table>"
    ).format(
        engine=manifest.engine,
        get=t.get("articles", 0),
        get2=t.get("held_out_articles", 0),
        created=manifest.created,
        rows=rows,
    )
    return (tr("Model F1 {f1:.2f}").format(f1=f1) if f1 is not None else tr("Model ready")), tip


class ModelTrainer(QObject):
    started = Signal()
    finished = Signal(dict)  # the manifest, as JSON
    failed = Signal(str)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._process: QProcess | None = None

    @property
    def running(self) -> bool:
        return self._process is not None

    def start(self, corpus_path: Path, annotator: str, out: Path) -> bool:
        if self._process is not None:
            return False
        process = QProcess(self)
        process.setProgram(sys.executable)
        args = ["--db", str(corpus_path), "train", "--annotator", annotator, "--out", str(out),
                "--rank", str(RANK), "--json", "--quiet"]  # fmt: skip
        # a packaged app is the command itself; else the command at low priority
        process.setArguments(args if getattr(sys, "frozen", False) else ["-m", "annotator.cli.background", *args])
        env = QProcessEnvironment.systemEnvironment()
        for name in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
            env.insert(name, "1")
        process.setProcessEnvironment(env)
        process.finished.connect(lambda code, status: self._done(process, code, status))
        process.errorOccurred.connect(lambda error: self._error(process, error))
        self._process = process
        process.start()
        self.started.emit()
        return True

    def _done(self, process: QProcess, code: int, status) -> None:
        if process is not self._process:
            return
        self._process = None
        out = bytes(process.readAllStandardOutput()).decode("utf-8", "replace")
        err = bytes(process.readAllStandardError()).decode("utf-8", "replace").strip()
        process.deleteLater()
        if code == 0 and status == QProcess.ExitStatus.NormalExit:
            try:
                self.finished.emit(json.loads(out))
                return
            except ValueError:
                log.warning("The training process's report could not be read: %r", out[-500:], exc_info=True)
        self.failed.emit(
            err.removeprefix(tr("Error: ")).splitlines()[-1]
            if err
            else tr("Training stopped (exit {code}).").format(code=code)
        )

    def _error(self, process: QProcess, error) -> None:
        if error == QProcess.ProcessError.FailedToStart and process is self._process:
            self._process = None
            process.deleteLater()
            self.failed.emit(tr("Training could not start: {errorString}").format(errorString=process.errorString()))

    def stop(self, wait_ms: int = 3000) -> None:
        """Ask the training to stop (it writes nothing): a first SIGTERM stops it at its next iteration,
        a second unwinds it at once (removing its unfinished folder); kill it if it is still there."""
        process = self._process
        if process is None:
            return
        self._process = None
        process.terminate()
        if not process.waitForFinished(wait_ms // 2):
            process.terminate()
            if not process.waitForFinished(wait_ms // 2):
                process.kill()
                process.waitForFinished(1000)
        process.deleteLater()
