"""Large counts: totals and ``n`` are exact, or refused with a message naming the limit.

Expected values come from Python's arbitrary-precision integers (exact
arithmetic): issue 11 found ``--venn U=5e18,...`` reporting a negative ``n``
(an int64 total wrapped around), ``U=1e19`` ending in an OverflowError
traceback and ``U=1e300`` called "not a number".
"""

from __future__ import annotations

import json

import numpy as np
import pytest
from cli_runner import run_inproc as run

import helixnet as hx
from helixnet.exceptions import InvalidTableError
from helixnet.information._measures import MAX_COUNT


def test_limit_is_the_largest_int64():
    assert MAX_COUNT == 2**63 - 1 == np.iinfo(np.int64).max


@pytest.mark.parametrize(
    "venn, message",
    [
        ("U=5e18,I=5e18,G=1,UI=1,UG=1,IG=1,UIG=1", "add up to 10000000000000000005"),  # total wraps in int64
        ("U=1e19,I=1,G=1,UI=1,UG=1,IG=1,UIG=1", "'U' is 1e19"),  # one cell beyond int64
        ("U=1e300,I=1,G=1,UI=1,UG=1,IG=1,UIG=1", "'U' is 1e300"),  # far beyond
        ("U=1e999999999,I=1", "'U' is 1e999999999"),  # refused without building the integer
    ],
)
def test_cli_refuses_counts_beyond_the_exact_limit_in_one_line(venn, message):
    code, out, err = run("synergy", "--venn", venn, "--none", "0")
    assert code == 1 and out == ""
    assert len(err.strip().splitlines()) == 1
    assert message in err and "9223372036854775807" in err
    assert "Traceback" not in err


def test_cli_total_is_exact_near_the_limit():
    """5e18 + 3 is not representable as a float (spacing 1024 there); the JSON n is the exact int."""
    code, out, _ = run("synergy", "--venn", "U=1,I=1,G=1", "--none", "5e18", "--format", "json")
    assert code == 0
    assert json.loads(out)["n"] == 5 * 10**18 + 3


def test_cli_none_is_read_exactly():
    """--none used to pass through float(): 12345678901234567 became ...568."""
    code, out, _ = run("synergy", "--venn", "U=1,I=1,G=1", "--none", "12345678901234567", "--format", "json")
    assert code == 0 and json.loads(out)["n"] == 12345678901234567 + 3
    code, _, err = run("synergy", "--venn", "U=1,I=1,G=1", "--none", "12345678901234567891")
    assert code == 1 and "'--none'" not in err and "12345678901234567891" in err


def test_venn_table_refuses_a_total_that_would_wrap():
    with pytest.raises(InvalidTableError, match=r"add up to 10000000000000000002.*2\*\*63 - 1"):
        hx.venn_table({"U": 5 * 10**18, "I": 5 * 10**18, "G": 1}, none=1)
    with pytest.raises(InvalidTableError, match=r"count for 'UI' is 10000000000000000000"):
        hx.venn_table({"U": 1, "UI": 10**19}, none=0)


def test_integer_tables_whose_total_wraps_are_refused():
    a = np.array([[2**62, 2**62], [1, 1]], dtype=np.int64)  # sum wraps to a negative int64
    assert int(a.sum()) < 0
    with pytest.raises(InvalidTableError, match="add up to 9223372036854775810"):
        hx.synergy(a)
    u = np.array([[10**19, 1], [1, 1]], dtype=np.uint64)
    with pytest.raises(InvalidTableError, match="10000000000000000000"):
        hx.mutual_information(u)


def test_total_exactly_at_the_limit_is_accepted_and_exact():
    a = np.array([[MAX_COUNT - 3, 1], [1, 1]], dtype=np.int64)
    res = hx.synergy(a)
    assert int(res.n) == MAX_COUNT
