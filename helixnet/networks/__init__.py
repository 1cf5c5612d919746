"""Social network analysis of actor graphs whose nodes carry a sector.

Graphs from users' data (``_builders``, ``_io``), centrality
(``_centrality``), brokerage roles (``_brokerage``), Krackhardt's hierarchy
(``_hierarchy``), government mediation (``_mediation``), the
Etzkowitz-Leydesdorff configuration verdict (``_configuration``), null
models and significance (``_nullmodels``), the verdict's sensitivity
(``_sensitivity``) and the one-call subordination report
(``_subordination``). Shortest paths and tie matrices shared by several
measures live in ``_matrix``. The modules are private; their public names are
re-exported here and at the top level.
"""

from helixnet.networks._builders import (
    VennCounts,
    from_edges,
    from_frames,
    to_frames,
    from_bipartite,
    venn_counts,
    to_igraph,
    from_igraph,
    write_graphml,
    read_graphml,
    write_gexf,
    read_gexf,
)
from helixnet.networks._centrality import (
    centrality,
    sector_centrality,
    CENTRALITY_COLUMNS,
    MEASURES,
    GROUP_COLUMNS,
)
from helixnet.networks._brokerage import (
    brokerage,
    brokerage_test,
    sector_brokerage,
    brokerage_global,
    ROLES,
)
from helixnet.networks._hierarchy import (
    hierarchy,
    ei_index,
    HIERARCHY_KEYS,
    HierarchyResult,
)
from helixnet.networks._mediation import (
    mediation,
    MediationResult,
)
from helixnet.networks._configuration import (
    configuration,
    ConfigurationResult,
    subordination_metrics,
    SubordinationMetrics,
    normalize_layers,
    read_graph,
    archetype_graph,
    CONFIGURATIONS,
    VERDICTS,
    READINGS,
    INDICATORS,
    EVIDENCE_COLUMNS,
    DEFAULT_N_NULL,
    DEFAULT_LEVEL,
)
from helixnet.networks._nullmodels import (
    rewire,
    permute_sectors,
    significance,
    SIGNIFICANCE_COLUMNS,
    NULL_MODELS,
)
from helixnet.networks._sensitivity import (
    sensitivity_table,
    SensitivityResult,
    drop_ties,
    merge_nodes,
    unit_weights,
    reassign_sectors,
    SENSITIVITY_N_NULL,
)
from helixnet.networks._subordination import (
    subordination_report,
    SubordinationReport,
)

__all__ = [
    "VennCounts",
    "from_edges",
    "from_frames",
    "to_frames",
    "from_bipartite",
    "venn_counts",
    "to_igraph",
    "from_igraph",
    "write_graphml",
    "read_graphml",
    "write_gexf",
    "read_gexf",
    "centrality",
    "sector_centrality",
    "CENTRALITY_COLUMNS",
    "MEASURES",
    "GROUP_COLUMNS",
    "brokerage",
    "brokerage_test",
    "sector_brokerage",
    "brokerage_global",
    "ROLES",
    "hierarchy",
    "ei_index",
    "HIERARCHY_KEYS",
    "HierarchyResult",
    "mediation",
    "MediationResult",
    "configuration",
    "ConfigurationResult",
    "subordination_metrics",
    "SubordinationMetrics",
    "normalize_layers",
    "read_graph",
    "archetype_graph",
    "CONFIGURATIONS",
    "VERDICTS",
    "READINGS",
    "INDICATORS",
    "EVIDENCE_COLUMNS",
    "DEFAULT_N_NULL",
    "DEFAULT_LEVEL",
    "rewire",
    "permute_sectors",
    "significance",
    "SIGNIFICANCE_COLUMNS",
    "NULL_MODELS",
    "sensitivity_table",
    "SensitivityResult",
    "drop_ties",
    "merge_nodes",
    "unit_weights",
    "reassign_sectors",
    "SENSITIVITY_N_NULL",
    "subordination_report",
    "SubordinationReport",
]
