"""Gould–Fernandez brokerage roles, as computed by R's sna package.

A node *b* brokers an open two-path :math:`a \\to b \\to c` (three distinct
nodes, no tie :math:`a \\to c`). Gould and Fernandez (1989) classify the
two-path by the group memberships of *a*, *b* and *c*:

==============  ====================  ===========  ====================
role            sna column            pattern      meaning
==============  ====================  ===========  ====================
coordinator     ``w_I``               [a b c]      all in one group
itinerant       ``w_O``               [a c] [b]    outside broker
representative  ``b_IO``              [a b] [c]    b speaks for a's group
gatekeeper      ``b_OI``              [a] [b c]    b screens for c's group
liaison         ``b_O``               [a] [b] [c]  three different groups
==============  ====================  ===========  ====================

Counts match sna 2.7's ``brokerage(g, cl)`` exactly (tested against values R
generated, ``tests/reference/sna_reference.R``); expected counts, standard
deviations and z-scores follow the same code.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from helixnet.networks._matrix import binary, group_codes, grouped_graph, tie_matrix

if TYPE_CHECKING:
    import networkx as nx
    import pandas as pd

__all__ = ["brokerage", "brokerage_test", "sector_brokerage", "brokerage_global", "ROLES"]

#: Role names, in sna's column order (``w_I, w_O, b_IO, b_OI, b_O``).
ROLES = ("coordinator", "itinerant", "representative", "gatekeeper", "liaison")
_ROLES_T = ROLES + ("total",)


# --------------------------------------------------------------------------
# preconditions and shared helpers (also used by helixnet.hierarchy)
# --------------------------------------------------------------------------


def _raw_counts(A, codes, k):
    """Role counts (n x 6: five roles then total) for 0/1 adjacency `A` without loops.

    ``C[j, g1, g2]`` counts open two-paths a->j->c with a in g1 and c in g2:

    .. math::

        C_{j g_1 g_2} = \\mathrm{in}_{g_1}(j)\\,\\mathrm{out}_{g_2}(j)
          - [g_1 = g_2]\\,\\mathrm{mut}_{g_1}(j)
          - \\sum_{a \\in g_1} A_{aj} \\#\\{c \\in g_2 : A_{ac} A_{jc}\\}

    (all pairs in-neighbour x out-neighbour, minus a = c, minus closed
    two-paths). The last term is evaluated on the edges a->j only.
    """
    import numpy as np
    import scipy.sparse as sp

    n = A.shape[0]
    E = sp.csr_array((np.ones(n, dtype=np.int64), (np.arange(n), codes)), shape=(n, k))
    indeg = (A.T @ E).toarray()  # n x k: in-neighbours of j in each group
    outdeg = (A @ E).toarray()  # n x k: out-neighbours of j in each group
    mutual = (A.multiply(A.T) @ E).toarray()  # n x k: reciprocated neighbours
    C = indeg[:, :, None] * outdeg[:, None, :]
    C[:, np.arange(k), np.arange(k)] -= mutual
    coo = A.tocoo()
    a, j = coo.row, coo.col
    if a.size:
        A_csr = sp.csr_array(A)
        common = (A_csr[a].multiply(A_csr[j]) @ E).toarray()  # per edge a->j, per group of c
        closed = np.zeros((n, k, k), dtype=np.int64)
        np.add.at(closed, (j, codes[a]), common)
        C -= closed
    own = codes
    idx = np.arange(n)
    coordinator = C[idx, own, own]
    representative = C[idx, own, :].sum(axis=1) - coordinator
    gatekeeper = C[idx, :, own].sum(axis=1) - coordinator
    itinerant = np.trace(C, axis1=1, axis2=2) - coordinator
    total = C.sum(axis=(1, 2))
    liaison = total - coordinator - representative - gatekeeper - itinerant
    return np.column_stack([coordinator, itinerant, representative, gatekeeper, liaison, total])


def _null_moments(sizes, N, m):
    """sna's Gould–Fernandez null: per-group expected counts and variances (k x 6),
    and global expected counts and variances (6,), for group sizes `sizes`, `N`
    nodes and `m` ties (sna counts self-loops in `m`)."""
    import numpy as np

    n = np.asarray(sizes, dtype=float)
    N = np.float64(N)
    k = n.size
    with np.errstate(divide="ignore", invalid="ignore"):
        d = np.float64(m) / (N * (N - 1))
    p = d**2 * (1 - d)  # probability of an open two-path on an ordered triple
    q3 = d**3 * (1 - d) ** 3
    q4 = d**4 * (1 - d) ** 2
    q5 = d**5 * (1 - d)

    def choose2(x):
        return x * (x - 1) / 2

    ebr = np.zeros((k, 6))
    vbr = np.zeros((k, 6))
    for i in range(k):
        ni = n[i]
        other = np.delete(n, i)
        ebr[i, 0] = p * (ni - 1) * (ni - 2)
        vbr[i, 0] = ebr[i, 0] * (1 - p) + 2 * (ni - 1) * (ni - 2) * (ni - 3) * q3
        ebr[i, 1] = p * np.sum(other * (other - 1))
        vbr[i, 1] = ebr[i, 1] * (1 - p) + 2 * np.sum(other * (other - 1) * (other - 2)) * q3
        ebr[i, 2] = p * (N - ni) * (ni - 1)
        vbr[i, 2] = ebr[i, 2] * (1 - p) + 2 * (
            (ni - 1) * choose2(N - ni) + (N - ni) * choose2(ni - 1)
        ) * q3
        ebr[i, 3] = ebr[i, 2]
        vbr[i, 3] = vbr[i, 2]
        ebr[i, 4] = p * (np.sum(np.outer(other, other)) - np.sum(other**2))
        vbr[i, 4] = ebr[i, 4] * (1 - p) + 4 * np.sum(other * choose2(N - other - ni) * q3)
        ebr[i, 5] = p * (N - 1) * (N - 2)
        vbr[i, 5] = ebr[i, 5] * (1 - p) + 2 * (N - 1) * (N - 2) * (N - 3) * q3

    x, y = n[:, None], n[None, :]
    eg = np.zeros(6)
    vg = np.zeros(6)
    eg[0] = p * np.sum(n * (n - 1) * (n - 2))
    vg[0] = eg[0] * (1 - p) + np.sum(
        n * (n - 1) * (n - 2) * ((4 * n - 10) * q3 - 4 * (n - 3) * q4 + (n - 3) * q5)
    )
    eg[1] = p * np.sum(n * (N - n) * (n - 1))
    vg[1] = eg[1] * (1 - p) + (
        np.sum(x * y * (x - 1) * ((2 * x + 2 * y - 6) * q3 + (N - x - 1) * q5))
        - np.sum(n * n * (n - 1) * ((4 * n - 6) * q3 + (N - n - 1) * q5))
    )
    eg[2] = p * np.sum(n * (N - n) * (n - 1))
    vg[2] = eg[2] * (1 - p) + np.sum(n * (N - n) * (n - 1) * ((N - 3) * q3 + (n - 2) * q5))
    eg[3] = eg[2]
    vg[3] = vg[2]
    eg[4] = p * (np.sum(x * y * (N - x - y)) - np.sum(n * n * (N - 2 * n)))
    vg[4] = eg[4] * (1 - p)
    for i in range(k):
        for j in range(k):
            for h in range(k):
                if i != j and j != h and i != h:
                    vg[4] += n[i] * n[j] * n[h] * (
                        (4 * (N - n[j]) - 2 * (n[i] + n[h] + 1)) * q3
                        - (4 * (N - n[h]) - 2 * (n[i] + n[j] + 1)) * q4
                        + (N - (n[i] + n[h] + 1)) * q5
                    )
    eg[5] = p * N * (N - 1) * (N - 2)
    vg[5] = eg[5] * (1 - p) + N * (N - 1) * (N - 2) * (
        (4 * N - 10) * q3 - 4 * (N - 3) * q4 + (N - 3) * q5
    )
    return ebr, vbr, eg, vg


def _compute(G, attr, weight):
    """Everything sna's ``brokerage()`` returns, as numpy arrays."""
    import numpy as np

    nodes, W = tie_matrix(G, weight)
    codes, groups = group_codes(G, nodes, attr)
    k = len(groups)
    A = binary(W)
    raw = _raw_counts(A, codes, k) if nodes else np.zeros((0, 6), dtype=np.int64)
    sizes = np.bincount(codes, minlength=k)
    with np.errstate(divide="ignore", invalid="ignore"):  # N < 3: NaN moments, as in sna
        ebr, vbr, eg, vg = _null_moments(sizes, len(nodes), W.nnz)
        exp_nli = ebr[codes]
        sd_nli = np.sqrt(vbr[codes])
        z_nli = (raw - exp_nli) / sd_nli
        raw_gli = raw.sum(axis=0)
        sd_gli = np.sqrt(vg)
        z_gli = (raw_gli - eg) / sd_gli
    return {
        "nodes": nodes,
        "codes": codes,
        "groups": groups,
        "raw": raw,
        "exp": exp_nli,
        "sd": sd_nli,
        "z": z_nli,
        "exp_group": ebr,
        "raw_gli": raw_gli,
        "exp_gli": eg,
        "sd_gli": sd_gli,
        "z_gli": z_gli,
    }


