"""Every public function validates an argument alike whether it is passed by position or keyword.

The defect this guards against (issue 11): the graph precondition read ``weight``
and ``attr`` from the keyword arguments only, so ``hx.centrality(G, "networkx",
"w")`` checked the default ``weight`` column and returned a negative strength
from negative ``w`` weights, and ``hx.mediation(G, "w")`` ran on them too.

For each public callable of ``import helixnet as hx`` the table below holds
calls as keyword dicts. Each call is repeated with the same values passed
positionally (every parameter before the last one given filled with its
default), and the two outcomes must be identical: the same exception type and
message, or the same result. The expected value is therefore the keyword call,
an independent path through the argument binding; several cases are also
checked to *raise* (bad input must be refused both ways).
"""

from __future__ import annotations

import dataclasses
import inspect
import math

import networkx as nx
import numpy as np
import pandas as pd
import pytest

import helixnet as hx
from helixnet.bibliometrics._openalex import SAMPLE_SNAPSHOT
from helixnet.exceptions import HelixnetError, InvalidGraphError


def _graph():
    """A small actor graph: attribute ``weight`` valid, ``w`` has a negative weight,
    ``grp`` is missing on one node, and no node is in sector G."""
    G = nx.DiGraph()
    sectors = dict(enumerate("UUIIUI"))
    G.add_nodes_from((v, {"sector": s, "grp": s}) for v, s in sectors.items())
    del G.nodes[5]["grp"]
    for u, v, w in [(0, 2, 2.0), (2, 1, 1.0), (1, 3, 3.0), (3, 0, 1.0), (4, 5, 2.0), (5, 4, 1.0), (0, 4, 1.0)]:
        G.add_edge(u, v, weight=w, w=-w if (u, v) == (1, 3) else w)
    return G


def _records():
    return pd.DataFrame(
        {"a": list("xxyyxy"), "b": list("pqpqqp"), "c": list("rrsssr"), "neg": [1, 2, -1, 1, 1, 1], "ok": [1, 2, 3, 1, 1, 2]}
    )


G = _graph()
R = _records()
TABLE = np.array([[[3, 1], [2, 4]], [[1, 5], [2, 2]]])

