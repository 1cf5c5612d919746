"""``helixnet synergy``: the Triple Helix indicator of a file of records or of Venn counts.

Records are counted into the contingency table of ``--dims`` by an engine of
:mod:`helixnet.engines` (DuckDB by default: out of core), then
:func:`helixnet.synergy` computes every entropy and mutual information.

JSON output (schema ``SYNERGY`` in :mod:`helixnet.cli._schemas`)::

    {"dimensions": ["a", "b", "c"], "n": 1000, "unit": "bit",
     "entropy": {"a": .., "b": .., "c": .., "a,b": .., "a,c": .., "b,c": .., "a,b,c": ..},
     "mutual_information": {"a,b": .., "a,c": .., "b,c": .., "a,b,c": ..},
     "dropped": 0,
     "intervals": {"n_boot": B, "ci": 0.95, "seed": S,          # only with --bootstrap
                   "mutual_information": {"a,b": {"estimate": .., "mean": .., "std_error": ..,
                                                  "ci_low": .., "ci_high": ..}, ...}}}

Labels are the dimension names joined by "," in the order given. ``n`` is the
number of records (the sum of weights with ``--weight``); ``dropped`` the
records dropped by ``--dropna`` (0 for Venn counts). CSV output: one row per
subset with columns ``subset, k, entropy, mutual_information, ci_low,
ci_high`` (the interval columns are empty without ``--bootstrap``).
"""

import math

from helixnet.cli._common import (
    ENGINE_CHOICES,
    UsageError,
    add_records_arguments,
    add_unit_argument,
    columns_list,
    count_int,
    fraction,
    note,
    seed_int,
    show_progress,
)
from helixnet.cli._output import add_output_arguments

HELP = "Triple Helix indicator: entropies and mutual information of every subset of dimensions"
DESCRIPTION = (
    "Count the records of INPUT into the table of --dims and report every entropy H and every "
    "mutual information T (negative T among three dimensions = synergy). Or give Venn counts "
    "of presence/absence dimensions with --venn (and the all-absent count with --none)."
)
EXAMPLE = (
    "helixnet synergy firms.parquet --dims geography,technology,size --format json\n"
    "  helixnet synergy --venn U=120,I=80,G=40,UI=30,UG=12,IG=9,UIG=5 --none 0"
)

_VENN_KEYS = "U=..,I=..,G=..,UI=..,UG=..,IG=..,UIG=.."


def add_arguments(parser):
    add_records_arguments(parser, input_required=False)
    parser.add_argument("--engine", choices=ENGINE_CHOICES, help="counting engine (default duckdb for files)")
    parser.add_argument("--scheduler", metavar="ADDR", help="Dask scheduler address (with --engine dask)")
    add_unit_argument(parser)
    parser.add_argument("--bias", choices=["miller-madow"], help="entropy bias correction")
    parser.add_argument("--bootstrap", type=count_int, metavar="B", help="bootstrap replicates for confidence intervals")
    parser.add_argument("--seed", type=seed_int, metavar="S", help="seed of the bootstrap (required with --bootstrap)")
    parser.add_argument("--ci", type=fraction, metavar="LEVEL",
                        help="with --bootstrap: confidence level of the intervals (default 0.95)")
    parser.add_argument("--venn", metavar=_VENN_KEYS, help="Venn counts instead of INPUT")
    parser.add_argument("--none", type=float, metavar="N", help="with --venn: cases with none of the dimensions")
    add_output_arguments(parser)


def parse_venn(text: str) -> dict:
    """``"U=3,I=4"`` -> ``{"U": 3, "I": 4}`` (ints when whole)."""
    out = {}
    for item in text.split(","):
        key, sep, value = item.partition("=")
        key = key.strip()
        if not sep or not key:
            raise UsageError(f"--venn expects {_VENN_KEYS}, got {item.strip()!r}")
        try:
            number = float(value)
        except ValueError:
            raise UsageError(f"--venn count for {key!r} is not a number: {value.strip()!r}") from None
        if key in out:
            raise UsageError(f"--venn key {key!r} given twice")
        out[key] = int(number) if number.is_integer() else number
    return out


