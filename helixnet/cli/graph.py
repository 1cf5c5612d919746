"""``helixnet graph``: convert an actor graph between edge lists, GraphML and GEXF.

Reads an edge list (``source, target, weight[, relation]``; node table
``node, sector[, label]`` via ``--nodes``), GraphML or GEXF, and writes

* ``--to graphml`` / ``--to gexf`` (or an ``--out`` file with that extension):
  the graph file (Gephi opens both), atomically;
* ``--to edges`` (default): the tidy edge table, in ``--format`` (``csv`` by
  default), with ``--nodes-out FILE`` for the node table (CSV); both files
  are written or neither.

JSON output of ``--to edges --format json`` (schema ``GRAPH``): ``{"directed":
bool, "nodes": [{"node": .., "sector": .., ...}], "edges": [{"source": ..,
"target": .., "weight": .., ...}]}``.
"""

from helixnet.cli._common import GRAPH_FORMATS, add_graph_input_arguments, graph_format
from helixnet.cli._output import add_output_arguments

HELP = "convert or export an actor graph: edge lists (+ node table), GraphML, GEXF"
EXAMPLE = "helixnet graph ties.csv --nodes actors.csv --out network.graphml"


def add_arguments(parser):
    add_graph_input_arguments(parser)
    parser.add_argument("--to", choices=GRAPH_FORMATS, help="output format (default: from --out, else edges)")
    parser.add_argument("--nodes-out", metavar="FILE", help="with --to edges: write the node table (CSV) here")
    add_output_arguments(parser, default_format="csv")


def run(args):
    from helixnet.cli._common import UsageError, read_graph
    from helixnet.cli._output import Output, json_records, write_outputs
    from helixnet.networks import _builders as builders

    out = None if args.out in (None, "-") else args.out
    to = args.to or (graph_format(out) if out else "edges")
    if to in ("graphml", "gexf") and args.nodes_out:
        raise UsageError("--nodes-out goes with --to edges")
    G = read_graph(args)
    if to in ("graphml", "gexf"):
        writer = builders.write_graphml if to == "graphml" else builders.write_gexf
        write_outputs([(out, lambda path: writer(G, path))])
        return 0
    nodes, edges = builders.to_frames(G)
    nodes = nodes.reset_index() if "node" not in nodes.columns else nodes
    edges = edges.reset_index(drop=True)
    # the node table goes with the edge output in one all-or-nothing write
    files = {args.nodes_out: nodes.to_csv(index=False, lineterminator="\n")} if args.nodes_out else {}
    payload = {"directed": G.is_directed(), "nodes": json_records(nodes), "edges": json_records(edges)}
    text = f"{G.number_of_nodes()} nodes, {G.number_of_edges()} edges\n" + edges.to_string(index=False)
    return Output(payload=payload, table=edges.set_index(edges.columns[0]), text=text, files=files)
