"""Counting records into a contingency table: pandas, DuckDB and Dask engines.

Only the contingency table of the chosen dimensions has to reach Python; the
records themselves can stay in a file read out of core (DuckDB) or on a
cluster (Dask). Three engines count the same records into the same table:

``"pandas"``
    in memory (the default for a DataFrame);
``"duckdb"``
    a ``GROUP BY`` over the file, out of core and multi-threaded (the default
    for a file when DuckDB is installed);
``"dask"``
    a ``dask.dataframe`` group-by on a ``dask.distributed`` cluster, for
    record sets that outgrow one machine (every worker must see the file).

Whatever the engine, the same records give the same table: the engines agree
exactly on the cells (unweighted counts, and sums of weights as long as the
sums are exact in double precision, e.g. integer weights), on the categories
and on their order.

Reading rules (the same for every engine)
------------------------------------------
* Formats by extension: ``.csv`` (comma), ``.tsv``/``.tab`` (tab), each
  optionally compressed (``.gz``, ``.bz2``, ``.zst``, ``.xz``); ``.parquet``
  / ``.pq``; ``.xlsx``/``.xls`` (through pandas, which needs openpyxl).
* CSV/TSV: the first line is the header; fields may be quoted with ``"``
  (doubled inside quotes); blank lines are skipped; a row with more or fewer
  fields than the header is an error (ragged file). Every dimension is read as
  text, so ``01`` and ``1`` are different categories.
* A missing value is an empty field in CSV/TSV, and a null or NaN in Parquet
  or a DataFrame (the text ``NA`` is a category like any other). Records with
  a missing dimension are an error, unless ``dropna=True`` drops them and
  reports how many in :attr:`CountTable.dropped`.
* Weights must be finite numbers ``>= 0`` (in text: a plain decimal number
  such as ``2``, ``-0``, ``.5`` or ``1e3``, optionally padded by blanks).

Category order
--------------
The categories of each dimension are sorted in *natural order*: numbers
(and numeric text, compared by value, ties by text) first, ascending, then
all other labels by their text (Unicode code points). Float labels that are all
integral are reported as ints (a null in a Parquet integer column makes pandas
read it as floats).
"""

from __future__ import annotations

import csv
import io
import math
import numbers
import os
import re
import sys
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Literal

from helixnet._deprecation import renamed_function
from helixnet._jsonable import jsonable
from helixnet._result import Result
from helixnet._validation import NUMBER_PATTERN
from helixnet.exceptions import (
    HelixnetError,
    HelixnetTypeError,
    HelixnetValueError,
    InputFileError,
    InvalidRecordsError,
)

if TYPE_CHECKING:
    import pandas as pd
    from distributed import Client

    from helixnet._typing import PathLike

__all__ = ["CountTable", "count_table", "read_data", "ENGINES", "MAX_CELLS"]

ENGINES = ("pandas", "duckdb", "dask")
#: largest contingency table (number of cells) count_table builds
MAX_CELLS = 10**8
#: largest CSV/TSV field (bytes) the pandas and DuckDB engines read; larger ones are refused
#: with a message naming this limit (the Dask engine reads fields up to pyarrow's 1 MiB block)
MAX_FIELD_BYTES = 64 * 2**20
_DASK_FIELD_BYTES = 2**20

# a plain decimal number as text; the same pattern in Python (pandas, Dask) and RE2 (DuckDB)
_NUMBER = NUMBER_PATTERN
_NUMBER_RE = re.compile(_NUMBER)
_COMPRESSION = (".gz", ".bz2", ".zst", ".xz")
_CSV_EXT = {".csv": ",", ".tsv": "\t", ".tab": "\t"}
_PARQUET_EXT = (".parquet", ".pq")
_EXCEL_EXT = (".xlsx", ".xls", ".xlsm")


@dataclass(frozen=True, eq=False, repr=False)
class CountTable(Result):
    """Records counted into a contingency table (returned by :func:`count_table`).

    Attributes
    ----------
    counts : numpy.ndarray
        One axis per dimension, ``counts[i, j, ...]`` the number of records (or
        sum of weights) in categories ``labels[0][i], labels[1][j], ...``;
        int64 without weights, float64 with weights. Unobserved combinations
        are 0.
    labels : tuple of tuple
        The categories of each dimension, in natural order.
    dims : tuple of str
        The dimension names, in the order given.
    n : int
        Number of records counted (after dropping).
    dropped : int
        Number of records dropped for a missing dimension (``dropna=True``).
    weight : str or None
        The weight column.
    engine : str
        The engine that counted.
    """

    counts: Any
    labels: tuple
    dims: tuple
    n: int
    dropped: int
    weight: Any
    engine: str

    @property
    def total(self) -> float:
        """Sum of the table (``n`` without weights, the sum of weights with)."""
        return self.counts.sum().item()

    def to_series(self):
        """The non-zero cells as a pandas Series indexed by the dimensions."""
        import numpy as np
        import pandas as pd

        idx = np.nonzero(self.counts)
        index = pd.MultiIndex.from_arrays(
            [np.asarray(lab, dtype=object)[i] for lab, i in zip(self.labels, idx)],
            names=list(self.dims),
        )
        return pd.Series(self.counts[idx], index=index, name="count")

    _repr_fields = ("dims", "n", "dropped", "total", "weight", "engine")

    def __repr__(self) -> str:
        return f"{Result.__repr__(self)[:-1]}, shape={list(self.counts.shape)})"

    def to_frame(self):
        """The non-zero cells, one row each: one column per dimension, then ``count``."""
        return self.to_series().reset_index()

    def to_dict(self) -> dict:
        """``dimensions``, ``labels`` (a list per dimension), ``counts`` (nested lists),
        ``n``, ``total``, ``dropped``, ``weight`` and ``engine``."""
        return jsonable({"dimensions": list(self.dims), "labels": [list(lab) for lab in self.labels],
                         "counts": self.counts, "n": self.n, "total": self.total, "dropped": self.dropped,
                         "weight": self.weight, "engine": self.engine})


