"""Seeded null models for actor graphs, and the significance of subordination indicators.

Two ways of asking "could this happen by chance?":

* :func:`rewire` keeps every node's degrees (in- and out-degree for a directed
  graph) and its sector, and scrambles who is tied to whom — is G's brokerage
  more than its number of ties explains?
* :func:`permute_sectors` keeps the graph and shuffles the sector labels —
  is it *government* that sits in the broker positions, or would any set of
  nodes of that size do?

:func:`significance` compares the indicators of
:func:`helixnet.networks.subordination_metrics` (or user metrics) with
their distribution under either model.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Mapping, Sequence
from typing import TYPE_CHECKING, Literal

import numpy as np
import pandas as pd

from helixnet._deprecation import renamed_parameters
from helixnet._progress import progress_bar
from helixnet._resampling import ALTERNATIVES as _ALTERNATIVES
from helixnet._resampling import DEFAULT_SEED, monte_carlo_p, tail_counts
from helixnet._validation import actor_graph, check_count, check_seed, rng_from_seed
from helixnet.exceptions import HelixnetValueError, InvalidGraphError

if TYPE_CHECKING:
    import networkx as nx

    from helixnet._typing import Alternative, Reading, Seed

__all__ = ["rewire", "permute_sectors", "significance", "SIGNIFICANCE_COLUMNS", "NULL_MODELS"]

#: Columns of :func:`significance`'s table.
SIGNIFICANCE_COLUMNS = ("metric", "observed", "null_mean", "null_sd", "z", "p_value", "n_null")
#: Null models understood by :func:`significance`.
NULL_MODELS = ("rewire", "permute")


def rewire(
    G: nx.Graph,
    seed: Seed = DEFAULT_SEED,
    nswap: int | None = None,
    weight: str | None = "weight",
    max_tries_factor: int = 100,
) -> nx.Graph:
    r"""A degree-preserving random rewiring of `G` whose edges keep their weights.

    Undirected graphs use double edge swaps :math:`(u,v),(x,y) \to (u,x),(v,y)`
    (as :func:`networkx.double_edge_swap`), preserving every degree; directed
    graphs alternate at random between the directed double swap
    :math:`(u,v),(x,y) \to (u,y),(x,v)` (Maslov & Sneppen) and the three-edge
    swap of :func:`networkx.directed_edge_swap`,
    :math:`(s,a),(a,t),(t,f) \to (s,t),(t,a),(a,f)`, which reaches the
    graphs the double swap cannot (reversed directed triangles) but needs a
    directed path of three edges — absent from star-like funding trees. Both
    preserve every in- and out-degree. No self-loop or parallel edge is
    ever created.

    Parameters
    ----------
    G : networkx.Graph or networkx.DiGraph
        Graph to rewire (not modified). Node attributes are kept.
    seed : int, numpy.random.Generator or None
        Randomness; the same seed gives the same graph. The default 0 (the
        one seed default of helixnet, since 0.2; None before) makes repeated
        calls identical; None draws fresh entropy.
    nswap : int, optional
        Number of successful swaps; default ``10 * number_of_edges``.
    weight : str or None
        Edge attribute carried along with the edges (all edge data travel).
    max_tries_factor : int
        At most ``max_tries_factor * nswap`` attempts are made; a graph where
        few swaps are possible (nearly complete, or a star) ends with fewer.

    Returns
    -------
    networkx.Graph or networkx.DiGraph
        The rewired copy; ``H.graph["swaps"]`` holds the number of swaps
        achieved.

    Raises
    ------
    InvalidGraphError
        If `G` is a multigraph, has self-loops, or has fewer than two edges.

    See Also
    --------
    permute_sectors : the other null model.
    significance : uses both.

    Notes
    -----
    networkx's swap routines create new edges without data, so helixnet
    re-implements the same swaps on integer node ids, with edges chosen
    uniformly at random (by a :class:`random.Random` seeded from the numpy
    Generator: cheap draws, as most attempts on star-like graphs fail) and their
    data carried over: in the directed swaps each
    new edge takes the data of the removed edge with the same *source*
    (:math:`(u,y) \leftarrow (u,v)`; :math:`(s,t) \leftarrow (s,a)`,
    :math:`(t,a) \leftarrow (t,f)`, :math:`(a,f) \leftarrow (a,t)`), so every
    node's out-strength is kept as well; in the undirected swap :math:`(u,x) \leftarrow (u,v)` and
    :math:`(v,y) \leftarrow (x,y)`, so the multiset of weights is kept.

    References
    ----------
    .. [1] Erdős, P. L., Greenhill, C., Mezei, T. R., Miklós, I., Soltész, D.
       & Soukup, L. (2022). The mixing time of switch Markov chains: a unified
       approach. European Journal of Combinatorics 99, 103421.
       doi:10.1016/j.ejc.2021.103421
    .. [2] Maslov, S. & Sneppen, K. (2002). Specificity and stability in
       topology of protein networks. Science 296(5569), 910–913.
       doi:10.1126/science.1065103

    Examples
    --------
    >>> import networkx as nx
    >>> G = nx.gnm_random_graph(30, 60, seed=1, directed=True)
    >>> H = rewire(G, seed=2)
    >>> sorted(d for _, d in H.in_degree()) == sorted(d for _, d in G.in_degree())
    True
    >>> dict(H.out_degree()) == dict(G.out_degree())
    True
    """
    import networkx as nx

    if G.is_multigraph():
        raise InvalidGraphError("rewire() needs a simple graph; merge the parallel edges of the multigraph first")
    if nx.number_of_selfloops(G):
        loop = next(iter(nx.selfloop_edges(G)))
        raise InvalidGraphError(f"rewire() needs a graph without self-loops; found {loop[0]!r}->{loop[1]!r}")
    m = G.number_of_edges()
    if m < 2:
        raise InvalidGraphError(f"rewire() needs at least 2 edges; the graph has {m}")
    nswap = 10 * m if nswap is None else int(nswap)
    nodes = list(G.nodes)
    index = {v: i for i, v in enumerate(nodes)}
    old = list(G.edges(data=True))
    pairs = [(index[u], index[v]) for u, v, _ in old]
    pairs, origin, done = swap_chain(len(nodes), pairs, G.is_directed(), nswap, max_tries_factor * nswap, rng_from_seed(seed))
    H = G.copy()
    H.remove_edges_from(list(H.edges))
    H.add_edges_from((nodes[a], nodes[b], dict(old[k][2])) for (a, b), k in zip(pairs, origin))
    H.graph["swaps"] = done
    return H


def swap_chain(n, pairs, directed, nswap, max_tries, rng):
    """The swap chain of :func:`rewire` on integer edges (private).

    Returns the new edge list, for each position the index of the original
    edge whose data it carries, and the number of swaps achieved. Random
    numbers come from a :class:`random.Random` seeded by `rng`, for speed.
    """
    import random

    rnd = random.Random(int(rng.integers(2**63)))
    draw = rnd.random  # int(draw() * k) is uniform on 0..k-1 up to 2**-53: faster than randrange
    edges = list(pairs)
    origin = list(range(len(edges)))
    m = len(edges)
    if directed:
        succ = [set() for _ in range(n)]
        for a, b in edges:
            succ[a].add(b)
        where = {e: k for k, e in enumerate(edges)}
    else:
        adj = [set() for _ in range(n)]
        for a, b in edges:
            adj[a].add(b)
            adj[b].add(a)
    done = tries = 0
    while done < nswap and tries < max_tries:
        tries += 1
        if directed and draw() < 0.5:
            # three-edge swap (s,a),(a,t),(t,f) -> (s,t),(t,a),(a,f) (networkx.directed_edge_swap)
            s, a = edges[int(draw() * m)]
            if not succ[a]:
                continue
            options = tuple(succ[a])
            t = options[int(draw() * len(options))]
            if t == s or not succ[t]:
                continue
            options = tuple(succ[t])
            f = options[int(draw() * len(options))]
            if f in (a, t) or t in succ[s] or a in succ[t] or f in succ[a]:
                continue
            k_sa, k_at, k_tf = where.pop((s, a)), where.pop((a, t)), where.pop((t, f))
            succ[s].discard(a), succ[a].discard(t), succ[t].discard(f)
            succ[s].add(t), succ[t].add(a), succ[a].add(f)
            # each new edge keeps the data of the removed edge with the same source
            edges[k_sa], edges[k_at], edges[k_tf] = (s, t), (a, f), (t, a)
            where[(s, t)], where[(a, f)], where[(t, a)] = k_sa, k_at, k_tf
            done += 1
        elif directed:
            # double swap (u,v),(x,y) -> (u,y),(x,v) (Maslov & Sneppen)
            i, j = int(draw() * m), int(draw() * m)
            (u, v), (x, y) = edges[i], edges[j]
            if u == x or v == y or u == y or x == v or y in succ[u] or v in succ[x]:
                continue
            succ[u].discard(v), succ[x].discard(y), succ[u].add(y), succ[x].add(v)
            del where[(u, v)], where[(x, y)]
            edges[i], edges[j] = (u, y), (x, v)
            where[(u, y)], where[(x, v)] = i, j
            done += 1
        else:
            i, j = int(draw() * m), int(draw() * m)
            if i == j:
                continue
            u, v = edges[i] if draw() < 0.5 else edges[i][::-1]
            x, y = edges[j] if draw() < 0.5 else edges[j][::-1]
            if u == x or u == y or v == x or v == y or x in adj[u] or y in adj[v]:
                continue
            adj[u].discard(v), adj[v].discard(u), adj[x].discard(y), adj[y].discard(x)
            adj[u].add(x), adj[x].add(u), adj[v].add(y), adj[y].add(v)
            edges[i], edges[j] = (u, x), (v, y)
            done += 1
    return edges, origin, done


def permute_sectors(G: nx.Graph, seed: Seed = DEFAULT_SEED, attr: str = "sector") -> nx.Graph:
    """A copy of `G` with the sector labels randomly permuted among the nodes.

    Parameters
    ----------
    G : networkx graph
        Graph whose nodes carry `attr`.
    seed : int, numpy.random.Generator or None
        Randomness; the same seed gives the same labelling. The default 0
        (the one seed default of helixnet, since 0.2; None before) makes
        repeated calls identical; None draws fresh entropy.
    attr : str
        Node attribute to permute.

    Returns
    -------
    networkx graph
        Same nodes, edges and data, labels shuffled (so each sector keeps its
        number of nodes).

    Raises
    ------
    InvalidGraphError
        If a node lacks `attr`.

    See Also
    --------
    rewire : the degree-preserving null model.

    Examples
    --------
    >>> import networkx as nx
    >>> G = nx.path_graph(4)
    >>> nx.set_node_attributes(G, dict(enumerate("UGGI")), "sector")
    >>> H = permute_sectors(G, seed=0)
    >>> sorted(nx.get_node_attributes(H, "sector").values())
    ['G', 'G', 'I', 'U']
    """
    labels = []
    for v, data in G.nodes(data=True):
        if attr not in data:
            raise InvalidGraphError(f"node {v!r} has no {attr!r} attribute")
        labels.append(data[attr])
    order = rng_from_seed(seed).permutation(len(labels))
    H = G.copy()
    for v, k in zip(H.nodes, order):
        H.nodes[v][attr] = labels[k]
    return H


@renamed_parameters(n="n_resamples")
@actor_graph
def significance(
    G: nx.Graph,
    metrics: Sequence[str] | Mapping[str, Callable[[nx.Graph], float]] | None = None,
    n_resamples: int = 199,
    seed: int | None = DEFAULT_SEED,
    model: Literal["rewire", "permute"] = "rewire",
    alternative: Alternative = "two-sided",
    weight: str | None = "weight",
    progress: bool = False,
    reading: Reading | None = None,
) -> pd.DataFrame:
    r"""z-scores and Monte Carlo p-values of subordination indicators under a null model.

    For an indicator with observed value :math:`T` and null replicates
    :math:`T_1, \dots, T_n` (those that are defined, :math:`n'` of them),
    with mean :math:`\bar T` and standard deviation :math:`s`:

    .. math::

        z = \frac{T - \bar T}{s}, \qquad
        p_{\text{greater}} = \frac{1 + \#\{i : T_i \ge T\}}{n' + 1}, \qquad
        p_{\text{less}} = \frac{1 + \#\{i : T_i \le T\}}{n' + 1},

        p_{\text{two-sided}} = \min\big(1,\; 2 \min(p_{\text{less}}, p_{\text{greater}})\big).

    Parameters
    ----------
    G : networkx.Graph or networkx.DiGraph
        Actor graph.
    metrics : None, sequence of str, or dict
        ``None``: every indicator of
        :func:`helixnet.networks.subordination_metrics`; a sequence:
        a subset of their names; a dict: ``name -> function(graph) -> float``.
    n_resamples : int
        Number of null replicates (>= 1; ``n`` until 0.2: a deprecated alias,
        removed in 0.3).
    seed : int or None
        Seed; the same seed gives an identical table (default 0).
    model : {"rewire", "permute"}
        Degree-preserving rewiring (:func:`rewire`) or sector-label
        permutation (:func:`permute_sectors`).
    alternative : {"two-sided", "greater", "less"}
        Direction of the test ("greater": is the observed value larger than
        chance?).
    weight : str or None
        Edge attribute holding tie strength.
    progress : bool
        Show a progress bar over the replicates (tqdm on stderr, only when
        stderr is a terminal; the command line's ``--quiet`` turns it off).
    reading : {"flows", "relationships"} or None
        How the built-in indicators read ties
        (:func:`helixnet.networks.read_graph`); ignored for a dict of
        user metrics.

    Returns
    -------
    pandas.DataFrame
        One row per metric, columns :data:`SIGNIFICANCE_COLUMNS`: ``metric,
        observed, null_mean, null_sd, z, p_value, n_null`` (``n_null`` the
        number of replicates where the metric was defined). ``z`` is NaN when
        the null distribution has no spread (beyond rounding), ``p_value`` NaN when the
        observed value is. ``attrs`` records model, n (= `n_resamples`), seed
        and alternative.

    Raises
    ------
    HelixnetValueError
        For an unknown model, alternative or metric name, or ``n_resamples < 1``.
    InvalidGraphError
        If `G` is not a valid actor graph, or cannot be rewired (see
        :func:`rewire`).

    See Also
    --------
    rewire, permute_sectors : the null models.
    helixnet.networks.configuration : the verdict the indicators feed.

    Notes
    -----
    The +1 in numerator and denominator counts the observed graph as one
    draw from the null, so p is never 0 and the test is exact for
    exchangeable replicates (Davison & Hinkley 1997, §4.2; North, Curtis &
    Sham 2002). The two-sided p-value doubles the smaller one-sided one,
    as :func:`helixnet.permutation_test` and ``scipy.stats.permutation_test``
    do (Davison & Hinkley 1997, ch. 4); until 0.2 it counted the replicates
    at least as far from the null mean as the observed value, which assumes
    a symmetric null distribution.
    Under ``model="rewire"`` self-loops are removed first (rewiring cannot
    keep them; the built-in indicators ignore them); under ``"permute"`` they
    stay, each on its node's permuted sector, so a user metric that counts
    them sees them. A graph where
    few swaps are possible yields a null close to the observed graph; see
    :func:`rewire`. Comparisons allow a relative :math:`10^{-12}` for rounding. Replicate
    *i* uses the *i*-th child of ``numpy.random.SeedSequence(seed)``.

    References
    ----------
    .. [1] North, B. V., Curtis, D. & Sham, P. C. (2002). A note on the
       calculation of empirical P values from Monte Carlo procedures. American
       Journal of Human Genetics 71(2), 439–441. doi:10.1086/341527
    .. [2] Maslov, S. & Sneppen, K. (2002). Specificity and stability in
       topology of protein networks. Science 296(5569), 910–913.
       doi:10.1126/science.1065103
    .. [3] Davison, A. C. & Hinkley, D. V. (1997). Bootstrap Methods and
       their Application, ch. 4. Cambridge University Press.
       doi:10.1017/CBO9780511802843

    Examples
    --------
    In the statist archetype the ministries broker far more of the ties
    between other sectors than randomly chosen nodes would:

    >>> from helixnet.networks._configuration import archetype_graph
    >>> G = archetype_graph("statist", seed=0)
    >>> t = significance(G, metrics=["g_brokerage"], n_resamples=19, seed=1, model="permute",
    ...                  alternative="greater")
    >>> list(t.columns)
    ['metric', 'observed', 'null_mean', 'null_sd', 'z', 'p_value', 'n_null']
    >>> float(t.loc[0, "p_value"])  # observed exceeds all 19 replicates: 1/20
    0.05
    """
    import networkx as nx

    from helixnet.networks._configuration import INDICATORS, subordination_metrics

    if model not in NULL_MODELS:
        raise HelixnetValueError(f"model={model!r} is unknown; expected one of {', '.join(NULL_MODELS)}")
    if alternative not in _ALTERNATIVES:
        raise HelixnetValueError(f"alternative={alternative!r} is unknown; expected one of {', '.join(_ALTERNATIVES)}")
    n, seed = check_count(n_resamples, "n_resamples"), check_seed(seed, generator=False)
    if isinstance(metrics, dict):
        names = list(metrics)

        def evaluate(H):
            return {k: float(f(H)) for k, f in metrics.items()}

    else:
        names = list(INDICATORS) if metrics is None else list(metrics)
        unknown = [m for m in names if m not in INDICATORS]
        if unknown:
            raise HelixnetValueError(f"unknown metric(s) {', '.join(map(repr, unknown))}; expected among {', '.join(INDICATORS)}")

        def evaluate(H):
            values = subordination_metrics(H, reading=reading, weight=weight)
            return {k: values[k] for k in names}

    G = G.copy()
    if model == "rewire":  # rewiring has no self-loops to move; the built-in indicators ignore them
        G.remove_edges_from(list(nx.selfloop_edges(G)))
    observed = evaluate(G)
    children = np.random.SeedSequence(seed).spawn(int(n))
    null = {k: [] for k in names}
    for child in progress_bar(children, len(children), progress, f"null model ({model})"):
        rng = np.random.default_rng(child)
        H = rewire(G, seed=rng, weight=weight) if model == "rewire" else permute_sectors(G, seed=rng)
        for k, v in evaluate(H).items():
            null[k].append(v)

    rows = []
    for k in names:
        x = np.asarray(null[k], dtype=float)
        x = x[np.isfinite(x)]
        obs = float(observed[k])
        mean = float(x.mean()) if x.size else math.nan
        sd = float(x.std(ddof=1)) if x.size > 1 else math.nan
        spread = sd > 1e-12 * max(1.0, abs(mean))  # no spread beyond rounding
        z = (obs - mean) / sd if spread and math.isfinite(obs) else math.nan
        rows.append(
            {
                "metric": k,
                "observed": obs,
                "null_mean": mean,
                "null_sd": sd,
                "z": z,
                "p_value": _p_value(obs, x, alternative),
                "n_null": int(x.size),
            }
        )
    table = pd.DataFrame(rows, columns=list(SIGNIFICANCE_COLUMNS)).astype({"metric": object})
    table.attrs.update({"model": model, "n": int(n), "seed": seed, "alternative": alternative})
    return table


def _p_value(obs, x, alternative):
    if not math.isfinite(obs) or x.size == 0:
        return math.nan
    return monte_carlo_p(*tail_counts(obs, x), x.size, alternative)
