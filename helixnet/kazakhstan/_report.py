"""The subordination report for Kazakhstan, its layers and the OECD comparison."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

import pandas as pd

from helixnet._deprecation import renamed_parameters
from helixnet._jsonable import jsonable
from helixnet._resampling import DEFAULT_SEED
from helixnet._result import Result
from helixnet.networks import subordination_report

if TYPE_CHECKING:
    from helixnet._typing import Backend

__all__ = ["kazakhstan_report", "KazakhstanReport"]


@dataclass(frozen=True, repr=False)
class KazakhstanReport(Result):
    """Result of :func:`kazakhstan_report`.

    Attributes
    ----------
    reports : dict
        Graph label -> :class:`SubordinationReport`.
    comparison : pandas.DataFrame
        One row per graph and reading: ``graph, reading, n_nodes, n_edges,
        verdict, statist_votes, balanced_votes``, the observed value of each
        indicator of :data:`helixnet.networks.INDICATORS`, and the
        leading sector of raw betweenness, PageRank and out-strength
        (``top_betweenness``, ``top_pagerank``, ``top_out_strength``).
    summary : str
        The per-graph summaries, one block each.
    """

    reports: dict
    comparison: pd.DataFrame
    summary: str = field(repr=False)

    def __repr__(self) -> str:
        return f"KazakhstanReport(reports={list(self.reports)}, comparison=<DataFrame {len(self.comparison)} rows>)"

    def to_frame(self) -> pd.DataFrame:
        """The :attr:`comparison` table."""
        return self.comparison

    def to_dict(self) -> dict:
        """JSON-serialisable dict: comparison rows, summary and every report."""
        return jsonable({"comparison": self.comparison, "summary": self.summary, "reports": self.reports})


@renamed_parameters(n_null="n_resamples")
def kazakhstan_report(
    seed: int | None = DEFAULT_SEED, n_resamples: int | None = None, backend: Backend = "networkx"
) -> KazakhstanReport:
    """The subordination report for Kazakhstan, its layers and the OECD comparison.

    Runs :func:`subordination_report` on
    :func:`helixnet.kazakhstan.kazakhstan_graph` (all layers), on
    :func:`~helixnet.kazakhstan.knowledge_layer`,
    :func:`~helixnet.kazakhstan.funding_layer` and
    :func:`~helixnet.kazakhstan.institutional_layer`, and on each funding graph of
    :func:`~helixnet.kazakhstan.oecd_comparison_graphs` (Kazakhstan, Japan, USA,
    Germany, Korea), with the builders' default options.

    Parameters
    ----------
    seed : int
        Seed of every null model (default 0: identical reruns).
    n_resamples : int, optional
        Draws per null model, graph and reading (default
        :data:`helixnet.networks.DEFAULT_N_NULL`; ``n_null`` until 0.2: a
        deprecated alias, removed in 0.3).
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
        For a bad `n_resamples` or `backend`.

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
    >>> rep = kazakhstan_report(seed=0, n_resamples=5)  # few draws: a smoke run, not a test
    >>> list(rep.comparison["graph"].drop_duplicates())[:4]
    ['kazakhstan', 'knowledge', 'funding', 'institutional']
    """
    from helixnet.kazakhstan import _graphs as graphs
    from helixnet.networks._configuration import INDICATORS

    named = {
        "kazakhstan": graphs.kazakhstan_graph(),
        "knowledge": graphs.knowledge_layer(),
        "funding": graphs.funding_layer(),
        "institutional": graphs.institutional_layer(),
    }
    for country, H in graphs.oecd_comparison_graphs().items():
        named[f"oecd_{country.lower()}"] = H
    reports = {k: subordination_report(H, n_resamples=n_resamples, seed=seed, backend=backend, name=k) for k, H in named.items()}
    rows = []
    for k, r in reports.items():
        lead = r.dominance.set_index("measure")["sector"]
        for reading, conf in r.configurations.items():
            ev = conf.evidence.set_index("metric")["observed"]
            row = {
                "graph": k,
                "reading": reading,
                "n_nodes": named[k].number_of_nodes(),
                "n_edges": named[k].number_of_edges(),
                "verdict": conf.verdict,
                "statist_votes": conf.statist_votes,
                "balanced_votes": conf.balanced_votes,
            }
            row.update({m: float(ev[m]) for m in INDICATORS})
            row.update({f"top_{m}": lead[m] for m in ("betweenness", "pagerank", "out_strength")})
            rows.append(row)
    comparison = pd.DataFrame(rows).astype({"graph": object, "reading": object, "verdict": object})
    summary = "\n\n".join(r.summary for r in reports.values())
    return KazakhstanReport(reports, comparison, summary)
