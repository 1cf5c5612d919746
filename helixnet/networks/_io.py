"""Graph interchange: igraph, GraphML and GEXF (private; public via helixnet.graphs).

GraphML and GEXF store attributes of a few scalar types only (string, int,
float, bool), one type per attribute name. Before writing, every attribute is
normalised per name and scope (graph, node, edge):

* all str, all bool or all int values are written as they are;
* ints mixed with floats are written as floats;
* anything else -- lists, tuples, dicts, None, mixed types -- is written as
  JSON text (readable in Gephi), and the attribute's name is recorded in the
  graph attribute ``helixnet_encoding`` (itself JSON), which
  :func:`read_graphml` / :func:`read_gexf` use to decode it.

Node identifiers are written as text; integer (or JSON-encodable) ids are
restored by the readers. GEXF has no general graph attributes, so the
graph's attributes and the encoding travel as JSON in the file's
``<meta><description>`` element. Missing attributes stay missing; a node
without a ``label`` still gets one in GEXF (the format requires it), which
:func:`read_gexf` removes again.
"""

from __future__ import annotations

import copy
import json
from numbers import Integral, Real
from typing import TYPE_CHECKING

from helixnet.exceptions import HelixnetTypeError, InputFileError, InvalidGraphError

if TYPE_CHECKING:
    import os

    import igraph
    import networkx as nx

__all__ = ["to_igraph", "from_igraph", "write_graphml", "read_graphml", "write_gexf", "read_gexf"]

_ENC_KEY = "helixnet_encoding"
_NAME_ATTR = "_attr_name"  # igraph: where a node attribute literally called "name" goes


def _plain(v):
    if hasattr(v, "item") and not isinstance(v, (str, bytes, list, tuple, dict)):
        try:
            return v.item()
        except (TypeError, ValueError):
            return v
    return v


def _kind(v):
    if isinstance(v, bool):
        return "bool"
    if isinstance(v, Integral):
        return "int"
    if isinstance(v, Real):
        return "float"
    if isinstance(v, str):
        return "str"
    return "other"


def _encode_scope(items, text_only=()):
    """items: list of attribute dicts (modified in place); returns encoded keys.

    Keys in `text_only` must be strings in the file (GEXF labels): any other
    values of such a key are JSON-encoded.
    """
    values = {}
    for d in items:
        for k, v in d.items():
            d[k] = _plain(v)
            values.setdefault(k, set()).add(_kind(d[k]))
    encoded = []
    for k, kinds in values.items():
        if k in text_only and kinds != {"str"}:
            pass
        elif len(kinds) == 1 and kinds <= {"bool", "int", "float", "str"}:
            continue
        elif kinds == {"int", "float"}:
            for d in items:
                if k in d:
                    d[k] = float(d[k])
            continue
        encoded.append(k)
        for d in items:
            if k in d:
                d[k] = json.dumps(d[k], default=str)
    return sorted(encoded)


def _check_graph(G):
    import networkx as nx

    if not isinstance(G, nx.Graph):
        raise HelixnetTypeError(f"expected a networkx graph, got {type(G).__name__}")
    if G.is_multigraph():
        raise HelixnetTypeError("multigraphs are not supported; merge parallel edges first")


def _prepare(G, gexf=False):
    """A copy of G with file-safe attributes and the encoding record."""
    import networkx as nx

    _check_graph(G)
    nodes = list(G.nodes)
    kinds = {_kind(_plain(n)) for n in nodes}
    if kinds <= {"str"}:
        id_type, ids = "str", {n: n for n in nodes}
    elif kinds <= {"int"}:
        id_type, ids = "int", {n: str(_plain(n)) for n in nodes}
    else:
        id_type, ids = "json", {n: json.dumps(_plain(n), default=str) for n in nodes}
    if len(set(ids.values())) != len(ids):
        raise InvalidGraphError("node identifiers collide when written as text")
    H = nx.DiGraph() if G.is_directed() else nx.Graph()
    ndata = [copy.deepcopy(dict(G.nodes[n])) for n in nodes]
    edata = [copy.deepcopy(dict(d)) for _, _, d in G.edges(data=True)]
    gdata = [copy.deepcopy(dict(G.graph))]
    gdata[0].pop(_ENC_KEY, None)
    enc = {
        "node": _encode_scope(ndata, ("label",) if gexf else ()),
        "edge": _encode_scope(edata, ("label",) if gexf else ()),
        "graph": _encode_scope(gdata),
        "node_ids": id_type,
        "unlabelled": sorted(ids[n] for n in nodes if "label" not in G.nodes[n]),
    }
    for n, d in zip(nodes, ndata):
        H.add_node(ids[n], **d)
    for (u, v), d in zip(G.edges(), edata):
        H.add_edge(ids[u], ids[v], **d)
    H.graph.update(gdata[0])
    return H, enc


