"""Tests for helixnet.hierarchy (Krackhardt's dimensions, flow, reaching, reciprocity, E–I).

Expected values come from
* R sna 2.7 ``hierarchy(measure="krackhardt")``, ``connectedness()``,
  ``efficiency()``, ``lubness()`` and ``grecip(measure="edgewise")``:
  tests/reference/sna_reference.json, written by tests/reference/sna_reference.R;
* analytic cases (DAG, fully reciprocal graph, complete graph);
* hand computations from the definitions (Luo & Magee 2011 flow hierarchy,
  Mones et al. 2012 global reaching centrality, Squartini et al. 2013
  weighted reciprocity, Krackhardt & Stern 1988 E–I index);
* a transliteration of sna's C routine ``lubness_con_R`` (pairwise search
  for a least upper bound) and networkx's transitive closure.
"""

import itertools
import json
import math
from pathlib import Path

import networkx as nx
import numpy as np
import pytest

from helixnet.exceptions import HelixnetTypeError, InvalidGraphError
from helixnet.networks._hierarchy import HIERARCHY_KEYS, ei_index, hierarchy

REFERENCE = Path(__file__).parent / "reference" / "sna_reference.json"
_NONFINITE = {"NaN": math.nan, "NA": math.nan, "Inf": math.inf, "-Inf": -math.inf}


def _num(v):
    return _NONFINITE[v] if isinstance(v, str) else float(v)


with REFERENCE.open() as f:
    REF_GRAPHS = json.load(f)["graphs"]


def _graph(g, undirected=False):
    M = np.array(g["adjacency"], dtype=float)
    return nx.from_numpy_array(M, create_using=nx.Graph if undirected else nx.DiGraph)


def _ids(g):
    return f"{g['kind']}{g['id']}-n{g['n']}" + ("-valued" if g["valued"] else "") + (
        "-loops" if g["loops"] else ""
    )


def _same(a, b):
    if math.isnan(b):
        return math.isnan(a)
    return a == pytest.approx(b, rel=1e-9, abs=1e-12)


# --------------------------------------------------------------------------
# R sna reference values
# --------------------------------------------------------------------------

SNA_KEYS = [
    ("krackhardt", "hierarchy_krackhardt"),
    ("connectedness", "connectedness"),
    ("efficiency", "efficiency_dichotomised"),
    ("lub", "lubness"),
    ("reciprocity", "grecip_edgewise"),
]


@pytest.mark.parametrize("g", REF_GRAPHS, ids=_ids)
def test_krackhardt_measures_and_edgewise_reciprocity_equal_sna(g):
    """hierarchy(krackhardt), connectedness, efficiency, lubness, grecip(edgewise) from R sna."""
    h = hierarchy(_graph(g))
    for ours, theirs in SNA_KEYS:
        assert _same(h[ours], _num(g[theirs])), (ours, h[ours], g[theirs])


@pytest.mark.parametrize("g", [g for g in REF_GRAPHS if not g["valued"]], ids=_ids)
def test_efficiency_equals_sna_on_unvalued_graphs(g):
    """On 0/1 sociomatrices sna's efficiency() needs no dichotomising."""
    assert _same(hierarchy(_graph(g))["efficiency"], _num(g["efficiency"]))


def test_sna_efficiency_sums_values_of_valued_graphs_which_helixnet_does_not():
    """The documented deviation: sna counts tie values in efficiency, helixnet counts ties."""
    valued = [g for g in REF_GRAPHS if g["valued"]]
    assert valued
    assert any(_num(g["efficiency"]) != _num(g["efficiency_dichotomised"]) for g in valued)


@pytest.mark.parametrize("g", [g for g in REF_GRAPHS if g["undirected"] and not g["loops"]], ids=_ids)
def test_undirected_graph_equals_sna_on_the_symmetric_matrix(g):
    h = hierarchy(_graph(g, undirected=True))
    for ours, theirs in SNA_KEYS:
        assert _same(h[ours], _num(g[theirs])), ours


# --------------------------------------------------------------------------
# analytic and hand-worked cases
# --------------------------------------------------------------------------


