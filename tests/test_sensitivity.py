"""Tests for helixnet.sensitivity.

Expected values: hand-built graphs whose transformed versions are known (which ties go, what a
merge sums), the bundled data's own marks (links.encodes_conclusion, sector_mapping's
alternatives), and helixnet.configuration called directly on a variant.
"""

import networkx as nx
import pandas as pd
import pytest

from helixnet.exceptions import HelixnetTypeError, InvalidGraphError
from helixnet.kazakhstan._graphs import kazakhstan_graph
from helixnet.kazakhstan._sensitivity import ambiguous_alternatives, conclusion_link_ids, default_variants, sensitivity
from helixnet.networks._configuration import INDICATORS, configuration
from helixnet.networks._sensitivity import drop_ties, merge_nodes, reassign_sectors, unit_weights


@pytest.fixture(scope="module")
def kz():
    return kazakhstan_graph()


def test_conclusion_ties_are_the_three_government_mediated_links_quoting_the_conclusion():
    # data/links.csv: L22-L24 quote "Business and science do not build relationships directly,
    # but rather indirectly, via the government." (Conclusion)
    from helixnet import datasets

    links = datasets.load("links").set_index("link_id")
    assert conclusion_link_ids() == ["L22", "L23", "L24"]
    for lid in conclusion_link_ids():
        assert "indirectly, via the government" in links.loc[lid, "quote"]
        assert links.loc[lid, "location"] == "Conclusion"


def test_dropping_the_conclusion_ties_removes_exactly_those_edges(kz):
    H = default_variants(kz)["conclusion ties dropped"](kz)
    gone = set(kz.edges) - set(H.edges)
    assert gone == {("government", "domestic_enterprises"), ("government", "universities"),
                    ("government", "research_institutes")}
    assert kz.has_edge("government", "universities")  # the input is untouched


def test_dropping_planned_ties_removes_every_planned_record(kz):
    H = default_variants(kz)["planned ties dropped"](kz)
    planned = {(r["source"], r["target"]) for r in kz.graph["records"] if r["status"] == "planned"}
    assert planned and not (planned & set(H.edges))
    assert all(r["status"] != "planned" for r in H.graph["records"])


def test_merging_the_pilot_clusters_gives_one_node_with_seven_ties_summed(kz):
    H = default_variants(kz)["pilot_clusters merged"](kz)
    assert H.number_of_nodes() == kz.number_of_nodes() - 6
    assert H.edges["cluster_initiative", "pilot_clusters"]["weight"] == 7.0  # seven ties of weight 1


def test_merge_sums_ties_and_refuses_mixed_sectors():
    G = nx.DiGraph([("g", "a"), ("g", "b"), ("a", "b")])
    nx.set_node_attributes(G, {"g": "G", "a": "O", "b": "O"}, "sector")
    H = merge_nodes(G, ["a", "b"], "ab")
    assert list(H.edges(data="weight")) == [("g", "ab", 2.0)]  # the a->b tie becomes a self-tie and goes
    with pytest.raises(InvalidGraphError, match="different sectors"):
        merge_nodes(G, ["g", "a"], "ga")


def test_drop_ties_on_a_graph_without_records_uses_edge_data():
    G = nx.DiGraph()
    G.add_edge("a", "b", status="existing;planned")
    G.add_edge("b", "c", status="existing")
    H = drop_ties(G, lambda d: d.get("status") == "existing")
    assert list(H.edges) == [("a", "b")]


def test_unit_weights_and_reassigned_sectors():
    G = nx.DiGraph()
    G.add_edge("a", "b", weight=0.3)
    nx.set_node_attributes(G, {"a": "U", "b": "I"}, "sector")
    assert unit_weights(G).edges["a", "b"]["weight"] == 1.0
    assert reassign_sectors(G, {"a": "G"}).nodes["a"]["sector"] == "G"
    with pytest.raises(InvalidGraphError, match="Q"):
        reassign_sectors(G, {"a": "Q"})


def test_alternatives_come_from_the_sector_mapping_reasons():
    # data/sector_mapping.csv: research institutes "alternative G"; NATD "so I is the alternative";
    # KAZKOSMOS "would make it G"
    alt = ambiguous_alternatives()
    assert (alt["research_institutes"], alt["natd"], alt["kazkosmos"]) == ("G", "I", "G")
    assert "own_funds" not in alt  # its reason names no alternative sector


def test_each_row_equals_configuration_of_the_variant(kz):
    variants = {"unit weights": unit_weights}
    r = sensitivity(kz, variants, readings=["relationships"], n_resamples=19, seed=5)
    assert list(r.table["variant"]) == ["as coded", "unit weights"]
    direct = configuration(unit_weights(kz), "relationships", n_resamples=19, seed=5)
    row = r.table.set_index("variant").loc["unit weights"]
    assert row["verdict"] == direct.verdict
    for m, v in direct.evidence.set_index("metric")["observed"].items():
        assert row[m] == pytest.approx(v, nan_ok=True)
        assert row[f"{m}_result"] == direct.evidence.set_index("metric").loc[m, "result"]


def test_table_schema_is_fixed():
    G = nx.DiGraph([("u", "g"), ("g", "i"), ("i", "u")])
    nx.set_node_attributes(G, {"u": "U", "g": "G", "i": "I"}, "sector")
    r = sensitivity(G, {}, n_resamples=3)
    cols = ["variant", "reading", "n_nodes", "n_edges", "verdict", "statist_votes", "balanced_votes"]
    for m in INDICATORS:
        cols += [m, f"{m}_result"]
    assert list(r.table.columns) == cols
    assert list(r.table["reading"]) == ["flows", "relationships"]
    assert isinstance(r.verdicts(), pd.DataFrame)


def test_a_variant_that_returns_no_graph_is_named_in_the_error():
    G = nx.DiGraph([("u", "g"), ("g", "i")])
    nx.set_node_attributes(G, {"u": "U", "g": "G", "i": "I"}, "sector")
    with pytest.raises(HelixnetTypeError, match="broken"):
        sensitivity(G, {"broken": lambda H: None}, n_resamples=3)


def test_sensitivity_figure_colours_each_cell_by_its_result():
    # one image cell per row and indicator; the colour index is the result's position in the legend
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    from helixnet import plot

    table = pd.DataFrame({
        "variant": ["as coded", "as coded"], "reading": ["flows", "relationships"],
        "verdict": ["statist", "undetermined"],
        "g_brokerage": [0.9, 0.2], "g_brokerage_result": ["supports", "not distinguishable from chance"],
        "g_feedback": [0.1, float("nan")], "g_feedback_result": ["contradicts", "undefined"],
    })
    ax = plot.sensitivity(table)
    codes = ax.images[0].get_array()
    assert codes.shape == (2, 2)
    assert codes.tolist() == [[0, 1], [2, 3]]
    assert [t.get_text() for t in ax.get_yticklabels()] == ["as coded (flows): statist",
                                                          "as coded (relationships): undetermined"]
    plt.close("all")