def _restore(H, enc, graph_attrs=None):
    import networkx as nx

    G = nx.DiGraph() if H.is_directed() else nx.Graph()
    id_type = enc.get("node_ids", "str")

    def node_id(s):
        if id_type == "int":
            return int(s)
        if id_type == "json":
            v = json.loads(s)
            return tuple(v) if isinstance(v, list) else v
        return s

    unlabelled = set(enc.get("unlabelled", []))
    for n, d in H.nodes(data=True):
        d = dict(d)
        if n in unlabelled:
            d.pop("label", None)
        for k in enc.get("node", []):
            if k in d:
                d[k] = json.loads(d[k])
        G.add_node(node_id(n), **d)
    for u, v, d in H.edges(data=True):
        d = dict(d)
        for k in enc.get("edge", []):
            if k in d:
                d[k] = json.loads(d[k])
        G.add_edge(node_id(u), node_id(v), **d)
    gd = dict(H.graph if graph_attrs is None else graph_attrs)
    for k in enc.get("graph", []):
        if k in gd:
            gd[k] = json.loads(gd[k])
    G.graph.update(gd)
    return G


def write_graphml(G: nx.Graph, path: str | os.PathLike[str]) -> None:
    """Write a graph as GraphML (opens in Gephi, yEd, Cytoscape, igraph).

    Parameters
    ----------
    G : networkx.Graph or networkx.DiGraph
    path : str or path-like

    Returns
    -------
    None

    Raises
    ------
    HelixnetTypeError
        `G` is not a (non-multi) networkx graph.

    See Also
    --------
    read_graphml, write_gexf

    Notes
    -----
    Lists, dicts, None and mixed-type attributes are written as JSON text
    (see the module docstring of ``helixnet._graphio``) and decoded by
    :func:`read_graphml`.

    Examples
    --------
    >>> import os, tempfile, networkx as nx
    >>> G = nx.DiGraph(layers=["funding"])
    >>> G.add_edge("a", "b", weight=0.5)
    >>> path = os.path.join(tempfile.mkdtemp(), "g.graphml")
    >>> write_graphml(G, path)
    >>> read_graphml(path).graph["layers"]
    ['funding']
    """
    import networkx as nx

    H, enc = _prepare(G)
    H.graph[_ENC_KEY] = json.dumps(enc)
    nx.write_graphml(H, path)


def read_graphml(path: str | os.PathLike[str]) -> nx.Graph:
    """Read a GraphML file written by :func:`write_graphml` (or any GraphML).

    Parameters
    ----------
    path : str or path-like

    Returns
    -------
    networkx.DiGraph or networkx.Graph

    Raises
    ------
    InputFileError
        Missing or unparsable file.

    See Also
    --------
    write_graphml

    Examples
    --------
    >>> import os, tempfile, networkx as nx
    >>> path = os.path.join(tempfile.mkdtemp(), "g.graphml")
    >>> write_graphml(nx.DiGraph([(1, 2)]), path)
    >>> list(read_graphml(path).edges)
    [(1, 2)]
    """
    import networkx as nx

    try:
        H = nx.read_graphml(path)
    except (OSError, nx.NetworkXError, SyntaxError) as exc:
        raise InputFileError(f"cannot read GraphML file {str(path)!r}: {exc}") from exc
    if H.is_multigraph():
        H = nx.DiGraph(H) if H.is_directed() else nx.Graph(H)
    enc = json.loads(H.graph.pop(_ENC_KEY, "{}"))
    for key in ("node_default", "edge_default"):  # networkx reader bookkeeping
        if not H.graph.get(key):
            H.graph.pop(key, None)
    return _restore(H, enc)