# public name -> list of keyword calls (each checked positionally too)
CASES = {
    # graph measures: a negative weight in ``w`` or a node without ``grp`` must be refused both ways
    "centrality": [dict(G=G, backend="networkx", weight="w"), dict(G=G, backend="igraph", weight="weight")],
    "sector_centrality": [dict(G_or_table=G, backend="networkx", weight="w"), dict(G_or_table=G, backend="networkx", weight="weight")],
    "mediation": [dict(G=G, weight="w"), dict(G=G, weight="weight", broker="I", ends=("U", "G"))],
    "configuration": [dict(G=G, reading="flows", weight="w", n_resamples=3, seed=1),
                      dict(G=G, reading="relationships", weight="weight", n_resamples=3, seed=1)],
    "subordination_metrics": [dict(G=G, weight="w"), dict(G=G, weight="weight")],
    "subordination_report": [dict(G=G, n_resamples=3, seed=1, backend="networkx", weight="w")],
    "significance": [
        dict(G=G, metrics=["ui_interface_share"], n_resamples=3, seed=1, model="rewire", alternative="two-sided", weight="w"),
        dict(G=G, metrics=["ui_interface_share"], n_resamples=3, seed=1, model="permute", alternative="greater", weight="weight"),
    ],
    "brokerage": [dict(G=G, attr="grp", weight="weight"), dict(G=G, attr="sector", weight="w")],
    "brokerage_test": [dict(G=G, attr="grp", weight="weight"), dict(G=G, attr="sector", weight="w")],
    "sector_brokerage": [dict(G=G, attr="grp", weight="weight"), dict(G=G, attr="sector", weight="w")],
    "brokerage_global": [dict(G=G, attr="grp", weight="weight"), dict(G=G, attr="sector", weight="w")],
    "ei_index": [dict(G=G, attr="grp", weight="weight"), dict(G=G, attr="sector", weight="w")],
    "hierarchy": [dict(G=G, weight="w"), dict(G=G, weight="weight")],
    "rewire": [dict(G=G, seed=3, nswap=4, weight="weight")],
    "permute_sectors": [dict(G=G, seed=3, attr="grp"), dict(G=G, seed=3, attr="sector")],
    "archetype_graph": [dict(kind="statist", seed=2), dict(kind="nope", seed=2)],
    # graph builders
    "from_edges": [dict(edges=pd.DataFrame({"source": [0], "target": [9], "weight": [1.0]}), nodes=pd.DataFrame({"node": [0], "sector": ["U"]}))],
    "from_bipartite": [dict(memberships=pd.DataFrame({"actor": [0], "event": ["e"]}), nodes=pd.DataFrame({"node": [1], "sector": ["U"]}))],
    "kazakhstan_graph": [dict(layers=("nope",)), dict(layers=("funding",))],
    "kazakhstan_report": [dict(seed=0, n_resamples=-1, backend="networkx")],
    # information measures on tables and records
    "mutual_information": [dict(table=TABLE[0], unit="nope"), dict(table=TABLE[0], unit="nat")],
    "entropy": [dict(table=TABLE, unit="nope"), dict(table=TABLE, unit="mbit")],
    "redundancy": [dict(table=TABLE, unit="nope"), dict(table=TABLE, unit="nat")],
    "venn_table": [dict(counts={"U": 1, "I": 2, "G": 3, "UI": 1}, none=-4), dict(counts={"U": 1, "I": 2, "G": 3, "UI": 1}, none=4)],
    "synergy": [dict(data=R, dims=["a", "b", "c"], weight="neg"), dict(data=R, dims=["a", "b", "c"], weight="ok", unit="nat")],
    "contingency": [dict(records=R, dims=["a", "b"], weight="neg"), dict(records=R, dims=["a", "b"], weight="ok")],
    "count_table": [dict(source=R, dims=["a", "b"], weight="neg"), dict(source=R, dims=["a", "b"], weight="ok")],
    "g_test": [dict(data=R, dims=["a", "b", "c"], weight="neg"), dict(data=R, dims=["a", "b", "c"], weight="ok")],
    "bootstrap": [
        dict(data=R, dims=["a", "b", "c"], weight="neg", n_resamples=5, seed=1),
        dict(data=R, dims=["a", "b", "c"], weight="ok", n_resamples=20, ci=0.9, seed=1),
    ],
    "permutation_test": [
        dict(data=R, dims=["a", "b", "c"], weight="neg", n_resamples=5, seed=1),
        dict(data=R, dims=["a", "b", "c"], weight="ok", n_resamples=20, alternative="less", seed=1),
    ],
    "decompose": [dict(records=R, dims=["a", "b"], group="c", weight="neg"), dict(records=R, dims=["a", "b"], group="c", weight="ok")],
    "shapley": [dict(records=R, dims=["a", "b", "c"], player="a", weight="neg"), dict(records=R, dims=["a", "b", "c"], player="a", weight="ok")],
    "sensitivity": [
        dict(G=G, variants={"as coded": lambda H: H}, merge=(), n_resamples=3, seed=1, weight="w"),
        dict(G=G, variants={"as coded": lambda H: H}, merge=(), n_resamples=3, seed=1),
    ],
    "synergy_triads": [
        dict(data=R, columns=["a", "b", "c"], weight="neg"), dict(data=R, columns=["a", "b", "c"], weight="ok", unit="nat")
    ],
    "synergy_map": [
        dict(triads=hx.synergy_triads(R, columns=["a", "b", "c"]), top=None, threshold=0.0, aggregate="nope"),
        dict(triads=hx.synergy_triads(R, columns=["a", "b", "c"]), top=None, threshold=-1.0, aggregate="count"),
    ],
    # country="KZ" keeps the KZ rows only: the argument binding is the subject, not the table's size
    "openalex": [dict(snapshot="/nonexistent/openalex-snapshot"), dict(snapshot=SAMPLE_SNAPSHOT, n_resamples=0, country="KZ")],
    "krippendorff_interaction": [
        dict(data=R, dims=["a", "b", "c"], weight="neg"), dict(data=R, dims=["a", "b", "c"], weight="ok", unit="nat")
    ],
    "game": [
        dict(counts={"U": -1, "I": 2, "G": 3, "UI": 1, "UG": 0, "IG": 0, "UIG": 1}),
        dict(counts={"U": 3, "I": 4, "G": 5, "UI": 2, "UG": 1, "IG": 1, "UIG": 1}),
    ],
}

