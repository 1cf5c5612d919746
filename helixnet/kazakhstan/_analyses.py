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
from collections.abc import Callable
from dataclasses import dataclass, field
from importlib.util import find_spec
from pathlib import Path
from typing import Any

from helixnet._jsonable import jsonable
from helixnet._result import Result

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


@dataclass(repr=False)
class AnalysisResult(Result):
    """What one analysis produced.

    name : file stem of its outputs
    title : heading in the report
    figure : matplotlib Figure (saved as ``name.png`` and ``name.pdf``)
    tables : {key: DataFrame}; key "" is saved as ``name.csv``, others as ``name_<key>.csv``
    summary : JSON-ready key numbers
    text : one paragraph computed from the numbers
    files : names of the files :func:`write_result` wrote
    """

    name: str
    title: str
    figure: Any
    tables: dict
    summary: dict
    text: str
    files: list = field(default_factory=list)

    def __repr__(self) -> str:
        return (f"AnalysisResult(name={self.name!r}, tables={sorted(self.tables)}, "
                f"figure={self.figure is not None}, files={len(self.files)})")

    def to_frame(self):
        """The main table (``tables[""]``; the first table when there is none, else an empty frame)."""
        import pandas as pd

        if "" in self.tables:
            return self.tables[""]
        return next(iter(self.tables.values())) if self.tables else pd.DataFrame()

    def to_dict(self) -> dict:
        """``name``, ``title``, ``results`` (the summary), ``text`` and ``files``, as in ``summary.json``
        (without its rounding to :data:`DIGITS` significant digits)."""
        return jsonable({"name": self.name, "title": self.title, "results": self.summary, "text": self.text,
                         "files": self.files})


@dataclass(frozen=True)
class Analysis:
    """A registered analysis: `func()` returns an :class:`AnalysisResult`.

    `requires` lists helixnet modules and datasets it needs; an analysis
    whose requirement is not installed or not bundled is reported as skipped.
    `case_study` is False for gallery examples on other data (they have a
    script in ``analyses/`` but are not part of ``helixnet reproduce``, the
    Kazakhstan study).
    """

    name: str
    title: str
    func: Callable[[], AnalysisResult]
    modules: tuple = ()
    datasets: tuple = ()
    case_study: bool = True

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


def to_json(obj) -> str:
    """Deterministic JSON text: sorted keys, rounded floats, no NaN, final newline."""
    return json.dumps(jsonable(obj, significant=DIGITS), indent=2, sort_keys=True, ensure_ascii=False,
                      allow_nan=False) + "\n"


def write_csv(df, path) -> None:
    """Write `df` with fixed float formatting and Unix line ends."""
    df.to_csv(path, index=False, float_format=f"%.{DIGITS}g", lineterminator="\n")


def write_result(result: AnalysisResult, out_dir, dpi: int = 300, formats=("png", "pdf")) -> list:
    """Save a result's figure (PNG, PDF) and tables (CSV) into `out_dir`.

    Returns the names of the files written, in a fixed order, and closes the
    figure.
    """
    from helixnet.plot._base import save

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
    from helixnet.kazakhstan._figures import TABLE_SECTOR_LABELS

    return TABLE_SECTOR_LABELS.get(row_id, row_id).lower()


# --------------------------------------------------------------------------- the paper's tables


def table2_research_types() -> AnalysisResult:
    from helixnet import datasets, plot
    from helixnet.kazakhstan import _figures as figures

    df = datasets.load("table2_research_types")
    with plot.style():
        fig, axes = _figure(6.6, 3.8)
        figures.research_types(df, ax=axes[0, 0])
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
    from helixnet.kazakhstan import _figures as figures

    df = datasets.load("table3_rd_funding_sources")
    with plot.style():
        fig, axes = _figure(7.4, 4.0)
        figures.funding_by_sector(df, ax=axes[0, 0])
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
        f"own funds {float(total['own_funds']):.2f}. The budget is the main source of R&D funding for: "
        + ", ".join(_sector_name(s) for s in budget_led)
        + "; "
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
    from helixnet.kazakhstan import _figures as figures

    df = datasets.load("table4_rd_personnel")
    with plot.style():
        fig, axes = _figure(6.8, 3.8)
        figures.personnel(df, ax=axes[0, 0])
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
    from helixnet.kazakhstan import _figures as figures

    df = datasets.load("international_comparison")
    with plot.style():
        fig, axes = _figure(8.4, 3.6, ncols=2)
        figures.international_comparison(df, ax=axes[0])
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
            f"(mean {g['comparators_mean']:.1f} %): {g['kazakhstan'] / g['comparators_mean']:.1f} times their mean."
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


# --------------------------------------------------------------------------- the paper's figures

_CHART_TITLES = {
    "rd_funding": "R&D funding sources, 2013",
    "innovation_funding": "Technological-innovation funding sources, 2013",
}


def fig1_funding_sources() -> AnalysisResult:
    from helixnet import datasets, plot
    from helixnet.kazakhstan import _figures as figures

    df = datasets.load("fig1_funding_sources")
    charts = list(dict.fromkeys(df["chart"].astype(str)))
    with plot.style():
        fig, axes = _figure(5.4 * len(charts), 4.4, ncols=len(charts))
        figures.funding_sources(df, label="label", value="value_percent", key="item", parent="parent",
                             titles=_CHART_TITLES, ax=axes[0])
    summary, parts = {}, []
    for chart in charts:
        part = df[df["chart"].astype(str) == chart]
        top = part[part["parent"].isna() | (part["parent"].astype("string").fillna("") == "")]
        top = top.sort_values("value_percent", ascending=False, kind="stable")
        ranked = [(str(r["label"]), float(r["value_percent"])) for r in top.to_dict("records")]
        summary[chart] = {
            "top_level_sum_percent": float(top["value_percent"].sum()),
            "ranking": [{"source": n, "percent": v} for n, v in ranked],
        }
        lead = ", ".join(f"{n.lower()} {v:g} %" for n, v in ranked[:3])
        what = {"rd_funding": "R&D funding", "innovation_funding": "technological-innovation funding"}.get(chart, chart)
        parts.append(
            f"In {what} the largest sources are {lead}; "
            f"the printed top-level shares sum to {float(top['value_percent'].sum()):.4g} %."
        )
    parts.append(
        "Sub-items printed as parts of another source (hatched, 'of which') are not added to the sums. "
        "Which pie each printed value belongs to is a reading of the garbled extraction, recorded row by row "
        "in the data's reading_note."
    )
    table = df[["chart", "item", "label", "value_percent", "level", "parent"]]
    return AnalysisResult("fig1_funding_sources", "Fig. 1: sources of R&D and innovation funding", fig,
                          {"": table}, summary, " ".join(parts))


