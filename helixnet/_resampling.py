"""One vocabulary for everything that resamples: the seed default and Monte Carlo p-values.

Shared by the information layer (bootstrap, permutation tests, triads) and
the networks layer (null models, significance, the configuration verdict),
so it lives at the top level, next to :mod:`helixnet._validation`.

* The number of resamples (bootstrap replicates, permutations, null-model
  draws) is called ``n_resamples`` everywhere, as in
  :func:`scipy.stats.bootstrap` and :func:`scipy.stats.permutation_test`.
* Every random step takes ``seed`` with the default :data:`DEFAULT_SEED`
  (0): the same inputs give byte-identical results unless the caller asks
  for fresh entropy with ``seed=None``.
* A Monte Carlo p-value counts the observed value as one draw of the null
  (:func:`monte_carlo_p`); the two-sided p is twice the smaller one-sided p,
  capped at 1.
"""

from __future__ import annotations

from typing import Any

import numpy as np

#: The seed every public function uses by default: determinism first (the
#: same inputs give identical tables); pass ``seed=None`` for fresh entropy.
DEFAULT_SEED = 0

#: Values within this relative distance of the observed one count as ties
#: (as extreme as the observed value).
TIE_TOLERANCE = 1e-12

ALTERNATIVES = ("two-sided", "greater", "less")


def tail_counts(observed: Any, null: Any) -> tuple[Any, Any]:
    """Numbers of null draws at most and at least the observed value, ties within :data:`TIE_TOLERANCE`.

    `observed` may be a scalar or an array of statistics; `null` then has
    the draws along its first axis.

    Examples
    --------
    >>> tail_counts(2.0, [1.0, 2.0, 3.0, 4.0])
    (2, 3)
    """
    observed = np.asarray(observed, dtype=float)
    null = np.asarray(null, dtype=float)
    tol = TIE_TOLERANCE * np.maximum(1.0, np.abs(observed))
    n_le = np.count_nonzero(null <= observed + tol, axis=0)
    n_ge = np.count_nonzero(null >= observed - tol, axis=0)
    if np.ndim(n_le) == 0:
        return int(n_le), int(n_ge)
    return n_le, n_ge


def monte_carlo_p(n_le, n_ge, n_resamples, alternative: str = "two-sided"):
    r"""Monte Carlo p-value from the numbers of null draws at most (`n_le`) and at least (`n_ge`) the observed value.

    .. math::

        p_{\text{less}} = \frac{1 + \#\{T^* \le T\}}{1 + n}, \qquad
        p_{\text{greater}} = \frac{1 + \#\{T^* \ge T\}}{1 + n}, \qquad
        p_{\text{two-sided}} = \min\big(1,\; 2 \min(p_{\text{less}}, p_{\text{greater}})\big)

    with :math:`n` the number of null draws (`n_resamples`). The +1 counts
    the observed value as one draw from the null, so p is never 0 (Phipson
    & Smyth 2010; North, Curtis & Sham 2002). The two-sided p doubles the
    smaller tail, the convention of :func:`scipy.stats.permutation_test`
    and of Davison & Hinkley (1997, ch. 4): unlike the distance from the
    null mean, it needs neither a symmetric null distribution (the plug-in
    T's is skewed) nor the mean estimated from the same draws. Vectorised
    over arrays of counts.

    References
    ----------
    Davison, A. C. & Hinkley, D. V. (1997). *Bootstrap Methods and their
    Application*, ch. 4. Cambridge University Press. doi:10.1017/CBO9780511802843

    North, B. V., Curtis, D. & Sham, P. C. (2002). A note on the calculation
    of empirical P values from Monte Carlo procedures. *American Journal of
    Human Genetics* 71(2), 439-441. doi:10.1086/341527

    Phipson, B. & Smyth, G. K. (2010). Permutation p-values should never be
    zero. *Statistical Applications in Genetics and Molecular Biology* 9(1).
    doi:10.2202/1544-6115.1585

    Examples
    --------
    The observed value 2 among the draws 1, 2, 3, 4: two draws at most 2,
    three at least 2, so p_less = 3/5, p_greater = 4/5 and two-sided
    min(1, 2 * 3/5) = 1:

    >>> monte_carlo_p(2, 3, 4, "less"), monte_carlo_p(2, 3, 4, "greater"), monte_carlo_p(2, 3, 4)
    (0.6, 0.8, 1.0)
    >>> monte_carlo_p(0, 19, 19)   # above all 19 draws: 2 * 1/20
    0.1
    """
    p_less = (1 + np.asarray(n_le)) / (1 + n_resamples)
    p_greater = (1 + np.asarray(n_ge)) / (1 + n_resamples)
    if alternative == "less":
        p = p_less
    elif alternative == "greater":
        p = p_greater
    elif alternative == "two-sided":
        p = np.minimum(1.0, 2 * np.minimum(p_less, p_greater))
    else:
        raise ValueError(f"alternative={alternative!r}; expected one of {', '.join(ALTERNATIVES)}")
    return float(p) if np.ndim(p) == 0 else p