# ---------------------------------------------------------------------------
# sources


@dataclass
class _Source:
    kind: str  # "frame", "csv", "parquet" or "excel"
    columns: list
    frame: Any = None
    path: str | None = None
    sep: str | None = None
    nested: tuple = ()  # Parquet list/struct/map columns

    @property
    def name(self) -> str:
        return self.path if self.path is not None else "the DataFrame"

    @property
    def file(self) -> str:
        """The path of a file source (csv, parquet or excel kinds)."""
        if self.path is None:
            raise HelixnetTypeError("the records are a DataFrame, not a file")
        return self.path

    @property
    def delimiter(self) -> str:
        """The field separator of a csv source."""
        if self.sep is None:
            raise HelixnetTypeError(f"{self.name} is not a delimited text file")
        return self.sep


def _file_kind(path: str) -> tuple[str, str]:
    """The kind of a records file by its name, and the field separator of a delimited one ("" otherwise)."""
    low = path.lower()
    for c in _COMPRESSION:
        if low.endswith(c):
            low = low[: -len(c)]
            break
    for ext, sep in _CSV_EXT.items():
        if low.endswith(ext):
            return "csv", sep
    if low.endswith(_PARQUET_EXT) and low == path.lower():
        return "parquet", ""
    if low.endswith(_EXCEL_EXT) and low == path.lower():
        return "excel", ""
    raise InputFileError(
        f"{path}: unknown file format; use .csv, .tsv, .parquet or .xlsx "
        "(CSV/TSV may be compressed: .gz, .bz2, .zst, .xz)"
    )


def _csv_header(path: str, sep: str) -> list[str]:
    """The header of a CSV/TSV file, read with the csv module (cheap, engine-independent)."""
    opener = {".gz": "gzip", ".bz2": "bz2", ".xz": "lzma"}
    low = path.lower()
    try:
        mod = next((m for ext, m in opener.items() if low.endswith(ext)), None)
        if low.endswith(".zst"):
            import zstandard  # pandas needs it for .zst too

            binary = zstandard.ZstdDecompressor().stream_reader(open(path, "rb"), closefd=True)
        elif mod is not None:
            binary = __import__(mod).open(path, "rb")
        else:
            binary = open(path, "rb")
        with binary, io.TextIOWrapper(binary, encoding="utf-8-sig", newline="") as fh:
            for row in csv.reader(fh, delimiter=sep, quotechar='"', doublequote=True, strict=True):
                if row:  # blank lines are skipped, as the readers do
                    break
            else:
                raise InputFileError(f"{path}: empty file (no header line)")
    except InputFileError:
        raise
    except (OSError, UnicodeDecodeError, csv.Error, EOFError, ImportError) as exc:
        raise InputFileError(f"{path}: cannot read the header: {one_line(exc)}") from exc
    names = [c if c != "" else f"unnamed_{i}" for i, c in enumerate(row)]
    dup = sorted({c for c in names if names.count(c) > 1})
    if dup:
        raise InputFileError(f"{path}: duplicate column names in the header: {', '.join(dup)}")
    return names


def open_source(source) -> _Source:
    pd = sys.modules.get("pandas")  # a DataFrame implies pandas is imported: keep start-up light
    if pd is not None and isinstance(source, pd.DataFrame):
        return _Source("frame", list(source.columns), frame=source)
    if not isinstance(source, (str, os.PathLike)):
        raise HelixnetTypeError(
            f"records must be a pandas DataFrame or a file path, not {type(source).__name__}"
        )
    path = os.fspath(source)
    if not os.path.exists(path):
        raise InputFileError(f"{path}: no such file")
    if os.path.isdir(path):
        raise InputFileError(f"{path}: is a directory, not a file")
    kind, sep = _file_kind(path)
    if os.path.getsize(path) == 0:
        raise InputFileError(f"{path}: empty file")
    if kind == "csv":
        return _Source("csv", _csv_header(path, sep), path=path, sep=sep)
    if kind == "parquet":
        try:
            import pyarrow as pa
            import pyarrow.parquet as pq

            schema = pq.read_schema(path)
            names = schema.names
            nested = tuple(f.name for f in schema if pa.types.is_nested(f.type))
        except ImportError as exc:
            raise InputFileError(f"{path}: reading Parquet needs pyarrow (pip install pyarrow)") from exc
        except Exception as exc:  # pyarrow raises ArrowInvalid, OSError and others
            raise InputFileError(f"{path}: not a readable Parquet file: {one_line(exc)}") from exc
        return _Source("parquet", list(names), path=path, nested=nested)
    frame = _read_excel(path)
    return _Source("frame", list(frame.columns), frame=frame, path=path)


