"""The analyses of the Kazakhstan case study, one function per figure or table (private).

Each analysis loads its data through :mod:`helixnet.datasets`, computes with
the public API, draws one figure with :mod:`helixnet.plot` and returns an
:class:`AnalysisResult`: the figure, the tables behind it, a JSON-ready
summary of its key numbers and a paragraph saying what it shows, written from
those numbers. :func:`write_result` saves a result into a folder;
:mod:`helixnet.reproduce` runs them all, and each ``analyses/*.py`` gallery
script runs one.

Figures are ``matplotlib.figure.Figure`` objects made without pyplot, so the
analyses work with any backend and leave no open figures behind.
"""

from __future__ import annotations

import json
import math
from dataclasses import dataclass, field
from importlib.util import find_spec
from pathlib import Path
from typing import Any, Callable

__all__ = [
    "AnalysisResult",
    "Analysis",
    "ANALYSES",
    "get",
    "run",
    "write_result",
    "to_json",
    "write_csv",
]

#: Seed of every random step (bootstrap, null models, spring layouts).
SEED = 20150613

#: Significant digits of floats in CSV and JSON output (fixed so that files are
#: byte-identical from run to run and across platforms).
DIGITS = 10


@dataclass
class AnalysisResult:
    """What one analysis produced.

    name : file stem of its outputs
    title : heading in the report
    figure : matplotlib Figure (saved as ``name.png`` and ``name.pdf``)
    tables : {key: DataFrame}; key "" is saved as ``name.csv``, others as ``name_<key>.csv``
    summary : JSON-ready key numbers
    text : one paragraph computed from the numbers
    """

    name: str
    title: str
    figure: Any
    tables: dict
    summary: dict
    text: str
    files: list = field(default_factory=list)


@dataclass(frozen=True)
class Analysis:
    """A registered analysis: `func()` returns an :class:`AnalysisResult`.

    `requires` lists helixnet modules and datasets it needs; an analysis
    whose requirement is not installed or not bundled is reported as skipped.
    """

    name: str
    title: str
    func: Callable[[], AnalysisResult]
    modules: tuple = ()
    datasets: tuple = ()

    def missing(self) -> list:
        """Requirements that are not available (empty when it can run)."""
        from helixnet import datasets as ds

        out = [m for m in self.modules if find_spec(m) is None]
        known = set(ds.list_datasets()["name"])
        out += [f"dataset {d}" for d in self.datasets if d not in known]
        return out


# --------------------------------------------------------------------------- output helpers


def _round(x: float) -> float:
    return float(f"{x:.{DIGITS}g}")


def _jsonable(obj):
    """Plain JSON types with floats rounded to DIGITS significant digits."""
    import numpy as np
    import pandas as pd

    if isinstance(obj, dict):
        return {str(k): _jsonable(v) for k, v in obj.items()}
    if isinstance(obj, (list, tuple)):
        return [_jsonable(v) for v in obj]
    if isinstance(obj, pd.DataFrame):
        return _jsonable(obj.to_dict(orient="records"))
    if isinstance(obj, pd.Series):
        return _jsonable(obj.to_dict())
    if isinstance(obj, np.ndarray):
        return _jsonable(obj.tolist())
    if obj is None or obj is pd.NA or obj is pd.NaT:
        return None
    if isinstance(obj, (bool, np.bool_)):
        return bool(obj)
    if isinstance(obj, (int, np.integer)):
        return int(obj)
    if isinstance(obj, (float, np.floating)):
        x = float(obj)
        if math.isnan(x) or math.isinf(x):
            return None
        return _round(x)
    if hasattr(obj, "to_dict"):
        return _jsonable(obj.to_dict())
    return str(obj)


def to_json(obj) -> str:
    """Deterministic JSON text: sorted keys, rounded floats, no NaN, final newline."""
    return json.dumps(_jsonable(obj), indent=2, sort_keys=True, ensure_ascii=False, allow_nan=False) + "\n"


def write_csv(df, path) -> None:
    """Write `df` with fixed float formatting and Unix line ends."""
    df.to_csv(path, index=False, float_format=f"%.{DIGITS}g", lineterminator="\n")


def write_result(result: AnalysisResult, out_dir, dpi: int = 300, formats=("png", "pdf")) -> list:
    """Save a result's figure (PNG, PDF) and tables (CSV) into `out_dir`.

    Returns the names of the files written, in a fixed order, and closes the
    figure.
    """
    from helixnet.plot import save

    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    files = []
    for key in sorted(result.tables):
        stem = result.name if key == "" else f"{result.name}_{key}"
        write_csv(result.tables[key], out / f"{stem}.csv")
        files.append(f"{stem}.csv")
    if result.figure is not None:
        files += [p.name for p in save(result.figure, out / result.name, formats=formats, dpi=dpi)]
    result.files = files
    return files


