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

_BY_PLAYER = {
    "type": "object",
    "required": ["U", "I", "G"],
    "additionalProperties": False,
    "properties": {"U": _NUMBER, "I": _NUMBER, "G": _NUMBER},
}

_GAME = {
    "type": "object",
    "required": ["players", "n", "unit", "counts", "characteristic_function", "shapley", "nucleolus",
                 "core", "convex"],
    "additionalProperties": False,
    "properties": {
        "players": {"const": ["U", "I", "G"]},
        "n": {"type": "number", "exclusiveMinimum": 0},
        "unit": {"const": "percent"},
        "counts": {
            "type": "object",
            "required": ["U", "I", "G", "UI", "UG", "IG", "UIG"],
            "additionalProperties": False,
            "properties": {k: {"type": "number", "minimum": 0} for k in ["U", "I", "G", "UI", "UG", "IG", "UIG"]},
        },
        "characteristic_function": {
            "type": "object",
            "required": ["U", "I", "G", "UI", "UG", "IG", "UIG"],
            "additionalProperties": False,
            "properties": {k: _NUMBER for k in ["U", "I", "G", "UI", "UG", "IG", "UIG"]},
        },
        "shapley": _BY_PLAYER,
        "nucleolus": _BY_PLAYER,
        "core": {
            "type": "object",
            "required": ["empty", "bounds", "vertices"],
            "additionalProperties": False,
            "properties": {
                "empty": {"type": "boolean"},
                "bounds": {
                    "type": ["object", "null"],
                    "additionalProperties": {"type": "array", "items": _NUMBER, "minItems": 2, "maxItems": 2},
                },
                "vertices": {
                    "type": "array",
                    "items": {"type": "array", "items": _NUMBER, "minItems": 3, "maxItems": 3},
                },
            },
        },
        "convex": {"type": "boolean"},
    },
}

SYNERGY = {
    "$schema": "https://json-schema.org/draft/2020-12/schema",
    "title": "helixnet synergy",
    "type": "object",
    "required": ["dimensions", "n", "unit", "entropy", "mutual_information", "redundancy",
                 "constant_dimensions", "dropped"],
    "additionalProperties": False,
    "properties": {
        "dimensions": {"type": "array", "items": {"type": "string"}, "minItems": 2},
        "n": {"type": "number", "exclusiveMinimum": 0},
        "unit": {"enum": ["bit", "mbit", "nat"]},
        "entropy": _BY_SUBSET,
        "mutual_information": _BY_SUBSET,
        "redundancy": _BY_SUBSET,
        "constant_dimensions": {"type": "array", "items": {"type": "string"}},
        "dropped": {"type": "integer", "minimum": 0},
        "intervals": {
            "type": "object",
            "required": ["n_boot", "ci", "seed", "method", "cases_per_cell", "mutual_information"],
            "additionalProperties": False,
            "properties": {
                "n_boot": {"type": "integer", "minimum": 1},
                "ci": {"type": "number", "exclusiveMinimum": 0, "exclusiveMaximum": 1},
                "seed": {"type": ["integer", "null"]},
                "method": {"enum": ["basic", "bca", "percentile"]},
                "cases_per_cell": _NUMBER,
                "mutual_information": {
                    "type": "object",
                    "additionalProperties": {
                        "type": "object",
                        "required": ["estimate", "mean", "std_error", "bias", "bias_corrected", "ci_low",
                                     "ci_high"],
                        "properties": {"std_error": _NUMBER_OR_NULL},  # null for a single replicate
                        "additionalProperties": _NUMBER,
                    },
                },
            },
        },
        "krippendorff": {  # only with --krippendorff
            "type": "object",
            "required": ["dimensions", "n", "unit", "interaction_information", "mutual_information", "Q", "R", "ipf"],
            "additionalProperties": False,
            "properties": {
                "dimensions": {"type": "array", "items": {"type": "string"}, "minItems": 2},
                "n": {"type": "number", "exclusiveMinimum": 0},
                "unit": {"enum": ["bit", "mbit", "nat"]},
                "interaction_information": {"type": "number", "minimum": 0},
                "mutual_information": _NUMBER,
                "Q": _NUMBER_OR_NULL,  # null unless three dimensions
                "R": _NUMBER_OR_NULL,
                "ipf": {
                    "type": "object",
                    "required": ["tol", "max_iter", "iterations", "converged", "max_deviation"],
                    "additionalProperties": False,
                    "properties": {
                        "tol": {"type": "number", "exclusiveMinimum": 0},
                        "max_iter": {"type": "integer", "minimum": 1},
                        "iterations": {"type": "integer", "minimum": 0},
                        "converged": {"type": "boolean"},
                        "max_deviation": {"type": "number", "minimum": 0},
                    },
                },
            },
        },
        "game": _GAME,  # only with --game
    },
}

_RECORDS = {"type": "array", "items": {"type": "object"}}