def _table(args):
    """(table, dims, dropped) from the arguments."""
    if args.venn is not None:
        if args.input is not None or args.dims or args.weight or args.engine or args.dropna:
            raise UsageError("--venn takes no INPUT, --dims, --weight, --engine or --dropna")
        if args.none is None:
            raise UsageError("--venn needs --none N: the cases with none of the dimensions (it changes T)")
        from helixnet.information import venn_table

        none = int(args.none) if float(args.none).is_integer() else args.none
        counts = parse_venn(args.venn)
        table = venn_table(counts, none=none)
        dims = ("U", "I", "G", "F")[: table.ndim]
        return table, dims, 0
    if args.none is not None:
        raise UsageError("--none goes with --venn")
    if args.input is None:
        raise UsageError("give INPUT (a records file) or --venn counts")
    if not args.dims:
        raise UsageError("the option --dims is required with INPUT")
    if args.scheduler and args.engine != "dask":
        raise UsageError("--scheduler goes with --engine dask")
    from helixnet.engines import count_table

    ct = count_table(
        args.input, columns_list(args.dims), weight=args.weight, engine=args.engine,
        scheduler=args.scheduler, dropna=args.dropna, progress=show_progress(args),
    )  # fmt: skip
    if ct.dropped:
        note(args, f"dropped {ct.dropped} records with a missing dimension")
    return ct.counts, ct.dims, ct.dropped


def _intervals(args, table, dims):
    """Bootstrap percentile intervals of every T (:func:`helixnet.uncertainty.bootstrap`)."""
    from helixnet.uncertainty import bootstrap

    result = bootstrap(table, dims=list(dims), n_boot=args.bootstrap, ci=args.ci, seed=args.seed,
                       unit=args.unit, bias=args.bias, progress=show_progress(args))  # fmt: skip
    full = result.to_dict()
    return {k: full[k] for k in ("n_boot", "ci", "seed", "mutual_information")}


def _csv_table(payload, ci):
    """One row per subset: subset, k, entropy, mutual_information, ci_low, ci_high (pandas)."""
    import pandas as pd

    rows = []
    for label, h in payload["entropy"].items():
        t = payload["mutual_information"].get(label, math.nan)
        low, high = (ci[label]["ci_low"], ci[label]["ci_high"]) if label in ci else (math.nan, math.nan)
        rows.append((label, label.count(",") + 1, h, t, low, high))
    columns = ["subset", "k", "entropy", "mutual_information", "ci_low", "ci_high"]
    return pd.DataFrame(rows, columns=columns).set_index("subset")


def run(args):
    from helixnet.cli._output import Output
    from helixnet.information import synergy

    if args.ci is not None and args.bootstrap is None:
        raise UsageError("--ci goes with --bootstrap")
    args.ci = 0.95 if args.ci is None else args.ci
    if args.bootstrap is not None:
        if args.seed is None:
            raise UsageError("--bootstrap needs --seed S (results must be reproducible)")
    elif args.seed is not None:
        raise UsageError("--seed goes with --bootstrap")
    table, dims, dropped = _table(args)
    res = synergy(table, dims=list(dims), unit=args.unit, bias=args.bias)
    payload = res.to_dict()
    payload["dropped"] = dropped
    ci = {}
    if args.bootstrap is not None:
        payload["intervals"] = _intervals(args, table, dims)
        ci = payload["intervals"]["mutual_information"]
    head = f"dimensions: {', '.join(payload['dimensions'])}   n = {payload['n']}   unit: {res.unit}"
    head += (f"   bias: {res.bias}" if res.bias else "") + (f"   dropped: {dropped}" if dropped else "")
    lines = [head, f"{'subset':<30} {'H':>12} {'T':>12}" + (f" {f'{args.ci:.0%} interval of T':>27}" if ci else "")]
    for label, h in payload["entropy"].items():
        t = payload["mutual_information"].get(label)
        row = f"{label:<30} {h:12.6f} {'' if t is None else f'{t:12.6f}':>12}"
        if label in ci:
            row += f"  [{ci[label]['ci_low']:11.6f}, {ci[label]['ci_high']:11.6f}]"
        lines.append(row)
    # negative mutual redundancy R = (-1)^(N+1) T is a reduction of uncertainty in any N >= 3
    # (Leydesdorff & Ivanova 2014): R = T in three dimensions, R = -T in four
    k = len(payload["dimensions"])
    verdict = "synergy (reduction of uncertainty)" if k >= 3 and res.redundancy < 0 else "no synergy"
    if k >= 3 and k % 2 == 0:
        verdict += f"; mutual redundancy R = -T = {res.redundancy:.6f} (the sign flips in even dimensions)"
    lines.append(f"T({','.join(payload['dimensions'])}) = {res.T:.6f} {res.unit}: {verdict}")
    table_out = _csv_table(payload, ci) if args.format == "csv" else None
    return Output(payload=payload, table=table_out, text="\n".join(lines))
