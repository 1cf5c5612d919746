"""Tests of helixnet.graphs: case-study builders, users' data, Venn counts, interchange.

Expected values come from the paper (Dnishev, Alzhanova & Alibekova 2015,
Economy of Region 2015(2)) read through the CSV files with the standard
library's csv module (independently of helixnet.datasets), from hand counts,
and from independent solvers (scipy SLSQP, a brute-force simplex grid) and
readers (igraph's GraphML reader).
"""

import csv
from pathlib import Path

import networkx as nx
import numpy as np
import pandas as pd
import pytest

import helixnet as hx
from helixnet.exceptions import HelixnetError, HelixnetValueError, InvalidGraphError
from helixnet.kazakhstan import _graphs as kzgraphs
from helixnet.networks import _builders as builders

DATA = Path(__file__).resolve().parent.parent / "data"


def csv_rows(name):
    with open(DATA / f"{name}.csv", encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


def csv_cell(ref):
    """Independent resolver of a source_ref: stdlib csv, no helixnet code."""
    dataset, rest = ref.split("#")
    parts = dict(p.split("=") for p in rest.split(","))
    column = parts.pop("column")
    rows = [r for r in csv_rows(dataset) if all(r[k] == v for k, v in parts.items())]
    assert len(rows) == 1, ref
    return float(rows[0][column])


PERFORMERS = ["public", "higher_education", "entrepreneurial", "non_commercial"]
FUNDERS = ["own_funds", "republican_budget", "innovation_grants", "local_budgets", "foreign_investment"]


def table3():
    rows = {r["sector"]: r for r in csv_rows("table3_rd_funding_sources")}
    T = np.array([[float(rows[s][c]) for c in FUNDERS] for s in PERFORMERS])
    total = np.array([float(rows["total"][c]) for c in FUNDERS])
    return T, total


# ---------------------------------------------------------------- provenance


def test_every_edge_of_kazakhstan_graph_traces_to_the_data_cell_holding_its_value():
    G = kzgraphs.kazakhstan_graph()
    assert G.number_of_edges() > 0
    records = {}
    for rec in G.graph["records"]:
        # the cell, read with stdlib csv, holds the record's value; weight = scale x value
        assert csv_cell(rec["source_ref"]) == pytest.approx(rec["source_value"], abs=0)
        assert kzgraphs.resolve_source_ref(rec["source_ref"]) == pytest.approx(rec["source_value"], abs=0)
        assert rec["weight"] == pytest.approx(rec["scale"] * rec["source_value"], rel=1e-15)
        records.setdefault((rec["source"], rec["target"]), []).append(rec)
    assert set(records) == set(G.edges())
    for u, v, d in G.edges(data=True):
        refs = d["source_ref"].split(";")
        assert refs == [r["source_ref"] for r in records[u, v]]
        assert d["relation"].split(";") == [r["relation"] for r in records[u, v]]
        assert set(d["relation"].split(";")) <= set(kzgraphs.RELATIONS)
        assert d["weight"] == pytest.approx(sum(r["weight"] for r in records[u, v]), rel=1e-12)
        if len(refs) == 1:
            assert d["source_value"] == csv_cell(refs[0])


def test_parse_source_ref_rejects_malformed_references_naming_them():
    for bad in ["knowledge_sources", "knowledge_sources#source_type=internal",
                "a#b=c;d#e=f,column=g", "x#=1,column=y"]:
        with pytest.raises(HelixnetValueError, match="source_ref"):
            kzgraphs.parse_source_ref(bad)


def test_resolve_source_ref_errors_name_dataset_column_or_row_count():
    with pytest.raises(hx.UnknownDatasetError, match="no_such_table"):
        kzgraphs.resolve_source_ref("no_such_table#a=b,column=c")
    with pytest.raises(HelixnetValueError, match="no column 'nope'"):
        kzgraphs.resolve_source_ref("knowledge_sources#source_type=internal,column=nope")
    with pytest.raises(HelixnetValueError, match="matches 0 rows"):
        kzgraphs.resolve_source_ref("knowledge_sources#source_type=mystery,column=share_percent")


# ---------------------------------------------------------------- sectors


def test_node_sectors_come_from_sector_mapping_csv():
    mapping = {r["entity"]: r["sector"] for r in csv_rows("sector_mapping")}
    G = kzgraphs.kazakhstan_graph()
    for node, sec in G.nodes(data="sector"):
        assert sec == mapping[node], node
    assert G.graph["sectors"] == {n: mapping[n] for n in G}


def test_sectors_override_is_applied_and_recorded():
    G = kzgraphs.knowledge_layer(sectors={"external": "O"})
    assert G.nodes["external"]["sector"] == "O"
    assert G.graph["sector_overrides"] == {"external": "O"}
    assert G.graph["sectors"]["external"] == "O"


def test_bad_sector_override_names_entity_and_value():
    with pytest.raises(InvalidGraphError, match=r"'external'.*'X'"):
        kzgraphs.knowledge_layer(sectors={"external": "X"})


# ---------------------------------------------------------------- knowledge


def test_knowledge_shares_are_the_printed_43_26_11_19_percent():
    """Paper p. 163: "innovation activities run by enterprises are greatly influenced by:
    the market actors (customers, competitors, equipment suppliers) — 43 %, internal sources
    (within a company) — 26 %, external sources (universities, public and private research
    institutes, consultants) — 11 % and other sources (...) — 19 %"."""
    G = kzgraphs.knowledge_layer()
    assert G["market_actors"]["enterprises"]["weight"] == 43
    assert G["enterprises"]["enterprises"]["weight"] == 26  # internal: a self-tie
    assert G["external"]["enterprises"]["weight"] == 11
    assert G["other"]["enterprises"]["weight"] == 19
    assert G.number_of_edges() == 4
    assert {d["relation"] for *_, d in G.edges(data=True)} == {"knowledge"}
    H = kzgraphs.knowledge_layer(normalize=True)
    assert H["market_actors"]["enterprises"]["weight"] == pytest.approx(0.43)
    assert H.graph["weight_unit"] == "fraction"


# ---------------------------------------------------------------- funding


def test_nnls_shares_are_a_distribution_reproducing_table3_total_row():
    """The fitted Total row, recomputed here from the CSV, equals Table 3's Total row up to
    the printing precision: each printed cell is rounded to 0.01 (error <= 0.005 per cell),
    so a mixture of rounded rows can miss a rounded total by at most 0.01."""
    est = kzgraphs.estimate_sector_shares("nnls")
    w = est.weights[PERFORMERS].to_numpy()
    assert (w >= 0).all()
    assert w.sum() == pytest.approx(1.0, abs=1e-12)
    T, total = table3()
    fitted = w @ T
    np.testing.assert_allclose(est.fitted[FUNDERS].to_numpy(), fitted, atol=1e-12)
    np.testing.assert_allclose(est.residual[FUNDERS].to_numpy(), fitted - total, atol=1e-12)
    assert est.residual_norm == pytest.approx(np.linalg.norm(fitted - total), abs=1e-12)
    assert np.abs(fitted - total).max() <= 0.01


def _objective(W, T, total):
    return ((W @ T - total) ** 2).sum(axis=-1)


def test_nnls_solution_matches_slsqp_and_a_brute_force_simplex_grid():
    """Independent solvers: scipy SLSQP (equality + bound constraints, from several
    starting points) and an exhaustive grid over the simplex with step 0.01."""
    from scipy.optimize import minimize

    T, total = table3()
    w = kzgraphs.estimate_sector_shares("nnls").weights[PERFORMERS].to_numpy()
    ours = _objective(w, T, total)

    rng = np.random.default_rng(0)
    best = None
    for _ in range(5):
        x0 = rng.dirichlet(np.ones(4))
        r = minimize(lambda x: _objective(x, T, total), x0, method="SLSQP", bounds=[(0, 1)] * 4,
                     constraints=[{"type": "eq", "fun": lambda x: x.sum() - 1}],
                     options={"ftol": 1e-16, "maxiter": 1000})
        if best is None or r.fun < best.fun:
            best = r
    assert ours <= best.fun + 1e-12
    np.testing.assert_allclose(w, best.x, atol=2e-3)

    steps = np.arange(101)
    a, b, c = np.meshgrid(steps, steps, steps, indexing="ij")
    keep = a + b + c <= 100
    grid = np.stack([a[keep], b[keep], c[keep], 100 - a[keep] - b[keep] - c[keep]], axis=1) / 100
    values = _objective(grid, T, total)
    assert ours <= values.min() + 1e-15
    # the objective is flat along the public / higher-education direction (their Table 3
    # rows are alike), so the best grid point may sit a few 0.01-steps away
    np.testing.assert_allclose(w, grid[values.argmin()], atol=0.05)


def test_personnel_weighting_uses_table4_printed_rd_personnel_shares():
    shares = {r["sector"]: float(r["rd_personnel"]) for r in csv_rows("table4_rd_personnel_shares")}
    est = kzgraphs.estimate_sector_shares("personnel")
    assert est.weights.to_dict() == pytest.approx(shares)
    G = kzgraphs.funding_layer("personnel")
    T, _ = table3()
    for i, s in enumerate(PERFORMERS):
        for j, f in enumerate(FUNDERS):
            if f == "innovation_grants" or T[i, j] == 0:
                assert not G.has_edge(f, s)
            else:
                assert G[f][s]["weight"] == pytest.approx(shares[s] * T[i, j], rel=1e-12)


def test_innovation_grants_are_not_double_counted_by_default():
    """Table 3's header: 'Republican budget / including Innovation grants'."""
    G = kzgraphs.funding_layer()
    assert "innovation_grants" not in G
    H = kzgraphs.funding_layer(innovation_grants="separate")
    assert H["innovation_grants"]["public"]["source_value"] == 0.06
    with pytest.raises(HelixnetValueError, match="innovation_grants"):
        kzgraphs.funding_layer(innovation_grants="split")


def test_unknown_weighting_is_rejected_by_name():
    with pytest.raises(HelixnetValueError, match="'bogus'"):
        kzgraphs.funding_layer("bogus")


# ---------------------------------------------------------------- OECD comparison


def test_oecd_graphs_have_the_cited_government_shares():
    """Paper p. 163: "providing up to 60 % of funds for R&D as opposed to developed countries
    (Japan — 15,6 %, USA — 27,7 %, Germany — 27,8 %, Korea — 24,8 %)"."""
    cited = {"Japan": 0.156, "USA": 0.277, "Germany": 0.278, "Korea": 0.248}
    graphs_ = kzgraphs.oecd_comparison_graphs()
    base = graphs_["Kazakhstan"]
    for country, share in cited.items():
        G = graphs_[country]
        gov = sum(d["weight"] for u, _, d in G.edges(data=True) if G.nodes[u]["sector"] == "G")
        tot = sum(d["weight"] for *_, d in G.edges(data=True))
        assert gov / tot == pytest.approx(share, rel=1e-12)
        # each source keeps its split across the performing sectors
        for u in G.nodes:
            if G.out_degree(u):
                a = np.array([G[u][v]["weight"] for v in G.successors(u)])
                b = np.array([base[u][v]["weight"] for v in G.successors(u)])
                np.testing.assert_allclose(a / a.sum(), b / b.sum(), rtol=1e-12)
        for rec in G.graph["records"]:
            assert rec["weight"] == pytest.approx(rec["scale"] * csv_cell(rec["source_ref"]), rel=1e-12)
    printed = kzgraphs.oecd_comparison_graphs((), kazakhstan="printed")["Kazakhstan"]
    assert printed.graph["government_share"] == pytest.approx(0.60)


def test_comparison_for_unknown_country_lists_available_ones():
    with pytest.raises(HelixnetValueError, match="Atlantis.*Japan"):
        kzgraphs.comparison_funding_layer("Atlantis")


# ---------------------------------------------------------------- institutional


def test_institutional_layer_reproduces_links_csv_statuses():
    links = csv_rows("links")
    G = kzgraphs.institutional_layer()
    present = {(r["source"], r["target"]) for r in links if r["status"] in ("existing", "planned")}
    assert set(G.edges()) == present
    absent = {r["link_id"] for r in links if r["status"] == "absent"}
    assert {t["link_id"] for t in G.graph["absent_ties"]} == absent
    for t in G.graph["absent_ties"]:
        recs = [r for r in G.graph["records"] if (r["source"], r["target"]) == (t["source"], t["target"])
                and r["relation"] == t["relation"]]
        assert not recs
    H = kzgraphs.institutional_layer(include_planned=False)
    existing = {(r["source"], r["target"]) for r in links if r["status"] == "existing"}
    assert set(H.edges()) == existing
    planned_only = {r["actor_id"] for r in csv_rows("actors") if r["status"] == "planned"} - {
        n for e in existing for n in e}
    assert not planned_only & set(H.nodes)


def test_pit_sez_has_no_scientific_links_to_the_mnc_affiliates():
    """Paper (Fig. 4 discussion): there are no scientific links between the institutes and
    the MNC affiliates in the PIT SEZ; links.csv records them as 'absent'."""
    G = kzgraphs.institutional_layer()
    for inst in ("institute_nuclear_physics", "physics_technology_institute"):
        if inst in G:
            assert not G.has_edge(inst, "mnc_affiliates_pit")


def test_kazakhstan_graph_rejects_unknown_layer():
    with pytest.raises(HelixnetValueError, match="bogus"):
        kzgraphs.kazakhstan_graph(layers=("knowledge", "bogus"))


def test_kazakhstan_graph_single_layers_are_the_layer_builders():
    G = kzgraphs.kazakhstan_graph(layers=("funding",))
    F = kzgraphs.funding_layer()
    assert set(G.edges()) == set(F.edges())
    for u, v in F.edges():
        assert G[u][v]["weight"] == F[u][v]["weight"]


# ---------------------------------------------------------------- users' data


NODES = pd.DataFrame({"node": ["uni", "firm", "ministry", "fair"], "sector": ["U", "I", "G", "O"],
                      "label": ["University", "Firm", "Ministry", "Trade fair"]})
EDGES = pd.DataFrame({"source": ["ministry", "firm", "uni"], "target": ["uni", "uni", "firm"],
                      "weight": [2.0, 1.0, 0.5], "relation": ["funding", "knowledge", "knowledge"]})


def test_from_edges_builds_the_declared_graph():
    G = builders.from_edges(EDGES, NODES)
    assert G.is_directed()
    assert G.nodes["fair"] == {"sector": "O", "label": "Trade fair"}
    assert G["ministry"]["uni"] == {"weight": 2.0, "relation": "funding"}


def test_from_edges_merges_repeated_pairs_by_summing_weights():
    e = pd.concat([EDGES, EDGES.iloc[[0]].assign(weight=3.0, relation="institutional")])
    G = builders.from_edges(e, NODES)
    assert G["ministry"]["uni"]["weight"] == 5.0
    assert G["ministry"]["uni"]["relation"] == "funding;institutional"


@pytest.mark.parametrize(
    "edges, nodes, needle",
    [
        (EDGES, NODES.assign(sector=["U", None, "G", "O"]), "'firm' has no sector"),
        (EDGES, NODES.assign(sector=["U", "I", "X", "O"]), "unknown sector 'X'"),
        (EDGES.assign(weight=[2.0, -1.0, 0.5]), NODES, "invalid weight -1.0"),
        (EDGES.assign(weight=["2", "lots", "1"]), NODES, "non-numeric weight 'lots'"),
        (EDGES.assign(weight=[2.0, float("nan"), 0.5]), NODES, "row 1"),
        (EDGES.assign(weight=[2.0, float("inf"), 0.5]), NODES, "invalid weight inf"),
        (EDGES.assign(target=["uni", "lab", "firm"]), NODES, "target 'lab' is not a declared node"),
        (EDGES.drop(columns="target"), NODES, "'target'"),
        (EDGES, NODES.drop(columns="sector"), "'sector'"),
        (EDGES, pd.concat([NODES, NODES.iloc[[0]]]), "'uni' declared twice"),
    ],
)
def test_from_edges_errors_name_the_offending_value(edges, nodes, needle):
    with pytest.raises(InvalidGraphError, match=needle.replace("(", r"\(")) as info:
        builders.from_edges(edges, nodes)
    assert isinstance(info.value, ValueError) and isinstance(info.value, HelixnetError)


def test_from_bipartite_whole_and_fractional_counting_match_hand_count():
    """Hand count. Events: p1 = {uni, firm, ministry}, p2 = {uni, firm}, p3 = {fair}.
    Whole: uni-firm 2, uni-ministry 1, firm-ministry 1.
    Fractional 1/(k-1): p1 gives 1/2 per pair, p2 gives 1: uni-firm 1.5, others 0.5."""
    m = pd.DataFrame({"actor": ["uni", "firm", "ministry", "uni", "firm", "fair", "uni"],
                      "event": ["p1", "p1", "p1", "p2", "p2", "p3", "p1"]})  # last row: duplicate
    G = builders.from_bipartite(m, NODES)
    assert not G.is_directed()
    assert {frozenset(e): d["weight"] for *e, d in G.edges(data=True)} == {
        frozenset({"uni", "firm"}): 2.0, frozenset({"uni", "ministry"}): 1.0,
        frozenset({"firm", "ministry"}): 1.0}
    F = builders.from_bipartite(m, NODES, counting="fractional")
    assert F["uni"]["firm"]["weight"] == 1.5 and F["uni"]["ministry"]["weight"] == 0.5
    assert F["uni"]["firm"]["n_events"] == 2
    with pytest.raises(InvalidGraphError, match="'ghost'"):
        builders.from_bipartite(m.assign(actor=["ghost"] + list(m["actor"][1:])), NODES)
    with pytest.raises(InvalidGraphError, match="event 'p1'"):
        builders.from_bipartite(m.assign(w=[1, 2, 1, 1, 1, 1, 1]), NODES, weight="w")


# ---------------------------------------------------------------- Venn counts


def test_venn_counts_of_a_hand_built_graph_match_a_hand_count():
    """Hand count over the edges: ministry->uni (2, UG), firm->uni (1, UI), uni->firm (0.5, UI),
    firm self-tie (4, I), fair->fair (1, O only -> none), uni->fair (3, U with O -> U)."""
    G = builders.from_edges(EDGES, NODES)
    G.add_edge("firm", "firm", weight=4.0)
    G.add_edge("fair", "fair", weight=1.0)
    G.add_edge("uni", "fair", weight=3.0)
    vc = builders.venn_counts(G)
    assert vc.cells == {"U": 3.0, "I": 4.0, "G": 0.0, "UI": 1.5, "UG": 2.0, "IG": 0.0, "UIG": 0.0}
    assert (vc.none, vc.other, vc.total, vc.dims) == (1.0, 4.0, 11.5, "UIG")
    v4 = builders.venn_counts(G, dims=("U", "I", "G", "O"))
    assert len(v4.cells) == 15 and v4.none == 0.0
    assert (v4.cells["O"], v4.cells["UO"], v4.cells["U"]) == (1.0, 3.0, 0.0)
    assert sum(v4.cells.values()) == pytest.approx(vc.total)


def test_venn_counts_of_events_classify_each_event_by_all_its_participants():
    """Hand count: p1 = {U, I, G} -> UIG, p2 = {U, I} -> UI, p3 = {O} -> none."""
    m = pd.DataFrame({"actor": ["uni", "firm", "ministry", "uni", "firm", "fair"],
                      "event": ["p1", "p1", "p1", "p2", "p2", "p3"]})
    vc = builders.venn_counts(builders.from_bipartite(m, NODES), relationships="events")
    assert (vc.cells["UIG"], vc.cells["UI"], vc.none, vc.other) == (1.0, 1.0, 1.0, 1.0)
    same = builders.venn_counts({"p1": "UIG", "p2": ["U", "I"], "p3": ["O"]})
    assert same == vc


def test_venn_counts_feed_venn_table():
    vc = builders.venn_counts({"a": "UIG", "b": "UI", "c": "G", "d": "O"})
    table = hx.venn_table(vc.cells, none=vc.none, dims=vc.dims)
    assert table.shape == (2, 2, 2)
    assert table[1, 1, 1] == 1 and table[1, 1, 0] == 1 and table[0, 0, 1] == 1 and table[0, 0, 0] == 1


def test_venn_counts_reject_unknown_sector_codes():
    with pytest.raises(HelixnetValueError, match="'Z'"):
        builders.venn_counts({"a": "UZ"})


# ---------------------------------------------------------------- round trips


def assert_same_graph(G, H):
    assert G.is_directed() == H.is_directed()
    assert list(G.nodes) == list(H.nodes)
    for n in G:
        assert dict(G.nodes[n]) == dict(H.nodes[n]), n
    assert set(G.edges()) == set(H.edges())
    for u, v, d in G.edges(data=True):
        assert dict(d) == dict(H.edges[u, v]), (u, v)
    assert dict(G.graph) == dict(H.graph)



def _case_graphs():
    G = kzgraphs.kazakhstan_graph()
    # a merged edge (several records on one pair) and a user graph with int ids
    U = nx.DiGraph(note="ints", tags=["a", "b"], nothing=None)
    U.add_node(1, sector="U", label="one", score=2, flag=True)
    U.add_node(2, sector="I", mixed=1)
    U.add_node(3, sector="G", mixed=2.5, extra={"k": [1, 2]})
    U.add_edge(1, 2, weight=1.0, relation="knowledge")
    U.add_edge(2, 3, weight=2, relation="funding;institutional")
    return [G, U]



@pytest.mark.parametrize("which", [0, 1])
def test_igraph_round_trip_preserves_nodes_edges_and_attributes(which):
    G = _case_graphs()[which]
    g = builders.to_igraph(G)
    assert g.vcount() == G.number_of_nodes() and g.ecount() == G.number_of_edges()
    assert g.vs["name"] == list(G.nodes)
    assert_same_graph(G, builders.from_igraph(g))


@pytest.mark.parametrize("fmt", ["graphml", "gexf"])
@pytest.mark.parametrize("which", [0, 1])
def test_file_round_trip_preserves_nodes_edges_and_attributes(tmp_path, fmt, which):
    G = _case_graphs()[which]
    path = tmp_path / f"g.{fmt}"
    getattr(builders, f"write_{fmt}")(G, path)
    H = getattr(builders, f"read_{fmt}")(path)
    assert_same_graph(G, H)


def test_graphml_is_readable_by_igraph_with_typed_attributes(tmp_path):
    """Independent reader: igraph's GraphML parser (what Gephi-like tools see)."""
    import igraph as ig

    G = kzgraphs.kazakhstan_graph()
    path = tmp_path / "k.graphml"
    builders.write_graphml(G, path)
    g = ig.Graph.Read_GraphML(str(path))
    assert g.vcount() == G.number_of_nodes() and g.ecount() == G.number_of_edges()
    assert sorted(g.vs["id"]) == sorted(G.nodes)
    ids = g.vs["id"]
    for e in g.es:
        u, v = ids[e.source], ids[e.target]
        assert e["weight"] == pytest.approx(G[u][v]["weight"], rel=1e-12)
        assert e["source_ref"] == G[u][v]["source_ref"]


def test_frames_round_trip_preserves_nodes_edges_and_attributes():
    for G in _case_graphs():
        nodes, edges = builders.to_frames(G)
        assert list(nodes.columns[:4]) == ["node", "sector", "label", "kind"]
        assert list(edges.columns[:4]) == ["source", "target", "weight", "relation"]
        assert_same_graph(G, builders.from_frames(nodes, edges))


def test_to_igraph_agrees_with_igraphs_own_networkx_converter():
    """Independent converter: igraph.Graph.from_networkx (node ids in '_nx_name')."""
    import igraph as ig

    G = kzgraphs.kazakhstan_graph()
    ours, theirs = builders.to_igraph(G), ig.Graph.from_networkx(G)
    assert ours.vs["name"] == theirs.vs["_nx_name"]
    assert sorted(ours.get_edgelist()) == sorted(theirs.get_edgelist())
    for attr in ("weight", "relation", "source_ref"):
        a = {(e.source, e.target): e[attr] for e in ours.es}
        b = {(e.source, e.target): e[attr] for e in theirs.es}
        assert a == b
    assert ours.vs["sector"] == theirs.vs["sector"]


from hypothesis import given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

_values = st.one_of(
    st.text(alphabet="abcxyz _-;", max_size=6),
    st.integers(-1000, 1000),
    st.floats(-1e6, 1e6, allow_nan=False),
    st.booleans(),
    st.lists(st.integers(0, 9), max_size=3),
)


@st.composite
def _random_graphs(draw):
    n = draw(st.integers(1, 6))
    G = nx.DiGraph(title=draw(st.text(alphabet="abc", max_size=4)), extra=draw(_values))
    for i in range(n):
        attrs = draw(st.dictionaries(st.sampled_from(["label", "kind", "p", "q"]), _values, max_size=3))
        G.add_node(f"n{i}", sector=draw(st.sampled_from("UIGO")), **attrs)
    pairs = draw(st.lists(st.tuples(st.integers(0, n - 1), st.integers(0, n - 1)), max_size=8, unique=True))
    for a, b in pairs:
        attrs = draw(st.dictionaries(st.sampled_from(["relation", "r", "s"]), _values, max_size=2))
        G.add_edge(f"n{a}", f"n{b}", weight=draw(st.floats(0, 100, allow_nan=False)), **attrs)
    return G


@settings(max_examples=30, deadline=None)
@given(_random_graphs())
def test_random_graphs_survive_graphml_gexf_igraph_and_frames_round_trips(G):
    import tempfile

    with tempfile.TemporaryDirectory() as tmp:
        for fmt in ("graphml", "gexf"):
            path = Path(tmp) / f"g.{fmt}"
            getattr(builders, f"write_{fmt}")(G, path)
            assert_same_graph(G, getattr(builders, f"read_{fmt}")(path))
    assert_same_graph(G, builders.from_igraph(builders.to_igraph(G)))
    assert_same_graph(G, builders.from_frames(*builders.to_frames(G)))
