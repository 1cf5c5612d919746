"""Figures of helixnet.plot, checked by content (titles, labels, bars, nodes), not pixels.

Expected counts come from the inputs built here (one bar per row, one node per
actor); the few expected numbers are hand computations named in the test.
"""

import matplotlib as mpl
import matplotlib.pyplot as plt
import networkx as nx
import numpy as np
import pandas as pd
import pytest
from matplotlib.colors import to_hex
from matplotlib.patches import Circle, Rectangle

from helixnet import plot
from helixnet.exceptions import HelixnetValueError, InvalidGraphError, InvalidTableError
from helixnet.kazakhstan import _figures as figures


@pytest.fixture(autouse=True)
def _close_figures():
    yield
    plt.close("all")


def bars(ax):
    return [p for p in ax.patches if isinstance(p, Rectangle)]


def tick_texts(axis_ticks):
    return [t.get_text() for t in axis_ticks]


def node_count(ax):
    return sum(len(c.get_offsets()) for c in ax.collections if (c.get_gid() or "").startswith("nodes-"))


TABLE2 = pd.DataFrame(
    {
        "sector": ["total", "public", "higher_education", "entrepreneurial", "non_commercial"],
        "basic_research": [0.30, 0.20, 0.46, 0.18, 0.42],
        "applied_research": [0.54, 0.72, 0.45, 0.46, 0.53],
        "development": [0.16, 0.08, 0.09, 0.36, 0.05],
    }
)


# ---------------------------------------------------------------- palette and style


def test_sector_palette_covers_the_four_sectors_in_uigo_order_with_distinct_colours():
    assert plot.SECTOR_ORDER == ("U", "I", "G", "O")
    assert list(plot.SECTOR_PALETTE) == ["U", "I", "G", "O"]
    assert len({to_hex(c) for c in plot.SECTOR_PALETTE.values()}) == 4


def test_sector_palette_is_from_okabe_ito():
    # Okabe & Ito (2008) "Color Universal Design" eight-colour set
    okabe_ito = {"#000000", "#e69f00", "#56b4e9", "#009e73", "#f0e442", "#0072b2", "#d55e00", "#cc79a7"}
    assert {to_hex(c) for c in plot.SECTOR_PALETTE.values()} <= okabe_ito


def test_style_changes_rcparams_only_inside_the_context():
    before = dict(mpl.rcParams)
    with plot.style():
        assert mpl.rcParams["savefig.dpi"] == 300
        assert mpl.rcParams["pdf.fonttype"] == 42
    after = dict(mpl.rcParams)
    assert after == before


def test_plot_functions_never_call_show(monkeypatch):
    def boom(*a, **k):
        raise AssertionError("plt.show() called")

    monkeypatch.setattr(plt, "show", boom)
    figures.research_types(TABLE2)
    plot.mediation({"direct_strength": 1.0, "indirect_strength": 2.0})


# ---------------------------------------------------------------- the paper's tables and figures


def test_research_types_draws_one_segment_per_sector_and_type_in_paper_order():
    ax = figures.research_types(TABLE2)
    assert len(bars(ax)) == 5 * 3
    assert tick_texts(ax.get_yticklabels()) == [
        "Total", "Public sector", "Higher education", "Entrepreneurial", "Non-commercial"
    ]
    assert ax.get_xlabel() == "Share of domestic R&D spending"
    assert ax.get_title() == "Types of research by sector, 2013"
    assert [t.get_text() for t in ax.get_legend().get_texts()] == [
        "Basic research", "Applied research", "Experimental development"
    ]


def test_research_types_segments_end_at_row_sums():
    ax = figures.research_types(TABLE2)
    # the last segment of each row ends at basic + applied + development (Table 2 rows sum to 1)
    last = bars(ax)[-5:]
    np.testing.assert_allclose([b.get_x() + b.get_width() for b in last], TABLE2.iloc[:, 1:].sum(axis=1))


def test_research_types_accepts_an_existing_axes_and_returns_it():
    fig, ax = plt.subplots()
    assert figures.research_types(TABLE2, ax=ax) is ax


