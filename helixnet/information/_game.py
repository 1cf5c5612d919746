"""The Triple Helix game: core, Shapley value and nucleolus of U, I and G (Mêgnigbêto).

Mêgnigbêto (2018a, 2018b) models university-industry-government
co-authorship as a three-person cooperative game with transferable utility.
The worth of a coalition S of sectors is the share of the documents whose
sectors all belong to S: with :math:`n_T` the number of documents whose
sector set is exactly T (the seven exclusive regions of the Venn diagram),

.. math::

    v(S) = 100 \\cdot \\frac{\\sum_{\\emptyset \\ne T \\subseteq S} n_T}
                          {\\sum_{\\emptyset \\ne T \\subseteq \\{U,I,G\\}} n_T}
    \\quad (\\text{percent}),

so :math:`v(U) = u`, :math:`v(UI) = u + i + ui` and :math:`v(UIG) = 100`
in the percentages of the seven regions. Documents with none of the three
sectors do not enter the game. This reading is checked against the cores
Mêgnigbêto (2024, table 2) prints for South Korea: their bounds
:math:`v(i) \\le x_i \\le v(UIG) - v(jk)` are reproduced from the printed
Venn counts (tests/test_game.py).

Indicators (standard definitions, as Mêgnigbêto uses them):

* the **core** (Gillies 1953): the allocations :math:`x` with
  :math:`\\sum_{i \\in S} x_i \\ge v(S)` for every S and
  :math:`x_U + x_I + x_G = v(UIG)`; for three players it is the box
  :math:`v(i) \\le x_i \\le v(UIG) - v(jk)` cut by that plane. It "measures
  the extent of the synergy";
* the **Shapley value** (Shapley 1953),
  :math:`\\phi_i = \\sum_{S \\not\\ni i} \\frac{|S|!\\,(2-|S|)!}{3!}
  [v(S \\cup i) - v(S)]`, "an actor's strength to lead to and create
  synergy". In this game each region's share is split equally among its
  sectors: :math:`\\phi_U = u + ui/2 + ug/2 + uig/3`;
* the **nucleolus** (Schmeidler 1969): the imputation that
  lexicographically minimises the largest excesses
  :math:`e(S, x) = v(S) - \\sum_{i \\in S} x_i`, computed by a sequence of
  linear programmes; "an actor's strength to maintain synergy".

Not implemented: Mêgnigbêto's surface area of the core as a percentage (the
"level of synergy") and the transmission power of Mêgnigbêto (2014): their
exact definitions could not be recovered from the sources reachable here.

References
----------
Mêgnigbêto, E. (2018a). Modelling the Triple Helix of
university-industry-government relationships with game theory: Core,
Shapley value and nucleolus as indicators of synergy within an innovation
system. *Journal of Informetrics* 12(4), 1118-1132.
doi:10.1016/j.joi.2018.09.005

Mêgnigbêto, E. (2018b). Measuring synergy within a Triple Helix innovation
system using game theory: cases of some developed and emerging countries.
*Triple Helix* 5, 6. doi:10.1186/s40604-018-0054-8

Mêgnigbêto, E. (2024). The Triple Helix of innovation as a double game
involving domestic and foreign actors. *Journal of Data and Information
Science* 9(1), 82-100. doi:10.2478/jdis-2024-0004

Gillies, D. B. (1953). *Some theorems on n-person games*. PhD thesis,
Princeton University.

Shapley, L. S. (1953). A value for n-person games. In H. W. Kuhn & A. W.
Tucker (Eds.), *Contributions to the Theory of Games II* (pp. 307-317).
Princeton University Press.

Schmeidler, D. (1969). The nucleolus of a characteristic function game.
*SIAM Journal on Applied Mathematics* 17(6), 1163-1170.
"""

from __future__ import annotations

from collections.abc import Mapping
from itertools import combinations
from math import factorial
from typing import TYPE_CHECKING

import numpy as np

from helixnet._jsonable import jsonable
from helixnet._result import Result
from helixnet.exceptions import HelixnetTypeError, InvalidTableError

if TYPE_CHECKING:
    from numpy.typing import ArrayLike

__all__ = ["PLAYERS", "GameResult", "game"]

#: The players, in order.
PLAYERS = ("U", "I", "G")
#: Coalitions (non-empty subsets of the players), by size then in player order.
COALITIONS = tuple("".join(c) for r in (1, 2, 3) for c in combinations(PLAYERS, r))
_TOL = 1e-9


