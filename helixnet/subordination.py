"""One-call report on government-mediated vertical subordination in an actor graph.

:func:`subordination_report` gathers centrality, sector shares, brokerage,
mediation, hierarchy, the Etzkowitz–Leydesdorff configuration and the
significance of its indicators into tidy tables plus a short text summary;
:func:`kazakhstan_report` runs it on the Kazakhstan graph, each of its layers
and the OECD funding comparison, side by side. The report states what the
numbers say, whichever way they point.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field

import numpy as np
import pandas as pd

from helixnet._validation import check_actor_graph
from helixnet.exceptions import InvalidGraphError

__all__ = ["subordination_report", "kazakhstan_report", "SubordinationReport", "KazakhstanReport"]

_DOMINANCE_MEASURES = ("in_degree", "out_degree", "in_strength", "out_strength", "betweenness", "closeness",
                       "eigenvector", "pagerank", "hub", "authority")


def _clean(value):
    """Make a value JSON-serialisable (NaN -> None, numpy scalars -> Python)."""
    if isinstance(value, dict):
        return {str(k): _clean(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_clean(v) for v in value]
    if isinstance(value, (np.integer,)):
        return int(value)
    if isinstance(value, (float, np.floating)):
        return None if math.isnan(value) else float(value)
    if isinstance(value, np.bool_):
        return bool(value)
    return value


def _records(df: pd.DataFrame, index: bool = False):
    frame = df.reset_index() if index else df
    return [_clean(r) for r in frame.to_dict(orient="records")]


@dataclass(frozen=True)
class SubordinationReport:
    """Result of :func:`subordination_report`.

    Attributes
    ----------
    name : str
        Graph name (``G.graph["name"]`` unless given).
    centrality : pandas.DataFrame
        :func:`helixnet.centrality.centrality`.
    sector_shares : pandas.DataFrame
        :func:`helixnet.centrality.sector_centrality`.
    dominance : pandas.DataFrame
        Per measure, the sector with the largest share: columns ``measure,
        sector, share``.
    brokerage : pandas.DataFrame
        :func:`helixnet.brokerage.sector_brokerage` (long: group, role, ...).
    mediation : helixnet.mediation.MediationResult
        U–I mediation by G with ties as flows (the graph's directions).
    mediation_relationships : helixnet.mediation.MediationResult
        The same with ties read as relationships whatever their direction
        (``directed=False``): the reading of "business and science relate
        via the government" that the configuration uses.
    hierarchy : dict
        :func:`helixnet.hierarchy.hierarchy`.
    configuration : helixnet.configuration.ConfigurationResult
    significance : pandas.DataFrame
        Columns ``model`` then :data:`helixnet.nullmodels.SIGNIFICANCE_COLUMNS`,
        one block per null model (rewire, permute).
    summary : str
        A short text stating the findings.
    """

    name: str
    centrality: pd.DataFrame
    sector_shares: pd.DataFrame
    dominance: pd.DataFrame
    brokerage: pd.DataFrame
    mediation: object
    mediation_relationships: object
    hierarchy: dict
    configuration: object
    significance: pd.DataFrame
    summary: str = field(repr=False)

    def tables(self) -> dict:
        """Every table as a DataFrame, by name."""
        return {
            "centrality": self.centrality,
            "sector_shares": self.sector_shares,
            "dominance": self.dominance,
            "brokerage": self.brokerage,
            "mediation": pd.DataFrame(
                [
                    {"view": "flows", **self.mediation.to_dict()},
                    {"view": "relationships", **self.mediation_relationships.to_dict()},
                ]
            ),
            "hierarchy": pd.DataFrame({"metric": list(self.hierarchy), "value": list(self.hierarchy.values())}),
            "configuration": self.configuration.evidence,
            "significance": self.significance,
        }

    def to_dict(self) -> dict:
        """JSON-serialisable dict of every table, the verdict and the summary."""
        return {
            "name": self.name,
            "verdict": self.configuration.verdict,
            "summary": self.summary,
            "centrality": _records(self.centrality, index=True),
            "sector_shares": _records(self.sector_shares, index=True),
            "dominance": _records(self.dominance),
            "brokerage": _records(self.brokerage),
            "mediation": self.mediation.to_dict(),
            "mediation_relationships": self.mediation_relationships.to_dict(),
            "hierarchy": _clean(dict(self.hierarchy)),
            "configuration": self.configuration.to_dict(),
            "significance": _records(self.significance),
        }


def _significance_table(G, n_null, seed, weight):
    from helixnet.configuration import subordination_metrics
    from helixnet._validation import check_count, check_seed
    from helixnet.nullmodels import SIGNIFICANCE_COLUMNS, significance

    n_null, seed = check_count(n_null, "n_null"), check_seed(seed, generator=False)
    blocks = []
    for model in ("rewire", "permute"):
        try:
            t = significance(G, n=n_null, seed=seed, model=model, weight=weight)
        except InvalidGraphError:  # too few edges to rewire: observed values only
            obs = subordination_metrics(G, weight=weight)
            t = pd.DataFrame({"metric": list(obs), "observed": list(obs.values())})
            for c in SIGNIFICANCE_COLUMNS[2:]:
                t[c] = 0 if c == "n_null" else np.nan
        t.insert(0, "model", model)
        blocks.append(t)
    return pd.concat(blocks, ignore_index=True)


def _pct(x):
    return "n/a" if x is None or (isinstance(x, float) and math.isnan(x)) else f"{100 * x:.0f}%"


def _summary(name, G, dominance, med, rel, hier, conf, brok, sig):
    lines = [f"{name}: {G.number_of_nodes()} nodes, {G.number_of_edges()} ties ({'directed' if G.is_directed() else 'undirected'})."]
    lead = dominance.dropna(subset=["sector"])
    by_sector = lead.groupby("sector")["measure"].apply(list)
    parts = [f"{s} leads {', '.join(ms)}" for s, ms in by_sector.items()]
    lines.append("Dominant sector by centrality: " + ("; ".join(parts) if parts else "none (no ties)") + ".")
    lines.append(
        f"U-I mediation by G (ties as relationships): {_pct(rel.path_share)} of U-I shortest paths "
        f"pass through G; indirect U-G-I strength is {_pct(rel.indirect_share)} of direct plus "
        f"indirect; removing G cuts {_pct(rel.reachability_loss)} of the {rel.reachable_pairs} "
        f"connected U-I pairs."
    )
    if G.is_directed():
        lines.append(
            f"As directed flows: {med.reachable_pairs} of {med.n_pairs} ordered U-I pairs are joined by "
            f"a directed path, {_pct(med.path_share)} of those paths through G."
        )
    lines.append(
        f"Reciprocity (edgewise): {_pct(hier.get('reciprocity', math.nan))}; "
        f"Krackhardt hierarchy {hier.get('krackhardt', math.nan):.2f}."
    )
    # the "total" rows sum the five roles: they are not a role of their own
    roles = brok[brok["role"] != "total"]
    g_roles = roles[(roles["group"] == "G") & (roles["observed"] > 0)]
    if len(g_roles):
        main = g_roles.sort_values(["observed", "role"], ascending=[False, True], kind="stable").iloc[0]
        total = roles.groupby("group")["observed"].sum()
        share = total.get("G", 0) / total.sum() if total.sum() else math.nan
        lines.append(
            f"Brokerage: G holds {_pct(share)} of all brokerage positions; its most frequent role is "
            f"{main['role']} ({main['observed']} of {total.get('G', 0)})."
        )
    else:
        lines.append("Brokerage: G holds no brokerage position.")
    ev = conf.evidence
    pointing = ", ".join(f"{r.metric}={r.value:.2f}" for r in ev.itertuples() if r.points_to == conf.verdict)
    lines.append(
        f"Verdict: {conf.verdict} ({conf.statist_votes} indicators point to statist, "
        f"{conf.balanced_votes} to balanced; supporting: {pointing or 'separate spheres'})."
    )
    tested = sig[(sig["metric"].isin(["g_betweenness_share", "g_brokerage_share", "ui_mediated_share"]))]
    bits = [
        f"{r.metric} {r.observed:.2f} {'above' if r.z > 0 else 'below' if r.z < 0 else 'at'} its null mean {r.null_mean:.2f}, "
        f"z={r.z:.1f}, p={r.p_value:.3f} ({r.model})"
        for r in tested.itertuples()
        if isinstance(r.z, float) and math.isfinite(r.z)
    ]
    lines.append("Against null models: " + ("; ".join(bits) if bits else "no spread under either null model."))
    return "\n".join(lines)


def subordination_report(G, n_null: int = 99, seed=0, backend: str = "networkx", weight: str | None = "weight",
                         name: str | None = None) -> SubordinationReport:
    """Centrality, brokerage, mediation, hierarchy, configuration and significance in one call.

    The tables answer the questions of the Kazakhstan study: which sector
    dominates each centrality, how much U–I connectivity runs through G, how
    reciprocal the ties are, who brokers, and which Etzkowitz–Leydesdorff
    configuration the graph resembles — with z-scores and p-values from two
    seeded null models.

    Parameters
    ----------
    G : networkx.Graph or networkx.DiGraph
        Actor graph (nodes carry ``sector``).
    n_null : int
        Replicates per null model (degree-preserving rewiring and sector
        permutation).
    seed : int
        Seed of both null models; the same seed gives the same report.
    backend : {"networkx", "igraph"}
        Centrality backend.
    weight : str or None
        Edge attribute holding tie strength.
    name : str, optional
        Label for the summary; default ``G.graph.get("name", "graph")``.

    Returns
    -------
    SubordinationReport
        Tables, ``.summary`` text and ``.to_dict()``.

    Raises
    ------
    InvalidGraphError
        If `G` is not a valid actor graph.
    HelixnetValueError
        For a bad `backend` or `n_null`.

    See Also
    --------
    kazakhstan_report : this report for every Kazakhstan graph and the OECD.
    helixnet.configuration.configuration : the verdict and its thresholds.

    Notes
    -----
    A null model that cannot be run (rewiring a graph with fewer than two
    ties) contributes rows with the observed values and NaN statistics
    (``n_null`` 0). Self-loops are ignored everywhere.

    References
    ----------
    .. [1] Etzkowitz, H. & Leydesdorff, L. (2000). The dynamics of innovation.
       Research Policy 29(2), 109–123. doi:10.1016/S0048-7333(99)00055-4
    .. [2] Gould, R. V. & Fernandez, R. M. (1989). Structures of mediation.
       Sociological Methodology 19, 89–126. doi:10.2307/270949

    Examples
    --------
    >>> from helixnet.configuration import archetype_graph
    >>> r = subordination_report(archetype_graph("statist", seed=0), n_null=9, seed=1, name="statist archetype")
    >>> r.configuration.verdict
    'statist'
    >>> print(r.summary.splitlines()[0])
    statist archetype: 21 nodes, 42 ties (directed).
    """
    from helixnet.brokerage import sector_brokerage
    from helixnet.centrality import MEASURES, centrality, sector_centrality
    from helixnet.configuration import configuration
    from helixnet.hierarchy import hierarchy
    from helixnet.mediation import mediation

    check_actor_graph(G, weight=weight)
    name = name if name is not None else str(G.graph.get("name", "graph"))
    table = centrality(G, backend=backend, weight=weight)
    shares = sector_centrality(G, backend=backend, weight=weight)
    rows = []
    for m in MEASURES:
        col = shares[f"share_{m}"]
        if col.notna().any() and col.max() > 0:
            rows.append({"measure": m, "sector": col.idxmax(), "share": float(col.max())})
        else:
            rows.append({"measure": m, "sector": None, "share": math.nan})
    dominance = pd.DataFrame(rows, columns=["measure", "sector", "share"]).astype({"measure": object, "sector": object})
    brok = sector_brokerage(G, weight=weight)
    med = mediation(G, weight=weight)
    rel = mediation(G, weight=weight, directed=False)
    hier = dict(hierarchy(G, weight=weight))
    conf = configuration(G, weight=weight)
    sig = _significance_table(G, n_null, seed, weight)
    summary = _summary(name, G, dominance, med, rel, hier, conf, brok, sig)
    return SubordinationReport(name, table, shares, dominance, brok, med, rel, hier, conf, sig, summary)


@dataclass(frozen=True)
class KazakhstanReport:
    """Result of :func:`kazakhstan_report`.

    Attributes
    ----------
    reports : dict
        Graph label -> :class:`SubordinationReport`.
    comparison : pandas.DataFrame
        One row per graph: ``graph, n_nodes, n_edges, verdict,
        statist_votes, balanced_votes``, each indicator of
        :data:`helixnet.configuration.THRESHOLDS`, and the leading sector of
        betweenness, PageRank and out-strength (``top_betweenness``,
        ``top_pagerank``, ``top_out_strength``).
    summary : str
        The per-graph summaries, one block each.
    """

    reports: dict
    comparison: pd.DataFrame
    summary: str = field(repr=False)

    def to_dict(self) -> dict:
        """JSON-serialisable dict: comparison rows, summary and every report."""
        return {
            "comparison": _records(self.comparison),
            "summary": self.summary,
            "reports": {k: r.to_dict() for k, r in self.reports.items()},
        }


def kazakhstan_report(seed=0, n_null: int = 99, backend: str = "networkx") -> KazakhstanReport:
    """The subordination report for Kazakhstan, its layers and the OECD comparison.

    Runs :func:`subordination_report` on
    :func:`helixnet.graphs.kazakhstan_graph` (all layers), on
    :func:`~helixnet.graphs.knowledge_layer`,
    :func:`~helixnet.graphs.funding_layer` and
    :func:`~helixnet.graphs.institutional_layer`, and on each funding graph of
    :func:`~helixnet.graphs.oecd_comparison_graphs` (Kazakhstan, Japan, USA,
    Germany, Korea), with the builders' default options.

    Parameters
    ----------
    seed : int
        Seed of every null model.
    n_null : int
        Replicates per null model and graph.
    backend : {"networkx", "igraph"}
        Centrality backend.

    Returns
    -------
    KazakhstanReport
        ``reports`` (labels ``"kazakhstan"``, ``"knowledge"``, ``"funding"``,
        ``"institutional"``, ``"oecd_<country>"``), the side-by-side
        ``comparison`` table and ``summary``.

    Raises
    ------
    HelixnetValueError
        For a bad `n_null` or `backend`.

    See Also
    --------
    subordination_report : the report for one graph.

    Notes
    -----
    The comparison shows what the graphs say, including where they do not
    support the study's conclusion: the layers are small, several indicators
    are undefined (NaN) on graphs without U–I pairs, and null models of
    tiny graphs have little room to vary (see ``n_null`` and ``null_sd`` in
    each significance table).

    References
    ----------
    .. [1] Dnishev, F., Alzhanova, F. & Alibekova, G. (2015). Innovative
       development of Kazakhstan on the basis of triple helix and cluster
       approach. Economy of Region 2015(2).

    Examples
    --------
    >>> rep = kazakhstan_report(seed=0, n_null=5)
    >>> list(rep.comparison["graph"])[:4]
    ['kazakhstan', 'knowledge', 'funding', 'institutional']
    """
    from helixnet import graphs
    from helixnet.configuration import THRESHOLDS

    named = {
        "kazakhstan": graphs.kazakhstan_graph(),
        "knowledge": graphs.knowledge_layer(),
        "funding": graphs.funding_layer(),
        "institutional": graphs.institutional_layer(),
    }
    for country, H in graphs.oecd_comparison_graphs().items():
        named[f"oecd_{country.lower()}"] = H
    reports = {k: subordination_report(H, n_null=n_null, seed=seed, backend=backend, name=k) for k, H in named.items()}
    rows = []
    for k, r in reports.items():
        ev = r.configuration.evidence.set_index("metric")["value"]
        lead = r.dominance.set_index("measure")["sector"]
        row = {
            "graph": k,
            "n_nodes": named[k].number_of_nodes(),
            "n_edges": named[k].number_of_edges(),
            "verdict": r.configuration.verdict,
            "statist_votes": r.configuration.statist_votes,
            "balanced_votes": r.configuration.balanced_votes,
        }
        row.update({m: float(ev[m]) for m in THRESHOLDS})
        row.update({f"top_{m}": lead[m] for m in ("betweenness", "pagerank", "out_strength")})
        rows.append(row)
    comparison = pd.DataFrame(rows).astype({"graph": object, "verdict": object})
    summary = "\n\n".join(r.summary for r in reports.values())
    return KazakhstanReport(reports, comparison, summary)