def test_research_types_names_the_missing_column():
    with pytest.raises(InvalidTableError, match="development"):
        figures.research_types(TABLE2.drop(columns="development"))


def test_funding_by_sector_heatmap_annotates_every_cell_and_marks_grants_as_a_part():
    df = pd.DataFrame(
        {
            "sector": ["total", "entrepreneurial"],
            "own_funds": [0.29, 0.62],
            "republican_budget": [0.63, 0.28],
            "innovation_grants": [0.06, 0.05],
            "local_budgets": [0.01, 0.01],
            "foreign_investment": [0.01, 0.00],
        }
    )
    ax = figures.funding_by_sector(df)
    assert len(ax.texts) == 2 * 5
    assert "of which" in tick_texts(ax.get_xticklabels())[2]
    assert ax.get_title() == "Sources of R&D funding by sector, 2013"


def test_personnel_stacks_three_groups_per_sector_and_leaves_out_the_total_row():
    df = pd.DataFrame(
        {
            "sector": ["total", "public", "higher_education"],
            "companies": [190, 78, 112],
            "rd_personnel": [17344, 5516, 11828],
            "researchers": [13063, 3855, 9208],
            "technicians": [2387, 1042, 1345],
            "other": [1894, 619, 1275],
        }
    )
    ax = figures.personnel(df)
    assert len(bars(ax)) == 2 * 3
    assert "total 17,344" in ax.get_title()
    assert ax.get_legend() is not None


def test_cost_structure_adds_the_not_stated_remainder():
    # paper text: machinery 67.3 %, R&D 12.9 %, training 2 %; hand computation: 100 - 82.2 = 17.8
    df = pd.DataFrame({"item": ["machinery", "rd", "training"], "share_percent": [67.3, 12.9, 2.0]})
    ax = figures.cost_structure(df)
    assert len(bars(ax)) == 4
    assert tick_texts(ax.get_yticklabels())[-1] == "Not stated"
    assert bars(ax)[-1].get_width() == pytest.approx(17.8)


def test_cost_structure_rejects_stated_shares_above_the_total():
    df = pd.DataFrame({"item": ["a", "b"], "share_percent": [70.0, 40.0]})
    with pytest.raises(InvalidTableError, match="110"):
        figures.cost_structure(df)


def test_innovation_activity_sorts_bars_by_share():
    df = pd.DataFrame({"activity": ["research", "design", "introduction"], "share_percent": [8, 3, 52]})
    ax = figures.innovation_activity(df)
    assert [b.get_width() for b in bars(ax)] == [52, 8, 3]
    assert tick_texts(ax.get_yticklabels())[0] == "Introduction"


def test_funding_sources_draws_one_panel_per_chart_and_marks_sub_items():
    df = pd.DataFrame(
        {
            "chart": ["rd", "rd", "rd", "innovation", "innovation"],
            "source": ["republican_budget", "innovation_grants", "own_funds", "own_funds", "loans"],
            "share_percent": [57.5, 0.3, 33.3, 47.1, 38.5],
            "parent": ["", "republican_budget", "", "", ""],
        }
    )
    axes = figures.funding_sources(df, titles={"rd": "R&D funding sources"})
    assert len(axes) == 2
    assert axes[0].get_title() == "R&D funding sources"
    assert len(bars(axes[0])) == 3 and len(bars(axes[1])) == 2
    labels = tick_texts(axes[0].get_yticklabels())
    # the sub-item sits right under its parent
    assert labels.index("   of which: Innovation grants") == labels.index("Republican budget") + 1
    # top-level sum 57.5 + 33.3 = 90.8 is stated on the axis
    assert "90.8" in axes[0].get_xlabel()


def test_funding_sources_rejects_the_wrong_number_of_axes():
    df = pd.DataFrame({"chart": ["a", "b"], "source": ["x", "y"], "share_percent": [1.0, 2.0]})
    fig, ax = plt.subplots()
    with pytest.raises(HelixnetValueError, match="2 axes"):
        figures.funding_sources(df, ax=ax)