def fig2_cost_structure() -> AnalysisResult:
    from helixnet import datasets, plot
    from helixnet.kazakhstan import _figures as figures

    df = datasets.load("fig2_innovation_costs")
    stated = df[df["value_percent"].notna()]
    named = df[df["value_percent"].isna() & (df["cost_item"].astype(str) != "unstated_remainder")]
    with plot.style():
        fig, axes = _figure(6.8, 3.4)
        figures.cost_structure(stated, label="label", value="value_percent", ax=axes[0, 0])
    s = float(stated["value_percent"].sum())
    summary = {
        "stated_percent": {str(r["cost_item"]): float(r["value_percent"]) for r in stated.to_dict("records")},
        "stated_sum_percent": s,
        "not_stated_percent": 100.0 - s,
        "named_without_value": [str(x) for x in named["cost_item"]],
    }
    text = (
        "The text states "
        + ", ".join(f"{str(r['label'])} {float(r['value_percent']):g} %" for r in stated.to_dict("records"))
        + f" of technological-innovation costs: {s:.4g} % in all. The remaining {100 - s:.4g} % is not stated"
        " (the figure itself did not survive extraction) and is drawn as such, not distributed."
        + (
            " Named without a value: " + "; ".join(str(x) for x in named["label"]) + "."
            if len(named)
            else ""
        )
    )
    table = df[["cost_item", "label", "value_percent", "stated_in_text"]]
    return AnalysisResult("fig2_cost_structure", "Fig. 2: structure of technological-innovation costs", fig,
                          {"": table}, summary, text)


def fig3_innovation_activity() -> AnalysisResult:
    from helixnet import datasets, plot
    from helixnet.kazakhstan import _figures as figures

    df = datasets.load("fig3_innovation_activity_types")
    with plot.style():
        fig, axes = _figure(7.0, 3.8)
        figures.innovation_activity(df, label="label", value="value_percent", ax=axes[0, 0])
    ranked = df.sort_values("value_percent", ascending=False, kind="stable")
    top = ranked.iloc[0]
    summary = {
        "shares_percent": {str(r["activity"]): float(r["value_percent"]) for r in df.to_dict("records")},
        "largest": str(top["activity"]),
        "sum_percent": float(df["value_percent"].sum()),
    }
    research = df.set_index("activity")["value_percent"].astype(float)
    text = (
        f"The most common type of innovation activity is {str(top['label'])} ({float(top['value_percent']):g} %): "
        "enterprises mostly absorb technology embodied in equipment. "
        + (f"Research is {research['research']:g} % " if "research" in research else "")
        + (f"and design and engineering {research['design_engineering']:g} %. " if "design_engineering" in research else "")
        + f"The printed shares sum to {float(df['value_percent'].sum()):g} %."
    )
    table = df[["activity", "label", "value_percent"]]
    return AnalysisResult("fig3_innovation_activity", "Fig. 3: main types of innovation activity", fig,
                          {"": table}, summary, text)


_INDICATOR_TITLES = {
    "innovation_activity_enterprises": "Innovation activity of enterprises",
    "innovative_production_gdp": "Innovative production in GDP",
    "wef_gci_rank": "WEF Global Competitiveness rank",
}


def table1_plan_vs_actual() -> AnalysisResult:
    from helixnet import datasets, plot
    from helixnet.kazakhstan import _figures as figures

    df = datasets.load("table1_nis_results")
    names = list(dict.fromkeys(df["indicator"].astype(str)))
    with plot.style():
        fig, axes = _figure(3.3 * len(names), 3.4, ncols=len(names))
        figures.plan_vs_actual(df, titles=_INDICATOR_TITLES, ax=axes[0])
    summary, parts = {}, []
    for name in names:
        part = df[df["indicator"].astype(str) == name]
        actual = part[part["kind"] == "actual"].sort_values("year")
        plan = part[part["kind"] == "plan"].sort_values("year")
        last = actual.iloc[-1] if len(actual) else None
        unit = str(part["unit"].iloc[0])
        entry: dict[str, Any] = {
            "unit": unit,
            "actual": {str(int(r["year"])): float(r["value"]) for r in actual.to_dict("records")},
            "plan": {str(int(r["year"])): float(r["value"]) for r in plan.to_dict("records")},
        }
        summary[name] = entry
        u = " %" if unit == "percent" else ""
        if last is not None and len(plan):
            nxt = plan[plan["year"] > int(last["year"])]
            first_plan = nxt.iloc[0] if len(nxt) else plan.iloc[-1]
            better = (float(last["value"]) <= float(first_plan["value"])) if unit == "rank" else (
                float(last["value"]) >= float(first_plan["value"]))
            entry["latest_actual_meets_next_plan"] = bool(better)
            parts.append(
                f"{_INDICATOR_TITLES.get(name, name)}: {float(last['value']):g}{u} in {int(last['year'])} "
                f"against a plan of {float(first_plan['value']):g}{u} for {int(first_plan['year'])}"
                + (" (already reached)" if better else " (not yet reached)")
                + "; target for "
                + f"{int(plan.iloc[-1]['year'])}: {float(plan.iloc[-1]['value']):g}{u}."
            )
    parts.append(
        "Two printed values conflict with the paper's text (innovative production 0.51 % vs 1.1 % in 2009, "
        "1.7 % vs 1.64 % in 2013); the table's values are drawn and the conflict is noted in the data."
        if "innovative_production_gdp" in summary
        else ""
    )
    table = df[["period", "indicator", "kind", "year", "value", "unit"]]
    return AnalysisResult("table1_plan_vs_actual", "Table 1: innovation-system results, plan vs actual", fig,
                          {"": table}, summary, " ".join(p for p in parts if p))


# --------------------------------------------------------------------------- actor networks


def _edge_table(G, layer=None):
    import pandas as pd

    rows = []
    for u, v, d in sorted(G.edges(data=True), key=lambda e: (str(e[0]), str(e[1]))):
        rows.append(
            {
                "layer": layer or G.graph.get("layer", ""),
                "source": str(u),
                "target": str(v),
                "source_sector": G.nodes[u]["sector"],
                "target_sector": G.nodes[v]["sector"],
                "weight": float(d.get("weight", 1.0)),
                "relation": str(d.get("relation", "")),
                "status": str(d.get("status", "existing")),
                "source_ref": str(d.get("source_ref", "")),
            }
        )
    cols = ["layer", "source", "target", "source_sector", "target_sector", "weight", "relation", "status",
            "source_ref"]
    return pd.DataFrame(rows, columns=cols)


