"""A wall-clock limit on work whose run time a user's file controls: the taxonomy's regular expressions (issue 6).

The static check of ``clauses.regex_safety`` refuses the exponential shapes; polynomial ones (``\\s+$`` on
a long run of spaces) still pass, so classification runs under an alarm. CPython's regex engine checks
for signals as it matches, so a SIGALRM handler that raises interrupts even a runaway match.
"""
from __future__ import annotations

import signal
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager

#: Classifying a document may take this long plus ``SECONDS_PER_MILLION_CHARACTERS``: the slowest real
#: document takes ~0.6 s per million characters, so honest work never comes near it, even on a busy machine.
BASE_SECONDS = 10.0
SECONDS_PER_MILLION_CHARACTERS = 20.0


def classification_seconds(characters: int) -> float:
    """The time a document of ``characters`` characters may take to classify."""
    return BASE_SECONDS + SECONDS_PER_MILLION_CHARACTERS * characters / 1_000_000


@contextmanager
def time_limit(seconds: float, error: Exception) -> Iterator[None]:
    """Raise ``error`` inside the block if it runs longer than ``seconds`` of wall-clock time.

    Signals reach only the main thread, so elsewhere (or without ``setitimer``) the block runs unlimited.
    An alarm already set outside keeps its handler and its remaining time; if it would fire first, it is
    left in charge and this limit is not set.
    """
    if not hasattr(signal, "setitimer") or threading.current_thread() is not threading.main_thread():
        yield
        return
    outer_delay, outer_interval = signal.getitimer(signal.ITIMER_REAL)
    if 0 < outer_delay <= seconds:
        yield
        return

    def expire(signum, frame):
        raise error

    previous_handler = signal.signal(signal.SIGALRM, expire)
    started = time.monotonic()
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous_handler if previous_handler is not None else signal.SIG_DFL)
        if outer_delay:
            # setitimer(0) disarmed the outer alarm too: re-arm it with what it had left.
            signal.setitimer(signal.ITIMER_REAL, max(outer_delay - (time.monotonic() - started), 1e-6), outer_interval)
