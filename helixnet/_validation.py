"""Preconditions on actor graphs, shared by every network measure (private).

Measures state what they need with the :func:`actor_graph` decorator, so their
bodies stay pure math::

    @actor_graph
    def centrality(G, ...):
        ...

The decorated function's first argument must be a networkx graph whose nodes
all carry a ``sector`` in :data:`SECTORS` and whose edge weights (when
present) are finite, non-negative numbers.
"""

from __future__ import annotations

import functools
import inspect
import math
from numbers import Real

from helixnet.exceptions import HelixnetTypeError, InvalidGraphError

#: Sector codes and their order in every table and figure: U science, I business,
#: G government, O other.
SECTORS = ("U", "I", "G", "O")


def check_actor_graph(G, attr: str | None = "sector", weight: str | None = "weight", sectors=SECTORS):
    """Raise a helixnet error unless `G` is a usable actor graph.

    Checks that `G` is a networkx graph, that every node has attribute `attr`
    with a value in `sectors` (any value when `sectors` is None; no node check
    when `attr` is None), and that every edge's `weight` (if present) is a
    finite, non-negative real number. Messages name the node or edge.
    """
    import networkx as nx

    if not isinstance(G, nx.Graph):
        raise HelixnetTypeError(f"expected a networkx graph, got {type(G).__name__}")
    for node, data in G.nodes(data=True) if attr is not None else ():
        if attr not in data:
            raise InvalidGraphError(f"node {node!r} has no {attr!r} attribute")
        if sectors is not None and data[attr] not in sectors:
            raise InvalidGraphError(
                f"node {node!r} has {attr}={data[attr]!r}; expected one of {', '.join(sectors)}"
            )
    if weight is not None:
        for u, v, data in G.edges(data=True):
            w = data.get(weight, 1)
            if isinstance(w, bool) or not isinstance(w, Real):
                raise InvalidGraphError(f"edge {u!r}->{v!r} has non-numeric {weight}={w!r}")
            if not math.isfinite(w) or w < 0:
                raise InvalidGraphError(f"edge {u!r}->{v!r} has invalid {weight}={w!r}; weights must be finite and >= 0")
    return G


def actor_graph(func=None, *, attr: str | None = "sector", weight: str | None = "weight"):
    """Decorator: validate the first argument with :func:`check_actor_graph`.

    When the decorated function has ``attr`` / ``weight`` parameters, the
    values checked are the ones the call binds to them, whether passed by
    keyword, by position or left at the function's default (the signature is
    bound as networkx's ``argmap`` does); otherwise the decorator's own
    `attr` / `weight` are checked.
    """

    def decorate(f):
        signature = inspect.signature(f)
        names = [n for n in ("attr", "weight") if n in signature.parameters]
        fixed = {"attr": attr, "weight": weight}

        @functools.wraps(f)
        def wrapper(*args, **kwargs):
            bound = signature.bind(*args, **kwargs)
            bound.apply_defaults()
            checked = {**fixed, **{n: bound.arguments[n] for n in names}}
            G = next(iter(bound.arguments.values()))
            check_actor_graph(G, **checked)
            return f(*bound.args, **bound.kwargs)

        return wrapper

    return decorate(func) if func is not None else decorate
