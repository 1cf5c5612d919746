"""``helixnet subordination``: the configuration report of an actor graph.

Wraps :func:`helixnet.subordination.subordination_report`: which sector
dominates each centrality, how much U-I is mediated by G, reciprocity, the
brokerage profile, and the verdict (statist, laissez-faire or balanced) with
its evidence. JSON output: the report's ``to_dict()`` (schema
``SUBORDINATION`` in :mod:`helixnet.cli._schemas`, keys listed in docs/cli.md);
CSV output: the configuration evidence table; text output: its summary.
"""

from helixnet.cli._common import add_graph_input_arguments
from helixnet.cli._output import add_output_arguments

HELP = "configuration report: vertical subordination, mediation by government, the verdict"
EXAMPLE = "helixnet subordination ties.csv --nodes actors.csv --null 199 --seed 1 --format json --out report.json"


def add_arguments(parser):
    from helixnet.cli._common import count_int, seed_int

    add_graph_input_arguments(parser)
    parser.add_argument("--null", type=count_int, default=99, metavar="N",
                        help="replicates of each null model (rewiring, sector permutation; default 99)")
    parser.add_argument("--seed", type=seed_int, default=0, help="seed of the null models (default 0)")
    parser.add_argument("--backend", choices=["networkx", "igraph"], default="networkx")
    add_output_arguments(parser)


def run(args):
    from helixnet.cli._common import read_graph
    from helixnet.cli._output import Output
    from helixnet.subordination import subordination_report

    report = subordination_report(read_graph(args), n_null=args.null, seed=args.seed, backend=args.backend)
    # CSV: the evidence behind the verdict (metric, value, threshold, points_to)
    return Output(payload=report.to_dict(), table=report.configuration.evidence, text=report.summary)