def _figure(width, height, *, nrows=1, ncols=1, **kwargs):
    """A pyplot-free Figure with constrained layout and its axes."""
    from matplotlib.figure import Figure

    fig = Figure(figsize=(width, height), layout="constrained")
    axes = fig.subplots(nrows, ncols, squeeze=False, **kwargs)
    return fig, axes


def _pct(x, digits=0):
    return f"{100 * float(x):.{digits}f} %"


def _sector_name(row_id: str) -> str:
    from helixnet.plot import TABLE_SECTOR_LABELS

    return TABLE_SECTOR_LABELS.get(row_id, row_id).lower()


# --------------------------------------------------------------------------- the paper's tables


def table2_research_types() -> AnalysisResult:
    from helixnet import datasets, plot

    df = datasets.load("table2_research_types")
    with plot.style():
        fig, axes = _figure(6.6, 3.8)
        plot.research_types(df, ax=axes[0, 0])
    sectors = df[df["sector"] != "total"].set_index("sector")
    total = df[df["sector"] == "total"].iloc[0]
    lead_dev = str(sectors["development"].astype(float).idxmax())
    lead_basic = str(sectors["basic_research"].astype(float).idxmax())
    research = (sectors["basic_research"] + sectors["applied_research"]).astype(float)
    summary = {
        "total_development_share": float(total["development"]),
        "sector_with_largest_development_share": lead_dev,
        "largest_development_share": float(sectors.loc[lead_dev, "development"]),
        "sector_with_largest_basic_share": lead_basic,
        "research_share_by_sector": {str(k): float(v) for k, v in research.items()},
    }
    text = (
        f"Experimental development takes {float(total['development']):.2f} of Kazakhstan's domestic "
        f"R&D spending. The {_sector_name(lead_dev)} sector has the largest development share "
        f"({float(sectors.loc[lead_dev, 'development']):.2f}); the "
        f"{_sector_name(lead_basic)} sector the largest basic-research share "
        f"({float(sectors.loc[lead_basic, 'basic_research']):.2f}). Basic plus applied research "
        "make up "
        + ", ".join(f"{v:.2f} ({_sector_name(k)})" for k, v in research.items())
        + " of the sectors' spending."
    )
    table = df[["sector", "basic_research", "applied_research", "development"]]
    return AnalysisResult("table2_research_types", "Table 2: types of research by sector", fig,
                          {"": table}, summary, text)


def table3_funding_by_sector() -> AnalysisResult:
    from helixnet import datasets, plot

    df = datasets.load("table3_rd_funding_sources")
    with plot.style():
        fig, axes = _figure(7.4, 4.0)
        plot.funding_by_sector(df, ax=axes[0, 0])
    sectors = df[df["sector"] != "total"].set_index("sector")
    total = df[df["sector"] == "total"].iloc[0]
    budget_led = [str(s) for s in sectors.index if sectors.loc[s, "republican_budget"] > sectors.loc[s, "own_funds"]]
    own_led = [str(s) for s in sectors.index if str(s) not in budget_led]
    summary = {
        "total_republican_budget_share": float(total["republican_budget"]),
        "total_own_funds_share": float(total["own_funds"]),
        "sectors_mainly_budget_funded": budget_led,
        "sectors_mainly_own_funded": own_led,
    }
    text = (
        f"The republican budget provides {float(total['republican_budget']):.2f} of all R&D funding and "
        f"own funds {float(total['own_funds']):.2f}. The budget is the main source of the "
        + ", ".join(_sector_name(s) for s in budget_led)
        + " sector(s); "
        + (", ".join(_sector_name(s) for s in own_led) + " R&D is mainly self-funded. " if own_led else "")
        + f"Local budgets and foreign investment provide at most "
        f"{float(sectors[['local_budgets', 'foreign_investment']].to_numpy().max()):.2f} of any sector's funding. "
        "Innovation grants are a part of the republican budget and are shown, not added."
    )
    return AnalysisResult("table3_funding_by_sector", "Table 3: sources of R&D funding by sector", fig,
                          {"": df.drop(columns=[c for c in ("sector_label",) if c in df.columns])},
                          summary, text)