def _read_excel(path: str):
    import pandas as pd

    try:
        # the header as written: pandas would rename a repeated "a" to "a.1" silently
        header = pd.read_excel(path, header=None, nrows=1, dtype=object)
        names = ["" if _is_missing(v) else str(v) for v in header.iloc[0]] if len(header) else []
        dup = sorted({c for c in names if c and names.count(c) > 1})
        if dup:
            raise InputFileError(f"{path}: duplicate column names in the header: {', '.join(dup)}")
        return pd.read_excel(path)
    except InputFileError:
        raise
    except ImportError as exc:
        raise InputFileError(f"{path}: reading Excel files needs openpyxl ({one_line(exc)})") from exc
    except Exception as exc:  # the Excel readers raise many unrelated types on bad files
        raise InputFileError(f"{path}: not a readable Excel file: {one_line(exc)}") from exc


def one_line(exc: BaseException) -> str:
    text = str(exc).strip().splitlines()
    return text[0] if text else type(exc).__name__


def _check_columns(src: _Source, dims, weight) -> tuple:
    if isinstance(dims, str):
        dims = [d.strip() for d in dims.split(",")]
    dims = tuple(dims)
    if len(dims) < 2:
        raise InvalidRecordsError(
            f"at least two dimensions are needed, got {len(dims)}: {', '.join(map(str, dims))}"
        )
    dup = sorted({str(d) for d in dims if dims.count(d) > 1})
    if dup:
        raise InvalidRecordsError(f"dimension given twice: {', '.join(dup)}")
    wanted = list(dims) + ([weight] if weight is not None else [])
    missing = [c for c in wanted if c not in src.columns]
    if missing:
        raise InvalidRecordsError(
            f"{src.name}: no column named {', '.join(map(repr, missing))}; "
            f"available columns: {', '.join(map(str, src.columns))}"
        )
    if weight is not None and weight in dims:
        raise InvalidRecordsError(f"column {weight!r} cannot be both a dimension and the weight")
    repeated = [c for c in wanted if src.columns.count(c) > 1]
    if repeated:  # a DataFrame (or Parquet schema) may repeat a name; engines would pick one silently
        raise InvalidRecordsError(
            f"{src.name}: column {repeated[0]!r} appears more than once; rename the duplicates"
        )
    _check_nested(src, dims)
    return dims


def _check_nested(src: _Source, columns) -> None:
    """Refuse list/struct columns as dimensions (Parquet schema; DataFrame values)."""
    nested = [c for c in columns if c in src.nested]
    if nested:
        raise InvalidRecordsError(
            f"{src.name}: column {nested[0]!r} is a list or struct column; a dimension needs one "
            "category (text or a number) per record"
        )
    if src.frame is not None:
        from helixnet._validation import check_scalar_columns

        check_scalar_columns(src.frame, [c for c in columns if c in src.frame.columns], src.name)


# ---------------------------------------------------------------------------
# reading into pandas (pandas engine and the other CLI commands)


def read_data(
    source: PathLike | pd.DataFrame,
    columns: Sequence[str] | None = None,
    text_columns: Sequence[str] | None = None,
) -> pd.DataFrame:
    """Read a table of records from a file (or pass a DataFrame through).

    The `data` of :func:`helixnet.synergy` and the other measures, read by
    the rules of the counting engines. Called ``read_records`` until 0.2 (a
    deprecated alias, removed in 0.3):
    :func:`helixnet.bibliometrics.read_records` reads bibliographic records.

    Parameters
    ----------
    source : str, os.PathLike or pandas.DataFrame
        CSV, TSV, Parquet or Excel file (see the module's reading rules).
    columns : list of str, optional
        Columns to read (all by default); missing ones raise an error that
        lists the available columns.
    text_columns : list of str, optional
        CSV/TSV columns read as text (no type inference; names not in the
        file are ignored); other columns are inferred (numbers become
        numbers). Default: every column as text.

    Returns
    -------
    pandas.DataFrame

    Raises
    ------
    InputFileError
        Missing, empty, ragged or unreadable file.
    InvalidRecordsError
        A requested column is missing.

    Examples
    --------
    >>> import pandas as pd
    >>> read_data(pd.DataFrame({"a": [1], "b": [2]}), columns=["b"]).columns.tolist()
    ['b']
    """
    src = open_source(source)
    if columns is not None:
        missing = [c for c in columns if c not in src.columns]
        if missing:
            raise InvalidRecordsError(
                f"{src.name}: no column named {', '.join(map(repr, missing))}; "
                f"available columns: {', '.join(map(str, src.columns))}"
            )
    return _read_frame(src, columns, text_columns)


