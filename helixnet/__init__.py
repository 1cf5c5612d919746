"""helixnet: Triple Helix (university-industry-government) network analysis.

Two families of tools in one package:

* Leydesdorff's Triple Helix indicator, the mutual information among the
  dimensions of a distribution, in bits (negative values mean synergy), with
  decompositions and uncertainty;
* social network analysis of actor graphs whose nodes carry a ``sector``
  (U science, I business, G government, O other): centrality, brokerage,
  hierarchy and government mediation.

The public names are loaded lazily so that ``import helixnet`` (and the
command line's ``--help``) stays fast.

>>> import helixnet as hx
>>> hx.__version__ == hx._version.__version__
True
"""

import sys as _sys
import types as _types
from importlib import import_module

from helixnet._version import __version__
from helixnet.exceptions import (
    HelixnetError,
    HelixnetTypeError,
    HelixnetValueError,
    HelixnetWarning,
    InputFileError,
    InvalidGraphError,
    InvalidRecordsError,
    InvalidTableError,
    UnknownDatasetError,
)

# public name -> module that defines it (imported on first use)
_LAZY = {
    # information measures (Triple Helix indicator)
    "mutual_information": "helixnet.information",
    "entropy": "helixnet.information",
    "venn_table": "helixnet.information",
    "synergy": "helixnet.information",
    "SynergyResult": "helixnet.information",
    "redundancy": "helixnet.information",
    "contingency": "helixnet.information",
    "synergy_triads": "helixnet.triads",
    "synergy_map": "helixnet.triads",
    "g_test": "helixnet.uncertainty",
    "bootstrap": "helixnet.uncertainty",
    "permutation_test": "helixnet.uncertainty",
    "decompose": "helixnet.decomposition",
    "shapley": "helixnet.decomposition",
    "DecompositionResult": "helixnet.decomposition",
    "krippendorff_interaction": "helixnet.krippendorff",
    "KrippendorffResult": "helixnet.krippendorff",
    # game-theoretic indicators (Megnigbeto)
    "game": "helixnet.game",
    "GameResult": "helixnet.game",
    "ShapleyResult": "helixnet.decomposition",
    # counting engines (pandas, DuckDB, Dask)
    "count_table": "helixnet.engines",
    # OpenAlex at scale (snapshot or API)
    "openalex": "helixnet.openalex",
    "OpenAlexResult": "helixnet.openalex",
    # actor graphs
    "kazakhstan_graph": "helixnet.graphs",
    "from_edges": "helixnet.graphs",
    "from_bipartite": "helixnet.graphs",
    # network analysis
    "centrality": "helixnet.centrality",
    "sector_centrality": "helixnet.centrality",
    "brokerage": "helixnet.brokerage",
    "brokerage_test": "helixnet.brokerage",
    "sector_brokerage": "helixnet.brokerage",
    "brokerage_global": "helixnet.brokerage",
    "hierarchy": "helixnet.hierarchy",
    "ei_index": "helixnet.hierarchy",
    "mediation": "helixnet.mediation",
    "MediationResult": "helixnet.mediation",
    "configuration": "helixnet.configuration",
    "ConfigurationResult": "helixnet.configuration",
    "archetype_graph": "helixnet.configuration",
    "subordination_metrics": "helixnet.configuration",
    "sensitivity": "helixnet.sensitivity",
    "SensitivityResult": "helixnet.sensitivity",
    "significance": "helixnet.nullmodels",
    "rewire": "helixnet.nullmodels",
    "permute_sectors": "helixnet.nullmodels",
    "subordination_report": "helixnet.subordination",
    "kazakhstan_report": "helixnet.subordination",
    "SubordinationReport": "helixnet.subordination",
    "KazakhstanReport": "helixnet.subordination",
}
_SUBMODULES = {
    "datasets",
    "information",
    "triads",
    "uncertainty",
    "decomposition",
    "krippendorff",
    "game",
    "plot_game",
    "graphs",
    "centrality",
    "brokerage",
    "hierarchy",
    "mediation",
    "configuration",
    "nullmodels",
    "subordination",
    "sensitivity",
    "plot",
    "bibliometrics",
    "engines",
    "plot_openalex",
    "reproduce",
    "exceptions",
}

__all__ = [
    "__version__",
    "HelixnetError",
    "HelixnetTypeError",
    "HelixnetValueError",
    "HelixnetWarning",
    "InputFileError",
    "InvalidGraphError",
    "InvalidRecordsError",
    "InvalidTableError",
    "UnknownDatasetError",
    *sorted(_LAZY),
]


class _Namespace(_types.ModuleType):
    """The package module: a function shares its name with the module defining it
    (``hx.centrality`` is the function of ``helixnet.centrality``). Importing such a
    submodule would make the import system set the package attribute to the module;
    this keeps the function there instead. The module's other names are imported
    with ``from helixnet.centrality import sector_centrality`` (``import
    helixnet.centrality as m`` binds the function, as Python resolves it through
    the package attribute)."""

    def __setattr__(self, name, value):
        if (
            name in _LAZY
            and isinstance(value, _types.ModuleType)
            and value.__name__ == _LAZY[name]
        ):
            value = getattr(value, name)
        super().__setattr__(name, value)


_sys.modules[__name__].__class__ = _Namespace


def __getattr__(name):
    if name in _LAZY:
        value = getattr(import_module(_LAZY[name]), name)
        globals()[name] = value
        return value
    if name in _SUBMODULES:
        module = import_module(f"helixnet.{name}")
        globals()[name] = module
        return module
    raise AttributeError(f"module 'helixnet' has no attribute {name!r}")


def __dir__():
    return sorted(set(globals()) | set(_LAZY) | _SUBMODULES)