# --------------------------------------------------------------------------- solution concepts
# A game is a dict {frozenset of player indices: worth} over every non-empty coalition.


def _worth(v, S) -> float:
    return v[frozenset(S)] if S else 0.0


def _shapley(v, n: int) -> np.ndarray:
    """Shapley value by the subset formula."""
    phi = np.zeros(n)
    for i in range(n):
        others = [j for j in range(n) if j != i]
        for r in range(n):
            weight = factorial(r) * factorial(n - r - 1) / factorial(n)
            for S in combinations(others, r):
                phi[i] += weight * (_worth(v, (*S, i)) - _worth(v, S))
    return phi


def _core_box(v) -> tuple[np.ndarray, np.ndarray]:
    """Lower and upper bounds of each x_i on the core of a 3-player game."""
    grand = v[frozenset(range(3))]
    low = np.array([v[frozenset({i})] for i in range(3)])
    high = np.array([grand - v[frozenset(set(range(3)) - {i})] for i in range(3)])
    return low, high


def _core_vertices(v) -> list:
    """Vertices of the core of a 3-player game, counter-clockwise; [] if empty.

    In the plane x_1 + x_2 + x_3 = v(N) the core is the box low <= x <= high;
    a vertex fixes two coordinates at a bound and the third is then determined.
    """
    grand = v[frozenset(range(3))]
    low, high = _core_box(v)
    pts = []
    for i, j in combinations(range(3), 2):
        k = 3 - i - j
        for xi in (low[i], high[i]):
            for xj in (low[j], high[j]):
                x = np.empty(3)
                x[i], x[j] = xi, xj
                x[k] = grand - xi - xj
                inside = low[k] - _TOL <= x[k] <= high[k] + _TOL
                x[k] = min(max(x[k], low[k]), high[k])  # rounding only (e.g. -1e-15 printed as -0.0000)
                if inside and not any(np.allclose(x, p, atol=1e-9) for p in pts):
                    pts.append(x)
    if not pts:
        return []
    c = np.mean(pts, axis=0)
    # angle in the plane, on the axes (e1 - e2, e1 + e2 - 2 e3)
    ang = [np.arctan2((p - c) @ np.array([1.0, 1.0, -2.0]) / np.sqrt(6), (p - c) @ np.array([1.0, -1.0, 0.0]) / np.sqrt(2))
           for p in pts]  # fmt: skip
    return [tuple(float(a) for a in pts[i]) for i in np.argsort(ang, kind="stable")]


def _is_convex(v, n: int) -> bool:
    """Supermodularity, v(S ∪ T) + v(S ∩ T) >= v(S) + v(T) for every pair, by brute force."""
    subsets = [frozenset(c) for r in range(n + 1) for c in combinations(range(n), r)]
    val = {S: (v[S] if S else 0.0) for S in subsets}
    return all(val[S | T] + val[S & T] >= val[S] + val[T] - _TOL for S in subsets for T in subsets)