def table4_rd_personnel() -> AnalysisResult:
    from helixnet import datasets, plot

    df = datasets.load("table4_rd_personnel")
    with plot.style():
        fig, axes = _figure(6.8, 3.8)
        plot.personnel(df, ax=axes[0, 0])
    sectors = df[df["sector"] != "total"].set_index("sector")
    total = int(df.loc[df["sector"] == "total", "rd_personnel"].iloc[0])
    lead = str(sectors["rd_personnel"].astype(float).idxmax())
    researcher_share = (sectors["researchers"].astype(float) / sectors["rd_personnel"].astype(float))
    summary = {
        "total_rd_personnel": total,
        "largest_sector": lead,
        "largest_sector_personnel": int(sectors.loc[lead, "rd_personnel"]),
        "largest_sector_share": float(sectors.loc[lead, "rd_personnel"]) / total,
        "researcher_share_by_sector": {str(k): float(v) for k, v in researcher_share.items()},
    }
    text = (
        f"Kazakhstan had {total:,} R&D personnel in 2013. The {_sector_name(lead)} sector employs the most "
        f"({int(sectors.loc[lead, 'rd_personnel']):,}, {_pct(summary['largest_sector_share'])} of the total). "
        "Researchers are "
        + ", ".join(f"{_pct(v)} ({_sector_name(k)})" for k, v in researcher_share.items())
        + " of each sector's R&D staff."
    )
    table = df.drop(columns=[c for c in ("sector_label",) if c in df.columns])
    return AnalysisResult("table4_rd_personnel", "Table 4: R&D personnel by sector", fig, {"": table},
                          summary, text)


def international_comparison() -> AnalysisResult:
    from helixnet import datasets, plot

    df = datasets.load("international_comparison")
    with plot.style():
        fig, axes = _figure(8.4, 3.6, ncols=2)
        plot.international_comparison(df, ax=axes[0])
    summary = {}
    parts = []
    for ind, part in df.groupby("indicator", sort=True):
        part = part.set_index("country")["value_percent"].astype(float)
        kz = float(part.get("Kazakhstan", float("nan")))
        others = part.drop("Kazakhstan", errors="ignore")
        summary[str(ind)] = {
            "kazakhstan": kz,
            "comparators_mean": float(others.mean()),
            "comparators_min": float(others.min()),
            "comparators_max": float(others.max()),
        }
    g = summary.get("government_share_rd_funding")
    if g:
        parts.append(
            f"The government provides {g['kazakhstan']:g} % of Kazakhstan's R&D funding, against "
            f"{g['comparators_min']:g}–{g['comparators_max']:g} % in the OECD comparators "
            f"(mean {g['comparators_mean']:.1f} %, {g['kazakhstan'] / g['comparators_mean']:.1f} times less)."
        )
    e = summary.get("experimental_development_share_rd")
    if e:
        parts.append(
            f"Experimental development is {e['kazakhstan']:g} % of Kazakhstan's R&D, against "
            f"{e['comparators_min']:g}–{e['comparators_max']:g} % in the comparison countries."
        )
    table = df[["indicator", "country", "value_percent"]]
    return AnalysisResult("international_comparison", "International comparison", fig, {"": table},
                          summary, " ".join(parts))


# --------------------------------------------------------------------------- registry

ANALYSES: list = [
    Analysis("table2_research_types", "Table 2: types of research by sector", table2_research_types,
             datasets=("table2_research_types",)),
    Analysis("table3_funding_by_sector", "Table 3: sources of R&D funding by sector", table3_funding_by_sector,
             datasets=("table3_rd_funding_sources",)),
    Analysis("table4_rd_personnel", "Table 4: R&D personnel by sector", table4_rd_personnel,
             datasets=("table4_rd_personnel",)),
    Analysis("international_comparison", "International comparison", international_comparison,
             datasets=("international_comparison",)),
]


def get(name: str) -> Analysis:
    """The registered analysis called `name`."""
    from helixnet.exceptions import HelixnetValueError

    for a in ANALYSES:
        if a.name == name:
            return a
    raise HelixnetValueError(f"unknown analysis {name!r}; valid names: {', '.join(a.name for a in ANALYSES)}")


def run(name: str, out_dir, dpi: int = 300) -> AnalysisResult:
    """Run analysis `name` and write its figure and tables into `out_dir`."""
    from helixnet.exceptions import HelixnetError

    analysis = get(name)
    missing = analysis.missing()
    if missing:
        raise HelixnetError(f"analysis {name!r} needs {', '.join(missing)}, which is not available")
    result = analysis.func()
    write_result(result, out_dir, dpi=dpi)
    return result
