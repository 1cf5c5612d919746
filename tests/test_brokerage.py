"""Tests for helixnet.brokerage (Gould–Fernandez brokerage roles).

Expected values come from
* R sna 2.7 ``brokerage()``: tests/reference/sna_reference.json, written by
  tests/reference/sna_reference.R (45 graphs; R is not needed to run these tests);
* hand-worked two-paths (one per role);
* a direct triple loop over the definition in Gould & Fernandez (1989).
"""

import itertools
import json
import math
from pathlib import Path

import networkx as nx
import numpy as np
import pytest

from helixnet.exceptions import HelixnetTypeError, InvalidGraphError
from helixnet.networks._brokerage import ROLES, brokerage, brokerage_global, brokerage_test, sector_brokerage

REFERENCE = Path(__file__).parent / "reference" / "sna_reference.json"
_NONFINITE = {"NaN": math.nan, "NA": math.nan, "Inf": math.inf, "-Inf": -math.inf}
ROLE_COLUMNS = [*ROLES, "total"]


def _num(x):
    """JSON from R (non-finite values as strings) -> float ndarray."""
    return np.vectorize(lambda v: _NONFINITE[v] if isinstance(v, str) else float(v), otypes=[float])(
        np.array(x, dtype=object)
    )


def _load_reference():
    with REFERENCE.open() as f:
        return json.load(f)["graphs"]


REF_GRAPHS = _load_reference()


def _graph_from_reference(g, undirected=False):
    M = np.array(g["adjacency"], dtype=float)
    G = nx.from_numpy_array(M, create_using=nx.Graph if undirected else nx.DiGraph)
    nx.set_node_attributes(G, dict(enumerate(g["groups"])), "sector")
    return G


def _ids(g):
    return f"{g['kind']}{g['id']}-n{g['n']}" + ("-valued" if g["valued"] else "") + (
        "-loops" if g["loops"] else ""
    )


def _labelled(edges, groups, directed=True):
    G = nx.DiGraph() if directed else nx.Graph()
    G.add_nodes_from(groups)
    G.add_edges_from(edges)
    nx.set_node_attributes(G, groups, "sector")
    return G


def _close(a, b):
    np.testing.assert_allclose(np.asarray(a, float), np.asarray(b, float), rtol=1e-9, atol=1e-12)


# --------------------------------------------------------------------------
# R sna reference values
# --------------------------------------------------------------------------


def test_reference_file_covers_the_required_range():
    """The R script drew 40 random graphs of 5-15 nodes, 2-4 groups, plus 5 edge cases."""
    random = [g for g in REF_GRAPHS if g["kind"] == "random"]
    assert len(random) == 40
    assert min(g["n"] for g in random) >= 5 and max(g["n"] for g in random) <= 15
    assert {len(set(g["groups"])) for g in random} == {2, 3, 4}
    assert any(g["valued"] for g in random) and any(g["loops"] for g in random)
    assert any(g["undirected"] for g in random)


@pytest.mark.parametrize("g", REF_GRAPHS, ids=_ids)
def test_raw_counts_equal_sna_raw_nli(g):
    """Counts per node and role equal sna's brokerage(g, cl)$raw.nli exactly."""
    got = brokerage(_graph_from_reference(g))
    np.testing.assert_array_equal(got[ROLE_COLUMNS].to_numpy(), _num(g["brokerage"]["raw_nli"]))
    assert got["group"].tolist() == g["groups"]


@pytest.mark.parametrize("g", REF_GRAPHS, ids=_ids)
def test_expected_sd_and_z_equal_sna_nli(g):
    """Expected counts, sds and z-scores equal sna's exp.nli, sd.nli, z.nli (1e-9)."""
    t = brokerage_test(_graph_from_reference(g))
    n = g["n"]
    for col, key in [("observed", "raw_nli"), ("expected", "exp_nli"), ("sd", "sd_nli"), ("z", "z_nli")]:
        _close(t[col].to_numpy().reshape(n, 6), _num(g["brokerage"][key]))


