"""Progress bars for long loops (private): tqdm on stderr, only on a terminal.

Every routine that repeats a computation many times (bootstrap, permutation
tests, Shapley values, null models) takes ``progress=False``; the command line
turns it on unless ``--quiet`` is given. A bar is drawn only when stderr is a
terminal, so logs, pipes and test output stay clean, and it never changes a
result.
"""

from __future__ import annotations

import sys


def progress_bar(iterable, total: int, enabled: bool, desc: str):
    """Wrap `iterable` in a tqdm bar on stderr when `enabled` and stderr is a terminal."""
    if enabled and sys.stderr.isatty():
        from tqdm.auto import tqdm

        return tqdm(iterable, total=total, desc=desc, file=sys.stderr)
    return iterable