def _node_table(G):
    import pandas as pd

    rows = [
        {"node": str(n), "label": str(d.get("label", n)), "sector": d["sector"], "kind": str(d.get("kind", "")),
         "status": str(d.get("status", "") or "")}
        for n, d in sorted(G.nodes(data=True), key=lambda x: str(x[0]))
    ]
    return pd.DataFrame(rows, columns=["node", "label", "sector", "kind", "status"])


def _has_model(value, model):
    return model in str(value or "").split(";")


def _model_graph(model):
    """The actors and links of one model of the paper, absent ties included as edges."""
    from helixnet.kazakhstan import _graphs as kzgraphs

    G = kzgraphs.institutional_layer()
    H = G.__class__()
    H.graph.update({"name": model, "layer": model})
    for u, v, d in G.edges(data=True):
        if _has_model(d.get("model"), model):
            for n in (u, v):
                H.add_node(n, **G.nodes[n])
            H.add_edge(u, v, **d)
    for n, d in G.nodes(data=True):
        if _has_model(d.get("model"), model):
            H.add_node(n, **d)
    for tie in G.graph.get("absent_ties", []):
        if _has_model(tie.get("model"), model):
            for n in (tie["source"], tie["target"]):
                if n not in H:
                    H.add_node(n, **G.nodes[n])
            H.add_edge(tie["source"], tie["target"], weight=1.0, relation=tie["relation"], status="absent",
                       source_ref=tie.get("source_ref", ""))
    return H


def _pair(a, b):
    from helixnet._validation import SECTORS

    return "–".join(sorted([a, b], key=SECTORS.index))


def _tie_summary(G):
    from collections import Counter

    from helixnet._validation import SECTORS

    sectors = Counter(d["sector"] for _, d in G.nodes(data=True))
    tally = Counter(str(d.get("status", "existing")) for *_, d in G.edges(data=True))
    status = {k: tally[k] for k in ("existing", "planned", "absent") if k in tally} | {
        k: v for k, v in sorted(tally.items()) if k not in ("existing", "planned", "absent")}
    pairs = {}
    for u, v, d in G.edges(data=True):
        key = _pair(G.nodes[u]["sector"], G.nodes[v]["sector"])
        st = str(d.get("status", "existing"))
        pairs.setdefault(key, {}).setdefault(st, 0)
        pairs[key][st] += 1
    return {
        "n_actors": G.number_of_nodes(),
        "actors_by_sector": {s: int(sectors.get(s, 0)) for s in SECTORS},
        "ties_by_status": {k: int(v) for k, v in status.items()},
        "ties_by_sector_pair": {k: dict(sorted(v.items())) for k, v in sorted(pairs.items())},
    }


def _describe_model(summary, name):
    a = summary["actors_by_sector"]
    st = summary["ties_by_status"]
    ui = summary["ties_by_sector_pair"].get("U–I", {})
    text = (
        f"The {name} has {summary['n_actors']} actors ({a['G']} government, {a['U']} science, {a['I']} business, "
        f"{a['O']} other) and " + ", ".join(f"{v} {k}" for k, v in st.items()) + " ties. "
    )
    if ui:
        text += "Science–business ties: " + ", ".join(f"{v} {k}" for k, v in ui.items()) + "."
    else:
        text += "There is no science–business (U–I) tie at all."
    if ui and not ui.get("existing"):
        if set(ui) == {"absent"}:
            text += " None of them exists: the paper states these ties are missing."
        else:
            text += " None of them exists yet."
    return text


def _model_analysis(model, name, title, caption):
    from helixnet import plot

    G = _model_graph(model)
    with plot.style():
        fig, axes = _figure(8.6, 6.6)
        plot.actor_network(G, title=caption, ax=axes[0, 0], label_width=22)
    summary = _tie_summary(G)
    return AnalysisResult(name, title, fig, {"": _edge_table(G, model), "nodes": _node_table(G)}, summary,
                          _describe_model(summary, caption.split(":")[0].strip() if ":" in caption else caption))


def fig4_pit_sez_model() -> AnalysisResult:
    return _model_analysis("fig4_pit_sez", "fig4_pit_sez_model", "Fig. 4: the PIT SEZ Triple Helix model",
                           "Park of Innovative Technologies SEZ model")


def fig5_nazarbayev_model() -> AnalysisResult:
    return _model_analysis("fig5_nazarbayev_university", "fig5_nazarbayev_model",
                           "Fig. 5: the Nazarbayev University hybrid model", "Nazarbayev University hybrid model")


def kazakhstan_layers() -> AnalysisResult:
    import pandas as pd

    from helixnet import plot
    from helixnet.kazakhstan import _graphs as kzgraphs

    layers = {
        "knowledge": kzgraphs.knowledge_layer(),
        "funding": kzgraphs.funding_layer(),
        "institutional": kzgraphs.institutional_layer(),
    }
    titles = {
        "knowledge": "Knowledge: enterprises' information sources",
        "funding": "Funding: Table 3 sources to sectors",
        "institutional": "Institutional: actors and links of the text",
    }
    with plot.style():
        from matplotlib.figure import Figure

        fig = Figure(figsize=(15.0, 20.0), layout="constrained")
        axd = fig.subplot_mosaic([["knowledge", "funding"], ["institutional", "institutional"]],
                                 height_ratios=[1, 2.1])
        for name, G in layers.items():
            plot.actor_network(G, title=titles[name], ax=axd[name], legend=True,
                               label_width=16 if name != "institutional" else 36,
                               node_size=260 if name == "institutional" else 420)
    summary = {name: _tie_summary(G) for name, G in layers.items()}
    for name, G in layers.items():
        w = {}
        for u, v, d in G.edges(data=True):
            key = _pair(G.nodes[u]["sector"], G.nodes[v]["sector"])
            w[key] = w.get(key, 0.0) + float(d.get("weight", 1.0))
        total = sum(w.values()) or 1.0
        summary[name]["weight_share_by_sector_pair"] = {k: v / total for k, v in sorted(w.items())}
    parts = []
    for name in layers:
        shares = summary[name]["weight_share_by_sector_pair"]
        top = max(shares, key=shares.get)
        parts.append(
            f"the {name} layer has {summary[name]['n_actors']} actors and "
            f"{sum(summary[name]['ties_by_status'].values())} ties, the heaviest sector pair being {top} "
            f"({_pct(shares[top])} of its tie weight)"
        )
    text = "Drawn from the bundled data with sector-coloured actors: " + "; ".join(parts) + "."
    edges = pd.concat([_edge_table(G, name) for name, G in layers.items()], ignore_index=True)
    return AnalysisResult("kazakhstan_layers", "The three layers of the Kazakhstan actor graph", fig, {"": edges},
                          summary, text)