# keyword calls that must be refused (so the positional twin must be refused too)
MUST_RAISE = {
    "centrality": 0, "sector_centrality": 0, "mediation": 0, "configuration": 0, "subordination_metrics": 0,
    "subordination_report": 0, "significance": 0, "brokerage": 0, "brokerage_test": 0, "sector_brokerage": 0,
    "brokerage_global": 0, "ei_index": 0, "hierarchy": 0, "permute_sectors": 0, "synergy": 0, "contingency": 0,
    "count_table": 0, "g_test": 0, "bootstrap": 0, "permutation_test": 0, "decompose": 0, "shapley": 0,
    "mutual_information": 0, "entropy": 0, "redundancy": 0, "venn_table": 0, "archetype_graph": 1,
    "krippendorff_interaction": 0, "game": 0, "sensitivity": 0, "synergy_triads": 0, "openalex": 0,
    "synergy_map": 0,
}


def _public_functions():
    return sorted(n for n in hx.__all__ if inspect.isfunction(getattr(hx, n)))


def _positional(func, kwargs):
    """The same call with every parameter up to the last one given passed by position."""
    params = list(inspect.signature(func).parameters.values())
    positional = [p for p in params if p.kind in (p.POSITIONAL_ONLY, p.POSITIONAL_OR_KEYWORD)]
    last = max((i for i, p in enumerate(positional) if p.name in kwargs), default=-1)
    args = [kwargs[p.name] if p.name in kwargs else p.default for p in positional[: last + 1]]
    rest = {k: v for k, v in kwargs.items() if k not in {p.name for p in positional[: last + 1]}}
    return args, rest


def _canonical(value):
    """A comparable form of a result: tables as CSV, result objects as their dicts."""
    if isinstance(value, pd.DataFrame | pd.Series):
        return value.to_csv()
    if isinstance(value, np.ndarray):
        return repr(value.tolist())
    if isinstance(value, nx.Graph):
        return (sorted(map(repr, value.nodes(data=True))), sorted(map(repr, value.edges(data=True))))
    if hasattr(value, "to_dict"):
        return repr(value.to_dict())
    if dataclasses.is_dataclass(value):
        return repr(dataclasses.asdict(value))
    if isinstance(value, float) and math.isnan(value):
        return "nan"
    return repr(value)


def _outcome(func, args, kwargs):
    try:
        return ("ok", _canonical(func(*args, **kwargs)))
    except Exception as exc:  # noqa: BLE001 - the outcome itself is compared
        return ("raised", type(exc).__name__, str(exc))


def test_every_public_function_has_argument_cases():
    """A new public function must be added to CASES (so it is checked both ways)."""
    assert set(_public_functions()) - set(CASES) == set()


@pytest.mark.parametrize(
    "name, index", [(n, i) for n in sorted(CASES) for i in range(len(CASES[n]))]
)
def test_positional_and_keyword_calls_are_validated_alike(name, index):
    func = getattr(hx, name)
    kwargs = CASES[name][index]
    args, rest = _positional(func, kwargs)
    # kazakhstan_*: every argument is optional; venn_table, game and openalex take one positional
    # argument (the counts), the rest keyword-only, so position 1 is the whole check
    one_positional = {"kazakhstan_graph", "kazakhstan_report", "venn_table", "game", "openalex"}
    assert len(args) >= 2 or name in one_positional, "case passes nothing positionally"
    by_keyword = _outcome(func, [], kwargs)
    by_position = _outcome(func, args, rest)
    assert by_position == by_keyword
    if MUST_RAISE.get(name) == index:
        assert by_keyword[0] == "raised", by_keyword
        assert issubclass(getattr(hx.exceptions, by_keyword[1], type(None)), HelixnetError), by_keyword


