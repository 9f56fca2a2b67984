"""The scenarios, in the order they run. Each takes a Bench and returns its Figures."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from benchmarks.context import Bench
from benchmarks.measure import Figure


@dataclass(frozen=True)
class Scenario:
    name: str
    figures: tuple[str, ...]  # the keys of the figures it measures
    module: str
    function: str = "run"

    def load(self) -> Callable[[Bench], list[Figure]]:
        import importlib

        return getattr(importlib.import_module(f"benchmarks.scenarios.{self.module}"), self.function)


SCENARIOS = (
    Scenario("import", ("import_txt",), "importing"),
    Scenario("export", ("export_jsonl", "export_conll", "export_hf", "export_prodigy", "export_spacy"), "exporting"),
    Scenario(
        "long-export",
        ("export_long_conll", "export_long_hf", "export_long_prodigy", "export_long_spacy"),
        "exporting",
        "long_article",
    ),
    Scenario("editor", ("open_article", "label_keypress", "label_keypress_export"), "editor"),
    Scenario("startup", ("startup",), "process", "startup"),
    Scenario("review", ("review_filter", "review_text"), "review"),
    Scenario("search", ("search",), "search"),
    Scenario("memory", ("memory",), "process", "memory"),
    Scenario(
        "suggest",
        ("suggest_f1", "suggest_train", "suggest_memory", "suggest_open", "suggest_retrain", "suggest_keypress"),
        "suggesting",
    ),
    Scenario("merge", ("merge",), "team", "merge"),
    Scenario("layers", ("open_layers",), "team", "open_layers"),
    Scenario("agreement", ("agreement", "adjudicate_open"), "agreement"),
    Scenario("growth", ("export_growth", "export_growth_rss", "import_growth", "index_growth"), "growth"),
)