# --------------------------------------------------------------------------- subordination, synergy, comparison

#: Null draws per model behind the configuration verdict of the subordination analysis
#: (helixnet.networks.DEFAULT_N_NULL).
N_NULL = 199
#: Null draws per model and coding variant of the robustness analysis
#: (helixnet.networks.SENSITIVITY_N_NULL).
N_NULL_SENSITIVITY = 99

_SHARE_MEASURES = ("out_strength", "in_strength", "betweenness", "closeness", "pagerank", "hub", "authority")


def _shares_table(sector_shares):
    """Long table sector, measure, share from helixnet.networks.sector_centrality."""
    import pandas as pd

    rows = []
    for sector, row in sector_shares.iterrows():
        for m in _SHARE_MEASURES:
            rows.append({"sector": str(sector), "measure": m, "share": float(row[f"share_{m}"])})
    return pd.DataFrame(rows, columns=["sector", "measure", "share"])


def _claim(conf, metric):
    """(observed, result, rewire null mean, permute null mean) of one indicator."""
    r = conf.evidence.set_index("metric").loc[metric]
    return float(r["observed"]), str(r["result"]), float(r["null_mean_rewire"]), float(r["null_mean_permute"])


def _claims_text(confs, diag_flows, n_government, n_conclusion):
    """What the measurements say about the paper's two claims (written from the results)."""
    fb, fb_res, fb_rew, fb_perm = _claim(confs["flows"], "g_feedback")
    feedback = (
        f"'Vertical subordination ... and lack of feedback': coded, not measured, as far as the graph goes. Every "
        f"statement of the paper was coded as one tie pointing from the government or funder down, so reciprocity "
        f"is {diag_flows['reciprocity']:.2f} and Krackhardt's hierarchy {diag_flows['krackhardt_hierarchy']:.2f} by "
        f"construction (and they cannot tell the government from any other sector). The government-specific test, "
        f"the share of G's inter-sector tie strength flowing to G, is {fb:.2f} (0.5 if no direction were "
        f"preferred); ties rewired with every actor's in- and out-ties kept give {fb_rew:.2f} on average and "
        f"permuted sector labels {fb_perm:.2f}: {fb_res}"
        + (" — the data support lack of feedback to the government beyond both null models."
           if fb_res == "supports" else
           " — so the low feedback is what the coded directions produce, not a finding beyond chance."
           if fb_res == "not distinguishable from chance" else ".")
    )
    um, um_res, um_rew, um_perm = _claim(confs["relationships"], "ui_mediation")
    ev = confs["relationships"].evidence.set_index("metric").loc["ui_mediation"]
    uf, uf_res, _, _ = _claim(confs["flows"], "ui_mediation")
    side = lambda obs, mean: "more than" if obs > mean else "fewer than" if obs < mean else "as many as"  # noqa: E731
    via = (
        f"'Business and science ... relate indirectly, via the government': read as relationships, {um:.2f} of the "
        f"U–I shortest paths pass through a government actor — {side(um, um_rew)} in rewired graphs "
        f"({um_rew:.2f}, one-sided p {ev['p_rewire']:.3f}) and {side(um, um_perm)} with permuted sector labels "
        f"({um_perm:.2f}, p {ev['p_permute']:.3f}): {um_res}"
        + (" — more than chance under both." if um_res == "supports" else
           " — less than chance under both." if um_res == "contradicts" else
           f"; a random set of {n_government} actors labelled government would mediate about as much, and the "
           "government actors' many ties alone would give them more."
           if um_rew > um and abs(um - um_perm) < abs(um - um_rew) else ".")
        + f" As directed flows, {uf:.2f} of the U–I paths pass through G ({uf_res}): funding and authority run from "
        "G to science and to business, never from one through G to the other. The "
        f"{n_conclusion} ties that state this mediation directly (marked encodes_conclusion in data/links.csv) are "
        "the paper's conclusion put into the graph; the robustness analysis drops them."
    )
    return feedback + " " + via


