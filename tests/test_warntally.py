"""Tables of T per year/country bootstrap every row: one summary warning, not one per row."""

from __future__ import annotations

import warnings
from pathlib import Path

from helixnet.bibliometrics import _pipeline as bib
from helixnet.exceptions import HelixnetWarning

FIX = Path(__file__).parent / "fixtures" / "bibliometrics"


def test_one_summary_warning_counts_the_sparse_rows():
    """The two WoS fixture files hold 20 documents over four years (3-6 a year, below 10 cases
    per non-empty cell of a 2x2x2 table however they fall), so every year's table is sparse:
    one warning that counts all of them, instead of one per year."""
    recs = bib.classify(bib.read_records([FIX / "savedrecs_1.txt", FIX / "savedrecs_2.txt"]))
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        table = bib.synergy_table(recs, by="year", n_resamples=30, seed=1)
    ours = [str(w.message) for w in caught if issubclass(w.category, HelixnetWarning)]
    rows = len(table)
    assert rows >= 2
    assert len(ours) == 1 and ours[0].startswith(f"{rows} of {rows} tables (one per year) are sparse")
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        bib.synergy_table(recs, by=None, n_resamples=30, seed=1)
    ours = [str(w.message) for w in caught if issubclass(w.category, HelixnetWarning)]
    assert len(ours) == 1 and ours[0].startswith("the table is sparse")


def test_library_warnings_point_at_the_callers_line_through_the_deprecation_wrapper():
    """bootstrap is wrapped by the renamed-parameters decorator; its sparse-table warning must still name
    this file (the user's line), not helixnet/_deprecation.py (expected: this test's own filename)."""
    import warnings

    import helixnet as hx
    from helixnet.exceptions import HelixnetWarning

    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        hx.bootstrap([[5, 1], [1, 5]], n_resamples=20, seed=0)
    ours = [w for w in caught if issubclass(w.category, HelixnetWarning)]
    assert ours, "a 12-case table is sparse and must warn"
    assert {w.filename for w in ours} == {__file__}
