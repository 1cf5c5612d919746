"""Every result type follows one protocol (issue 15): to_frame, JSON-safe to_dict, __repr__, _repr_html_.

The walk below calls every public function of ``import helixnet as hx`` with the
calls of ``tests/test_arguments.py`` (``CASES``; the calls that must be refused are
skipped) plus a few calls that reach the result types only the layers return
(``networks.venn_counts``, ``bibliometrics.read_records``, the case study's
analyses and sector shares). A function returns either a plain value (a
DataFrame, Series, array, number or graph) or a :class:`helixnet._result.Result`;
a bare dict or any other object fails the walk, and every ``Result`` subclass
defined in helixnet must be met by it.

The expectations are the protocol's definition, not helixnet's output: JSON (RFC
8259) has no NaN or infinity, so ``json.dumps(..., allow_nan=False)`` must accept
``to_dict()`` and ``json.loads`` must give it back unchanged; HTML must escape
``<`` and ``&`` in text (the HTML 5 specification's rule for text content).
"""

from __future__ import annotations

import importlib
import inspect
import json
import math
import pkgutil
import warnings
from pathlib import Path

import networkx as nx
import numpy as np
import pandas as pd
import pytest

import helixnet as hx
from helixnet._jsonable import jsonable, records
from helixnet._result import Result
from helixnet.exceptions import HelixnetError
from tests.test_arguments import CASES, MUST_RAISE, G, R

FIXTURES = Path(__file__).parent / "fixtures" / "bibliometrics"
PLAIN = (pd.DataFrame, pd.Series, np.ndarray, float, int, nx.Graph)


def _extra_calls():
    """(label, thunk) for results no CASES call returns."""
    from helixnet import bibliometrics, kazakhstan, networks
    from helixnet.kazakhstan import _analyses

    edges = pd.DataFrame({"source": [0], "target": [1], "weight": [1.0]})
    nodes = pd.DataFrame({"node": [0, 1], "sector": ["U", "I"]})
    members = pd.DataFrame({"actor": [0, 1], "event": ["e", "e"]})
    graph = dict(G=G, attr="sector", weight="weight")
    return [
        # functions whose CASES are all refused
        *[(f"{name}[ok]", lambda name=name: getattr(hx, name)(**graph))
          for name in ("brokerage", "brokerage_test", "sector_brokerage", "brokerage_global", "ei_index")],
        ("significance[ok]", lambda: hx.significance(G, metrics=["ui_mediation"], n=3, seed=1, weight="weight")),
        ("from_edges[ok]", lambda: hx.from_edges(edges, nodes=nodes)),
        ("from_bipartite[ok]", lambda: hx.from_bipartite(members, nodes=nodes)),
        ("g_test[ok]", lambda: hx.g_test(R, ["a", "b"], weight="ok")),
        # result types only the layers return
        ("kazakhstan_report", lambda: hx.kazakhstan_report(seed=0, n_null=3)),
        ("subordination_report", lambda: hx.subordination_report(G, n_null=3, seed=1)),
        ("networks.venn_counts", lambda: networks.venn_counts(G)),
        ("bibliometrics.read_records", lambda: bibliometrics.read_records(str(FIXTURES / "savedrecs_1.txt"))),
        ("bibliometrics.read_counts", lambda: bibliometrics.read_counts(str(FIXTURES / "savedrecs_1.txt"))),
        ("kazakhstan.estimate_sector_shares", lambda: kazakhstan.estimate_sector_shares()),
        ("analysis table2_research_types", lambda: _analyses.get("table2_research_types").func()),
    ]


def _calls():
    out = []
    for name in sorted(CASES):
        for i, kwargs in enumerate(CASES[name]):
            if MUST_RAISE.get(name) != i:
                out.append((f"{name}[{i}]", lambda name=name, kwargs=kwargs: getattr(hx, name)(**kwargs)))
    return out + _extra_calls()


def _all_result_types():
    """Every Result subclass defined in helixnet (importing every module first)."""
    import helixnet

    for mod in pkgutil.walk_packages(helixnet.__path__, "helixnet."):
        if ".cli" in mod.name or mod.name.endswith("__main__"):
            continue
        importlib.import_module(mod.name)
    seen, todo = set(), [Result]
    while todo:
        for sub in todo.pop().__subclasses__():
            if sub not in seen and sub.__module__.startswith("helixnet"):
                seen.add(sub)
                todo.append(sub)
    # bases, not results: the protocol's own classes and private shared bases with subclasses
    # (bibliometrics' _ReadOutcome under Records and RecordCounts)
    return {t for t in seen if t.__module__ != "helixnet._result"
            and not (t.__name__.startswith("_") and t.__subclasses__())}


def check_protocol(res):
    frame = res.to_frame()
    assert isinstance(frame, pd.DataFrame)
    d = res.to_dict()
    assert isinstance(d, dict)
    text = json.dumps(d, allow_nan=False)
    assert json.loads(text) == d  # plain types only: nothing changes on the way through JSON
    r = repr(res)
    assert isinstance(r, str) and r.startswith(type(res).__name__ + "(") and "\n" not in r
    h = res._repr_html_()
    assert isinstance(h, str) and "<table" in h


