"""The case study: Dnishev, Alzhanova & Alibekova (2015) on Kazakhstan.

Built only on the general library: the paper's actor graphs (``_graphs``),
its figures and tables redrawn (``_figures``), the analyses behind every
figure and table (``_analyses``), the subordination report for Kazakhstan,
its layers and the OECD comparison (``_report``) and ``helixnet reproduce``
(``_reproduce``).
"""

from helixnet.kazakhstan._figures import (
    TABLE_SECTOR_LABELS,
    cost_structure,
    funding_by_sector,
    funding_sources,
    innovation_activity,
    international_comparison,
    personnel,
    plan_vs_actual,
    research_types,
)
from helixnet.kazakhstan._graphs import (
    RELATIONS,
    SectorShares,
    comparison_funding_layer,
    estimate_sector_shares,
    funding_layer,
    institutional_layer,
    kazakhstan_graph,
    knowledge_layer,
    oecd_comparison_graphs,
    parse_source_ref,
    resolve_source_ref,
    sector_mapping,
)
from helixnet.kazakhstan._report import (
    KazakhstanReport,
    kazakhstan_report,
)
from helixnet.kazakhstan._reproduce import (
    DEFAULT_OUT,
    DPI_RANGE,
    MARKER,
    list_analyses,
    reproduce,
    run_analysis,
    script_main,
)
from helixnet.kazakhstan._sensitivity import (
    PILOT_CLUSTERS,
    ambiguous_alternatives,
    conclusion_link_ids,
    default_variants,
    sensitivity,
)

__all__ = [
    "RELATIONS",
    "SectorShares",
    "parse_source_ref",
    "resolve_source_ref",
    "sector_mapping",
    "knowledge_layer",
    "estimate_sector_shares",
    "funding_layer",
    "institutional_layer",
    "kazakhstan_graph",
    "comparison_funding_layer",
    "oecd_comparison_graphs",
    "funding_sources",
    "cost_structure",
    "innovation_activity",
    "research_types",
    "funding_by_sector",
    "personnel",
    "plan_vs_actual",
    "international_comparison",
    "TABLE_SECTOR_LABELS",
    "sensitivity",
    "default_variants",
    "ambiguous_alternatives",
    "conclusion_link_ids",
    "PILOT_CLUSTERS",
    "kazakhstan_report",
    "KazakhstanReport",
    "reproduce",
    "list_analyses",
    "run_analysis",
    "script_main",
    "DEFAULT_OUT",
    "DPI_RANGE",
    "MARKER",
]
