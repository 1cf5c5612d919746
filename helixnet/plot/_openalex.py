"""Figures of the OpenAlex trends table (:func:`helixnet.bibliometrics.openalex`)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Literal

from helixnet.exceptions import HelixnetValueError

if TYPE_CHECKING:
    import numpy as np
    import pandas as pd
    from matplotlib.axes import Axes

__all__ = ["trends"]

_MEASURES = {"T": ("ci_low", "ci_high", "T_UIG"), "R_UIGF": ("R_ci_low", "R_ci_high", "R_UIGF")}


def trends(
    table: pd.DataFrame,
    countries: Sequence[str] | None = None,
    *,
    measure: Literal["T", "R_UIGF"] = "T",
    unit: str = "bit",
    axes: Sequence[Axes] | np.ndarray | None = None,
    ncols: int = 3,
    min_records: int = 1,
) -> np.ndarray:
    """Small multiples of T_UIG (or R_UIGF) over the years, one panel per country.

    Each panel is :func:`helixnet.plot.synergy_over_time` of one country's rows:
    the measure by publication year with its bootstrap interval as a band;
    below zero is synergy, for T_UIG and R_UIGF alike.

    Parameters
    ----------
    table : pandas.DataFrame
        The trends table (:data:`helixnet.bibliometrics.TABLE_COLUMNS`).
    countries : list of str, optional
        ISO codes, one panel each in this order; default the six countries
        with the most works.
    measure : {"T", "R_UIGF"}
    unit : str
        Unit of the table's values (for the axis label).
    axes : sequence of matplotlib.axes.Axes, optional
        One per country; by default a new pyplot-free Figure.
    ncols : int
        Panels per row of a new figure.
    min_records : int
        Years of a country with fewer works are left out (T of a handful of
        works is noise).

    Returns
    -------
    numpy.ndarray of matplotlib.axes.Axes
        The panels, flattened (unused panels of a new figure are hidden).

    Raises
    ------
    helixnet.HelixnetValueError
        An unknown measure, or a country not in the table.

    Examples
    --------
    >>> import pandas as pd
    >>> t = pd.DataFrame({"country": ["KZ", "KZ", "US"], "year": [2000, 2001, 2000],
    ...                   "n_records": [5, 6, 7], "T": [-0.1, -0.2, -0.05],
    ...                   "ci_low": [-0.2, -0.3, -0.1], "ci_high": [0.0, -0.1, 0.0]})
    >>> axes = trends(t, ["KZ", "US"])
    >>> [ax.get_title() for ax in axes]
    ['KZ', 'US']
    """
    import numpy as np

    from helixnet.plot._information import synergy_over_time

    if measure not in _MEASURES:
        raise HelixnetValueError(f"measure must be 'T' or 'R_UIGF', not {measure!r}")
    low, high, label = _MEASURES[measure]
    rows = table[table["country"].notna() & table["year"].notna() & (table["n_records"] >= min_records)]
    if countries is None:
        countries = list(rows.groupby("country")["n_records"].sum().sort_values(ascending=False, kind="stable")
                         .index[:6])
    known = set(rows["country"])
    missing = [c for c in countries if c not in known]
    if missing:
        raise HelixnetValueError(f"no rows for {', '.join(missing)} in the table")
    if axes is None:
        from matplotlib.figure import Figure

        nrows = -(-len(countries) // ncols)
        fig = Figure(figsize=(3.2 * min(ncols, len(countries)), 2.6 * nrows), layout="constrained")
        grid = fig.subplots(nrows, min(ncols, len(countries)), squeeze=False, sharex=True, sharey=True)
        flat = grid.ravel()
        for ax in flat[len(countries):]:
            ax.set_visible(False)
        axes = flat[: len(countries)]
    axes = np.asarray(axes, dtype=object).ravel()
    if len(axes) != len(countries):
        raise HelixnetValueError(f"{len(countries)} countries need {len(countries)} axes, got {len(axes)}")
    u = {"bit": "bits", "nat": "nats"}.get(unit, unit)
    for ax, c in zip(axes, countries):
        part = rows[rows["country"] == c].astype({"year": "int64"})
        has_band = low in part.columns and part[low].notna().any()
        synergy_over_time(part, y=measure, low=low if has_band else None, high=high if has_band else None,
                          unit=unit, ax=ax)
        ax.set_title(c)
        ax.set_ylabel(f"{label} ({u})")
        ax.set_xlabel("")
        leg = ax.get_legend()
        if leg is not None:
            leg.remove()
    axes[0].figure.suptitle(f"{label} by publication year (negative = synergy; band: bootstrap interval)",
                            fontsize="medium")
    return axes
