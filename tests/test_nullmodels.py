"""Tests for helixnet.nullmodels.

Expected values: invariants checked with networkx's own degree functions
(degree sequences, sector counts), exact Monte Carlo p-values worked by hand
from the +1 formula, and determinism for a seed.
"""

import math
from collections import Counter

import networkx as nx
import numpy as np
import pandas as pd
import pytest

from helixnet.exceptions import HelixnetValueError, InvalidGraphError
from helixnet.networks._configuration import archetype_graph
from helixnet.networks._nullmodels import SIGNIFICANCE_COLUMNS, _p_value, permute_sectors, rewire, significance


def weighted(G, seed=0):
    rng = np.random.default_rng(seed)
    for u, v in G.edges:
        G.edges[u, v]["weight"] = float(rng.integers(1, 10))
    return G


@pytest.mark.parametrize("seed", range(4))
def test_directed_rewiring_preserves_in_out_degree_and_out_strength(seed):
    G = weighted(nx.gnm_random_graph(25, 70, seed=seed, directed=True), seed)
    H = rewire(G, seed=seed)
    assert dict(H.in_degree()) == dict(G.in_degree())
    assert dict(H.out_degree()) == dict(G.out_degree())
    assert dict(H.out_degree(weight="weight")) == dict(G.out_degree(weight="weight"))
    assert H.graph["swaps"] == 10 * G.number_of_edges()
    assert set(H.edges) != set(G.edges)  # something moved
    assert nx.number_of_selfloops(H) == 0


@pytest.mark.parametrize("seed", range(4))
def test_undirected_rewiring_preserves_degrees_and_weight_multiset(seed):
    G = weighted(nx.gnm_random_graph(25, 60, seed=seed), seed)
    H = rewire(G, seed=seed)
    assert dict(H.degree()) == dict(G.degree())
    assert Counter(nx.get_edge_attributes(H, "weight").values()) == Counter(nx.get_edge_attributes(G, "weight").values())
    assert nx.number_of_selfloops(H) == 0


def test_rewiring_keeps_node_sectors():
    G = archetype_graph("statist", seed=0)
    H = rewire(G, seed=1)
    assert nx.get_node_attributes(H, "sector") == nx.get_node_attributes(G, "sector")


def test_same_seed_gives_identical_rewiring_and_permutation():
    G = archetype_graph("balanced", seed=0)
    assert list(rewire(G, seed=5).edges(data=True)) == list(rewire(G, seed=5).edges(data=True))
    a, b = permute_sectors(G, seed=5), permute_sectors(G, seed=5)
    assert nx.get_node_attributes(a, "sector") == nx.get_node_attributes(b, "sector")


def test_permutation_preserves_sector_counts_and_edges():
    G = archetype_graph("statist", seed=0)
    H = permute_sectors(G, seed=3)
    assert Counter(nx.get_node_attributes(H, "sector").values()) == Counter(nx.get_node_attributes(G, "sector").values())
    assert list(H.edges(data=True)) == list(G.edges(data=True))
    assert nx.get_node_attributes(H, "sector") != nx.get_node_attributes(G, "sector")


def test_rewire_rejects_graphs_it_cannot_rewire():
    with pytest.raises(InvalidGraphError, match="2 edges"):
        rewire(nx.DiGraph([(0, 1)]))
    with pytest.raises(InvalidGraphError, match="self-loops"):
        rewire(nx.DiGraph([(0, 1), (1, 1), (1, 2)]))
    with pytest.raises(InvalidGraphError, match="multigraph"):
        rewire(nx.MultiGraph([(0, 1), (0, 1)]))


def test_monte_carlo_p_values_by_hand():
    # null 1..9, observed 9: greater -> (1 + 1)/10; less -> (1 + 9)/10;
    # two-sided (since 0.2, as hx.permutation_test and scipy.stats.permutation_test):
    # twice the smaller one-sided p, 2 * 0.2 = 0.4 (the distance from the null mean gave (1 + 2)/10)
    x = np.arange(1.0, 10.0)
    assert _p_value(9.0, x, "greater") == pytest.approx(0.2)
    assert _p_value(9.0, x, "less") == pytest.approx(1.0)
    assert _p_value(9.0, x, "two-sided") == pytest.approx(0.4)
    assert math.isnan(_p_value(float("nan"), x, "greater"))


def test_two_sided_p_does_not_assume_a_symmetric_null():
    """A skewed null: eight draws at 0 and one at 10, observed 10 (mean 10/9).

    By hand: p_greater = (1 + 1)/10 = 0.2, p_less = (1 + 9)/10 = 1, two-sided 2 * 0.2 = 0.4.
    The centred rule of 0.1 counted |x - 10/9| >= 8.9 only for the draw 10: (1 + 1)/10 = 0.2,
    half the doubled tail, because the mass at 0 lies close to the mean.
    """
    x = np.array([0.0] * 8 + [10.0])
    assert _p_value(10.0, x, "two-sided") == pytest.approx(0.4)
    assert _p_value(10.0, x, "greater") == pytest.approx(0.2)


def test_significance_is_deterministic_for_a_seed_and_has_fixed_columns():
    G = archetype_graph("statist", seed=0)
    a = significance(G, metrics=["g_brokerage", "g_feedback"], n_resamples=9, seed=4)
    b = significance(G, metrics=["g_brokerage", "g_feedback"], n_resamples=9, seed=4)
    pd.testing.assert_frame_equal(a, b)
    assert list(a.columns) == list(SIGNIFICANCE_COLUMNS)
    assert list(significance(G, n_resamples=3, seed=0, model="permute").columns) == list(SIGNIFICANCE_COLUMNS)


