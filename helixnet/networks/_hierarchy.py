"""Hierarchy and feedback in actor graphs.

Krackhardt's (1994) four dimensions of informal organisation (hierarchy,
connectedness, efficiency, least-upper-boundedness) computed as R's sna 2.7
computes them, Luo and Magee's flow hierarchy and Mones et al.'s global
reaching centrality (via networkx), edgewise reciprocity (sna's
``grecip(measure="edgewise")``) and its weighted form (Squartini et al.
2013), and Krackhardt and Stern's E–I index per group.

A graph that is a pure chain of command (a DAG) scores hierarchy 1 and
reciprocity 0; a graph in which every tie is returned scores hierarchy 0 and
reciprocity 1: "lack of feedback" is low reciprocity.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import TYPE_CHECKING, TypeVar, cast

from helixnet._result import MeasureDict
from helixnet._validation import check_actor_graph
from helixnet.exceptions import InvalidGraphError
from helixnet.networks._matrix import binary, group_codes, grouped_graph, tie_matrix

if TYPE_CHECKING:
    import networkx as nx
    import pandas as pd

_F = TypeVar("_F", bound=Callable[..., dict[str, float]])

__all__ = ["hierarchy", "ei_index", "HIERARCHY_KEYS", "HierarchyResult"]

#: Keys of the mapping :func:`hierarchy` returns, in order.
HIERARCHY_KEYS = (
    "krackhardt",
    "connectedness",
    "efficiency",
    "lub",
    "flow",
    "flow_weighted",
    "global_reaching",
    "global_reaching_weighted",
    "reciprocity",
    "reciprocity_weighted",
)

_NAN = float("nan")


class HierarchyResult(MeasureDict):
    """The measures of :func:`hierarchy`: a dict ``{measure: value}`` with the result protocol.

    Keys :data:`HIERARCHY_KEYS` in that order, float values (NaN where a
    measure is undefined). Everything a dict does works (``h["krackhardt"]``,
    ``dict(h)``, iteration, equality with a dict); ``to_frame()`` gives
    one row per measure (columns ``metric``, ``value``) and ``to_dict()``
    a plain dict with NaN as None.
    """

    __slots__ = ()


def _weighted_graph(func: _F) -> _F:
    """Decorator: validate ``G`` and ``weight`` (no node attribute is needed)."""

    @functools.wraps(func)
    def wrapper(G: nx.Graph, weight: str | None = "weight") -> dict[str, float]:
        check_actor_graph(G, attr=None, weight=weight)
        return func(G, weight=weight)

    return cast("_F", wrapper)


# --------------------------------------------------------------------------
# reachability on the condensation
# --------------------------------------------------------------------------


def _reach_sets(A):
    """Strong components of 0/1 CSR `A` and, per component, the nodes it reaches.

    Returns ``(labels, reach, roots)``: the strong component of each node,
    a list of Python-int bitsets (bit v set when component c reaches node v,
    its own members included: sna's reachability has a unit diagonal) and
    the indices of the root components (no arcs in from other components).
    """
    import networkx as nx
    import numpy as np
    from scipy.sparse.csgraph import connected_components

    n = A.shape[0]
    ncomp, labels = connected_components(A, directed=True, connection="strong")
    coo = A.tocoo()
    cross = labels[coo.row] != labels[coo.col]
    dag = nx.DiGraph()
    dag.add_nodes_from(range(ncomp))
    dag.add_edges_from(zip(labels[coo.row[cross]].tolist(), labels[coo.col[cross]].tolist()))
    reach = [0] * ncomp
    for v in range(n):
        reach[labels[v]] |= 1 << v
    for c in reversed(list(nx.topological_sort(dag))):
        for s in dag.successors(c):
            reach[c] |= reach[s]
    roots = np.array([c for c in range(ncomp) if dag.in_degree(c) == 0], dtype=np.int64)
    return labels, reach, roots


def _bits_to_bool(bits, n):
    import numpy as np

    raw = np.frombuffer(bits.to_bytes((n + 7) // 8 or 1, "little"), dtype=np.uint8)
    return np.unpackbits(raw, bitorder="little")[:n].astype(bool)


def _krackhardt(A, labels, reach):
    """1 - mutual / (mutual + asymmetric) dyads of the reachability relation."""
    import numpy as np

    sizes = np.bincount(labels)
    reached = np.array([r.bit_count() for r in reach], dtype=np.int64)
    ordered = int(np.sum(sizes * (reached - 1)))  # ordered pairs i != j with i reaching j
    mutual = int(np.sum(sizes * (sizes - 1) // 2))
    nonnull = ordered - mutual
    return 1.0 - mutual / nonnull if nonnull else _NAN


def _weak_sizes(A):
    import numpy as np
    from scipy.sparse.csgraph import connected_components

    _, weak = connected_components(A, directed=True, connection="weak")
    return weak, np.bincount(weak)


def _lub(A, labels, reach, roots, weak, block=1024):
    """sna's lubness: 1 - violations / sum over weak components of C(s-1, 2).

    A pair (i, j) has a least upper bound exactly when one root strong
    component reaches both: every common upper bound (a node reaching i
    and j) has a root ancestor that is also one, and only a root component
    can reach every upper bound, including its own ancestors.
    """
    import numpy as np

    n = A.shape[0]
    sizes = np.bincount(weak)
    big = np.flatnonzero(sizes > 2)
    if big.size == 0:
        return _NAN
    R = np.array([_bits_to_bool(reach[c], n) for c in roots], dtype=np.float32).reshape(len(roots), n)
    violations = 0
    for comp in big:
        members = np.flatnonzero(weak == comp)
        Rc = R[:, members]
        Rc = Rc[Rc.any(axis=1)]  # roots of this component
        s = members.size
        for start in range(0, s, block):
            K = Rc[:, start : start + block].T @ Rc  # roots reaching both i and j
            rows = np.arange(start, min(start + block, s))
            upper = np.arange(s)[None, :] > rows[:, None]
            violations += int(np.count_nonzero((K != 1) & upper))
    maxv = float(np.sum((sizes[big] - 1) * (sizes[big] - 2) / 2))
    return 1.0 - violations / maxv


def _nx_or_nan(func, *args, **kwargs):
    import warnings

    import networkx as nx

    try:
        with warnings.catch_warnings():
            # networkx 3.4's global_reaching_centrality calls its own shortest_path in
            # the form it announces will change in 3.5; the result is unaffected
            warnings.filterwarnings("ignore", message=r"\s*shortest_path will return", category=FutureWarning)
            return float(func(*args, **kwargs))
    except (nx.NetworkXError, ZeroDivisionError):
        return _NAN


@_weighted_graph
def hierarchy(G: nx.Graph, weight: str | None = "weight") -> dict[str, float]:
    r"""Measure how hierarchical (and how little reciprocated) a graph is.

    With :math:`R` the reachability relation (:math:`i R j` when a directed
    path leads from *i* to *j*), *m* the number of ties (off-diagonal,
    dichotomised) and the weak components of sizes :math:`s_c`:

    .. math::

        \mathrm{krackhardt} &= 1 - \frac{\#\{i<j : iRj \wedge jRi\}}
                                   {\#\{i<j : iRj \vee jRi\}} \\
        \mathrm{connectedness} &= \sum_c \binom{s_c}{2} \Big/ \binom{N}{2} \\
        \mathrm{efficiency} &= 1 - \frac{m - \sum_c (s_c - 1)}{\sum_c (s_c - 1)^2} \\
        \mathrm{lub} &= 1 - \frac{\#\{i<j \text{ in one weak component, no least upper bound}\}}
                                {\sum_{c : s_c > 2} \binom{s_c - 1}{2}} \\
        \mathrm{reciprocity} &= \frac{\#\{(i,j) : i \to j \wedge j \to i\}}{m}, \qquad
        \mathrm{reciprocity\_weighted} = \frac{\sum_{i \ne j} \min(w_{ij}, w_{ji})}{\sum_{i \ne j} w_{ij}}

    ``flow`` is the share of ties on no directed cycle (networkx
    :func:`~networkx.algorithms.hierarchy.flow_hierarchy`; ``flow_weighted``
    the share of tie weight), and ``global_reaching`` networkx's
    :func:`~networkx.algorithms.centrality.global_reaching_centrality`,
    :math:`\sum_v (C_R^{\max} - C_R(v)) / (N-1)` with :math:`C_R(v)` the share
    of nodes *v* reaches (computed here from the reachability sets, equal to
    networkx's value); ``global_reaching_weighted`` passes `weight`, so
    :math:`C_R(v)` averages, over the nodes *v* reaches, the mean tie weight on
    the shortest path to each (path length :math:`\sum W / w`, weights
    normalised by their mean).

    Parameters
    ----------
    G : networkx.Graph
        Directed, or undirected (each edge is a tie both ways, so an
        undirected graph is fully reciprocal and has hierarchy 0).
        Multigraph edges are merged (weights summed).
    weight : str or None, default "weight"
        Edge attribute for the weighted forms; an edge of weight 0 is no
        tie for every measure. ``None`` gives every edge weight 1, so the
        weighted forms equal the unweighted ones.

    Returns
    -------
    HierarchyResult
        A dict with the result protocol (``to_frame``, ``to_dict``). Keys
        :data:`HIERARCHY_KEYS` in that order, float values: krackhardt,
        connectedness, efficiency, lub, flow, flow_weighted, global_reaching,
        global_reaching_weighted, reciprocity, reciprocity_weighted. A
        measure undefined on `G` (e.g. reciprocity without ties) is NaN.

    Raises
    ------
    HelixnetTypeError
        If `G` is not a networkx graph.
    InvalidGraphError
        If an edge weight is not a finite number >= 0.

    See Also
    --------
    ei_index : the E–I index of each group's ties.
    helixnet.networks.brokerage : who brokers between groups.

    Notes
    -----
    ``krackhardt``, ``connectedness``, ``efficiency``, ``lub`` and
    ``reciprocity`` reproduce sna 2.7's ``hierarchy(measure="krackhardt")``,
    ``connectedness()``, ``efficiency()``, ``lubness()`` and
    ``grecip(measure="edgewise")`` (tested against values R generated,
    ``tests/reference/sna_reference.R``), including their conventions:

    * self-loops are ignored by every measure here;
    * connectedness, efficiency and lub are computed per *weak* component
      (sna's ``component.dist(connected="weak")``); efficiency's required
      edges are a spanning tree per component and its maximum
      :math:`\sum_c s_c(s_c-1) - (s_c-1)`; a graph of isolates has
      efficiency NaN (0/0), a graph with no weak component larger than two
      nodes has lub NaN, and a graph of at most one node connectedness 1;
    * lub counts violations over all pairs of a component but normalises by
      :math:`\binom{s_c-1}{2}`, as sna does; an upper bound of *i* and *j* is
      a node reaching both (each node reaches itself), and a least one is an
      upper bound that reaches all others;
    * krackhardt is NaN when no node reaches another.

    One deliberate difference: sna's ``efficiency()`` sums the *values* of
    a valued sociomatrix as its edge count; here ties are always counted
    (on 0/1 graphs the two agree).

    Flow hierarchy and global reaching centrality are NaN on a graph without
    ties (networkx raises there).

    Cost: everything except ``global_reaching_weighted`` runs on the
    condensation and sparse matrices (about 0.2 s for 3,000 nodes and 18,000
    ties); ``global_reaching_weighted`` calls networkx's all-pairs Dijkstra in
    pure Python, :math:`O(N M \log N)`, which takes about a minute at that
    size.

    References
    ----------
    .. [1] Krackhardt, D. (1994). Graph theoretical dimensions of informal
       organizations. In K. M. Carley and M. J. Prietula (eds.),
       *Computational Organization Theory*, pp. 89–111. Hillsdale, NJ:
       Lawrence Erlbaum. ISBN 0-8058-1406-4.
    .. [2] Luo, J. and Magee, C. L. (2011). Detecting evolving patterns of
       self-organizing networks by flow hierarchy measurement. *Complexity*
       16(6): 53–61. https://doi.org/10.1002/cplx.20368
    .. [3] Mones, E., Vicsek, L. and Vicsek, T. (2012). Hierarchy measure for
       complex networks. *PLoS ONE* 7(3): e33799.
       https://doi.org/10.1371/journal.pone.0033799
    .. [4] Squartini, T., Picciolo, F., Ruzzenenti, F. and Garlaschelli, D.
       (2013). Reciprocity of weighted networks. *Scientific Reports* 3: 2729.
       https://doi.org/10.1038/srep02729
    .. [5] Butts, C. T. (2008). Social network analysis with sna. *Journal of
       Statistical Software* 24(6). https://doi.org/10.18637/jss.v024.i06

    Examples
    --------
    A chain of command (government directs a university and a firm, the
    university also directs the firm) is a DAG: every reachable pair is
    reachable one way only, so Krackhardt hierarchy is 1, and no tie is
    returned.

    >>> import networkx as nx
    >>> from helixnet.networks._hierarchy import hierarchy
    >>> G = nx.DiGraph([("G", "U"), ("G", "I"), ("U", "I")])
    >>> h = hierarchy(G)
    >>> h["krackhardt"], h["reciprocity"], h["flow"]
    (1.0, 0.0, 1.0)

    Efficiency is 0.75: a spanning tree needs 2 ties, so 1 of the at most
    :math:`3 \cdot 2 - 2 = 4` surplus ties is present. Returning one tie
    creates a cycle G -> U -> G: one of the three reachable pairs becomes
    mutual, and two of the four ties (G -> U, U -> G) are reciprocated.

    >>> h["efficiency"]
    0.75
    >>> G.add_edge("U", "G")
    >>> h = hierarchy(G)
    >>> h["krackhardt"], h["reciprocity"]
    (0.6666666666666667, 0.5)
    """
    import networkx as nx
    import numpy as np

    nodes, W = tie_matrix(G, weight)
    n = len(nodes)
    W = W.tolil()
    W.setdiag(0)
    W = W.tocsr()
    W.eliminate_zeros()
    A = binary(W)
    m = A.nnz
    out = HierarchyResult.fromkeys(HIERARCHY_KEYS, _NAN)
    if n == 0:
        return out

    labels, reach, roots = _reach_sets(A)
    weak, sizes = _weak_sizes(A)
    out["krackhardt"] = _krackhardt(A, labels, reach)
    out["connectedness"] = (
        1.0 if n <= 1 else float(np.sum(sizes * (sizes - 1) / 2) / (n * (n - 1) / 2))
    )
    maxv = float(np.sum((sizes - 1) ** 2))
    out["efficiency"] = 1.0 - (m - float(np.sum(sizes - 1))) / maxv if maxv else _NAN
    out["lub"] = _lub(A, labels, reach, roots, weak)

    D = nx.DiGraph()
    D.add_nodes_from(range(n))
    coo = W.tocoo()
    D.add_weighted_edges_from(zip(coo.row.tolist(), coo.col.tolist(), coo.data.tolist()))
    out["flow"] = _nx_or_nan(nx.flow_hierarchy, D)
    out["flow_weighted"] = _nx_or_nan(nx.flow_hierarchy, D, weight="weight")
    if m and n > 1:
        # unweighted local reaching centrality = share of other nodes reached
        # (networkx's definition), read off the reachability bitsets
        reached = np.array([reach[c].bit_count() - 1 for c in labels], dtype=float) / (n - 1)
        out["global_reaching"] = float(np.sum(reached.max() - reached) / (n - 1))
    if m and coo.data.min() == coo.data.max():
        # equal weights normalise to 1: the weighted form is the unweighted one
        out["global_reaching_weighted"] = out["global_reaching"]
    else:
        out["global_reaching_weighted"] = _nx_or_nan(nx.global_reaching_centrality, D, weight="weight")

    if m:
        out["reciprocity"] = float(A.multiply(A.T).nnz / m)
        total = float(W.sum())
        out["reciprocity_weighted"] = float(W.minimum(W.T).sum() / total) if total else _NAN
    return out


@grouped_graph
def ei_index(G: nx.Graph, attr: str = "sector", weight: str | None = "weight") -> pd.DataFrame:
    r"""Krackhardt and Stern's E–I index of each group and of the whole graph.

    With :math:`I_g` the ties inside group *g* and :math:`E_g` the ties with
    exactly one end in *g* (sent or received):

    .. math::

        \mathrm{EI}_g = \frac{E_g - I_g}{E_g + I_g} \in [-1, 1],

    +1 when all of a group's ties leave it, -1 when all stay inside. The
    whole-graph row uses all internal and all between-group ties (each
    counted once). The ``_weight`` columns repeat this with tie weights
    summed instead of ties counted.

    Parameters
    ----------
    G : networkx.Graph
        Directed or undirected; multigraph edges are merged (weights summed).
    attr : str, default "sector"
        Node attribute holding the group; any hashable value.
    weight : str or None, default "weight"
        Edge attribute for the weighted columns; an edge of weight 0 is no
        tie. ``None`` gives every edge weight 1.

    Returns
    -------
    pandas.DataFrame
        Indexed by group (index name ``"group"``; sector codes in U, I, G,
        O order, other labels in order of first appearance) plus a last row
        ``"all"`` for the whole graph, with columns ``n_nodes, internal,
        external`` (int64), ``ei_index``, ``internal_weight``,
        ``external_weight``, ``ei_index_weighted`` (float; the indices are
        NaN for a group without ties).

    Raises
    ------
    InvalidGraphError
        If a node lacks `attr` (or its value is unhashable or NaN), a group
        is literally named ``"all"``, or an edge weight is not a finite
        number >= 0.
    HelixnetTypeError
        If `G` is not a networkx graph.

    See Also
    --------
    hierarchy : reciprocity and hierarchy of the whole graph.

    Notes
    -----
    Directed ties count once per direction: a reciprocated pair is two ties,
    each assigned to both its ends' groups. Undirected edges count once.
    Self-loops are not ties between actors and are ignored. Because every
    between-group tie is external to two groups, the ``"all"`` row is not a
    sum of the group rows.

    References
    ----------
    .. [1] Krackhardt, D. and Stern, R. N. (1988). Informal networks and
       organizational crises: an experimental simulation. *Social Psychology
       Quarterly* 51(2): 123–140. https://doi.org/10.2307/2786835

    Examples
    --------
    Universities that tie only to government and a government that also
    ties to itself: U ties all leave (EI = +1); G has one internal tie and
    two external ones, EI = (2 - 1)/3.

    >>> import networkx as nx
    >>> from helixnet.networks._hierarchy import ei_index
    >>> G = nx.DiGraph([("u1", "g1"), ("u2", "g1"), ("g1", "g2")])
    >>> nx.set_node_attributes(G, {"u1": "U", "u2": "U", "g1": "G", "g2": "G"}, "sector")
    >>> ei_index(G)[["internal", "external", "ei_index"]]
           internal  external  ei_index
    group
    U             0         2  1.000000
    G             1         2  0.333333
    all           1         2  0.333333
    """
    import numpy as np
    import pandas as pd

    nodes, W = tie_matrix(G, weight)
    codes, groups = group_codes(G, nodes, attr)
    if any(isinstance(g, str) and g == "all" for g in groups):
        raise InvalidGraphError(f"a group in {attr!r} is named 'all', which names the whole-graph row")
    k = len(groups)
    coo = W.tocoo()
    keep = coo.row != coo.col
    if not G.is_directed():
        keep &= coo.row < coo.col
    src, dst, w = codes[coo.row[keep]], codes[coo.col[keep]], coo.data[keep]
    inside = src == dst
    internal = np.bincount(src[inside], minlength=k)
    internal_w = np.bincount(src[inside], weights=w[inside], minlength=k)
    external = np.bincount(src[~inside], minlength=k) + np.bincount(dst[~inside], minlength=k)
    external_w = np.bincount(src[~inside], weights=w[~inside], minlength=k) + np.bincount(
        dst[~inside], weights=w[~inside], minlength=k
    )
    sizes = np.bincount(codes, minlength=k)
    internal = np.append(internal, inside.sum())
    external = np.append(external, (~inside).sum())
    internal_w = np.append(internal_w, w[inside].sum())
    external_w = np.append(external_w, w[~inside].sum())
    with np.errstate(divide="ignore", invalid="ignore"):
        ei = (external - internal) / (external + internal)
        ei_w = (external_w - internal_w) / (external_w + internal_w)
    index = pd.Index(list(groups) + ["all"], name="group", dtype=object)
    return pd.DataFrame(
        {
            "n_nodes": np.append(sizes, len(nodes)).astype(np.int64),
            "internal": internal.astype(np.int64),
            "external": external.astype(np.int64),
            "ei_index": ei.astype(float),
            "internal_weight": internal_w.astype(float),
            "external_weight": external_w.astype(float),
            "ei_index_weighted": ei_w.astype(float),
        },
        index=index,
    )
