"""Actor graphs from users' data: edges, bipartite memberships, frames, Venn counts.

Data model
----------
Every graph is a directed, weighted :class:`networkx.DiGraph` (the bipartite
projection of :func:`from_bipartite` is an undirected :class:`networkx.Graph`).

Nodes carry

* ``sector`` -- ``"U"`` science, ``"I"`` business, ``"G"`` government or
  ``"O"`` other, read from the ``sector_mapping`` dataset (never from code);
* ``label`` -- a readable name, and ``kind`` -- what the node is
  (``funding_source``, ``performing_sector``, ``university``, ...);
* ``ambiguous`` -- whether ``sector_mapping`` flags the sector choice as a
  judgement call (builders of the case study only).

Edges carry

* ``weight`` (float, >= 0) and ``relation`` (``knowledge``, ``funding`` or
  ``institutional``), ``status`` (``existing`` or ``planned``);
* ``source_ref`` -- the data cell the weight rests on, in the format
  ``"<dataset>#<column>=<value>[,<column>=<value>...],column=<value column>"``,
  e.g. ``"table3_rd_funding_sources#sector=public,column=republican_budget"``;
  :func:`resolve_source_ref` returns that cell's value;
* ``source_value`` (the cell's value) and ``scale``, with
  ``weight == scale * source_value`` (``scale`` is 1 for printed values,
  0.01 for percents turned into fractions and the estimated sector share for
  funding flows).

When several records give the same ordered pair (two links between the same
actors, or two layers of :func:`kazakhstan_graph`), the graph stays a plain
``DiGraph``: the weights are **summed**, ``relation``, ``status`` and
``source_ref`` hold the records' values joined by ``";"`` in record order
(so ``relation.split(";")`` lines up with ``source_ref.split(";")``), and
``source_value`` / ``scale`` are dropped. Every record, merged or not, is
also kept in ``G.graph["records"]``.

Ties the paper says do **not** exist (``status == "absent"`` in the ``links``
dataset, e.g. "there are no scientific links" in the PIT SEZ) are never edges;
they are listed in ``G.graph["absent_ties"]``.

Graph attributes: ``name``, ``layers``, ``sectors`` (node -> sector actually
used), ``sector_overrides`` (the ``sectors=`` argument), ``records``,
``absent_ties``, and for funding layers ``sector_shares`` and ``weighting``.
"""

from __future__ import annotations

import copy
from dataclasses import dataclass
from itertools import combinations
from numbers import Real
from typing import TYPE_CHECKING, Literal

from helixnet._deprecation import renamed_parameters
from helixnet._jsonable import jsonable
from helixnet._result import Result
from helixnet._validation import SECTORS, check_actor_graph, weight_value
from helixnet.exceptions import HelixnetTypeError, HelixnetValueError, InvalidGraphError
from helixnet.networks._io import (
    from_igraph,
    read_gexf,
    read_graphml,
    to_igraph,
    write_gexf,
    write_graphml,
)

if TYPE_CHECKING:
    from collections.abc import Iterable, Mapping

    import networkx as nx
    import pandas as pd

__all__ = [
    "VennCounts",
    "from_edges",
    "from_frames",
    "to_frames",
    "from_bipartite",
    "venn_counts",
    "to_igraph",
    "from_igraph",
    "write_graphml",
    "read_graphml",
    "write_gexf",
    "read_gexf",
]

# Edge attributes joined with ";" when records of one ordered pair merge, and
# per-record attributes dropped then (see the module doc).
_JOINED = ("relation", "status", "source_ref")
_PER_RECORD = ("source_value", "scale")


def python_scalar(v):
    """numpy/pandas scalar -> plain Python scalar; NA -> None."""
    if v is None:
        return None
    try:
        import pandas as pd

        if not isinstance(v, (list, tuple, dict, set)) and pd.isna(v) is True:
            return None
    except (TypeError, ValueError):
        pass
    if hasattr(v, "item") and not isinstance(v, (str, bytes)):
        try:
            return v.item()
        except (TypeError, ValueError):
            return v
    return v


