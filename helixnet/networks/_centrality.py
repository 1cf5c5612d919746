"""Node centrality of actor graphs, on networkx or igraph, and its sector totals.

One tidy table per graph: a row per node, its ``sector``, and one fixed column
per measure (degree, strength, betweenness, closeness, eigenvector/Katz,
PageRank, HITS hubs and authorities). ``backend="networkx"`` and
``backend="igraph"`` compute the same definitions with each library's own
routines, so the two are a cross-implementation check on each other; igraph
is the fast path for large graphs (``benchmarks/bench_centrality.py``).

Conventions shared by every measure
-----------------------------------
* Tie strength is the edge attribute ``weight`` (1 when absent or when
  ``weight=None``). Path-based measures use the **distance** ``1/weight``:
  a strong tie is a short one.
* Edges of weight 0 carry no tie and are dropped; self-loops are dropped
  (a node does not broker or reach itself); the parallel edges of a
  multigraph are merged and their weights summed.
* Directed graphs are read "source acts on target" (funds, directs, cites).
"""

from __future__ import annotations

import warnings
from typing import TYPE_CHECKING, Any

import numpy as np
import pandas as pd

from helixnet._validation import SECTORS, actor_graph, check_actor_graph
from helixnet._warntally import user_stacklevel
from helixnet.exceptions import HelixnetTypeError, HelixnetValueError
from helixnet.networks._matrix import Prepared, adjacency_lists, brandes, dijkstra_counts, tied

if TYPE_CHECKING:
    import networkx as nx

    from helixnet._typing import Backend

__all__ = ["centrality", "sector_centrality", "CENTRALITY_COLUMNS", "MEASURES", "GROUP_COLUMNS"]

#: The numeric measures, in column order.
MEASURES = (
    "in_degree",
    "out_degree",
    "in_strength",
    "out_strength",
    "betweenness",
    "closeness",
    "eigenvector",
    "pagerank",
    "hub",
    "authority",
)
#: Every column of :func:`centrality`'s table, in order.
CENTRALITY_COLUMNS = ("sector", *MEASURES, "eigenvector_method")

_BACKENDS = ("networkx", "igraph")
_PAGERANK_ALPHA = 0.85
_KATZ_FRACTION = 0.85


# ----------------------------------------------------------------------------
# preparation shared by both backends
# ----------------------------------------------------------------------------


def _adjacency_lists(P: Prepared):
    return adjacency_lists(P.n, P.src.tolist(), P.dst.tolist(), P.w.tolist(), P.directed)


def _group_betweenness(P: Prepared, group) -> float:
    """Normalised group betweenness (Everett & Borgatti) of node indices `group`."""
    group = set(group)
    outside = [v for v in range(P.n) if v not in group]
    k = len(outside)
    if k < 2:
        return float("nan")
    adj = _adjacency_lists(P)
    total = 0.0
    for s in outside:
        dist, sigma = dijkstra_counts(adj, s, blocked=())
        dist_b, sigma_b = dijkstra_counts(adj, s, blocked=group)
        for t in outside:
            if t == s or t not in dist:
                continue
            avoiding = sigma_b[t] if t in dist_b and tied(dist_b[t], dist[t]) else 0
            total += (sigma[t] - avoiding) / sigma[t]
    return total / (k * (k - 1))  # undirected: ordered sum / ordered pairs = unordered / unordered


def _eigenvector_rule(P: Prepared):
    """Return ("eigenvector", None) or ("katz", alpha) by the documented rule."""
    import scipy.sparse.csgraph as csg

    if P.n == 0:
        return "eigenvector", None
    A = P.adjacency()
    k, labels = csg.connected_components(A, directed=P.directed, connection="strong")
    if P.m > 0 and k == 1 and P.n >= 2:
        return "eigenvector", None
    rho = 0.0
    for c in range(k):
        members = np.flatnonzero(labels == c)
        if len(members) < 2:
            continue  # self-loops were dropped: a singleton component is acyclic
        rho = max(rho, _spectral_radius(A[members][:, members]))
    if rho > 0:
        return "katz", _KATZ_FRACTION / rho
    wmax = float(P.w.max()) if P.m else 1.0
    return "katz", _KATZ_FRACTION / wmax


