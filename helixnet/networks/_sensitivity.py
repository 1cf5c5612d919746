"""How much does the configuration verdict depend on how the graph was coded?

:func:`sensitivity_table` recomputes :func:`helixnet.networks.configuration`
-- the verdict and every indicator with its significance -- over *coding
variants* of one graph, each a function from graph to graph. The standard
transformations are here: :func:`drop_ties`, :func:`merge_nodes`,
:func:`unit_weights`, :func:`reassign_sectors`. :func:`helixnet.sensitivity`
(in :mod:`helixnet.kazakhstan`) adds the case study's default variants.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

import pandas as pd

from helixnet._deprecation import renamed_parameters
from helixnet._jsonable import jsonable
from helixnet._resampling import DEFAULT_SEED
from helixnet._result import Result, seed_value
from helixnet._validation import SECTORS, check_actor_graph
from helixnet.exceptions import HelixnetTypeError, HelixnetValueError, InvalidGraphError

if TYPE_CHECKING:
    import networkx as nx

    from helixnet._typing import Reading

__all__ = [
    "sensitivity_table",
    "SensitivityResult",
    "drop_ties",
    "merge_nodes",
    "unit_weights",
    "reassign_sectors",
    "SENSITIVITY_N_NULL",
]

#: Null draws per model and variant by default (fewer than a single verdict's
#: :data:`helixnet.networks.DEFAULT_N_NULL`: the table runs many variants).
SENSITIVITY_N_NULL = 99



# --------------------------------------------------------------------------- transformations


def as_set(value: object) -> set[str]:
    return set(str(value).split(";")) if value is not None else set()


def drop_ties(G: nx.Graph, predicate: Callable[[dict[str, Any]], bool]) -> nx.Graph:
    """A copy of `G` without the ties for which ``predicate(data)`` is true.

    Parameters
    ----------
    G : networkx.Graph or networkx.DiGraph
        Actor graph. When it keeps the records it was built from
        (``G.graph["records"]``, as :func:`helixnet.kazakhstan.kazakhstan_graph`
        does), the predicate is applied to each record and an edge keeps the
        summed weight of its remaining records (it disappears with its last
        one); otherwise it is applied to each edge's data.
    predicate : callable
        ``predicate(dict) -> bool``.

    Returns
    -------
    networkx.Graph or networkx.DiGraph
        The copy, with the same nodes.

    Examples
    --------
    >>> import networkx as nx
    >>> G = nx.DiGraph()
    >>> G.add_edge("a", "b", status="planned")
    >>> G.add_edge("b", "c", status="existing")
    >>> list(drop_ties(G, lambda d: d.get("status") == "planned").edges)
    [('b', 'c')]
    """
    H = G.copy()
    records = G.graph.get("records")
    if records:
        kept = [r for r in records if not predicate(r)]
        sums = {}
        for r in kept:
            key = (r["source"], r["target"])
            sums[key] = sums.get(key, 0.0) + float(r.get("weight", 1.0))
        for u, v in list(H.edges):
            key = (u, v) if (u, v) in sums or H.is_directed() else (v, u)
            if key in sums:
                H.edges[u, v]["weight"] = sums[key]
            else:
                H.remove_edge(u, v)
        H.graph["records"] = [dict(r) for r in kept]
        return H
    H.remove_edges_from([(u, v) for u, v, d in G.edges(data=True) if predicate(d)])
    return H


def merge_nodes(G: nx.Graph, nodes: Iterable[Hashable], into: str, label: str | None = None) -> nx.Graph:
    """A copy of `G` with `nodes` merged into one node `into` (ties summed, self-ties dropped).

    Parameters
    ----------
    G : networkx.Graph or networkx.DiGraph
        Actor graph.
    nodes : iterable
        Nodes to merge; those absent from `G` are ignored. They must share one
        sector (the merged node keeps it).
    into : str
        Name of the merged node (must not be another node of `G`).
    label : str, optional
        Its ``label`` attribute.

    Returns
    -------
    networkx.Graph or networkx.DiGraph

    Raises
    ------
    InvalidGraphError
        If the nodes lie in different sectors, or `into` names another node.

    Examples
    --------
    >>> import networkx as nx
    >>> G = nx.DiGraph([("g", "c1"), ("g", "c2")])
    >>> nx.set_node_attributes(G, {"g": "G", "c1": "O", "c2": "O"}, "sector")
    >>> H = merge_nodes(G, ["c1", "c2"], "clusters")
    >>> sorted(H.nodes), H.edges["g", "clusters"]["weight"]
    (['clusters', 'g'], 2.0)
    """
    import networkx as nx

    group = [v for v in nodes if v in G]
    if not group:
        return G.copy()
    sectors = {G.nodes[v]["sector"] for v in group}
    if len(sectors) > 1:
        raise InvalidGraphError(f"cannot merge nodes of different sectors {sorted(sectors)}: {group}")
    if into in G and into not in group:
        raise InvalidGraphError(f"merged node name {into!r} is already another node of the graph")
    members = set(group)
    rename = {v: (into if v in members else v) for v in G.nodes}
    H = nx.DiGraph() if G.is_directed() else nx.Graph()
    H.graph.update({k: v for k, v in G.graph.items() if k != "records"})
    for v, d in G.nodes(data=True):
        if v not in members:
            H.add_node(v, **d)
    H.add_node(into, **dict(G.nodes[group[0]], label=label or into, merged=";".join(map(str, group))))
    for u, v, d in G.edges(data=True):
        a, b = rename[u], rename[v]
        if a == b:
            continue
        w = float(d.get("weight", 1.0))
        if H.has_edge(a, b):
            H.edges[a, b]["weight"] += w
        else:
            H.add_edge(a, b, **dict(d, weight=w))
    if "records" in G.graph:
        H.graph["records"] = [
            dict(r, source=rename.get(r["source"], r["source"]), target=rename.get(r["target"], r["target"]))
            for r in G.graph["records"]
            if not (r["source"] in members and r["target"] in members)
        ]
    return H


def unit_weights(G: nx.Graph) -> nx.Graph:
    """A copy of `G` in which every tie has weight 1 (its records are dropped).

    Examples
    --------
    >>> import networkx as nx
    >>> G = nx.DiGraph()
    >>> G.add_edge("a", "b", weight=0.2)
    >>> unit_weights(G).edges["a", "b"]["weight"]
    1.0
    """
    H = G.copy()
    for *_, d in H.edges(data=True):
        d["weight"] = 1.0
    H.graph.pop("records", None)
    return H


def reassign_sectors(G: nx.Graph, mapping: Mapping[Hashable, str]) -> nx.Graph:
    """A copy of `G` with the sectors of the nodes in `mapping` replaced (others kept).

    Raises
    ------
    InvalidGraphError
        If a new sector is not one of U, I, G, O.

    Examples
    --------
    >>> import networkx as nx
    >>> G = nx.DiGraph([("a", "b")])
    >>> nx.set_node_attributes(G, {"a": "U", "b": "I"}, "sector")
    >>> reassign_sectors(G, {"a": "G", "zz": "U"}).nodes["a"]["sector"]
    'G'
    """
    H = G.copy()
    for v, s in mapping.items():
        if s not in SECTORS:
            raise InvalidGraphError(f"sector {s!r} for node {v!r} is not one of {', '.join(SECTORS)}")
        if v in H:
            H.nodes[v]["sector"] = s
    return H


# --------------------------------------------------------------------------- the bundled coding choices


# --------------------------------------------------------------------------- the table


@dataclass(frozen=True, repr=False)
class SensitivityResult(Result):
    """Result of :func:`sensitivity`.

    Attributes
    ----------
    table : pandas.DataFrame
        One row per variant and reading: ``variant, reading, n_nodes,
        n_edges, verdict, statist_votes, balanced_votes``, then for each
        indicator of :data:`helixnet.networks.INDICATORS` its observed
        value (column named after it) and its significance result
        (``<indicator>_result``).
    evidence : pandas.DataFrame
        The full evidence of every row: ``variant`` then
        :data:`helixnet.networks.EVIDENCE_COLUMNS`.
    n_null, seed, level : int, int, float
        Settings of every significance test (``n_null`` is the
        `n_resamples` of :func:`helixnet.sensitivity`; :attr:`n_resamples`
        is the same number).
    """

    table: pd.DataFrame
    evidence: pd.DataFrame
    n_null: int
    seed: object
    level: float

    @property
    def n_resamples(self) -> int:
        """Draws per null model and row (the name shared by every resampling result; same as ``n_null``)."""
        return self.n_null

    def verdicts(self) -> pd.DataFrame:
        """Verdict per variant (rows) and reading (columns)."""
        return self.table.pivot(index="variant", columns="reading", values="verdict").reindex(
            list(dict.fromkeys(self.table["variant"])))

    _repr_fields = ("table", "n_null", "seed", "level")

    def to_frame(self) -> pd.DataFrame:
        """The :attr:`table` (a copy)."""
        return self.table.copy()

    def to_dict(self) -> dict:
        """JSON-serialisable dict (NaN becomes None; a seed that is not an integer, None)."""
        return jsonable({"n_null": self.n_null, "seed": seed_value(self.seed), "level": self.level,
                         "table": self.table, "evidence": self.evidence})


@renamed_parameters(n_null="n_resamples")
def sensitivity_table(
    G: nx.Graph,
    variants: dict[str, Callable[[nx.Graph], nx.Graph]],
    *,
    readings: Reading | Sequence[Reading] = ("flows", "relationships"),
    n_resamples: int = SENSITIVITY_N_NULL,
    seed: int | None = DEFAULT_SEED,
    level: float | None = None,
    weight: str | None = "weight",
) -> SensitivityResult:
    """The configuration verdict and every indicator of `G` under each of `variants`, in order.

    The engine of :func:`helixnet.sensitivity`, which adds the case study's
    default variants and puts ``"as coded"`` first; the parameters and
    checks are those of :func:`helixnet.sensitivity`, with `variants` a
    required ``name -> function(graph) -> graph`` dict taken as given.

    Examples
    --------
    >>> from helixnet.networks._configuration import archetype_graph
    >>> G = archetype_graph("statist", seed=0)
    >>> r = sensitivity_table(G, {"unit weights": unit_weights}, readings=["flows"], n_resamples=19, seed=1)
    >>> list(r.table["variant"])
    ['unit weights']
    """
    import networkx as nx

    from helixnet.networks._configuration import DEFAULT_LEVEL, EVIDENCE_COLUMNS, INDICATORS, READINGS, configuration

    check_actor_graph(G, weight=weight)
    level = DEFAULT_LEVEL if level is None else level
    readings = [readings] if isinstance(readings, str) else list(readings)
    bad = [r for r in readings if r not in READINGS]
    if bad or not readings:
        raise HelixnetValueError(f"readings={readings!r}; expected some of {', '.join(READINGS)}")
    if not isinstance(variants, dict):
        raise HelixnetTypeError(f"variants must be a dict of name -> function, got {type(variants).__name__}")
    rows, evidence = [], []
    for name, transform in variants.items():
        if not callable(transform):
            raise HelixnetTypeError(f"variant {name!r} is not callable")
        H = transform(G)
        if not isinstance(H, nx.Graph):
            raise HelixnetTypeError(f"variant {name!r} returned {type(H).__name__}, not a networkx graph")
        check_actor_graph(H, weight=weight)
        for reading in readings:
            if reading == "flows" and not H.is_directed():
                continue
            r = configuration(H, reading, n_resamples=n_resamples, seed=seed, level=level, weight=weight)
            ev = r.evidence.set_index("metric")
            row = {"variant": name, "reading": reading, "n_nodes": H.number_of_nodes(),
                   "n_edges": H.number_of_edges(), "verdict": r.verdict,
                   "statist_votes": r.statist_votes, "balanced_votes": r.balanced_votes}
            for m in INDICATORS:
                row[m] = float(ev.loc[m, "observed"])
                row[f"{m}_result"] = str(ev.loc[m, "result"])
            rows.append(row)
            evidence.append(r.evidence.assign(variant=name))
    columns = ["variant", "reading", "n_nodes", "n_edges", "verdict", "statist_votes", "balanced_votes"]
    for m in INDICATORS:
        columns += [m, f"{m}_result"]
    table = pd.DataFrame(rows, columns=columns)
    ev = pd.concat(evidence, ignore_index=True) if evidence else pd.DataFrame(columns=["variant"])
    ev = ev[["variant", *EVIDENCE_COLUMNS]]
    return SensitivityResult(table=table, evidence=ev, n_null=int(n_resamples), seed=seed, level=float(level))