def _nucleolus(v, n: int) -> np.ndarray:
    """Nucleolus by Kopelowitz's sequence of linear programmes over the imputation set.

    Round k minimises the largest excess t among the coalitions not yet
    fixed; every coalition whose excess cannot fall below t on the optimal
    face is then fixed at t. Ends when every coalition is fixed.
    """
    from scipy.optimize import linprog

    grand = v[frozenset(range(n))]
    singles = np.array([v[frozenset({i})] for i in range(n)])
    if singles.sum() > grand + _TOL:
        raise InvalidTableError("the imputation set is empty: the players' own worths exceed the grand coalition's")
    coalitions = [frozenset(c) for r in range(1, n) for c in combinations(range(n), r)]
    rows = {S: np.array([1.0 if i in S else 0.0 for i in range(n)]) for S in coalitions}
    fixed: dict = {}
    active = list(coalitions)
    x = None
    bounds = [(singles[i], None) for i in range(n)] + [(None, None)]  # x_i >= v(i); t free
    while active:
        # minimise t: v(S) - x(S) <= t for active S; v(S) - x(S) = t_S for fixed S; x(N) = v(N)
        A_ub = np.array([np.append(-rows[S], -1.0) for S in active])
        b_ub = np.array([-v[S] for S in active])
        A_eq = [np.append(np.ones(n), 0.0)] + [np.append(rows[S], 0.0) for S in fixed]
        b_eq = [grand] + [v[S] - e for S, e in fixed.items()]
        c = np.zeros(n + 1)
        c[-1] = 1.0
        res = linprog(c, A_ub=A_ub, b_ub=b_ub, A_eq=np.array(A_eq), b_eq=np.array(b_eq), bounds=bounds,
                      method="highs")  # fmt: skip
        if res.status != 0:  # pragma: no cover - the imputation set is non-empty here
            raise InvalidTableError(f"nucleolus linear programme failed: {res.message}")
        t = res.x[-1]
        x = res.x[:n]
        newly = []
        for S in active:
            # can S's excess go below t while every active excess stays <= t?
            obj = np.append(-rows[S], 0.0)  # minimise v(S) - x(S)  <=>  minimise -x(S)
            b_ub_t = b_ub.copy()
            A_ub_t = A_ub.copy()
            A_ub_t[:, -1] = 0.0
            b_ub_t = b_ub_t + t  # v(S') - x(S') <= t
            r = linprog(obj, A_ub=A_ub_t, b_ub=b_ub_t, A_eq=np.array(A_eq), b_eq=np.array(b_eq), bounds=bounds,
                        method="highs")  # fmt: skip
            if r.status == 0 and v[S] + r.fun >= t - 1e-9 * max(1.0, abs(t)):
                newly.append(S)
        if not newly:  # pragma: no cover - LP theory guarantees one tight coalition
            newly = [max(active, key=lambda S: v[S] - rows[S] @ x)]
        for S in newly:
            fixed[S] = t
            active.remove(S)
        # stop early once the fixed coalitions (with the grand one) pin x down
        if np.linalg.matrix_rank(np.array(A_eq + [np.append(rows[S], 0.0) for S in newly])[:, :n]) == n:
            break
    A = np.array([np.ones(n)] + [rows[S] for S in fixed])
    b = np.array([grand] + [v[S] - e for S, e in fixed.items()])
    sol, *_ = np.linalg.lstsq(A, b, rcond=None)
    return sol


# --------------------------------------------------------------------------- the Triple Helix game


def _venn_counts(data) -> dict:
    """{"U": n, ..., "UIG": n} from a Venn mapping or a 2x2x2 presence table."""
    if hasattr(data, "items"):
        from helixnet.information._measures import venn_table

        if any(str(k).lower() == "none" for k in data):
            raise InvalidTableError("the Triple Helix game takes the seven regions U..UIG only; drop 'none'")
        table = venn_table(data, none=0, dims="UIG")
    else:
        if isinstance(data, (str, bytes)):
            raise HelixnetTypeError(f"expected Venn counts or a 2x2x2 table, got a string {data!r}")
        table = np.asarray(data)
        if table.shape != (2, 2, 2):
            raise InvalidTableError(f"a Triple Helix game needs a 2x2x2 presence table (U, I, G), got shape {table.shape}")
        if table.dtype.kind not in "biuf" or not np.all(np.isfinite(table)) or np.any(table < 0):
            raise InvalidTableError("the 2x2x2 table must hold finite, non-negative counts")
    counts = {}
    for key in COALITIONS:
        cell = tuple(int(p in key) for p in PLAYERS)
        value = table[cell]
        counts[key] = value.item() if isinstance(value, np.generic) else value
    return counts


