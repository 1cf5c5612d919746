"""Tests for helixnet.configuration.

Expected answers come from the constructions themselves (graphs built so that the right
verdict is known: a big but random government, a government that only delegates inside
itself, a small government on every U–I path, a dense reciprocated U–I graph with an
ordinary government), from hand counts on small graphs, and from an independent
implementation (helixnet.mediation's Dijkstra path counting against the configuration's
matrix path counting). Every null-model test uses fixed seeds.
"""

import json
import math

import networkx as nx
import numpy as np
import pandas as pd
import pytest

from helixnet.exceptions import HelixnetValueError, InvalidGraphError
from helixnet.networks._configuration import (
    EVIDENCE_COLUMNS,
    INDICATORS,
    VERDICTS,
    archetype_graph,
    configuration,
    normalize_layers,
    read_graph,
    subordination_metrics,
)
from helixnet.networks._mediation import mediation

N = 99  # null draws in these tests (fixed seeds; the default is 199)


def big_random_government(seed=0):
    """40 actors, 24 of them government (the majority), ties at random (G(n, p))."""
    G = nx.gnp_random_graph(40, 0.12, seed=seed, directed=True)
    nx.set_node_attributes(G, dict(enumerate(["G"] * 24 + ["U"] * 6 + ["I"] * 6 + ["O"] * 4)), "sector")
    return G


def delegating_government():
    """G delegates only inside itself (g0 -> g1 -> o1, o2); science and business meet directly."""
    G = nx.DiGraph()
    G.add_nodes_from([("g0", {"sector": "G"}), ("g1", {"sector": "G"}), ("o1", {"sector": "O"}),
                      ("o2", {"sector": "O"}), ("o3", {"sector": "O"})])
    G.add_nodes_from([(f"u{k}", {"sector": "U"}) for k in range(3)] + [(f"i{k}", {"sector": "I"}) for k in range(3)])
    G.add_edges_from([("g0", "g1"), ("g1", "o1"), ("g1", "o2"),
                      ("u0", "i0"), ("u1", "i0"), ("i0", "u2"), ("u2", "i1"), ("i1", "i2"), ("i2", "o3")])
    return G


def small_government_on_every_path(seed=0):
    """10 U, 10 I, 2 G: every U -> both G -> every I; sparse ties inside U and inside I; no U-I tie."""
    rng = np.random.default_rng(seed)
    G = nx.DiGraph()
    U, I, gov = [f"u{k}" for k in range(10)], [f"i{k}" for k in range(10)], ["g0", "g1"]
    G.add_nodes_from(U, sector="U")
    G.add_nodes_from(I, sector="I")
    G.add_nodes_from(gov, sector="G")
    G.add_edges_from((u, g) for u in U for g in gov)
    G.add_edges_from((g, i) for g in gov for i in I)
    for group in (U, I):
        G.add_edges_from((a, b) for a in group for b in group if a != b and rng.random() < 0.2)
    return G


def balanced_dense_ui(seed=0):
    """8 U, 8 I, 3 G: reciprocated U-I ties (p 0.9), sparse reciprocated ties inside U and I,
    each ministry reciprocally tied to 2 U and 2 I (an ordinary actor, not a bridge)."""
    rng = np.random.default_rng(seed)
    G = nx.DiGraph()
    U, I, gov = [f"u{k}" for k in range(8)], [f"i{k}" for k in range(8)], [f"g{k}" for k in range(3)]
    G.add_nodes_from(U, sector="U")
    G.add_nodes_from(I, sector="I")
    G.add_nodes_from(gov, sector="G")
    both = lambda a, b: G.add_edges_from([(a, b), (b, a)])  # noqa: E731
    for u in U:
        for i in I:
            if rng.random() < 0.9:
                both(u, i)
    for group in (U, I):
        for a in group:
            for b in group:
                if a < b and rng.random() < 0.15:
                    both(a, b)
    for g in gov:
        for x in [*rng.choice(U, 2, replace=False), *rng.choice(I, 2, replace=False)]:
            both(g, x)
    return G


# ------------------------------------------------------------------ known answers by construction


@pytest.mark.parametrize("reading", ["flows", "relationships"])
def test_a_large_but_random_government_is_not_statist(reading):
    G = big_random_government()
    r = configuration(G, reading, n_resamples=N, seed=3)
    ev = r.evidence.set_index("metric")
    # the raw share says "dominant" (G is 24 of 40 actors) ...
    assert ev.loc["g_brokerage", "observed"] > 0.5
    # ... but it is what G's size gives: the ratio to G's node share is near 1, and nothing
    # departs from both null models
    assert ev.loc["g_brokerage", "ratio_to_size"] == pytest.approx(1.0, abs=0.25)
    assert r.verdict != "statist"
    assert r.statist_votes == 0