def merge_edge(G, u, v, attrs):
    """Add an edge, or merge into the existing (u, v) edge (see module doc)."""
    if not G.has_edge(u, v):
        G.add_edge(u, v, **attrs)
        return
    d = G.edges[u, v]
    d["weight"] = d.get("weight", 1.0) + attrs.get("weight", 1.0)
    for key in _PER_RECORD:
        d.pop(key, None)
    for key, val in attrs.items():
        if key == "weight" or key in _PER_RECORD:
            continue
        if key in _JOINED:
            d[key] = f"{d[key]};{val}" if key in d else val
        elif key not in d:
            d[key] = val
        elif d[key] != val:
            d[key] = f"{d[key]};{val}"


# --------------------------------------------------------------------------
# users' own data
# --------------------------------------------------------------------------


def _require_columns(df, cols, what):
    import pandas as pd

    if not isinstance(df, pd.DataFrame):
        raise HelixnetTypeError(f"{what} must be a pandas DataFrame, got {type(df).__name__}")
    missing = [c for c in cols if c not in df.columns]
    if missing:
        raise InvalidGraphError(
            f"{what} table lacks column(s) {', '.join(map(repr, missing))}; "
            f"available: {', '.join(map(str, df.columns))}"
        )


def _check_weight(w, where):
    value = weight_value(w)  # the one weight parser (helixnet._validation)
    if value is None:
        number = isinstance(w, Real) and not isinstance(w, bool)
        what = "invalid weight" if number else "non-numeric weight"
        raise InvalidGraphError(f"{where}: {what} {w!r}; weights must be finite numbers >= 0")
    return value


def _nodes_from_frame(G, nodes, node_col="node"):
    _require_columns(nodes, [node_col, "sector"], "nodes")
    seen = set()
    for i, row in enumerate(nodes.to_dict("records")):
        node = python_scalar(row[node_col])
        if node is None:
            raise InvalidGraphError(f"nodes row {i}: missing node id")
        if node in seen:
            raise InvalidGraphError(f"nodes row {i}: node {node!r} declared twice")
        seen.add(node)
        sec = python_scalar(row["sector"])
        if sec is None:
            raise InvalidGraphError(f"nodes row {i}: node {node!r} has no sector")
        if sec not in SECTORS:
            raise InvalidGraphError(
                f"nodes row {i}: node {node!r} has unknown sector {sec!r}; expected one of {', '.join(SECTORS)}"
            )
        attrs = {k: python_scalar(v) for k, v in row.items() if k != node_col}
        G.add_node(node, **{k: v for k, v in attrs.items() if v is not None})


