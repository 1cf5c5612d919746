"""``helixnet centrality``: centrality of every node of an actor graph.

Wraps :func:`helixnet.centrality`. JSON output (schema ``CENTRALITY`` in
:mod:`helixnet.cli._schemas`): ``{"backend": .., "normalized": .., "sources": .., "seed": .., "nodes":
[{"node": .., "sector": .., "in_degree": .., ..., "eigenvector_method": ..}]}``
— one object per node with every column of
:data:`helixnet.networks.CENTRALITY_COLUMNS`; ``"sources"`` and ``"seed"``
are null unless ``--sources K`` asked for betweenness and closeness estimated
from K sampled nodes. CSV output: the same table.
"""

from helixnet.cli._common import add_graph_input_arguments, seed_int
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
    parser.add_argument("--sources", type=_positive_int, metavar="K",
                        help="estimate betweenness and closeness from K sampled source nodes (large graphs)")
    parser.add_argument("--seed", type=seed_int, help="with --sources: seed of the sample (default 0)")
    add_output_arguments(parser)


def _positive_int(text: str) -> int:
    """argparse type of --sources: an integer >= 1, else exit status 2."""
    import argparse

    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"invalid number of sources {text!r}: give an integer >= 1") from None
    if value < 1:
        raise argparse.ArgumentTypeError(f"invalid number of sources {text!r}: give an integer >= 1")
    return value


def run(args):
    from helixnet.cli._common import UsageError, check_edge_attribute, read_graph
    from helixnet.cli._output import Output, json_records
    from helixnet.networks._centrality import centrality

    if args.seed is not None and args.sources is None:
        raise UsageError("--seed goes with --sources (exact centralities draw nothing)")
    G = read_graph(args)
    weight = "weight" if args.edge_weight is None else args.edge_weight
    if weight.lower() == "none":
        weight = None
    elif args.edge_weight is not None:  # given explicitly: it must exist
        check_edge_attribute(G, weight, "--edge-weight")
    table = centrality(G, backend=args.backend, weight=weight, normalized=not args.raw,
                       k=args.sources, seed=0 if args.seed is None else args.seed)
    table.index.name = "node"
    payload = {"backend": args.backend, "normalized": not args.raw, "sources": args.sources,
               "seed": None if args.sources is None else (0 if args.seed is None else args.seed), "nodes": json_records(table, index="node")}
    return Output(payload=payload, table=table, text=table.to_string(float_format=lambda x: f"{x:.4f}"))