@pytest.mark.parametrize("reading", ["flows", "relationships"])
def test_a_government_delegating_only_within_itself_mediates_no_ui_tie(reading):
    r = configuration(delegating_government(), reading, n_resamples=N, seed=3)
    ev = r.evidence.set_index("metric")
    assert ev.loc["ui_mediation", "observed"] == 0.0  # no U-I path touches G
    assert ev.loc["g_brokerage", "observed"] == 0.0  # G stands between no two other sectors
    # hand count: g0 -> g1 -> o1 and g0 -> g1 -> o2 are the delegation chains, counted apart
    assert r.diagnostics["delegation_two_paths"] == 2
    assert r.diagnostics["inter_sector_two_paths_via_g"] == 0
    assert r.verdict != "statist"


@pytest.mark.parametrize("reading", ["flows", "relationships"])
def test_a_small_government_on_every_ui_path_is_statist_under_both_readings(reading):
    r = configuration(small_government_on_every_path(), reading, n_resamples=N, seed=3)
    ev = r.evidence.set_index("metric")
    assert ev.loc["g_brokerage", "observed"] == 1.0  # every open U-I two-path runs through g0 or g1
    assert ev.loc["ui_mediation", "observed"] == 1.0
    assert ev.loc["ui_direct", "observed"] == 0.0
    assert (ev.loc[["g_brokerage", "ui_mediation", "ui_direct"], "result"] == "supports").all()
    assert r.verdict == "statist"


@pytest.mark.parametrize("reading", ["flows", "relationships"])
def test_a_balanced_dense_reciprocated_ui_graph_is_balanced(reading):
    r = configuration(balanced_dense_ui(), reading, n_resamples=N, seed=3)
    ev = r.evidence.set_index("metric")
    assert ev.loc["ui_direct", "result"] == "contradicts"  # direct U-I beyond both nulls
    assert r.statist_votes == 0
    assert r.verdict == "balanced"
    if reading == "flows":  # every tie reciprocated: as much strength flows to G as from it
        assert ev.loc["g_feedback", "observed"] == 0.5


def test_statist_and_laissez_faire_archetypes_get_their_verdict():
    for kind in ("statist", "laissez-faire"):
        for seed in range(2):
            assert configuration(archetype_graph(kind, seed=seed), n_resamples=N, seed=1).verdict == kind


def test_an_archetype_with_equally_dense_interfaces_is_not_statist():
    # the balanced archetype mixes sectors at random (equal U-I, U-G, I-G densities), so no
    # indicator can depart from the sector-permutation null: not statist, and not "balanced" either
    r = configuration(archetype_graph("balanced", seed=0), n_resamples=N, seed=1)
    assert r.verdict in ("undetermined", "balanced") and r.statist_votes == 0


# ------------------------------------------------------------------ hand counts and an independent implementation


def test_hand_counted_indicators_of_a_five_node_graph():
    # u -> g -> i and u -> i2 -> x: open two-paths between different non-G sectors are u->g->i
    # (broker G) and u->i2->x (broker I): G's share 1/2. U-I shortest paths (flows): u->i via g,
    # u->i2 direct: 1 of 2 via G. Strength to G: u->g (1) against g->i (1): 1/2.
    G = nx.DiGraph([("u", "g"), ("g", "i"), ("u", "i2"), ("i2", "x")])
    nx.set_node_attributes(G, {"u": "U", "g": "G", "i": "I", "i2": "I", "x": "O"}, "sector")
    m = subordination_metrics(G, reading="flows")
    assert (m["g_brokerage"], m["ui_mediation"], m["g_feedback"]) == (0.5, 0.5, 0.5)
    # direct U-I strength 1 (u->i2) of U-I 1 + U-G 1 + I-G 1
    assert m["ui_direct"] == pytest.approx(1 / 3)
    assert m["inter_sector_share"] == 1.0
    assert math.isnan(subordination_metrics(G, reading="relationships")["g_feedback"])