def from_edges(edges: pd.DataFrame, nodes: pd.DataFrame, *, directed: bool = True) -> nx.Graph:
    """Build an actor graph from your own edge and node tables.

    Parameters
    ----------
    edges : pandas.DataFrame
        Columns ``source``, ``target``, optionally ``weight`` (default 1 per
        row), ``relation`` and any others (kept as edge attributes). Repeated
        ordered pairs are merged as in the module docstring (weights summed,
        ``relation``/``status``/``source_ref`` joined by ``";"``, other
        differing values joined by ``";"``).
    nodes : pandas.DataFrame
        Columns ``node``, ``sector`` (U, I, G or O), optionally ``label``,
        ``kind`` and others (kept as node attributes).
    directed : bool, default True
        DiGraph, or an undirected Graph.

    Returns
    -------
    networkx.DiGraph or networkx.Graph
        A missing cell (NA) means the attribute is absent. If
        ``edges.attrs["graph"]`` exists (as :func:`to_frames` sets it), it
        becomes the graph attributes.

    Raises
    ------
    InvalidGraphError
        (also a ``ValueError``) A missing column (the message lists the
        available ones), a node declared twice, a missing or unknown sector,
        a negative, infinite, missing or non-numeric weight, or an edge to an
        undeclared node; the message names the row and value.
    HelixnetTypeError
        Inputs that are not DataFrames.

    See Also
    --------
    from_frames, to_frames, from_bipartite

    Examples
    --------
    >>> import pandas as pd
    >>> nodes = pd.DataFrame({"node": ["uni", "firm", "ministry"], "sector": ["U", "I", "G"]})
    >>> edges = pd.DataFrame({"source": ["ministry", "firm"], "target": ["uni", "uni"],
    ...                       "weight": [2.0, 1.0], "relation": ["funding", "knowledge"]})
    >>> G = from_edges(edges, nodes)
    >>> G["ministry"]["uni"]
    {'weight': 2.0, 'relation': 'funding'}
    >>> from_edges(edges.assign(target=["uni", "lab"]), nodes)
    Traceback (most recent call last):
    ...
    helixnet.exceptions.InvalidGraphError: edges row 1: target 'lab' is not a declared node
    """
    import networkx as nx

    _require_columns(edges, ["source", "target"], "edges")
    G = nx.DiGraph() if directed else nx.Graph()
    _nodes_from_frame(G, nodes)
    for i, row in enumerate(edges.to_dict("records")):
        u, v = python_scalar(row["source"]), python_scalar(row["target"])
        for end, name in ((u, "source"), (v, "target")):
            if end is None:
                raise InvalidGraphError(f"edges row {i}: missing {name}")
            if end not in G:
                raise InvalidGraphError(f"edges row {i}: {name} {end!r} is not a declared node")
        attrs = {k: python_scalar(x) for k, x in row.items() if k not in ("source", "target")}
        attrs = {k: x for k, x in attrs.items() if x is not None or k == "weight"}
        if "weight" in row:
            if attrs.get("weight") is None:
                raise InvalidGraphError(f"edges row {i}: missing weight for edge {u!r}->{v!r}")
            attrs["weight"] = _check_weight(attrs["weight"], f"edges row {i} ({u!r}->{v!r})")
        else:
            attrs["weight"] = 1.0
        merge_edge(G, u, v, attrs)
    graph_attrs = getattr(edges, "attrs", {}).get("graph")
    if graph_attrs:
        G.graph.update(copy.deepcopy(graph_attrs))
    return G


