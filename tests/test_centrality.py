"""Tests for helixnet.centrality.

Sources of expected values: hand computation (stars, paths, a Katz chain),
numpy's dense eigen-solver (eigenvector centrality as the left Perron vector),
networkx's own ``hits`` and ``group_betweenness_centrality``, and — the main
cross-implementation check — igraph against networkx on many seeded random
graphs.
"""

import itertools
import math
import random

import networkx as nx
import numpy as np
import pandas as pd
import pytest

from helixnet.exceptions import HelixnetTypeError, HelixnetValueError, InvalidGraphError
from helixnet.networks._centrality import CENTRALITY_COLUMNS, MEASURES, centrality, sector_centrality


def random_actor_graph(seed, directed, weights="uniform", isolated=True):
    """A seeded G(n, p) actor graph with random sectors, weights and isolated nodes."""
    rng = random.Random(seed)
    n = rng.randint(3, 22)
    G = nx.gnp_random_graph(n, rng.uniform(0.08, 0.45), seed=seed, directed=directed)
    for u, v in G.edges:
        if weights == "uniform":
            G.edges[u, v]["weight"] = rng.uniform(0.1, 5.0)
        else:  # powers of two: 1/w and sums of 1/w are exact, so exact ties occur
            G.edges[u, v]["weight"] = rng.choice([1, 2, 4])
    if isolated:
        G.add_nodes_from(range(n, n + rng.randint(1, 2)))
    for v in G:
        G.nodes[v]["sector"] = rng.choice("UIGO")
    return G


def label(G, sectors):
    nx.set_node_attributes(G, dict(zip(G.nodes, sectors)), "sector")
    return G


def assert_backends_agree(G, **kw):
    a = centrality(G, backend="networkx", **kw)
    b = centrality(G, backend="igraph", **kw)
    assert list(a.columns) == list(b.columns) == list(CENTRALITY_COLUMNS)
    assert (a["eigenvector_method"] == b["eigenvector_method"]).all()
    for m in MEASURES:
        np.testing.assert_allclose(b[m].to_numpy(), a[m].to_numpy(), rtol=1e-6, atol=1e-12, err_msg=m)
    return a


# --- networkx vs igraph: the cross-implementation check ------------------------------
@pytest.mark.parametrize("directed", [True, False])
@pytest.mark.parametrize("weights", ["uniform", "powers_of_two"])
@pytest.mark.parametrize("seed", range(12))
def test_igraph_and_networkx_agree_on_random_weighted_graphs_with_isolates(seed, directed, weights):
    assert_backends_agree(random_actor_graph(seed, directed, weights))


@pytest.mark.parametrize("directed", [True, False])
@pytest.mark.parametrize("seed", range(6))
def test_igraph_and_networkx_agree_unweighted_and_unnormalised(seed, directed):
    G = random_actor_graph(100 + seed, directed, isolated=seed % 2 == 0)
    assert_backends_agree(G, weight=None)
    assert_backends_agree(G, normalized=False)


@pytest.mark.parametrize("directed", [True, False])
@pytest.mark.parametrize("seed", range(6))
def test_igraph_and_networkx_agree_on_strongly_connected_graphs_using_eigenvector(seed, directed):
    rng = random.Random(seed)
    n = rng.randint(3, 15)
    G = nx.cycle_graph(n, create_using=nx.DiGraph if directed else nx.Graph)
    G.add_edges_from((rng.randrange(n), rng.randrange(n)) for _ in range(n))
    G.remove_edges_from(list(nx.selfloop_edges(G)))
    for u, v in G.edges:
        G.edges[u, v]["weight"] = rng.uniform(0.5, 3)
    label(G, [rng.choice("UIG") for _ in G])
    c = assert_backends_agree(G)
    assert set(c["eigenvector_method"]) == {"eigenvector"}


# --- hand computations -------------------------------------------------------------
def test_undirected_star_centre_holds_all_betweenness_by_hand():
    # k leaves: C(k,2) leaf pairs, each with its single geodesic through the centre.
    k = 5
    G = label(nx.star_graph(k), "G" + "U" * k)
    for backend in ("networkx", "igraph"):
        raw = centrality(G, backend=backend, normalized=False)
        assert raw.loc[0, "betweenness"] == pytest.approx(math.comb(k, 2))
        assert (raw.loc[1:, "betweenness"] == 0).all()
        norm = centrality(G, backend=backend)
        assert norm.loc[0, "betweenness"] == pytest.approx(1.0)
        assert norm.loc[0, "in_degree"] == pytest.approx(1.0)  # k / (n - 1)