class GameResult(Result):
    """Core, Shapley value and nucleolus of the Triple Helix game (see :func:`game`).

    Every value is in percent of the documents with at least one of U, I, G.

    Attributes
    ----------
    players : tuple
        ``("U", "I", "G")``.
    counts : dict
        Documents per exclusive Venn region, ``{"U": .., "UI": .., "UIG": ..}``.
    n : int or float
        Documents with at least one of the three sectors (the game's 100 %).
    characteristic : dict
        :math:`v(S)` for every coalition label (``"U"``, ..., ``"UIG"``), percent.
    shapley : dict
        Shapley value of each player, percent (sums to 100).
    nucleolus : dict
        Nucleolus of each player, percent (sums to 100).
    core_bounds : dict
        ``{player: (low, high)}``: :math:`v(i) \\le x_i \\le v(UIG) - v(jk)`.
    core_vertices : list of tuple
        Vertices ``(x_U, x_I, x_G)`` of the core, counter-clockwise; empty
        when the core is.
    core_empty : bool
    convex : bool
        Whether :math:`v` is supermodular (then the core is non-empty and
        contains the Shapley value).
    """

    def __init__(self, counts, characteristic, shapley, nucleolus, core_bounds, core_vertices, convex):
        self.players = PLAYERS
        self.counts = dict(counts)
        total = sum(counts.values())
        self.n = total.item() if isinstance(total, np.generic) else total
        self.characteristic = dict(characteristic)
        self.shapley = dict(shapley)
        self.nucleolus = dict(nucleolus)
        self.core_bounds = dict(core_bounds)
        self.core_vertices = list(core_vertices)
        self.core_empty = not self.core_vertices
        self.convex = bool(convex)
        self.unit = "percent"

    def __repr__(self):
        sh = ", ".join(f"{p}={self.shapley[p]:.4g}" for p in self.players)
        nu = ", ".join(f"{p}={self.nucleolus[p]:.4g}" for p in self.players)
        return f"GameResult(n={self.n}, shapley=({sh}), nucleolus=({nu}), core_vertices={len(self.core_vertices)})"

    def characteristic_frame(self):
        """The characteristic function, one row per coalition.

        Columns: ``coalition`` (``"U"`` .. ``"UIG"``), ``k`` (size),
        ``n_region`` (documents with exactly these sectors), ``n_within``
        (documents whose sectors all belong to the coalition) and ``v``
        (``n_within`` in percent of :attr:`n`).
        """
        import pandas as pd

        return pd.DataFrame(
            {
                "coalition": list(COALITIONS),
                "k": [len(c) for c in COALITIONS],
                "n_region": [self.counts[c] for c in COALITIONS],
                "n_within": [sum(self.counts[t] for t in COALITIONS if set(t) <= set(c)) for c in COALITIONS],
                "v": [self.characteristic[c] for c in COALITIONS],
            }
        )

    def to_frame(self):
        """One row per player (index ``player``).

        Columns: ``v`` (worth alone), ``core_low``, ``core_high``, ``shapley``,
        ``nucleolus``; all percent. The core bounds are NaN when the core is empty.
        """
        import pandas as pd

        nan = float("nan")
        return pd.DataFrame(
            {
                "v": [self.characteristic[p] for p in self.players],
                "core_low": [nan if self.core_empty else self.core_bounds[p][0] for p in self.players],
                "core_high": [nan if self.core_empty else self.core_bounds[p][1] for p in self.players],
                "shapley": [self.shapley[p] for p in self.players],
                "nucleolus": [self.nucleolus[p] for p in self.players],
            },
            index=pd.Index(list(self.players), name="player"),
        )

    def to_dict(self) -> dict:
        """JSON-safe summary.

        Keys: ``players``, ``n``, ``unit`` ("percent"), ``counts`` (region →
        documents), ``characteristic_function`` (coalition → v), ``shapley``
        and ``nucleolus`` (player → value), ``core`` (``empty``, ``bounds``
        player → [low, high] or null when empty, ``vertices`` list of
        [x_U, x_I, x_G]) and ``convex``.
        """
        return jsonable({
            "players": list(self.players),
            "n": self.n,
            "unit": self.unit,
            "counts": dict(self.counts),
            "characteristic_function": dict(self.characteristic),
            "shapley": dict(self.shapley),
            "nucleolus": dict(self.nucleolus),
            "core": {
                "empty": self.core_empty,
                "bounds": None if self.core_empty else {p: list(self.core_bounds[p]) for p in self.players},
                "vertices": [list(x) for x in self.core_vertices],
            },
            "convex": self.convex,
        })