def to_frames(G: nx.Graph) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Tidy node and edge tables of a graph.

    Parameters
    ----------
    G : networkx.Graph or networkx.DiGraph

    Returns
    -------
    nodes : pandas.DataFrame
        Columns ``node``, ``sector``, ``label``, ``kind``, then every other
        node attribute in sorted order; NA where a node lacks it.
    edges : pandas.DataFrame
        Columns ``source``, ``target``, ``weight``, ``relation``, then every
        other edge attribute in sorted order. ``edges.attrs["graph"]`` and
        ``nodes.attrs["graph"]`` hold a deep copy of ``G.graph``;
        ``edges.attrs["directed"]`` the direction.

    Raises
    ------
    HelixnetTypeError
        `G` is not a networkx graph.

    See Also
    --------
    from_frames

    Examples
    --------
    >>> import networkx as nx
    >>> G = nx.DiGraph()
    >>> G.add_node("a", sector="U"); G.add_node("b", sector="I")
    >>> G.add_edge("a", "b", weight=1.0)
    >>> nodes, edges = to_frames(G)
    >>> list(nodes.columns), list(edges.columns)
    (['node', 'sector', 'label', 'kind'], ['source', 'target', 'weight', 'relation'])
    """
    import networkx as nx
    import pandas as pd

    if not isinstance(G, nx.Graph):
        raise HelixnetTypeError(f"expected a networkx graph, got {type(G).__name__}")
    ncore = ["node", "sector", "label", "kind"]
    nextra = sorted({k for _, d in G.nodes(data=True) for k in d} - set(ncore))
    nrows = [{"node": n, **d} for n, d in G.nodes(data=True)]
    nodes = pd.DataFrame(nrows, columns=ncore + nextra)
    ecore = ["source", "target", "weight", "relation"]
    eextra = sorted({k for _, _, d in G.edges(data=True) for k in d} - set(ecore))
    erows = [{"source": u, "target": v, **d} for u, v, d in G.edges(data=True)]
    edges = pd.DataFrame(erows, columns=ecore + eextra)
    for df in (nodes, edges):
        df.attrs["graph"] = copy.deepcopy(dict(G.graph))
        df.attrs["directed"] = G.is_directed()
    return nodes, edges


def from_frames(nodes: pd.DataFrame, edges: pd.DataFrame, *, directed: bool | None = None) -> nx.Graph:
    """Inverse of :func:`to_frames` (a thin wrapper of :func:`from_edges`).

    Parameters
    ----------
    nodes, edges : pandas.DataFrame
        As returned by :func:`to_frames` (note the order: nodes first).
    directed : bool, optional
        Default: ``edges.attrs["directed"]`` if present, else True.

    Returns
    -------
    networkx.DiGraph or networkx.Graph

    Raises
    ------
    InvalidGraphError
        As :func:`from_edges`.

    See Also
    --------
    to_frames, from_edges

    Examples
    --------
    >>> from helixnet.kazakhstan import knowledge_layer
    >>> G = knowledge_layer()
    >>> H = from_frames(*to_frames(G))
    >>> dict(H.edges[("other", "enterprises")]) == dict(G.edges[("other", "enterprises")])
    True
    """
    if directed is None:
        directed = bool(getattr(edges, "attrs", {}).get("directed", True))
    return from_edges(edges, nodes, directed=directed)


def from_bipartite(
    memberships: pd.DataFrame,
    nodes: pd.DataFrame,
    *,
    actor: str = "actor",
    event: str = "event",
    weight: str | None = None,
    counting: Literal["whole", "fractional"] = "whole",
) -> nx.Graph:
    """Actor graph from actor x event memberships (co-authorships, joint projects, clusters).

    Each event *e* with :math:`k_e` distinct participants and weight
    :math:`w_e` (1 by default) links every pair of its participants:

    .. math:: w_{ab} = \\sum_{e \\ni a, b} w_e \\, c_e, \\qquad
        c_e = 1 \\ (\\text{whole}) \\quad\\text{or}\\quad
        c_e = \\frac{1}{k_e - 1} \\ (\\text{fractional}).

    Whole counting gives the (weighted) number of shared events; fractional
    counting (Newman 2001) makes each event add :math:`w_e` to each
    participant's strength, so large consortia do not dominate.

    Parameters
    ----------
    memberships : pandas.DataFrame
        One row per (actor, event); duplicate rows count once.
    nodes : pandas.DataFrame
        Node table as in :func:`from_edges`; every actor must be declared.
    actor, event : str
        Column names in `memberships`.
    weight : str, optional
        Column of event weights (constant within an event).
    counting : {"whole", "fractional"}

    Returns
    -------
    networkx.Graph
        Undirected; edge attributes ``weight`` and ``n_events``.
        ``G.graph["events"]`` maps event -> participants (list, first-seen
        order) and ``G.graph["event_weights"]`` event -> weight, so that
        ``venn_counts(G, relationships="events")`` counts events, single-actor ones
        included.

    Raises
    ------
    InvalidGraphError
        Missing column, undeclared actor, missing event, or a bad or
        inconsistent event weight (the message names the row or event).
    HelixnetValueError
        Unknown `counting`.

    See Also
    --------
    venn_counts, from_edges

    References
    ----------
    Newman, M. E. J. (2001). Scientific collaboration networks. II.
    *Physical Review E* 64, 016132. doi:10.1103/PhysRevE.64.016132

    Examples
    --------
    Paper p1 has three authors, p2 two:

    >>> import pandas as pd
    >>> nodes = pd.DataFrame({"node": ["u", "f", "m"], "sector": ["U", "I", "G"]})
    >>> m = pd.DataFrame({"actor": ["u", "f", "m", "u", "f"], "event": ["p1", "p1", "p1", "p2", "p2"]})
    >>> from_bipartite(m, nodes)["u"]["f"]["weight"]
    2.0
    >>> from_bipartite(m, nodes, counting="fractional")["u"]["f"]["weight"]
    1.5
    """
    import networkx as nx

    if counting not in ("whole", "fractional"):
        raise HelixnetValueError(f"counting must be 'whole' or 'fractional', got {counting!r}")
    cols = [actor, event] + ([weight] if weight is not None else [])
    _require_columns(memberships, cols, "memberships")
    G = nx.Graph()
    _nodes_from_frame(G, nodes)
    events, eweights = {}, {}
    for i, row in enumerate(memberships.to_dict("records")):
        a, e = python_scalar(row[actor]), python_scalar(row[event])
        if e is None:
            raise InvalidGraphError(f"memberships row {i}: missing {event}")
        if a is None or a not in G:
            raise InvalidGraphError(f"memberships row {i}: {actor} {a!r} is not a declared node")
        w = 1.0 if weight is None else _check_weight(python_scalar(row[weight]), f"memberships row {i} ({event} {e!r})")
        if e in eweights and eweights[e] != w:
            raise InvalidGraphError(
                f"memberships row {i}: event {e!r} has weight {w!r} here but {eweights[e]!r} in an earlier row"
            )
        eweights[e] = w
        members = events.setdefault(e, [])
        if a not in members:
            members.append(a)
    for e, members in events.items():
        k = len(members)
        if k < 2:
            continue
        c = eweights[e] * (1.0 if counting == "whole" else 1.0 / (k - 1))
        for a, b in combinations(members, 2):
            if G.has_edge(a, b):
                G[a][b]["weight"] += c
                G[a][b]["n_events"] += 1
            else:
                G.add_edge(a, b, weight=c, n_events=1)
    G.graph["events"] = events
    G.graph["event_weights"] = eweights
    G.graph["counting"] = counting
    return G


# --------------------------------------------------------------------------
# Venn counts
# --------------------------------------------------------------------------


@dataclass(frozen=True, repr=False)
class VennCounts(Result):
    """Weighted relationships per combination of sectors.

    Attributes
    ----------
    cells : dict
        Key -> weight for every non-empty combination of `dims` (letters in
        U, I, G, O order; zeros included): the input of
        :func:`helixnet.venn_table`.
    none : float
        Weight of relationships joining no sector of `dims` (e.g. O-only
        ones when ``dims="UIG"``); pass it as ``venn_table(..., none=)``.
    other : float
        Weight of relationships with at least one participant outside
        `dims` (reported separately; such relationships are still counted in
        the cell of their other sectors, or in `none`).
    total : float
        Weight of all relationships (``sum(cells) + none``).
    dims : str
        The dimensions, e.g. ``"UIG"``.
    """

    cells: dict
    none: float
    other: float
    total: float
    dims: str

    _repr_fields = ("dims", "cells", "none", "other", "total")

    def to_frame(self):
        """One row per cell, then ``none``: columns ``cell`` and ``count``."""
        import pandas as pd

        return pd.DataFrame({"cell": [*self.cells, "none"], "count": [*self.cells.values(), self.none]})

    def to_dict(self) -> dict:
        """``dimensions`` (list of letters), ``cells`` (key -> weight), ``none``, ``other``, ``total``."""
        return jsonable({"dimensions": list(self.dims), "cells": self.cells, "none": self.none,
                         "other": self.other, "total": self.total})


@renamed_parameters(unit="relationships")
def venn_counts(
    data: nx.Graph | Mapping[object, Iterable[str]],
    *,
    dims: str = "UIG",
    relationships: Literal["edges", "events"] = "edges",
    weight: str | None = "weight",
    attr: str = "sector",
) -> VennCounts:
    """Classify relationships by the set of sectors they join (Leydesdorff's method).

    Each relationship *r* -- an edge, or an event with all its participants
    -- has a set of sectors :math:`S_r` and a weight :math:`w_r`; the count
    of a Venn cell :math:`C \\subseteq D` (the dimensions) is

    .. math:: n_C = \\sum_r w_r \\, [S_r \\cap D = C], \\qquad
        n_\\varnothing = \\sum_r w_r \\, [S_r \\cap D = \\varnothing].

    A self-tie has one sector and counts in that sector's cell. With the
    default ``dims="UIG"`` participants of sector O do not define a cell
    (a U-O edge counts as U, an O-O edge as `none`) and are reported in
    ``other``; ``dims="UIGO"`` makes O a fourth dimension (15 cells).

    Parameters
    ----------
    data : networkx graph or mapping
        A graph whose nodes carry `attr`, or a mapping event -> iterable of
        sector codes (one per participant; a string such as ``"UI"`` is read
        as its letters).
    dims : str, default "UIG"
        Dimensions, a subset of ``"UIGO"`` in that order (2-4 letters).
    relationships : {"edges", "events"}
        For a graph, what a relationship is: each edge (weight attribute
        `weight`, default 1), or each event stored by :func:`from_bipartite`
        (``G.graph["events"]``/``["event_weights"]``). Called ``unit`` until
        0.2 (a deprecated alias, removed in 0.3): everywhere else in helixnet
        ``unit`` is the unit of information (bit, mbit, nat).
    weight : str or None
        Edge attribute holding the weight; None counts every edge once.
    attr : str
        Node attribute holding the sector.

    Returns
    -------
    VennCounts
        Feed it to ``hx.venn_table(vc.cells, none=vc.none, dims=vc.dims)``.

    Raises
    ------
    InvalidGraphError
        Node without a valid sector, negative or non-numeric weight, or
        ``relationships="events"`` on a graph without events.
    HelixnetValueError
        Bad `dims` or `relationships`, or an unknown sector code in a mapping.

    See Also
    --------
    from_bipartite, helixnet.venn_table, helixnet.synergy

    References
    ----------
    Leydesdorff, L. (2003). The mutual information of university-industry-
    government relations: An indicator of the Triple Helix dynamics.
    *Scientometrics* 58(2), 445-467. doi:10.1023/A:1026253130577

    Examples
    --------
    A university-firm edge, a firm self-tie and a ministry-association edge:

    >>> import networkx as nx
    >>> G = nx.DiGraph()
    >>> for n, s in [("u", "U"), ("f", "I"), ("m", "G"), ("a", "O")]:
    ...     G.add_node(n, sector=s)
    >>> G.add_edge("u", "f", weight=2.0); G.add_edge("f", "f"); G.add_edge("m", "a")
    >>> vc = venn_counts(G)
    >>> vc.cells["UI"], vc.cells["I"], vc.cells["G"], vc.other, vc.none
    (2.0, 1.0, 1.0, 1.0, 0.0)
    >>> venn_counts(G, dims="UIGO").cells["GO"]
    1.0
    """
    import networkx as nx

    if not isinstance(dims, str):
        dims = "".join(dims)
    if len(set(dims)) != len(dims) or not set(dims) <= set(SECTORS) or not 2 <= len(dims) <= 4:
        raise HelixnetValueError(f"dims must be 2-4 distinct letters of 'UIGO', got {dims!r}")
    dims = "".join(s for s in SECTORS if s in dims)
    if relationships not in ("edges", "events"):
        raise HelixnetValueError(f"relationships must be 'edges' or 'events', got {relationships!r}")
    kind = relationships
    found: list[tuple[set[str], float]] = []  # (set of sectors, weight)
    if isinstance(data, nx.Graph):
        check_actor_graph(data, attr=attr, weight=weight)
        sec = dict(data.nodes(data=attr))
        if kind == "edges":
            for u, v, d in data.edges(data=True):
                w = 1.0 if weight is None else float(d.get(weight, 1.0))
                found.append(({sec[u], sec[v]}, w))
        else:
            if "events" not in data.graph:
                raise InvalidGraphError("relationships='events' needs G.graph['events'] (see from_bipartite)")
            ew = data.graph.get("event_weights", {})
            for e, members in data.graph["events"].items():
                found.append(({sec[a] for a in members}, float(ew.get(e, 1.0))))
    elif hasattr(data, "items"):
        for e, codes in data.items():
            codes = list(codes)  # a string "UIG" is its letters
            bad = [c for c in codes if c not in SECTORS]
            if bad:
                raise HelixnetValueError(
                    f"event {e!r} has unknown sector {bad[0]!r}; expected one of {', '.join(SECTORS)}"
                )
            found.append((set(codes), 1.0))
    else:
        raise HelixnetTypeError(f"venn_counts needs a networkx graph or a mapping, got {type(data).__name__}")

    keys = ["".join(c) for k in range(1, len(dims) + 1) for c in combinations(dims, k)]
    cells = dict.fromkeys(keys, 0.0)
    none = other = total = 0.0
    for sset, w in found:
        key = "".join(s for s in dims if s in sset)
        total += w
        if sset - set(dims):
            other += w
        if key:
            cells[key] += w
        else:
            none += w
    return VennCounts(cells=cells, none=none, other=other, total=total, dims=dims)
