"""Krippendorff's interaction information: the information in the highest-order interaction.

The co-information T of three dimensions (Leydesdorff's Triple Helix
indicator) mixes two things (Krippendorff 2009): information that only the
three-way table carries, and redundancy that arises when the two-way
relations form a loop. Krippendorff separates them with a maximum-entropy
fit: the table :math:`q` that keeps every two-way margin of the observed
table :math:`p` and is otherwise as uniform as possible. What :math:`p`
holds beyond :math:`q` is the interaction information

.. math::

    I(ABC \\rightarrow AB{:}AC{:}BC) = \\sum_{abc} p_{abc}
        \\log_2 \\frac{p_{abc}}{q_{abc}} \\;\\ge\\; 0,

the Kullback-Leibler divergence of :math:`p` from :math:`q`, which is fitted
by iterative proportional fitting (IPF). In N dimensions the same
definition takes the N-way table against all its (N-1)-way margins
(for N = 2, :math:`q` is the independence table and I is the mutual
information).

Sign conventions (three dimensions)
-----------------------------------
helixnet's :math:`T = H_A + H_B + H_C - H_{AB} - H_{AC} - H_{BC} + H_{ABC}`
is McGill's :math:`\\mu^*`; Krippendorff's Q (McGill's interaction
information) has the opposite sign, :math:`\\mu^* = -Q` (Leydesdorff 2010).
Krippendorff decomposes :math:`Q = I - R`, with R the redundancy generated
by circular (loop) relations among the two-way interactions. Hence, in
helixnet's sign,

.. math:: T = R - I, \\qquad R = I + T,

so a negative T (synergy) means that the three-way information I exceeds
the loop redundancy R. XOR: I = 1 bit, T = -1 bit, Q = 1 bit, R = 0.
Three copies of one fair coin: I = 0, T = +1 bit, Q = -1 bit, R = 1 bit.

Leydesdorff's software page for th4.exe/th.exe writes the identity as
"T = I - R". With :math:`\\mu^* = -Q` (Leydesdorff 2010) that reading holds
for Krippendorff's Q, not for :math:`\\mu^*` (helixnet's T); helixnet
follows the Entropy paper, which makes R = 0 for XOR as Krippendorff's
loop redundancy requires. (Read literally with T = :math:`\\mu^*`, it would
give R = I - T = 2 bits for XOR.)

References
----------
Krippendorff, K. (1986). *Information Theory: Structural Models for
Qualitative Data*. Sage University Paper 62 (Quantitative Applications in
the Social Sciences). Beverly Hills: Sage.

Krippendorff, K. (2009). Ross Ashby's information theory: a bit of history,
some solutions to problems, and what we face today. *International Journal
of General Systems* 38(2), 189-212. doi:10.1080/03081070802621846
(correction: 38(6), 667-668).

Leydesdorff, L. (2010). Redundancy in systems which entertain a model of
themselves: interaction information and the self-organization of
anticipation. *Entropy* 12(1), 63-79. doi:10.3390/e12010063

Leydesdorff, L. The Triple-Helix indicator and its extension to four
dimensions (th4.exe, v2, 16 Feb. 2021), http://www.leydesdorff.net/software/th4/
(states that th.exe reports Krippendorff's I and R).
"""

from __future__ import annotations

import math
import warnings
from collections.abc import Hashable, Sequence
from itertools import combinations
from typing import TYPE_CHECKING

import numpy as np

from helixnet._jsonable import jsonable
from helixnet._result import Result
from helixnet._warntally import user_stacklevel
from helixnet.exceptions import ConvergenceWarning, HelixnetValueError
from helixnet.information import _core
from helixnet.information._measures import as_table

if TYPE_CHECKING:
    from helixnet._typing import TableLike, Unit

__all__ = ["DEFAULT_MAX_ITER", "DEFAULT_TOL", "KrippendorffResult", "krippendorff_interaction"]

#: IPF stops when no fitted (N-1)-way margin differs from the observed one by
#: more than this, in probability units.
DEFAULT_TOL = 1e-10
#: IPF gives up (with a RuntimeWarning) after this many sweeps over the margins.
DEFAULT_MAX_ITER = 10_000


