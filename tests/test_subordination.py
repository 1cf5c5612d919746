"""Tests for helixnet.subordination.

The report only assembles other modules' results, so its expected values come
from those modules called directly on the same graph (each tested against
independent sources in its own test file), and from hand-built graphs.
"""

import json

import networkx as nx
import pandas as pd
import pytest

from helixnet.centrality import centrality
from helixnet.configuration import THRESHOLDS, archetype_graph, configuration
from helixnet.mediation import mediation
from helixnet.subordination import kazakhstan_report, subordination_report


@pytest.fixture(scope="module")
def statist_report():
    return subordination_report(archetype_graph("statist", seed=0), n_null=5, seed=1, name="statist")


def test_report_tables_equal_the_modules_called_directly(statist_report):
    G = archetype_graph("statist", seed=0)
    pd.testing.assert_frame_equal(statist_report.centrality, centrality(G))
    assert statist_report.mediation == mediation(G)
    assert statist_report.configuration.verdict == configuration(G).verdict == "statist"


def test_summary_names_the_dominant_broker_mediation_and_verdict(statist_report):
    text = statist_report.summary
    assert "statist" in text and "U-I mediation by G" in text and "Reciprocity" in text
    lead = statist_report.dominance.set_index("measure").loc["betweenness", "sector"]
    assert lead == statist_report.sector_shares["share_betweenness"].idxmax()


def test_significance_has_both_null_models_and_every_indicator(statist_report):
    sig = statist_report.significance
    assert list(sig.columns[:2]) == ["model", "metric"]
    assert sorted(set(sig["model"])) == ["permute", "rewire"]
    assert list(sig.loc[sig["model"] == "rewire", "metric"]) == list(THRESHOLDS)


def test_to_dict_is_json_serialisable(statist_report):
    d = json.loads(json.dumps(statist_report.to_dict()))
    assert d["verdict"] == "statist" and d["name"] == "statist"
    assert set(statist_report.tables()) == {
        "centrality", "sector_shares", "dominance", "brokerage", "mediation", "hierarchy", "configuration", "significance"
    }


def test_same_seed_gives_identical_report():
    G = archetype_graph("balanced", seed=2)
    a = subordination_report(G, n_null=4, seed=3)
    b = subordination_report(G, n_null=4, seed=3)
    assert a.to_dict() == b.to_dict()


def test_graph_too_small_to_rewire_still_reports_with_nan_statistics():
    # one U->G->I chain of two ties... plus one tie less: a single tie cannot be rewired
    G = nx.DiGraph()
    G.add_nodes_from([("u", {"sector": "U"}), ("g", {"sector": "G"})])
    G.add_edge("g", "u", weight=1)
    r = subordination_report(G, n_null=3, seed=0)
    rewired = r.significance[r.significance["model"] == "rewire"]
    assert (rewired["n_null"] == 0).all() and rewired["z"].isna().all()


@pytest.fixture(scope="module")
def kz():
    return kazakhstan_report(seed=0, n_null=3)


def test_kazakhstan_report_covers_graph_layers_and_oecd_side_by_side(kz):
    assert list(kz.comparison["graph"]) == [
        "kazakhstan", "knowledge", "funding", "institutional",
        "oecd_kazakhstan", "oecd_japan", "oecd_usa", "oecd_germany", "oecd_korea",
    ]
    assert set(kz.comparison["verdict"]) <= {"statist", "laissez-faire", "balanced"}
    json.dumps(kz.to_dict())


def test_kazakhstan_comparison_row_matches_configuration_of_the_graph(kz):
    from helixnet.graphs import kazakhstan_graph

    conf = configuration(kazakhstan_graph())
    row = kz.comparison.set_index("graph").loc["kazakhstan"]
    assert row["verdict"] == conf.verdict
    for m, v in conf.evidence.set_index("metric")["value"].items():
        assert row[m] == pytest.approx(v, nan_ok=True)


def test_summary_names_gs_most_frequent_role_never_the_total_row():
    # hand count (Gould & Fernandez roles): u1, u2 -> g -> i1, i2 are 4 liaison two-paths
    # (U, G, I all different); u1, u2 -> g -> g2 are 2 gatekeeper two-paths (g, g2 both G).
    # No other node brokers, so G holds 100% and its most frequent role is liaison, 4 of 6.
    # The old summary picked the largest row of the long table, which is always "total".
    G = nx.DiGraph()
    G.add_nodes_from([("u1", {"sector": "U"}), ("u2", {"sector": "U"}), ("g", {"sector": "G"}),
                      ("g2", {"sector": "G"}), ("i1", {"sector": "I"}), ("i2", {"sector": "I"})])
    G.add_weighted_edges_from([("u1", "g", 1), ("u2", "g", 1), ("g", "i1", 1), ("g", "i2", 1), ("g", "g2", 1)])
    text = subordination_report(G, n_null=3, seed=0).summary
    assert "G holds 100% of all brokerage positions; its most frequent role is liaison (4 of 6)." in text
    assert "total" not in text.split("Brokerage:")[1].split(".")[0]


def test_summary_states_on_which_side_of_the_null_mean_each_tested_indicator_lies(statist_report):
    # z > 0 exactly when observed > null mean (z = (observed - mean) / sd): the text must say so
    text = statist_report.summary
    sig = statist_report.significance
    tested = sig[sig["metric"].isin(["g_betweenness_share", "g_brokerage_share", "ui_mediated_share"]) & sig["z"].notna()]
    assert len(tested) > 0
    for r in tested.itertuples():
        side = "above" if r.observed > r.null_mean else "below"
        assert f"{r.metric} {r.observed:.2f} {side} its null mean {r.null_mean:.2f}, z={r.z:.1f}" in text