def _spectral_radius(B) -> float:
    if B.shape[0] <= 400:
        return float(np.max(np.abs(np.linalg.eigvals(B.toarray()))))
    import scipy.sparse.linalg as sla

    v0 = np.ones(B.shape[0])  # fixed start: deterministic
    vals = sla.eigs(B.astype(float), k=1, which="LM", return_eigenvectors=False, tol=1e-12, v0=v0)
    return float(np.abs(vals[0]))


def _unit(x) -> np.ndarray:
    """Scale a non-negative vector to unit Euclidean norm (zeros stay zeros)."""
    x = np.abs(np.asarray(x, dtype=float))
    s = np.linalg.norm(x)
    return x / s if s > 0 else x


def _sum_one(x) -> np.ndarray:
    x = np.abs(np.asarray(x, dtype=float))
    s = x.sum()
    return x / s if s > 0 else x


def _betweenness_scale(n, directed, normalized):
    if not normalized or n <= 2:
        return 1.0
    pairs = (n - 1) * (n - 2)
    return 1.0 / (pairs if directed else pairs / 2)


def _hits(A, n):
    """Kleinberg's HITS (hubs, authorities), each summing to 1; zeros without edges.

    Hubs are the projection of the all-ones vector onto the leading
    eigenspace of :math:`A A^T`, authorities onto that of :math:`A^T A`.
    When the leading singular value is simple this is the usual (unique)
    HITS vector; when it is repeated (bipartite or identical components) the
    projection still picks one vector, the same on every backend.
    """
    if A is None or A.nnz == 0:
        return np.zeros(n), np.zeros(n)
    import scipy.sparse as sp

    A = sp.csr_array(A, dtype=float)
    hub, simple = _leading_projection(A, A.T)
    if simple and n > 600:
        # a simple leading singular value: the authority vector is A^T hub
        # (v1 = A^T u1 / s1), which saves a second Lanczos run on large graphs
        return _sum_one(hub), _sum_one(A.T @ hub)
    return _sum_one(hub), _sum_one(_leading_projection(A.T, A)[0])


def _leading_projection(L, R):
    """Project ones onto the leading eigenspace of the PSD matrix L @ R (R = L.T).

    Returns the projection and whether the leading eigenvalue is simple.
    """
    n = L.shape[0]
    ones = np.ones(n)
    if n <= 600:
        vals, vecs = np.linalg.eigh((L @ R).toarray())
    else:
        import scipy.sparse.linalg as sla

        # Lanczos for the two leading eigenpairs (seconds on 10^5 nodes); when
        # they are tied, for up to twelve at full precision
        op = sla.LinearOperator((n, n), matvec=lambda x: L @ (R @ x), dtype=float)
        vals, vecs = sla.eigsh(op, k=min(2, n - 1), which="LA", tol=1e-10, v0=ones)
        if vals.min() >= vals.max() * (1 - 1e-9):
            vals, vecs = sla.eigsh(op, k=min(12, n - 1), which="LA", tol=1e-14, v0=ones)
    keep = vals >= vals.max() * (1 - 1e-9)
    lead = vecs[:, keep]
    return lead @ (lead.T @ ones), int(keep.sum()) == 1


def _katz(A, alpha, max_iter=10000):
    """Solve :math:`x = \\alpha A^T x + 1` for sparse `A`.

    Fixed-point iteration, which converges geometrically at rate
    :math:`\\alpha\\rho(A) = 0.85` (or ends after the longest walk of an
    acyclic graph), in a few hundred sparse products; a sparse LU solve of a
    10^4-node random graph suffers so much fill-in that it took 10 s. Falls
    back to the LU solve if the iteration has not converged.
    """
    import scipy.sparse as sp

    AT = sp.csr_matrix(A, dtype=float).T.tocsr() * alpha
    x = np.ones(A.shape[0])
    for _ in range(max_iter):
        nxt = AT @ x + 1.0
        if np.max(np.abs(nxt - x)) <= 1e-15 * np.max(np.abs(nxt)):
            return nxt
        x = nxt
    import scipy.sparse.linalg as sla

    return sla.spsolve(sp.identity(A.shape[0], format="csc") - AT.tocsc(), np.ones(A.shape[0]))