def subordination() -> AnalysisResult:
    import pandas as pd

    from helixnet import plot
    from helixnet.kazakhstan import _graphs as kzgraphs
    from helixnet.networks._subordination import subordination_report

    G = kzgraphs.kazakhstan_graph()
    rep = subordination_report(G, n_resamples=N_NULL, seed=SEED, name="Kazakhstan innovation system")
    shares = _shares_table(rep.sector_shares)
    with plot.style():
        fig, axes = _figure(13.5, 9.0, nrows=2, ncols=2)
        plot.centrality_by_sector(shares, ax=axes[0, 0])
        plot.brokerage_profile(rep.brokerage, ax=axes[0, 1])
        plot.mediation(rep.mediation_relationships, ax=axes[1, 0])
        plot.configuration_evidence(rep.evidence, ax=axes[1, 1],
                                    verdict=", ".join(f"{c.verdict} ({k})" for k, c in rep.configurations.items()))
    confs = rep.configurations
    evidence = rep.evidence
    summary: dict[str, Any] = {
        "verdict": {k: c.verdict for k, c in confs.items()},
        "configuration": {k: c.to_dict() for k, c in confs.items()},
        "centrality_share_by_sector": {
            m: {str(r["sector"]): r["share"] for r in shares[shares["measure"] == m].to_dict("records")}
            for m in _SHARE_MEASURES
        },
        "dominant_sector": {str(r["measure"]): str(r["sector"]) for r in rep.dominance.to_dict("records")},
        "mediation": rep.mediation_relationships.to_dict(),
        "mediation_flows": rep.mediation.to_dict(),
        "hierarchy": dict(rep.hierarchy),
        "n_null": N_NULL,
        "seed": SEED,
    }
    from helixnet.kazakhstan._sensitivity import conclusion_link_ids

    n_government = sum(1 for _, d in G.nodes(data=True) if d["sector"] == "G")
    text = (
        "Input and finding are kept apart here. Coded from the paper's statements: the actors, their sectors "
        "(ambiguous ones in data/sector_mapping.csv), one tie per statement with its direction, planned ties, and "
        f"{len(conclusion_link_ids())} ties that restate the paper's conclusion. Measured: each indicator set against what the "
        "government's size gives and against two null models (rewiring that keeps every actor's ties, and "
        f"permutation of the sector labels; {N_NULL} draws each, seed {SEED}); an indicator counts only when it "
        "departs from both at the two-sided 0.05 level, and the verdict may be 'undetermined'. "
        + " ".join(c.verdict_text() + " " + " ".join(c.evidence_text()) for c in confs.values())
        + " "
        + _claims_text(confs, confs["flows"].diagnostics, n_government, len(conclusion_link_ids()))
        + " Raw centrality shares (not set against sector size) are led by "
        + ", ".join(f"{s} for {m}" for m, s in summary["dominant_sector"].items() if s != "None"
                    and m in ("betweenness", "pagerank", "out_strength"))
        + f"; the government has {n_government} of {G.number_of_nodes()} actors. "
        + " ".join(
            f"Ties as {k}: {c.diagnostics['delegation_two_paths']:g} two-paths through the government are delegation "
            f"inside it (G→G→X, counted apart) and {c.diagnostics['inter_sector_two_paths_via_g']:g} stand between two "
            f"other sectors, of {c.diagnostics['inter_sector_two_paths']:g} open two-paths between different non-G "
            "sectors in all."
            for k, c in confs.items()
        )
    )
    brokerage = rep.brokerage.copy()
    tables = {
        "": shares,
        "brokerage": brokerage,
        "mediation": rep.tables()["mediation"].assign(ends=lambda d: d["ends"].map(", ".join)),
        "configuration": evidence,
        "hierarchy": pd.DataFrame({"metric": list(rep.hierarchy), "value": [float(v) for v in rep.hierarchy.values()]}),
    }
    return AnalysisResult("subordination", "Vertical subordination: centrality, brokerage, mediation, verdict",
                          fig, tables, summary, text)


def robustness() -> AnalysisResult:
    from helixnet import plot
    from helixnet.kazakhstan import _graphs as kzgraphs
    from helixnet.kazakhstan._sensitivity import PILOT_CLUSTERS, conclusion_link_ids, sensitivity

    G = kzgraphs.kazakhstan_graph()
    res = sensitivity(G, n_resamples=N_NULL_SENSITIVITY, seed=SEED)
    table = res.table
    with plot.style():
        fig, axes = _figure(11.5, 0.4 * len(table) + 3.0)
        plot.sensitivity(table, ax=axes[0, 0])
    verdicts = table["verdict"].value_counts().to_dict()
    metrics = [c[: -len("_result")] for c in table.columns if c.endswith("_result")]
    supports = {m: int((table[f"{m}_result"] == "supports").sum()) for m in metrics}
    contradicts = {m: int((table[f"{m}_result"] == "contradicts").sum()) for m in metrics}
    base = table[table["variant"] == "as coded"].set_index("reading")["verdict"].to_dict()
    changed = [f"{r.variant} ({r.reading}): {r.verdict}" for r in table.itertuples()
               if r.variant != "as coded" and r.verdict != base.get(r.reading)]
    import numpy as np

    coded = table[table["variant"] == "as coded"][metrics].to_numpy(dtype=float)
    merged = table[table["variant"] == "pilot_clusters merged"][metrics].to_numpy(dtype=float)
    clusters_note = (
        "Merging the pilot clusters changes no indicator: their ties are delegation inside government (G→G→X), "
        "which no longer counts as mediation."
        if merged.shape == coded.shape and np.allclose(coded, merged, equal_nan=True) else ""
    )
    summary = {
        "n_null": N_NULL_SENSITIVITY,
        "seed": SEED,
        "verdict_counts": {str(k): int(v) for k, v in verdicts.items()},
        "rows": res.to_dict()["table"],
        "supports_by_indicator": supports,
        "contradicts_by_indicator": contradicts,
    }
    text = (
        f"The verdict and every indicator recomputed over {table['variant'].nunique()} codings of the graph, each "
        f"under both readings ({len(table)} rows; {N_NULL_SENSITIVITY} draws per null model and row, seed {SEED}): "
        f"planned ties dropped, the {len(PILOT_CLUSTERS)} pilot clusters merged into one node, the "
        f"{len(conclusion_link_ids())} ties that encode the paper's conclusion dropped, unit weights, ambiguous actors given their alternative sector (all of them, "
        "or only the state-owned ones as government), and the first three together. Verdicts: "
        + ", ".join(f"{k} {v}" for k, v in sorted(verdicts.items())) + ". "
        + ("Rows whose verdict differs from the as-coded one: " + "; ".join(changed) + ". " if changed else
           "No variant changes the as-coded verdict. ")
        + "Rows in which an indicator supports the statist configuration beyond both null models: "
        + ", ".join(f"{m} {supports[m]}" for m in metrics)
        + "; contradicts it: " + ", ".join(f"{m} {contradicts[m]}" for m in metrics)
        + " (for inter_sector_share 'supports' means separate spheres). "
        + clusters_note
    )
    return AnalysisResult("robustness", "Robustness: the verdict over coding variants", fig,
                          {"": table, "evidence": res.evidence}, summary, text)


#: Sector-label permutations behind the null distribution of T_UIG of the relationships.
N_SECTOR_NULL = 199


def _t_uig_of_relationships(G) -> float:
    """T_UIG (mbit) of `G`'s relationships counted by the sectors they join, each once."""
    from helixnet.information._measures import synergy as _synergy
    from helixnet.information._measures import venn_table
    from helixnet.networks import _builders as builders

    vc = builders.venn_counts(G, weight=None)
    return _synergy(venn_table(vc.cells, none=vc.none, dims=vc.dims), dims=tuple(vc.dims), unit="mbit").T


def _sector_null_of_t_uig(G):
    """T_UIG of `G` against :data:`N_SECTOR_NULL` sector-label permutations (``significance``'s row).

    A self-tie is a relationship of one sector and counts in its cell; the permutation
    null keeps it on its node's permuted label.
    """
    from helixnet.networks._nullmodels import significance

    table = significance(G, metrics={"T_UIG": _t_uig_of_relationships}, n_resamples=N_SECTOR_NULL, seed=SEED,
                         model="permute")
    return table.iloc[0]