def write_gexf(G: nx.Graph, path: str | os.PathLike[str]) -> None:
    """Write a graph as GEXF 1.2 (Gephi's native format).

    Parameters
    ----------
    G : networkx.Graph or networkx.DiGraph
    path : str or path-like

    Returns
    -------
    None

    Raises
    ------
    HelixnetTypeError
        `G` is not a (non-multi) networkx graph.

    See Also
    --------
    read_gexf, write_graphml

    Notes
    -----
    Node and edge attributes become GEXF attributes (``label`` and ``weight``
    are GEXF's own fields). Graph attributes and the encoding record are
    stored as JSON in ``<meta><description>``.

    Examples
    --------
    >>> import os, tempfile, networkx as nx
    >>> G = nx.DiGraph(name="demo")
    >>> G.add_node("a", sector="U", label="A"); G.add_node("b", sector="I", label="B")
    >>> G.add_edge("a", "b", weight=2.0)
    >>> path = os.path.join(tempfile.mkdtemp(), "g.gexf")
    >>> write_gexf(G, path)
    >>> H = read_gexf(path)
    >>> H.nodes["a"], H.graph
    ({'sector': 'U', 'label': 'A'}, {'name': 'demo'})
    """
    import xml.etree.ElementTree as ET

    import networkx as nx

    H, enc = _prepare(G, gexf=True)
    for u, v, d in H.edges(data=True):
        if "weight" in d and _kind(d["weight"]) not in ("int", "float"):
            raise HelixnetTypeError(f"GEXF edge weights must be numbers; edge {u!r}->{v!r} has {d['weight']!r}")
    graph_attrs = dict(H.graph)
    H.graph.clear()
    xml = "\n".join(nx.generate_gexf(H))
    root = ET.fromstring(xml)
    ns = root.tag[1:].split("}")[0] if root.tag.startswith("{") else ""
    q = (lambda t: f"{{{ns}}}{t}") if ns else (lambda t: t)
    ET.register_namespace("", ns)
    meta = root.find(q("meta"))
    if meta is None:
        meta = ET.Element(q("meta"))
        root.insert(0, meta)
    desc = ET.SubElement(meta, q("description"))
    desc.text = json.dumps({_ENC_KEY: enc, "graph": graph_attrs})
    ET.ElementTree(root).write(path, encoding="utf-8", xml_declaration=True)


def read_gexf(path: str | os.PathLike[str]) -> nx.Graph:
    """Read a GEXF file written by :func:`write_gexf` (or any GEXF 1.2).

    Parameters
    ----------
    path : str or path-like

    Returns
    -------
    networkx.DiGraph or networkx.Graph

    Raises
    ------
    InputFileError
        Missing or unparsable file.

    See Also
    --------
    write_gexf

    Examples
    --------
    >>> import os, tempfile, networkx as nx
    >>> path = os.path.join(tempfile.mkdtemp(), "g.gexf")
    >>> write_gexf(nx.DiGraph([("a", "b")]), path)
    >>> list(read_gexf(path).edges)
    [('a', 'b')]
    """
    import xml.etree.ElementTree as ET

    import networkx as nx

    try:
        root = ET.parse(path).getroot()
        H = nx.read_gexf(path)
    except (OSError, ET.ParseError, nx.NetworkXError) as exc:
        raise InputFileError(f"cannot read GEXF file {str(path)!r}: {exc}") from exc
    payload = {}
    for el in root.iter():
        if el.tag.endswith("description") and el.text:
            try:
                payload = json.loads(el.text)
            except ValueError:
                payload = {}
            break
    if H.is_multigraph():
        H = nx.DiGraph(H) if H.is_directed() else nx.Graph(H)
    enc = payload.get(_ENC_KEY)
    if enc is None:  # a foreign file: keep what networkx read
        return H
    # networkx's reader adds GEXF bookkeeping attributes; drop them
    for _, _, d in H.edges(data=True):
        d.pop("id", None)
    return _restore(H, enc, graph_attrs=payload.get("graph", {}))