def _sample_sources(n, k, seed):
    """Sorted array of `k` distinct source nodes drawn with `seed` (None: every node)."""
    import operator

    if k is None:
        return None
    if isinstance(k, bool):
        raise HelixnetValueError(f"k={k!r} is not a number of sources")
    try:
        k = operator.index(k)
    except TypeError:
        raise HelixnetTypeError(f"k={k!r} must be an integer number of sources or None") from None
    if not 1 <= k <= max(n, 1):
        raise HelixnetValueError(f"k={k!r} sources is out of range; the graph has {n} nodes (1 <= k <= {n})")
    try:
        rng = np.random.default_rng(seed)
    except (TypeError, ValueError) as exc:
        raise HelixnetValueError(f"seed={seed!r} is not a usable seed: {exc}") from None
    return np.sort(rng.choice(n, size=k, replace=False)) if n else np.zeros(0, dtype=np.int64)


def _sampled_harmonic(P: Prepared, sources) -> np.ndarray:
    """Estimated raw harmonic closeness from `sources` (scipy's Dijkstra, 64 rows at a time)."""
    import scipy.sparse as sp
    import scipy.sparse.csgraph as csg

    A = P.adjacency()
    D = sp.csr_array((1.0 / A.data, A.indices, A.indptr), shape=A.shape)  # lengths 1/w
    hc = np.zeros(P.n)
    for start in range(0, len(sources), 64):
        rows = csg.dijkstra(D, directed=P.directed, indices=sources[start : start + 64])
        with np.errstate(divide="ignore"):
            hc += np.where(np.isfinite(rows) & (rows > 0), 1.0 / rows, 0.0).sum(axis=0)
    return hc * _closeness_sample_scale(P.n, sources)


def _sample_scale(n, sources):
    """n/k: a sum over k uniformly drawn sources estimates the sum over all n."""
    return 1.0 if sources is None or len(sources) == 0 else n / len(sources)


def _closeness_sample_scale(n, sources) -> np.ndarray:
    """Per node (n-1)/(sources other than the node): harmonic closeness sums over u != v."""
    others = np.full(n, float(len(sources)))
    others[sources] -= 1
    with np.errstate(divide="ignore", invalid="ignore"):
        return np.where(others > 0, (n - 1) / others, 0.0)


# ----------------------------------------------------------------------------
# backends: each returns a dict measure -> ndarray in node order
# ----------------------------------------------------------------------------
def _networkx_measures(P: Prepared, normalized: bool, method, alpha, sources):
    import networkx as nx

    H = P.networkx()
    n, order = P.n, range(P.n)
    out: dict[str, Any] = {}
    if P.directed:
        out["in_degree"] = [H.in_degree(v) for v in order]
        out["out_degree"] = [H.out_degree(v) for v in order]
        out["in_strength"] = [H.in_degree(v, weight="w") for v in order]
        out["out_strength"] = [H.out_degree(v, weight="w") for v in order]
    else:
        out["in_degree"] = out["out_degree"] = [H.degree(v) for v in order]
        out["in_strength"] = out["out_strength"] = [H.degree(v, weight="w") for v in order]
    # networkx's own betweenness compares path lengths exactly (issue 11): the
    # shared Brandes of helixnet._paths ties them within igraph's tolerance
    bc = np.asarray(brandes(_adjacency_lists(P), n, sources), dtype=float)
    if not P.directed:
        bc /= 2  # each unordered pair once, as igraph
    out["betweenness"] = bc * _sample_scale(n, sources) * _betweenness_scale(n, P.directed, normalized)
    if sources is None:
        harmonic = nx.harmonic_centrality(H, distance="dist")  # sum over u of 1/d(u -> v)
        hc = np.array([harmonic[v] for v in order])
    else:
        hc = np.zeros(n)
        for s in sources:
            for v, d in nx.single_source_dijkstra_path_length(H, int(s), weight="dist").items():
                if v != s:
                    hc[v] += 1.0 / d
        hc *= _closeness_sample_scale(n, sources)
    out["closeness"] = hc * (1.0 / (n - 1) if normalized and n > 1 else 1.0)
    if P.m == 0:
        out["eigenvector"] = np.ones(n)
    elif method == "eigenvector":
        # power iteration from a fixed start (ARPACK's random start would make
        # repeated calls differ in the last digits)
        ev = nx.eigenvector_centrality(H, weight="w", max_iter=1000000, tol=1e-14)
        out["eigenvector"] = [ev[v] for v in order]
    else:
        kz = nx.katz_centrality_numpy(H, alpha=alpha, beta=1.0, weight="w")
        out["eigenvector"] = [kz[v] for v in order]
    out["eigenvector"] = _unit(out["eigenvector"])
    if n:
        pr = nx.pagerank(H, alpha=_PAGERANK_ALPHA, weight="w", tol=1e-15, max_iter=100000)
        out["pagerank"] = [pr[v] for v in order]
    else:
        out["pagerank"] = []
    out["hub"], out["authority"] = _hits(nx.to_scipy_sparse_array(H, nodelist=list(order), weight="w") if P.m else None, n)
    return out