def _PANDAS3() -> bool:
    import pandas as pd

    return int(pd.__version__.split(".")[0]) >= 3


def _arrow_options(src: _Source, columns, text, block_size=None):
    import pyarrow as pa
    import pyarrow.csv as pcsv

    read = pcsv.ReadOptions(column_names=list(src.columns), skip_rows=1)
    if block_size is not None:  # a block must hold the largest field
        read.block_size = block_size
    parse = pcsv.ParseOptions(delimiter=src.sep, quote_char='"', double_quote=True, newlines_in_values=True)
    convert = pcsv.ConvertOptions(
        column_types={c: pa.string() for c in text},
        null_values=[""],
        strings_can_be_null=True,
        quoted_strings_can_be_null=True,
        include_columns=None if columns is None else list(columns),
    )
    return read, parse, convert


def _arrow_csv(src: _Source, columns, text, block_size=None):
    """A CSV read by pyarrow with `text` columns kept as written (pandas < 3).

    pandas 2's ``engine="pyarrow"`` infers types before applying ``dtype``
    ("01" would become "1", an empty cell "nan"); pyarrow's own reader takes
    the column types up front, and like pandas 3 it rejects short and long rows.
    """
    import pyarrow.csv as pcsv

    read, parse, convert = _arrow_options(src, columns, text, block_size)
    return pcsv.read_csv(src.path, read_options=read, parse_options=parse, convert_options=convert).to_pandas()


def _check_csv_rows(src: _Source, columns, text):
    """Stream the CSV through pyarrow to reject ragged rows (dask on pandas < 3)."""
    import pyarrow.csv as pcsv

    read, parse, convert = _arrow_options(src, columns, text, _DASK_FIELD_BYTES)
    try:
        for _ in pcsv.open_csv(src.path, read_options=read, parse_options=parse, convert_options=convert):
            pass
    except (ValueError, OSError) as exc:
        if _straddles(exc):  # a field longer than dask's read block: the same message as dask's own read
            raise _dask_field_too_large(src.path) from exc
        raise InputFileError(f"{src.path}: cannot read: {one_line(exc)}") from exc


def _read_frame(src: _Source, columns, text_columns):
    import pandas as pd

    if src.kind == "frame":
        return src.frame if columns is None else src.frame[list(columns)]
    if src.kind == "parquet":
        try:
            return pd.read_parquet(src.file, columns=None if columns is None else list(columns))
        except Exception as exc:  # pyarrow raises ArrowInvalid, OSError and others
            raise InputFileError(f"{src.path}: cannot read: {one_line(exc)}") from exc
    text = list(src.columns) if text_columns is None else [c for c in text_columns if c in src.columns]
    kwargs: dict[str, Any] = dict(
        sep=src.sep,
        header=0,
        keep_default_na=False,
        na_values=[""],
        quotechar='"',
        doublequote=True,
        skip_blank_lines=True,
        encoding="utf-8-sig",
        dtype={c: "str" for c in text},
    )
    renamed = any(c.startswith("unnamed_") for c in src.columns)
    if renamed:  # empty header fields get the names the header check gave them
        kwargs["names"] = src.columns
    elif columns is not None:
        kwargs["usecols"] = list(columns)
    pandas3 = _PANDAS3()
    try:
        import pyarrow  # noqa: F401

        if pandas3:
            kwargs["engine"] = "pyarrow"  # errors on short rows too, and multi-threaded
    except ImportError:  # pragma: no cover
        pandas3 = True  # no pyarrow: pandas' C parser for every version
    try:
        try:
            if not pandas3:
                frame = _arrow_csv(src, columns if not renamed else None, text)
            else:
                frame = pd.read_csv(src.file, **kwargs)
        except ValueError as exc:
            if not _straddles(exc):
                raise
            # a field longer than pyarrow's 1 MiB block: again with blocks of MAX_FIELD_BYTES
            try:
                frame = _arrow_csv(src, columns if not renamed else None, text, block_size=MAX_FIELD_BYTES)
            except ValueError as again:
                if _straddles(again):
                    raise InputFileError(_field_too_large(src.path, MAX_FIELD_BYTES)) from again
                raise
            if pandas3:  # as pandas 3 reads text: its "str" dtype
                frame = frame.astype({c: "str" for c in text if c in frame.columns}).where(frame.notna())
        return frame[list(columns)] if renamed and columns is not None else frame
    except HelixnetError:
        raise
    except (ValueError, OSError, UnicodeDecodeError, EOFError, ImportError) as exc:
        # pandas.errors.ParserError/EmptyDataError and pyarrow.ArrowInvalid are ValueErrors
        raise InputFileError(f"{src.path}: cannot read: {one_line(exc)}") from exc


def _straddles(exc: BaseException) -> bool:
    """pyarrow's error for a CSV field longer than its read block."""
    return "straddl" in str(exc)


def _dask_field_too_large(path) -> InputFileError:
    """The error for a CSV field longer than dask's read block (the other engines read more)."""
    hint = f"; engines 'pandas' and 'duckdb' read fields up to {MAX_FIELD_BYTES // 2**20} MiB"
    return InputFileError(_field_too_large(path, _DASK_FIELD_BYTES, hint))


