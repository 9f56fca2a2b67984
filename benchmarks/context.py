"""What every scenario gets: the sizes of this mode, the cached inputs, a scratch folder, Qt."""

from __future__ import annotations

import os
import shutil
import sys
import tempfile
import time
from functools import cached_property
from pathlib import Path

from benchmarks import corpora
from benchmarks.sizes import Sizes


class Bench:
    def __init__(self, sizes: Sizes, cache: Path, quiet: bool = False) -> None:
        self.sizes = sizes
        self.cache = cache
        self.quiet = quiet
        self.work = Path(tempfile.mkdtemp(prefix="annotator-bench-"))
        # Settings and automatic backups of the corpora opened here stay in the scratch folder.
        os.environ["XDG_CONFIG_HOME"] = str(self.work / "config")
        os.environ["XDG_DATA_HOME"] = str(self.work / "data")
        self._app = None

    def log(self, message: str) -> None:
        if not self.quiet:
            print(message, file=sys.stderr, flush=True)

    def _build(self, what: str, make):
        t0 = time.perf_counter()
        built = make()
        seconds = time.perf_counter() - t0
        if seconds > 1:
            self.log(f"  built {what} in {seconds:.1f} s")
        return built

    @cached_property
    def txt_folder(self) -> corpora.Built:
        return self._build("the .txt files", lambda: corpora.txt_folder(self.cache, self.sizes.import_files))

    @cached_property
    def export_corpus(self) -> corpora.Built:
        return self._build("the export corpus", lambda: corpora.corpus_file(self.cache, self.sizes.export_corpus))

    @cached_property
    def large_corpus(self) -> corpora.Built:
        return self._build(
            "the large corpus", lambda: corpora.corpus_file(self.cache, self.sizes.large_corpus, self.log)
        )

    @cached_property
    def long_corpus(self) -> corpora.Built:
        return self._build("the long-article corpus", lambda: corpora.corpus_file(self.cache, self.sizes.long_corpus))

    @cached_property
    def team_corpus(self) -> corpora.Built:
        return self._build("the team corpus", lambda: corpora.corpus_file(self.cache, self.sizes.team_corpus))

    @cached_property
    def huge_article(self) -> corpora.Built:
        return self._build("the very long article", lambda: corpora.corpus_file(self.cache, self.sizes.huge_article))

    def scratch(self, name: str) -> Path:
        """An empty folder for one scenario's files, removed at the end of the run."""
        folder = self.work / name
        if folder.exists():
            shutil.rmtree(folder)
        folder.mkdir(parents=True)
        return folder

    def qt(self):
        """The QApplication (offscreen), created on first use so Qt-free scenarios never load Qt."""
        if self._app is None:
            from annotator.ui.app import make_app

            self._app = make_app([])
        return self._app

    def close(self) -> None:
        shutil.rmtree(self.work, ignore_errors=True)
