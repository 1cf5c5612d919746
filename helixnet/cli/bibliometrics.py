"""``helixnet bibliometrics``: T_UIG of co-authorship from WoS, Scopus or OpenAlex files.

JSON output (stable)::

    {"n_records": int, "n_no_address": int, "no_address": "exclude" | "none",
     "duplicates_dropped": int, "unclassified_addresses": int,
     "country": str | null, "international": bool, "unit": "bit",
     "venn": {"U": int, "I": int, "G": int, "UI": int, "UG": int, "IG": int, "UIG": int,
              [the F cells with --international,] "none": int},
     "mutual_information": {"U,I": float, ..., "U,I,G": float},
     "redundancy": {"U,I": float, ..., "U,I,G": float},   # R = (-1)^(k+1) T: R < 0 = synergy
     "interval": {"ci_low": float, "ci_high": float, "n_boot": int, "seed": int} | null,
     "by": "year" | "country" | null,
     "rows": [{"year"|"country": ..., "n_records": int, <cells>, "none": int, "n_no_address": int,
               "k": int, "T": float | null, "ci_low": float | null, "ci_high": float | null,
               "R": float | null, "R_ci_low": float | null, "R_ci_high": float | null}, ...]}

T is the co-information (dit's sign), R = (-1)^(k+1) T Leydesdorff & Ivanova's
(2014) mutual redundancy: negative R is synergy in three and four dimensions
alike, whereas with ``--international`` (four dimensions) a positive T is synergy.

``n_no_address`` counts documents without any address: left out of
``n_records`` and every cell (``no_address: "exclude"``), or counted in
``none`` with ``--include-no-address``. ``rows`` is empty without ``--by``; T of a group whose documents all fall in
one cell is 0.
"""

from helixnet.cli._common import int_in_range, seed_int
from helixnet.cli._output import add_output_arguments

HELP = "Triple Helix synergy of co-authorship from Web of Science, Scopus or OpenAlex exports"
EXAMPLE = "helixnet bibliometrics savedrecs.txt scopus.csv --by year --country KZ --format json"


def add_arguments(parser):
    parser.add_argument("files", nargs="+", metavar="FILE", help="export files (format detected from contents)")
    parser.add_argument("--by", choices=["year", "country"], help="one row per year or country")
    parser.add_argument("--country", metavar="ISO2", help="keep documents with an address in this country")
    parser.add_argument("--international", action="store_true",
                        help="add international co-authorship (F) as a fourth dimension")
    parser.add_argument("--include-no-address", action="store_true",
                        help="count documents without any address in 'none' (default: leave them out)")
    parser.add_argument("--bootstrap", type=int_in_range(0, what="count"), default=0, metavar="B",
                        help="bootstrap replicates for T's interval (default 0: none)")
    parser.add_argument("--seed", type=seed_int, help="with --bootstrap: seed of the bootstrap (default 0)")
    parser.add_argument("--unit", choices=["bit", "mbit", "nat"], default="bit")
    add_output_arguments(parser)


def run(args):
    from helixnet import bibliometrics as bib
    from helixnet.cli._output import Output, json_value
    from helixnet.information import synergy, venn_table

    from helixnet.cli._common import UsageError

    if args.seed is not None and not args.bootstrap:
        raise UsageError("--seed goes with --bootstrap")
    args.seed = 0 if args.seed is None else args.seed
    records = bib.classify(bib.read_records(args.files))
    dims = ("U", "I", "G", "F") if args.international else ("U", "I", "G")
    no_address = "none" if args.include_no_address else "exclude"
    total = bib.synergy_table(records, by=None, country=args.country, international=args.international,
                              n_boot=args.bootstrap, seed=args.seed, unit=args.unit, no_address=no_address)
    row = total.iloc[0]
    cells = [c for c in total.columns
             if c not in ("n_records", "n_no_address", "k", "T", "ci_low", "ci_high", "R", "R_ci_low",
                          "R_ci_high")]
    venn = {c: int(row[c]) for c in cells}
    table = venn_table({c: v for c, v in venn.items() if c != "none"}, none=venn["none"], dims="".join(dims))
    full = synergy(table, dims=dims, unit=args.unit).to_dict()
    mi, red = full["mutual_information"], full["redundancy"]
    rows = []
    if args.by:
        per = bib.synergy_table(records, by=args.by, country=args.country, international=args.international,
                                n_boot=args.bootstrap, seed=args.seed, unit=args.unit, no_address=no_address)
        rows = [{k: json_value(v) for k, v in r.items()} for r in per.to_dict(orient="records")]
    payload = {
        "n_records": int(row["n_records"]),
        "n_no_address": int(row["n_no_address"]),
        "no_address": no_address,
        "duplicates_dropped": records.duplicates_dropped,
        "unclassified_addresses": int(records.addresses["sector"].isna().sum()),
        "country": args.country,
        "international": args.international,
        "unit": args.unit,
        "venn": venn,
        "mutual_information": mi,
        "redundancy": red,
        "interval": None if not args.bootstrap else {
            "ci_low": json_value(row["ci_low"]), "ci_high": json_value(row["ci_high"]),
            "n_boot": args.bootstrap, "seed": args.seed},
        "by": args.by,
        "rows": rows,
    }
    import pandas as pd

    frame = pd.DataFrame(rows) if rows else total
    label = ",".join(dims)
    lines = [(f"records: {payload['n_records']} ({payload['duplicates_dropped']} duplicates dropped, "
              f"{payload['n_no_address']} without any address "
              f"{'counted in none' if no_address == 'none' else 'left out'}, "
              f"{payload['unclassified_addresses']} addresses unclassified)"),
             "venn: " + ", ".join(f"{k}={v}" for k, v in venn.items()),
             (f"T({label}) = {mi[label]:.6f} {args.unit}, R({label}) = {red[label]:.6f} {args.unit} "
              "(R = (-1)^(k+1) T; R < 0 = synergy in any number of dimensions)")]
    if rows:
        lines.append(frame.to_string(index=False))
    return Output(payload=payload, table=frame, text="\n".join(lines))