def _seeded_python_random(func, *args, **kwargs):
    """Call `func` with Python's `random` (igraph's RNG: ARPACK's start vector) seeded,
    restoring the caller's random state afterwards, so repeated calls are identical."""
    import random

    state = random.getstate()
    try:
        random.seed(0)
        return func(*args, **kwargs)
    finally:
        random.setstate(state)


def _igraph_measures(P: Prepared, normalized: bool, method, alpha, sources):
    g = P.igraph()
    n = P.n
    out: dict[str, Any] = {}
    if P.directed:
        out["in_degree"] = g.indegree()
        out["out_degree"] = g.outdegree()
        out["in_strength"] = g.strength(mode="in", weights="w", loops=False)
        out["out_strength"] = g.strength(mode="out", weights="w", loops=False)
    else:
        out["in_degree"] = out["out_degree"] = g.degree()
        out["in_strength"] = out["out_strength"] = g.strength(weights="w", loops=False)
    bc = np.asarray(g.betweenness(directed=P.directed, weights="dist", sources=sources), dtype=float)
    out["betweenness"] = bc * _sample_scale(n, sources) * _betweenness_scale(n, P.directed, normalized)
    if n < 2:
        hc = np.zeros(n)
    elif sources is None:
        hc = np.asarray(g.harmonic_centrality(mode="in", weights="dist", normalized=False), dtype=float)
    else:
        hc = _sampled_harmonic(P, sources)
    out["closeness"] = hc * (1.0 / (n - 1) if normalized and n > 1 else 1.0)
    if P.m == 0:
        out["eigenvector"] = np.ones(n)
    elif method == "eigenvector":
        out["eigenvector"] = _seeded_python_random(g.eigenvector_centrality, weights="w")
    else:
        out["eigenvector"] = _katz(P.adjacency(), alpha)  # A[i, j] = weight of i -> j
    out["eigenvector"] = _unit(out["eigenvector"])
    out["pagerank"] = g.pagerank(damping=_PAGERANK_ALPHA, weights="w", directed=P.directed) if n else []
    out["hub"], out["authority"] = _hits(P.adjacency() if P.m else None, n)
    return out