DECOMPOSE = {
    "$schema": "https://json-schema.org/draft/2020-12/schema",
    "title": "helixnet decompose",
    "type": "object",
    "required": ["unit", "n", "dimensions", "total", "within", "between", "terms", "levels", "groups"],
    "properties": {
        "unit": {"enum": ["bit", "mbit", "nat"]},
        "n": _NUMBER,
        "dimensions": {"type": "array", "items": {"type": "string"}, "minItems": 2},
        # the 0.1 name of "dimensions" (the one key vocabulary of to_dict); goes in the next release
        "dims": {"type": "array", "items": {"type": "string"}, "minItems": 2, "deprecated": True},
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
    "required": ["dimensions", "player", "unit", "value", "method", "n_permutations", "seed", "total",
                 "size_ratio", "values"],
    "additionalProperties": False,
    "properties": {
        "dimensions": {"type": "array", "items": {"type": "string"}, "minItems": 2},
        "player": {"type": "string"},
        "unit": {"enum": ["bit", "mbit", "nat"]},
        "value": {"enum": ["pooled", "weighted"]},
        "method": {"enum": ["exact", "permutation"]},
        "n_permutations": {"type": "integer", "minimum": 0},
        "seed": {"type": ["integer", "null"]},
        "total": _NUMBER,
        "size_ratio": _NUMBER_OR_NULL,
        "values": {
            "type": "array",
            "items": {
                "type": "object",
                "required": ["player", "n", "share", "shapley", "stderr"],
                "additionalProperties": False,
                "properties": {"player": _LABEL, "n": _NUMBER, "share": _NUMBER_OR_NULL, "shapley": _NUMBER,
                               "stderr": _NUMBER_OR_NULL},
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
    "required": ["backend", "normalized", "sources", "seed", "nodes"],
    "additionalProperties": False,
    "properties": {
        "backend": {"enum": ["networkx", "igraph"]},
        "normalized": {"type": "boolean"},
        "sources": {"type": ["integer", "null"], "minimum": 1},
        "seed": {"type": ["integer", "null"], "minimum": 0},
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
    "required": ["name", "reading", "verdict", "verdicts", "summary", "centrality", "sector_shares", "dominance",
                 "brokerage", "mediation", "mediation_relationships", "hierarchy", "configuration",
                 "configurations"],
    "properties": {
        "verdict": {"enum": ["statist", "laissez-faire", "balanced", "undetermined"]},
        "reading": {"enum": ["flows", "relationships"]},
        "summary": {"type": "string"},
        "centrality": {"type": "array", "items": {"type": "object", "required": ["node", "sector"]}},
        "mediation": {"type": "object", "required": ["path_share", "indirect_share", "reachability_loss"]},
        "mediation_relationships": {"type": "object",
                                    "required": ["path_share", "indirect_share", "reachability_loss"]},
        "hierarchy": {"type": "object", "required": ["krackhardt", "flow", "global_reaching", "reciprocity"]},
        "configuration": {"type": "object", "required": ["verdict", "reading", "statist_votes", "balanced_votes",
                                                         "n_null", "seed", "level", "diagnostics", "evidence"]},
        "configurations": {"type": "object"},
    },
}

SENSITIVITY = {
    "$schema": "https://json-schema.org/draft/2020-12/schema",
    "title": "helixnet subordination --sensitivity",
    "type": "object",
    "required": ["n_null", "seed", "level", "table", "evidence"],
    "properties": {
        "table": {"type": "array", "items": {"type": "object", "required": ["variant", "reading", "verdict"]}},
        "evidence": {"type": "array", "items": {"type": "object", "required": ["variant", "metric", "result"]}},
    },
}

DATASETS = {
    "$schema": "https://json-schema.org/draft/2020-12/schema",
    "title": "helixnet datasets",
    "type": "array",
    "items": {"type": "object", "required": ["name", "rows", "source"]},
}

_TRIAD_ROW = {
    "type": "object",
    "required": ["a", "b", "c", "T", "R", "n", "T_ab", "T_ac", "T_bc", "p_value", "p_adjusted"],
    "properties": {
        **{k: _LABEL for k in "abcd"},
        **{k: _NUMBER for k in ("T", "R", "n", "T_ab", "T_ac", "T_ad", "T_bc", "T_bd", "T_cd")},
        "p_value": _NUMBER_OR_NULL,
        "p_adjusted": _NUMBER_OR_NULL,
    },
    "additionalProperties": False,
}

TRIADS = {
    "$schema": "https://json-schema.org/draft/2020-12/schema",
    "title": "helixnet triads",
    "type": "object",
    "required": ["columns", "order", "unit", "n", "tuples", "n_perm", "alternative", "correction", "seed",
                 "triads"],
    "additionalProperties": False,
    "properties": {
        "columns": {"type": "array", "items": {"type": "string"}, "minItems": 3},
        "order": {"enum": [3, 4]},
        "unit": {"enum": ["bit", "mbit", "nat"]},
        "n": {"type": "number", "exclusiveMinimum": 0},
        "tuples": {"type": "integer", "minimum": 1},
        "n_perm": {"type": "integer", "minimum": 0},
        "alternative": {"enum": ["less", "greater", "two-sided"]},
        "correction": {"enum": [None, "max", "fdr_bh"]},
        "seed": {"type": ["integer", "null"]},
        "triads": {"type": "array", "items": _TRIAD_ROW},
    },
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
    "subordination_sensitivity": SENSITIVITY,
    "datasets": DATASETS,
    "triads": TRIADS,
    "openalex": OPENALEX,
}