@pytest.fixture(scope="module")
def walked():
    """label -> result of every call (computed once)."""
    out = {}
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        for label, call in _calls():
            try:
                out[label] = call()
            except HelixnetError:  # a case of test_arguments that is refused (bad input)
                continue
    return out


def test_every_public_function_is_walked(walked):
    """Each public function returned at least once (a refused call alone does not count)."""
    public = {n for n in hx.__all__ if inspect.isfunction(getattr(hx, n))}
    assert public - {label.split("[")[0] for label in walked} == set()


def test_every_result_is_a_plain_value_or_follows_the_protocol(walked):
    for label, res in walked.items():
        if isinstance(res, Result):
            check_protocol(res)
        else:
            assert isinstance(res, PLAIN) and not isinstance(res, bool), (label, type(res))


def test_every_result_type_is_met_by_the_walk(walked):
    met = {type(r) for r in walked.values() if isinstance(r, Result)}
    nested = set()
    for r in walked.values():  # results inside results: bootstrap's estimate, the reports' parts
        for attr in ("estimate", "mediation", "hierarchy", "configuration"):
            if isinstance(getattr(r, attr, None), Result):
                nested.add(type(getattr(r, attr)))
    for r in walked.values():
        if isinstance(r, hx.KazakhstanReport):
            nested |= {type(x) for x in r.reports.values()}
    assert _all_result_types() - met - nested == set()


def test_named_tuples_still_unpack():
    stat, p, null, alternative, n_perm, unit = hx.permutation_test([[25, 0], [0, 25]], n_perm=9, seed=0)
    assert (n_perm, unit, alternative) == (9, "bit", "two-sided") and len(null) == 9
    g, p, dof, t = hx.g_test([[3, 1], [1, 3]])
    assert dof == 1 and t == pytest.approx(0.188722, abs=1e-6)  # T from hx.mutual_information's doctest
    table, cats = hx.contingency(R, ["a", "b"])
    assert table.sum() == len(R) and [list(c) for c in cats] == [["x", "y"], ["p", "q"]]


def test_hierarchy_is_still_a_dict():
    h = hx.hierarchy(nx.DiGraph([("G", "U"), ("G", "I"), ("U", "I")]))
    # a DAG: Krackhardt hierarchy 1, no reciprocated tie (the function's doctest, worked by hand)
    assert isinstance(h, dict) and h["krackhardt"] == 1.0 and h["reciprocity"] == 0.0
    assert list(h) == list(hx.networks.HIERARCHY_KEYS) and dict(h) == h
    assert h.to_frame()["metric"].tolist() == list(h)


def test_shapley_series_view():
    res = hx.shapley(R, ["a", "b", "c"], "a", weight="ok")
    s = res.to_series()
    assert isinstance(s, pd.Series) and s.attrs == {}
    assert list(s.index) == ["x", "y"] and np.array_equal(res.values, s.to_numpy())
    assert (s * 2).sum() == pytest.approx(2 * res.total)  # efficiency: the values add up to T


def test_html_escapes_text():
    df = pd.DataFrame({"a": ["<b>&", "<b>&", "z"], "b": ["p", "q", "p"], "g": ["<script>", "ok", "ok"]})
    res = hx.decompose(df, ["a", "b"], "g")
    h = res._repr_html_()
    assert "<script>" not in h and "<b>" not in h
    hs = hx.shapley(df, ["a", "b"], "g")._repr_html_()
    assert "&lt;script&gt;" in hs and "<script>" not in hs


def test_to_dict_key_vocabulary_is_dimensions():
    for res in (hx.synergy(R, ["a", "b"]), hx.decompose(R, ["a", "b"], "c"),
                hx.shapley(R, ["a", "b"], "c"), hx.krippendorff_interaction(R, ["a", "b", "c"]),
                hx.count_table(R, ["a", "b"])):
        d = res.to_dict()
        assert "dimensions" in d and "dims" not in d, type(res).__name__


def test_jsonable_rules():
    # JSON has no NaN/inf (RFC 8259 section 6): they become null; numpy scalars become Python ones
    out = jsonable({"nan": np.float64("nan"), "inf": -math.inf, "na": pd.NA, "nat": pd.NaT,
                    1: (np.int64(2), np.bool_(True), "s"), "arr": np.array([[1.5, np.nan]])})
    assert out == {"nan": None, "inf": None, "na": None, "nat": None, "1": [2, True, "s"],
                   "arr": [[1.5, None]]}
    assert type(out["1"][0]) is int and type(out["1"][1]) is bool
    # rounding by hand: 1/3 to 4 significant digits, 2/3 to 3 decimals, -1e-13 to 12 decimals is +0.0
    assert jsonable(1 / 3, significant=4) == 0.3333
    assert jsonable(2 / 3, decimals=3) == 0.667
    assert math.copysign(1.0, jsonable(-1e-13, decimals=12)) == 1.0
    df = pd.DataFrame({"x": [1.0, np.nan]}, index=pd.Index(["a", "b"], name="k"))
    assert records(df, index=True) == [{"k": "a", "x": 1.0}, {"k": "b", "x": None}]
    assert jsonable(df["x"]) == {"a": 1.0, "b": None}