# ----------------------------------------------------------------------------
# public API
# ----------------------------------------------------------------------------
@actor_graph
def centrality(
    G: nx.Graph,
    backend: Backend = "networkx",
    weight: str | None = "weight",
    normalized: bool = True,
    *,
    k: int | None = None,
    seed: int | None = 0,
) -> pd.DataFrame:
    r"""Centrality of every node of an actor graph, one fixed column per measure.

    With :math:`w_{uv}` the tie strength, :math:`d(u,v)` the shortest-path
    length under edge lengths :math:`1/w_{uv}`, :math:`\sigma_{st}` the number
    of shortest :math:`s \to t` paths and :math:`\sigma_{st}(v)` those through
    :math:`v`:

    .. math::

        \mathrm{betweenness}(v) = c_B \sum_{s \ne v \ne t}
            \frac{\sigma_{st}(v)}{\sigma_{st}}, \qquad
        \mathrm{closeness}(v) = c_H \sum_{u \ne v} \frac{1}{d(u, v)},

        x_v = \frac{1}{\lambda} \sum_u w_{uv} x_u \ \text{(eigenvector)}, \qquad
        x_v = \alpha \sum_u w_{uv} x_u + 1 \ \text{(Katz)},

    with :math:`c_B = 1/((n-1)(n-2))` for directed graphs and
    :math:`2/((n-1)(n-2))` for undirected ones, :math:`c_H = 1/(n-1)`, and
    :math:`1/d = 0` for unreachable pairs.

    Parameters
    ----------
    G : networkx.Graph or networkx.DiGraph
        Actor graph; every node has ``sector`` in U, I, G, O.
    backend : {"networkx", "igraph"}
        Library doing the computation. Both give the same numbers (within
        1e-6 relative, tested); igraph is much faster on large graphs.
    weight : str or None
        Edge attribute holding tie strength; ``None`` gives every edge 1.
    normalized : bool
        If True, degrees are divided by :math:`n-1`, betweenness by the
        number of ordered (directed) or unordered (undirected) pairs not
        involving the node, and closeness by :math:`n-1`. Strengths are never
        normalised; eigenvector/Katz, PageRank and HITS always are (below).
    k : int or None
        ``None`` (default): exact betweenness and closeness, from every
        node. An integer: *estimates* from `k` source nodes drawn uniformly
        without replacement (see Notes), for graphs too large for the
        exact :math:`O(nm \log n)` computation.
    seed : int or None
        Seed of the source sample when `k` is given (the same seed draws the
        same sources on both backends, so they give the same estimates).

    Returns
    -------
    pandas.DataFrame
        Indexed by node (in ``G``'s node order), columns always
        ``sector, in_degree, out_degree, in_strength, out_strength,
        betweenness, closeness, eigenvector, pagerank, hub, authority,
        eigenvector_method``:

        * ``in_degree``/``out_degree``: number of in/out neighbours; for an
          undirected graph both equal the degree.
        * ``in_strength``/``out_strength``: sums of tie strengths.
        * ``betweenness``: weighted (distance ``1/weight``) Brandes betweenness.
        * ``closeness``: *harmonic* closeness on incoming distances (how easily
          the other nodes reach ``v``), so disconnected graphs need no special
          case: an unreachable node contributes 0.
        * ``eigenvector``: eigenvector centrality on incoming ties when the
          graph is strongly connected (undirected: connected), otherwise Katz
          centrality (see Notes); unit Euclidean norm.
        * ``pagerank``: damping 0.85, dangling nodes jump uniformly; sums to 1.
        * ``hub``/``authority``: Kleinberg's HITS, each summing to 1 (0 in a
          graph without edges); see Notes for repeated singular values.
        * ``eigenvector_method``: ``"eigenvector"`` or ``"katz"`` (the same in
          every row: the rule is decided per graph).

    Raises
    ------
    HelixnetTypeError
        If `G` is not a networkx graph.
    InvalidGraphError
        If a node has no valid ``sector`` or an edge has a negative,
        non-finite or non-numeric weight.
    HelixnetValueError
        If `backend` is unknown.

    See Also
    --------
    sector_centrality : each sector's share of every measure.
    helixnet.mediation : how much U–I connectivity runs through G.

    Notes
    -----
    *Eigenvector or Katz.* The Perron eigenvector is unique and positive only
    for an irreducible adjacency matrix, i.e. a strongly connected graph; in
    an acyclic graph (every funding flow one-way) it does not exist at all.
    helixnet therefore uses eigenvector centrality exactly when the graph has
    at least two nodes, an edge, and is strongly connected (undirected:
    connected), and otherwise Katz centrality with :math:`\beta = 1` and
    :math:`\alpha = 0.85/\rho`, :math:`\rho` the spectral radius of the
    weighted adjacency matrix, or :math:`\alpha = 0.85/\max w` when
    :math:`\rho = 0` (acyclic graphs, where the walk series is finite). A
    graph without edges gets :math:`1/\sqrt{n}` everywhere. Both backends use
    the same rule; the Katz system is solved by networkx's
    ``katz_centrality_numpy`` and, for igraph, by fixed-point iteration on
    the sparse adjacency matrix.

    *Ties.* Path lengths are sums of reciprocals, so equal lengths can
    differ by rounding (``1/6 + 1/30`` against ``1/5``). Both backends count
    paths whose lengths agree within a relative :math:`10^{-10}` as tied:
    igraph by its own rule, the networkx backend by helixnet's Brandes
    (``helixnet.networks._matrix``), as networkx's ``betweenness_centrality``
    compares sums exactly and may miss such ties.

    *Sampled estimates.* With `k` sources :math:`K`, betweenness sums the
    dependencies of the sources only and scales by :math:`n/k` (Brandes &
    Pich 2007, as networkx's ``betweenness_centrality(k=...)``), and
    closeness sums :math:`1/d(u, v)` over :math:`u \in K \setminus \{v\}`
    and scales by :math:`(n-1)/|K \setminus \{v\}|` (Eppstein & Wang
    2004). Both are unbiased; their error shrinks like :math:`1/\sqrt{k}`
    and is measured against exact values in
    ``benchmarks/bench_centrality.py``. ``table.attrs`` records ``k``,
    ``seed`` and the ``sources`` drawn (None when exact). The exact computation on the networkx backend warns when the
    graph is large enough to take hours.

    *HITS.* Hubs and authorities are the leading eigenvectors of
    :math:`AA^T` and :math:`A^TA`. They are not unique when the leading
    singular value is repeated — always so in an undirected bipartite graph
    such as a star, or in two identical components — so helixnet takes the
    projection of the all-ones vector (Kleinberg's starting vector) onto the
    leading eigenspace: unique, equal to the usual vector in the simple case,
    and hub = authority in an undirected graph. Neither library's own HITS
    routine does this, so both backends apply it to the weighted adjacency
    matrix (built by networkx, or by helixnet for igraph; networkx's
    ``nx.hits`` agrees whenever the leading singular value is simple;
    tested). Above 600 nodes the leading eigenvectors come from Lanczos
    iterations (relative tolerance :math:`10^{-10}`).

    References
    ----------
    .. [1] Brandes, U. (2008). On variants of shortest-path betweenness
       centrality and their generic computation. Social Networks 30(2),
       136–145. doi:10.1016/j.socnet.2007.11.001
    .. [2] Boldi, P. & Vigna, S. (2014). Axioms for centrality. Internet
       Mathematics 10(3–4), 222–262. doi:10.1080/15427951.2013.865686
    .. [3] Katz, L. (1953). A new status index derived from sociometric
       analysis. Psychometrika 18(1), 39–43. doi:10.1007/BF02289026
    .. [4] Kleinberg, J. M. (1999). Authoritative sources in a hyperlinked
       environment. Journal of the ACM 46(5), 604–632.
       doi:10.1145/324133.324140
    .. [5] Brandes, U. & Pich, C. (2007). Centrality estimation in large
       networks. International Journal of Bifurcation and Chaos 17(7),
       2303–2318. doi:10.1142/S0218127407018403
    .. [6] Eppstein, D. & Wang, J. (2004). Fast approximation of
       centrality. Journal of Graph Algorithms and Applications 8(1),
       39–45. doi:10.7155/jgaa.00081

    Examples
    --------
    A government hub funding two universities and two firms: every U–I
    shortest path runs through it, so it holds all the betweenness. In the
    undirected star each of the :math:`\binom{4}{2} = 6` leaf pairs is
    brokered by G, and normalisation divides by the same 6:

    >>> import networkx as nx
    >>> from helixnet.networks._centrality import centrality
    >>> G = nx.star_graph(4)
    >>> nx.set_node_attributes(G, dict(enumerate("GUUII")), "sector")
    >>> c = centrality(G)
    >>> c.loc[[0, 1], "betweenness"].tolist()
    [1.0, 0.0]
    >>> c.loc[0, "eigenvector_method"]
    'eigenvector'
    >>> bool((centrality(G, backend="igraph")[list(MEASURES)] - c[list(MEASURES)]).abs().max().max() < 1e-9)
    True
    """
    if backend not in _BACKENDS:
        raise HelixnetValueError(f"backend={backend!r} is unknown; expected one of {', '.join(_BACKENDS)}")
    P = Prepared(G, weight)
    sources = _sample_sources(P.n, k, seed)
    hours = _networkx_hours(P.n, P.m, P.directed)
    if backend == "networkx" and sources is None and hours >= 1:
        warnings.warn(
            f"exact betweenness and closeness of {P.n} nodes and {P.m} edges on the networkx backend "
            f"may take about {hours:.0f} hour(s); use backend='igraph' or "
            "estimate from k sampled sources (k=...)",
            RuntimeWarning,
            stacklevel=user_stacklevel(),
        )
    method, alpha = _eigenvector_rule(P)
    compute = _networkx_measures if backend == "networkx" else _igraph_measures
    values = compute(P, normalized, method, alpha, sources) if P.n else {m: [] for m in MEASURES}
    table = pd.DataFrame({m: np.asarray(values[m], dtype=float) for m in MEASURES}, index=pd.Index(P.nodes, name="node"))
    if normalized and P.n > 1:
        table["in_degree"] /= P.n - 1
        table["out_degree"] /= P.n - 1
    table.insert(0, "sector", pd.Series(P.sectors, index=table.index, dtype=object))
    table["eigenvector_method"] = pd.Series([method] * P.n, index=table.index, dtype=object)
    if sources is None:
        table.attrs.update(k=None, seed=None, sources=None)
    else:
        table.attrs.update(k=len(sources), seed=seed, sources=[P.nodes[i] for i in sources])
    return table


