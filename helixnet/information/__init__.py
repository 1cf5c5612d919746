"""Information measures: the Triple Helix indicator and everything built on it.

Entropies and mutual information among N dimensions (``_measures``), the
shared arithmetic every measure uses (``_core``), counting engines for data
larger than memory (``_engines``: pandas, DuckDB, Dask), uncertainty
(``_uncertainty``: bootstrap, permutation and G tests), decompositions
(``_decomposition``: within/between groups, Shapley values), Krippendorff's
interaction information (``_krippendorff``), the game-theoretic indicators
(``_game``) and the synergy of every triad of many dimensions (``_triads``).
The modules are private; their public names are re-exported here and at the
top level (``hx.synergy``, ``hx.bootstrap``, ...).
"""

from helixnet.information._decomposition import (
    SHAPLEY_VALUES,
    DecompositionResult,
    ShapleyResult,
    decompose,
    shapley,
)
from helixnet.information._engines import (
    ENGINES,
    MAX_CELLS,
    CountTable,
    count_table,
    read_data,
)
from helixnet.information._engines import (
    read_records as read_records,  # deprecated alias of read_data (not in __all__)
)
from helixnet.information._game import (
    PLAYERS,
    GameResult,
    game,
)
from helixnet.information._krippendorff import (
    DEFAULT_MAX_ITER,
    DEFAULT_TOL,
    KrippendorffResult,
    krippendorff_interaction,
)
from helixnet.information._measures import (
    BIAS_CORRECTIONS,
    Contingency,
    SynergyResult,
    contingency,
    entropy,
    mutual_information,
    redundancy,
    sign_reading,
    synergy,
    venn_table,
)
from helixnet.information._triads import (
    ALTERNATIVES,
    CORRECTIONS,
    synergy_map,
    synergy_triads,
    write_synergy_map,
)
from helixnet.information._uncertainty import (
    BOOTSTRAP_METHODS,
    BootstrapResult,
    GTestResult,
    PermutationResult,
    bootstrap,
    g_test,
    permutation_test,
)

__all__ = [
    "mutual_information",
    "entropy",
    "redundancy",
    "venn_table",
    "synergy",
    "SynergyResult",
    "contingency",
    "Contingency",
    "BIAS_CORRECTIONS",
    "sign_reading",
    "bootstrap",
    "BootstrapResult",
    "BOOTSTRAP_METHODS",
    "permutation_test",
    "PermutationResult",
    "g_test",
    "GTestResult",
    "decompose",
    "shapley",
    "DecompositionResult",
    "ShapleyResult",
    "SHAPLEY_VALUES",
    "CountTable",
    "count_table",
    "read_data",
    "ENGINES",
    "MAX_CELLS",
    "DEFAULT_MAX_ITER",
    "DEFAULT_TOL",
    "KrippendorffResult",
    "krippendorff_interaction",
    "PLAYERS",
    "GameResult",
    "game",
    "ALTERNATIVES",
    "CORRECTIONS",
    "synergy_map",
    "synergy_triads",
    "write_synergy_map",
]