class KrippendorffResult(Result):
    """Interaction information I beside T, Q and R (see :func:`krippendorff_interaction`).

    Attributes
    ----------
    dims : tuple
        Dimension names, in axis order.
    n : int or float
        Total of the table.
    unit : str
        Unit of I, T, Q and R ("bit", "mbit" or "nat").
    I : float
        :math:`I(\\text{all} \\rightarrow \\text{all } (N-1)\\text{-way margins})`, >= 0.
    T : float
        Co-information of all dimensions (helixnet's sign: negative = synergy).
    Q : float or None
        McGill's / Krippendorff's interaction information, :math:`Q = -T`
        (three dimensions only; None otherwise).
    R : float or None
        Krippendorff's redundancy of circular relations, :math:`R = I - Q = I + T`
        (three dimensions only; None otherwise). Not the mutual redundancy
        :math:`(-1)^{N+1} T` of :attr:`helixnet.SynergyResult.redundancy`.
    fitted : numpy.ndarray
        The maximum-entropy table (probabilities) fitted by IPF.
    iterations : int
        IPF sweeps used.
    converged : bool
        Whether every fitted margin came within `tol` of the observed one.
    max_deviation : float
        Largest absolute difference between a fitted and an observed margin
        cell at the end, in probability units.
    tol, max_iter
        The stopping rule used.
    """

    def __init__(self, dims, n, unit, I, T, fitted, iterations, converged, max_deviation, tol, max_iter):
        self.dims = tuple(dims)
        self.n = n
        self.unit = unit
        self.I = float(I)
        self.T = float(T)
        three = len(self.dims) == 3
        self.Q = -self.T if three else None
        self.R = self.I + self.T if three else None
        self.fitted = fitted
        self.iterations = iterations
        self.converged = converged
        self.max_deviation = max_deviation
        self.tol = tol
        self.max_iter = max_iter

    def __repr__(self):
        return (
            f"KrippendorffResult(dims={list(self.dims)}, I={self.I:.6g}, T={self.T:.6g}"
            + ("" if self.R is None else f", R={self.R:.6g}")
            + f" {self.unit}, converged={self.converged})"
        )

    def to_frame(self):
        """One row per quantity: columns ``quantity``, ``value``, ``unit``.

        Rows ``I``, ``T``, ``Q``, ``R`` (Q and R are NaN unless there are
        three dimensions).
        """
        import pandas as pd

        nan = float("nan")
        return pd.DataFrame(
            {
                "quantity": ["I", "T", "Q", "R"],
                "value": [self.I, self.T, nan if self.Q is None else self.Q, nan if self.R is None else self.R],
                "unit": [self.unit] * 4,
            }
        )

    def to_dict(self) -> dict:
        """JSON-safe summary.

        Keys: ``dimensions``, ``n``, ``unit``, ``interaction_information`` (I),
        ``mutual_information`` (T), ``Q`` and ``R`` (null unless three
        dimensions), and ``ipf`` with ``tol``, ``max_iter``, ``iterations``,
        ``converged`` and ``max_deviation``.
        """
        return jsonable({
            "dimensions": [str(d) for d in self.dims],
            "n": self.n,
            "unit": self.unit,
            "interaction_information": self.I,
            "mutual_information": self.T,
            "Q": self.Q,
            "R": self.R,
            "ipf": {
                "tol": self.tol,
                "max_iter": self.max_iter,
                "iterations": self.iterations,
                "converged": self.converged,
                "max_deviation": self.max_deviation,
            },
        })


def _margins(p: np.ndarray, order: int) -> list:
    """(axes kept, margin) for every subset of `order` axes of `p`."""
    k = p.ndim
    out = []
    for keep in combinations(range(k), order):
        drop = tuple(a for a in range(k) if a not in keep)
        out.append((drop, p.sum(axis=drop, keepdims=True)))
    return out


def _ipf(p: np.ndarray, tol: float, max_iter: int):
    """Maximum-entropy table with the (k-1)-way margins of `p` (probabilities).

    Starts from the uniform table and rescales it to each margin in turn
    (Deming-Stephan iterative proportional fitting); returns
    ``(q, iterations, converged, max_deviation)``.
    """
    targets = _margins(p, p.ndim - 1)
    q = np.full(p.shape, 1.0 / p.size)

    def deviation():
        return max(float(np.max(np.abs(q.sum(axis=drop, keepdims=True) - m))) for drop, m in targets)

    dev = deviation()
    it = 0
    while dev > tol and it < max_iter:
        for drop, m in targets:
            fit = q.sum(axis=drop, keepdims=True)
            with np.errstate(divide="ignore", invalid="ignore"):
                ratio = np.where(fit > 0, m / fit, 0.0)
            q = q * ratio
        it += 1
        dev = deviation()
    return q, it, dev <= tol, dev