@pytest.mark.parametrize("seed", range(3))
@pytest.mark.parametrize("reading", ["flows", "relationships"])
def test_ui_mediation_equals_dijkstra_path_counting_of_helixnet_mediation(seed, reading):
    # independent implementation: mediation() counts geodesics by Dijkstra per pair; the
    # configuration counts them as a power series of the geodesic DAG
    G = archetype_graph("statist", seed=seed)
    H = read_graph(G, reading, normalize=False)
    expected = mediation(H, directed=None).path_share
    assert subordination_metrics(G, reading=reading, normalize=False)["ui_mediation"] == pytest.approx(expected)


def test_layers_are_rescaled_to_mean_one_before_mixing():
    G = nx.DiGraph()
    G.add_nodes_from([(v, {"sector": s}) for v, s in zip("abcd", "UGIO")])
    G.add_edge("a", "b", weight=0.01, layer="funding")
    G.add_edge("b", "c", weight=0.03, layer="funding")
    G.add_edge("c", "d", weight=1.0, layer="institutional")
    H = normalize_layers(G)
    # funding mean 0.02: 0.01 -> 0.5, 0.03 -> 1.5; institutional mean 1
    assert [H.edges[e]["weight"] for e in [("a", "b"), ("b", "c"), ("c", "d")]] == pytest.approx([0.5, 1.5, 1.0])
    assert G.edges["a", "b"]["weight"] == 0.01  # input untouched


def test_kazakhstan_layers_are_rescaled_from_the_graphs_records():
    from helixnet.kazakhstan._graphs import kazakhstan_graph

    G = kazakhstan_graph()
    H = normalize_layers(G)
    for layer in ("knowledge", "funding", "institutional"):
        recs = [r for r in G.graph["records"] if r["layer"] == layer and r["source"] != r["target"]]
        rescaled = [H.edges[r["source"], r["target"]]["weight"] for r in recs]
        assert np.mean(rescaled) == pytest.approx(1.0), layer


# ------------------------------------------------------------------ schema, determinism, errors


def test_evidence_schema_is_fixed_and_lists_every_indicator():
    r = configuration(archetype_graph("statist", seed=0), n_resamples=19, seed=0)
    assert list(r.evidence.columns) == list(EVIDENCE_COLUMNS)
    assert list(r.evidence["metric"]) == list(INDICATORS)
    assert r.verdict in VERDICTS
    assert set(r.evidence["result"]) <= {"supports", "contradicts", "not distinguishable from chance", "undefined"}


def test_same_seed_gives_an_identical_result_and_another_seed_other_p_values():
    G = archetype_graph("statist", seed=4)
    a, b = configuration(G, n_resamples=29, seed=7), configuration(G, n_resamples=29, seed=7)
    pd.testing.assert_frame_equal(a.evidence, b.evidence)
    c = configuration(G, n_resamples=29, seed=8)
    assert not a.evidence["null_mean_rewire"].equals(c.evidence["null_mean_rewire"])


def test_graph_without_ties_is_undetermined():
    G = nx.DiGraph()
    G.add_nodes_from([(f"{s}{k}", {"sector": s}) for s in "UIG" for k in range(2)])
    r = configuration(G, n_resamples=9)
    assert r.verdict == "undetermined" and r.statist_votes == 0


def test_to_dict_is_json_serialisable():
    d = configuration(archetype_graph("statist", seed=0), n_resamples=19).to_dict()
    assert json.loads(json.dumps(d))["reading"] == "flows"
    assert [row["metric"] for row in d["evidence"]] == list(INDICATORS)


def test_archetype_graph_is_deterministic_for_a_seed():
    a, b = archetype_graph("balanced", seed=3), archetype_graph("balanced", seed=3)
    assert list(a.edges(data=True)) == list(b.edges(data=True))


@pytest.mark.parametrize("kw, match", [({"reading": "both"}, "both"), ({"n_resamples": 0}, "n_resamples"),
                                       ({"level": 1.5}, "level")])
def test_configuration_rejects_bad_arguments(kw, match):
    with pytest.raises(HelixnetValueError, match=match):
        configuration(archetype_graph("statist", seed=0), **kw)


def test_flows_reading_needs_a_directed_graph():
    G = nx.Graph([("a", "b")])
    nx.set_node_attributes(G, {"a": "U", "b": "G"}, "sector")
    with pytest.raises(HelixnetValueError, match="directed"):
        configuration(G, "flows")


def test_unknown_archetype_raises():
    with pytest.raises(HelixnetValueError, match="corporatist"):
        archetype_graph("corporatist")


def test_configuration_rejects_graph_without_sectors():
    with pytest.raises(InvalidGraphError):
        configuration(nx.path_graph(3))