def test_plan_vs_actual_one_panel_per_indicator_with_inverted_rank_axis():
    df = pd.DataFrame(
        {
            "indicator": ["activity", "activity", "wef_rank", "wef_rank"],
            "year": [2013, 2014, 2013, 2014],
            "kind": ["actual", "plan", "actual", "plan"],
            "value": [8.0, 10.0, 50.0, 48.0],
            "unit": ["percent", "percent", "rank", "rank"],
        }
    )
    axes = figures.plan_vs_actual(df)
    assert len(axes) == 2
    assert not axes[0].yaxis_inverted() and axes[1].yaxis_inverted()
    assert [t.get_text() for t in axes[0].get_legend().get_texts()] == ["Actual", "Plan"]


def test_plan_vs_actual_rejects_unknown_kinds():
    df = pd.DataFrame({"indicator": ["a"], "year": [2014], "kind": ["target"], "value": [1.0]})
    with pytest.raises(InvalidTableError, match="target"):
        figures.plan_vs_actual(df)


def test_international_comparison_highlights_kazakhstan_in_the_government_colour():
    df = pd.DataFrame(
        {
            "indicator": ["gov"] * 3 + ["dev"] * 2,
            "country": ["Japan", "Kazakhstan", "USA", "Japan", "Kazakhstan"],
            "value_percent": [15.6, 60.0, 27.7, 60.0, 16.0],
        }
    )
    axes = figures.international_comparison(df)
    assert len(axes) == 2
    first = bars(axes[0])
    assert len(first) == 3 and len(bars(axes[1])) == 2
    assert tick_texts(axes[0].get_xticklabels())[0] == "Kazakhstan"  # sorted, largest first
    assert to_hex(first[0].get_facecolor()) == plot.SECTOR_PALETTE["G"].lower()
    assert to_hex(first[1].get_facecolor()) != plot.SECTOR_PALETTE["G"].lower()


# ---------------------------------------------------------------- networks


@pytest.fixture
def toy_graph():
    G = nx.DiGraph()
    G.add_node("ministry", sector="G", label="Ministry of Education and Science")
    G.add_node("natd", sector="G", label="NATD")
    G.add_node("nu", sector="U", label="Nazarbayev University")
    G.add_node("kaz", sector="I", label="KAZATOMPROM")
    G.add_node("fair", sector="O", label="Trade fairs")
    G.add_edge("ministry", "nu", weight=3.0, status="existing")
    G.add_edge("natd", "kaz", weight=1.0, status="existing")
    G.add_edge("kaz", "nu", weight=1.0, status="planned")
    G.add_edge("nu", "kaz", weight=0.5, status="absent")
    G.add_edge("fair", "kaz", weight=1.0)
    return G


def test_actor_network_draws_every_node_in_its_sector_colour(toy_graph):
    ax = plot.actor_network(toy_graph, title="Toy model")
    assert node_count(ax) == 5
    for coll in ax.collections:
        gid = coll.get_gid() or ""
        if gid.startswith("nodes-"):
            assert to_hex(coll.get_facecolor()[0]) == plot.SECTOR_PALETTE[gid[-1]].lower()
    assert ax.get_title() == "Toy model"
    legend = [t.get_text() for t in ax.get_legend().get_texts()]
    assert legend[:4] == ["U: science", "I: business", "G: government", "O: other"]
    assert {"existing tie", "planned tie", "absent tie"} <= set(legend)


def test_actor_network_labels_every_node(toy_graph):
    ax = plot.actor_network(toy_graph)
    texts = " ".join(t.get_text().replace("\n", " ") for t in ax.texts)
    for _, label in toy_graph.nodes(data="label"):
        assert label in texts


def test_actor_network_edge_width_grows_with_weight(toy_graph):
    ax = plot.actor_network(toy_graph)
    arrows = [p for p in ax.patches if type(p).__name__ == "FancyArrowPatch"]
    assert len(arrows) == toy_graph.number_of_edges()
    widths = sorted(a.get_linewidth() for a in arrows)
    assert widths[-1] > widths[0]