# --------------------------------------------------------------------------
# public API
# --------------------------------------------------------------------------


@grouped_graph
def brokerage(G: nx.Graph, attr: str = "sector", weight: str | None = "weight") -> pd.DataFrame:
    r"""Count each node's Gould–Fernandez brokerage roles.

    For a broker *b*, every ordered pair (*a*, *c*) with :math:`a \to b \to c`,
    *a*, *b*, *c* distinct and no tie :math:`a \to c` is one open two-path,
    assigned to one role by the groups :math:`g(\cdot)` of its ends:

    .. math::

        \mathrm{coordinator}_b &= \#\{(a,c) : g(a) = g(b) = g(c)\} \\
        \mathrm{itinerant}_b &= \#\{(a,c) : g(a) = g(c) \ne g(b)\} \\
        \mathrm{representative}_b &= \#\{(a,c) : g(a) = g(b) \ne g(c)\} \\
        \mathrm{gatekeeper}_b &= \#\{(a,c) : g(a) \ne g(b) = g(c)\} \\
        \mathrm{liaison}_b &= \#\{(a,c) : g(a), g(b), g(c) \text{ all different}\}

    and :math:`\mathrm{total}_b` is their sum. These are sna's ``raw.nli``
    columns ``w_I, w_O, b_IO, b_OI, b_O, t``.

    Parameters
    ----------
    G : networkx.Graph
        Directed or undirected (an undirected edge is a tie both ways);
        multigraph edges are merged.
    attr : str, default "sector"
        Node attribute holding each node's group; any hashable value.
    weight : str or None, default "weight"
        Edge attribute read only to dichotomise: an edge is a tie unless its
        weight is 0. ``None`` makes every edge a tie. Counts never depend on
        the size of a positive weight.

    Returns
    -------
    pandas.DataFrame
        Indexed by node (``G.nodes`` order, index name ``"node"``), with
        columns ``group`` (the node's `attr` value) and the int64 counts
        ``coordinator, itinerant, representative, gatekeeper, liaison,
        total``.

    Raises
    ------
    InvalidGraphError
        If a node lacks `attr`, its value is unhashable or NaN, or an edge
        weight is not a finite number >= 0.
    HelixnetTypeError
        If `G` is not a networkx graph.

    See Also
    --------
    brokerage_test : expected counts and z-scores under Gould–Fernandez's null.
    sector_brokerage : the counts summed by the broker's group.
    brokerage_global : the graph-level test (sna's ``z.gli``).

    Notes
    -----
    Conventions are sna 2.7's (``brokerage_R`` in sna's ``gli.c``): self-loops
    never form two-paths; a reciprocated pair :math:`a \leftrightarrow b` does
    not make :math:`a \to b \to a` a two-path, but :math:`a \leftrightarrow b
    \to c` brokers both :math:`a \to b \to c` and, if :math:`c \to b`,
    :math:`c \to b \to a`; each ordered (*a*, *c*) pair counts once per broker.

    The counts come from adjacency products, not a loop over triples:
    :math:`\mathrm{in}_{g_1}(b)\,\mathrm{out}_{g_2}(b)` pairs, minus pairs with
    :math:`a = c`, minus closed two-paths, the latter counted per edge
    :math:`a \to b` from the common out-neighbours of *a* and *b*; time is
    :math:`O(\sum_{a \to b} (d^+_a + d^+_b))`.

    References
    ----------
    .. [1] Gould, R. V. and Fernandez, R. M. (1989). Structures of mediation:
       a formal approach to brokerage in transaction networks. *Sociological
       Methodology* 19: 89–126. https://doi.org/10.2307/270949
    .. [2] Butts, C. T. (2008). Social network analysis with sna. *Journal of
       Statistical Software* 24(6). https://doi.org/10.18637/jss.v024.i06

    Examples
    --------
    Science reaches business only through government: the ministry is the
    liaison of the one open two-path U -> G -> I.

    >>> import networkx as nx
    >>> from helixnet.networks._brokerage import brokerage
    >>> G = nx.DiGraph([("uni", "ministry"), ("ministry", "firm")])
    >>> nx.set_node_attributes(G, {"uni": "U", "ministry": "G", "firm": "I"}, "sector")
    >>> brokerage(G)[["group", "liaison", "total"]]
             group  liaison  total
    node
    uni          U        0      0
    ministry     G        1      1
    firm         I        0      0

    A direct tie uni -> firm closes the two-path, and the brokerage vanishes.

    >>> G.add_edge("uni", "firm")
    >>> int(brokerage(G)["total"].sum())
    0
    """
    import pandas as pd

    r = _compute(G, attr, weight)
    df = pd.DataFrame(r["raw"], columns=list(_ROLES_T), index=pd.Index(r["nodes"], name="node"))
    df.insert(0, "group", [r["groups"][c] for c in r["codes"]])
    return df