def game(counts: Mapping[str, float] | ArrayLike) -> GameResult:
    """Mêgnigbêto's Triple Helix game from Venn counts: characteristic function, core, Shapley value, nucleolus.

    .. math::

        v(S) = 100 \\, \\frac{\\sum_{\\emptyset \\ne T \\subseteq S} n_T}{\\sum_{T \\ne \\emptyset} n_T},
        \\qquad
        \\phi_i = \\sum_{S \\not\\ni i} \\frac{|S|!\\,(2 - |S|)!}{3!}\\,[v(S \\cup \\{i\\}) - v(S)]

    The core is :math:`\\{x : x_U + x_I + x_G = 100,\\ v(i) \\le x_i \\le 100 - v(jk)\\}`;
    the nucleolus lexicographically minimises the largest excesses
    :math:`v(S) - \\sum_{i \\in S} x_i` over the imputations (see the module
    docstring for the sources).

    Parameters
    ----------
    counts : mapping or array_like
        The seven exclusive Venn regions, ``{"U": .., "I": .., "G": ..,
        "UI": .., "UG": .., "IG": .., "UIG": ..}`` (letters in any order,
        missing keys zero; the same keys as :func:`helixnet.venn_table`), or
        a 2x2x2 presence/absence table with axes U, I, G (index 1 = present),
        whose all-absent cell is ignored.

    Returns
    -------
    GameResult
        ``.characteristic``, ``.shapley``, ``.nucleolus``, ``.core_bounds``,
        ``.core_vertices``, ``.convex``, ``.to_frame()``,
        ``.characteristic_frame()``, ``.to_dict()``.

    Raises
    ------
    InvalidTableError
        An unknown or repeated key (``"F"`` included: the game has three
        players), a negative or non-finite count, a table that is not
        2x2x2, or no document with any of the three sectors.
    HelixnetTypeError
        Counts that are not numbers.

    See Also
    --------
    helixnet.venn_table, helixnet.synergy
    helixnet.plot.game_core : the core on a ternary diagram.

    Notes
    -----
    The documents with none of U, I, G play no part: unlike T, the game
    does not depend on the ``none`` count. The game is a sum of unanimity
    games with non-negative weights (each region's share is the worth its
    sectors create together), so it is convex, its core is never empty and
    contains both the Shapley value and the nucleolus; Mêgnigbêto (2024b)
    states this convexity as a finding.

    References
    ----------
    Mêgnigbêto, E. (2018). *Journal of Informetrics* 12(4), 1118-1132.
    doi:10.1016/j.joi.2018.09.005

    Mêgnigbêto, E. (2018). *Triple Helix* 5, 6. doi:10.1186/s40604-018-0054-8

    Mêgnigbêto, E. (2024a). *Journal of Data and Information Science* 9(1),
    82-100. doi:10.2478/jdis-2024-0004

    Mêgnigbêto, E. (2024b). Convexity of the triple helix of innovation
    game. *International Journal of Innovation Science*.
    doi:10.1108/ijis-03-2023-0071

    Examples
    --------
    100 documents: U alone 30, I alone 10, G alone 20, UI 10, UG 20, UIG 10.
    U alone is worth v(U) = 30 %; U with G is worth everything inside U ∪ G,
    30 + 20 + 20 = 70 %. The Shapley value splits each region among its
    sectors: U gets 30 + 10/2 + 20/2 + 10/3 = 48.33 %.

    >>> import helixnet as hx
    >>> g = hx.game({"U": 30, "I": 10, "G": 20, "UI": 10, "UG": 20, "UIG": 10})
    >>> g.characteristic["U"], g.characteristic["UG"], g.characteristic["UIG"]
    (30.0, 70.0, 100.0)
    >>> {p: round(x, 2) for p, x in g.shapley.items()}
    {'U': 48.33, 'I': 18.33, 'G': 33.33}

    I's share is squeezed between v(I) = 10 and 100 - v(UG) = 30; the
    nucleolus puts it in the middle (20), then balances U and G:

    >>> {p: round(x, 6) for p, x in g.nucleolus.items()}
    {'U': 45.0, 'I': 20.0, 'G': 35.0}
    >>> g.core_bounds["I"]
    (10.0, 30.0)
    """
    regions = _venn_counts(counts)
    total = float(sum(regions.values()))
    if total <= 0:
        raise InvalidTableError("no document has any of U, I, G: the Triple Helix game is empty")
    v = {}
    for c in COALITIONS:
        within = sum(regions[t] for t in COALITIONS if set(t) <= set(c))
        v[frozenset(PLAYERS.index(p) for p in c)] = 100.0 * within / total
    v[frozenset(range(3))] = 100.0  # exactly, not up to rounding
    characteristic = {c: float(v[frozenset(PLAYERS.index(p) for p in c)]) for c in COALITIONS}
    phi = _shapley(v, 3)
    nuc = _nucleolus(v, 3)
    low, high = _core_box(v)
    vertices = _core_vertices(v)
    return GameResult(
        regions,
        characteristic,
        {p: float(phi[i]) for i, p in enumerate(PLAYERS)},
        {p: float(nuc[i]) for i, p in enumerate(PLAYERS)},
        {p: (float(low[i]), float(high[i])) for i, p in enumerate(PLAYERS)},
        vertices,
        _is_convex(v, 3),
    )