def test_directed_star_betweenness_counts_ordered_pairs_by_hand():
    # centre <-> each of k leaves: k(k-1) ordered leaf pairs, normalised by (n-1)(n-2) = k(k-1)
    k = 4
    G = nx.DiGraph()
    G.add_edges_from([(0, i) for i in range(1, k + 1)] + [(i, 0) for i in range(1, k + 1)])
    label(G, "GUUII")
    raw = centrality(G, normalized=False)
    assert raw.loc[0, "betweenness"] == pytest.approx(k * (k - 1))
    assert centrality(G).loc[0, "betweenness"] == pytest.approx(1.0)


def test_weighted_betweenness_uses_inverse_weight_as_distance_by_hand():
    # a-b strong (w=4, length 1/4), b-c strong, a-c weak (w=1, length 1):
    # a->c via b has length 1/2 < 1, so b brokers the a-c pair; with raw weights as
    # lengths it would not.
    G = nx.Graph()
    G.add_weighted_edges_from([("a", "b", 4), ("b", "c", 4), ("a", "c", 1)])
    label(G, "UGI")
    c = centrality(G, normalized=False)
    assert c.loc["b", "betweenness"] == pytest.approx(1.0)
    assert c.loc["a", "betweenness"] == 0


def test_harmonic_closeness_on_a_path_by_hand():
    # path 0-1-2, unit weights: centre (1 + 1)/2 = 1, ends (1 + 1/2)/2 = 0.75;
    # an isolated node 3 contributes 0 to others and scores 0
    G = nx.path_graph(3)
    G.add_node(3)
    label(G, "UGIO")
    for backend in ("networkx", "igraph"):
        c = centrality(G, backend=backend)
        # n - 1 = 3 now: centre 2/3, ends 1.5/3
        assert c["closeness"].tolist() == pytest.approx([0.5, 2 / 3, 0.5, 0.0])


def test_closeness_is_on_incoming_distances_by_hand():
    # a -> b -> c, unit weights: c is reached by b (1) and a (1/2): (1 + 0.5) / 2
    G = label(nx.DiGraph([("a", "b"), ("b", "c")]), "GUI")
    c = centrality(G)
    assert c["closeness"].tolist() == pytest.approx([0.0, 0.5, 0.75])


def test_katz_on_an_acyclic_chain_by_hand():
    # a -> b -> c with weights 2: acyclic, so Katz with alpha = 0.85 / max w = 0.425.
    # x_a = 1, x_b = 1 + 2 alpha, x_c = 1 + 2 alpha x_b, then unit norm.
    G = nx.DiGraph()
    G.add_weighted_edges_from([("a", "b", 2), ("b", "c", 2)])
    label(G, "GUI")
    alpha = 0.85 / 2
    x = np.array([1, 1 + 2 * alpha, 1 + 2 * alpha * (1 + 2 * alpha)])
    for backend in ("networkx", "igraph"):
        c = centrality(G, backend=backend)
        assert set(c["eigenvector_method"]) == {"katz"}
        np.testing.assert_allclose(c["eigenvector"], x / np.linalg.norm(x), rtol=1e-9)


def test_katz_alpha_scales_with_spectral_radius_when_graph_has_a_cycle():
    # 2-cycle a<->b (weights 1 and 4: spectral radius sqrt(4) = 2) plus a -> c: not strongly
    # connected. Katz x = (I - alpha W^T)^-1 1 with alpha = 0.85 / 2, solved here by numpy.
    G = nx.DiGraph()
    G.add_weighted_edges_from([("a", "b", 1), ("b", "a", 4), ("a", "c", 1)])
    label(G, "GUI")
    W = nx.to_numpy_array(G, nodelist=["a", "b", "c"])
    x = np.linalg.solve(np.eye(3) - 0.85 / 2 * W.T, np.ones(3))
    c = centrality(G, backend="igraph")
    assert set(c["eigenvector_method"]) == {"katz"}
    np.testing.assert_allclose(c["eigenvector"], x / np.linalg.norm(x), rtol=1e-9)


