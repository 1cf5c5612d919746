"""The Kazakhstan case study's actor graphs, built from the paper's tables.

Dnishev, Alzhanova & Alibekova (2015): the knowledge layer (enterprises'
knowledge sources), the funding layer (Table 3 flows weighted by estimated
sector shares), the institutional layer (the paper's institutional links) and
their composition :func:`kazakhstan_graph`; the OECD comparison graphs.
Every edge names the data cell it rests on (``source_ref``); see
:mod:`helixnet.networks` for the data model shared with users' own graphs.

Examples
--------
>>> import helixnet as hx
>>> G = hx.kazakhstan.knowledge_layer()
>>> G["market_actors"]["enterprises"]["weight"]
43.0
>>> float(hx.kazakhstan.resolve_source_ref(G["market_actors"]["enterprises"]["source_ref"]))
43.0
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Literal

from helixnet._jsonable import jsonable
from helixnet._result import Result
from helixnet._validation import SECTORS, check_actor_graph
from helixnet.exceptions import HelixnetTypeError, HelixnetValueError, InvalidGraphError
from helixnet.networks._builders import merge_edge, python_scalar

if TYPE_CHECKING:
    import networkx as nx
    import pandas as pd

#: Ways to split a funder's money among performing sectors (see :func:`estimate_sector_shares`).
Weighting = Literal["nnls", "personnel"]
#: The paper's three relations, each a layer of :func:`kazakhstan_graph`.
Layer = Literal["knowledge", "funding", "institutional"]

__all__ = [
    "RELATIONS",
    "SectorShares",
    "parse_source_ref",
    "resolve_source_ref",
    "sector_mapping",
    "knowledge_layer",
    "estimate_sector_shares",
    "funding_layer",
    "institutional_layer",
    "kazakhstan_graph",
    "comparison_funding_layer",
    "oecd_comparison_graphs",
]

#: Edge relations of the case-study graphs, in canonical order.
RELATIONS = ("knowledge", "funding", "institutional")

#: Table 3 funding sources (columns) and Tables 2-4 performing sectors (rows).
_FUNDERS = ("own_funds", "republican_budget", "innovation_grants", "local_budgets", "foreign_investment")
_PERFORMERS = ("public", "higher_education", "entrepreneurial", "non_commercial")
_KNOWLEDGE_SOURCES = ("market_actors", "internal", "external", "other")

# Readable names (the paper's row and column headers); sectors are NOT here.
_LABELS = {
    "own_funds": "Own funds",
    "republican_budget": "Republican budget",
    "innovation_grants": "Innovation grants",
    "local_budgets": "Local budgets",
    "foreign_investment": "Foreign investments",
    "public": "Public sector",
    "higher_education": "Higher professional education sector",
    "entrepreneurial": "Entrepreneurial sector",
    "non_commercial": "Non-commercial sector",
    "enterprises": "Enterprises",
    "market_actors": "Market actors (customers, competitors, equipment suppliers)",
    "external": "External sources (universities, research institutes, consultants)",
    "other": "Other sources (conferences, fairs, journals, associations)",
}


# --------------------------------------------------------------------------
# data access and provenance
# --------------------------------------------------------------------------


def _load(name):
    """Load a bundled dataset (indirection point for tests)."""
    from helixnet import datasets

    return datasets.load(name)


def parse_source_ref(ref: str) -> tuple[str, dict[str, str], str]:
    """Split a source reference into dataset, row selectors and value column.

    A reference reads ``"<dataset>#<key>=<value>[,<key>=<value>...],column=<name>"``:
    the row of `dataset` whose columns equal every ``key=value`` pair, and the
    value in column ``<name>``. Keys and values must not contain ``#``, ``,``,
    ``=`` or ``;`` (``;`` separates the references of a merged edge).

    Parameters
    ----------
    ref : str
        One reference (not a ``";"``-joined list).

    Returns
    -------
    tuple
        ``(dataset, selectors, column)`` with `selectors` a dict.

    Raises
    ------
    HelixnetValueError
        If `ref` is not in the format above (the message quotes it).

    See Also
    --------
    resolve_source_ref

    Examples
    --------
    >>> parse_source_ref("table3_rd_funding_sources#sector=public,column=own_funds")
    ('table3_rd_funding_sources', {'sector': 'public'}, 'own_funds')
    """
    if not isinstance(ref, str) or ";" in ref or ref.count("#") != 1:
        raise HelixnetValueError(
            f"source_ref {ref!r} is not of the form '<dataset>#<key>=<value>,...,column=<name>'"
        )
    dataset, rest = ref.split("#")
    selectors, column = {}, None
    for part in rest.split(","):
        if part.count("=") != 1:
            raise HelixnetValueError(f"source_ref {ref!r}: cannot parse {part!r} (expected key=value)")
        key, value = part.split("=")
        if not key or not value:
            raise HelixnetValueError(f"source_ref {ref!r}: empty key or value in {part!r}")
        if key == "column":
            column = value
        elif key in selectors:
            raise HelixnetValueError(f"source_ref {ref!r}: key {key!r} given twice")
        else:
            selectors[key] = value
    if not dataset or column is None or not selectors:
        raise HelixnetValueError(
            f"source_ref {ref!r} needs a dataset, at least one row selector and 'column=<name>'"
        )
    return dataset, selectors, column


def _ref(dataset, column, **selectors):
    keys = ",".join(f"{k}={v}" for k, v in selectors.items())
    return f"{dataset}#{keys},column={column}"


def resolve_source_ref(ref: str) -> float | int | str | bool:
    """The data value a source reference points to.

    Parameters
    ----------
    ref : str
        A reference as produced by the builders (see :func:`parse_source_ref`).

    Returns
    -------
    float, int, str or bool
        The cell's value (numbers as float or int, as typed in the dataset).

    Raises
    ------
    UnknownDatasetError
        Unknown dataset.
    HelixnetValueError
        Malformed reference, unknown column, or a selector matching no row or
        more than one row (the message names it).

    See Also
    --------
    parse_source_ref

    Examples
    --------
    >>> resolve_source_ref("table3_rd_funding_sources#sector=total,column=own_funds")
    0.29
    """
    dataset, selectors, column = parse_source_ref(ref)
    df = _load(dataset)
    for key in (*selectors, column):
        if key not in df.columns:
            raise HelixnetValueError(
                f"source_ref {ref!r}: dataset {dataset!r} has no column {key!r}; "
                f"columns: {', '.join(map(str, df.columns))}"
            )
    mask: Any = None
    for key, value in selectors.items():
        m = df[key].astype("string") == value
        mask = m if mask is None else (mask & m)
    rows = df[mask.fillna(False)]
    if len(rows) != 1:
        raise HelixnetValueError(f"source_ref {ref!r} matches {len(rows)} rows of {dataset!r}, expected 1")
    return python_scalar(rows[column].iloc[0])



def _value(df, key_col, key, column, dataset):
    rows = df[df[key_col].astype("string") == key]
    if len(rows) != 1:
        raise HelixnetValueError(f"dataset {dataset!r} has {len(rows)} rows with {key_col}={key!r}, expected 1")
    v = python_scalar(rows[column].iloc[0])
    if v is None:
        raise HelixnetValueError(f"dataset {dataset!r}: {key_col}={key!r}, column {column!r} is empty")
    return v


# --------------------------------------------------------------------------
# sectors
# --------------------------------------------------------------------------


def sector_mapping(sectors: Mapping[str, str] | None = None) -> dict[str, dict[str, Any]]:
    """The entity -> sector mapping the builders use.

    Read from the ``sector_mapping`` dataset, then updated with `sectors`.

    Parameters
    ----------
    sectors : mapping of str to str, optional
        Overrides, entity -> one of ``"U"``, ``"I"``, ``"G"``, ``"O"``.

    Returns
    -------
    dict
        entity -> ``{"sector": str, "ambiguous": bool, "reason": str}``;
        an overridden entity has ``reason == "override"``.

    Raises
    ------
    InvalidGraphError
        An override (or a dataset row) with a sector outside U, I, G, O; the
        message names the entity and the value.

    Examples
    --------
    >>> m = sector_mapping({"external": "O"})
    >>> m["external"]["sector"], m["external"]["reason"]
    ('O', 'override')
    """
    df = _load("sector_mapping")
    out = {}
    for row in df.itertuples(index=False):
        entity, sec = python_scalar(row.entity), python_scalar(row.sector)
        if sec not in SECTORS:
            raise InvalidGraphError(
                f"sector_mapping row {entity!r} has sector {sec!r}; expected one of {', '.join(SECTORS)}"
            )
        amb = python_scalar(getattr(row, "ambiguous", False))
        out[entity] = {"sector": sec, "ambiguous": bool(amb), "reason": python_scalar(getattr(row, "reason", "")) or ""}
    if sectors is not None:
        if not hasattr(sectors, "items"):
            raise HelixnetTypeError(f"sectors must be a mapping entity -> sector, got {type(sectors).__name__}")
        for entity, sec in sectors.items():
            if sec not in SECTORS:
                raise InvalidGraphError(
                    f"sectors override for {entity!r} is {sec!r}; expected one of {', '.join(SECTORS)}"
                )
            out[entity] = {"sector": sec, "ambiguous": out.get(entity, {}).get("ambiguous", False), "reason": "override"}
    return out


def _new_graph(name, layer, mapping, sectors):
    import networkx as nx

    G = nx.DiGraph(name=name)
    G.graph["layers"] = [layer] if layer else []
    G.graph["sectors"] = {}
    G.graph["sector_overrides"] = dict(sectors or {})
    G.graph["records"] = []
    G.graph["absent_ties"] = []
    G.graph["_mapping"] = mapping  # removed before returning
    return G


def _add_node(G, node, kind, label=None, **extra):
    mapping = G.graph["_mapping"]
    if node not in mapping:
        raise InvalidGraphError(
            f"entity {node!r} has no row in data/sector_mapping.csv and no sectors= override"
        )
    m = mapping[node]
    attrs = {"sector": m["sector"], "label": label or _LABELS.get(node, node), "kind": kind,
             "ambiguous": m["ambiguous"]}
    attrs.update({k: v for k, v in extra.items() if v is not None})
    if node in G:
        G.nodes[node].update({k: v for k, v in attrs.items() if k not in G.nodes[node]})
    else:
        G.add_node(node, **attrs)
    G.graph["sectors"][node] = m["sector"]



def _add_record(G, u, v, *, relation, source_ref, source_value, scale=1.0, status="existing", **extra):
    weight = float(scale) * float(source_value)
    rec = {"source": u, "target": v, "weight": weight, "relation": relation, "status": status,
           "source_ref": source_ref, "source_value": float(source_value), "scale": float(scale), **extra}
    G.graph["records"].append(rec)
    attrs = {k: val for k, val in rec.items() if k not in ("source", "target")}
    merge_edge(G, u, v, attrs)


def _finish(G):
    G.graph.pop("_mapping", None)
    check_actor_graph(G)
    return G


# --------------------------------------------------------------------------
# knowledge layer
# --------------------------------------------------------------------------


def knowledge_layer(*, normalize: bool = False, sectors: Mapping[str, str] | None = None) -> nx.DiGraph:
    """Where enterprises get the information behind their innovations.

    .. math:: w_{s \\to \\mathrm{enterprises}} = p_s, \\qquad
        s \\in \\{\\text{market actors}, \\text{internal}, \\text{external}, \\text{other}\\}

    with :math:`p_s` the printed share: market actors 43 %, internal sources
    26 % (a self-tie on ``enterprises``), external sources (science) 11 % and
    other sources 19 % (dataset ``knowledge_sources``).

    Parameters
    ----------
    normalize : bool, default False
        False: weights in percent, exactly as printed (they sum to 99).
        True: fractions (percent / 100, ``scale == 0.01``); not rescaled to
        sum to 1.
    sectors : mapping, optional
        Sector overrides, entity -> sector (see :func:`sector_mapping`).

    Returns
    -------
    networkx.DiGraph
        Nodes ``enterprises``, ``market_actors``, ``external``, ``other``;
        four edges with ``relation == "knowledge"``. ``G.graph["weight_unit"]``
        is ``"percent"`` or ``"fraction"``.

    Raises
    ------
    InvalidGraphError
        An entity without a sector, or an override outside U, I, G, O.

    See Also
    --------
    funding_layer, institutional_layer, kazakhstan_graph

    Notes
    -----
    The node for the internal source is the enterprises themselves, so that
    relation is the self-loop ``enterprises -> enterprises``; its sector is
    that of ``enterprises``.

    References
    ----------
    Dnishev, F. M., Alzhanova, F. G., & Alibekova, G. Zh. (2015). Innovative
    development of Kazakhstan on the basis of triple helix and cluster
    approach. *Economy of Region* 2015(2), p. 163 (the one running head the
    extraction keeps).

    Examples
    --------
    >>> G = knowledge_layer(normalize=True)
    >>> sorted((u, v, round(d["weight"], 2)) for u, v, d in G.edges(data=True))[:2]
    [('enterprises', 'enterprises', 0.26), ('external', 'enterprises', 0.11)]
    """
    mapping = sector_mapping(sectors)
    df = _load("knowledge_sources")
    G = _new_graph("Kazakhstan: enterprises' knowledge sources", "knowledge", mapping, sectors)
    G.graph["weight_unit"] = "fraction" if normalize else "percent"
    scale = 0.01 if normalize else 1.0
    _add_node(G, "enterprises", "enterprises")
    for s in _KNOWLEDGE_SOURCES:
        value = _value(df, "source_type", s, "share_percent", "knowledge_sources")
        u = "enterprises" if s == "internal" else s
        if u != "enterprises":
            label = _value(df, "source_type", s, "label", "knowledge_sources") if "label" in df else None
            examples = _value(df, "source_type", s, "examples", "knowledge_sources") if "examples" in df else None
            _add_node(G, u, "knowledge_source",
                      label=f"{label} ({examples.replace(';', ',')})" if label and examples else None)
        _add_record(G, u, "enterprises", relation="knowledge", source_value=value, scale=scale,
                    source_ref=_ref("knowledge_sources", "share_percent", source_type=s))
    return _finish(G)


# --------------------------------------------------------------------------
# funding layer
# --------------------------------------------------------------------------


@dataclass(frozen=True, repr=False)
class SectorShares(Result):
    """Performing sectors' shares of total R&D funding and how well they fit.

    Attributes
    ----------
    weights : pandas.Series
        Sector -> share (>= 0, summing to 1), index ``public``,
        ``higher_education``, ``entrepreneurial``, ``non_commercial``.
    fitted : pandas.Series
        Source column -> :math:`\\sum_s w_s T_{sj}`, the Total row implied.
    residual : pandas.Series
        ``fitted - total`` per source column.
    residual_norm : float
        Euclidean norm of `residual`.
    method : str
        ``"nnls"`` or ``"personnel"``.
    columns : tuple of str
        The Table 3 columns fitted.
    """

    weights: pd.Series
    fitted: pd.Series
    residual: pd.Series
    residual_norm: float
    method: str
    columns: tuple = field(default_factory=tuple)

    _repr_fields = ("method", "residual_norm", "columns")

    def __repr__(self) -> str:
        shares = ", ".join(f"{k}={v:.4g}" for k, v in self.weights.items())
        return f"{Result.__repr__(self)[:-1]}, weights=({shares}))"

    def to_frame(self):
        """One row per performing sector: ``sector``, ``weight``."""
        import pandas as pd

        return pd.DataFrame({"sector": list(self.weights.index), "weight": self.weights.to_numpy(dtype=float)})

    def to_dict(self) -> dict:
        """``method``, ``columns``, ``weights`` (sector -> share), ``fitted`` and ``residual`` (column ->
        value) and ``residual_norm``."""
        return jsonable({"method": self.method, "columns": self.columns, "weights": self.weights,
                         "fitted": self.fitted, "residual": self.residual, "residual_norm": self.residual_norm})


def _table3():
    import numpy as np

    df = _load("table3_rd_funding_sources")
    T = np.array([[float(_value(df, "sector", s, c, "table3_rd_funding_sources")) for c in _FUNDERS]
                  for s in _PERFORMERS])
    total = np.array([float(_value(df, "sector", "total", c, "table3_rd_funding_sources")) for c in _FUNDERS])
    return T, total


def _simplex_lsq(A, b):
    """min ||A w - b|| s.t. w >= 0, sum(w) = 1 (exact).

    scipy.optimize.nnls on the system augmented with the row M * 1 = M
    finds the support; the weights are then the exact equality-constrained
    least-squares solution on that support (KKT system).
    """
    import numpy as np
    from scipy.optimize import nnls

    m, n = A.shape
    big = 1e4 * max(1.0, float(np.abs(A).max()))
    w0, _ = nnls(np.vstack([A, big * np.ones(n)]), np.r_[b, big])
    support = np.flatnonzero(w0 > 1e-12)
    for _ in range(n):
        k = len(support)
        As = A[:, support]
        K = np.zeros((k + 1, k + 1))
        K[:k, :k] = 2 * As.T @ As
        K[:k, k] = 1
        K[k, :k] = 1
        rhs = np.r_[2 * As.T @ b, 1.0]
        sol = np.linalg.lstsq(K, rhs, rcond=None)[0]
        ws = sol[:k]
        if (ws >= -1e-12).all():
            break
        support = support[ws > 0]  # drop the variables pushed negative and refit
    w = np.zeros(n)
    w[support] = np.clip(ws, 0, None)
    return w / w.sum()


def estimate_sector_shares(method: Weighting = "nnls", *, columns: Sequence[str] | None = None) -> SectorShares:
    """Each performing sector's share of total R&D funding.

    Table 3 gives each sector's funding structure :math:`T_{sj}` (share of
    source *j* in sector *s*) and the Total row :math:`t_j`, but not the
    sectors' sizes. The Total row is a mixture of the sector rows, so the
    shares are estimated as

    .. math:: \\hat w = \\arg\\min_{w \\ge 0,\\ \\sum_s w_s = 1}
        \\sum_j \\Big(\\sum_s w_s T_{sj} - t_j\\Big)^2 .

    Parameters
    ----------
    method : {"nnls", "personnel"}
        ``"nnls"``: the constrained least-squares estimate above.
        ``"personnel"``: the printed shares of R&D personnel (Table 4,
        ``table4_rd_personnel_shares``, column ``rd_personnel``), used as
        is; the residual then says how well they reproduce the Total row.
    columns : sequence of str, optional
        Table 3 columns to fit. Default: all five printed columns
        (``innovation_grants`` is an equation of the mixture like any other
        column; it is excluded only from the *edges*, see
        :func:`funding_layer`).

    Returns
    -------
    SectorShares

    Raises
    ------
    HelixnetValueError
        Unknown `method` or column.

    See Also
    --------
    funding_layer

    Notes
    -----
    Solved with ``scipy.optimize.nnls`` on the system augmented by the row
    :math:`M \\mathbf 1^\\top w = M` (:math:`M = 10^4`), which finds the set
    of positive weights; on that set the equality-constrained least-squares
    problem is then solved exactly (its KKT linear system), so the weights
    sum to 1 to machine precision. The problem is poorly identified: Table 3
    is printed to two decimals and the public, higher-education and
    non-commercial rows are similar, so the split among those three moves a
    lot for small changes in the data (fitting without ``innovation_grants``
    gives higher education a weight of 0). Compare with
    ``method="personnel"``.

    Examples
    --------
    >>> est = estimate_sector_shares()
    >>> round(float(est.weights.sum()), 12), bool((est.weights >= 0).all())
    (1.0, True)
    >>> bool(est.residual_norm < 0.01)
    True
    """
    import numpy as np
    import pandas as pd

    cols = tuple(_FUNDERS if columns is None else columns)
    unknown = [c for c in cols if c not in _FUNDERS]
    if unknown or not cols:
        raise HelixnetValueError(f"unknown Table 3 column(s) {unknown}; choose from {', '.join(_FUNDERS)}")
    T, total = _table3()
    idx = [_FUNDERS.index(c) for c in cols]
    A, b = T[:, idx].T, total[idx]
    if method == "nnls":
        w = _simplex_lsq(A, b)
    elif method == "personnel":
        df = _load("table4_rd_personnel_shares")
        w = np.array([float(_value(df, "sector", s, "rd_personnel", "table4_rd_personnel_shares"))
                      for s in _PERFORMERS])
    else:
        raise HelixnetValueError(f"method must be 'nnls' or 'personnel', got {method!r}")
    fitted = A @ w
    res = fitted - b
    return SectorShares(
        weights=pd.Series(w, index=list(_PERFORMERS), name="share"),
        fitted=pd.Series(fitted, index=list(cols), name="fitted"),
        residual=pd.Series(res, index=list(cols), name="residual"),
        residual_norm=float(np.linalg.norm(res)),
        method=method,
        columns=cols,
    )


def funding_layer(
    weighting: Weighting = "nnls",
    *,
    innovation_grants: Literal["exclude", "separate"] = "exclude",
    sectors: Mapping[str, str] | None = None,
) -> nx.DiGraph:
    """R&D funding flows from Table 3's sources to the performing sectors.

    .. math:: w_{j \\to s} = \\hat w_s \\, T_{sj}

    with :math:`T_{sj}` the printed share of source *j* in sector *s*'s R&D
    funding (Table 3) and :math:`\\hat w_s` sector *s*'s share of all R&D
    funding (:func:`estimate_sector_shares`). A weight is thus the fraction
    of the country's R&D funding flowing along the edge.

    Parameters
    ----------
    weighting : {"nnls", "personnel"}
        How :math:`\\hat w_s` is obtained (see :func:`estimate_sector_shares`).
    innovation_grants : {"exclude", "separate"}
        The paper prints innovation grants as an "including" sub-item of the
        republican budget. ``"exclude"`` (default) leaves them inside the
        ``republican_budget`` edges, so nothing is counted twice.
        ``"separate"`` also adds ``innovation_grants`` edges as printed; that
        double counts them if the header is right (each printed row then sums
        to 0.91-1.03 instead of 0.87-0.95; only the Total row sums to 1.00).
    sectors : mapping, optional
        Sector overrides.

    Returns
    -------
    networkx.DiGraph
        ``relation == "funding"``; edge ``scale`` is :math:`\\hat w_s`,
        ``source_value`` the Table 3 cell. Nodes: funders (``kind`` =
        ``funding_source``) and performing sectors (``performing_sector``,
        with attribute ``rd_share``). ``G.graph["sector_shares"]`` holds
        :math:`\\hat w` and the fit residuals. Zero cells give no edge.

    Raises
    ------
    HelixnetValueError
        Unknown `weighting` or `innovation_grants` option.
    InvalidGraphError
        An entity without a sector.

    See Also
    --------
    estimate_sector_shares, comparison_funding_layer

    References
    ----------
    Dnishev et al. (2015), Table 3 and Table 4, p. 164.

    Examples
    --------
    >>> G = funding_layer()
    >>> d = G["own_funds"]["entrepreneurial"]
    >>> d["source_value"], d["source_ref"]
    (0.62, 'table3_rd_funding_sources#sector=entrepreneurial,column=own_funds')
    >>> abs(d["weight"] - d["scale"] * 0.62) < 1e-15
    True
    """
    if innovation_grants not in ("exclude", "separate"):
        raise HelixnetValueError(f"innovation_grants must be 'exclude' or 'separate', got {innovation_grants!r}")
    est = estimate_sector_shares(weighting)
    mapping = sector_mapping(sectors)
    df = _load("table3_rd_funding_sources")
    G = _new_graph("Kazakhstan: R&D funding flows", "funding", mapping, sectors)
    G.graph["weight_unit"] = "fraction"
    G.graph["weighting"] = weighting
    G.graph["innovation_grants"] = innovation_grants
    G.graph["sector_shares"] = {
        "weights": {k: float(v) for k, v in est.weights.items()},
        "residual": {k: float(v) for k, v in est.residual.items()},
        "residual_norm": est.residual_norm,
        "method": est.method,
    }
    funders = [f for f in _FUNDERS if innovation_grants == "separate" or f != "innovation_grants"]
    for f in funders:
        _add_node(G, f, "funding_source")
    for s in _PERFORMERS:
        _add_node(G, s, "performing_sector", rd_share=float(est.weights[s]))
        for f in funders:
            value = float(_value(df, "sector", s, f, "table3_rd_funding_sources"))
            if value == 0:
                continue
            _add_record(G, f, s, relation="funding", source_value=value, scale=float(est.weights[s]),
                        source_ref=_ref("table3_rd_funding_sources", f, sector=s))
    return _finish(G)


def _government_share(G):
    gov = sum(d["weight"] for u, _, d in G.edges(data=True) if G.nodes[u]["sector"] == "G")
    tot = sum(d["weight"] for _, _, d in G.edges(data=True))
    return gov / tot


def comparison_funding_layer(
    country: str, *, weighting: Weighting = "nnls", sectors: Mapping[str, str] | None = None
) -> nx.DiGraph:
    """The funding layer with another country's government share of R&D funding.

    Government sources are the funders whose sector is ``"G"`` (republican
    and local budgets under the default mapping). With :math:`g_0` their
    share of all funding flows in :func:`funding_layer` and :math:`g^*` the
    country's value (dataset ``international_comparison``, indicator
    ``government_share_rd_funding``), every government edge is multiplied by
    :math:`g^*/g_0` and every other edge by :math:`(1-g^*)/(1-g_0)`:

    .. math:: \\frac{\\sum_{j \\in G} w'_j}{\\sum_j w'_j} = g^*,

    each source keeps its split across performing sectors, and the other
    sources keep their proportions.

    Parameters
    ----------
    country : str
        A country of ``international_comparison`` (e.g. ``"Japan"``,
        ``"USA"``, ``"Germany"``, ``"Korea"``; ``"Kazakhstan"`` uses the
        printed 60 %).
    weighting : {"nnls", "personnel"}
        As in :func:`funding_layer`.
    sectors : mapping, optional
        Sector overrides.

    Returns
    -------
    networkx.DiGraph
        As :func:`funding_layer`; edge ``scale`` includes the rescaling
        factor (so ``weight == scale * source_value`` still holds);
        ``G.graph["government_share"]``, ``["government_share_ref"]`` and
        ``["rescale"]`` record what was done.

    Raises
    ------
    HelixnetValueError
        A country without a government share in the data (the message lists
        the available ones).

    See Also
    --------
    oecd_comparison_graphs, funding_layer

    References
    ----------
    Dnishev et al. (2015), p. 163, citing OECD (2011), Main Science and
    Technology Indicators.

    Examples
    --------
    >>> G = comparison_funding_layer("Japan")
    >>> round(G.graph["government_share"], 3)
    0.156
    """
    df = _load("international_comparison")
    sub = df[df["indicator"].astype("string") == "government_share_rd_funding"]
    countries = [python_scalar(c) for c in sub["country"]]
    if country not in countries:
        raise HelixnetValueError(
            f"no government_share_rd_funding for country {country!r} in international_comparison; "
            f"available: {', '.join(countries)}"
        )
    ref = _ref("international_comparison", "value_percent",
               indicator="government_share_rd_funding", country=country)
    target = float(resolve_source_ref(ref)) / 100.0
    G = funding_layer(weighting, sectors=sectors)
    g0 = _government_share(G)
    if not (0 < g0 < 1):
        raise HelixnetValueError(f"cannot rescale: government share of the funding layer is {g0}")
    f_gov, f_other = target / g0, (1 - target) / (1 - g0)
    for rec in G.graph["records"]:
        factor = f_gov if G.nodes[rec["source"]]["sector"] == "G" else f_other
        rec["scale"] *= factor
        rec["weight"] = rec["scale"] * rec["source_value"]
        d = G.edges[rec["source"], rec["target"]]
        d["scale"], d["weight"] = rec["scale"], rec["weight"]
    G.graph["name"] = f"R&D funding flows with {country}'s government share"
    G.graph["country"] = country
    G.graph["government_share"] = _government_share(G)
    G.graph["government_share_ref"] = ref
    G.graph["rescale"] = {"government": f_gov, "other": f_other, "government_share_before": g0}
    return G


def oecd_comparison_graphs(
    countries: Sequence[str] = ("Japan", "USA", "Germany", "Korea"),
    *,
    kazakhstan: Literal["table3", "printed"] | None = "table3",
    weighting: Weighting = "nnls",
    sectors: Mapping[str, str] | None = None,
) -> dict[str, nx.DiGraph]:
    """Funding layers side by side: Kazakhstan and the OECD countries the paper cites.

    Parameters
    ----------
    countries : sequence of str
        Countries passed to :func:`comparison_funding_layer`.
    kazakhstan : {"table3", "printed", None}
        ``"table3"`` (default): Kazakhstan's funding layer unchanged, whose
        government share follows from Table 3 (republican plus local budgets,
        about 68 % with the default estimate and sector mapping); ``"printed"``: rescaled to the 60 % printed on p. 163;
        ``None``: leave Kazakhstan out.
    weighting : {"nnls", "personnel"}
    sectors : mapping, optional

    Returns
    -------
    dict
        country -> networkx.DiGraph, Kazakhstan first.

    Raises
    ------
    HelixnetValueError
        Unknown option or country.

    See Also
    --------
    comparison_funding_layer

    Examples
    --------
    >>> graphs = oecd_comparison_graphs()
    >>> list(graphs)
    ['Kazakhstan', 'Japan', 'USA', 'Germany', 'Korea']
    """
    out = {}
    if kazakhstan == "table3":
        G = funding_layer(weighting, sectors=sectors)
        G.graph["country"] = "Kazakhstan"
        G.graph["government_share"] = _government_share(G)
        out["Kazakhstan"] = G
    elif kazakhstan == "printed":
        out["Kazakhstan"] = comparison_funding_layer("Kazakhstan", weighting=weighting, sectors=sectors)
    elif kazakhstan is not None:
        raise HelixnetValueError(f"kazakhstan must be 'table3', 'printed' or None, got {kazakhstan!r}")
    for c in countries:
        out[c] = comparison_funding_layer(c, weighting=weighting, sectors=sectors)
    return out


# --------------------------------------------------------------------------
# institutional layer
# --------------------------------------------------------------------------


def institutional_layer(*, include_planned: bool = True, sectors: Mapping[str, str] | None = None) -> nx.DiGraph:
    """Actors and links of the paper's text and Figures 4-5.

    Nodes are the actors of dataset ``actors`` (PIT SEZ model, Nazarbayev
    University model, NATD and its venture funds, development institutions,
    technoparks, ministries, pilot clusters...); edges are the rows of
    ``links`` with their own ``relation`` (mostly ``institutional``, some
    ``funding`` or ``knowledge``) and ``weight`` (1 unless the paper gives a
    number).

    Parameters
    ----------
    include_planned : bool, default True
        Keep planned actors and links (``status == "planned"``).
    sectors : mapping, optional
        Sector overrides.

    Returns
    -------
    networkx.DiGraph
        Node attributes also include ``status``, ``model`` and
        ``location``; edge attributes ``status``, ``model``, ``link_id``.
        Links with ``status == "absent"`` are not edges; they are listed in
        ``G.graph["absent_ties"]``.

    Raises
    ------
    InvalidGraphError
        A link to an entity that is neither an actor nor in
        ``sector_mapping``, or an entity without a sector.

    See Also
    --------
    kazakhstan_graph

    References
    ----------
    Dnishev et al. (2015), section "Development of clusters in Kazakhstan" and
    Figures 4-5 (read from the text around them; see data/README.md).

    Examples
    --------
    >>> G = institutional_layer(include_planned=False)
    >>> {d["status"] for _, _, d in G.edges(data=True)}
    {'existing'}
    """
    mapping = sector_mapping(sectors)
    actors = _load("actors")
    links = _load("links")
    G = _new_graph("Kazakhstan: institutional links", "institutional", mapping, sectors)
    G.graph["weight_unit"] = "tie"
    info = {}
    for row in actors.to_dict("records"):
        info[python_scalar(row["actor_id"])] = {k: python_scalar(v) for k, v in row.items()}
    for aid, row in info.items():
        if row.get("status") == "planned" and not include_planned:
            continue
        _add_node(G, aid, row.get("kind") or "actor", label=row.get("label"), status=row.get("status"),
                  model=row.get("model"), location=row.get("location"))
    for row in links.to_dict("records"):
        row = {k: python_scalar(v) for k, v in row.items()}
        status = row.get("status") or "existing"
        ref = _ref("links", "weight", link_id=row["link_id"])
        if status == "absent":
            G.graph["absent_ties"].append({
                "link_id": row["link_id"], "source": row["source"], "target": row["target"],
                "relation": row["relation"], "model": row.get("model"), "source_ref": ref})
            continue
        if status == "planned" and not include_planned:
            continue
        for end in (row["source"], row["target"]):
            if end not in G:
                if end in info:  # a planned actor reached by an existing link
                    a = info[end]
                    _add_node(G, end, a.get("kind") or "actor", label=a.get("label"), status=a.get("status"),
                              model=a.get("model"), location=a.get("location"))
                elif end in mapping:
                    _add_node(G, end, "entity")
                else:
                    raise InvalidGraphError(
                        f"links row {row['link_id']!r} refers to {end!r}, which is neither an actor "
                        "nor an entity of sector_mapping"
                    )
        weight = row.get("weight")
        weight = 1.0 if weight is None else float(weight)
        _add_record(G, row["source"], row["target"], relation=row["relation"], status=status,
                    source_ref=ref, source_value=weight, model=row.get("model"), link_id=row["link_id"])
    return _finish(G)


# --------------------------------------------------------------------------
# composition
# --------------------------------------------------------------------------


def kazakhstan_graph(
    layers: Layer | Sequence[Layer] = ("knowledge", "funding", "institutional"),
    *,
    weighting: Weighting = "nnls",
    include_planned: bool = True,
    normalize: bool = True,
    innovation_grants: Literal["exclude", "separate"] = "exclude",
    sectors: Mapping[str, str] | None = None,
) -> nx.DiGraph:
    """The Kazakhstan actor graph: the chosen layers composed into one DiGraph.

    Parameters
    ----------
    layers : sequence of {"knowledge", "funding", "institutional"}
    weighting : {"nnls", "personnel"}
        Funding-layer weighting (:func:`funding_layer`).
    include_planned : bool, default True
        Institutional layer option (:func:`institutional_layer`).
    normalize : bool, default True
        Knowledge weights as fractions (0.43) rather than percents (43), so
        that knowledge and funding weights are both fractions.
    innovation_grants : {"exclude", "separate"}
        Funding-layer option.
    sectors : mapping, optional
        Sector overrides, applied to every layer.

    Returns
    -------
    networkx.DiGraph
        Union of the layers' nodes and edges. A pair present in several
        layers (or several times in one) gets one edge with summed weight
        and ``";"``-joined ``relation``/``status``/``source_ref`` (see the
        module docstring); every record stays in ``G.graph["records"]``.

    Raises
    ------
    HelixnetValueError
        Unknown layer name.

    See Also
    --------
    knowledge_layer, funding_layer, institutional_layer

    Notes
    -----
    Weights of different layers measure different things (shares of
    information sources, fractions of R&D funding, institutional ties of
    weight 1), so weighted measures on the composed graph mix units;
    compare layers separately when that matters. A plain DiGraph with summed
    weights is what centrality code expects; per-relation analysis can
    filter ``G.graph["records"]`` or build one layer at a time.

    Examples
    --------
    >>> G = kazakhstan_graph()
    >>> G.graph["layers"]
    ['knowledge', 'funding', 'institutional']
    >>> all(d["source_ref"] for _, _, d in G.edges(data=True))
    True
    """
    import networkx as nx

    builders = {
        "knowledge": lambda: knowledge_layer(normalize=normalize, sectors=sectors),
        "funding": lambda: funding_layer(weighting, innovation_grants=innovation_grants, sectors=sectors),
        "institutional": lambda: institutional_layer(include_planned=include_planned, sectors=sectors),
    }
    if isinstance(layers, str):
        layers = (layers,)
    bad = [x for x in layers if x not in builders]
    if bad or not layers:
        raise HelixnetValueError(f"unknown layer(s) {bad}; choose from {', '.join(RELATIONS)}")
    G = nx.DiGraph(name="Kazakhstan innovation system")
    G.graph.update(layers=[], sectors={}, sector_overrides=dict(sectors or {}), records=[], absent_ties=[])
    for name in layers:
        L = builders[name]()
        G.graph["layers"].append(name)
        for node, data in L.nodes(data=True):
            if node in G:
                G.nodes[node].update({k: v for k, v in data.items() if k not in G.nodes[node]})
            else:
                G.add_node(node, **data)
        G.graph["sectors"].update(L.graph["sectors"])
        G.graph["absent_ties"].extend(L.graph["absent_ties"])
        for rec in L.graph["records"]:
            G.graph["records"].append(dict(rec, layer=name))
            merge_edge(G, rec["source"], rec["target"],
                        {k: v for k, v in rec.items() if k not in ("source", "target")})
        for key in ("sector_shares", "weighting", "innovation_grants"):
            if key in L.graph:
                G.graph[key] = L.graph[key]
    return G
