"""Tests for helixnet.mediation.

Expected values: hand-built graphs worked by hand, and brute-force path
enumeration with networkx's ``all_shortest_paths`` / ``has_path`` on random graphs
(an implementation independent of helixnet's Dijkstra path counter).
"""

import json
import math
import random

import networkx as nx
import pytest

from helixnet.exceptions import HelixnetValueError
from helixnet.networks._mediation import MediationResult, mediation


def actor(edges, sectors, directed=True):
    G = nx.DiGraph() if directed else nx.Graph()
    G.add_nodes_from((v, {"sector": s}) for v, s in sectors.items())
    G.add_weighted_edges_from(edges)
    return G


def test_u_g_i_path_only_is_fully_mediated_and_removal_disconnects():
    # hand: the only U-I route is u-g-i, so every geodesic passes G
    G = actor([("u", "g", 1), ("g", "i", 1)], {"u": "U", "g": "G", "i": "I"}, directed=False)
    r = mediation(G)
    assert (r.n_pairs, r.reachable_pairs, r.geodesics, r.geodesics_via_broker) == (1, 1, 1, 1)
    assert r.path_share == 1.0 and r.pair_share == 1.0
    assert r.reachable_pairs_without_broker == 0 and r.reachability_loss == 1.0
    assert r.direct_strength == 0.0 and r.indirect_strength == 1.0 and r.indirect_share == 1.0


def test_direct_u_i_tie_is_not_mediated():
    G = actor([("u", "i", 2)], {"u": "U", "g": "G", "i": "I"}, directed=False)
    r = mediation(G)
    assert r.path_share == 0.0 and r.pair_share == 0.0
    assert r.reachability_loss == 0.0
    assert r.direct_strength == 2.0 and r.indirect_share == 0.0


def test_one_way_funding_chain_mediates_one_of_two_directed_pairs():
    # hand: U->G->I exists, I->U has no path: 2 ordered pairs, 1 reachable, mediated
    G = actor([("u", "g", 1), ("g", "i", 1)], {"u": "U", "g": "G", "i": "I"})
    r = mediation(G)
    assert (r.n_pairs, r.reachable_pairs, r.geodesics_via_broker) == (2, 1, 1)
    assert r.path_share == 1.0 and r.reachability_loss == 1.0


def test_tied_geodesics_are_counted_with_multiplicity_by_hand():
    # u -> i via g (1/2 + 1/2 = 1) and via o (1/2 + 1/2 = 1): two tied geodesics, one via G.
    # The direct tie of weight 0.5 (length 2) is longer.
    G = actor(
        [("u", "g", 2), ("g", "i", 2), ("u", "o", 2), ("o", "i", 2), ("u", "i", 0.5)],
        {"u": "U", "g": "G", "o": "O", "i": "I"},
    )
    r = mediation(G)
    assert (r.geodesics, r.geodesics_via_broker) == (2, 1)
    assert r.path_share == 0.5 and r.pair_share == 0.5
    assert r.reachability_loss == 0.0  # u still reaches i via o
    # strength: direct 0.5; indirect min(2, 2) = 2 through g (o is not a broker)
    assert r.direct_strength == 0.5 and r.indirect_strength == 2.0
    assert r.indirect_share == pytest.approx(2 / 2.5)


def test_indirect_strength_is_bottleneck_sum_by_hand():
    # U1 -> G1 (3) -> I1 (1): min 1;  U1 -> G2 (2) -> I1 (5): min 2;  I1 -> G1 (4) -> U1 (4): min 4
    G = actor(
        [("u1", "g1", 3), ("g1", "i1", 1), ("u1", "g2", 2), ("g2", "i1", 5), ("i1", "g1", 4), ("g1", "u1", 4)],
        {"u1": "U", "i1": "I", "g1": "G", "g2": "G"},
    )
    assert mediation(G).indirect_strength == 7.0