def test_eigenvector_is_numpys_left_perron_vector_on_strongly_connected_graph():
    rng = np.random.default_rng(3)
    G = nx.DiGraph()
    n = 7
    G.add_weighted_edges_from((i, (i + 1) % n, float(rng.uniform(1, 3))) for i in range(n))
    G.add_weighted_edges_from([(0, 3, 2.0), (5, 1, 0.5), (2, 6, 1.5)])
    label(G, "UUIIGGO")
    W = nx.to_numpy_array(G, nodelist=range(n))
    vals, vecs = np.linalg.eig(W.T)
    v = np.abs(np.real(vecs[:, np.argmax(np.real(vals))]))
    for backend in ("networkx", "igraph"):
        c = centrality(G, backend=backend)
        assert set(c["eigenvector_method"]) == {"eigenvector"}
        np.testing.assert_allclose(c["eigenvector"], v / np.linalg.norm(v), rtol=1e-7)


@pytest.mark.parametrize("seed", range(5))
def test_hits_matches_networkx_hits_when_leading_singular_value_is_simple(seed):
    G = random_actor_graph(200 + seed, directed=True)
    A = nx.to_numpy_array(G, weight="weight")
    s = np.linalg.svd(A, compute_uv=False)
    assert s[0] > s[1] * (1 + 1e-6)  # the case where HITS is unique
    hubs, auths = nx.hits(G, max_iter=10000, tol=1e-14)
    c = centrality(G)
    np.testing.assert_allclose(c["hub"], [hubs[v] for v in G], rtol=1e-6, atol=1e-12)
    np.testing.assert_allclose(c["authority"], [auths[v] for v in G], rtol=1e-6, atol=1e-12)


def test_hits_on_undirected_star_is_uniform_projection_and_hub_equals_authority():
    # A^2 for the star K_{1,4} has eigenvalue 4 on {centre only, leaves only}; the all-ones
    # vector lies in that eigenspace, so its projection is itself: every node 1/5.
    G = label(nx.star_graph(4), "GUUII")
    for backend in ("networkx", "igraph"):
        c = centrality(G, backend=backend)
        assert c["hub"].tolist() == pytest.approx([0.2] * 5)
        assert c["authority"].tolist() == pytest.approx([0.2] * 5)


def test_pagerank_sums_to_one_and_matches_networkx_default():
    G = random_actor_graph(7, directed=True)
    pr = nx.pagerank(G, weight="weight", tol=1e-14, max_iter=10000)
    c = centrality(G, backend="igraph")
    assert c["pagerank"].sum() == pytest.approx(1.0)
    np.testing.assert_allclose(c["pagerank"], [pr[v] for v in G], rtol=1e-6)


# --- schema, conventions and errors --------------------------------------------------
def test_columns_are_fixed_for_directed_undirected_empty_and_unnormalised_graphs():
    graphs = [random_actor_graph(1, True), random_actor_graph(1, False), nx.DiGraph()]
    for G in graphs:
        for kw in ({}, {"normalized": False}, {"weight": None}, {"backend": "igraph"}):
            assert list(centrality(G, **kw).columns) == list(CENTRALITY_COLUMNS)


def test_undirected_graph_has_equal_in_and_out_measures():
    c = centrality(random_actor_graph(5, directed=False))
    assert (c["in_degree"] == c["out_degree"]).all()
    assert (c["in_strength"] == c["out_strength"]).all()
    np.testing.assert_allclose(c["hub"], c["authority"], atol=1e-12)


def test_zero_weight_edges_and_self_loops_are_ignored():
    G = label(nx.DiGraph([("a", "b"), ("b", "c")]), "GUI")
    H = G.copy()
    H.add_edge("a", "c", weight=0)
    H.add_edge("b", "b", weight=3)
    pd.testing.assert_frame_equal(centrality(G), centrality(H))


