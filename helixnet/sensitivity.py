"""How much does the configuration verdict depend on how the graph was coded?

:func:`sensitivity` recomputes :func:`helixnet.configuration.configuration` —
the verdict and every indicator with its significance — over *coding
variants* of one graph: the planned ties dropped, a set of nodes merged (the
seven pilot clusters of the Kazakhstan data by default), the ties that encode
the paper's own conclusion dropped, unit weights, the alternative sector of
each ambiguous actor, under both readings of ties (flows, relationships).
A variant is any function from graph to graph, so users pass their own.

The transformations are public too: :func:`drop_ties`, :func:`merge_nodes`,
:func:`unit_weights`, :func:`reassign_sectors`; :func:`default_variants`
builds the standard set for a graph and :func:`ambiguous_alternatives` reads
the alternative sectors recorded in the bundled ``sector_mapping`` data.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass

import pandas as pd

from helixnet._validation import SECTORS, check_actor_graph
from helixnet.exceptions import HelixnetTypeError, HelixnetValueError, InvalidGraphError

__all__ = [
    "sensitivity",
    "SensitivityResult",
    "default_variants",
    "drop_ties",
    "merge_nodes",
    "unit_weights",
    "reassign_sectors",
    "ambiguous_alternatives",
    "conclusion_link_ids",
    "SENSITIVITY_N_NULL",
    "PILOT_CLUSTERS",
]

#: Null draws per model and variant by default (fewer than a single verdict's
#: :data:`helixnet.configuration.DEFAULT_N_NULL`: the table runs many variants).
SENSITIVITY_N_NULL = 99

#: The seven pilot clusters of the government's cluster initiative (dataset ``actors``).
PILOT_CLUSTERS = (
    "pilot_cluster_tourism", "pilot_cluster_food_industry", "pilot_cluster_oil_gas_engineering",
    "pilot_cluster_textile_industry", "pilot_cluster_transport_logistics", "pilot_cluster_metallurgy",
    "pilot_cluster_construction_materials",
)


# --------------------------------------------------------------------------- transformations


def _as_set(value):
    return set(str(value).split(";")) if value is not None else set()


def drop_ties(G, predicate):
    """A copy of `G` without the ties for which ``predicate(data)`` is true.

    Parameters
    ----------
    G : networkx.Graph or networkx.DiGraph
        Actor graph. When it keeps the records it was built from
        (``G.graph["records"]``, as :func:`helixnet.graphs.kazakhstan_graph`
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


def merge_nodes(G, nodes, into: str, label: str | None = None):
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


def unit_weights(G):
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


def reassign_sectors(G, mapping):
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


_ALTERNATIVE = (
    re.compile(r"alternatives? ([UIGO])\b"),
    re.compile(r"\b([UIGO]) is the alternative"),
    re.compile(r"would make it ([UIGO])\b"),
)


def ambiguous_alternatives() -> dict:
    """The alternative sector of each ambiguous entity, as recorded in dataset ``sector_mapping``.

    Returns
    -------
    dict
        entity -> sector code, for the rows with ``ambiguous = true`` whose
        ``reason`` names an alternative ("alternative G", "so I is the
        alternative", "would make it G"; the first named when there are two).
        Ambiguous rows that name none (``own_funds``, ``external``,
        ``non_commercial``) are left out.

    Examples
    --------
    >>> alt = ambiguous_alternatives()
    >>> alt["research_institutes"], alt["natd"]
    ('G', 'I')
    """
    from helixnet import datasets

    table = datasets.load("sector_mapping")
    out = {}
    for row in table[table["ambiguous"].fillna(False).astype(bool)].itertuples():
        for pattern in _ALTERNATIVE:
            found = pattern.search(str(row.reason))
            if found:
                out[str(row.entity)] = found.group(1)
                break
    return out


def conclusion_link_ids() -> list:
    """The ``link_id`` of the ties marked ``encodes_conclusion`` in dataset ``links``.

    These ties encode the paper's conclusion ("Business and science do not
    build relationships directly, but rather indirectly, via the government")
    rather than a stated arrangement.

    Examples
    --------
    >>> conclusion_link_ids()
    ['L22', 'L23', 'L24']
    """
    from helixnet import datasets

    links = datasets.load("links")
    return sorted(str(x) for x in links.loc[links["encodes_conclusion"].fillna(False).astype(bool), "link_id"])


def _is_planned(d):
    return "planned" in _as_set(d.get("status"))


def default_variants(G, merge=PILOT_CLUSTERS, merged_name: str = "pilot_clusters") -> dict:
    """The standard coding variants of `G`, by name (each a function graph -> graph).

    Parameters
    ----------
    G : networkx.Graph or networkx.DiGraph
        The graph the variants will be applied to (only variants that change
        it are returned).
    merge : iterable
        Nodes merged by the ``"nodes merged"`` variant (default: the seven
        pilot clusters).
    merged_name : str
        Name of the merged node.

    Returns
    -------
    dict
        In this order, where they apply: ``"as coded"`` (unchanged),
        ``"planned ties dropped"`` (status ``planned``), ``"<merged_name>
        merged"``, ``"conclusion ties dropped"`` (links marked
        ``encodes_conclusion``, or edges with a true ``encodes_conclusion``
        attribute), ``"unit weights"``, ``"ambiguous actors: alternative
        sector"`` and ``"ambiguous actors: state-owned as G"`` (only the
        ambiguous actors whose alternative is G), and ``"planned and
        conclusion ties dropped, <merged_name> merged"``.

    Examples
    --------
    >>> from helixnet.graphs import kazakhstan_graph
    >>> list(default_variants(kazakhstan_graph()))[:3]
    ['as coded', 'planned ties dropped', 'pilot_clusters merged']
    """
    variants = {"as coded": lambda H: H.copy()}
    if any(_is_planned(d) for *_, d in G.edges(data=True)):
        variants["planned ties dropped"] = lambda H: drop_ties(H, _is_planned)
    group = [v for v in merge if v in G]
    if len(group) > 1:
        variants[f"{merged_name} merged"] = lambda H: merge_nodes(H, group, merged_name)
    ids = set(conclusion_link_ids())

    def conclusion(d):
        return bool(d.get("encodes_conclusion")) or bool(_as_set(d.get("link_id")) & ids)

    records = G.graph.get("records") or [d for *_, d in G.edges(data=True)]
    if any(conclusion(d) for d in records):
        variants["conclusion ties dropped"] = lambda H: drop_ties(H, conclusion)
    variants["unit weights"] = unit_weights
    alternatives = {v: s for v, s in ambiguous_alternatives().items() if v in G and G.nodes[v]["sector"] != s}
    if alternatives:
        variants["ambiguous actors: alternative sector"] = lambda H: reassign_sectors(H, alternatives)
        state = {v: s for v, s in alternatives.items() if s == "G"}
        if state:
            variants["ambiguous actors: state-owned as G"] = lambda H: reassign_sectors(H, state)
    combined = [k for k in ("planned ties dropped", "conclusion ties dropped", f"{merged_name} merged") if k in variants]
    if len(combined) > 1:
        steps = [variants[k] for k in combined]

        def all_of_them(H):
            for f in steps:
                H = f(H)
            return H

        name = " and ".join(k.replace(" ties dropped", "") for k in combined if k.endswith("ties dropped"))
        name = f"{name} ties dropped" + (f", {merged_name} merged" if f"{merged_name} merged" in combined else "")
        variants[name] = all_of_them
    return variants


# --------------------------------------------------------------------------- the table


@dataclass(frozen=True)
class SensitivityResult:
    """Result of :func:`sensitivity`.

    Attributes
    ----------
    table : pandas.DataFrame
        One row per variant and reading: ``variant, reading, n_nodes,
        n_edges, verdict, statist_votes, balanced_votes``, then for each
        indicator of :data:`helixnet.configuration.INDICATORS` its observed
        value (column named after it) and its significance result
        (``<indicator>_result``).
    evidence : pandas.DataFrame
        The full evidence of every row: ``variant`` then
        :data:`helixnet.configuration.EVIDENCE_COLUMNS`.
    n_null, seed, level : int, int, float
        Settings of every significance test.
    """

    table: pd.DataFrame
    evidence: pd.DataFrame
    n_null: int
    seed: object
    level: float

    def verdicts(self) -> pd.DataFrame:
        """Verdict per variant (rows) and reading (columns)."""
        return self.table.pivot(index="variant", columns="reading", values="verdict").reindex(
            list(dict.fromkeys(self.table["variant"])))

    def to_dict(self) -> dict:
        """JSON-serialisable dict (NaN becomes None)."""
        def rows(df):
            return [{k: (None if isinstance(v, float) and math.isnan(v) else v) for k, v in r.items()}
                    for r in df.to_dict(orient="records")]

        return {"n_null": self.n_null, "seed": self.seed, "level": self.level,
                "table": rows(self.table), "evidence": rows(self.evidence)}


def sensitivity(G=None, variants=None, *, readings=("flows", "relationships"), merge=PILOT_CLUSTERS,
                n_null: int = SENSITIVITY_N_NULL, seed=0, level: float | None = None,
                weight: str | None = "weight") -> SensitivityResult:
    """The configuration verdict and every indicator over coding variants of a graph.

    Each variant is applied to `G`, and
    :func:`helixnet.configuration.configuration` is run on the result under
    each reading, with the same null draws, seed and level for every row.

    Parameters
    ----------
    G : networkx.Graph or networkx.DiGraph, optional
        Actor graph; default :func:`helixnet.graphs.kazakhstan_graph`.
    variants : dict or None
        ``name -> function(graph) -> graph``. ``None``:
        :func:`default_variants`. A dict replaces them; ``"as coded"`` (the
        graph unchanged) is put first unless the dict has it.
    readings : sequence of {"flows", "relationships"}
        Readings computed for every variant (flows are skipped for an
        undirected variant).
    merge : iterable
        Nodes merged by the default ``"... merged"`` variant.
    n_null : int
        Draws per null model and row.
    seed : int
        Seed of every row's null models.
    level : float, optional
        Two-sided level (default :data:`helixnet.configuration.DEFAULT_LEVEL`).
    weight : str or None
        Edge attribute holding tie strength.

    Returns
    -------
    SensitivityResult
        ``.table`` (variant × indicator, with the verdict per row),
        ``.evidence``, ``.verdicts()``.

    Raises
    ------
    HelixnetTypeError
        If a variant is not callable or does not return a networkx graph
        (the message names it).
    InvalidGraphError
        If `G`, or a variant's result, is not a valid actor graph.
    HelixnetValueError
        For a bad reading, `n_null` or `level`.

    See Also
    --------
    helixnet.configuration.configuration : one verdict.
    helixnet.plot.sensitivity : the figure of the table.

    Notes
    -----
    Variants are coding choices, not data: if the verdict changes between
    them, the data do not decide it on their own. Each row is tested
    against its own null models, so a row's verdict is as much a
    measurement as the as-coded one.

    Examples
    --------
    >>> from helixnet.configuration import archetype_graph
    >>> G = archetype_graph("statist", seed=0)
    >>> flip = {"fewer ministries": lambda H: reassign_sectors(H, {"G0": "U"})}
    >>> r = sensitivity(G, flip, readings=["flows"], n_null=19, seed=1)
    >>> list(r.table["variant"])
    ['as coded', 'fewer ministries']
    """
    import networkx as nx

    from helixnet.configuration import DEFAULT_LEVEL, EVIDENCE_COLUMNS, INDICATORS, READINGS, configuration

    if G is None:
        from helixnet.graphs import kazakhstan_graph

        G = kazakhstan_graph()
    check_actor_graph(G, weight=weight)
    level = DEFAULT_LEVEL if level is None else level
    readings = [readings] if isinstance(readings, str) else list(readings)
    bad = [r for r in readings if r not in READINGS]
    if bad or not readings:
        raise HelixnetValueError(f"readings={readings!r}; expected some of {', '.join(READINGS)}")
    if variants is None:
        variants = default_variants(G, merge=merge)
    else:
        if not isinstance(variants, dict):
            raise HelixnetTypeError(f"variants must be a dict of name -> function, got {type(variants).__name__}")
        variants = {"as coded": lambda H: H.copy(), **variants}
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
            r = configuration(H, reading, n_null=n_null, seed=seed, level=level, weight=weight)
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
    return SensitivityResult(table=table, evidence=ev, n_null=int(n_null), seed=seed, level=float(level))