def brute_force(G, broker="G", ends=("U", "I")):
    """Enumerate shortest paths (distance 1/weight) with networkx."""
    H = G.copy()
    for *_, d in H.edges(data=True):
        d["dist"] = 1 / d["weight"]
    sec = nx.get_node_attributes(H, "sector")
    S = [v for v in H if sec[v] == ends[0]]
    T = [v for v in H if sec[v] == ends[1]]
    B = {v for v in H if sec[v] == broker}
    pairs = [(s, t) for s in S for t in T]
    if H.is_directed():
        pairs += [(t, s) for s in S for t in T]
    without = H.subgraph([v for v in H if v not in B])
    geo = via = reach = reach_without = 0
    for s, t in pairs:
        if not nx.has_path(H, s, t):
            continue
        reach += 1
        reach_without += nx.has_path(without, s, t)
        paths = list(nx.all_shortest_paths(H, s, t, weight="dist"))
        geo += len(paths)
        via += sum(any(x in B for x in p[1:-1]) for p in paths)
    return geo, via, reach, reach_without


@pytest.mark.parametrize("directed", [True, False])
@pytest.mark.parametrize("seed", range(8))
def test_path_counts_match_networkx_all_shortest_paths_enumeration(seed, directed):
    rng = random.Random(seed)
    n = rng.randint(5, 14)
    G = nx.gnp_random_graph(n, rng.uniform(0.15, 0.4), seed=seed, directed=directed)
    for u, v in G.edges:
        G.edges[u, v]["weight"] = rng.choice([1, 2, 4])  # exact ties in 1/w sums
    for v in G:
        G.nodes[v]["sector"] = rng.choice("UIGO")
    r = mediation(G)
    geo, via, reach, reach_without = brute_force(G)
    assert (r.geodesics, r.geodesics_via_broker) == (geo, via)
    assert (r.reachable_pairs, r.reachable_pairs_without_broker) == (reach, reach_without)


def test_other_broker_and_ends_are_supported():
    G = actor([("g", "u", 1), ("u", "i", 1)], {"g": "G", "u": "U", "i": "I"})
    r = mediation(G, broker="U", ends=("G", "I"))
    assert r.path_share == 1.0 and r.broker == "U" and r.ends == ("G", "I")


def test_no_end_pairs_gives_nan_shares():
    G = actor([("g", "u", 1)], {"g": "G", "u": "U"})
    r = mediation(G)
    assert r.n_pairs == 0 and math.isnan(r.path_share) and math.isnan(r.reachability_loss)


def test_to_dict_is_json_serialisable_with_fixed_keys():
    G = actor([("g", "u", 1)], {"g": "G", "u": "U"})
    d = mediation(G).to_dict()
    assert list(d) == list(MediationResult.__dataclass_fields__)
    assert json.loads(json.dumps(d))["path_share"] is None


@pytest.mark.parametrize(
    "kw, match",
    [({"broker": "X"}, "X"), ({"ends": ("U", "U")}, "distinct"), ({"broker": "U"}, "differ"), ({"ends": ("U", "Z")}, "Z")],
)
def test_bad_sector_arguments_raise(kw, match):
    G = actor([("u", "i", 1)], {"u": "U", "i": "I"})
    with pytest.raises(HelixnetValueError, match=match):
        mediation(G, **kw)


def test_funding_star_mediates_relationships_but_no_directed_path():
    """Hand case: a ministry funding a university and a firm (G->U, G->I).

    As flows there is no U-I path at all; as relationships (directed=False) the only U-I
    route is U-G-I, so every geodesic passes G and removing G disconnects the pair.
    """
    import networkx as nx

    from helixnet.networks._mediation import mediation

    G = nx.DiGraph()
    G.add_nodes_from([("u", {"sector": "U"}), ("g", {"sector": "G"}), ("i", {"sector": "I"})])
    G.add_weighted_edges_from([("g", "u", 2.0), ("g", "i", 3.0), ("u", "g", 1.0)])
    flows = mediation(G)
    assert flows.directed and flows.reachable_pairs == 1  # only u -> g -> i
    rel = mediation(G, directed=False)
    assert not rel.directed
    assert (rel.n_pairs, rel.reachable_pairs, rel.geodesics_via_broker) == (1, 1, 1)
    assert rel.path_share == 1.0 and rel.reachability_loss == 1.0
    # u-g strength is 2 + 1 = 3 (both directions summed), g-i is 3: bottleneck min(3, 3)
    assert rel.indirect_strength == 3.0


def test_directed_true_on_an_undirected_graph_is_an_error():
    import networkx as nx
    import pytest

    import helixnet as hx
    from helixnet.networks._mediation import mediation

    G = nx.Graph()
    G.add_nodes_from([("u", {"sector": "U"}), ("i", {"sector": "I"})])
    with pytest.raises(hx.HelixnetValueError, match="directed=True"):
        mediation(G, directed=True)
