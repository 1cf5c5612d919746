"""The configuration verdict of the case study under every coding choice the data leave open.

:func:`sensitivity` runs :func:`helixnet.networks.sensitivity_table` over
the standard coding variants of a graph (:func:`default_variants`): the
planned ties dropped, the seven pilot clusters merged, the ties that encode
the paper's own conclusion dropped, unit weights, the alternative sector of
each ambiguous actor recorded in the bundled ``sector_mapping`` data
(:func:`ambiguous_alternatives`), under both readings of ties. A variant is
any function from graph to graph, so users pass their own.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Hashable, Iterable, Sequence
from typing import TYPE_CHECKING

from helixnet._deprecation import renamed_parameters
from helixnet._resampling import DEFAULT_SEED
from helixnet._validation import check_actor_graph
from helixnet.exceptions import HelixnetTypeError
from helixnet.networks._sensitivity import (
    SENSITIVITY_N_NULL,
    SensitivityResult,
    as_set,
    drop_ties,
    merge_nodes,
    reassign_sectors,
    sensitivity_table,
    unit_weights,
)

if TYPE_CHECKING:
    import networkx as nx

    from helixnet._typing import Reading

__all__ = [
    "sensitivity",
    "default_variants",
    "ambiguous_alternatives",
    "conclusion_link_ids",
    "PILOT_CLUSTERS",
]

#: The seven pilot clusters of the government's cluster initiative (dataset ``actors``).
PILOT_CLUSTERS = (
    "pilot_cluster_tourism", "pilot_cluster_food_industry", "pilot_cluster_oil_gas_engineering",
    "pilot_cluster_textile_industry", "pilot_cluster_transport_logistics", "pilot_cluster_metallurgy",
    "pilot_cluster_construction_materials",
)


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
    return "planned" in as_set(d.get("status"))


def default_variants(
    G: nx.Graph, merge: Iterable[Hashable] = PILOT_CLUSTERS, merged_name: str = "pilot_clusters"
) -> dict[str, Callable[[nx.Graph], nx.Graph]]:
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
    >>> from helixnet.kazakhstan._graphs import kazakhstan_graph
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
        return bool(d.get("encodes_conclusion")) or bool(as_set(d.get("link_id")) & ids)

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


@renamed_parameters(n_null="n_resamples")
def sensitivity(
    G: nx.Graph | None = None,
    variants: dict[str, Callable[[nx.Graph], nx.Graph]] | None = None,
    *,
    readings: Reading | Sequence[Reading] = ("flows", "relationships"),
    merge: Iterable[Hashable] = PILOT_CLUSTERS,
    n_resamples: int = SENSITIVITY_N_NULL,
    seed: int | None = DEFAULT_SEED,
    level: float | None = None,
    weight: str | None = "weight",
) -> SensitivityResult:
    """The configuration verdict and every indicator over coding variants of a graph.

    Each variant is applied to `G`, and
    :func:`helixnet.networks.configuration` is run on the result under
    each reading, with the same null draws, seed and level for every row.

    Parameters
    ----------
    G : networkx.Graph or networkx.DiGraph, optional
        Actor graph; default :func:`helixnet.kazakhstan.kazakhstan_graph`.
    variants : dict or None
        ``name -> function(graph) -> graph``. ``None``:
        :func:`default_variants`. A dict replaces them; ``"as coded"`` (the
        graph unchanged) is put first unless the dict has it.
    readings : sequence of {"flows", "relationships"}
        Readings computed for every variant (flows are skipped for an
        undirected variant).
    merge : iterable
        Nodes merged by the default ``"... merged"`` variant.
    n_resamples : int
        Draws per null model and row (``n_null`` until 0.2: a deprecated
        alias, removed in 0.3).
    seed : int
        Seed of every row's null models (default 0: identical reruns).
    level : float, optional
        Two-sided level (default :data:`helixnet.networks.DEFAULT_LEVEL`).
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
        For a bad reading, `n_resamples` or `level`.

    See Also
    --------
    helixnet.networks.configuration : one verdict.
    helixnet.plot.sensitivity : the figure of the table.

    Notes
    -----
    Variants are coding choices, not data: if the verdict changes between
    them, the data do not decide it on their own. Each row is tested
    against its own null models, so a row's verdict is as much a
    measurement as the as-coded one.

    Examples
    --------
    >>> from helixnet.networks._configuration import archetype_graph
    >>> G = archetype_graph("statist", seed=0)
    >>> flip = {"fewer ministries": lambda H: reassign_sectors(H, {"G0": "U"})}
    >>> r = sensitivity(G, flip, readings=["flows"], n_resamples=19, seed=1)
    >>> list(r.table["variant"])
    ['as coded', 'fewer ministries']
    """
    if G is None:
        from helixnet.kazakhstan._graphs import kazakhstan_graph

        G = kazakhstan_graph()
    check_actor_graph(G, weight=weight)
    if variants is None:
        variants = default_variants(G, merge=merge)
    else:
        if not isinstance(variants, dict):
            raise HelixnetTypeError(f"variants must be a dict of name -> function, got {type(variants).__name__}")
        variants = {"as coded": lambda H: H.copy(), **variants}
    return sensitivity_table(G, variants, readings=readings, n_resamples=n_resamples, seed=seed, level=level, weight=weight)
