"""A progress bar over the documents of a batch, drawn on stderr by tqdm and only on a terminal."""
from __future__ import annotations

import sys

from tqdm import tqdm

# tqdm's monitor thread would be running when the process pool forks its workers; the bar needs none.
tqdm.monitor_interval = 0


def progress_bar(total: int, *, enabled: bool) -> tqdm:
    """A bar counting ``total`` documents; silent unless ``enabled`` and stderr is a terminal (never in a pipe or log).

    Data goes to stdout, so the bar on stderr never mixes with it.
    """
    shown = enabled and sys.stderr is not None and sys.stderr.isatty()
    return tqdm(total=total, unit="doc", file=sys.stderr, disable=not shown, leave=False, dynamic_ncols=True)