@grouped_graph
def brokerage_test(G: nx.Graph, attr: str = "sector", weight: str | None = "weight") -> pd.DataFrame:
    r"""Compare each node's brokerage counts with Gould–Fernandez's null model.

    Under the null, ties are independent with probability the graph density
    :math:`d = m / (N(N-1))` and group sizes :math:`n_g` are fixed. An open
    two-path on an ordered triple has probability :math:`p = d^2(1-d)`, so for
    a broker in group *g* the expected counts are

    .. math::

        E[\mathrm{coordinator}] &= p (n_g-1)(n_g-2), \qquad
        E[\mathrm{itinerant}] = p \sum_{h \ne g} n_h (n_h-1), \\
        E[\mathrm{representative}] &= E[\mathrm{gatekeeper}] = p (N-n_g)(n_g-1), \\
        E[\mathrm{liaison}] &= p \Big[\big(\sum_{h \ne g} n_h\big)^2 - \sum_{h \ne g} n_h^2\Big], \qquad
        E[\mathrm{total}] = p (N-1)(N-2),

    with the variances of Gould and Fernandez (1989) as sna codes them, and
    :math:`z = (\mathrm{observed} - E) / \mathrm{sd}`.

    Parameters
    ----------
    G : networkx.Graph
        As in :func:`brokerage`.
    attr : str, default "sector"
        Node attribute holding the group.
    weight : str or None, default "weight"
        Edge attribute used only to dichotomise (weight 0 is no tie).

    Returns
    -------
    pandas.DataFrame
        Long format, one row per node and role (roles in the order
        coordinator, itinerant, representative, gatekeeper, liaison, total),
        columns ``node, group, role, observed`` (int64) and ``expected, sd,
        z`` (float; sna's ``exp.nli``, ``sd.nli``, ``z.nli``). ``z`` is NaN
        where sd = 0 and observed = expected, and infinite where only sd = 0.

    Raises
    ------
    InvalidGraphError
        As :func:`brokerage`.
    HelixnetTypeError
        If `G` is not a networkx graph.

    See Also
    --------
    brokerage : the observed counts only, one row per node.
    brokerage_global : the same test on graph-level totals.

    Notes
    -----
    As in sna 2.7, the tie count *m* includes self-loops (diagonal entries
    of the sociomatrix) although loops never form two-paths; an undirected
    edge counts as two ties. With fewer than three nodes the density or the
    variances are undefined and the result is NaN, as in sna.

    References
    ----------
    .. [1] Gould, R. V. and Fernandez, R. M. (1989). Structures of mediation:
       a formal approach to brokerage in transaction networks. *Sociological
       Methodology* 19: 89–126. https://doi.org/10.2307/270949

    Examples
    --------
    In the directed 3-path U -> G -> I -> U the density is 3/6, so every
    ordered triple is an open two-path with probability
    :math:`0.5^2 \cdot 0.5 = 0.125`; a broker has :math:`2 \cdot 1 = 2` ordered
    (a, c) pairs from other groups, hence an expected liaison count of 0.25.

    >>> import networkx as nx
    >>> from helixnet.networks._brokerage import brokerage_test
    >>> G = nx.DiGraph([("u", "g"), ("g", "i"), ("i", "u")])
    >>> nx.set_node_attributes(G, {"u": "U", "g": "G", "i": "I"}, "sector")
    >>> t = brokerage_test(G)
    >>> t[(t.node == "g") & (t.role == "liaison")][["observed", "expected"]]
        observed  expected
    10         1      0.25
    """
    import numpy as np
    import pandas as pd

    r = _compute(G, attr, weight)
    n = len(r["nodes"])
    nodes = np.empty(n, dtype=object)
    nodes[:] = r["nodes"]
    groups = np.empty(n, dtype=object)
    groups[:] = [r["groups"][c] for c in r["codes"]]
    return pd.DataFrame(
        {
            "node": np.repeat(nodes, 6),
            "group": np.repeat(groups, 6),
            "role": np.tile(np.array(_ROLES_T, dtype=object), n),
            "observed": r["raw"].reshape(-1).astype(np.int64),
            "expected": r["exp"].reshape(-1).astype(float),
            "sd": r["sd"].reshape(-1).astype(float),
            "z": r["z"].reshape(-1).astype(float),
        }
    )