@pytest.mark.parametrize("g", REF_GRAPHS, ids=_ids)
def test_global_test_equals_sna_gli(g):
    """Graph totals, expectations, sds and z-scores equal sna's raw/exp/sd/z.gli (1e-9)."""
    t = brokerage_global(_graph_from_reference(g))
    assert t.index.tolist() == ROLE_COLUMNS
    for col, key in [("observed", "raw_gli"), ("expected", "exp_gli"), ("sd", "sd_gli"), ("z", "z_gli")]:
        _close(t[col].to_numpy(), _num(g["brokerage"][key]))


@pytest.mark.parametrize("g", [g for g in REF_GRAPHS if g["undirected"] and not g["loops"]], ids=_ids)
def test_undirected_graph_counts_equal_sna_on_the_symmetric_matrix(g):
    """An nx.Graph is a tie both ways: same as sna on the symmetric sociomatrix."""
    got = brokerage(_graph_from_reference(g, undirected=True))
    np.testing.assert_array_equal(got[ROLE_COLUMNS].to_numpy(), _num(g["brokerage"]["raw_nli"]))
    t = brokerage_test(_graph_from_reference(g, undirected=True))
    _close(t["z"].to_numpy().reshape(g["n"], 6), _num(g["brokerage"]["z_nli"]))


# --------------------------------------------------------------------------
# hand-worked cases
# --------------------------------------------------------------------------


def test_single_two_path_across_three_groups_is_one_liaison():
    """U -> G -> I with no U -> I tie: G is liaison once (Gould & Fernandez's b_O)."""
    G = _labelled([("u", "g"), ("g", "i")], {"u": "U", "g": "G", "i": "I"})
    b = brokerage(G)
    assert b.loc["g", ROLE_COLUMNS].tolist() == [0, 0, 0, 0, 1, 1]
    assert b.loc[["u", "i"], "total"].tolist() == [0, 0]


def test_chain_within_one_group_is_coordination():
    """a -> b -> c -> d all in one group: b and c coordinate once each (w_I)."""
    G = _labelled([("a", "b"), ("b", "c"), ("c", "d")], dict.fromkeys("abcd", "U"))
    b = brokerage(G)
    assert b["coordinator"].tolist() == [0, 1, 1, 0]
    assert (b[["itinerant", "representative", "gatekeeper", "liaison"]].to_numpy() == 0).all()


@pytest.mark.parametrize(
    ("groups", "role"),
    [
        ({"a": "I", "b": "G", "c": "I"}, "itinerant"),  # [a c] [b]
        ({"a": "G", "b": "G", "c": "I"}, "representative"),  # [a b] [c]
        ({"a": "U", "b": "G", "c": "G"}, "gatekeeper"),  # [a] [b c]
    ],
)
def test_each_two_group_pattern_gets_its_gould_fernandez_role(groups, role):
    """Gould & Fernandez (1989) Fig. 1: the groups of a -> b -> c fix b's role."""
    b = brokerage(_labelled([("a", "b"), ("b", "c")], groups))
    assert b.loc["b", role] == 1
    assert b.loc["b", "total"] == 1


def test_complete_graph_has_no_open_two_paths():
    """Every a -> c tie exists in a complete digraph, so all counts are 0."""
    G = nx.complete_graph(6, create_using=nx.DiGraph)
    nx.set_node_attributes(G, {v: "UIGOUI"[v] for v in G}, "sector")
    assert (brokerage(G)[ROLE_COLUMNS].to_numpy() == 0).all()


def test_reciprocal_ties_broker_both_directions_but_never_a_to_a():
    """a <-> b <-> c (no a-c tie): b brokers a->b->c and c->b->a, not a->b->a."""
    G = _labelled([("a", "b"), ("b", "a"), ("b", "c"), ("c", "b")], {"a": "U", "b": "G", "c": "I"})
    assert brokerage(G).loc["b", "liaison"] == 2
    assert brokerage(G)["total"].sum() == 2