def test_sector_layout_is_deterministic_and_groups_sectors(toy_graph):
    a = plot.sector_layout(toy_graph)
    b = plot.sector_layout(toy_graph.copy())
    assert a == b
    # government actors above the others (G cluster at the top of the triangle)
    assert min(a["ministry"][1], a["natd"][1]) > max(a["nu"][1], a["kaz"][1], a["fair"][1])


def test_spring_layout_is_reproducible_with_a_seed(toy_graph):
    ax1 = plot.actor_network(toy_graph, layout="spring", seed=3)
    ax2 = plot.actor_network(toy_graph, layout="spring", seed=3)
    def off(ax):
        return np.vstack([c.get_offsets() for c in ax.collections if (c.get_gid() or "").startswith("nodes-")])

    np.testing.assert_array_equal(off(ax1), off(ax2))


def test_actor_network_rejects_a_node_without_sector(toy_graph):
    toy_graph.add_node("stray")
    with pytest.raises(InvalidGraphError, match="stray"):
        plot.actor_network(toy_graph)


def test_actor_network_rejects_unknown_layout(toy_graph):
    with pytest.raises(HelixnetValueError, match="circular"):
        plot.actor_network(toy_graph, layout="circular")


# ---------------------------------------------------------------- subordination


def test_centrality_by_sector_groups_bars_by_measure_in_sector_order():
    shares = pd.DataFrame(
        {"betweenness": [0.8, 0.1, 0.1], "pagerank": [0.5, 0.25, 0.25]},
        index=pd.Index(["G", "U", "I"], name="sector"),
    )
    ax = plot.centrality_by_sector(shares)
    assert len(bars(ax)) == 2 * 3
    assert [t.get_text() for t in ax.get_legend().get_texts()] == ["U: science", "I: business", "G: government"]
    assert ax.get_ylabel() == "Sector's share of the measure"


def test_brokerage_profile_sums_node_roles_by_sector():
    nodes = pd.DataFrame(
        {
            "sector": ["G", "G", "U"],
            "coordinator": [0, 1, 0],
            "itinerant": [2, 2, 0],
            "representative": [0, 1, 1],
            "gatekeeper": [1, 0, 0],
            "liaison": [3, 0, 0],
        }
    )
    ax = plot.brokerage_profile(nodes)
    assert len(bars(ax)) == 2 * 5
    # hand sum: G = 0+1 + 2+2 + 0+1 + 1+0 + 3+0 = 10; U = 1
    tops = sorted(round(b.get_y() + b.get_height(), 9) for b in bars(ax)[-2:])
    assert tops == [1.0, 10.0]
    assert ax.get_legend().get_title().get_text() == "Role"


def test_mediation_bars_and_caption():
    ax = plot.mediation({"direct_strength": 0.2, "indirect_strength": 1.4, "path_share": 0.75})
    assert [b.get_height() for b in bars(ax)] == [0.2, 1.4]
    assert any("75%" in t.get_text() for t in ax.texts)


def test_mediation_names_missing_key():
    with pytest.raises(HelixnetValueError, match="indirect_strength"):
        plot.mediation({"direct_strength": 1.0})


# ---------------------------------------------------------------- synergy


def test_venn3_writes_the_seven_counts_and_every_t_value():
    counts = {"U": 5, "I": 3, "G": 2, "UI": 1, "UG": 4, "IG": 7, "UIG": 6}
    ax = plot.venn3(counts, t_values={"UI": 1.5, "UG": -2.0, "IG": 3.0, "UIG": -4.25}, none=9)
    circles = [p for p in ax.patches if isinstance(p, Circle)]
    assert len(circles) == 3
    texts = [t.get_text() for t in ax.texts]
    for v in counts.values():
        assert str(v) in texts
    box = next(t for t in texts if "T$_{UIG}$ = -4.25" in t)
    for key in ("UI", "UG", "IG"):
        assert f"T$_{{{key}}}$" in box


def test_venn3_rejects_unknown_regions():
    with pytest.raises(InvalidTableError, match="UX"):
        plot.venn3({"UX": 1}, t_values={})


