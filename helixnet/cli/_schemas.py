"""JSON Schemas (draft 2020-12) of every command's ``--format json`` output.

These are the documented, stable output contracts (see docs/cli.md); the tests
validate real outputs against them. ``SCHEMAS`` maps command name → schema.
"""

_NUMBER = {"type": "number"}
_NUMBER_OR_NULL = {"type": ["number", "null"]}
_LABEL = {"type": ["string", "number", "boolean"]}

_BY_SUBSET = {
    "type": "object",
    "minProperties": 1,
    "additionalProperties": _NUMBER,
    "propertyNames": {"type": "string", "minLength": 1},
}

SYNERGY = {
    "$schema": "https://json-schema.org/draft/2020-12/schema",
    "title": "helixnet synergy",
    "type": "object",
    "required": ["dimensions", "n", "unit", "entropy", "mutual_information", "dropped"],
    "additionalProperties": False,
    "properties": {
        "dimensions": {"type": "array", "items": {"type": "string"}, "minItems": 2},
        "n": {"type": "number", "exclusiveMinimum": 0},
        "unit": {"enum": ["bit", "mbit", "nat"]},
        "entropy": _BY_SUBSET,
        "mutual_information": _BY_SUBSET,
        "dropped": {"type": "integer", "minimum": 0},
        "intervals": {
            "type": "object",
            "required": ["n_boot", "ci", "seed", "mutual_information"],
            "additionalProperties": False,
            "properties": {
                "n_boot": {"type": "integer", "minimum": 1},
                "ci": {"type": "number", "exclusiveMinimum": 0, "exclusiveMaximum": 1},
                "seed": {"type": ["integer", "null"]},
                "mutual_information": {
                    "type": "object",
                    "additionalProperties": {
                        "type": "object",
                        "required": ["estimate", "mean", "std_error", "ci_low", "ci_high"],
                        "properties": {"std_error": _NUMBER_OR_NULL},  # null for a single replicate
                        "additionalProperties": _NUMBER,
                    },
                },
            },
        },
    },
}

_RECORDS = {"type": "array", "items": {"type": "object"}}

DECOMPOSE = {
    "$schema": "https://json-schema.org/draft/2020-12/schema",
    "title": "helixnet decompose",
    "type": "object",
    "required": ["unit", "n", "dims", "total", "within", "between", "terms", "levels", "groups"],
    "properties": {
        "unit": {"enum": ["bit", "mbit", "nat"]},
        "n": _NUMBER,
        "dims": {"type": "array", "items": {"type": "string"}, "minItems": 2},
        "total": _NUMBER_OR_NULL,
        "within": _NUMBER_OR_NULL,
        "between": _NUMBER_OR_NULL,
        "terms": {
            "type": "array",
            "items": {
                "type": "object",
                "required": ["term", "level", "value", "share"],
                "properties": {"term": {"enum": ["between", "within"]}, "value": _NUMBER_OR_NULL,
                               "share": _NUMBER_OR_NULL},  # fmt: skip
            },
        },
        "levels": {
            "type": "array",
            "items": {
                "type": "object",
                "required": ["level", "depth", "n_groups", "within", "between", "between_share"],
            },
        },
        "groups": {
            "type": "array",
            "items": {
                "type": "object",
                "required": ["level", "depth", "group", "parent", "n", "weight", "T", "contribution", "between"],
            },
        },
    },
}

SHAPLEY = {
    "$schema": "https://json-schema.org/draft/2020-12/schema",
    "title": "helixnet shapley",
    "type": "object",
    "required": ["dimensions", "player", "unit", "method", "n_permutations", "total", "values"],
    "additionalProperties": False,
    "properties": {
        "dimensions": {"type": "array", "items": {"type": "string"}, "minItems": 2},
        "player": {"type": "string"},
        "unit": {"enum": ["bit", "mbit", "nat"]},
        "method": {"enum": ["exact", "permutation"]},
        "n_permutations": {"type": "integer", "minimum": 0},
        "total": _NUMBER,
        "values": {
            "type": "array",
            "items": {
                "type": "object",
                "required": ["player", "shapley", "stderr"],
                "additionalProperties": False,
                "properties": {"player": _LABEL, "shapley": _NUMBER, "stderr": _NUMBER_OR_NULL},
            },
        },
    },
}

_CENTRALITY_NODE = {
    "type": "object",
    "required": ["node", "sector", "in_degree", "out_degree", "in_strength", "out_strength", "betweenness",
                 "closeness", "eigenvector", "pagerank", "hub", "authority", "eigenvector_method"],
    "additionalProperties": False,
    "properties": {
        "node": _LABEL,
        "sector": {"enum": ["U", "I", "G", "O"]},
        **{m: _NUMBER_OR_NULL for m in ("in_degree", "out_degree", "in_strength", "out_strength", "betweenness",
                                        "closeness", "eigenvector", "pagerank", "hub", "authority")},
        "eigenvector_method": {"type": "string"},
    },
}  # fmt: skip

