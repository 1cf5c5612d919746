"""Government mediation: how much university–industry connectivity runs through G.

Three views of one question — do science (U) and business (I) relate
directly, or only via the government (G)?

* **geodesics**: the share of U–I shortest paths (distance ``1/weight``) with
  at least one G node inside;
* **strength**: direct U–I tie strength against the strength of the two-step
  routes U→G→I;
* **reachability**: the share of U–I pairs that can no longer reach each
  other once the G nodes are removed.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass
from typing import TYPE_CHECKING

from helixnet._jsonable import jsonable
from helixnet._result import Result
from helixnet._validation import SECTORS, actor_graph
from helixnet.exceptions import HelixnetValueError
from helixnet.networks._matrix import Prepared, dijkstra_counts, tied

if TYPE_CHECKING:
    import networkx as nx

__all__ = ["mediation", "MediationResult"]


@dataclass(frozen=True, repr=False)
class MediationResult(Result):
    """Result of :func:`mediation` (fixed fields; see :func:`mediation` for definitions).

    Attributes
    ----------
    broker : str
        The mediating sector (default ``"G"``).
    ends : tuple of str
        The two sectors whose connections are examined (default U and I).
    directed : bool
        Whether the graph was directed (pairs then run both ways).
    n_pairs : int
        Number of end pairs: ordered, both directions, for a directed graph;
        unordered for an undirected one.
    reachable_pairs : int
        Pairs joined by at least one path.
    reachable_pairs_without_broker : int
        Pairs still joined once every broker node is removed.
    reachability_loss : float
        ``1 - reachable_pairs_without_broker / reachable_pairs`` (NaN if no
        pair is reachable).
    geodesics : int
        Shortest paths between end pairs, counted with multiplicity.
    geodesics_via_broker : int
        Those with at least one broker node inside.
    path_share : float
        ``geodesics_via_broker / geodesics`` (NaN if there are none).
    pair_share : float
        Mean over reachable pairs of the fraction of the pair's shortest
        paths that pass through a broker (each pair weighs the same).
    direct_strength : float
        Summed weight of ties between the two end sectors.
    indirect_strength : float
        Summed bottleneck strength of two-step routes end→broker→end.
    indirect_share : float
        ``indirect / (direct + indirect)`` (NaN if both are 0).
    """

    broker: str
    ends: tuple
    directed: bool
    n_pairs: int
    reachable_pairs: int
    reachable_pairs_without_broker: int
    reachability_loss: float
    geodesics: int
    geodesics_via_broker: int
    path_share: float
    pair_share: float
    direct_strength: float
    indirect_strength: float
    indirect_share: float

    _repr_fields = ("broker", "ends", "directed", "path_share", "pair_share", "indirect_share",
                    "reachability_loss")

    def to_frame(self):
        """One row, one column per field (``ends`` as a list)."""
        import pandas as pd

        return pd.DataFrame([{**asdict(self), "ends": list(self.ends)}])

    def to_dict(self) -> dict:
        """Plain, JSON-serialisable dict of every field (NaN becomes None)."""
        return jsonable(asdict(self))


@actor_graph
def mediation(
    G: nx.Graph,
    weight: str | None = "weight",
    broker: str = "G",
    ends: tuple[str, str] = ("U", "I"),
    directed: bool | None = None,
) -> MediationResult:
    r"""How much of the connectivity between two sectors passes through a third.

    With :math:`S` and :math:`T` the end sectors, :math:`B` the broker sector,
    :math:`\sigma_{st}` the number of shortest :math:`s \to t` paths (edge
    length :math:`1/w`) and :math:`\sigma_{st}(B)` those with an interior
    node in :math:`B`:

    .. math::

        \text{path share} = \frac{\sum_{(s,t)} \sigma_{st}(B)}{\sum_{(s,t)} \sigma_{st}},
        \qquad
        \text{indirect strength} = \sum_{(s,t)} \sum_{b \in B}
            \min(w_{sb}, w_{bt}),

    the sums running over pairs :math:`s \in S, t \in T` and, for a directed
    graph, also :math:`s \in T, t \in S`.

    Parameters
    ----------
    G : networkx.Graph or networkx.DiGraph
        Actor graph (nodes carry ``sector``).
    weight : str or None
        Edge attribute holding tie strength (``None``: every edge 1).
    broker : str
        Sector whose mediation is measured.
    ends : pair of str
        The two sectors whose connections are examined.
    directed : bool or None
        ``None`` (default) follows the graph. ``False`` on a directed graph
        reads every tie as a relationship, whatever its direction (the view
        of "business and science relate via the government"): the ties u→v
        and v→u become one undirected tie whose strength is their sum.
        ``True`` on an undirected graph raises an error.

    Returns
    -------
    MediationResult
        Fixed fields; ``to_dict()`` gives a JSON-serialisable dict.

    Raises
    ------
    HelixnetValueError
        If `broker` or `ends` are not sector codes, `ends` are not two
        distinct sectors, or `broker` is one of them.
    InvalidGraphError
        If `G` is not a valid actor graph.

    See Also
    --------
    helixnet.networks.sector_centrality : group betweenness of a sector.

    Notes
    -----
    *Flows or relationships.* A government that funds both a university and
    a firm (G→U, G→I) lies on no directed U–I path: in the directed view it
    mediates nothing, and the vertical pattern shows instead as the absence
    of U→G feedback. With ``directed=False`` the same graph counts U–G–I as a
    relationship mediated by G. Report both when the direction of ties is a
    flow (funding, knowledge) rather than a relationship.

    *Pairs.* For a directed graph every ordered pair counts, both
    :math:`S \to T` and :math:`T \to S`, so a one-way funding chain U→G→I is
    one mediated pair out of two; for an undirected graph each unordered pair
    counts once.

    *Geodesics* are counted with multiplicity, as in betweenness: a pair with
    three shortest paths, two of them via G, contributes 3 to ``geodesics``
    and 2 to ``geodesics_via_broker``. Paths whose lengths agree within a
    relative :math:`10^{-10}` are tied, as in igraph (see
    ``helixnet.networks._matrix``). ``path_share`` pools the
    paths of all pairs; ``pair_share`` weighs every reachable pair equally
    (it equals the group betweenness of :math:`B` restricted to S–T pairs,
    divided by the number of reachable pairs).

    *Strength.* A two-step route s→b→t can carry no more than its weaker
    tie, so it contributes :math:`\min(w_{sb}, w_{bt})` (the bottleneck, not
    the product, which would depend on the unit of weight). Edges of weight 0
    are absent; self-loops are ignored; a multigraph's parallel edges are
    summed.

    References
    ----------
    .. [1] Etzkowitz, H. & Leydesdorff, L. (2000). The dynamics of innovation:
       from National Systems and "Mode 2" to a Triple Helix of
       university–industry–government relations. Research Policy 29(2),
       109–123. doi:10.1016/S0048-7333(99)00055-4
    .. [2] Everett, M. G. & Borgatti, S. P. (1999). The centrality of groups
       and classes. Journal of Mathematical Sociology 23(3), 181–201.
       doi:10.1080/0022250X.1999.9990219

    Examples
    --------
    A ministry between a university and a firm, funding both ways: the only
    U–I routes (U→G→I and I→G→U) run through G, and removing G disconnects
    them.

    >>> import networkx as nx
    >>> G = nx.DiGraph()
    >>> G.add_nodes_from([("u", {"sector": "U"}), ("g", {"sector": "G"}), ("i", {"sector": "I"})])
    >>> G.add_weighted_edges_from([("u", "g", 2), ("g", "i", 3), ("i", "g", 1), ("g", "u", 1)])
    >>> r = mediation(G)
    >>> r.path_share, r.reachability_loss, r.indirect_strength
    (1.0, 1.0, 3.0)

    ``indirect_strength`` is :math:`\min(2, 3) + \min(1, 1) = 3`. A direct
    U→I tie of weight 5 becomes the shortest U→I path (length 1/5 < 1/2 + 1/3):

    >>> G.add_edge("u", "i", weight=5)
    >>> r = mediation(G)
    >>> r.geodesics, r.geodesics_via_broker, r.direct_strength
    (2, 1, 5.0)
    """
    ends = tuple(ends)  # type: ignore[assignment]  # any iterable of two codes is accepted; checked below
    _check_roles(broker, ends)
    if directed is True and not G.is_directed():
        raise HelixnetValueError("directed=True needs a directed graph")
    if directed is False and G.is_directed():
        G, weight = _relationships(G, weight), "weight"
    P = Prepared(G, weight)
    adj, w = _adjacency(P)
    of = lambda s: [i for i, c in enumerate(P.sectors) if c == s]  # noqa: E731
    S, T, B = of(ends[0]), of(ends[1]), set(of(broker))
    directions = [(S, T), (T, S)] if P.directed else [(S, T)]
    paths = _path_counts(adj, directions, B)
    direct, indirect = _tie_strengths(w, directions, B)
    nan = float("nan")
    reach, geo = paths["reachable"], paths["geodesics"]
    return MediationResult(
        broker=broker,
        ends=ends,
        directed=P.directed,
        n_pairs=paths["pairs"],
        reachable_pairs=reach,
        reachable_pairs_without_broker=paths["reachable_without"],
        reachability_loss=1 - paths["reachable_without"] / reach if reach else nan,
        geodesics=geo,
        geodesics_via_broker=paths["geodesics_via"],
        path_share=paths["geodesics_via"] / geo if geo else nan,
        pair_share=paths["fractions"] / reach if reach else nan,
        direct_strength=float(direct),
        indirect_strength=float(indirect),
        indirect_share=indirect / (direct + indirect) if direct + indirect > 0 else nan,
    )


def _check_roles(broker, ends):
    """Broker and ends are sector codes; the ends are two distinct sectors other than the broker."""
    for name, code in [("broker", broker), *(("ends", e) for e in ends)]:
        if code not in SECTORS:
            raise HelixnetValueError(f"{name} contains {code!r}; expected sector codes among {', '.join(SECTORS)}")
    if len(ends) != 2 or ends[0] == ends[1]:
        raise HelixnetValueError(f"ends={ends!r} must be two distinct sectors")
    if broker in ends:
        raise HelixnetValueError(f"broker={broker!r} must differ from ends={ends!r}")


def _adjacency(P):
    """Adjacency lists with edge lengths 1/w, and the tie weights by (tail, head) index pair."""
    adj = [[] for _ in range(P.n)]
    w = {}
    for a, b, x in zip(P.src.tolist(), P.dst.tolist(), P.w.tolist()):
        adj[a].append((b, 1.0 / x))
        w[(a, b)] = x
        if not P.directed:
            adj[b].append((a, 1.0 / x))
            w[(b, a)] = x
    return adj, w


def _path_counts(adj, directions, B):
    """Pairs, reachable pairs (with and without the broker) and geodesic counts over the end pairs."""
    n_pairs = reach = reach_without = geo = geo_via = 0
    fractions = 0.0
    for sources, targets in directions:
        for s in sources:
            dist, sigma = dijkstra_counts(adj, s, blocked=())
            dist_b, sigma_b = dijkstra_counts(adj, s, blocked=B)
            for t in targets:
                n_pairs += 1
                if t not in dist:
                    continue
                reach += 1
                avoiding = 0
                if t in dist_b:
                    reach_without += 1
                    if tied(dist_b[t], dist[t]):
                        avoiding = sigma_b[t]
                geo += sigma[t]
                geo_via += sigma[t] - avoiding
                fractions += (sigma[t] - avoiding) / sigma[t]
    return {"pairs": n_pairs, "reachable": reach, "reachable_without": reach_without,
            "geodesics": geo, "geodesics_via": geo_via, "fractions": fractions}


def _tie_strengths(w, directions, B):
    """Direct end-to-end strength and strength through one broker (min of the two legs)."""
    direct = indirect = 0.0
    for sources, targets in directions:
        for s in sources:
            for t in targets:
                direct += w.get((s, t), 0.0)
                for b in B:
                    if (s, b) in w and (b, t) in w:
                        indirect += min(w[(s, b)], w[(b, t)])
    return direct, indirect


def _relationships(G, weight):
    """Undirected view of a directed actor graph: u–v strength = w(u→v) + w(v→u)."""
    from helixnet.networks._configuration import read_graph

    return read_graph(G, "relationships", weight, normalize=False)