def test_self_loops_and_weights_do_not_change_counts_but_zero_weight_is_no_tie():
    """Counts use the dichotomised graph without loops (sna's brokerage_R)."""
    groups = {"u": "U", "g": "G", "i": "I"}
    G = _labelled([("u", "g"), ("g", "i")], groups)
    base = brokerage(G)
    G2 = G.copy()
    G2.add_edge("g", "g")
    G2["u"]["g"]["weight"] = 7.5
    assert brokerage(G2)[ROLE_COLUMNS].equals(base[ROLE_COLUMNS])
    G3 = G.copy()
    G3.add_edge("u", "i", weight=0)  # a zero-weight edge does not close the two-path
    assert brokerage(G3).loc["g", "liaison"] == 1
    assert brokerage(G3, weight=None).loc["g", "liaison"] == 0


def test_multigraph_parallel_edges_count_once():
    G = nx.MultiDiGraph([("u", "g"), ("u", "g"), ("g", "i")])
    nx.set_node_attributes(G, {"u": "U", "g": "G", "i": "I"}, "sector")
    assert brokerage(G).loc["g", "liaison"] == 1


def test_expected_counts_of_three_cycle_match_hand_computation():
    """U -> G -> I -> U: d = 1/2, p = d^2 (1-d) = 1/8; liaison pairs per broker = 2."""
    G = _labelled([("u", "g"), ("g", "i"), ("i", "u")], {"u": "U", "g": "G", "i": "I"})
    t = brokerage_test(G).set_index(["node", "role"])
    assert t.loc[("g", "liaison"), "expected"] == pytest.approx(2 / 8)
    assert t.loc[("g", "total"), "expected"] == pytest.approx(2 * 1 / 8)
    assert t.loc[("g", "coordinator"), "expected"] == 0.0


def _brute_force(G, attr="sector"):
    """Direct triple loop over Gould & Fernandez's definition (no matrices)."""
    out = {v: dict.fromkeys(ROLES, 0) for v in G}
    succ = {v: {w for w in G.successors(v) if w != v} for v in G}
    grp = nx.get_node_attributes(G, attr)
    for a, b, c in itertools.permutations(G, 3):
        if b in succ[a] and c in succ[b] and c not in succ[a]:
            ga, gb, gc = grp[a], grp[b], grp[c]
            if ga == gb == gc:
                role = "coordinator"
            elif ga == gc:
                role = "itinerant"
            elif ga == gb:
                role = "representative"
            elif gb == gc:
                role = "gatekeeper"
            else:
                role = "liaison"
            out[b][role] += 1
    return out


@pytest.mark.parametrize("seed", range(12))
def test_counts_equal_direct_triple_loop_with_arbitrary_hashable_groups(seed):
    """Random digraphs (loops, reciprocal pairs) with int/tuple/str groups vs a triple loop."""
    rng = np.random.default_rng(seed)
    n = int(rng.integers(4, 25))
    G = nx.gnp_random_graph(n, float(rng.uniform(0.05, 0.6)), seed=int(seed), directed=True)
    G.add_edges_from((v, v) for v in G if rng.random() < 0.2)
    labels = [0, ("lab", 1), "x", None][: int(rng.integers(1, 5))]
    nx.set_node_attributes(G, {v: labels[int(rng.integers(len(labels)))] for v in G}, "grp")
    got = brokerage(G, attr="grp")
    expected = _brute_force(G, attr="grp")
    for v in G:
        assert [got.loc[v, r] for r in ROLES] == [expected[v][r] for r in ROLES]
    assert (got["total"] == got[list(ROLES)].sum(axis=1)).all()


# --------------------------------------------------------------------------
# sector totals, schema and validation
# --------------------------------------------------------------------------


def test_sector_totals_are_sums_over_brokers_in_sector_and_shares_sum_to_one():
    g = next(g for g in REF_GRAPHS if g["kind"] == "random" and len(set(g["groups"])) == 4)
    G = _graph_from_reference(g)
    s = sector_brokerage(G)
    assert s["group"].unique().tolist() == ["U", "I", "G", "O"]  # sector order
    raw = _num(g["brokerage"]["raw_nli"])  # sna raw.nli
    exp = _num(g["brokerage"]["exp_nli"])  # sna exp.nli
    groups = np.array(g["groups"])
    for grp in ["U", "I", "G", "O"]:
        rows = s[s.group == grp]
        np.testing.assert_array_equal(rows["observed"].to_numpy(), raw[groups == grp].sum(axis=0))
        _close(rows["expected"].to_numpy(), exp[groups == grp].sum(axis=0))
        assert rows["n_nodes"].iloc[0] == (groups == grp).sum()
    shares = s.groupby("role")["share"].sum()
    for role in ROLE_COLUMNS:
        if s.loc[s.role == role, "observed"].sum() > 0:
            assert shares[role] == pytest.approx(1.0)