@pytest.mark.parametrize("seed", range(5))
def test_dag_has_krackhardt_hierarchy_one_and_no_reciprocity(seed):
    """No two nodes reach each other in a DAG, so every reachable dyad is asymmetric."""
    rng = np.random.default_rng(seed)
    n = 12
    upper = np.triu(rng.random((n, n)) < 0.3, k=1)
    G = nx.from_numpy_array(upper.astype(float), create_using=nx.DiGraph)
    h = hierarchy(G)
    assert h["krackhardt"] == 1.0
    assert h["reciprocity"] == 0.0
    assert h["flow"] == 1.0  # no edge lies on a cycle (Luo & Magee 2011)


def test_fully_reciprocal_graph_has_reciprocity_one_and_hierarchy_zero():
    G = nx.gnp_random_graph(10, 0.4, seed=3).to_directed()
    h = hierarchy(G)
    assert h["reciprocity"] == 1.0
    assert h["reciprocity_weighted"] == 1.0
    assert h["krackhardt"] == 0.0
    assert h["flow"] == 0.0


def test_complete_graph_is_connected_inefficient_and_has_lub():
    """Complete digraph: connectedness 1, efficiency 0 (all surplus ties), lub 1."""
    h = hierarchy(nx.complete_graph(5, create_using=nx.DiGraph))
    assert (h["connectedness"], h["efficiency"], h["lub"]) == (1.0, 0.0, 1.0)


def test_out_tree_is_a_perfect_krackhardt_hierarchy():
    """An out-tree satisfies all four of Krackhardt's (1994) conditions."""
    G = nx.DiGraph([(0, 1), (0, 2), (1, 3), (1, 4), (2, 5)])
    h = hierarchy(G)
    assert (h["krackhardt"], h["connectedness"], h["efficiency"], h["lub"]) == (1.0, 1.0, 1.0, 1.0)


def test_connectedness_of_two_components_by_hand():
    """Components of sizes 3 and 2 in 5 nodes: (3 + 1) / 10 connected pairs."""
    G = nx.DiGraph([(0, 1), (1, 2), (3, 4)])
    assert hierarchy(G)["connectedness"] == pytest.approx(4 / 10)


def test_flow_hierarchy_by_hand():
    """Cycle a->b->c->a plus c->d: 3 of 4 edges lie on a cycle, flow = 1/4 (nx definition).

    Weighted: cycle weights 1+1+1, exit weight 3: 1 - 3/6 = 1/2.
    """
    G = nx.DiGraph()
    G.add_weighted_edges_from([("a", "b", 1), ("b", "c", 1), ("c", "a", 1), ("c", "d", 3)])
    h = hierarchy(G)
    assert h["flow"] == pytest.approx(1 / 4)
    assert h["flow_weighted"] == pytest.approx(1 / 2)
    assert hierarchy(G, weight=None)["flow_weighted"] == pytest.approx(1 / 4)


def test_global_reaching_centrality_by_hand():
    """1->2, 1->3: node 1 reaches 2/2, others 0, GRC = (1 + 1)/2 = 1; with 3->2, (1 + 1/2)/2."""
    G = nx.DiGraph([(1, 2), (1, 3)])
    assert hierarchy(G)["global_reaching"] == pytest.approx(1.0)
    G.add_edge(3, 2)
    assert hierarchy(G)["global_reaching"] == pytest.approx(0.75)


@pytest.mark.parametrize("seed", range(6))
def test_global_reaching_equals_networkx_on_random_digraphs(seed):
    """helixnet reads reach sets off the condensation; networkx runs BFS from every node."""
    G = nx.gnp_random_graph(25, 0.04 + 0.03 * seed, seed=seed, directed=True)
    G.add_edge(0, 1)
    h = hierarchy(G)
    assert h["global_reaching"] == pytest.approx(nx.global_reaching_centrality(G), rel=1e-12)
    for u, v in G.edges:
        G[u][v]["weight"] = 1.0 + (u * 7 + v) % 5
    assert h["global_reaching"] == pytest.approx(hierarchy(G)["global_reaching"])
    assert hierarchy(G)["global_reaching_weighted"] == pytest.approx(
        nx.global_reaching_centrality(G, weight="weight"), rel=1e-12
    )
    nx.set_edge_attributes(G, 2.5, "weight")  # equal weights: shortcut to the unweighted value
    assert hierarchy(G)["global_reaching_weighted"] == pytest.approx(
        nx.global_reaching_centrality(G, weight="weight"), rel=1e-12
    )