def _dask_read_error(src, exc) -> InputFileError:
    """The one-line error of dask failing to read `src` (a too-long field named as such)."""
    if _straddles(exc):
        return _dask_field_too_large(src.name)
    return InputFileError(f"{src.name}: cannot read: {one_line(exc)}")


def _field_too_large(path, limit: int, hint: str = "") -> str:
    return (
        f"{path}: a field is longer than {limit // 2**20} MiB ({limit} bytes), the largest "
        f"this engine reads{hint}"
    )


# ---------------------------------------------------------------------------
# the engines: each returns the grouped records as a small DataFrame with key
# columns _k0.._k{d-1} and _n (records), _w (sum of valid weights), _bad (invalid weights)


def _weights_pandas(s):
    """Weights as float64 with invalid entries set to 0, and the invalid mask."""
    from helixnet._validation import parse_weights

    return parse_weights(s)


def _prepare_partition(frame, dims, weight):
    """Key columns and the per-record _n, _w, _bad columns (pandas and each Dask partition)."""
    import numpy as np
    import pandas as pd

    data = {f"_k{i}": frame[d] for i, d in enumerate(dims)}
    data["_n"] = np.ones(len(frame), dtype="int64")
    if weight is None:
        data["_w"] = np.ones(len(frame), dtype="float64")
        data["_bad"] = np.zeros(len(frame), dtype="int64")
    else:
        w, bad = _weights_pandas(frame[weight])
        data["_w"] = w
        data["_bad"] = bad.astype("int64")
    return pd.DataFrame(data, index=frame.index)


def _group_pandas_frame(frame, dims, weight):
    import pandas as pd

    keys = {f"_k{i}": frame[d] for i, d in enumerate(dims)}
    work = pd.DataFrame(keys)
    if weight is None:
        agg = work.groupby(list(keys), dropna=False, observed=True, sort=False).size()
        out = agg.rename("_n").reset_index()
        out["_w"] = out["_n"].astype("float64")
        out["_bad"] = 0
        return out
    w, bad = _weights_pandas(frame[weight])
    work["_n"] = 1
    work["_w"] = w
    work["_bad"] = bad.astype("int64")
    return work.groupby(list(keys), dropna=False, observed=True, sort=False)[["_n", "_w", "_bad"]].sum().reset_index()


def _count_pandas(src: _Source, dims, weight):
    cols = list(dims) + ([weight] if weight is not None else [])
    frame = _read_frame(src, cols, text_columns=list(dims) + ([weight] if weight is not None else []))
    grouped = _group_pandas_frame(frame, dims, weight)

    def example():
        _, bad = _weights_pandas(frame[weight])
        return frame[weight].to_numpy(dtype=object)[bad.nonzero()[0][0]]

    return grouped, example


def _sql_ident(name) -> str:
    return '"' + str(name).replace('"', '""') + '"'


def _sql_str(text: str) -> str:
    return "'" + text.replace("'", "''") + "'"


def _execute_with_progress(con, sql, progress: bool):
    """``con.execute(sql)``; with `progress`, a tqdm bar on stderr fed by DuckDB's query progress.

    The query runs in a worker thread while this one polls
    ``con.query_progress()``; Ctrl-C or SIGTERM interrupts the query.
    """
    if not progress:
        return con.execute(sql)
    import threading

    from tqdm.auto import tqdm

    box = {}

    def work():
        try:
            box["cursor"] = con.execute(sql)
        except BaseException as exc:  # re-raised in the calling thread
            box["error"] = exc

    thread = threading.Thread(target=work, daemon=True)
    with tqdm(total=100, desc="counting records", unit="%", file=sys.stderr, leave=False,
              bar_format="{desc}: {percentage:3.0f}%|{bar}| {elapsed}") as bar:  # fmt: skip
        thread.start()
        try:
            while thread.is_alive():
                thread.join(0.2)
                done = con.query_progress()
                if done is not None and done > bar.n:
                    bar.update(min(done, 100) - bar.n)
        except BaseException:
            con.interrupt()
            thread.join()
            raise
    if "error" in box:
        raise box["error"]
    return box["cursor"]