def synergy() -> AnalysisResult:
    import pandas as pd

    from helixnet import plot
    from helixnet.information._measures import synergy as _synergy
    from helixnet.information._measures import venn_table
    from helixnet.information._uncertainty import bootstrap
    from helixnet.kazakhstan import _graphs as kzgraphs
    from helixnet.networks import _builders as builders

    n_boot = 2000
    named = {
        "all relationships": kzgraphs.kazakhstan_graph(),
        "knowledge layer": kzgraphs.knowledge_layer(),
        "funding layer": kzgraphs.funding_layer(),
        "institutional layer": kzgraphs.institutional_layer(),
    }
    rows, counts = [], []
    venn: Any = None  # the VennCounts of the first graph
    for label, G in named.items():
        vc = builders.venn_counts(G, weight=None)  # each relationship counts once: integer counts
        table = venn_table(vc.cells, none=vc.none, dims=vc.dims)
        boot = bootstrap(table, dims=tuple(vc.dims), n_resamples=n_boot, seed=SEED, unit="mbit")
        frame = boot.to_frame()
        for r in frame.to_dict("records"):
            rows.append({"graph": label, "subset": str(r["subset"]).replace(",", ""), "k": int(r["k"]),
                         "T": float(r["estimate"]), "low": float(r["ci_low"]), "high": float(r["ci_high"]),
                         "std_error": float(r["std_error"])})
        counts.append({"graph": label, **{k: float(v) for k, v in vc.cells.items()}, "none": float(vc.none),
                       "other": float(vc.other), "total": float(vc.total)})
        if venn is None:
            venn = vc
    weighted = builders.venn_counts(named["all relationships"])  # tie weights: a point estimate only
    t_weighted = _synergy(venn_table(weighted.cells, none=weighted.none, dims=weighted.dims),
                          dims=tuple(weighted.dims), unit="mbit").T
    est = pd.DataFrame(rows, columns=["graph", "subset", "k", "T", "low", "high", "std_error"])
    main = est[est["graph"] == "all relationships"].set_index("subset")
    t_values = {k: float(main.loc[k, "T"]) for k in ("UI", "UG", "IG", "UIG")}
    with plot.style():
        fig, axes = _figure(13.0, 4.6, ncols=2, width_ratios=[1.05, 1])
        plot.venn3(venn.cells, t_values=t_values, none=venn.none, unit="mbit", ax=axes[0, 0],
                   title="Relationships of the Kazakhstan graph by sectors joined")
        uig = est[est["k"] == 3].assign(label=lambda d: "T_UIG, " + d["graph"])
        pairs = est[(est["graph"] == "all relationships") & (est["k"] == 2)].assign(
            label=lambda d: "T_" + d["subset"] + ", all relationships")
        plot.synergy_interval(pd.concat([uig, pairs], ignore_index=True), unit="mbit", ax=axes[0, 1])
        axes[0, 1].set_title(f"T with {int(100 * 0.95)} % bootstrap interval ({n_boot} replicates)")
    uig_all = main.loc["UIG"]
    significant = uig_all["high"] < 0
    # Dyads join at most two sectors, so the UIG cell is empty by construction and T_UIG of
    # edge counts leans negative whatever the system: compare with the same graph with its
    # sector labels permuted among the actors (each sector keeps its number of actors).
    null = _sector_null_of_t_uig(named["all relationships"])
    null_mean, null_sd, p_null = float(null["null_mean"]), float(null["null_sd"]), float(null["p_value"])
    z_null = float(null["z"]) if math.isfinite(null["z"]) else None
    t_obs = float(uig_all["T"])
    summary = {
        "unit": "mbit",
        "n_boot": n_boot,
        "seed": SEED,
        "venn_counts": {k: float(v) for k, v in venn.cells.items()},
        "none": float(venn.none),
        "other": float(venn.other),
        "T": {f"{r['graph']}|{r['subset']}": {"T": r["T"], "low": r["low"], "high": r["high"]}
              for r in est.to_dict("records")},
        "T_UIG": float(uig_all["T"]),
        "T_UIG_interval": [float(uig_all["low"]), float(uig_all["high"])],
        "T_UIG_weighted": float(t_weighted),
        "T_UIG_sector_null": {"n": N_SECTOR_NULL, "mean": null_mean, "sd": null_sd,
                              "z": z_null, "p_value": p_null},
    }
    text = (
        f"Each of the {int(venn.total)} relationships of the Kazakhstan graph is classified by the sectors it joins "
        f"({', '.join(f'{k} {v:g}' for k, v in venn.cells.items())}; {venn.other:g} involve an O actor, counted "
        f"by their U/I/G ends, and {venn.none:g} join no U, I or G actor and form the 'none' cell). "
        + ("No relationship joins all three sectors (an edge has two ends), so the UIG cell is empty. "
           if venn.cells.get("UIG", 0) == 0 else "")
        + f"T_UIG = {uig_all['T']:+.1f} mbit, 95 % bootstrap interval [{uig_all['low']:+.1f}, {uig_all['high']:+.1f}]"
        + (": the interval excludes zero, so the relationships show synergy (reduction of uncertainty) beyond "
           "resampling noise." if significant else ": the interval includes zero, so no synergy can be claimed.")
        + f" But an edge joins at most two sectors, so T_UIG of edge counts leans negative by construction: "
        f"with the sector labels permuted among the actors ({N_SECTOR_NULL} times) T_UIG averages "
        f"{null_mean:+.1f} mbit (sd {null_sd:.1f}); the observed value is "
        + (f"{z_null:+.1f} sd from that (two-sided p = {p_null:.3f}), "
           if z_null is not None else "not comparable (no spread), ")
        + ("so the synergy is more than the dyadic structure gives." if p_null < 0.05 and t_obs < null_mean else
           "so this synergy is not distinguishable from what the dyadic structure gives by itself.")
        + f" Weighting each relationship by its tie weight instead gives T_UIG = {t_weighted:+.1f} mbit "
        "(a point estimate: weights are not counts, so no bootstrap). "
        "Per layer: " + "; ".join(
            f"{r['graph']} {r['T']:+.1f} [{r['low']:+.1f}, {r['high']:+.1f}]"
            for r in est[(est['k'] == 3) & (est['graph'] != 'all relationships')].to_dict("records")
        ) + " mbit."
    )
    return AnalysisResult("synergy", "Triple Helix synergy of the Kazakhstan relationships", fig,
                          {"": est, "venn_counts": pd.DataFrame(counts)}, summary, text)