def test_weighted_global_reaching_uses_strength_normalised_by_mean_weight():
    """1->2 (w 3), 1->3 (w 1): mean weight 2; C_R(1) = (3/2 + 1/2) / 2 = 1, others 0 -> GRC 1."""
    G = nx.DiGraph()
    G.add_weighted_edges_from([(1, 2, 3.0), (1, 3, 1.0)])
    assert hierarchy(G)["global_reaching_weighted"] == pytest.approx(1.0)


def test_weighted_reciprocity_squartini_by_hand():
    """w_ab = 3, w_ba = 1, w_bc = 2: W = 6, reciprocated weight 2 min(3, 1) = 2, r = 1/3."""
    G = nx.DiGraph()
    G.add_weighted_edges_from([("a", "b", 3), ("b", "a", 1), ("b", "c", 2)])
    h = hierarchy(G)
    assert h["reciprocity_weighted"] == pytest.approx(1 / 3)
    assert h["reciprocity"] == pytest.approx(2 / 3)  # sna edgewise: 2 of 3 ties returned


def test_self_loops_and_zero_weight_edges_are_not_ties():
    G = nx.DiGraph([(0, 1), (1, 2)])
    base = hierarchy(G)
    G.add_edge(1, 1, weight=5)
    G.add_edge(2, 0, weight=0)
    for key, value in hierarchy(G).items():
        assert _same(value, base[key]), key


def test_edgeless_graph_gives_nan_where_undefined():
    """sna: krackhardt, efficiency, lubness and grecip are NaN without ties; connectedness 0."""
    G = nx.empty_graph(4, create_using=nx.DiGraph)
    h = hierarchy(G)
    assert list(h) == list(HIERARCHY_KEYS)
    assert h["connectedness"] == 0.0
    assert all(math.isnan(h[k]) for k in HIERARCHY_KEYS if k != "connectedness")


def _lub_sna_loop(G):
    """sna's lubness: per weak component, pairs whose upper bounds have no bound reaching all."""
    nodes = list(G)
    reach = {v: nx.descendants(G, v) | {v} for v in nodes}
    viol, maxv = 0, 0
    for comp in nx.weakly_connected_components(G):
        comp = list(comp)
        s = len(comp)
        if s <= 2:
            continue
        maxv += (s - 1) * (s - 2) / 2
        for i, j in itertools.combinations(comp, 2):
            ub = [k for k in comp if i in reach[k] and j in reach[k]]
            if not any(all(l in reach[k] for l in ub) for k in ub):
                viol += 1
    return 1 - viol / maxv if maxv else math.nan


def _krackhardt_closure(G):
    """1 - mutual / (mutual + asymmetric) dyads of networkx's transitive closure."""
    C = nx.transitive_closure(G, reflexive=False)
    mutual = asym = 0
    for i, j in itertools.combinations(G, 2):
        a, b = C.has_edge(i, j), C.has_edge(j, i)
        mutual += a and b
        asym += a != b
    return 1 - mutual / (mutual + asym) if mutual + asym else math.nan


@pytest.mark.parametrize("seed", range(15))
def test_lub_and_krackhardt_equal_direct_definitions_on_random_graphs(seed):
    """Root-component shortcut vs sna's pairwise search; condensation counts vs transitive closure."""
    rng = np.random.default_rng(seed)
    n = int(rng.integers(3, 30))
    G = nx.gnp_random_graph(n, float(rng.uniform(0.03, 0.25)), seed=seed, directed=True)
    h = hierarchy(G)
    assert _same(h["lub"], _lub_sna_loop(G))
    assert _same(h["krackhardt"], _krackhardt_closure(G))


