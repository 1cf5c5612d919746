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

from helixnet.networks._brokerage import (
    ROLES,
    brokerage,
    brokerage_global,
    brokerage_test,
    sector_brokerage,
)
from helixnet.networks._builders import (
    VennCounts,
    from_bipartite,
    from_edges,
    from_frames,
    from_igraph,
    read_gexf,
    read_graphml,
    to_frames,
    to_igraph,
    venn_counts,
    write_gexf,
    write_graphml,
)
from helixnet.networks._centrality import (
    CENTRALITY_COLUMNS,
    GROUP_COLUMNS,
    MEASURES,
    centrality,
    sector_centrality,
)
from helixnet.networks._configuration import (
    CONFIGURATIONS,
    DEFAULT_LEVEL,
    DEFAULT_N_NULL,
    EVIDENCE_COLUMNS,
    INDICATORS,
    READINGS,
    VERDICTS,
    ConfigurationResult,
    SubordinationMetrics,
    archetype_graph,
    configuration,
    normalize_layers,
    read_graph,
    subordination_metrics,
)
from helixnet.networks._hierarchy import (
    HIERARCHY_KEYS,
    HierarchyResult,
    ei_index,
    hierarchy,
)
from helixnet.networks._mediation import (
    MediationResult,
    mediation,
)
from helixnet.networks._nullmodels import (
    NULL_MODELS,
    SIGNIFICANCE_COLUMNS,
    permute_sectors,
    rewire,
    significance,
)
from helixnet.networks._sensitivity import (
    SENSITIVITY_N_NULL,
    SensitivityResult,
    drop_ties,
    merge_nodes,
    reassign_sectors,
    sensitivity_table,
    unit_weights,
)
from helixnet.networks._subordination import (
    SubordinationReport,
    subordination_report,
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