def comparison() -> AnalysisResult:
    from helixnet.kazakhstan import _graphs as kzgraphs

    gs = kzgraphs.oecd_comparison_graphs()
    table, ev = _comparison_tables(gs)
    verdicts = table.set_index("country")["verdict"]
    summary = {
        "countries": {r["country"]: {k: v for k, v in r.items() if k != "country"} for r in table.to_dict("records")},
        "verdicts": {str(k): str(v) for k, v in verdicts.items()},
        "same_verdict_everywhere": bool(verdicts.nunique() == 1),
    }
    return AnalysisResult("comparison", "Kazakhstan and the OECD: funding layers side by side",
                          _comparison_figure(gs, table, ev), {"": table, "evidence": ev}, summary,
                          _comparison_text(table, ev))


def _comparison_tables(gs):
    """One row per country (verdict, G's shares, U–I strength via G) and the configuration evidence."""
    import pandas as pd

    from helixnet.networks._centrality import sector_centrality
    from helixnet.networks._configuration import configuration
    from helixnet.networks._mediation import mediation

    rows, evidence = [], []
    for country, G in gs.items():
        conf = configuration(G, "flows", n_resamples=N_NULL_SENSITIVITY, seed=SEED)
        shares = sector_centrality(G)
        med = mediation(G, directed=False)  # ties as relationships, as the configuration reads them
        row: dict[str, Any] = {
            "country": country,
            "government_share_rd_funding": float(G.graph.get("government_share", float("nan"))),
            "verdict": conf.verdict,
            "statist_votes": int(conf.statist_votes),
            "balanced_votes": int(conf.balanced_votes),
        }
        for m in ("out_strength", "pagerank", "betweenness"):
            row[f"g_share_{m}"] = float(shares.loc["G", f"share_{m}"])  # type: ignore[arg-type]  # a float cell
        row["ui_indirect_share"] = float(med.indirect_share)
        rows.append(row)
        for r in conf.evidence.to_dict("records"):
            evidence.append({"country": country, **r, "value": r["observed"]})
    return pd.DataFrame(rows), pd.DataFrame(evidence)


def _comparison_figure(gs, table, ev):
    """The countries' funding layers above; G's shares and the indicator heat map below."""
    from helixnet import plot

    with plot.style():
        from matplotlib.figure import Figure

        fig = Figure(figsize=(3.9 * len(gs), 8.8), layout="constrained")
        sub: Any = fig.subfigures(2, 1, height_ratios=[1.1, 1])
        top, bottom = sub
        _comparison_networks(top, gs)
        left, right = bottom.subplots(1, 2, width_ratios=[1, 1.4])
        _comparison_government_shares(left, table)
        _comparison_heatmap(right, ev, table.set_index("country")["verdict"], list(gs))
    return fig


def _comparison_networks(subfig, gs):
    """One actor network per country, with one sector legend below them all."""
    from helixnet import plot
    from helixnet.plot._base import sector_handles

    for ax, (country, G) in zip(subfig.subplots(1, len(gs)), gs.items()):
        share = G.graph.get("government_share", float("nan"))
        plot.actor_network(G, title=f"{country}\ngovernment {share:.1%} of R&D funding", ax=ax,
                           legend=False, label_width=14, node_size=300, max_width=5.0)
        ax.title.set_fontsize("small")
    subfig.legend(sector_handles(), [plot.SECTOR_LABELS[s] for s in plot.SECTOR_ORDER], loc="outside lower center",
                  ncol=4, fontsize="small", title="edge width = tie weight (sector share x source share)",
                  title_fontsize="x-small")


def _comparison_government_shares(ax, table):
    """G's share of out-strength and the U–I strength via G, by country."""
    import seaborn as sns

    from helixnet import plot

    # (PageRank is left out: rescaling a sector's out-ties by one factor leaves it unchanged,
    # so G's PageRank share is the same in every country)
    gshare = table[["country", "g_share_out_strength", "ui_indirect_share"]].melt(
        id_vars="country", var_name="measure", value_name="share")
    sns.barplot(gshare, x="country", y="share", hue="measure", ax=ax, palette=[plot.SECTOR_PALETTE["G"], "#56B4E9"])
    ax.set_ylim(0, 1)
    ax.set_xlabel("")
    ax.set_ylabel("Share")
    ax.set_title("Government in the funding layer")
    leg = ax.get_legend()
    if leg is not None:
        names = {"g_share_out_strength": "G's share of out-strength", "ui_indirect_share": "U–I strength via G"}
        for t in leg.get_texts():
            t.set_text(names.get(t.get_text(), t.get_text()))
        leg.set_title("")


def _comparison_heatmap(ax, ev, verdict_of, countries):
    """Observed indicator values, country x indicator (colour scale 0–1), undefined cells marked."""
    import numpy as np
    import seaborn as sns

    from helixnet.plot._base import METRIC_LABELS, pretty, wrap

    metrics = list(dict.fromkeys(ev["metric"]))
    heat = ev.pivot(index="country", columns="metric", values="value").reindex(index=countries, columns=metrics)
    heat.index = [f"{c} ({verdict_of[c]})" for c in heat.index]
    heat.columns = [wrap(METRIC_LABELS.get(c, pretty(c)), 13) for c in heat.columns]
    sns.heatmap(heat, ax=ax, annot=True, fmt=".2f", vmin=0, vmax=1, cmap="Greens",
                cbar_kws={"label": "Indicator value"}, annot_kws={"fontsize": "x-small"})
    for i, j in zip(*np.where(heat.isna().to_numpy())):
        ax.text(j + 0.5, i + 0.5, "undefined", ha="center", va="center", fontsize="xx-small", color="#777777")
    ax.set_title("Configuration indicators (verdict in brackets)")
    ax.tick_params(axis="x", rotation=0, labelsize="x-small")
    ax.set_xlabel("")


def _comparison_findings(ev):
    """One pass over the evidence: the indicators whose value moves between countries (with their
    range) and the country–indicator pairs that depart from both null models."""
    from helixnet.plot._base import METRIC_LABELS

    values, significant = {}, []
    for r in ev.to_dict("records"):
        x = float(r["value"])
        values.setdefault(r["metric"], [])
        if not math.isnan(x):
            values[r["metric"]].append(x)
        if r["result"] in ("supports", "contradicts"):
            significant.append(f"{r['country']}: {r['metric']} {r['result']}")
    moved = []
    for metric, vals in values.items():
        if vals and max(vals) - min(vals) > 1e-9:
            name = METRIC_LABELS.get(metric, metric)
            name = name[0].lower() + name[1:] if name[1:2].islower() else name
            moved.append(f"{name} ({min(vals):.2f}–{max(vals):.2f})")
    return moved, significant