def test_multigraph_parallel_edges_are_summed():
    M = nx.MultiDiGraph()
    M.add_edge("a", "b", weight=1)
    M.add_edge("a", "b", weight=2)
    M.add_edge("b", "c", weight=1)
    label(M, "GUI")
    D = label(nx.DiGraph(), "")
    D.add_weighted_edges_from([("a", "b", 3), ("b", "c", 1)])
    label(D, "GUI")
    pd.testing.assert_frame_equal(centrality(M), centrality(D))


def test_unknown_backend_raises_naming_it():
    with pytest.raises(HelixnetValueError, match="graphtool"):
        centrality(label(nx.path_graph(3), "UGI"), backend="graphtool")


def test_node_without_sector_raises_invalid_graph_error():
    G = nx.path_graph(3)
    with pytest.raises(InvalidGraphError, match="sector"):
        centrality(G)


def test_negative_weight_raises_invalid_graph_error():
    G = label(nx.path_graph(3), "UGI")
    G.edges[0, 1]["weight"] = -1
    with pytest.raises(InvalidGraphError, match="weight"):
        centrality(G)


# --- sector aggregation ------------------------------------------------------------
def test_sector_shares_sum_to_one_over_sectors():
    G = random_actor_graph(11, directed=True)
    s = sector_centrality(G)
    assert list(s.index) == ["U", "I", "G", "O"]
    for m in MEASURES:
        assert s[f"share_{m}"].sum() == pytest.approx(1.0)


@pytest.mark.parametrize("seed", range(4))
def test_singleton_group_betweenness_equals_node_betweenness(seed):
    # the group betweenness of {v} is v's betweenness (normalisation (n-1)(n-2) for both);
    # helixnet's group routine against networkx's betweenness_centrality (via centrality()).
    G = random_actor_graph(13 + seed, directed=seed % 2 == 0, isolated=True)
    g_nodes = [v for v, s in G.nodes(data="sector") if s == "G"]
    for v in g_nodes:
        G.nodes[v]["sector"] = "U"
    hub = next(iter(G.nodes))
    G.nodes[hub]["sector"] = "G"
    s = sector_centrality(G)
    c = centrality(G)
    assert s.loc["G", "group_betweenness"] == pytest.approx(c.loc[hub, "betweenness"])


def brute_force_group_betweenness(G, members):
    """Enumerate every shortest path with nx.all_shortest_paths (distance 1/weight)."""
    S = set(members)
    outside = [v for v in G if v not in S]
    total = 0.0
    for a, b in itertools.permutations(outside, 2):
        if not nx.has_path(G, a, b):
            continue
        paths = list(nx.all_shortest_paths(G, a, b, weight="dist"))
        total += sum(any(x in S for x in p[1:-1]) for p in paths) / len(paths)
    k = len(outside)
    return total / (k * (k - 1))


def sector_test_graph(directed, seed=5, n=12):
    rng = random.Random(seed)
    G = nx.cycle_graph(n, create_using=nx.DiGraph if directed else nx.Graph)
    G.add_edges_from((rng.randrange(n), rng.randrange(n)) for _ in range(10))
    G.remove_edges_from(list(nx.selfloop_edges(G)))
    G.add_node(n)  # an isolate: not strongly connected any more
    for u, v in G.edges:
        G.edges[u, v]["weight"] = rng.choice([1, 2, 4])
        G.edges[u, v]["dist"] = 1 / G.edges[u, v]["weight"]
    return label(G, "GGGUUUUIIIIOO")


@pytest.mark.parametrize("directed", [True, False])
def test_group_betweenness_matches_brute_force_path_enumeration(directed):
    G = sector_test_graph(directed)
    s = sector_centrality(G)
    for sector in "GUIO":
        members = [v for v in G if G.nodes[v]["sector"] == sector]
        assert s.loc[sector, "group_betweenness"] == pytest.approx(brute_force_group_betweenness(G, members))


def test_group_betweenness_matches_networkx_group_routine_on_connected_undirected_graph():
    # networkx's group_betweenness_centrality needs a connected graph, and (networkx 3.6)
    # disagrees with path enumeration on directed graphs, so it is the reference only here.
    G = sector_test_graph(False)
    G.remove_node(12)
    s = sector_centrality(G)
    for sector in "GUI":
        members = [v for v in G if G.nodes[v]["sector"] == sector]
        ref = nx.group_betweenness_centrality(G, members, normalized=True, weight="dist")
        assert s.loc[sector, "group_betweenness"] == pytest.approx(ref, rel=1e-9)