def test_issue_examples_refuse_negative_weights_passed_by_position():
    """The two calls quoted in issue 11, by position: both must refuse the negative ``w``."""
    with pytest.raises(InvalidGraphError, match="w=-3.0"):
        hx.centrality(G, "networkx", "w")
    with pytest.raises(InvalidGraphError, match="w=-3.0"):
        hx.mediation(G, "w")


def test_decorator_checks_the_default_when_the_argument_is_omitted():
    """Omitted ``weight`` means the function's default column, here ``weight``."""
    H = G.copy()
    H.edges[0, 2]["weight"] = -1
    with pytest.raises(InvalidGraphError, match="weight=-1"):
        hx.centrality(H)


# --------------------------------------------------------------------------
# one vocabulary (issue 15): old spellings work for one release, with a warning
# --------------------------------------------------------------------------

# public name -> (old keyword, a call with the new keyword n_resamples); small counts keep it fast
_SNAPSHOT_COUNTS = None


def _openalex_counts():
    global _SNAPSHOT_COUNTS
    if _SNAPSHOT_COUNTS is None:
        from helixnet.bibliometrics import count_works, snapshot_files

        counts = count_works(snapshot_files(SAMPLE_SNAPSHOT), engine="records")
        _SNAPSHOT_COUNTS = counts[counts["country"] == "KZ"].reset_index(drop=True)
    return _SNAPSHOT_COUNTS


def _bib_records():
    from pathlib import Path

    fix = Path(__file__).parent / "fixtures" / "bibliometrics"
    return hx.bibliometrics.classify(hx.bibliometrics.read_records([fix / "savedrecs_1.txt", fix / "savedrecs_2.txt"]))


RENAMED = {
    "bootstrap": ("n_boot", lambda: (hx.bootstrap, (TABLE,), dict(n_resamples=7, seed=1))),
    "permutation_test": ("n_perm", lambda: (hx.permutation_test, (TABLE,), dict(n_resamples=7, seed=1))),
    "significance": ("n", lambda: (hx.significance, (G,), dict(metrics=["g_brokerage"], n_resamples=3, seed=1))),
    "configuration": ("n_null", lambda: (hx.configuration, (G,), dict(n_resamples=3, seed=1))),
    "subordination_report": ("n_null", lambda: (hx.subordination_report, (G,), dict(n_resamples=3, seed=1))),
    "sensitivity": ("n_null", lambda: (hx.sensitivity, (G,), dict(variants={}, readings=["flows"], n_resamples=3))),
    "sensitivity_table": ("n_null", lambda: (hx.networks.sensitivity_table, (G, {"same": lambda H: H}),
                                             dict(readings=["flows"], n_resamples=3))),
    "synergy_triads": ("n_perm", lambda: (hx.synergy_triads, (R[["a", "b", "c"]],), dict(n_resamples=5, seed=2))),
    # openalex and trends_table: the KZ rows only (the alias is the subject, not the table's size)
    "openalex": ("n_boot", lambda: (hx.openalex, (SAMPLE_SNAPSHOT,), dict(engine="records", country="KZ", n_resamples=3))),
    "trends_table": ("n_boot", lambda: (hx.bibliometrics.trends_table, (_openalex_counts(),), dict(n_resamples=3))),
    "synergy_table": ("n_boot", lambda: (hx.bibliometrics.synergy_table, (_bib_records(),), dict(by=None, n_resamples=3))),
    "venn_counts": ("unit", lambda: (hx.networks.venn_counts, (G,), dict(relationships="edges"))),
}
_NEW = {"venn_counts": "relationships"}


@pytest.mark.parametrize("name", sorted(RENAMED))
def test_old_keyword_warns_and_gives_the_same_result(name):
    """The deprecated spelling is the new one under another name: same result, a DeprecationWarning naming both."""
    old, make = RENAMED[name]
    func, args, kwargs = make()
    new = _NEW.get(name, "n_resamples")
    expected = _canonical(func(*args, **kwargs))
    legacy = dict(kwargs)
    legacy[old] = legacy.pop(new)
    with pytest.warns(DeprecationWarning, match=rf"{old}= is deprecated .* use {new}="):
        got = _canonical(func(*args, **legacy))
    assert got == expected


