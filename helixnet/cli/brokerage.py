"""``helixnet brokerage``: Gould-Fernandez brokerage roles of every node.

Wraps :func:`helixnet.brokerage`. JSON output (schema ``BROKERAGE`` in
:mod:`helixnet.cli._schemas`): ``{"attr": "sector", "nodes": [{"node": ..,
"group": .., "coordinator": .., "itinerant": .., "representative": ..,
"gatekeeper": .., "liaison": .., "total": ..}]}``. CSV output: the same table.
"""

from helixnet.cli._common import add_graph_input_arguments
from helixnet.cli._output import add_output_arguments

HELP = "Gould-Fernandez brokerage roles (coordinator, itinerant, representative, gatekeeper, liaison)"
EXAMPLE = "helixnet brokerage network.graphml --attr sector --format json"


def add_arguments(parser):
    add_graph_input_arguments(parser)
    parser.add_argument("--attr", default="sector", help="node attribute holding the groups")
    add_output_arguments(parser)


def run(args):
    from helixnet.cli._common import read_graph
    from helixnet.cli._output import Output, json_records
    from helixnet.networks._brokerage import brokerage

    G = read_graph(args)
    table = brokerage(G, attr=args.attr)
    table.index.name = "node"
    payload = {"attr": args.attr, "nodes": json_records(table, index="node")}
    return Output(payload=payload, table=table, text=table.to_string())
