"""Co-authorship Triple Helix from bibliographic records.

Reading Web of Science, Scopus, OpenAlex and MEDLINE exports (``_formats``,
``_pipeline``), classifying addresses into sectors by transparent rules
(``rules/``), counting documents per Venn cell and T per year or country
(``_pipeline``), and OpenAlex at scale from a snapshot or the API
(``_openalex``).
"""

from helixnet.bibliometrics._openalex import (
    CELLS,
    SAMPLE_SNAPSHOT,
    TABLE_COLUMNS,
    OpenAlexResult,
    count_works,
    fetch_works,
    openalex,
    ror_sector_map,
    snapshot_files,
    trends_table,
)
from helixnet.bibliometrics._pipeline import (
    RecordCounts,
    Records,
    address_classifier,
    address_sectors,
    audit,
    classify,
    classify_address,
    coauthorship_network,
    country_code,
    detect_format,
    document_sectors,
    document_venn_counts,
    load_ror_dump,
    load_ror_types,
    load_rules,
    read_counts,
    read_records,
    split_address,
    synergy_table,
)
from helixnet.bibliometrics._pipeline import (
    venn_counts as venn_counts,  # deprecated alias of document_venn_counts (not in __all__)
)

__all__ = [
    "RecordCounts",
    "Records",
    "address_classifier",
    "address_sectors",
    "audit",
    "classify",
    "classify_address",
    "coauthorship_network",
    "country_code",
    "detect_format",
    "document_sectors",
    "load_ror_dump",
    "load_ror_types",
    "load_rules",
    "split_address",
    "read_counts",
    "read_records",
    "synergy_table",
    "document_venn_counts",
    "openalex",
    "OpenAlexResult",
    "fetch_works",
    "snapshot_files",
    "count_works",
    "trends_table",
    "ror_sector_map",
    "TABLE_COLUMNS",
    "CELLS",
    "SAMPLE_SNAPSHOT",
]