def krippendorff_interaction(
    data: TableLike,
    dims: Sequence[Hashable] | None = None,
    weight: Hashable | None = None,
    unit: Unit = "bit",
    *,
    tol: float = DEFAULT_TOL,
    max_iter: int = DEFAULT_MAX_ITER,
) -> KrippendorffResult:
    """Krippendorff's interaction information of a table, with T, Q and R beside it.

    .. math::

        I(X_1 \\cdots X_N \\rightarrow \\{X_{-j}\\}_{j=1}^{N})
            = \\sum_x p(x) \\log \\frac{p(x)}{q(x)} \\ge 0

    where :math:`q` is the maximum-entropy distribution with every
    (N-1)-way margin of :math:`p`, fitted by iterative proportional fitting.
    For three dimensions :math:`I = I(ABC \\rightarrow AB{:}AC{:}BC)` and

    .. math:: Q = -T, \\qquad R = I - Q = I + T,

    with T helixnet's co-information (negative = synergy), Q McGill's
    interaction information and R Krippendorff's redundancy of circular
    relations (see the module docstring for the sign conventions).

    Parameters
    ----------
    data : array_like, pandas.DataFrame or pandas.Series
        Any input :func:`helixnet.synergy` accepts: a table of counts or
        probabilities, a crosstab, a MultiIndex Series, or records with `dims`.
    dims : sequence, optional
        As in :func:`helixnet.synergy`.
    weight : str, optional
        Records only: a column of case weights.
    unit : {"bit", "mbit", "nat"}
        Unit of I, T, Q and R.
    tol : float
        IPF stops when every fitted (N-1)-way margin is within `tol` of the
        observed one (probability units; default 1e-10).
    max_iter : int
        Most IPF sweeps (default 10,000). If IPF has not converged by then
        (tables whose maximum-entropy fit lies on the boundary, with cells
        tending to zero, converge slowly), a RuntimeWarning is issued and the
        result says ``converged=False``.

    Returns
    -------
    KrippendorffResult
        ``.I``, ``.T``, ``.Q``, ``.R``, ``.fitted``, ``.iterations``,
        ``.converged``, ``.max_deviation``, ``.to_frame()``, ``.to_dict()``.

    Raises
    ------
    InvalidTableError
        Fewer than two dimensions; an empty, all-zero, negative or
        non-finite table.
    HelixnetValueError
        Unknown unit; `tol` not positive or `max_iter` not a positive integer.

    See Also
    --------
    helixnet.synergy : T and every entropy.

    Notes
    -----
    I is the likelihood-ratio statistic of the log-linear model without the
    highest-order term divided by 2n (in nats): :math:`G^2 = 2 n I`. Since
    the fitted :math:`q` keeps the (N-1)-way margins, it also equals
    :math:`H(q) - H(p)`.

    References
    ----------
    Krippendorff, K. (1986). *Information Theory: Structural Models for
    Qualitative Data*. Sage University Paper 62. Beverly Hills: Sage.

    Krippendorff, K. (2009). *International Journal of General Systems*
    38(2), 189-212. doi:10.1080/03081070802621846

    Leydesdorff, L. (2010). *Entropy* 12(1), 63-79. doi:10.3390/e12010063

    Examples
    --------
    XOR: every pair of the three bits is independent and uniform, so the
    maximum-entropy table with those margins is uniform over 8 cells (3
    bits), while the observed table has 4 equally likely cells (2 bits):
    I = 1 bit. There are no loops among independent pairs, so R = 0 and
    T = -I = -1 bit.

    >>> import numpy as np
    >>> import helixnet as hx
    >>> xor = np.zeros((2, 2, 2))
    >>> for a in (0, 1):
    ...     for b in (0, 1):
    ...         xor[a, b, a ^ b] = 1
    >>> r = hx.krippendorff_interaction(xor)
    >>> round(r.I, 12), round(r.T, 12), abs(r.R) < 1e-12
    (1.0, -1.0, True)

    Three copies of one coin: the two-way margins already force the
    three-way table, so I = 0, and T = +1 bit is all loop redundancy.

    >>> same = np.zeros((2, 2, 2)); same[0, 0, 0] = same[1, 1, 1] = 1
    >>> r = hx.krippendorff_interaction(same)
    >>> round(r.I, 9), round(r.T, 9), round(r.R, 9)
    (0.0, 1.0, 1.0)
    """
    factor = _core.unit_factor(unit)
    if isinstance(tol, bool) or not isinstance(tol, (int, float)) or not (tol > 0 and math.isfinite(tol)):
        raise HelixnetValueError(f"tol must be a positive number, got {tol!r}")
    if isinstance(max_iter, bool) or not isinstance(max_iter, (int, np.integer)) or max_iter < 1:
        raise HelixnetValueError(f"max_iter must be a positive integer, got {max_iter!r}")
    table, dims, _ = as_table(data, dims, weight)
    counts = np.asarray(table, dtype=float)
    n = table.sum()
    p = counts / counts.sum()
    q, iterations, converged, dev = _ipf(p, float(tol), int(max_iter))
    if not converged:
        warnings.warn(
            f"iterative proportional fitting did not converge in {max_iter} sweeps "
            f"(largest margin deviation {dev:.3g} > tol {tol:g}); I is approximate",
            ConvergenceWarning,
            stacklevel=user_stacklevel(),
        )
    mask = p > 0
    kl = float(np.sum(p[mask] * np.log(p[mask] / q[mask])))
    t = float(_core.coinformation(_core.marginal_entropies(counts)))
    return KrippendorffResult(
        dims, n.item() if isinstance(n, np.generic) else n, unit, max(kl, 0.0) * factor, t * factor,
        q, iterations, bool(converged), dev, float(tol), int(max_iter),
    )  # fmt: skip
