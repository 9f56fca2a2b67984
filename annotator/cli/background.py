"""``python -m annotator.cli.background ARGS``: the ``annotator`` command at low priority.

The window runs its trainings this way: the training process yields the processor to the window
(``nice`` 10), and the numerical libraries use one thread, so on a two-core laptop a label key
press is never kept waiting by a training running beside it.
"""

from __future__ import annotations

import logging
import os

log = logging.getLogger(__name__)

for _name in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):  # before numpy is imported
    os.environ.setdefault(_name, "1")


def run() -> None:
    if hasattr(os, "nice"):
        try:
            os.nice(10)
        except OSError as exc:
            log.debug("The background work keeps its priority: %s", exc)
    from annotator.cli import main

    main(prog_name="annotator")


if __name__ == "__main__":
    run()
