"""The core of the Triple Helix game on a ternary diagram (Mêgnigbêto 2018b, 2024).

Mêgnigbêto plots the core of the U-I-G game in the triangle of allocations
:math:`x_U + x_I + x_G = 100` %; the position of the core in the triangle
shows which sector the synergy leans to. :func:`game_core` draws that
diagram from a :class:`helixnet.GameResult`, with the Shapley value and the
nucleolus marked.

Like :mod:`helixnet.plot`, it draws on a matplotlib ``Axes`` (``ax=None``
makes a new figure), returns the axes, and never calls ``plt.show()`` or
changes global settings.

References
----------
Mêgnigbêto, E. (2018b). *Triple Helix* 5, 6. doi:10.1186/s40604-018-0054-8

Mêgnigbêto, E. (2024). *Journal of Data and Information Science* 9(1),
82-100. doi:10.2478/jdis-2024-0004
"""

from __future__ import annotations

import math
from typing import TYPE_CHECKING

from helixnet.exceptions import HelixnetTypeError
from helixnet.plot._base import CATEGORY_PALETTE, SECTOR_PALETTE, new_axes

if TYPE_CHECKING:
    from matplotlib.axes import Axes

    from helixnet.information import GameResult

__all__ = ["game_core", "ternary_xy"]

_H = math.sqrt(3) / 2


def ternary_xy(x_u: float, x_i: float, x_g: float) -> tuple[float, float]:
    """Plane coordinates of an allocation (percent) in the triangle.

    Corners: U at (0, 0), I at (1, 0), G at (1/2, √3/2); a point's distance
    to the side opposite a corner is that sector's share.

    >>> ternary_xy(100, 0, 0), ternary_xy(0, 100, 0)
    ((0.0, 0.0), (1.0, 0.0))
    >>> [round(c, 4) for c in ternary_xy(0, 0, 100)]
    [0.5, 0.866]
    """
    total = x_u + x_i + x_g
    return ((x_i + x_g / 2) / total, (x_g * _H) / total)


def game_core(result: GameResult, *, zoom: bool = False, ax: Axes | None = None) -> Axes:
    """Draw the core of a Triple Helix game on a ternary diagram.

    Parameters
    ----------
    result : GameResult
        From :func:`helixnet.game`.
    zoom : bool
        Frame the core rather than the whole triangle (the cores of real
        document sets are small: a few percentage points wide).
    ax : matplotlib.axes.Axes, optional

    Returns
    -------
    matplotlib.axes.Axes
        The core is the filled polygon (label "core"), the Shapley value and
        the nucleolus are markers (labels "Shapley value", "nucleolus").

    Raises
    ------
    HelixnetTypeError
        If `result` is not a GameResult.

    See Also
    --------
    helixnet.game

    Examples
    --------
    >>> import matplotlib.pyplot as plt
    >>> import helixnet as hx
    >>> from helixnet.plot._game import game_core
    >>> g = hx.game({"U": 30, "I": 10, "G": 20, "UI": 10, "UG": 20, "UIG": 10})
    >>> ax = game_core(g)
    >>> sorted(h.get_label() for h in ax.get_legend().legend_handles)
    ['Shapley value', 'core', 'nucleolus']
    >>> plt.close("all")
    """
    from matplotlib.patches import Polygon

    from helixnet.information._game import GameResult

    if not isinstance(result, GameResult):
        raise HelixnetTypeError(f"game_core needs a GameResult (from helixnet.game), got {type(result).__name__}")
    ax = new_axes(ax, figsize=(5.6, 5.0))
    corners = {"U": (0.0, 0.0), "I": (1.0, 0.0), "G": (0.5, _H)}
    ax.add_patch(Polygon(list(corners.values()), closed=True, fill=False, edgecolor="#555555", linewidth=1.0))
    for share in (20, 40, 60, 80):  # grid lines of equal share for each sector
        for k in range(3):
            pts = []
            for rest in (0, 100 - share):
                x = [0.0, 0.0, 0.0]
                x[k] = share
                x[(k + 1) % 3] = rest
                x[(k + 2) % 3] = 100 - share - rest
                pts.append(ternary_xy(*x))
            ax.plot(*zip(*pts), color="#DDDDDD", linewidth=0.6, zorder=0)
    for p, (cx, cy) in corners.items():
        off = {"U": (-0.04, -0.04), "I": (0.04, -0.04), "G": (0.0, 0.04)}[p]
        ax.text(cx + off[0], cy + off[1], p, ha="center", va="center", fontweight="bold", color=SECTOR_PALETTE[p])
    if result.core_vertices:
        xy = [ternary_xy(*v) for v in result.core_vertices]
        ax.add_patch(Polygon(xy, closed=True, facecolor=CATEGORY_PALETTE[0], edgecolor="#1f4e79",
                             alpha=0.6, label="core"))  # fmt: skip
    sh = ternary_xy(*(result.shapley[p] for p in result.players))
    nu = ternary_xy(*(result.nucleolus[p] for p in result.players))
    ax.plot(*sh, marker="o", linestyle="none", color=CATEGORY_PALETTE[1], label="Shapley value")
    ax.plot(*nu, marker="x", linestyle="none", color="black", markersize=8, label="nucleolus")
    ax.set_aspect("equal")
    if zoom and result.core_vertices:
        xs, ys = zip(*xy)
        pad = max(max(xs) - min(xs), max(ys) - min(ys)) * 0.25 or 0.01
        ax.set_xlim(min(xs) - pad, max(xs) + pad)
        ax.set_ylim(min(ys) - pad, max(ys) + pad)
    else:
        ax.set_xlim(-0.08, 1.08)
        ax.set_ylim(-0.08, _H + 0.08)
    ax.set_xticks([])
    ax.set_yticks([])
    for side in ax.spines.values():
        side.set_visible(False)
    ax.legend(loc="best" if zoom else "upper right", frameon=False)
    ax.set_title("Core of the Triple Helix game (shares of documents, %)")
    return ax
