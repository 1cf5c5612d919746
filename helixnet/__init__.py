"""helixnet: Triple Helix (university-industry-government) network analysis.

Two families of tools in one package, in layers that the folder names show:

* :mod:`helixnet.information` -- Leydesdorff's Triple Helix indicator, the
  mutual information among the dimensions of a distribution, in bits
  (negative values mean synergy), with decompositions and uncertainty;
* :mod:`helixnet.networks` -- social network analysis of actor graphs whose
  nodes carry a ``sector`` (U science, I business, G government, O other):
  centrality, brokerage, hierarchy, government mediation and the
  configuration verdict;
* :mod:`helixnet.bibliometrics` -- co-authorship Triple Helix from
  bibliographic records; :mod:`helixnet.plot` -- publication figures;
* :mod:`helixnet.kazakhstan` -- the case study built on all of them.

Every public function and result type is also available at the top level
(``hx.synergy``, ``hx.centrality``, ...). Names are loaded lazily so that
``import helixnet`` (and the command line's ``--help``) stays fast.

>>> import helixnet as hx
>>> hx.__version__ == hx._version.__version__
True
"""

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
    "synergy_triads": "helixnet.information",
    "synergy_map": "helixnet.information",
    "g_test": "helixnet.information",
    "bootstrap": "helixnet.information",
    "permutation_test": "helixnet.information",
    "decompose": "helixnet.information",
    "shapley": "helixnet.information",
    "DecompositionResult": "helixnet.information",
    "krippendorff_interaction": "helixnet.information",
    "KrippendorffResult": "helixnet.information",
    # game-theoretic indicators (Megnigbeto)
    "game": "helixnet.information",
    "GameResult": "helixnet.information",
    "ShapleyResult": "helixnet.information",
    # counting engines (pandas, DuckDB, Dask)
    "count_table": "helixnet.information",
    # OpenAlex at scale (snapshot or API)
    "openalex": "helixnet.bibliometrics",
    "OpenAlexResult": "helixnet.bibliometrics",
    # actor graphs
    "kazakhstan_graph": "helixnet.kazakhstan",
    "from_edges": "helixnet.networks",
    "from_bipartite": "helixnet.networks",
    # network analysis
    "centrality": "helixnet.networks",
    "sector_centrality": "helixnet.networks",
    "brokerage": "helixnet.networks",
    "brokerage_test": "helixnet.networks",
    "sector_brokerage": "helixnet.networks",
    "brokerage_global": "helixnet.networks",
    "hierarchy": "helixnet.networks",
    "HierarchyResult": "helixnet.networks",
    "ei_index": "helixnet.networks",
    "mediation": "helixnet.networks",
    "MediationResult": "helixnet.networks",
    "configuration": "helixnet.networks",
    "ConfigurationResult": "helixnet.networks",
    "archetype_graph": "helixnet.networks",
    "subordination_metrics": "helixnet.networks",
    "SubordinationMetrics": "helixnet.networks",
    "sensitivity": "helixnet.kazakhstan",
    "SensitivityResult": "helixnet.networks",
    "significance": "helixnet.networks",
    "rewire": "helixnet.networks",
    "permute_sectors": "helixnet.networks",
    "subordination_report": "helixnet.networks",
    "kazakhstan_report": "helixnet.kazakhstan",
    "SubordinationReport": "helixnet.networks",
    "KazakhstanReport": "helixnet.kazakhstan",
}
_SUBMODULES = {
    "datasets",
    "exceptions",
    "information",
    "networks",
    "bibliometrics",
    "plot",
    "kazakhstan",
}

# Modules of 0.1 that are now part of a layer: ``hx.<old>.<name>`` works for
# one release, with a DeprecationWarning naming the new place.
_MOVED_MODULES = {
    "uncertainty": ("helixnet.information",),
    "decomposition": ("helixnet.information",),
    "krippendorff": ("helixnet.information",),
    "triads": ("helixnet.information",),
    "engines": ("helixnet.information",),
    "graphs": ("helixnet.networks", "helixnet.kazakhstan"),
    "nullmodels": ("helixnet.networks",),
    "subordination": ("helixnet.networks", "helixnet.kazakhstan"),
    "plot_game": ("helixnet.plot",),
    "plot_openalex": ("helixnet.plot",),
    "reproduce": ("helixnet.kazakhstan",),
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


class _MovedModule(_types.ModuleType):
    """Stand-in for a module of 0.1: forwards to the layer that holds its names now."""

    def __init__(self, name, targets):
        super().__init__(f"helixnet.{name}")
        self._targets = targets

    def __getattr__(self, attr):
        for target in self._targets:
            module = import_module(target)
            if attr in getattr(module, "__all__", ()):
                from helixnet._deprecation import warn_moved

                warn_moved(f"{self.__name__}.{attr}", f"{target}.{attr}")
                return getattr(module, attr)
        raise AttributeError(f"module {self.__name__!r} has no attribute {attr!r}")


def __getattr__(name):
    if name in _LAZY:
        value = getattr(import_module(_LAZY[name]), name)
        globals()[name] = value
        return value
    if name in _SUBMODULES:
        module = import_module(f"helixnet.{name}")
        globals()[name] = module
        return module
    if name in _MOVED_MODULES:
        return _MovedModule(name, _MOVED_MODULES[name])
    raise AttributeError(f"module 'helixnet' has no attribute {name!r}")


def __dir__():
    return sorted(set(globals()) | set(_LAZY) | _SUBMODULES)
