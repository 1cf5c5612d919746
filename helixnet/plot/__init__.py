"""Publication figures for Triple Helix analyses.

Every function draws on a matplotlib ``Axes`` (``ax=None`` makes a new
figure) and returns the axes it drew on, so figures compose into panels and
tests can inspect titles, labels, bars and nodes. Nothing here calls
``plt.show()`` or changes matplotlib's global settings: the publication
defaults apply only inside ``with helixnet.plot.style():``. One
colour-blind-safe palette (Okabe & Ito 2008) codes the four sectors in one
order everywhere: U (science), I (business), G (government), O (other).

The shared style and helpers are in ``_base``; figures of networks in
``_networks``, of information measures in ``_information``, of the
game-theoretic indicators in ``_game``, of triads in ``_triads`` and of
OpenAlex trends in ``_openalex``. The paper's own figures are in
:mod:`helixnet.kazakhstan`.
"""

from helixnet.plot._base import (
    CATEGORY_PALETTE,
    SECTOR_LABELS,
    SECTOR_ORDER,
    SECTOR_PALETTE,
    save,
    style,
)
from helixnet.plot._game import (
    game_core,
    ternary_xy,
)
from helixnet.plot._information import (
    decomposition_bars,
    shapley_bars,
    synergy_interval,
    synergy_over_time,
    venn3,
)
from helixnet.plot._networks import (
    actor_network,
    brokerage_profile,
    centrality_by_sector,
    configuration_evidence,
    mediation,
    sector_layout,
    sensitivity,
    shell_layout,
)
from helixnet.plot._openalex import (
    trends,
)
from helixnet.plot._triads import (
    plot_synergy_map,
)

__all__ = [
    "SECTOR_ORDER",
    "SECTOR_PALETTE",
    "SECTOR_LABELS",
    "CATEGORY_PALETTE",
    "style",
    "save",
    "sector_layout",
    "shell_layout",
    "actor_network",
    "centrality_by_sector",
    "brokerage_profile",
    "mediation",
    "configuration_evidence",
    "sensitivity",
    "venn3",
    "synergy_interval",
    "decomposition_bars",
    "shapley_bars",
    "synergy_over_time",
    "game_core",
    "ternary_xy",
    "plot_synergy_map",
    "trends",
]

# The paper's figures moved to helixnet.kazakhstan in 0.2; the old names work for
# one release with a DeprecationWarning.
_MOVED_TO_KAZAKHSTAN = {
    "funding_sources",
    "cost_structure",
    "innovation_activity",
    "research_types",
    "funding_by_sector",
    "personnel",
    "plan_vs_actual",
    "international_comparison",
    "TABLE_SECTOR_LABELS",
}


def __getattr__(name):
    if name in _MOVED_TO_KAZAKHSTAN:
        from helixnet import kazakhstan
        from helixnet._deprecation import warn_moved

        warn_moved(f"helixnet.plot.{name}", f"helixnet.kazakhstan.{name}")
        return getattr(kazakhstan, name)
    raise AttributeError(f"module 'helixnet.plot' has no attribute {name!r}")
