"""``helixnet centrality``: centrality of every node of an actor graph.

Wraps :func:`helixnet.centrality`. JSON output (schema ``CENTRALITY`` in
:mod:`helixnet.cli._schemas`): ``{"backend": .., "normalized": .., "nodes":
[{"node": .., "sector": .., "in_degree": .., ..., "eigenvector_method": ..}]}``
— one object per node with every column of
:data:`helixnet.centrality.CENTRALITY_COLUMNS`. CSV output: the same table.
"""

from helixnet.cli._common import add_graph_input_arguments
from helixnet.cli._output import add_output_arguments

HELP = "centrality of every actor: degree, strength, betweenness, closeness, eigenvector, PageRank, HITS"
EXAMPLE = "helixnet centrality ties.csv --nodes actors.csv --backend igraph --format csv --out centrality.csv"


def add_arguments(parser):
    add_graph_input_arguments(parser)
    parser.add_argument("--backend", choices=["networkx", "igraph"], default="networkx")
    parser.add_argument("--edge-weight", metavar="ATTR",
                        help="edge attribute holding tie strength (default: weight, if present; "
                             "'none' for unweighted); an attribute no edge has is an error")
    parser.add_argument("--raw", action="store_true", help="do not normalise degrees, betweenness, closeness")
    add_output_arguments(parser)


def run(args):
    from helixnet.centrality import centrality
    from helixnet.cli._common import check_edge_attribute, read_graph
    from helixnet.cli._output import Output, json_records

    G = read_graph(args)
    weight = "weight" if args.edge_weight is None else args.edge_weight
    if weight.lower() == "none":
        weight = None
    elif args.edge_weight is not None:  # given explicitly: it must exist
        check_edge_attribute(G, weight, "--edge-weight")
    table = centrality(G, backend=args.backend, weight=weight, normalized=not args.raw)
    table.index.name = "node"
    payload = {"backend": args.backend, "normalized": not args.raw, "nodes": json_records(table, index="node")}
    return Output(payload=payload, table=table, text=table.to_string(float_format=lambda x: f"{x:.4f}"))