@grouped_graph
def sector_brokerage(G: nx.Graph, attr: str = "sector", weight: str | None = "weight") -> pd.DataFrame:
    r"""Sum the brokerage roles by the broker's group (sector).

    For group *g* and role *r*,

    .. math::

        \mathrm{observed}_{g r} = \sum_{b : g(b) = g} r_b, \qquad
        \mathrm{expected}_{g r} = n_g \, E[r_b \mid g(b) = g], \qquad
        \mathrm{share}_{g r} = \mathrm{observed}_{g r} / \sum_h \mathrm{observed}_{h r},

    with :math:`E[r_b]` from :func:`brokerage_test`. A share answers "how
    much of all liaison brokerage does government do?".

    Parameters
    ----------
    G : networkx.Graph
        As in :func:`brokerage`.
    attr : str, default "sector"
        Node attribute holding the group.
    weight : str or None, default "weight"
        Edge attribute used only to dichotomise (weight 0 is no tie).

    Returns
    -------
    pandas.DataFrame
        Long format, one row per group and role (groups in U, I, G, O order
        when they are sector codes, otherwise in order of first appearance;
        roles as in :func:`brokerage_test`), columns ``group, role, n_nodes,
        observed`` (int64), ``expected`` and ``share`` (float; NaN when no
        node brokers that role).

    Raises
    ------
    InvalidGraphError
        As :func:`brokerage`.
    HelixnetTypeError
        If `G` is not a networkx graph.

    See Also
    --------
    brokerage_global : the graph-level test, with sna's standard deviations.

    Notes
    -----
    The expected value is exact by linearity; sna gives no variance for group
    sums (brokers' counts are correlated), so none is reported here.

    References
    ----------
    .. [1] Gould, R. V. and Fernandez, R. M. (1989). Structures of mediation:
       a formal approach to brokerage in transaction networks. *Sociological
       Methodology* 19: 89–126. https://doi.org/10.2307/270949

    Examples
    --------
    Two universities and two firms that reach each other only through one
    ministry: all liaison brokerage is government's.

    >>> import networkx as nx
    >>> from helixnet.networks._brokerage import sector_brokerage
    >>> G = nx.DiGraph([("u1", "g"), ("u2", "g"), ("g", "i1"), ("g", "i2")])
    >>> nx.set_node_attributes(G, {"u1": "U", "u2": "U", "g": "G", "i1": "I", "i2": "I"}, "sector")
    >>> s = sector_brokerage(G)
    >>> s[s.role == "liaison"][["group", "observed", "share"]]
       group  observed  share
    4      U         0    0.0
    10     I         0    0.0
    16     G         4    1.0
    """
    import numpy as np
    import pandas as pd

    r = _compute(G, attr, weight)
    k = len(r["groups"])
    sizes = np.bincount(r["codes"], minlength=k)
    observed = np.zeros((k, 6), dtype=np.int64)
    np.add.at(observed, r["codes"], r["raw"])
    expected = sizes[:, None] * r["exp_group"]
    with np.errstate(divide="ignore", invalid="ignore"):
        share = observed / observed.sum(axis=0, keepdims=True)
    groups = np.empty(k, dtype=object)
    groups[:] = r["groups"]
    return pd.DataFrame(
        {
            "group": np.repeat(groups, 6),
            "role": np.tile(np.array(_ROLES_T, dtype=object), k),
            "n_nodes": np.repeat(sizes, 6).astype(np.int64),
            "observed": observed.reshape(-1),
            "expected": expected.reshape(-1).astype(float),
            "share": share.reshape(-1).astype(float),
        }
    )


