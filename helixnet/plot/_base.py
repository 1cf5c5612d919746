"""Publication figures: the shared style, palettes and drawing helpers.

Every function draws on a matplotlib ``Axes`` (``ax=None`` makes a new
figure) and returns the axes it drew on, so figures compose into panels and
tests can inspect titles, labels, bars and nodes. Nothing here calls
``plt.show()`` or changes matplotlib's global settings: the publication
defaults (font sizes, 300 dpi, colour cycle, embedded TrueType fonts) apply
only inside ``with helixnet.plot.style():``.

One colour-blind-safe palette (Okabe & Ito 2008) codes the four sectors in
one order everywhere: U (science: universities, research institutes), I
(business), G (government), O (other).

"""

from __future__ import annotations

import math
import textwrap
from collections.abc import Iterator, Mapping, Sequence
from contextlib import contextmanager
from typing import TYPE_CHECKING, Any, Literal

from helixnet._validation import SECTORS
from helixnet.exceptions import HelixnetTypeError, HelixnetValueError, InvalidTableError

if TYPE_CHECKING:
    from pathlib import Path

    from matplotlib.figure import Figure

    from helixnet._typing import PathLike

__all__ = [
    "SECTOR_ORDER",
    "SECTOR_PALETTE",
    "SECTOR_LABELS",
    "CATEGORY_PALETTE",
    "style",
    "save",
]

#: Order of the sectors in every table, legend and axis.
SECTOR_ORDER = SECTORS

#: Okabe–Ito colours of the sectors (colour-blind safe): U blue, I orange,
#: G bluish green, O reddish purple.
SECTOR_PALETTE = {"U": "#0072B2", "I": "#E69F00", "G": "#009E73", "O": "#CC79A7"}

#: Legend names of the sectors.
SECTOR_LABELS = {
    "U": "U: science",
    "I": "I: business",
    "G": "G: government",
    "O": "O: other",
}

#: Okabe–Ito colours for categories that are not sectors (research types,
#: personnel groups, funding sources), in order; none repeats a sector colour
#: in the same role, so sector and category charts are never confused.
CATEGORY_PALETTE = ["#56B4E9", "#D55E00", "#F0E442", "#999999", "#000000", "#009E73"]

#: Display names of the sector rows of the paper's Tables 2–4.
TABLE_SECTOR_LABELS = {
    "total": "Total",
    "public": "Public sector",
    "higher_education": "Higher education",
    "entrepreneurial": "Entrepreneurial",
    "non_commercial": "Non-commercial",
}

NOT_STATED_COLOR = "#DDDDDD"
EDGE_STYLES: dict[str, Literal["solid", "dashed", "dotted"]] = {
    "existing": "solid",
    "planned": "dashed",
    "absent": "dotted",
}


# --------------------------------------------------------------------------- style


@contextmanager
def style(
    context: Literal["paper", "notebook", "talk", "poster"] = "paper",
    font_scale: float = 1.15,
    rc: Mapping[str, Any] | None = None,
) -> Iterator[None]:
    """Publication defaults for the figures drawn inside the ``with`` block.

    Seaborn's ``ticks`` style and the given plotting context, the Okabe–Ito
    colour cycle, 300 dpi when saving, a tight bounding box and TrueType
    fonts embedded in PDF. Global settings are restored on exit.

    Parameters
    ----------
    context : {"paper", "notebook", "talk", "poster"}
        Seaborn plotting context (font and line sizes).
    font_scale : float
        Multiplier of the context's font sizes.
    rc : mapping, optional
        Extra matplotlib rcParams, applied last.

    Returns
    -------
    contextmanager

    See Also
    --------
    save : write a figure as PNG and PDF without time stamps.

    Examples
    --------
    >>> import matplotlib as mpl
    >>> from helixnet import plot
    >>> before = mpl.rcParams["savefig.dpi"]
    >>> with plot.style():
    ...     mpl.rcParams["savefig.dpi"]
    300.0
    >>> mpl.rcParams["savefig.dpi"] == before
    True
    """
    import matplotlib as mpl
    import seaborn as sns
    from cycler import cycler

    params = {}
    params.update(sns.axes_style("ticks"))
    params.update(sns.plotting_context(context, font_scale=font_scale))
    params.update(
        {
            "axes.prop_cycle": cycler(color=CATEGORY_PALETTE),
            "axes.spines.top": False,
            "axes.spines.right": False,
            "axes.titleweight": "bold",
            "axes.titlelocation": "left",
            "legend.frameon": False,
            "savefig.dpi": 300,
            "savefig.bbox": "tight",
            "savefig.pad_inches": 0.05,
            "pdf.fonttype": 42,
            "ps.fonttype": 42,
            "svg.hashsalt": "helixnet",
            "figure.constrained_layout.use": False,
        }
    )
    if rc:
        params.update(rc)
    with mpl.rc_context(params):
        yield


