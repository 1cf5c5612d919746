"""One summary warning for a loop of bootstraps instead of one per row (private).

Tables of T per year, country or country-year bootstrap every row; each
sparse or biased row would raise its own :class:`~helixnet.exceptions.HelixnetWarning`
with different numbers, so a 500-row table printed 500 warnings. A
:class:`WarningTally` collects them per row and warns once, counting the
rows. Warnings of other kinds pass through unchanged.
"""

from __future__ import annotations

import warnings
from contextlib import contextmanager

from helixnet.exceptions import HelixnetWarning


class WarningTally:
    """Count the rows whose computation raised a HelixnetWarning."""

    def __init__(self):
        self.rows = 0
        self.warned = 0

    @contextmanager
    def row(self):
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always")
            yield
        self.rows += 1
        self.warned += any(issubclass(w.category, HelixnetWarning) for w in caught)
        for w in caught:
            if not issubclass(w.category, HelixnetWarning):
                warnings.warn_explicit(w.message, w.category, w.filename, w.lineno)

    def report(self, what: str, stacklevel: int = 3) -> None:
        """Warn once if any row warned: ``"<k> of <n> <what> are sparse ..."``."""
        if self.warned:
            which = f"{self.warned} of {self.rows} {what} are" if self.rows > 1 else "the table is"
            warnings.warn(
                f"{which} sparse (fewer than 10 cases per non-empty cell) or the bootstrap bias exceeds half "
                "a standard error: read the intervals with care (helixnet.bootstrap explains both)",
                HelixnetWarning, stacklevel=stacklevel)