CENTRALITY = {
    "$schema": "https://json-schema.org/draft/2020-12/schema",
    "title": "helixnet centrality",
    "type": "object",
    "required": ["backend", "normalized", "nodes"],
    "additionalProperties": False,
    "properties": {
        "backend": {"enum": ["networkx", "igraph"]},
        "normalized": {"type": "boolean"},
        "nodes": {"type": "array", "items": _CENTRALITY_NODE},
    },
}

BROKERAGE = {
    "$schema": "https://json-schema.org/draft/2020-12/schema",
    "title": "helixnet brokerage",
    "type": "object",
    "required": ["attr", "nodes"],
    "additionalProperties": False,
    "properties": {
        "attr": {"type": "string"},
        "nodes": {
            "type": "array",
            "items": {
                "type": "object",
                "required": ["node", "group", "coordinator", "itinerant", "representative", "gatekeeper",
                             "liaison", "total"],
                "additionalProperties": False,
                "properties": {
                    "node": _LABEL,
                    "group": _LABEL,
                    **{r: {"type": "integer", "minimum": 0} for r in ("coordinator", "itinerant", "representative",
                                                                     "gatekeeper", "liaison", "total")},
                },
            },
        },
    },
}  # fmt: skip

GRAPH = {
    "$schema": "https://json-schema.org/draft/2020-12/schema",
    "title": "helixnet graph (--to edges --format json)",
    "type": "object",
    "required": ["directed", "nodes", "edges"],
    "additionalProperties": False,
    "properties": {
        "directed": {"type": "boolean"},
        "nodes": {"type": "array", "items": {"type": "object", "required": ["node", "sector"]}},
        "edges": {"type": "array", "items": {"type": "object", "required": ["source", "target", "weight"]}},
    },
}

SUBORDINATION = {
    "$schema": "https://json-schema.org/draft/2020-12/schema",
    "title": "helixnet subordination",
    "type": "object",
    "required": ["name", "verdict", "summary", "centrality", "sector_shares", "dominance", "brokerage",
                 "mediation", "mediation_relationships", "hierarchy", "configuration", "significance"],
    "properties": {
        "verdict": {"enum": ["statist", "laissez-faire", "balanced"]},
        "summary": {"type": "string"},
        "centrality": {"type": "array", "items": {"type": "object", "required": ["node", "sector"]}},
        "mediation": {"type": "object", "required": ["path_share", "indirect_share", "reachability_loss"]},
        "mediation_relationships": {"type": "object",
                                    "required": ["path_share", "indirect_share", "reachability_loss"]},
        "hierarchy": {"type": "object", "required": ["krackhardt", "flow", "global_reaching", "reciprocity"]},
        "configuration": {"type": "object", "required": ["verdict", "statist_votes", "balanced_votes", "evidence"]},
        "significance": {"type": "array",
                         "items": {"type": "object", "required": ["model", "metric", "observed", "z", "p_value"]}},
    },
}

DATASETS = {
    "$schema": "https://json-schema.org/draft/2020-12/schema",
    "title": "helixnet datasets",
    "type": "array",
    "items": {"type": "object", "required": ["name", "rows", "source"]},
}

_OPENALEX_CELLS = ["U", "I", "G", "F", "UI", "UG", "UF", "IG", "IF", "GF", "UIG", "UIF", "UGF", "IGF", "UIGF", "none"]

OPENALEX = {
    "$schema": "https://json-schema.org/draft/2020-12/schema",
    "title": "helixnet openalex",
    "type": "object",
    "required": ["source", "n_works", "n_untyped", "settings", "rows"],
    "additionalProperties": False,
    "properties": {
        "source": {"enum": ["snapshot", "api"]},
        "n_works": {"type": "integer", "minimum": 0},
        "n_untyped": {"type": "integer", "minimum": 0},
        "settings": {"type": "object", "required": ["engine", "n_boot", "seed", "ci", "unit", "files"]},
        "rows": {
            "type": "array",
            "items": {
                "type": "object",
                "required": ["country", "year", "n_records", *_OPENALEX_CELLS, "n_untyped", "T", "ci_low",
                             "ci_high", "R_UIGF", "R_ci_low", "R_ci_high"],
                "additionalProperties": False,
                "properties": {
                    "country": {"type": ["string", "null"]},
                    "year": {"type": ["integer", "null"]},
                    "n_records": {"type": "integer", "minimum": 1},
                    **{c: {"type": "integer", "minimum": 0} for c in _OPENALEX_CELLS},
                    "n_untyped": {"type": "integer", "minimum": 0},
                    "T": _NUMBER,
                    "ci_low": _NUMBER_OR_NULL,
                    "ci_high": _NUMBER_OR_NULL,
                    "R_UIGF": _NUMBER,
                    "R_ci_low": _NUMBER_OR_NULL,
                    "R_ci_high": _NUMBER_OR_NULL,
                },
            },
        },
    },
}

SCHEMAS = {
    "synergy": SYNERGY,
    "decompose": DECOMPOSE,
    "shapley": SHAPLEY,
    "centrality": CENTRALITY,
    "brokerage": BROKERAGE,
    "graph": GRAPH,
    "subordination": SUBORDINATION,
    "datasets": DATASETS,
    "openalex": OPENALEX,
}