def test_significance_statistics_match_a_manual_replay_of_the_null():
    # replay the documented seeding (SeedSequence children) with a custom metric
    G = archetype_graph("statist", seed=2)
    metric = {"g_nodes_degree": lambda H: float(sum(d for v, d in H.degree() if H.nodes[v]["sector"] == "G"))}
    t = significance(G, metrics=metric, n_resamples=15, seed=9, model="permute", alternative="greater")
    reps = [
        metric["g_nodes_degree"](permute_sectors(G, seed=np.random.default_rng(c)))
        for c in np.random.SeedSequence(9).spawn(15)
    ]
    obs = metric["g_nodes_degree"](G)
    row = t.iloc[0]
    assert row["observed"] == obs
    assert row["null_mean"] == pytest.approx(np.mean(reps))
    assert row["null_sd"] == pytest.approx(np.std(reps, ddof=1))
    assert row["z"] == pytest.approx((obs - np.mean(reps)) / np.std(reps, ddof=1))
    assert row["p_value"] == pytest.approx((1 + sum(r >= obs for r in reps)) / 16)


def test_government_brokerage_in_statist_archetype_beats_label_permutation():
    G = archetype_graph("statist", seed=0)
    t = significance(G, metrics=["g_brokerage"], n_resamples=19, seed=0, model="permute", alternative="greater")
    assert t.loc[0, "p_value"] == pytest.approx(1 / 20) and t.loc[0, "z"] > 2


@pytest.mark.parametrize(
    "kw, match",
    [({"model": "erdos"}, "erdos"), ({"alternative": "both"}, "both"), ({"n_resamples": 0}, "n_resamples must be an integer >= 1, got 0"), ({"metrics": ["nope"]}, "nope")],
)
def test_significance_rejects_bad_arguments(kw, match):
    with pytest.raises(HelixnetValueError, match=match):
        significance(archetype_graph("statist", seed=0), **kw)


def test_null_model_progress_bar_is_drawn_only_on_a_terminal(monkeypatch):
    """progress=True draws a tqdm bar on stderr when it is a terminal, nothing otherwise;
    the table is identical either way (issue 11: null models had no progress bar)."""
    import io
    import sys

    from helixnet.networks._configuration import archetype_graph
    from helixnet.networks._nullmodels import significance

    class Tty(io.StringIO):
        def isatty(self):
            return True

    G = archetype_graph("statist", seed=0)
    plain = significance(G, metrics=["g_brokerage"], n_resamples=7, seed=1, model="permute")
    pipe = io.StringIO()
    monkeypatch.setattr(sys, "stderr", pipe)
    quiet = significance(G, metrics=["g_brokerage"], n_resamples=7, seed=1, model="permute", progress=True)
    assert pipe.getvalue() == ""
    tty = Tty()
    monkeypatch.setattr(sys, "stderr", tty)
    shown = significance(G, metrics=["g_brokerage"], n_resamples=7, seed=1, model="permute", progress=True)
    assert "null model (permute)" in tty.getvalue() and "7/7" in tty.getvalue()
    assert quiet.equals(plain) and shown.equals(plain)
    tty.seek(0)
    tty.truncate()
    significance(G, metrics=["g_brokerage"], n_resamples=7, seed=1, model="permute")  # progress off by default
    assert tty.getvalue() == ""


def test_subordination_cli_shows_null_model_progress_unless_quiet(monkeypatch, tmp_path):
    import contextlib
    import io
    import sys

    import networkx as nx

    from helixnet.cli import main
    from helixnet.networks._configuration import archetype_graph

    class Tty(io.StringIO):
        def isatty(self):
            return True

    G = archetype_graph("statist", seed=0)
    edges = tmp_path / "e.csv"
    nodes = tmp_path / "n.csv"
    edges.write_text("source,target,weight\n" + "".join(f"{u},{v},{d.get('weight', 1)}\n" for u, v, d in G.edges(data=True)))
    nodes.write_text("node,sector\n" + "".join(f"{v},{s}\n" for v, s in G.nodes(data="sector")))
    assert isinstance(G, nx.Graph)
    for quiet, expect in ((False, True), (True, False)):
        tty = Tty()
        monkeypatch.setattr(sys, "stderr", tty)
        with contextlib.redirect_stdout(io.StringIO()):
            args = ["subordination", str(edges), "--nodes", str(nodes), "--null", "3", "--format", "json"]
            assert main(args + (["--quiet"] if quiet else [])) == 0
        assert ("null model (rewire)" in tty.getvalue()) is expect


def test_permutation_null_keeps_self_loops_and_rewiring_sets_them_aside():
    """A self-tie stays under sector permutation (it is a relationship of one actor) and is removed
    for rewiring, which cannot move it. Expected by hand: one self-loop, counted as 1 in every draw
    under "permute", 0 under "rewire"."""
    G = nx.DiGraph()
    for v, s in [("u", "U"), ("i", "I"), ("g", "G"), ("g2", "G")]:
        G.add_node(v, sector=s)
    G.add_weighted_edges_from([("g", "u", 1.0), ("g2", "i", 1.0), ("u", "i", 1.0), ("i", "g", 1.0), ("g", "g", 2.0)])
    loops = {"loops": lambda H: float(nx.number_of_selfloops(H))}
    permuted = significance(G, metrics=loops, n_resamples=9, seed=0, model="permute").iloc[0]
    assert permuted["observed"] == 1.0 and permuted["null_mean"] == 1.0
    rewired = significance(G, metrics=loops, n_resamples=9, seed=0, model="rewire").iloc[0]
    assert rewired["observed"] == 0.0 and rewired["null_mean"] == 0.0
    assert nx.number_of_selfloops(G) == 1  # the caller's graph is not changed