# --------------------------------------------------------------------------
# E–I index
# --------------------------------------------------------------------------


def test_ei_index_by_hand():
    """U ties only to G (EI +1); G: 1 internal, 2 external -> 1/3; whole graph 1 vs 2 -> 1/3."""
    G = nx.DiGraph()
    G.add_weighted_edges_from([("u1", "g1", 1.0), ("u2", "g1", 3.0), ("g1", "g2", 2.0)])
    nx.set_node_attributes(G, {"u1": "U", "u2": "U", "g1": "G", "g2": "G"}, "sector")
    e = ei_index(G)
    assert e.index.tolist() == ["U", "G", "all"]
    assert e.loc["U", ["internal", "external"]].tolist() == [0, 2]
    assert e.loc["U", "ei_index"] == 1.0
    assert e.loc["G", "ei_index"] == pytest.approx(1 / 3)
    assert e.loc["all", "ei_index"] == pytest.approx((2 - 1) / 3)
    assert e.loc["G", "ei_index_weighted"] == pytest.approx((4 - 2) / 6)
    assert e.loc["all", "n_nodes"] == 4


def test_ei_index_counts_directed_ties_per_direction_and_undirected_edges_once():
    G = nx.DiGraph([("u", "i"), ("i", "u"), ("u", "u2")])
    nx.set_node_attributes(G, {"u": "U", "u2": "U", "i": "I"}, "sector")
    e = ei_index(G)
    assert e.loc["U", ["internal", "external"]].tolist() == [1, 2]
    H = G.to_undirected()
    f = ei_index(H)
    assert f.loc["U", ["internal", "external"]].tolist() == [1, 1]
    assert f.loc["all", "ei_index"] == 0.0


def test_ei_index_of_group_without_ties_is_nan_and_loops_are_ignored():
    G = nx.DiGraph([("u", "u"), ("i", "g")])
    nx.set_node_attributes(G, {"u": "U", "i": "I", "g": "G"}, "sector")
    e = ei_index(G)
    assert math.isnan(e.loc["U", "ei_index"])
    assert e.loc["U", "internal"] == 0


def test_ei_index_schema_is_fixed_and_all_is_reserved():
    G = nx.DiGraph([(1, 2)])
    nx.set_node_attributes(G, {1: "a", 2: "b"}, "dept")
    cols = ["n_nodes", "internal", "external", "ei_index", "internal_weight", "external_weight", "ei_index_weighted"]
    assert ei_index(G, attr="dept").columns.tolist() == cols
    nx.set_node_attributes(G, {1: "all", 2: "b"}, "dept")
    with pytest.raises(InvalidGraphError, match="'all'"):
        ei_index(G, attr="dept")


# --------------------------------------------------------------------------
# schema and validation
# --------------------------------------------------------------------------


def test_hierarchy_returns_the_same_keys_for_every_weight_setting():
    G = nx.DiGraph([(0, 1)])
    assert list(hierarchy(G)) == list(HIERARCHY_KEYS)
    assert list(hierarchy(G, weight=None)) == list(HIERARCHY_KEYS)
    assert {"krackhardt", "flow", "global_reaching", "reciprocity"} <= set(HIERARCHY_KEYS)


@pytest.mark.parametrize("bad", [-1.0, float("nan"), float("inf"), "x", True])
def test_invalid_weight_raises_naming_the_edge(bad):
    G = nx.DiGraph()
    G.add_edge("a", "b", weight=bad)
    with pytest.raises(InvalidGraphError, match="'a'->'b'"):
        hierarchy(G)


def test_non_graph_input_raises_type_error():
    with pytest.raises(HelixnetTypeError):
        hierarchy(np.eye(3))
    with pytest.raises(HelixnetTypeError):
        ei_index({"a": 1})


def test_ei_index_requires_the_group_attribute():
    G = nx.DiGraph([(0, 1)])
    with pytest.raises(InvalidGraphError, match="has no 'sector'"):
        ei_index(G)