def _count_duckdb(src: _Source, dims, weight, progress=False):
    try:
        import duckdb
    except ImportError as exc:
        raise HelixnetValueError(
            "engine 'duckdb' needs the duckdb package (pip install duckdb, or helixnet[big])"
        ) from exc
    con = duckdb.connect()
    try:
        # DuckDB draws its own bar on long queries, on stdout; ours (if any) goes to stderr
        con.execute("SET enable_progress_bar = true; SET enable_progress_bar_print = false")
        if src.kind == "frame":
            con.register("_hx_records", src.frame)
            table = "_hx_records"
        elif src.kind == "parquet":
            table = f"read_parquet({_sql_str(src.file)})"
        else:
            columns = ", ".join(f"{_sql_str(c)}: 'VARCHAR'" for c in src.columns)
            table = (
                f"read_csv({_sql_str(src.file)}, auto_detect=false, header=true, "
                f"delim={_sql_str(src.delimiter)}, quote='\"', escape='\"', columns={{{columns}}}, "
                "strict_mode=true, null_padding=false, nullstr='', encoding='utf-8', "
                f"max_line_size={MAX_FIELD_BYTES})"
            )
        keys = ", ".join(f"{_sql_ident(d)} AS _k{i}" for i, d in enumerate(dims))
        knames = ", ".join(f"_k{i}" for i in range(len(dims)))
        valid = None
        if weight is None:
            sql = f"SELECT {keys}, COUNT(*) AS _n FROM {table} GROUP BY ALL"
        else:
            wtype = dict(
                (row[0], row[1]) for row in con.execute(f"DESCRIBE SELECT * FROM {table}").fetchall()
            )[weight]
            w = _sql_ident(weight)
            if wtype == "VARCHAR":
                wd = (
                    f"CASE WHEN regexp_full_match({w}, {_sql_str(_NUMBER)}) "
                    f"THEN TRY_CAST(trim({w}, ' \t') AS DOUBLE) END"
                )
            elif _is_duckdb_numeric(wtype):
                wd = f"CAST({w} AS DOUBLE)"
            else:
                wd = "CAST(NULL AS DOUBLE)"
            # isfinite, not "NOT isnan": DuckDB 2.0 folds isnan() to false from Parquet statistics
            # that do not record NaN, so a NaN weight would pass as valid
            valid = "(_wd IS NOT NULL AND isfinite(_wd) AND _wd >= 0)"
            sql = (
                f"WITH t AS (SELECT {keys}, {wd} AS _wd, {w} AS _wraw FROM {table}) "
                f"SELECT {knames}, COUNT(*) AS _n, "
                f"SUM(CASE WHEN {valid} THEN _wd ELSE 0 END) AS _w, "
                f"COUNT(*) FILTER (WHERE NOT {valid}) AS _bad FROM t GROUP BY ALL"
            )
        cur = _execute_with_progress(con, sql, progress)
        names = [d[0] for d in cur.description]
        rows = cur.fetchall()
    except duckdb.Error as exc:
        con.close()
        if "maximum line size" in str(exc).lower():
            raise InputFileError(_field_too_large(src.name, MAX_FIELD_BYTES)) from exc
        raise InputFileError(f"{src.name}: cannot read: {one_line(exc)}") from exc
    grouped = {n: [r[i] for r in rows] for i, n in enumerate(names)}
    if weight is None:
        grouped["_w"] = [float(x) for x in grouped["_n"]]
        grouped["_bad"] = [0] * len(rows)

    def example():
        try:
            sql = (
                f"WITH t AS (SELECT {wd} AS _wd, {w} AS _wraw FROM {table}) "
                f"SELECT _wraw FROM t WHERE NOT {valid} LIMIT 1"
            )
            rows = con.execute(sql).fetchall()
            return rows[0][0] if rows else math.nan
        finally:
            con.close()

    if weight is None or not sum(grouped["_bad"]):
        con.close()
    return grouped, example


def _is_duckdb_numeric(t: str) -> bool:
    t = t.upper()
    return t.startswith("DECIMAL") or t in {
        "TINYINT", "SMALLINT", "INTEGER", "BIGINT", "HUGEINT", "UTINYINT", "USMALLINT",
        "UINTEGER", "UBIGINT", "UHUGEINT", "FLOAT", "DOUBLE",
    }  # fmt: skip


