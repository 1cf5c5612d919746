"""Tests for helixnet.configuration.

Expected verdicts come from the constructions themselves: each archetype graph
is built to match one of Etzkowitz & Leydesdorff's (2000) verbal descriptions
(statist: G between U and I, one-way ties; laissez-faire: separate spheres;
balanced: reciprocated ties on all three interfaces plus hybrids), and
hand-built graphs whose indicators are worked out by hand.
"""

import json
import math

import networkx as nx
import numpy as np
import pytest

from helixnet.configuration import (
    CONFIGURATIONS,
    EVIDENCE_COLUMNS,
    THRESHOLDS,
    archetype_graph,
    configuration,
    subordination_metrics,
)
from helixnet.exceptions import HelixnetValueError, InvalidGraphError


def perturb(G, fraction, seed):
    """Remove and add `fraction` of the edges at random (seeded)."""
    rng = np.random.default_rng(seed)
    H = G.copy()
    edges = list(H.edges)
    k = max(1, int(round(fraction * len(edges))))
    for i in rng.choice(len(edges), size=k, replace=False):
        H.remove_edge(*edges[i])
    nodes = list(H.nodes)
    added = 0
    while added < k:
        a, b = rng.choice(len(nodes), size=2, replace=False)
        if not H.has_edge(nodes[a], nodes[b]):
            H.add_edge(nodes[a], nodes[b], weight=int(rng.integers(1, 6)))
            added += 1
    return H


@pytest.mark.parametrize("kind", CONFIGURATIONS)
@pytest.mark.parametrize("seed", range(5))
def test_archetype_graphs_get_their_own_verdict(kind, seed):
    assert configuration(archetype_graph(kind, seed=seed)).verdict == kind


@pytest.mark.parametrize("kind", CONFIGURATIONS)
@pytest.mark.parametrize("seed", range(4))
def test_verdict_is_stable_under_five_percent_edge_perturbation(kind, seed):
    G = archetype_graph(kind, seed=seed)
    assert configuration(perturb(G, 0.05, seed=100 + seed)).verdict == kind


@pytest.mark.parametrize("kind", CONFIGURATIONS)
def test_verdict_is_stable_under_weight_noise(kind):
    G = archetype_graph(kind, seed=7)
    rng = np.random.default_rng(7)
    for u, v in G.edges:
        G.edges[u, v]["weight"] *= float(rng.uniform(0.8, 1.25))
    assert configuration(G).verdict == kind


def test_evidence_schema_is_fixed_and_lists_every_indicator():
    for kind in CONFIGURATIONS:
        ev = configuration(archetype_graph(kind, seed=0)).evidence
        assert list(ev.columns) == list(EVIDENCE_COLUMNS)
        assert list(ev["metric"]) == list(THRESHOLDS)
        assert set(ev["points_to"]) <= {*CONFIGURATIONS, "none"}
        assert ev["threshold"].tolist() == [t[0] for t in THRESHOLDS.values()]


def hand_statist():
    """u -> g -> i and i -> g2 -> u: all U-I traffic through G, no tie returned."""
    G = nx.DiGraph()
    G.add_nodes_from([("u", {"sector": "U"}), ("i", {"sector": "I"}), ("g", {"sector": "G"}), ("g2", {"sector": "G"})])
    G.add_weighted_edges_from([("u", "g", 1), ("g", "i", 1), ("i", "g2", 1), ("g2", "u", 1)])
    return G


def test_hand_built_ministry_cycle_indicators_by_hand():
    # 4 ties, all inter-sector, forming the directed 4-cycle u->g->i->g2->u. Each node is
    # interior to 1 two-step geodesic and 2 three-step geodesics: betweenness 3 each, so
    # the two ministries hold 6 of 12.
    m = subordination_metrics(hand_statist())
    assert m["inter_sector_share"] == 1.0
    assert m["g_betweenness_share"] == pytest.approx(0.5)
    assert m["ui_mediated_share"] == 1.0  # both directed U-I geodesics pass a ministry
    assert m["ui_indirect_share"] == 1.0  # no direct U-I tie
    assert m["reciprocity"] == 0.0
    assert m["ui_interface_share"] == 0.0
    assert m["trilateral_share"] == 0.0  # u and i touch G only
    assert configuration(hand_statist()).verdict == "statist"


def test_two_disconnected_spheres_are_laissez_faire():
    # U triangle and I triangle, reciprocated inside, no tie between: inter-sector share 0
    G = nx.DiGraph()
    for s in "UI":
        nodes = [f"{s}{k}" for k in range(3)]
        G.add_nodes_from(nodes, sector=s)
        G.add_weighted_edges_from([(a, b, 1) for a in nodes for b in nodes if a != b])
    G.add_node("G0", sector="G")
    r = configuration(G)
    assert r.evidence.set_index("metric").loc["inter_sector_share", "value"] == 0.0
    assert math.isnan(r.evidence.set_index("metric").loc["ui_mediated_share", "value"])
    assert r.verdict == "laissez-faire"


def test_graph_without_ties_is_laissez_faire_not_statist():
    # hand reasoning: with no tie, no indicator of government direction is defined;
    # only trilateral_share (0 of 4 U/I nodes touch both other sectors) votes statist,
    # which previously made an empty graph "statist" by 1 vote to 0
    G = nx.DiGraph()
    G.add_nodes_from([(f"{s}{k}", {"sector": s}) for s in "UIG" for k in range(2)])
    r = configuration(G)
    ev = r.evidence.set_index("metric")
    assert math.isnan(ev.loc["inter_sector_share", "value"]) and ev.loc["trilateral_share", "value"] == 0.0
    assert (r.statist_votes, r.balanced_votes) == (1, 0)
    assert r.verdict == "laissez-faire"


def test_undefined_indicators_point_nowhere():
    G = nx.DiGraph()
    G.add_node("u", sector="U")
    r = configuration(G)
    nan_rows = r.evidence[r.evidence["value"].isna()]
    assert len(nan_rows) > 0 and (nan_rows["points_to"] == "none").all()


def test_to_dict_is_json_serialisable():
    d = configuration(archetype_graph("statist", seed=0)).to_dict()
    assert json.loads(json.dumps(d))["verdict"] == "statist"
    assert [row["metric"] for row in d["evidence"]] == list(THRESHOLDS)


def test_archetype_graph_is_deterministic_for_a_seed():
    a, b = archetype_graph("balanced", seed=3), archetype_graph("balanced", seed=3)
    assert list(a.edges(data=True)) == list(b.edges(data=True))


def test_unknown_archetype_raises():
    with pytest.raises(HelixnetValueError, match="corporatist"):
        archetype_graph("corporatist")


def test_configuration_rejects_graph_without_sectors():
    with pytest.raises(InvalidGraphError):
        configuration(nx.path_graph(3))
