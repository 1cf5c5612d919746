"""One summary warning for a loop of bootstraps instead of one per row (private).

Tables of T per year, country or country-year bootstrap every row; each
sparse or biased row would raise its own :class:`~helixnet.exceptions.HelixnetWarning`
with different numbers, so a 500-row table printed 500 warnings. A
:class:`WarningTally` collects them per row and warns once, counting the
rows. Warnings of other kinds pass through unchanged.
"""

from __future__ import annotations

import os
import sys
import types
import warnings
from contextlib import contextmanager

from helixnet.exceptions import HelixnetWarning

_PACKAGE_DIR = os.path.dirname(os.path.abspath(__file__)) + os.sep


def user_stacklevel() -> int:
    """The ``stacklevel`` that points a warning at the first caller outside helixnet.

    Call it as the argument of :func:`warnings.warn` inside helixnet: the
    warning is then reported at the user's line however many helixnet frames
    (wrappers such as the deprecation decorator, internal helpers) lie in
    between (the idea of pandas' ``find_stack_level``).

    Examples
    --------
    >>> import warnings
    >>> def inner():
    ...     warnings.warn("note", UserWarning, stacklevel=user_stacklevel())
    >>> with warnings.catch_warnings(record=True) as caught:
    ...     warnings.simplefilter("always")
    ...     inner()
    >>> caught[0].filename.startswith(_PACKAGE_DIR)  # a doctest is not helixnet code
    False
    """
    frame: types.FrameType | None = sys._getframe(1)  # the frame that calls warnings.warn: stacklevel 1
    level = 1
    while frame is not None and frame.f_code.co_filename.startswith(_PACKAGE_DIR):
        frame = frame.f_back
        level += 1
    return level


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

    def report(self, what: str, stacklevel: int | None = None) -> None:
        """Warn once if any row warned: ``"<k> of <n> <what> are sparse ..."``."""
        if self.warned:
            which = f"{self.warned} of {self.rows} {what} are" if self.rows > 1 else "the table is"
            warnings.warn(
                f"{which} sparse (fewer than 10 cases per non-empty cell) or the bootstrap bias exceeds half "
                "a standard error: read the intervals with care (helixnet.bootstrap explains both)",
                HelixnetWarning, stacklevel=user_stacklevel() if stacklevel is None else stacklevel)