def test_synergy_interval_one_line_per_estimate_and_zero_reference():
    df = pd.DataFrame({"label": ["T_UIG", "T_UI"], "T": [-5.0, 2.0], "low": [-9.0, 0.5], "high": [-1.0, 3.5]})
    ax = plot.synergy_interval(df)
    assert tick_texts(ax.get_yticklabels()) == ["T_UIG", "T_UI"]
    segs = ax.collections[0].get_segments()
    assert [tuple(s[:, 0]) for s in segs] == [(-9.0, -1.0), (0.5, 3.5)]
    assert ax.get_xlabel() == "T (mbit); negative = synergy"


def test_decomposition_bars_totals_groups_and_between_term():
    df = pd.DataFrame({"group": ["north", "south"], "contribution": [-3.0, 1.0]})
    ax = plot.decomposition_bars(df, between=-2.0, unit="bit")
    assert len(bars(ax)) == 3
    assert tick_texts(ax.get_yticklabels())[-1] == "between groups (ΔT)"
    assert "-4" in ax.get_title()  # -3 + 1 - 2


def test_shapley_bars_sorted_and_sum_in_label():
    ax = plot.shapley_bars(pd.Series({"a": 0.5, "b": -2.0, "c": 0.25}), unit="bit")
    assert tick_texts(ax.get_yticklabels()) == ["b", "c", "a"]
    assert "-1.25" in ax.get_xlabel()


def test_synergy_over_time_one_line_per_series():
    df = pd.DataFrame(
        {
            "year": [2000, 2001, 2000, 2001],
            "T": [-1.0, -2.0, 0.5, 0.2],
            "low": [-1.5, -2.5, 0.1, -0.1],
            "high": [-0.5, -1.5, 0.9, 0.5],
            "country": ["A", "A", "B", "B"],
        }
    )
    ax = plot.synergy_over_time(df, low="low", high="high", hue="country")
    data_lines = [l for l in ax.get_lines() if len(l.get_xdata()) == 2 and l.get_marker() == "o"]
    assert len(data_lines) == 2
    assert [t.get_text() for t in ax.get_legend().get_texts()] == ["A", "B"]


def test_plots_take_library_results_and_name_the_sign_reading():
    """Issue 13 §2 / issue 11 §3: shapley_bars takes a ShapleyResult (n shown beside each
    player); axis labels name T or R and read the sign by the number of dimensions
    (Leydesdorff & Ivanova 2014: R = (-1)^(N+1) T, R < 0 = synergy)."""
    import helixnet as hx

    df = pd.DataFrame({"x": [0, 1, 0, 1], "y": [0, 1, 1, 0], "region": ["a", "a", "b", "b"]})
    ax = plot.shapley_bars(hx.shapley(df, ["x", "y"], player="region"))
    assert [t.get_text() for t in ax.get_yticklabels()] == ["a (n = 2)", "b (n = 2)"]
    assert "bits" in ax.get_xlabel()
    est = pd.DataFrame({"label": ["T_UIGF"], "T": [0.4], "low": [0.1], "high": [0.7], "k": [4]})
    assert plot.synergy_interval(est).get_xlabel() == "T (mbit), 4-D; positive = synergy (R = −T)"
    r = est.rename(columns={"T": "R"}).assign(R=-0.4, low=-0.7, high=-0.1)
    assert plot.synergy_interval(r, estimate="R").get_xlabel() == "R (mbit), mutual redundancy; negative = synergy"
    years = pd.DataFrame({"year": [2001, 2002], "T": [0.2, 0.3], "k": [4, 4]})
    assert plot.synergy_over_time(years).get_ylabel() == "T (mbit), 4-D; positive = synergy (R = −T)"
    assert plot.synergy_over_time(years.drop(columns="k")).get_ylabel() == "T (mbit); negative = synergy"
    assert plot.decomposition_bars(pd.DataFrame({"group": ["a"], "contribution": [1.0]}),
                                   n_dims=4).get_xlabel().startswith("Contribution to T (mbit), 4-D")
    plt.close("all")


