"""Which Triple Helix configuration does an actor graph resemble?

Etzkowitz & Leydesdorff (2000) describe three arrangements of university (U),
industry (I) and government (G):

* **statist** — government encompasses academia and industry and directs the
  relations between them: G dominates brokerage and betweenness, U–I ties run
  mostly through G, and there is little feedback (reciprocity);
* **laissez-faire** — separate institutional spheres with strong borders and
  few, arm's-length relations between them, and no dominant broker;
* **balanced** (the Triple Helix proper) — overlapping spheres: strong direct
  U–I, U–G and I–G ties, reciprocal relations, hybrid organisations and
  trilateral networks at the interfaces.

:func:`configuration` turns these verbal descriptions into measurable
indicators with documented thresholds and returns the verdict with its
evidence. :func:`subordination_metrics` computes the indicators alone (they
are the statistics tested by :func:`helixnet.nullmodels.significance`), and
:func:`archetype_graph` builds seeded example graphs of each kind.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np
import pandas as pd

from helixnet._validation import actor_graph, check_seed
from helixnet.exceptions import HelixnetValueError

__all__ = [
    "configuration",
    "ConfigurationResult",
    "subordination_metrics",
    "archetype_graph",
    "CONFIGURATIONS",
    "THRESHOLDS",
    "EVIDENCE_COLUMNS",
]

#: The three configurations of Etzkowitz & Leydesdorff (2000).
CONFIGURATIONS = ("statist", "laissez-faire", "balanced")

#: metric -> (threshold, points_to when value >= threshold, points_to when value < threshold)
THRESHOLDS = {
    "inter_sector_share": (0.30, "none", "laissez-faire"),
    "g_betweenness_share": (0.50, "statist", "balanced"),
    "g_brokerage_share": (0.50, "statist", "balanced"),
    "ui_mediated_share": (0.50, "statist", "balanced"),
    "ui_indirect_share": (0.50, "statist", "balanced"),
    "reciprocity": (0.30, "balanced", "statist"),
    "ui_interface_share": (0.20, "balanced", "statist"),
    "trilateral_share": (0.30, "balanced", "statist"),
}
#: Columns of :attr:`ConfigurationResult.evidence`.
EVIDENCE_COLUMNS = ("metric", "value", "threshold", "points_to")
_VOTING = tuple(m for m in THRESHOLDS if m != "inter_sector_share")


@dataclass(frozen=True)
class ConfigurationResult:
    """Result of :func:`configuration`.

    Attributes
    ----------
    verdict : str
        One of :data:`CONFIGURATIONS`.
    evidence : pandas.DataFrame
        One row per indicator, columns :data:`EVIDENCE_COLUMNS`; ``points_to``
        is ``"statist"``, ``"laissez-faire"``, ``"balanced"`` or ``"none"``
        (the indicator is undefined, NaN, or supports no configuration on
        that side of its threshold).
    statist_votes, balanced_votes : int
        Indicators pointing to each of the two (the seven voting rows).
    """

    verdict: str
    evidence: pd.DataFrame
    statist_votes: int
    balanced_votes: int

    def to_dict(self) -> dict:
        """JSON-serialisable dict (NaN becomes None)."""
        rows = [
            {k: (None if isinstance(v, float) and math.isnan(v) else v) for k, v in row.items()}
            for row in self.evidence.to_dict(orient="records")
        ]
        return {
            "verdict": self.verdict,
            "statist_votes": self.statist_votes,
            "balanced_votes": self.balanced_votes,
            "evidence": rows,
        }


def _share(num, den):
    return float(num / den) if den > 0 else math.nan


@actor_graph
def subordination_metrics(G, weight: str | None = "weight") -> dict:
    r"""The indicators of government-mediated subordination, as a dict of floats.

    .. math::

        \text{g\_betweenness\_share} = \frac{\sum_{v \in G} b(v)}{\sum_v b(v)},
        \qquad
        \text{ui\_interface\_share} = \frac{W_{UI}}{W_{UI} + W_{UG} + W_{IG}},

    with :math:`b` weighted betweenness (distance ``1/weight``) and
    :math:`W_{XY}` the total tie strength between sectors X and Y (both
    directions).

    Parameters
    ----------
    G : networkx.Graph or networkx.DiGraph
        Actor graph.
    weight : str or None
        Edge attribute holding tie strength.

    Returns
    -------
    dict
        Keys as :data:`THRESHOLDS`, in that order:

        * ``inter_sector_share``: share of tie strength between different
          sectors;
        * ``g_betweenness_share``: G's share of betweenness;
        * ``g_brokerage_share``: G's share of Gould–Fernandez brokerage
          (the ``total`` of :func:`helixnet.brokerage.brokerage`: open
          two-paths a→b→c with b in G, over all open two-paths);
        * ``ui_mediated_share``: share of U–I geodesics through a G node
          (:func:`helixnet.mediation.mediation`'s ``path_share``, with ties
          read as relationships: ``directed=False``);
        * ``ui_indirect_share``: indirect U–G–I strength over direct plus
          indirect (``indirect_share``, same reading);
        * ``reciprocity``: edgewise reciprocity (sna's ``grecip(measure=
          "edgewise")``, :func:`helixnet.hierarchy.hierarchy`);
        * ``ui_interface_share``: the U–I interface's share of the strength on
          the three helix interfaces (1/3 when they are equally strong);
        * ``trilateral_share``: share of U and I nodes tied (either direction)
          to both other helix sectors — a proxy for trilateral networks and
          hybrid organisations.

        A metric is NaN when undefined (e.g. no U–I pair at all).

    Raises
    ------
    InvalidGraphError
        If `G` is not a valid actor graph.

    See Also
    --------
    configuration : the verdict built from these indicators.
    helixnet.nullmodels.significance : their z-scores under null models.

    Examples
    --------
    >>> G = archetype_graph("statist", seed=1)
    >>> m = subordination_metrics(G)
    >>> m["g_betweenness_share"] > 0.5
    True
    """
    from helixnet.brokerage import brokerage
    from helixnet.centrality import _Prepared
    from helixnet.hierarchy import hierarchy
    from helixnet.mediation import mediation

    P = _Prepared(G, weight)
    sectors = np.array(P.sectors, dtype=object)
    out = {}
    s_src, s_dst = sectors[P.src] if P.m else np.array([]), sectors[P.dst] if P.m else np.array([])
    out["inter_sector_share"] = _share(P.w[s_src != s_dst].sum(), P.w.sum())

    if P.n > 2 and P.m:
        g = P.igraph()
        bc = np.asarray(g.betweenness(directed=P.directed, weights="dist"), dtype=float)
        out["g_betweenness_share"] = _share(bc[sectors == "G"].sum(), bc.sum())
    else:
        out["g_betweenness_share"] = math.nan
    b = brokerage(G, weight=weight)
    out["g_brokerage_share"] = _share(b.loc[b["group"] == "G", "total"].sum(), b["total"].sum())
    # ties read as relationships, whatever their direction: a government funding
    # both sides (G->U, G->I) mediates their relationship though it lies on no
    # directed U-I path
    med = mediation(G, weight=weight, directed=False)
    out["ui_mediated_share"] = med.path_share
    out["ui_indirect_share"] = med.indirect_share
    out["reciprocity"] = float(hierarchy(G, weight=weight)["reciprocity"])

    def between(x, y):
        mask = ((s_src == x) & (s_dst == y)) | ((s_src == y) & (s_dst == x))
        return P.w[mask].sum() if P.m else 0.0

    ui, ug, ig = between("U", "I"), between("U", "G"), between("I", "G")
    out["ui_interface_share"] = _share(ui, ui + ug + ig)

    neighbours = [set() for _ in range(P.n)]
    for a, c in zip(P.src.tolist(), P.dst.tolist()):
        neighbours[a].add(P.sectors[c])
        neighbours[c].add(P.sectors[a])
    need = {"U": {"I", "G"}, "I": {"U", "G"}}
    ends = [i for i, s in enumerate(P.sectors) if s in need]
    tri = sum(need[P.sectors[i]] <= neighbours[i] for i in ends)
    out["trilateral_share"] = _share(tri, len(ends))
    return {k: out[k] for k in THRESHOLDS}


def _points_to(metric, value):
    threshold, above, below = THRESHOLDS[metric]
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return "none"
    return above if value >= threshold else below


def configuration(G, weight: str | None = "weight") -> ConfigurationResult:
    r"""Classify an actor graph as a statist, laissez-faire or balanced configuration.

    Each indicator of :func:`subordination_metrics` is compared with its
    threshold (:data:`THRESHOLDS`) and points to a configuration. With
    :math:`s` and :math:`b` the numbers of the seven voting indicators that
    point to statist and to balanced:

    .. math::

        \text{verdict} =
        \begin{cases}
          \text{laissez-faire} & (\text{inter\_sector\_share} < 0.3
                                 \text{ or no ties}) \text{ and } s < 4,\\
          \text{statist} & \text{otherwise, if } s > b,\\
          \text{balanced} & \text{otherwise.}
        \end{cases}

    Parameters
    ----------
    G : networkx.Graph or networkx.DiGraph
        Actor graph (nodes carry ``sector``).
    weight : str or None
        Edge attribute holding tie strength.

    Returns
    -------
    ConfigurationResult
        ``.verdict`` and ``.evidence`` (columns ``metric, value, threshold,
        points_to``, one row per indicator in :data:`THRESHOLDS` order).

    Raises
    ------
    InvalidGraphError
        If `G` is not a valid actor graph.

    See Also
    --------
    subordination_metrics : the indicators.
    archetype_graph : example graphs of each configuration.
    helixnet.nullmodels.significance : are the indicators beyond chance?

    Notes
    -----
    Thresholds, and the configuration each side of them supports:

    ======================  =========  ===============  ===============
    indicator               threshold  at or above      below
    ======================  =========  ===============  ===============
    inter_sector_share      0.30       (none)           laissez-faire
    g_betweenness_share     0.50       statist          balanced
    g_brokerage_share       0.50       statist          balanced
    ui_mediated_share       0.50       statist          balanced
    ui_indirect_share       0.50       statist          balanced
    reciprocity             0.30       balanced         statist
    ui_interface_share      0.20       balanced         statist
    trilateral_share        0.30       balanced         statist
    ======================  =========  ===============  ===============

    The rationale: "government dominates" is read as G holding at least half
    of all betweenness, brokerage and U–I geodesics (whatever its size — in
    Etzkowitz & Leydesdorff's statist model a few ministries direct many
    actors); "U–I mostly indirect" as more U→G→I bottleneck strength than
    direct U–I strength; "little reciprocity" as fewer than 30% of ties
    returned; separate spheres as less than 30% of tie strength crossing
    sector borders. The U–I interface's share is 1/3 when U–I, U–G and I–G
    are equally strong; below 0.2 it is a minor interface beside the two
    government ones. An undefined indicator (NaN) points nowhere. Separate
    spheres make a laissez-faire verdict unless government dominance is
    clear (four or more statist indicators): a state that bridges otherwise
    separate spheres is statist. A graph without ties (every indicator but
    ``trilateral_share`` undefined) is the limit of separate spheres and is
    laissez-faire. The thresholds are conventions, not
    estimates; the evidence table shows how far each indicator is from its
    threshold, and :func:`helixnet.nullmodels.significance` says whether it
    exceeds chance.

    References
    ----------
    .. [1] Etzkowitz, H. & Leydesdorff, L. (2000). The dynamics of innovation:
       from National Systems and "Mode 2" to a Triple Helix of
       university–industry–government relations. Research Policy 29(2),
       109–123. doi:10.1016/S0048-7333(99)00055-4

    Examples
    --------
    >>> configuration(archetype_graph("statist", seed=0)).verdict
    'statist'
    >>> r = configuration(archetype_graph("balanced", seed=0))
    >>> r.verdict, list(r.evidence.columns)
    ('balanced', ['metric', 'value', 'threshold', 'points_to'])
    """
    metrics = subordination_metrics(G, weight=weight)
    rows = [
        {"metric": m, "value": float(v), "threshold": THRESHOLDS[m][0], "points_to": _points_to(m, v)}
        for m, v in metrics.items()
    ]
    evidence = pd.DataFrame(rows, columns=list(EVIDENCE_COLUMNS)).astype({"metric": object, "points_to": object})
    votes = evidence.loc[evidence["metric"].isin(_VOTING), "points_to"]
    s, b = int((votes == "statist").sum()), int((votes == "balanced").sum())
    # a graph without ties has no inter-sector relation at all (its share is 0/0, NaN):
    # the limit of separate spheres, not evidence of a directing state
    no_ties = math.isnan(metrics["inter_sector_share"])
    separate = no_ties or _points_to("inter_sector_share", metrics["inter_sector_share"]) == "laissez-faire"
    if separate and s < 4:
        verdict = "laissez-faire"
    elif s > b:
        verdict = "statist"
    else:
        verdict = "balanced"
    return ConfigurationResult(verdict=verdict, evidence=evidence, statist_votes=s, balanced_votes=b)


def archetype_graph(kind: str, seed=None, sizes=(8, 8, 3, 2)):
    """A seeded random directed actor graph of one Etzkowitz–Leydesdorff configuration.

    Parameters
    ----------
    kind : {"statist", "laissez-faire", "balanced"}
        The configuration to build.
    seed : int, numpy.random.Generator or None
        Seed of the random generator.
    sizes : tuple of 4 ints
        Numbers of U, I, G and O nodes (O nodes are the hybrid organisations
        of the balanced archetype; elsewhere they sit inside their own sphere).

    Returns
    -------
    networkx.DiGraph
        Nodes ``"U0", "U1", ..., "O1"`` with ``sector``; edges with integer
        ``weight`` in 1..5.

    Raises
    ------
    HelixnetValueError
        If `kind` is unknown or a size is negative.

    See Also
    --------
    configuration : classifies these graphs (tested: each archetype gets its
        own verdict, also after small perturbations).

    Notes
    -----
    * *statist*: each U/I node has a tie with each ministry with probability
      0.7, pointing to G (application, report) or from G (direction, funds)
      at random but never both; sparse one-way ties inside U and inside I;
      U–I ties with probability 0.02.
    * *laissez-faire*: dense reciprocated ties inside each sector
      (probability 0.5), rare one-way ties between sectors (0.03).
    * *balanced*: reciprocated U–I, U–G and I–G ties (probability 0.35),
      ties inside sectors (0.2), and O hybrids tied both ways to nodes of
      every sector (0.5).

    Examples
    --------
    >>> import networkx as nx
    >>> G = archetype_graph("laissez-faire", seed=0)
    >>> sorted(set(nx.get_node_attributes(G, "sector").values()))
    ['G', 'I', 'O', 'U']
    """
    import networkx as nx

    if kind not in CONFIGURATIONS:
        raise HelixnetValueError(f"kind={kind!r} is unknown; expected one of {', '.join(CONFIGURATIONS)}")
    if len(sizes) != 4 or any(int(s) < 0 for s in sizes):
        raise HelixnetValueError(f"sizes={sizes!r} must be four non-negative counts (U, I, G, O)")
    rng = np.random.default_rng(check_seed(seed))
    G = nx.DiGraph()
    for sector, k in zip("UIGO", sizes):
        G.add_nodes_from((f"{sector}{i}", {"sector": sector}) for i in range(int(k)))
    nodes = list(G.nodes)
    sec = nx.get_node_attributes(G, "sector")

    def tie(a, b, both=False):
        G.add_edge(a, b, weight=int(rng.integers(1, 6)))
        if both:
            G.add_edge(b, a, weight=int(rng.integers(1, 6)))

    for i, a in enumerate(nodes):
        for b in nodes[i + 1 :]:
            pair = {sec[a], sec[b]}
            same = len(pair) == 1
            u = rng.random()
            if kind == "statist":
                if pair in ({"U", "G"}, {"I", "G"}) and u < 0.7:
                    tie(a, b) if rng.random() < 0.5 else tie(b, a)
                elif same and u < 0.15:
                    tie(a, b) if rng.random() < 0.5 else tie(b, a)
                elif pair == {"U", "I"} and u < 0.02:
                    tie(a, b)
                elif "O" in pair and not same and u < 0.05:
                    tie(b, a) if sec[a] == "O" else tie(a, b)
            elif kind == "laissez-faire":
                if same and u < 0.5:
                    tie(a, b, both=rng.random() < 0.7)
                elif not same and u < 0.03:
                    tie(a, b) if rng.random() < 0.5 else tie(b, a)
            else:  # balanced
                if "O" in pair and not same and u < 0.5:
                    tie(a, b, both=True)
                elif not same and "O" not in pair and u < 0.35:
                    tie(a, b, both=True)
                elif same and u < 0.2:
                    tie(a, b, both=rng.random() < 0.5)
    return G