#: Seconds per (source x adjacency entry) of the networkx backend's Python
#: searches, measured by benchmarks/bench_centrality.py (part 1) on the 2-core
#: development machine.
_NETWORKX_SECONDS_PER_SOURCE_EDGE = 2e-6


def _networkx_hours(n, m, directed=True) -> float:
    """Rough hours for exact betweenness plus closeness on the networkx backend
    (two single-source searches per node, each over every adjacency entry)."""
    entries = m if directed else 2 * m
    return 2 * n * (entries + n) * _NETWORKX_SECONDS_PER_SOURCE_EDGE / 3600


#: Group centralities reported by :func:`sector_centrality`.
GROUP_COLUMNS = ("group_degree", "group_in_degree", "group_out_degree", "group_betweenness", "group_closeness")


def sector_centrality(
    G_or_table: nx.Graph | pd.DataFrame, backend: Backend = "networkx", weight: str | None = "weight"
) -> pd.DataFrame:
    r"""Each sector's share of every centrality, and the group centrality of each sector.

    .. math::

        \mathrm{share}_S(c) = \frac{\sum_{v \in S} c(v)}{\sum_{v} c(v)}

    for a sector :math:`S` and measure :math:`c`; group centralities treat the
    sector's node set :math:`S` as one actor (Everett & Borgatti 1999), e.g.
    group betweenness is the normalised sum over pairs outside :math:`S` of
    the fraction of their shortest paths through any node of :math:`S`.

    Parameters
    ----------
    G_or_table : networkx graph or pandas.DataFrame
        An actor graph, or a table returned by :func:`centrality` (group
        centralities then cannot be computed and are NaN).
    backend : {"networkx", "igraph"}
        Passed to :func:`centrality` when a graph is given.
    weight : str or None
        Edge attribute holding tie strength (distance ``1/weight`` for group
        betweenness and closeness).

    Returns
    -------
    pandas.DataFrame
        Indexed by ``sector`` (U, I, G, O, always all four), columns
        ``n_nodes``, ``node_share``, ``share_<measure>`` for each of
        :data:`MEASURES`, then ``group_degree, group_in_degree,
        group_out_degree, group_betweenness, group_closeness`` (normalised;
        NaN for an empty sector, for a sector holding every node, or when
        only a table was given). A share
        is NaN when the measure sums to 0 over the graph.

    Raises
    ------
    HelixnetTypeError
        If the input is neither a networkx graph nor a centrality table.
    InvalidGraphError
        If the graph is not a valid actor graph.

    See Also
    --------
    centrality : the node-level table.

    Notes
    -----
    Group degree and closeness are networkx's ``group_*_centrality``. Group
    betweenness is computed by helixnet with networkx's definition and
    normalisation, :math:`1/((n-|S|)(n-|S|-1))` over ordered pairs outside
    :math:`S` (networkx's own routine fails on graphs that are not strongly
    connected); distance is ``1/weight``. Group closeness is the reciprocal of the mean distance from
    the group to the nodes outside it (for directed graphs, networkx measures
    distance *to* the group); unreachable nodes are skipped by networkx.

    References
    ----------
    .. [1] Everett, M. G. & Borgatti, S. P. (1999). The centrality of groups
       and classes. Journal of Mathematical Sociology 23(3), 181–201.
       doi:10.1080/0022250X.1999.9990219

    Examples
    --------
    In the government star, G holds all the betweenness and half the degree
    (its 4 ties against the leaves' 4 ties, each counted once per endpoint):

    >>> import networkx as nx
    >>> G = nx.star_graph(4)
    >>> nx.set_node_attributes(G, dict(enumerate("GUUII")), "sector")
    >>> s = sector_centrality(G)
    >>> s.loc["G", ["share_betweenness", "share_in_degree"]].tolist()
    [1.0, 0.5]
    >>> float(s.loc["G", "group_betweenness"])
    1.0
    """
    import networkx as nx

    if isinstance(G_or_table, pd.DataFrame):
        missing = [c for c in CENTRALITY_COLUMNS if c not in G_or_table.columns]
        if missing:
            raise HelixnetTypeError(f"table lacks centrality column(s) {', '.join(missing)}")
        table, G = G_or_table, None
    elif isinstance(G_or_table, nx.Graph):
        check_actor_graph(G_or_table, weight=weight)
        G = G_or_table
        table = centrality(G, backend=backend, weight=weight)
    else:
        raise HelixnetTypeError(f"expected a networkx graph or a centrality table, got {type(G_or_table).__name__}")

    n = len(table)
    rows = {}
    totals = table[list(MEASURES)].sum()
    for sector in SECTORS:
        part = table[table["sector"] == sector]
        row = {"n_nodes": len(part), "node_share": len(part) / n if n else np.nan}
        for m in MEASURES:
            row[f"share_{m}"] = float(part[m].sum() / totals[m]) if totals[m] > 0 else np.nan
        row.update(_group_centralities(G, list(part.index), weight) if G is not None else dict.fromkeys(GROUP_COLUMNS, np.nan))
        rows[sector] = row
    out = pd.DataFrame.from_dict(rows, orient="index")
    out.index.name = "sector"
    return out


def _group_centralities(G, members, weight):
    import networkx as nx

    n = G.number_of_nodes()
    if not members or len(members) == n:
        return dict.fromkeys(GROUP_COLUMNS, np.nan)
    P = Prepared(G, weight)
    H = P.networkx()
    index = {v: i for i, v in enumerate(G.nodes)}
    S = [index[v] for v in members]
    directed = H.is_directed()
    res = {"group_degree": nx.group_degree_centrality(H, S)}
    res["group_in_degree"] = nx.group_in_degree_centrality(H, S) if directed else res["group_degree"]
    res["group_out_degree"] = nx.group_out_degree_centrality(H, S) if directed else res["group_degree"]
    res["group_betweenness"] = _group_betweenness(P, S)
    try:
        res["group_closeness"] = float(nx.group_closeness_centrality(H, S, weight="dist"))
    except ZeroDivisionError:  # no node outside the group is reachable
        res["group_closeness"] = 0.0
    return {k: float(v) for k, v in res.items()}