@grouped_graph
def brokerage_global(G: nx.Graph, attr: str = "sector", weight: str | None = "weight") -> pd.DataFrame:
    r"""Test the graph's total brokerage per role against Gould–Fernandez's null.

    .. math::

        z_r = \frac{\sum_b r_b - E\big[\sum_b r_b\big]}{\mathrm{sd}\big[\sum_b r_b\big]}

    with the expectations and variances of Gould and Fernandez (1989) for the
    graph-level totals, exactly as sna's ``raw.gli``, ``exp.gli``,
    ``sd.gli`` and ``z.gli``.

    Parameters
    ----------
    G : networkx.Graph
        As in :func:`brokerage`.
    attr : str, default "sector"
        Node attribute holding the group.
    weight : str or None, default "weight"
        Edge attribute used only to dichotomise (weight 0 is no tie).

    Returns
    -------
    pandas.DataFrame
        Indexed by role (index name ``"role"``; coordinator, itinerant,
        representative, gatekeeper, liaison, total) with columns
        ``observed`` (int64), ``expected``, ``sd`` and ``z`` (float).

    Raises
    ------
    InvalidGraphError
        As :func:`brokerage`.
    HelixnetTypeError
        If `G` is not a networkx graph.

    See Also
    --------
    brokerage_test : the node-level test.
    sector_brokerage : totals by the broker's group.

    Notes
    -----
    sna's variance for the liaison total keeps only the first-order term
    plus a triple sum over distinct groups; it is reproduced as is.

    References
    ----------
    .. [1] Gould, R. V. and Fernandez, R. M. (1989). Structures of mediation:
       a formal approach to brokerage in transaction networks. *Sociological
       Methodology* 19: 89–126. https://doi.org/10.2307/270949

    Examples
    --------
    The expected total is :math:`d^2(1-d)N(N-1)(N-2)`: here
    :math:`(1/2)^2 (1/2) \cdot 6 = 0.75` open two-paths against 3 observed.

    >>> import networkx as nx
    >>> from helixnet.networks._brokerage import brokerage_global
    >>> G = nx.DiGraph([("u", "g"), ("g", "i"), ("i", "u")])
    >>> nx.set_node_attributes(G, {"u": "U", "g": "G", "i": "I"}, "sector")
    >>> brokerage_global(G).loc["total", ["observed", "expected"]].tolist()
    [3.0, 0.75]
    """
    import pandas as pd

    r = _compute(G, attr, weight)
    return pd.DataFrame(
        {
            "observed": r["raw_gli"].astype("int64"),
            "expected": r["exp_gli"].astype(float),
            "sd": r["sd_gli"].astype(float),
            "z": r["z_gli"].astype(float),
        },
        index=pd.Index(list(_ROLES_T), name="role"),
    )
