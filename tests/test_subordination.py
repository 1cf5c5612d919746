"""Tests for helixnet.subordination.

The report only assembles other modules' results, so its expected values come
from those modules called directly on the same graph (each tested against
independent sources in its own test file), and from hand-built graphs.
"""

import json

import networkx as nx
import pandas as pd
import pytest

from helixnet.kazakhstan._report import kazakhstan_report
from helixnet.networks._centrality import centrality
from helixnet.networks._configuration import INDICATORS, archetype_graph, configuration
from helixnet.networks._mediation import mediation
from helixnet.networks._subordination import subordination_report


@pytest.fixture(scope="module")
def statist_report():
    return subordination_report(archetype_graph("statist", seed=0), n_resamples=99, seed=1, name="statist")


def test_report_tables_equal_the_modules_called_directly(statist_report):
    G = archetype_graph("statist", seed=0)
    pd.testing.assert_frame_equal(statist_report.centrality, centrality(G))
    assert statist_report.mediation == mediation(G)
    assert statist_report.configuration.verdict == configuration(G, n_resamples=99, seed=1).verdict == "statist"
    rel = configuration(G, "relationships", n_resamples=99, seed=1)
    pd.testing.assert_frame_equal(statist_report.configurations["relationships"].evidence, rel.evidence)


def test_summary_names_the_dominant_broker_mediation_and_verdict(statist_report):
    text = statist_report.summary
    assert "Verdict (flows): statist" in text and "Verdict (relationships)" in text
    assert "U-I mediation by G" in text and "Reciprocity" in text
    lead = statist_report.dominance.set_index("measure").loc["betweenness", "sector"]
    assert lead == statist_report.sector_shares["share_betweenness"].idxmax()


def test_evidence_has_both_readings_and_every_indicator(statist_report):
    ev = statist_report.evidence
    assert list(ev["reading"].drop_duplicates()) == ["flows", "relationships"]
    assert list(ev.loc[ev["reading"] == "flows", "metric"]) == list(INDICATORS)


def test_to_dict_is_json_serialisable(statist_report):
    d = json.loads(json.dumps(statist_report.to_dict()))
    assert d["verdict"] == "statist" and d["name"] == "statist"
    assert set(d["verdicts"]) == {"flows", "relationships"}
    assert set(statist_report.tables()) == {
        "centrality", "sector_shares", "dominance", "brokerage", "mediation", "hierarchy", "evidence"
    }


def test_same_seed_gives_identical_report():
    G = archetype_graph("balanced", seed=2)
    a = subordination_report(G, n_resamples=4, seed=3)
    b = subordination_report(G, n_resamples=4, seed=3)
    assert a.to_dict() == b.to_dict()


def test_graph_too_small_to_rewire_reports_no_rewiring_statistics_and_no_verdict():
    # a single tie cannot be rewired: that null model has no draws, so nothing can count
    G = nx.DiGraph()
    G.add_nodes_from([("u", {"sector": "U"}), ("g", {"sector": "G"})])
    G.add_edge("g", "u", weight=1)
    r = subordination_report(G, n_resamples=3, seed=0)
    assert r.evidence["null_mean_rewire"].isna().all() and r.evidence["z_rewire"].isna().all()
    assert set(r.configurations[k].verdict for k in r.configurations) == {"undetermined"}


@pytest.fixture(scope="module")
def kz():
    return kazakhstan_report(seed=0, n_resamples=9)


def test_kazakhstan_report_covers_graph_layers_and_oecd_side_by_side(kz):
    assert list(kz.comparison["graph"].drop_duplicates()) == [
        "kazakhstan", "knowledge", "funding", "institutional",
        "oecd_kazakhstan", "oecd_japan", "oecd_usa", "oecd_germany", "oecd_korea",
    ]
    assert set(kz.comparison["reading"]) == {"flows", "relationships"}
    # 9 draws per null model cannot reach p < 0.025 (the smallest p is 1/10): nothing decides
    assert set(kz.comparison["verdict"]) == {"undetermined"}
    json.dumps(kz.to_dict())


def test_kazakhstan_comparison_row_matches_configuration_of_the_graph(kz):
    from helixnet.kazakhstan._graphs import kazakhstan_graph

    conf = configuration(kazakhstan_graph(), "relationships", n_resamples=9, seed=0)
    row = kz.comparison.set_index(["graph", "reading"]).loc[("kazakhstan", "relationships")]
    assert row["verdict"] == conf.verdict
    for m, v in conf.evidence.set_index("metric")["observed"].items():
        assert row[m] == pytest.approx(v, nan_ok=True)


def test_summary_counts_inter_sector_brokerage_and_delegation_apart():
    # hand count: u1, u2 -> g -> i1, i2 are 4 open two-paths between U and I, all through G;
    # g -> g2 adds no flow chain G -> G -> X (g2 sends nothing); read as relationships,
    # g2 - g - {u1, u2, i1, i2} are 4 delegation two-paths inside government.
    G = nx.DiGraph()
    G.add_nodes_from([("u1", {"sector": "U"}), ("u2", {"sector": "U"}), ("g", {"sector": "G"}),
                      ("g2", {"sector": "G"}), ("i1", {"sector": "I"}), ("i2", {"sector": "I"})])
    G.add_weighted_edges_from([("u1", "g", 1), ("u2", "g", 1), ("g", "i1", 1), ("g", "i2", 1), ("g", "g2", 1)])
    text = subordination_report(G, n_resamples=3, seed=0).summary
    assert "Brokerage (flows): G brokers 4 of 4 open two-paths between different non-G sectors; 0 two-paths" in text
    assert "Brokerage (relationships): G brokers 4 of 4 open two-paths between different non-G sectors; 4 two-paths" in text


def test_summary_states_each_indicator_against_size_and_both_null_models(statist_report):
    text = statist_report.summary
    for r in statist_report.evidence.itertuples():
        if r.result != "undefined":
            assert f"{r.metric} (" in text and f"rewiring null mean {r.null_mean_rewire:.2f}" in text
            assert f"sector-permutation null mean {r.null_mean_permute:.2f}" in text
