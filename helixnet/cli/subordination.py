"""``helixnet subordination``: the configuration report of an actor graph.

Wraps :func:`helixnet.subordination.subordination_report`: which sector
dominates each centrality, how much U-I is mediated by G, reciprocity, the
brokerage profile, and the verdict (statist, laissez-faire or balanced) with
its evidence. JSON output: the report's ``to_dict()`` (schema
``SUBORDINATION`` in :mod:`helixnet.cli._schemas`); text output: its summary.
"""

from helixnet.cli._common import add_graph_input_arguments
from helixnet.cli._output import add_output_arguments

HELP = "configuration report: vertical subordination, mediation by government, the verdict"
EXAMPLE = "helixnet subordination ties.csv --nodes actors.csv --format json --out report.json"


def add_arguments(parser):
    add_graph_input_arguments(parser)
    add_output_arguments(parser)


def run(args):
    from helixnet.cli._common import read_graph
    from helixnet.cli._output import Output
    from helixnet.subordination import subordination_report

    report = subordination_report(read_graph(args))
    payload = report.to_dict()
    table = report.to_frame() if hasattr(report, "to_frame") else None
    summary = report.summary() if callable(report.summary) else report.summary
    return Output(payload=payload, table=table, text=str(summary))
