"""Reading the records of :func:`helixnet.synergy_triads` from a file (private).

The triads need every column of a record together, so a file is reduced to
its *distinct patterns* (one row per combination of values that occurs, with
the number of records, or the sum of their weights, as the weight): the
joint counts of every triad are the same. DuckDB does the reduction out of
core with one ``GROUP BY`` over the file, so a file much larger than memory
shrinks to its patterns (at most 2^p for p binary columns); the pandas
engine reads the columns with :func:`helixnet.information.read_data`.
"""

from __future__ import annotations

import os

from helixnet.exceptions import HelixnetValueError, InputFileError, InvalidRecordsError

#: Name of the weight column of the patterns.
PATTERN_WEIGHT = "__helixnet_records__"

#: Files the pandas engine reads and DuckDB does not (Excel; bzip2, xz compression).
_NOT_DUCKDB = (".xlsx", ".xls", ".xlsm", ".bz2", ".xz")


def _quote_ident(name: str) -> str:
    return '"' + str(name).replace('"', '""') + '"'


def _quote_str(text: str) -> str:
    return "'" + str(text).replace("'", "''") + "'"


def read_patterns(path, columns, weight=None, engine: str = "duckdb"):
    """(patterns DataFrame, column names, weight column name) from a CSV/TSV/Parquet file.

    With ``engine="pandas"`` the records themselves are returned (weight
    unchanged). Columns are read as text in CSV files (``01`` and ``1`` differ),
    as stored in Parquet.
    """
    from helixnet.information._engines import one_line, open_source, read_data

    path = os.fspath(path)
    if engine == "pandas":
        cols = None if columns is None else list(columns) + ([weight] if weight else [])
        text = None if columns is None else list(columns)
        records = read_data(path, columns=cols, text_columns=text)
        if columns is None:
            columns = [c for c in records.columns if c != weight]
        return records, list(columns), weight
    if engine != "duckdb":
        raise HelixnetValueError(f"unknown engine {engine!r}; choose 'duckdb' or 'pandas'")
    try:
        import duckdb
    except ImportError as exc:
        raise HelixnetValueError("engine 'duckdb' needs the duckdb package (pip install duckdb, or helixnet[big])") from exc
    if os.path.isfile(path) and path.lower().endswith(_NOT_DUCKDB):
        raise InputFileError(f"{path}: engine 'duckdb' reads .csv, .tsv (plain, .gz, .zst) and .parquet files; "
                             "use engine 'pandas'")  # fmt: skip
    src = open_source(path)  # the header read with the csv module: a ragged row cannot pose as it
    if src.kind == "parquet":
        source = f"read_parquet({_quote_str(path)})"
    elif src.kind == "csv":
        # every column as text, exactly the header's names; a row with too few or too many
        # fields is an error (the sniffer would otherwise take the longest row for the header)
        types = ", ".join(f"{_quote_str(c)}: 'VARCHAR'" for c in src.columns)
        source = (f"read_csv({_quote_str(path)}, auto_detect=false, header=true, delim={_quote_str(src.delimiter)}, "
                  f"quote='\"', escape='\"', columns={{{types}}}, strict_mode=true, null_padding=false, "
                  "nullstr='', encoding='utf-8')")  # fmt: skip
    else:
        raise InputFileError(f"{path}: engine 'duckdb' reads .csv, .tsv and .parquet files; use engine 'pandas'")
    con = duckdb.connect()
    try:
        names = [r[0] for r in con.execute(f"DESCRIBE SELECT * FROM {source}").fetchall()]
        if columns is None:
            columns = [c for c in names if c != weight]
        missing = [c for c in list(columns) + ([weight] if weight else []) if c not in names]
        if missing:
            raise InvalidRecordsError(f"{path}: no column named {', '.join(map(repr, missing))}; "
                                      f"available columns: {', '.join(names)}")  # fmt: skip
        keys = ", ".join(_quote_ident(c) for c in columns)
        nulls = ", ".join(f"COUNT(*) FILTER (WHERE {_quote_ident(c)} IS NULL)" for c in columns)
        bad = con.execute(f"SELECT {nulls} FROM {source}").fetchone() or ()
        for c, k in zip(columns, bad):
            if k:
                raise InvalidRecordsError(f"{path}: column {c!r} has {k} missing value(s) (empty fields)")
        if weight is None:
            agg = f"COUNT(*) AS {PATTERN_WEIGHT}"
        else:
            w = f"TRY_CAST({_quote_ident(weight)} AS DOUBLE)"
            invalid = (con.execute(
                f"SELECT COUNT(*) FROM {source} WHERE {w} IS NULL OR isnan({w}) OR isinf({w}) OR {w} < 0"
            ).fetchone() or (0,))[0]
            if invalid:
                raise InvalidRecordsError(f"{path}: weight column {weight!r} has {invalid} invalid value(s); "
                                          "weights must be finite, non-negative numbers")  # fmt: skip
            agg = f"SUM({w}) AS {PATTERN_WEIGHT}"
        patterns = con.execute(f"SELECT {keys}, {agg} FROM {source} GROUP BY ALL ORDER BY ALL").df()
    except duckdb.Error as exc:
        raise InputFileError(f"{path}: cannot read: {one_line(exc)}") from exc
    finally:
        con.close()
    if len(patterns) == 0:
        raise InvalidRecordsError(f"{path}: the file has no records")
    return patterns, list(columns), PATTERN_WEIGHT