def to_igraph(G: nx.Graph) -> igraph.Graph:
    """Convert a networkx graph to an :class:`igraph.Graph`, keeping all attributes.

    Node identifiers go to the vertex attribute ``name`` (a node attribute
    literally called ``name`` is kept as ``_attr_name``); node, edge and
    graph attributes become igraph vertex, edge and graph attributes, with
    None where an element lacks an attribute.

    Parameters
    ----------
    G : networkx.Graph or networkx.DiGraph

    Returns
    -------
    igraph.Graph
        Directed iff `G` is; vertices in ``G.nodes`` order, edges in
        ``G.edges`` order.

    Raises
    ------
    HelixnetTypeError
        `G` is not a (non-multi) networkx graph.

    See Also
    --------
    from_igraph

    Examples
    --------
    >>> import networkx as nx
    >>> G = nx.DiGraph(); G.add_edge("a", "b", weight=3.0)
    >>> g = to_igraph(G)
    >>> g.vs["name"], g.es["weight"], g.is_directed()
    (['a', 'b'], [3.0], True)
    """
    import igraph as ig

    _check_graph(G)
    nodes = list(G.nodes)
    index = {n: i for i, n in enumerate(nodes)}
    g = ig.Graph(n=len(nodes), edges=[(index[u], index[v]) for u, v in G.edges()], directed=G.is_directed())
    g.vs["name"] = nodes
    for key in sorted({k for _, d in G.nodes(data=True) for k in d}):
        g.vs[_NAME_ATTR if key == "name" else key] = [G.nodes[n].get(key) for n in nodes]
    for key in sorted({k for _, _, d in G.edges(data=True) for k in d}):
        g.es[key] = [d.get(key) for _, _, d in G.edges(data=True)]
    for key, value in G.graph.items():
        g[key] = copy.deepcopy(value)
    return g


def from_igraph(g: igraph.Graph) -> nx.Graph:
    """Convert an :class:`igraph.Graph` back to networkx (inverse of :func:`to_igraph`).

    Parameters
    ----------
    g : igraph.Graph
        Vertex attribute ``name`` (if present) gives the node identifiers,
        otherwise vertex indices are used. None-valued attributes are
        treated as absent.

    Returns
    -------
    networkx.DiGraph or networkx.Graph

    Raises
    ------
    HelixnetTypeError
        `g` is not an igraph Graph.
    InvalidGraphError
        `g` has parallel edges (the message names the first pair) or
        duplicate vertex names.

    See Also
    --------
    to_igraph

    Examples
    --------
    >>> import igraph as ig
    >>> g = ig.Graph(edges=[(0, 1)], directed=True)
    >>> g.vs["name"] = ["x", "y"]; g.vs["sector"] = ["U", "I"]
    >>> G = from_igraph(g)
    >>> dict(G.nodes(data="sector"))
    {'x': 'U', 'y': 'I'}
    """
    import igraph as ig
    import networkx as nx

    if not isinstance(g, ig.Graph):
        raise HelixnetTypeError(f"expected an igraph.Graph, got {type(g).__name__}")
    names = g.vs["name"] if "name" in g.vs.attributes() else list(range(g.vcount()))
    if len(set(names)) != len(names):
        raise InvalidGraphError("igraph vertex names are not unique")
    G = nx.DiGraph() if g.is_directed() else nx.Graph()
    vattrs = [a for a in g.vs.attributes() if a != "name"]
    for v in g.vs:
        d = {("name" if a == _NAME_ATTR else a): v[a] for a in vattrs if v[a] is not None}
        G.add_node(names[v.index], **d)
    eattrs = g.es.attributes()
    for e in g.es:
        u, v = names[e.source], names[e.target]
        if G.has_edge(u, v):
            raise InvalidGraphError(f"igraph graph has parallel edges {u!r}->{v!r}; simplify it first")
        G.add_edge(u, v, **{a: e[a] for a in eattrs if e[a] is not None})
    for key in g.attributes():
        G.graph[key] = copy.deepcopy(g[key])
    return G