def save(fig: Figure, stem: PathLike, formats: Sequence[str] = ("png", "pdf"), dpi: int = 300) -> list[Path]:
    """Save `fig` as ``stem.png`` and ``stem.pdf`` without time stamps.

    The files carry no creation date or software version, so the same figure
    gives the same bytes on every run (PNG always; PDF with the same
    matplotlib version).

    Parameters
    ----------
    fig : matplotlib.figure.Figure
    stem : str or path-like
        Output path without extension.
    formats : sequence of str
        File types to write.
    dpi : int
        Resolution of raster formats.

    Returns
    -------
    list of pathlib.Path
        The files written.

    Examples
    --------
    >>> import tempfile, pathlib
    >>> import matplotlib.pyplot as plt
    >>> from helixnet import plot
    >>> fig, ax = plt.subplots()
    >>> folder = pathlib.Path(tempfile.mkdtemp())
    >>> [p.name for p in plot.save(fig, folder / "empty", dpi=50)]
    ['empty.png', 'empty.pdf']
    >>> plt.close(fig)
    """
    from pathlib import Path

    stem = Path(stem)
    written = []
    for fmt in formats:
        if fmt == "png":
            metadata = {"Software": None}
        elif fmt == "pdf":
            metadata = {"Creator": None, "Producer": None, "CreationDate": None}
        elif fmt == "svg":
            metadata = {"Date": None, "Creator": None}
        else:
            metadata = None
        path = stem.with_name(f"{stem.name}.{fmt}")
        fig.savefig(path, format=fmt, dpi=dpi, metadata=metadata, bbox_inches="tight")
        written.append(path)
    return written


# --------------------------------------------------------------------------- helpers


def new_axes(ax, figsize=(6.4, 4.0)):
    if ax is not None:
        return ax
    import matplotlib.pyplot as plt

    _, ax = plt.subplots(figsize=figsize)
    return ax


def new_axes_row(ax, n, figsize):
    """`n` axes in a row, or the `n` axes given."""
    import numpy as np

    if ax is None:
        import matplotlib.pyplot as plt

        _, axes = plt.subplots(1, n, figsize=figsize)
        return np.atleast_1d(axes)
    axes = np.atleast_1d(np.asarray(ax, dtype=object)).ravel()
    if axes.size != n:
        raise HelixnetValueError(f"ax must hold {n} axes for this figure, got {axes.size}")
    return axes


def require_columns(df, columns, what):
    import pandas as pd

    if not isinstance(df, pd.DataFrame):
        raise HelixnetTypeError(f"{what} needs a pandas DataFrame, got {type(df).__name__}")
    missing = [c for c in columns if c not in df.columns]
    if missing:
        raise InvalidTableError(
            f"{what}: missing column(s) {', '.join(map(repr, missing))}; "
            f"available: {', '.join(map(str, df.columns))}"
        )


def wrap(text, width=22):
    return "\n".join(textwrap.wrap(str(text), width=width, break_long_words=False)) or str(text)


def pretty(name):
    return str(name).replace("_", " ").capitalize()


def fmt(value, unit="", digits=2):
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return "n/a"
    text = f"{value:.{digits}f}".rstrip("0").rstrip(".") if digits else f"{value:.0f}"
    return f"{text}{unit}"


def sector_rows(df, column="sector"):
    """Rows of a Tables 2–4 style frame in the paper's order, with labels."""
    order = list(TABLE_SECTOR_LABELS)
    rank = {s: i for i, s in enumerate(order)}
    df = df.copy()
    df["_rank"] = [rank.get(str(s), len(order)) for s in df[column]]
    df = df.sort_values(["_rank"], kind="stable").drop(columns="_rank")
    labels = [TABLE_SECTOR_LABELS.get(str(s), pretty(s)) for s in df[column]]
    return df, labels


def annotate_barh(ax, bars, values, fmt, inside_min=0.06, color="black"):
    """Write each value at the end of (or inside) its horizontal bar."""
    xmax = max((b.get_x() + b.get_width() for b in bars), default=1.0) or 1.0
    for bar, value in zip(bars, values):
        w = bar.get_width()
        y = bar.get_y() + bar.get_height() / 2
        ax.text(
            bar.get_x() + w + 0.01 * xmax,
            y,
            fmt(value),
            va="center",
            ha="left",
            fontsize="small",
            color=color,
        )


def stacked_barh(ax, labels, parts, part_labels, colors, value_fmt, min_label=0.06):
    """Horizontal 100 %-style stacked bars with the segment values written in."""
    import numpy as np

    y = np.arange(len(labels))
    left = np.zeros(len(labels))
    for values, name, color in zip(parts, part_labels, colors):
        values = np.nan_to_num(np.asarray(values, dtype=float))
        bars = ax.barh(y, values, left=left, color=color, label=name, edgecolor="white", height=0.7)
        for bar, v in zip(bars, values):
            if v >= min_label:
                ax.text(
                    bar.get_x() + bar.get_width() / 2,
                    bar.get_y() + bar.get_height() / 2,
                    value_fmt(v),
                    ha="center",
                    va="center",
                    fontsize="x-small",
                    color=text_color(color),
                )
        left += values
    ax.set_yticks(y, labels)
    ax.invert_yaxis()
    return left


def text_color(hex_color):
    """Black or white, whichever reads better on `hex_color`."""
    from matplotlib.colors import to_rgb

    r, g, b = to_rgb(hex_color)
    luminance = 0.2126 * r + 0.7152 * g + 0.0722 * b
    return "black" if luminance > 0.45 else "white"


def legend_below(ax, ncol=None, **kwargs):
    handles, labels = ax.get_legend_handles_labels()
    if not handles:
        return None
    return ax.legend(
        handles,
        labels,
        loc="upper center",
        bbox_to_anchor=(0.5, -0.14),
        ncol=ncol or min(len(labels), 4),
        fontsize="small",
        **kwargs,
    )