def test_sector_centrality_from_a_table_has_same_columns_and_nan_groups():
    G = random_actor_graph(2, directed=True)
    from_graph = sector_centrality(G)
    from_table = sector_centrality(centrality(G))
    assert list(from_graph.columns) == list(from_table.columns)
    pd.testing.assert_frame_equal(from_graph.filter(like="share_"), from_table.filter(like="share_"))
    assert from_table.filter(like="group_").isna().all().all()


def test_empty_sector_has_zero_share_and_nan_group_centrality():
    G = label(nx.path_graph(3), "UGI")
    s = sector_centrality(G)
    assert s.loc["O", "n_nodes"] == 0
    assert s.loc["O", "share_betweenness"] == 0
    assert math.isnan(s.loc["O", "group_betweenness"])


def test_sector_centrality_rejects_other_inputs():
    with pytest.raises(HelixnetTypeError):
        sector_centrality([1, 2, 3])


@pytest.mark.parametrize("backend", ["networkx", "igraph"])
def test_repeated_calls_give_identical_tables(backend):
    # ARPACK starts from a random vector; helixnet fixes it, so results are bit-identical
    G = random_actor_graph(3, directed=False, isolated=False)
    G = G.subgraph(max(nx.connected_components(G), key=len)).copy()
    a, b = centrality(G, backend=backend), centrality(G, backend=backend)
    assert set(a["eigenvector_method"]) == {"eigenvector"}
    pd.testing.assert_frame_equal(a, b, check_exact=True)


def test_igraph_backend_leaves_pythons_random_state_alone():
    import random

    G = random_actor_graph(3, directed=False, isolated=False)
    random.seed(123)
    expected = random.random()
    random.seed(123)
    centrality(G, backend="igraph")
    assert random.random() == expected


# ----------------------------------------------------------------------------
# sampled estimates (k sources) and the large-graph warning (issue 11)
# ----------------------------------------------------------------------------
def _exact_dependencies(G, s):
    """delta_s(v) = sum over t of sigma_st(v)/sigma_st from the exact-rational Brandes of test_paths."""
    from fractions import Fraction

    from test_paths import _exact_sssp

    _, sigma, preds, order = _exact_sssp(G, s)
    delta = dict.fromkeys(order, Fraction(0))
    for w in reversed(order):
        for v in preds[w]:
            delta[v] += Fraction(sigma[v], sigma[w]) * (1 + delta[w])
    return delta, _exact_sssp(G, s)[0]


@pytest.mark.parametrize("backend", ["networkx", "igraph"])
@pytest.mark.parametrize("directed", [True, False])
def test_sampled_estimates_follow_their_formulas_with_exact_rationals(backend, directed):
    """Betweenness estimate = n/k * sum over the drawn sources of their exact dependencies
    (Brandes & Pich 2007); closeness = (n-1)/|K minus v| * sum over K minus v of 1/d (Eppstein & Wang
    2004). Reference: exact Fraction shortest paths, on the sources the table reports."""
    from test_paths import _random_graph

    for seed in range(8):
        G = _random_graph(seed, directed)
        n, k = len(G), 4
        est = centrality(G, backend=backend, normalized=False, k=k, seed=seed)
        assert est.attrs["k"] == k and est.attrs["seed"] == seed and len(set(est.attrs["sources"])) == k
        bc = dict.fromkeys(G, 0)
        hc = dict.fromkeys(G, 0)
        for s in est.attrs["sources"]:
            delta, dist = _exact_dependencies(G, s)
            for v in G:
                if v != s:
                    bc[v] += delta.get(v, 0)
                    hc[v] += 1 / dist[v] if v in dist else 0
        for v in G:
            others = k - (v in est.attrs["sources"])
            want_b = float(bc[v]) * n / k / (1 if directed else 2)
            want_c = float(hc[v]) * (n - 1) / others if others else 0.0
            assert est.loc[v, "betweenness"] == pytest.approx(want_b, rel=1e-9, abs=1e-12), (seed, v)
            assert est.loc[v, "closeness"] == pytest.approx(want_c, rel=1e-9, abs=1e-12), (seed, v)