def test_government_hub_holds_all_liaison_brokerage():
    """Two universities and two firms linked only through one ministry: 2 x 2 liaison paths."""
    G = _labelled(
        [("u1", "g"), ("u2", "g"), ("g", "i1"), ("g", "i2")],
        {"u1": "U", "u2": "U", "g": "G", "i1": "I", "i2": "I"},
    )
    s = sector_brokerage(G).set_index(["group", "role"])
    assert s.loc[("G", "liaison"), "observed"] == 4
    assert s.loc[("G", "liaison"), "share"] == 1.0


def test_result_schemas_are_fixed():
    G = _labelled([("u", "g"), ("g", "i")], {"u": "U", "g": "G", "i": "I"})
    assert brokerage(G).columns.tolist() == ["group", *ROLE_COLUMNS]
    assert brokerage(G).index.name == "node"
    assert brokerage_test(G).columns.tolist() == ["node", "group", "role", "observed", "expected", "sd", "z"]
    assert sector_brokerage(G).columns.tolist() == ["group", "role", "n_nodes", "observed", "expected", "share"]
    assert brokerage_global(G).columns.tolist() == ["observed", "expected", "sd", "z"]
    H = nx.relabel_nodes(G, {"u": 1, "g": 2, "i": 3})
    nx.set_node_attributes(H, {1: "a", 2: "b", 3: "c"}, "dept")
    assert brokerage(H, attr="dept").columns.tolist() == ["group", *ROLE_COLUMNS]


def test_empty_graph_gives_empty_tables():
    G = nx.DiGraph()
    assert brokerage(G).shape == (0, 7)
    assert brokerage_test(G).shape == (0, 7)


@pytest.mark.parametrize("n", [1, 2])
def test_one_or_two_node_graph_gives_nan_null_moments_without_warnings(n):
    # hand computation: the density m / (N(N-1)) is 0/0 or the triple counts vanish for
    # N < 3 (sna returns NaN/NaN-based z too); numpy must not warn on the way
    import warnings

    G = nx.DiGraph()
    G.add_nodes_from([("u", {"sector": "U"}), ("g", {"sector": "G"})][:n])
    if n == 2:
        G.add_edge("u", "g")
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        t = brokerage_test(G)
        glob = brokerage_global(G)
    assert (t["observed"] == 0).all()
    assert glob.loc["total", "observed"] == 0 and np.isnan(glob.loc["total", "z"])


@pytest.mark.parametrize(
    ("mutate", "message"),
    [
        (lambda G: G.nodes["g"].pop("sector"), "has no 'sector'"),
        (lambda G: G.nodes["g"].update(sector=["G"]), "unhashable"),
        (lambda G: G.nodes["g"].update(sector=float("nan")), "nan"),
        (lambda G: G["u"]["g"].update(weight=-1.0), "invalid weight"),
        (lambda G: G["u"]["g"].update(weight=float("inf")), "invalid weight"),
        (lambda G: G["u"]["g"].update(weight="heavy"), "non-numeric"),
    ],
)
def test_invalid_graph_raises_naming_the_node_or_edge(mutate, message):
    G = _labelled([("u", "g"), ("g", "i")], {"u": "U", "g": "G", "i": "I"})
    mutate(G)
    for func in (brokerage, brokerage_test, sector_brokerage, brokerage_global):
        with pytest.raises(InvalidGraphError, match=message):
            func(G)


def test_non_graph_input_raises_type_error():
    with pytest.raises(HelixnetTypeError):
        brokerage([("u", "g")])
