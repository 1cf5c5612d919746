"""One-call report on government-mediated vertical subordination in an actor graph.

:func:`subordination_report` gathers centrality, sector shares, brokerage,
mediation, hierarchy, the Etzkowitz–Leydesdorff configuration and the
significance of its indicators into tidy tables plus a short text summary. The report states what the
numbers say, whichever way they point.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

import pandas as pd

from helixnet._deprecation import renamed_parameters
from helixnet._jsonable import jsonable, records
from helixnet._resampling import DEFAULT_SEED
from helixnet._result import Result
from helixnet._validation import check_actor_graph

if TYPE_CHECKING:
    import networkx as nx

    from helixnet._typing import Backend, Reading
    from helixnet.networks import MediationResult


__all__ = ["subordination_report", "SubordinationReport"]

_DOMINANCE_MEASURES = ("in_degree", "out_degree", "in_strength", "out_strength", "betweenness", "closeness",
                       "eigenvector", "pagerank", "hub", "authority")


@dataclass(frozen=True, repr=False)
class SubordinationReport(Result):
    """Result of :func:`subordination_report`.

    Attributes
    ----------
    name : str
        Graph name (``G.graph["name"]`` unless given).
    reading : str
        The reading of :attr:`configuration` (``"flows"`` or
        ``"relationships"``).
    centrality : pandas.DataFrame
        :func:`helixnet.networks.centrality`.
    sector_shares : pandas.DataFrame
        :func:`helixnet.networks.sector_centrality` (raw shares: not set
        against sector sizes).
    dominance : pandas.DataFrame
        Per measure, the sector with the largest raw share: columns
        ``measure, sector, share``.
    brokerage : pandas.DataFrame
        :func:`helixnet.networks.sector_brokerage` (Gould–Fernandez roles,
        unchanged; long: group, role, ...).
    mediation : helixnet.networks.MediationResult
        U–I mediation by G with ties as flows (the graph's directions).
    mediation_relationships : helixnet.networks.MediationResult
        The same with ties read as relationships (``directed=False``).
    hierarchy : HierarchyResult
        :func:`helixnet.networks.hierarchy` (a dict).
    configurations : dict
        Reading -> :class:`helixnet.networks.ConfigurationResult`, for
        every reading the graph allows (both for a directed graph).
    summary : str
        A short text stating the findings.
    """

    name: str
    reading: str
    centrality: pd.DataFrame
    sector_shares: pd.DataFrame
    dominance: pd.DataFrame
    brokerage: pd.DataFrame
    mediation: MediationResult
    mediation_relationships: MediationResult
    hierarchy: dict
    configurations: dict
    summary: str = field(repr=False)

    def __repr__(self) -> str:
        verdicts = ", ".join(f"{k}={c.verdict!r}" for k, c in self.configurations.items())
        return f"SubordinationReport(name={self.name!r}, reading={self.reading!r}, verdicts=({verdicts}))"

    def to_frame(self) -> pd.DataFrame:
        """The evidence of every reading (:attr:`evidence`); :meth:`tables` gives every table."""
        return self.evidence

    @property
    def configuration(self):
        """The :class:`~helixnet.networks.ConfigurationResult` of :attr:`reading`."""
        return self.configurations[self.reading]

    @property
    def evidence(self) -> pd.DataFrame:
        """The evidence of every reading, one block per reading."""
        return pd.concat([c.evidence for c in self.configurations.values()], ignore_index=True)

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
            "evidence": self.evidence,
        }

    def to_dict(self) -> dict:
        """JSON-serialisable dict of every table, the verdicts and the summary."""
        return jsonable({
            "name": self.name,
            "reading": self.reading,
            "verdict": self.configuration.verdict,
            "verdicts": {k: c.verdict for k, c in self.configurations.items()},
            "summary": self.summary,
            "centrality": records(self.centrality, index=True),
            "sector_shares": records(self.sector_shares, index=True),
            "dominance": self.dominance,
            "brokerage": self.brokerage,
            "mediation": self.mediation,
            "mediation_relationships": self.mediation_relationships,
            "hierarchy": self.hierarchy,
            "configuration": self.configuration,
            "configurations": self.configurations,
        })


def _pct(x):
    return "n/a" if x is None or (isinstance(x, float) and math.isnan(x)) else f"{100 * x:.0f}%"


def _num(x, fmt=".2f"):
    return "n/a" if x is None or (isinstance(x, float) and math.isnan(x)) else format(x, fmt)


def _summary(name, G, dominance, rel, conf_by_reading):
    lines = [f"{name}: {G.number_of_nodes()} nodes, {G.number_of_edges()} ties "
             f"({'directed' if G.is_directed() else 'undirected'})."]
    lead = dominance.dropna(subset=["sector"])
    by_sector = lead.groupby("sector")["measure"].apply(list)
    parts = [f"{s} leads {', '.join(ms)}" for s, ms in by_sector.items()]
    lines.append("Largest raw centrality share (not set against sector size): "
                 + ("; ".join(parts) if parts else "none (no ties)") + ".")
    for conf in conf_by_reading.values():
        lines.append(conf.verdict_text())
        lines += conf.evidence_text()
    d = next(iter(conf_by_reading.values())).diagnostics
    lines.append(
        f"Reciprocity {_num(d.get('reciprocity'))}, Krackhardt hierarchy {_num(d.get('krackhardt_hierarchy'))}: "
        "properties of the whole graph that cannot tell G from any other sector, so they do not vote."
    )
    for reading, conf in conf_by_reading.items():
        dg = conf.diagnostics
        lines.append(
            f"Brokerage ({reading}): G brokers {dg['inter_sector_two_paths_via_g']:g} of "
            f"{dg['inter_sector_two_paths']:g} open two-paths between different non-G sectors; "
            f"{dg['delegation_two_paths']:g} two-paths G→G→X (delegation inside government) are counted "
            "separately and do not count as mediation."
        )
    lines.append(
        f"U-I mediation by G as relationships: {_pct(rel.path_share)} of U-I shortest paths, "
        f"indirect U-G-I strength {_pct(rel.indirect_share)} of direct plus indirect, removing G cuts "
        f"{_pct(rel.reachability_loss)} of the {rel.reachable_pairs} connected U-I pairs "
        "(weights as given, not rescaled per layer)."
    )
    return "\n".join(lines)


@renamed_parameters(n_null="n_resamples")
def subordination_report(
    G: nx.Graph,
    n_resamples: int | None = None,
    seed: int | None = DEFAULT_SEED,
    backend: Backend = "networkx",
    weight: str | None = "weight",
    name: str | None = None,
    reading: Reading | None = None,
    level: float | None = None,
    progress: bool = False,
) -> SubordinationReport:
    """Centrality, brokerage, mediation, hierarchy and the tested configuration in one call.

    The tables answer the questions of the Kazakhstan study — which sector
    has the largest raw share of each centrality, who brokers, how
    reciprocal the ties are — and
    :func:`helixnet.networks.configuration` says, under each reading of
    the ties, which configuration the graph resembles beyond two seeded null
    models (or that the data do not decide).

    Parameters
    ----------
    G : networkx.Graph or networkx.DiGraph
        Actor graph (nodes carry ``sector``).
    n_resamples : int, optional
        Draws per null model (default
        :data:`helixnet.networks.DEFAULT_N_NULL`; ``n_null`` until 0.2: a
        deprecated alias, removed in 0.3).
    seed : int
        Seed of both null models; the same seed gives the same report.
    backend : {"networkx", "igraph"}
        Centrality backend.
    weight : str or None
        Edge attribute holding tie strength.
    name : str, optional
        Label for the summary; default ``G.graph.get("name", "graph")``.
    reading : {"flows", "relationships"} or None
        Reading of :attr:`SubordinationReport.configuration`; both are
        computed (only relationships for an undirected graph). Default flows
        for a directed graph.
    level : float, optional
        Two-sided significance level (default
        :data:`helixnet.networks.DEFAULT_LEVEL`).
    progress : bool
        Progress bars over the null-model draws (stderr, terminal only).

    Returns
    -------
    SubordinationReport
        Tables, ``.summary`` text and ``.to_dict()``.

    Raises
    ------
    InvalidGraphError
        If `G` is not a valid actor graph.
    HelixnetValueError
        For a bad `backend`, `reading`, `n_resamples` or `level`.

    See Also
    --------
    kazakhstan_report : this report for every Kazakhstan graph and the OECD.
    helixnet.networks.configuration : the verdict and its tests.
    helixnet.sensitivity : the verdict over coding variants.

    References
    ----------
    .. [1] Etzkowitz, H. & Leydesdorff, L. (2000). The dynamics of innovation.
       Research Policy 29(2), 109–123. doi:10.1016/S0048-7333(99)00055-4
    .. [2] Gould, R. V. & Fernandez, R. M. (1989). Structures of mediation.
       Sociological Methodology 19, 89–126. doi:10.2307/270949

    Examples
    --------
    >>> from helixnet.networks._configuration import archetype_graph
    >>> r = subordination_report(archetype_graph("statist", seed=0), n_resamples=99, seed=1, name="statist archetype")
    >>> r.configuration.verdict, sorted(r.configurations)
    ('statist', ['flows', 'relationships'])
    >>> print(r.summary.splitlines()[0])
    statist archetype: 21 nodes, 42 ties (directed).
    """
    from helixnet.networks._brokerage import sector_brokerage
    from helixnet.networks._centrality import MEASURES, centrality, sector_centrality
    from helixnet.networks._configuration import DEFAULT_LEVEL, DEFAULT_N_NULL, READINGS, check_reading, configuration
    from helixnet.networks._hierarchy import hierarchy
    from helixnet.networks._mediation import mediation

    check_actor_graph(G, weight=weight)
    reading = check_reading(reading, G)
    n_null = DEFAULT_N_NULL if n_resamples is None else n_resamples
    level = DEFAULT_LEVEL if level is None else level
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
    hier = hierarchy(G, weight=weight)
    readings = READINGS if G.is_directed() else ("relationships",)
    confs = {r: configuration(G, r, n_resamples=n_null, seed=seed, level=level, weight=weight,
                               progress=progress) for r in readings}
    summary = _summary(name, G, dominance, rel, confs)
    return SubordinationReport(name, reading, table, shares, dominance, brok, med, rel, hier, confs, summary)