def test_synergy_interval_takes_a_bootstrap_result_and_its_frame():
    """Issue 11 §3: plot.synergy_interval(hx.bootstrap(...)) used to raise (columns differ).
    The drawn intervals are the result's own (read back from the line collection)."""
    import helixnet as hx

    res = hx.bootstrap([[[40, 10], [10, 40]], [[10, 40], [40, 10]]], n_resamples=100, seed=1)
    for data in (res, res.to_frame()):
        ax = plot.synergy_interval(data, unit="bit")
        segs = ax.collections[0].get_segments()
        assert [t.get_text() for t in ax.get_yticklabels()] == res.subsets
        assert segs[-1][0][0] == pytest.approx(res.interval()[0]) and segs[-1][1][0] == pytest.approx(res.interval()[1])
        assert ax.get_xlabel() == "T (bits); synergy (k ≥ 3) where R = (−1)^(k+1)·T < 0"
        plt.close("all")


# ----------------------------------------------------------------------------
# the package's own results feed the plot meant for them (issue 11)
# ----------------------------------------------------------------------------
def _records():
    return pd.DataFrame({"a": list("xxyyxyxyxx"), "b": list("pqpqqppqqq"), "c": list("rrsssrsrrs"),
                         "g": list("1111122222")})


def _bar_widths(ax):
    return [round(p.get_width(), 9) for p in bars(ax)]


def test_each_library_result_and_its_frame_feed_the_plot_meant_for_it():
    """Every pairing draws, and the result object and its to_frame() draw the same marks.
    Expected marks: one interval per bootstrap row, one bar per decomposition group
    plus the between term, one bar per Shapley player, one bar per sector and measure."""
    import helixnet as hx
    from helixnet.networks._centrality import MEASURES

    df = _records()
    G = hx.kazakhstan_graph()

    boot = hx.bootstrap(df, dims=["a", "b", "c"], n_resamples=30, seed=1, unit="mbit")
    ax1, ax2 = plot.synergy_interval(boot), plot.synergy_interval(boot.to_frame())
    frame = boot.to_frame()
    assert tick_texts(ax1.get_yticklabels()) == tick_texts(ax2.get_yticklabels()) == list(frame["subset"])
    assert ax1.get_xlabel().startswith("T (mbit)")

    dec = hx.decompose(df, dims=["a", "b", "c"], group="g")
    ax = plot.decomposition_bars(dec)
    assert len(bars(ax)) == len(dec.groups) + 1  # groups + between
    assert sum(_bar_widths(ax)) == pytest.approx(dec.total, abs=1e-9)  # contributions + between = T
    ax = plot.decomposition_bars(dec.to_frame())
    assert sum(_bar_widths(ax)) == pytest.approx(dec.total, abs=1e-9)

    sh = hx.shapley(df, dims=["a", "b", "c"], player="g")
    assert len(bars(plot.shapley_bars(sh))) == len(bars(plot.shapley_bars(sh.to_frame()))) == len(sh)

    table = hx.centrality(G)
    shares = hx.sector_centrality(G)
    n_sectors = int((shares["n_nodes"] > 0).sum())
    ax_a, ax_b = plot.centrality_by_sector(shares), plot.centrality_by_sector(table)
    assert len(bars(ax_a)) == len(bars(ax_b)) == n_sectors * len(MEASURES)
    assert sorted(p.get_height() for p in bars(ax_a)) == pytest.approx(sorted(p.get_height() for p in bars(ax_b)))

    for result in (hx.brokerage(G), hx.sector_brokerage(G), hx.brokerage_test(G)):
        assert len(bars(plot.brokerage_profile(result))) > 0

    med = hx.mediation(G)
    assert len(bars(plot.mediation(med))) == len(bars(plot.mediation(med.to_dict()))) == 2

    conf = hx.configuration(G)
    ax = plot.configuration_evidence(conf)
    assert conf.verdict in ax.get_title()

    vc = hx.networks.venn_counts(G)
    ax = plot.venn3(vc)
    assert [c.get_gid() for c in ax.patches if isinstance(c, Circle)] == ["venn-U", "venn-I", "venn-G"]
    syn = hx.synergy(hx.venn_table({"U": 3, "I": 4, "G": 5, "UI": 2, "UG": 1, "IG": 1, "UIG": 1}, none=2))
    texts = [t.get_text() for t in plot.venn3(syn).texts]
    assert "4" in texts and "outside all three: 2" in "\n".join(texts)


