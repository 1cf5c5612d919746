"""``helixnet subordination``: the configuration report of an actor graph, or its sensitivity.

Wraps :func:`helixnet.networks.subordination_report`: centrality shares,
Gould–Fernandez brokerage, mediation, reciprocity, and the configuration
verdict under both readings of ties, each indicator tested against two null
models. JSON output: the report's ``to_dict()`` (schema ``SUBORDINATION`` in
:mod:`helixnet.cli._schemas`, keys listed in docs/cli.md); CSV output: the
evidence table of both readings; text output: its summary.

With ``--sensitivity`` it wraps :func:`helixnet.sensitivity`
instead: the verdict and every indicator over coding variants (schema
``SENSITIVITY``; CSV: the variant x indicator table).
"""

from typing import Any

from helixnet.cli._common import add_graph_input_arguments
from helixnet.cli._output import add_output_arguments

HELP = "configuration report: government mediation tested against null models, the verdict, its sensitivity"
EXAMPLE = "helixnet subordination ties.csv --nodes actors.csv --null 199 --seed 1 --format json --out report.json"


def add_arguments(parser):
    from helixnet.cli._common import count_int, fraction, seed_int

    add_graph_input_arguments(parser)
    parser.add_argument("--null", "--resamples", type=count_int, default=None, metavar="N",
                        help="draws of each null model (rewiring, sector permutation; default 199, "
                             "with --sensitivity 99; --resamples: the same option, the name every "
                             "resampling subcommand shares)")
    parser.add_argument("--seed", type=seed_int, default=0, help="seed of the null models (default 0)")
    parser.add_argument("--level", type=fraction, default=0.05, help="two-sided significance level (default 0.05)")
    parser.add_argument("--reading", choices=["flows", "relationships"], default=None,
                        help="reading of the headline verdict (both are reported; default flows for a "
                             "directed graph); with --sensitivity, the only reading computed")
    parser.add_argument("--backend", choices=["networkx", "igraph"],
                        help="centrality backend of the report (default networkx; not with --sensitivity)")
    parser.add_argument("--sensitivity", action="store_true",
                        help="recompute the verdict and every indicator over coding variants (planned ties "
                             "dropped, --merge nodes merged, conclusion ties dropped, unit weights, "
                             "alternative sectors of ambiguous actors; both readings)")
    parser.add_argument("--merge", metavar="NODE,NODE,...", default=None,
                        help="with --sensitivity: nodes merged by the merge variant (default: the seven "
                             "pilot clusters of the Kazakhstan data, where present)")
    add_output_arguments(parser)


def run(args):
    from helixnet.cli._common import UsageError, read_graph, show_progress
    from helixnet.cli._output import Output

    if args.merge is not None and not args.sensitivity:
        raise UsageError("--merge goes with --sensitivity")
    if args.sensitivity and args.backend is not None:
        raise UsageError("--backend chooses the centrality backend of the report; --sensitivity computes no centrality")
    G = read_graph(args)
    if args.sensitivity:
        from helixnet.kazakhstan._sensitivity import PILOT_CLUSTERS, SENSITIVITY_N_NULL, sensitivity

        merge = PILOT_CLUSTERS if args.merge is None else [x.strip() for x in args.merge.split(",") if x.strip()]
        readings: tuple[Any, ...] = ("flows", "relationships") if args.reading is None else (args.reading,)
        res = sensitivity(G, merge=merge, n_resamples=SENSITIVITY_N_NULL if args.null is None else args.null,
                          seed=args.seed, level=args.level, readings=readings)
        text = res.table[["variant", "reading", "verdict", "statist_votes", "balanced_votes"]].to_string(index=False)
        return Output(payload=res.to_dict(), table=res.table, text=text)
    from helixnet.networks._subordination import subordination_report

    report = subordination_report(G, n_resamples=args.null, seed=args.seed, backend=args.backend or "networkx",
                                  reading=args.reading, level=args.level,
                                  progress=show_progress(args))
    # CSV: the evidence behind the verdicts, both readings
    return Output(payload=report.to_dict(), table=report.evidence, text=report.summary)