def _dask_frame(dd, src: _Source, dims, weight):
    cols = list(dims) + ([weight] if weight is not None else [])
    if src.kind == "frame":
        frame = src.frame[cols]
        nparts = max(1, min(os.cpu_count() or 1, len(frame) // 1_000_000))
        ddf = dd.from_pandas(frame, npartitions=nparts, sort=False)
    elif src.kind == "parquet":
        # one partition per row group: memory stays bounded by the row-group size
        ddf = dd.read_parquet(src.path, columns=cols, split_row_groups=True)
    else:
        renamed = any(c.startswith("unnamed_") for c in src.columns)
        # pyarrow parsing only where pandas honours dtype="str" while reading (pandas >= 3);
        # before, pandas' C parser with a pyarrow pass that rejects ragged rows
        engine = {"engine": "pyarrow"} if _PANDAS3() else {}
        if not engine:
            _check_csv_rows(src, None if renamed else cols, [c for c in cols if c in src.columns])
        ddf = dd.read_csv(
            src.path, sep=src.sep, header=0, keep_default_na=False, na_values=[""],
            dtype={c: "str" for c in (src.columns if renamed else cols)},
            encoding="utf-8-sig", blocksize="64MB",
            **engine, **({"names": src.columns} if renamed else {"usecols": cols}),
        )[cols]  # fmt: skip
    return ddf


def _count_dask(src: _Source, dims, weight, scheduler):
    """Count on a Dask cluster; its logs (worker tracebacks, port warnings) silenced: errors are ours."""
    import logging
    import warnings

    logger = logging.getLogger("distributed")
    level = logger.level
    logger.setLevel(logging.CRITICAL)
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # e.g. "Port 8787 is already in use"
            return _count_dask_quietly(src, dims, weight, scheduler)
    finally:
        logger.setLevel(level)


def _count_dask_quietly(src: _Source, dims, weight, scheduler):

    try:
        import dask.dataframe as dd
    except ImportError as exc:
        raise HelixnetValueError(
            "engine 'dask' needs dask[distributed] (pip install 'dask[distributed]', or helixnet[big])"
        ) from exc
    try:
        ddf = _dask_frame(dd, src, dims, weight)
    except HelixnetError:
        raise
    except (ValueError, OSError, UnicodeDecodeError, EOFError) as exc:
        raise _dask_read_error(src, exc) from exc
    keys = [f"_k{i}" for i in range(len(dims))]
    if weight is None:  # no per-record columns: a plain group size
        renamed = ddf[list(dims)].rename(columns=dict(zip(dims, keys)))
        grouped_lazy = renamed.groupby(keys, dropna=False, sort=False).size().rename("_n")
    else:
        prepared = ddf.map_partitions(_prepare_partition, list(dims), weight)
        grouped_lazy = prepared.groupby(keys, dropna=False, sort=False)[["_n", "_w", "_bad"]].sum()

    from helixnet.information import _dask

    with _dask.client(scheduler) as client:
        try:
            grouped = client.compute(grouped_lazy).result().reset_index()
            if weight is None:
                grouped["_w"] = grouped["_n"].astype("float64")
                grouped["_bad"] = 0
            if weight is not None and int(grouped["_bad"].sum()):
                value = client.compute(
                    ddf[weight][prepared["_bad"] > 0].head(1, npartitions=-1, compute=False)
                ).result()
                grouped.attrs["example"] = value.iloc[0]
        except HelixnetError:
            raise
        except (ValueError, OSError, UnicodeDecodeError, EOFError) as exc:
            raise _dask_read_error(src, exc) from exc
    return grouped, lambda: grouped.attrs.get("example")


# ---------------------------------------------------------------------------
# assembling the dense table


def _category_key(v):
    if isinstance(v, (bool,)) or type(v).__name__ == "bool_":
        return (0, int(v), "")
    if isinstance(v, numbers.Real):
        return (0, v, "")
    s = str(v)
    if _NUMBER_RE.fullmatch(s):
        x = float(s)
        if math.isfinite(x):
            return (0, x, s)
    return (1, 0, s)


def _python_scalar(v):
    item = getattr(v, "item", None)
    if item is not None and type(v).__module__ == "numpy":
        return item()
    return v


def _is_missing(v) -> bool:
    """None, NaN, NaT and pandas.NA (whose comparisons are not booleans)."""
    if v is None:
        return True
    try:
        return bool(v != v)
    except (TypeError, ValueError):
        return True


def _columns(grouped) -> dict:
    """The grouped records as {column: list} (engines return a DataFrame or a dict of lists)."""
    if isinstance(grouped, dict):
        return grouped
    return {c: grouped[c].tolist() for c in grouped.columns}


def _assemble(grouped, dims, weight, dropna, engine, example, name) -> CountTable:
    import numpy as np

    grouped = _columns(grouped)
    k = len(dims)
    nrec = np.asarray(grouped["_n"], dtype=np.int64)
    if weight is not None:
        nbad = int(np.asarray(grouped["_bad"], dtype=np.int64).sum())
        if nbad:
            value = example()
            raise InvalidRecordsError(
                f"{name}: weight column {weight!r} must hold finite numbers >= 0; "
                f"{nbad} value{'s' if nbad > 1 else ''} do{'' if nbad > 1 else 'es'} not, "
                f"e.g. {_python_scalar(value)!r}"
            )
    miss = np.zeros(len(nrec), dtype=bool)
    report = []
    for i, d in enumerate(dims):
        m = np.fromiter((_is_missing(v) for v in grouped[f"_k{i}"]), dtype=bool, count=len(nrec))
        if m.any():
            report.append(f"column {d!r} has {int(nrec[m].sum())} missing values (empty or NaN)")
        miss |= m
    dropped = int(nrec[miss].sum())
    if dropped and not dropna:
        raise InvalidRecordsError(
            f"{name}: {'; '.join(report)}; pass dropna=True (--dropna) to drop those records"
        )
    keep = np.flatnonzero(~miss)
    n = int(nrec[keep].sum())
    if n == 0:
        what = "no records" if dropped == 0 else f"no records left after dropping {dropped} with missing values"
        raise InvalidRecordsError(f"{name}: {what}")
    labels, codes = [], []
    for i in range(k):
        column = grouped[f"_k{i}"]
        keys = [_python_scalar(column[j]) for j in keep]
        cats = sorted(set(keys), key=_category_key)
        lookup = {c: j for j, c in enumerate(cats)}
        codes.append(np.fromiter((lookup[v] for v in keys), dtype=np.intp, count=len(keys)))
        if cats and all(isinstance(c, float) for c in cats) and all(c.is_integer() for c in cats):
            cats = [int(c) for c in cats]
        labels.append(tuple(cats))
    shape = tuple(len(c) for c in labels)
    cells = math.prod(shape)
    if cells > MAX_CELLS:
        raise InvalidRecordsError(
            f"{name}: the table of {' x '.join(f'{d} ({s})' for d, s in zip(dims, shape))} "
            f"categories would have {cells} cells, more than {MAX_CELLS}"
        )
    if weight is None:
        counts = np.zeros(shape, dtype=np.int64)
        np.add.at(counts, tuple(codes), nrec[keep])
    else:
        counts = np.zeros(shape, dtype=np.float64)
        np.add.at(counts, tuple(codes), np.asarray(grouped["_w"], dtype=np.float64)[keep])
    return CountTable(counts, tuple(labels), tuple(dims), n, dropped, weight, engine)


#: Deprecated alias of :func:`read_data` (removed in 0.3).
read_records = renamed_function(read_data, "read_records", "helixnet.information")


def count_table(
    source: pd.DataFrame | PathLike,
    dims: str | Sequence[str],
    weight: str | None = None,
    engine: Literal["pandas", "duckdb", "dask"] | None = None,
    scheduler: str | Client | None = None,
    dropna: bool = False,
    progress: bool = False,
) -> CountTable:
    """Count records into the contingency table of `dims`.

    Each record adds 1 (or its weight) to the cell of its categories:

    .. math:: f(x_1, \\ldots, x_k) = \\sum_{r:\\, r_{d_1} = x_1, \\ldots, r_{d_k} = x_k} w_r

    Parameters
    ----------
    source : pandas.DataFrame, str or os.PathLike
        Records, one row per case: a DataFrame, or a CSV, TSV, Parquet or
        Excel file (see the module's reading rules).
    dims : sequence of str, or str
        Two or more column names (a string is split on commas).
    weight : str, optional
        Column of finite non-negative weights; cells are then sums of weights.
    engine : {"pandas", "duckdb", "dask"}, optional
        Default: "pandas" for a DataFrame or an Excel file, "duckdb" for other
        files (falling back to "pandas" if DuckDB is not installed).
    scheduler : str or distributed.Client, optional
        Dask only: the scheduler address or a client; by default a local
        in-process cluster is started for the call.
    dropna : bool, default False
        Drop records with a missing dimension (reported in ``dropped``) instead
        of raising.
    progress : bool, default False
        DuckDB engine: a progress bar (tqdm, on stderr, only when stderr is a
        terminal) while the records are counted. The other engines count
        without one.

    Returns
    -------
    CountTable
        ``counts`` (ndarray, one axis per dimension), ``labels``, ``dims``,
        ``n``, ``dropped``, ``weight``, ``engine``.

    Raises
    ------
    InputFileError
        Missing, empty, ragged or unreadable file; unknown format.
    InvalidRecordsError
        Fewer than two dimensions, a missing column (the message lists the
        available ones), a missing dimension value without `dropna`, a weight
        that is not a finite number >= 0, no records, or a table of more than
        :data:`MAX_CELLS` cells.
    HelixnetValueError
        Unknown engine, or its package is not installed.

    See Also
    --------
    helixnet.synergy : the Triple Helix indicator of the table.

    Notes
    -----
    Every engine returns the grouped records (one row per observed
    combination) and the dense table is assembled in Python, so the category
    order and the validation are shared. DuckDB reads CSV with type inference
    off (every column as text), exactly like the pandas and Dask readers.

    References
    ----------
    .. [1] Leydesdorff, L. (2003). The mutual information of
       university-industry-government relations. Scientometrics 58(2),
       445-467. doi:10.1023/A:1026253130577

    Examples
    --------
    Three firms by sector and region, the last counted twice by its weight:

    >>> import pandas as pd
    >>> records = pd.DataFrame({"sector": ["U", "I", "I"], "region": [2, 10, 2],
    ...                         "w": [1, 1, 2]})
    >>> t = count_table(records, ["sector", "region"])
    >>> t.labels  # natural order: 2 before 10, letters by text
    (('I', 'U'), (2, 10))
    >>> t.counts.tolist()
    [[1, 1], [1, 0]]
    >>> count_table(records, ["sector", "region"], weight="w").counts.tolist()
    [[2.0, 1.0], [1.0, 0.0]]
    """
    src = open_source(source)
    dims = _check_columns(src, dims, weight)
    if engine is None:
        engine = "pandas" if src.kind == "frame" else "duckdb"
        if engine == "duckdb":
            try:
                import duckdb  # noqa: F401
            except ImportError:  # pragma: no cover
                engine = "pandas"
    if engine not in ENGINES:
        raise HelixnetValueError(f"unknown engine {engine!r}; choose one of {', '.join(ENGINES)}")
    if scheduler is not None and engine != "dask":
        raise HelixnetValueError("a scheduler is only used by engine='dask'")
    if engine == "pandas":
        grouped, example = _count_pandas(src, dims, weight)
    elif engine == "duckdb":
        grouped, example = _count_duckdb(src, dims, weight, progress=progress and sys.stderr.isatty())
    else:
        grouped, example = _count_dask(src, dims, weight, scheduler)
    return _assemble(grouped, dims, weight, dropna, engine, example, src.name)