def test_bibliometric_synergy_table_feeds_synergy_over_time_with_its_interval():
    """synergy_table's columns (year, T, ci_low, ci_high) draw one line with one interval band."""
    from pathlib import Path

    from matplotlib.collections import PolyCollection

    from helixnet.bibliometrics import _pipeline as bib

    fix = Path(__file__).resolve().parent / "fixtures" / "bibliometrics"
    recs = bib.classify(bib.read_records([fix / "savedrecs_1.txt", fix / "savedrecs_2.txt"]))
    table = bib.synergy_table(recs, by="year", n_resamples=30, seed=1)
    ax = plot.synergy_over_time(table)
    assert len(ax.lines) == 2  # the series and the zero line
    assert len(ax.lines[0].get_xdata()) == len(table)
    assert sum(isinstance(c, PolyCollection) for c in ax.collections) == 1


# ---------------------------------------------------------------- every plot function, one test each

import doctest  # noqa: E402
import inspect  # noqa: E402

from matplotlib.axes import Axes  # noqa: E402

#: Public names of helixnet.plot that draw nothing (constants, the style context, saving, positions).
NOT_DRAWING = {"SECTOR_ORDER", "SECTOR_PALETTE", "SECTOR_LABELS", "CATEGORY_PALETTE", "style", "save",
               "sector_layout", "shell_layout", "ternary_xy"}
DRAWING = [(f"plot.{n}", getattr(plot, n)) for n in plot.__all__ if n not in NOT_DRAWING] + [
    (f"kazakhstan.{n}", getattr(figures, n)) for n in figures.__all__ if callable(getattr(figures, n))]


def test_every_public_plot_function_is_drawn_by_the_parametrised_test():
    names = {n for n, _ in DRAWING}
    assert {f"plot.{n}" for n in plot.__all__} - names == {f"plot.{n}" for n in NOT_DRAWING}
    assert {n for n in names if n.startswith("kazakhstan.")} == {
        f"kazakhstan.{n}" for n in figures.__all__ if n != "TABLE_SECTOR_LABELS"}


def _axes_in(value):
    if isinstance(value, Axes):
        return [value]
    if isinstance(value, (list, tuple, np.ndarray)):
        return [a for v in np.asarray(value, dtype=object).ravel() for a in _axes_in(v)]
    return []


@pytest.mark.parametrize("name,func", DRAWING, ids=[n for n, _ in DRAWING])
def test_plot_function_draws_its_documented_example_on_a_non_empty_axes_and_closes(name, func):
    # the input is the function's own docstring example (its documented minimal input); the
    # example's own checks are the doctests' business, here: something is drawn, nothing stays open
    plt.close("all")
    namespace = dict(vars(inspect.getmodule(func)))  # doctests run in their module's globals
    before = {k: id(v) for k, v in namespace.items()}
    drawn = []
    for example in doctest.DocTestParser().get_examples(func.__doc__):
        if "plt.close" in example.source:
            continue
        if example.want:  # an expression whose printed value the doctest checks
            drawn += _axes_in(eval(compile(example.source, f"<{name} example>", "eval"), namespace))
        else:
            exec(compile(example.source, f"<{name} example>", "exec"), namespace)
    drawn += [a for k, v in namespace.items() if before.get(k) != id(v) for a in _axes_in(v)]
    assert drawn, f"{name}: its example returned no axes"
    for ax in drawn:
        artists = ax.lines + ax.patches + ax.collections + ax.texts + ax.images
        assert artists, f"{name}: empty axes"
    plt.close("all")
    assert plt.get_fignums() == []