@pytest.mark.parametrize("name", sorted(RENAMED))
def test_old_and_new_keyword_together_are_refused_naming_both(name):
    old, make = RENAMED[name]
    func, args, kwargs = make()
    new = _NEW.get(name, "n_resamples")
    with pytest.raises(hx.HelixnetTypeError, match=rf"got both {old}= \(deprecated\) and {new}="):
        func(*args, **kwargs, **{old: kwargs[new]})


def test_new_keyword_by_position_and_old_keyword_are_refused():
    """``bootstrap(data, dims, weight, 5, n_boot=5)``: n_resamples is given by position, n_boot by keyword."""
    with pytest.raises(hx.HelixnetTypeError, match="got both n_boot="):
        hx.bootstrap(TABLE, None, None, 5, n_boot=5)


def test_every_resampling_function_says_n_resamples():
    """No public function keeps an old spelling of the resample count in its signature."""
    funcs = [getattr(hx, n) for n in _public_functions()]
    funcs += [hx.bibliometrics.trends_table, hx.bibliometrics.synergy_table, hx.networks.sensitivity_table]
    for func in funcs:
        params = inspect.signature(func).parameters
        assert not {"n_boot", "n_perm", "n_null"} & set(params), func.__name__
    assert "n" not in inspect.signature(hx.significance).parameters


def test_one_seed_default_across_the_public_api():
    """Every public function that takes a seed defaults to 0 (determinism), none to None."""
    import helixnet.bibliometrics as bib

    funcs = [getattr(hx, n) for n in _public_functions()]
    funcs += [getattr(bib, n) for n in bib.__all__ if inspect.isfunction(getattr(bib, n))]
    funcs += [getattr(hx.networks, n) for n in hx.networks.__all__ if inspect.isfunction(getattr(hx.networks, n))]
    funcs += [getattr(hx.information, n) for n in hx.information.__all__ if inspect.isfunction(getattr(hx.information, n))]
    seeded = {f.__name__: inspect.signature(f).parameters["seed"].default
              for f in funcs if "seed" in inspect.signature(f).parameters}
    assert {"bootstrap", "rewire", "permute_sectors", "archetype_graph", "synergy_triads"} <= set(seeded)
    assert {k: v for k, v in seeded.items() if v != 0} == {}


def test_default_seed_makes_rewire_and_permute_sectors_repeatable():
    """Before 0.2 their default seed was None (fresh entropy): two calls differed."""
    big = hx.archetype_graph("statist")
    assert _canonical(hx.rewire(big)) == _canonical(hx.rewire(big))
    assert _canonical(hx.permute_sectors(big)) == _canonical(hx.permute_sectors(big))
    assert _canonical(hx.archetype_graph("balanced")) == _canonical(hx.archetype_graph("balanced", seed=0))


@pytest.mark.parametrize("module, old, new", [
    ("information", "read_records", "read_data"),
    ("bibliometrics", "venn_counts", "document_venn_counts"),
])
def test_renamed_functions_warn_and_forward(module, old, new):
    layer = getattr(hx, module)
    if module == "information":
        args = (R,)
    else:
        args = (_bib_records(),)
    expected = _canonical(getattr(layer, new)(*args))
    with pytest.warns(DeprecationWarning, match=rf"helixnet.{module}.{old} is deprecated .* use helixnet.{module}.{new}"):
        got = _canonical(getattr(layer, old)(*args))
    assert got == expected
    assert old not in layer.__all__ and new in layer.__all__


def test_result_objects_answer_to_n_resamples():
    """Alias properties: every resampling result reports its count as ``n_resamples`` (old attributes kept)."""
    b = hx.bootstrap(TABLE, n_resamples=7, seed=1)
    p = hx.permutation_test(TABLE, n_resamples=7, seed=1)
    c = hx.configuration(G, n_resamples=3, seed=1)
    s = hx.networks.sensitivity_table(G, {"same": lambda H: H}, readings=["flows"], n_resamples=3)
    assert (b.n_resamples, b.n_boot) == (7, 7)
    assert (p.n_resamples, p.n_perm) == (7, 7)
    assert (c.n_resamples, c.n_null) == (3, 3)
    assert (s.n_resamples, s.n_null) == (3, 3)