def _comparison_text(table, ev):
    """The paragraph: the shares set, G's out-strength share, the verdicts, what moves, what is significant."""
    kz, others = table.iloc[0], table.iloc[1:]
    verdicts = table.set_index("country")["verdict"]
    moved, significant = _comparison_findings(ev)
    shares = (
        "The funding layer is rebuilt with the government share of R&D funding set to each OECD country's value "
        f"(Kazakhstan {kz['government_share_rd_funding']:.0%}: republican plus local budgets' share of the "
        "funding layer's flows as estimated from Table 3; "
        + ", ".join(f"{r['country']} {r['government_share_rd_funding']:.1%}" for r in others.to_dict("records"))
        + "). Government's share of out-strength falls from "
        f"{kz['g_share_out_strength']:.0%} (Kazakhstan) to "
        f"{others['g_share_out_strength'].min():.0%}–{others['g_share_out_strength'].max():.0%}. "
    )
    if verdicts.nunique() == 1:
        verdict = (f"The configuration verdict (ties as flows, each indicator tested against rewiring and sector "
                   f"permutation, {N_NULL_SENSITIVITY} draws each) is '{verdicts.iloc[0]}' for every country")
    else:
        verdict = "Verdicts (ties as flows, tested against both null models): " + ", ".join(
            f"{k} {v}" for k, v in verdicts.items())
    movement = ": the graphs differ only in tie weights; " + ", ".join(moved) + " move with them. " if moved else ". "
    if significant:
        tests = "Indicators beyond both null models: " + "; ".join(significant) + "."
    else:
        tests = ("No indicator departs from both null models in any country: a funding layer of "
                 "this size does not distinguish the configurations.")
    return shares + verdict + movement + tests


def openalex_trends() -> AnalysisResult:
    """The OpenAlex example on the bundled synthetic sample snapshot (defined in its own module)."""
    from helixnet.kazakhstan._openalex_trends import openalex_trends as run_it

    return run_it()


# --------------------------------------------------------------------------- registry

_GRAPH_DATA = ("actors", "links", "sector_mapping", "knowledge_sources", "table3_rd_funding_sources")

ANALYSES: list = [
    Analysis("fig1_funding_sources", "Fig. 1: sources of R&D and innovation funding", fig1_funding_sources,
             datasets=("fig1_funding_sources",)),
    Analysis("fig2_cost_structure", "Fig. 2: structure of technological-innovation costs", fig2_cost_structure,
             datasets=("fig2_innovation_costs",)),
    Analysis("fig3_innovation_activity", "Fig. 3: main types of innovation activity", fig3_innovation_activity,
             datasets=("fig3_innovation_activity_types",)),
    Analysis("table1_plan_vs_actual", "Table 1: innovation-system results, plan vs actual", table1_plan_vs_actual,
             datasets=("table1_nis_results",)),
    Analysis("table2_research_types", "Table 2: types of research by sector", table2_research_types,
             datasets=("table2_research_types",)),
    Analysis("table3_funding_by_sector", "Table 3: sources of R&D funding by sector", table3_funding_by_sector,
             datasets=("table3_rd_funding_sources",)),
    Analysis("table4_rd_personnel", "Table 4: R&D personnel by sector", table4_rd_personnel,
             datasets=("table4_rd_personnel",)),
    Analysis("international_comparison", "International comparison", international_comparison,
             datasets=("international_comparison",)),
    Analysis("fig4_pit_sez_model", "Fig. 4: the PIT SEZ Triple Helix model", fig4_pit_sez_model,
             modules=("helixnet.kazakhstan._graphs",), datasets=("actors", "links", "sector_mapping")),
    Analysis("fig5_nazarbayev_model", "Fig. 5: the Nazarbayev University hybrid model", fig5_nazarbayev_model,
             modules=("helixnet.kazakhstan._graphs",), datasets=("actors", "links", "sector_mapping")),
    Analysis("kazakhstan_layers", "The three layers of the Kazakhstan actor graph", kazakhstan_layers,
             modules=("helixnet.kazakhstan._graphs",),
             datasets=("actors", "links", "sector_mapping", "knowledge_sources", "table3_rd_funding_sources")),
    Analysis("subordination", "Vertical subordination: centrality, brokerage, mediation, verdict", subordination,
             modules=("helixnet.kazakhstan._graphs", "helixnet.networks._subordination"), datasets=_GRAPH_DATA),
    Analysis("robustness", "Robustness: the verdict over coding variants", robustness,
             modules=("helixnet.kazakhstan._graphs", "helixnet.kazakhstan._sensitivity"), datasets=_GRAPH_DATA),
    Analysis("synergy", "Triple Helix synergy of the Kazakhstan relationships", synergy,
             modules=("helixnet.kazakhstan._graphs", "helixnet.information._measures", "helixnet.information._uncertainty"), datasets=_GRAPH_DATA),
    Analysis("comparison", "Kazakhstan and the OECD: funding layers side by side", comparison,
             modules=("helixnet.kazakhstan._graphs", "helixnet.networks._configuration", "helixnet.networks._mediation"),
             datasets=("table3_rd_funding_sources", "international_comparison", "sector_mapping")),
    Analysis("openalex_trends", "OpenAlex sample snapshot: T_UIG by country and year (synthetic data)",
             openalex_trends, modules=("helixnet.bibliometrics._openalex", "duckdb"), case_study=False),
]


def case_study() -> list:
    """The analyses of the Kazakhstan study (what ``helixnet reproduce`` runs)."""
    return [a for a in ANALYSES if a.case_study]


def get(name: str) -> Analysis:
    """The registered analysis called `name`."""
    from helixnet.exceptions import HelixnetValueError

    for a in ANALYSES:
        if a.name == name:
            return a
    raise HelixnetValueError(f"unknown analysis {name!r}; valid names: {', '.join(a.name for a in ANALYSES)}")


def run(name: str, out_dir, dpi: int = 300) -> AnalysisResult:
    """Run analysis `name` and write its figure and tables into `out_dir`."""
    from helixnet.exceptions import HelixnetValueError

    analysis = get(name)
    missing = analysis.missing()
    if missing:
        raise HelixnetValueError(f"analysis {name!r} needs {', '.join(missing)}, which is not available")
    result = analysis.func()
    write_result(result, out_dir, dpi=dpi)
    return result