@pytest.mark.parametrize("directed", [True, False])
def test_sampling_every_node_gives_the_exact_values(directed):
    G = random_actor_graph(4, directed=directed)
    exact = centrality(G, backend="igraph")
    for backend in ("networkx", "igraph"):
        est = centrality(G, backend=backend, k=len(G), seed=1)
        np.testing.assert_allclose(est[list(MEASURES)], exact[list(MEASURES)], rtol=1e-9, atol=1e-12)


def test_same_seed_same_sources_on_both_backends_and_other_columns_unchanged():
    G = random_actor_graph(5, directed=True)
    a = centrality(G, backend="networkx", k=5, seed=7)
    b = centrality(G, backend="igraph", k=5, seed=7)
    assert a.attrs["sources"] == b.attrs["sources"]
    np.testing.assert_allclose(a[list(MEASURES)], b[list(MEASURES)], rtol=1e-6, atol=1e-12)
    exact = centrality(G, backend="networkx")
    assert list(a.columns) == list(exact.columns)  # same schema whatever k
    others = [m for m in MEASURES if m not in ("betweenness", "closeness")]
    pd.testing.assert_frame_equal(a[others], exact[others])
    pd.testing.assert_frame_equal(centrality(G, backend="igraph", k=5, seed=7), b)  # reproducible


@pytest.mark.parametrize("k, error", [(0, HelixnetValueError), (10**6, HelixnetValueError), ("5", HelixnetTypeError),
                                      (2.5, HelixnetTypeError), (True, HelixnetValueError)])
def test_bad_sample_sizes_are_refused(k, error):
    G = random_actor_graph(1, directed=True)
    with pytest.raises(error, match="k="):
        centrality(G, k=k)


def test_networkx_backend_warns_when_exact_paths_would_take_hours(monkeypatch):
    import sys
    import warnings

    module = sys.modules["helixnet.networks._centrality"]
    G = random_actor_graph(1, directed=True)
    monkeypatch.setattr(module, "_NETWORKX_SECONDS_PER_SOURCE_EDGE", 1e3)  # pretend a slow machine
    with pytest.warns(RuntimeWarning, match="hour.*backend='igraph'.*k="):
        centrality(G)
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        centrality(G, k=3)  # sampled: no warning
        centrality(G, backend="igraph")  # igraph: no warning
    monkeypatch.undo()
    assert module._networkx_hours(10**5, 3 * 10**5) >= 1 > module._networkx_hours(1000, 3000)


def test_cli_sources_option_matches_the_library_and_the_schema(tmp_path):
    import contextlib
    import io
    import json

    import jsonschema

    from helixnet.cli import main
    from helixnet.cli._schemas import SCHEMAS
    from helixnet.networks._builders import from_edges

    G = random_actor_graph(6, directed=True)
    edges, nodes = tmp_path / "e.csv", tmp_path / "n.csv"
    pd.DataFrame([(u, v, d["weight"]) for u, v, d in G.edges(data=True)], columns=["source", "target", "weight"]).to_csv(edges, index=False)
    pd.DataFrame(list(G.nodes(data="sector")), columns=["node", "sector"]).to_csv(nodes, index=False)
    H = from_edges(pd.read_csv(edges), pd.read_csv(nodes))

    def run(*extra):
        out = io.StringIO()
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(io.StringIO()):
            try:
                code = main(["centrality", str(edges), "--nodes", str(nodes), "--format", "json", *extra])
            except SystemExit as exc:
                code = exc.code
        return code, out.getvalue()

    code, out = run("--sources", "4", "--seed", "3", "--backend", "igraph")
    assert code == 0
    got = json.loads(out)
    jsonschema.validate(got, SCHEMAS["centrality"])
    assert (got["sources"], got["seed"]) == (4, 3)
    lib = centrality(H, backend="igraph", k=4, seed=3)
    lib.index = lib.index.astype(str)  # the CLI reads node ids as text
    for rec in got["nodes"]:
        assert rec["betweenness"] == pytest.approx(lib.loc[str(rec["node"]), "betweenness"], abs=1e-12)
    code, out = run()
    assert code == 0 and (json.loads(out)["sources"], json.loads(out)["seed"]) == (None, None)
    assert run("--sources", "0")[0] == 2
