"""Triple Helix indicators for every country and year from OpenAlex works.

OpenAlex links each authorship of a work to institutions that carry a ROR
organisation type and a country. This module turns a set of works into one
table with a row per country and publication year: the works counted in each
exclusive Venn cell of their sector set, the Triple Helix indicator T_UIG with
a bootstrap interval, and the four-dimensional mutual redundancy R_UIGF with
international co-authorship as the fourth dimension.

The works come from one of two places:

* the **API** (:func:`fetch_works`): cursor paging over ``/works`` with
  filters, ``select=`` of the three fields needed, the polite pool, retries
  with backoff on 429 and 5xx that honour ``Retry-After``, and an on-disk
  page cache so that an interrupted run resumes where it stopped;
* the **snapshot** (``works/updated_date=*/part_*.gz``, gzip JSON lines),
  read by DuckDB in one pass, or by DuckDB on every partition scheduled on a
  Dask cluster.

Sectors of a work
-----------------
A work's sector set is the union over its institutions, as in
:mod:`helixnet.bibliometrics` (the per-record path, which gives the same
numbers on the same works):

* an institution with a ROR ``type`` is mapped by
  :func:`helixnet.bibliometrics.load_ror_types` (``helixnet/bibliometrics/rules/ror_types.csv``:
  education → U, company → I, government → G, facility and funder → G,
  healthcare, nonprofit, archive and other → O; an unknown type counts as
  ``other``), which `ror_types` overrides;
* an institution without a type is classified by the address rules
  (:func:`helixnet.bibliometrics.load_rules`) on its display name, and an
  authorship without institutions by the same rules on each raw affiliation
  string (whose last part gives the country). Works with any such address
  are counted in ``n_untyped``.

The eight type values are OpenAlex's institution types, derived from ROR
(OpenAlex developer documentation, "Institution types",
https://developers.openalex.org/api-reference/institution-types: archive,
company, education, facility, government, healthcare, nonprofit, other).
The mapping of education/company/government to U/I/G is the one of the
co-authorship Triple Helix studies (Leydesdorff 2003; Park, Hong &
Leydesdorff 2005); facility, funder and healthcare are judgement calls,
documented with reasons in the CSV.

References
----------
Leydesdorff, L. (2003). The mutual information of university-industry-
government relations: An indicator of the Triple Helix dynamics.
Scientometrics 58(2), 445-467. doi:10.1023/A:1026253130577

Leydesdorff, L. & Sun, Y. (2009). National and international dimensions of
the Triple Helix in Japan: University-industry-government versus
international coauthorship relations. JASIST 60(4), 778-788.
doi:10.1002/asi.20997

Leydesdorff, L. & Ivanova, I. A. (2014). Mutual redundancies in interhuman
communication systems: Steps toward a calculus of processing meaning.
JASIST 65(2), 386-399. doi:10.1002/asi.22973

Priem, J., Piwowar, H. & Orr, R. (2022). OpenAlex: A fully-open index of
scholarly works, authors, venues, institutions, and concepts.
arXiv:2205.01833
"""

from __future__ import annotations

import gzip
import hashlib
import json
import os
import time
import zlib
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from itertools import combinations
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal, cast

from helixnet._deprecation import renamed_parameters
from helixnet._jsonable import jsonable
from helixnet._resampling import DEFAULT_SEED
from helixnet._result import Result
from helixnet.exceptions import HelixnetValueError, InputFileError

if TYPE_CHECKING:
    import pandas as pd
    from distributed import Client

    from helixnet._typing import PathLike, Seed, Unit

#: One OpenAlex id or ISO code, or several.
Ids = str | Sequence[str]
#: A publication year or an inclusive range (an open end is None).
Years = int | tuple[int | None, int | None]

__all__ = [
    "openalex",
    "OpenAlexResult",
    "fetch_works",
    "snapshot_files",
    "count_works",
    "trends_table",
    "ror_sector_map",
    "TABLE_COLUMNS",
    "CELLS",
    "SAMPLE_SNAPSHOT",
]

#: The 15 Venn cells of U, I, G and F (F: addresses in two or more countries), then none.
CELLS = ["".join(c) for r in range(1, 5) for c in combinations("UIGF", r)] + ["none"]
#: Columns of the trends table, whatever the options.
TABLE_COLUMNS = (
    ["country", "year", "n_records"] + CELLS
    + ["n_untyped", "T", "ci_low", "ci_high", "R_UIGF", "R_ci_low", "R_ci_high"]
)  # fmt: skip
ENGINES = ("duckdb", "dask", "records")
#: A small synthetic snapshot in the real layout (``works/updated_date=*/part_*.gz``) shipped
#: with helixnet; made by ``helixnet/sample_data/make_openalex_snapshot.py``.
SAMPLE_SNAPSHOT = str(Path(__file__).resolve().parents[1] / "sample_data" / "openalex_snapshot")
API_URL = "https://api.openalex.org"
#: The work fields the computation needs (the ``select=`` of the API).
SELECT = ("id", "publication_year", "authorships")

# the columns DuckDB reads from each work: only what the sectors need
_DUCKDB_COLUMNS = {
    "id": "VARCHAR",
    "publication_year": "BIGINT",
    "authorships": (
        "STRUCT(institutions STRUCT(display_name VARCHAR, country_code VARCHAR, type VARCHAR)[], "
        "raw_affiliation_strings VARCHAR[])[]"
    ),
}
# counts of one engine: one row per (country, year, U, I, G, F, untyped)
_COUNT_COLUMNS = ["country", "year", "U", "I", "G", "F", "untyped", "n_countries", "n"]


# ----------------------------------------------------------------------------------------
# sector map and classification of untyped addresses


def ror_sector_map(ror_types: PathLike | pd.DataFrame | Mapping[str, str] | None = None) -> dict[str, str]:
    """The ROR type → sector map: the bundled CSV, or `ror_types` instead.

    Parameters
    ----------
    ror_types : str, path, pandas.DataFrame or mapping, optional
        A CSV or DataFrame with columns ``ror_type`` and ``sector`` (U, I, G
        or O), or a ``{type: sector}`` mapping. Default:
        :func:`helixnet.bibliometrics.load_ror_types`.

    Returns
    -------
    dict
        ``{ror_type: sector}``; a type not in it is read as ``other``.

    Raises
    ------
    helixnet.HelixnetValueError
        A sector other than U, I, G or O, or a CSV without the two columns.

    Examples
    --------
    >>> m = ror_sector_map()
    >>> m["education"], m["company"], m["government"], m["healthcare"]
    ('U', 'I', 'G', 'O')
    >>> ror_sector_map({"education": "U", "facility": "O"})["facility"]
    'O'
    """
    import pandas as pd

    from helixnet.bibliometrics._pipeline import load_ror_types

    if ror_types is None:
        ror_types = load_ror_types()
    if isinstance(ror_types, (str, os.PathLike)):
        try:
            ror_types = pd.read_csv(ror_types, dtype=str, keep_default_na=False)
        except (OSError, ValueError) as exc:
            raise InputFileError(f"{ror_types}: cannot read the ROR type map ({exc})") from None
    if isinstance(ror_types, pd.DataFrame):
        missing = {"ror_type", "sector"} - set(ror_types.columns)
        if missing:
            raise HelixnetValueError(
                f"the ROR type map needs columns ror_type and sector; missing {', '.join(sorted(missing))}"
            )
        ror_types = dict(zip(ror_types["ror_type"], ror_types["sector"]))
    out = {str(k): str(v).strip() for k, v in dict(ror_types).items()}
    for k, v in out.items():
        if v not in ("U", "I", "G", "O"):
            raise HelixnetValueError(f"ROR type {k!r} maps to sector {v!r}; expected U, I, G or O")
    return out


class _Untyped:
    """Sector and country of an address without a ROR type, by the address rules.

    The same decisions as :func:`helixnet.bibliometrics.classify` on records
    read by :func:`helixnet.bibliometrics.read_records`: an untyped
    institution's display name is the organisation (its ``country_code``
    first, else the country its text names); a raw affiliation string is cut
    into organisation and country. Results are cached (the cache is emptied
    when it grows past `max_cache` entries).
    """

    def __init__(self, rules=None, max_cache: int = 200_000):
        # the per-record path's own helpers, so that both paths decide alike
        from helixnet.bibliometrics import _pipeline as bib

        self._split = bib.split_address
        self._decide = bib.address_classifier(rules)
        self._cache = {}
        self._max = max_cache

    def code(self, raw: bool, text, country_code) -> str:
        """``"*" + sector (or "_") + country (or "")``: the item code of the SQL."""
        key = (raw, text, country_code)
        hit = self._cache.get(key)
        if hit is not None:
            return hit
        text = text or ""
        org, found = self._split(text)
        if raw:
            country = found
        else:
            org, country = text, (country_code or found)
        sector = self._decide(org, text, country)[0]
        value = "*" + (sector or "_") + (country or "")
        if len(self._cache) >= self._max:
            self._cache.clear()
        self._cache[key] = value
        return value


# ----------------------------------------------------------------------------------------
# snapshot files


def snapshot_files(snapshot: PathLike | Sequence[PathLike]) -> list[str]:
    """The works partitions of an OpenAlex snapshot folder, sorted.

    `snapshot` is the snapshot root (holding ``data/works`` or ``works``),
    the ``works`` folder itself, or a list of files. Files are
    ``updated_date=*/part_*.gz`` (gzip JSON lines, one work per line); plain
    ``*.jsonl`` / ``*.json`` files are accepted too (e.g. an API cache).

    Raises
    ------
    helixnet.InputFileError
        A missing folder, or one without works files.
    """
    if not isinstance(snapshot, (str, os.PathLike)):  # a list of files
        files = [Path(p) for p in snapshot]
        for p in files:
            if not p.is_file():
                raise InputFileError(f"{p}: no such file")
        if not files:
            raise InputFileError("no works files given")
        return [str(p) for p in files]
    root = Path(snapshot)
    if root.is_file():
        return [str(root)]
    if not root.is_dir():
        raise InputFileError(f"{root}: no such snapshot folder")
    for works in (root / "data" / "works", root / "works", root):
        files = sorted(works.glob("updated_date=*/part_*.gz"))
        if files:
            return [str(p) for p in files]
    files = sorted([*root.glob("*.jsonl"), *root.glob("*.jsonl.gz")])
    if files:
        return [str(p) for p in files]
    raise InputFileError(
        f"{root}: no works files (expected works/updated_date=*/part_*.gz as in the OpenAlex snapshot, "
        "or *.jsonl files)"
    )


# ----------------------------------------------------------------------------------------
# counting engines: works -> counts per (country, year, U, I, G, F, untyped)


def _sql_str(text: str) -> str:
    return "'" + str(text).replace("'", "''") + "'"


def _duckdb_query(files, sector_map) -> str:
    cases = " ".join(f"WHEN {_sql_str(k)} THEN {_sql_str(v)}" for k, v in sorted(sector_map.items()))
    other = _sql_str(sector_map.get("other", "O"))
    sector = f"(CASE i.type {cases} ELSE {other} END)" if cases else other
    # one item code per address: "-" typed / "*" untyped, the sector letter ("_": none), the country
    typed = f"'-' || {sector} || coalesce(i.country_code, '')"
    inst = f"CASE WHEN i.type IS NULL THEN hx_untyped(false, i.display_name, i.country_code) ELSE {typed} END"
    per_authorship = (
        "CASE WHEN len(coalesce(a.institutions, [])) > 0 "
        f"THEN list_transform(list_filter(a.institutions, lambda i: i IS NOT NULL), lambda i: {inst}) "
        "ELSE list_transform(coalesce(a.raw_affiliation_strings, []), "
        "lambda r: hx_untyped(true, r, NULL)) END"
    )
    columns = "{" + ", ".join(f"{_sql_str(k)}: {_sql_str(v)}" for k, v in _DUCKDB_COLUMNS.items()) + "}"
    file_list = "[" + ", ".join(_sql_str(f) for f in files) + "]"
    return f"""
    WITH works AS (
        SELECT publication_year AS year,
               flatten(list_transform(coalesce(authorships, []), lambda a: {per_authorship})) AS items
        FROM read_json({file_list}, format='newline_delimited', columns={columns},
                       maximum_object_size=134217728)
    ), flags AS (
        SELECT year,
               list_contains(list_transform(items, lambda x: substr(x, 2, 1)), 'U') AS U,
               list_contains(list_transform(items, lambda x: substr(x, 2, 1)), 'I') AS I,
               list_contains(list_transform(items, lambda x: substr(x, 2, 1)), 'G') AS G,
               list_contains(list_transform(items, lambda x: substr(x, 1, 1)), '*') AS untyped,
               list_sort(list_distinct(list_filter(list_transform(items, lambda x: substr(x, 3)),
                                                   lambda c: c <> ''))) AS countries
        FROM works
    )
    SELECT country, year, U, I, G, len(countries) >= 2 AS F, untyped, len(countries) AS n_countries,
           count(*) AS n
    FROM (SELECT *, unnest(CASE WHEN len(countries) = 0 THEN [NULL::VARCHAR] ELSE countries END) AS country
          FROM flags)
    GROUP BY ALL
    """


def _register_untyped(con, untyped: _Untyped) -> None:
    import pyarrow as pa
    from duckdb.sqltypes import BOOLEAN, VARCHAR

    def hx_untyped(raw, text, country_code):
        out = [untyped.code(r, t, c) for r, t, c in zip(raw.to_pylist(), text.to_pylist(),
                                                          country_code.to_pylist())]
        return pa.array(out, type=pa.string())

    con.create_function("hx_untyped", hx_untyped, [BOOLEAN, VARCHAR, VARCHAR], VARCHAR,
                        type="arrow", null_handling="special", side_effects=False)


def _duckdb(threads=None):
    try:
        import duckdb
    except ImportError as exc:
        raise HelixnetValueError("the snapshot engines need duckdb (pip install duckdb, or helixnet[big])") from exc
    version = tuple(int(x) for x in duckdb.__version__.split(".")[:2])
    if version < (1, 3):
        raise HelixnetValueError(f"the OpenAlex engines need duckdb >= 1.3 (lambda syntax); found {duckdb.__version__}")
    con = duckdb.connect(config={"preserve_insertion_order": False})
    con.execute("SET enable_progress_bar = false")  # it would print to stdout
    if threads:
        con.execute(f"SET threads = {int(threads)}")
    return con


def _count_duckdb(files, sector_map, rules=None, threads=None):
    """Counts of `files` by DuckDB (one query over all of them)."""
    import pandas as pd

    con = _duckdb(threads)
    try:
        _register_untyped(con, _Untyped(rules))
        try:
            frame = con.execute(_duckdb_query(files, sector_map)).df()
        except Exception as exc:  # duckdb.Error subclasses: IO, conversion, invalid input
            name = type(exc).__name__
            if not any(s in name for s in ("IOException", "InvalidInput", "Conversion", "Error")):
                raise
            raise InputFileError(f"cannot read the works files: {' '.join(str(exc).split())}") from exc
    finally:
        con.close()
    return _normalise_counts(frame if len(frame) else pd.DataFrame(columns=_COUNT_COLUMNS))


def _normalise_counts(frame):
    """Counts with fixed dtypes, summed over duplicates of the key, sorted."""
    import pandas as pd

    frame = frame[_COUNT_COLUMNS].copy()
    frame["country"] = frame["country"].astype("string")
    frame["year"] = pd.array(frame["year"], dtype="Int64")
    for c in ("U", "I", "G", "F", "untyped"):
        frame[c] = frame[c].astype(bool)
    frame["n_countries"] = frame["n_countries"].astype("int64")
    frame["n"] = frame["n"].astype("int64")
    keys = _COUNT_COLUMNS[:-1]
    frame = frame.groupby(keys, dropna=False, sort=False, as_index=False)["n"].sum()
    return frame.sort_values(keys, na_position="last", kind="stable").reset_index(drop=True)


def _count_partition(file, sector_map, rules):
    return _count_duckdb([file], sector_map, rules, threads=1)


def _count_dask(files, sector_map, rules, scheduler):
    import pandas as pd

    from helixnet.information import _dask

    with _dask.client(scheduler) as client:
        # one task per partition file; every worker must see the files
        futures = client.map(_count_partition, files, sector_map=sector_map, rules=rules, pure=False)
        parts = client.gather(futures)
    return _normalise_counts(pd.concat(parts, ignore_index=True) if parts else pd.DataFrame(columns=_COUNT_COLUMNS))


def _count_records(files, sector_map, rules):
    """Counts through :mod:`helixnet.bibliometrics` (the per-record path; no DuckDB needed)."""
    import tempfile

    import pandas as pd

    from helixnet.bibliometrics import _pipeline as bib

    with tempfile.TemporaryDirectory(prefix="helixnet-openalex-") as tmp:
        plain, source = [], {}  # source: decompressed temporary file -> the part it came from
        for i, f in enumerate(files):
            if str(f).endswith(".gz"):
                target = Path(tmp) / f"part_{i:06d}.jsonl"
                try:
                    with gzip.open(f, "rb") as src, open(target, "wb") as dst:
                        while chunk := src.read(1 << 20):
                            dst.write(chunk)
                except (OSError, EOFError, zlib.error) as exc:
                    raise InputFileError(f"{f}: cannot decompress the works file ({exc})") from None
                plain.append(target)
                source[str(target)] = str(f)
            else:
                plain.append(Path(f))
        plain = [p for p in plain if p.stat().st_size and p.read_bytes().strip()]
        if not plain:
            return pd.DataFrame(columns=_COUNT_COLUMNS).pipe(_normalise_counts)
        ror = pd.DataFrame({"ror_type": list(sector_map), "sector": list(sector_map.values())})
        try:
            records = bib.classify(bib.read_records(plain, format="openalex"), rules=rules, ror_types=ror)
        except InputFileError as exc:
            raise InputFileError(_source_message(str(exc), source)) from None
    return counts_from_records(records)


def _source_message(message: str, source: dict) -> str:
    """`message` of the per-record reader naming the source parts instead of their decompressed
    temporary copies, without its hint on skipping bad records (openalex has no such option)."""
    import re

    for tmp, part in sorted(source.items(), key=lambda kv: -len(kv[0])):
        message = message.replace(tmp, part)
    return re.sub(r"\s*\([^()]*skip[-_]bad[-_]records[^()]*\)", "", message)


def counts_from_records(records):
    """Counts per (country, year, U, I, G, F, untyped) of classified :class:`~helixnet.bibliometrics.Records`."""

    from helixnet.bibliometrics import _pipeline as bib

    ds = bib.document_sectors(records)
    a = records.addresses
    untyped = set(a.loc[a["ror_type"].isna(), "doc_id"])
    clist = ds["countries"].str.split(";").apply(lambda cs: [c for c in cs if c])
    ds = ds.assign(untyped=ds["doc_id"].isin(untyped), n_countries=clist.apply(len), country=ds["countries"].str.split(";"))
    ds = ds.explode("country")
    ds["country"] = ds["country"].replace("", None)
    ds["n"] = 1
    return _normalise_counts(ds[_COUNT_COLUMNS])


def count_works(
    works: PathLike | Sequence[PathLike],
    *,
    engine: Literal["duckdb", "dask", "records"] = "duckdb",
    scheduler: str | Client | None = None,
    ror_types: PathLike | pd.DataFrame | Mapping[str, str] | None = None,
    rules: pd.DataFrame | None = None,
) -> pd.DataFrame:
    """Count works per (country, year, U, I, G, F, untyped).

    Parameters
    ----------
    works : str, path or list
        A snapshot folder or works files (see :func:`snapshot_files`).
    engine : {"duckdb", "dask", "records"}
        ``"duckdb"``: one query over all files; ``"dask"``: the same query on
        every file, scheduled on a Dask cluster; ``"records"``:
        :func:`helixnet.bibliometrics.read_records` and ``classify`` (pure
        pandas, in memory; the reference the other two agree with).
    scheduler : str or distributed.Client, optional
        Dask only: the scheduler address; default a local cluster.
    ror_types, rules
        Overrides of the ROR type map (:func:`ror_sector_map`) and of the
        address rules (:func:`helixnet.bibliometrics.load_rules`).

    Returns
    -------
    pandas.DataFrame
        Columns ``country`` (ISO code; ``<NA>`` for works without any),
        ``year``, booleans ``U``, ``I``, ``G``, ``F`` (addresses in two or
        more countries), ``untyped`` (an address classified by the address
        rules), ``n_countries`` (countries of the work) and ``n`` (works). A
        work with addresses in k countries is counted once in each of them.
    """
    if engine not in ENGINES:
        raise HelixnetValueError(f"unknown engine {engine!r}; choose one of {', '.join(ENGINES)}")
    if scheduler is not None and engine != "dask":
        raise HelixnetValueError("a scheduler is only used by engine='dask'")
    files = snapshot_files(works)
    sector_map = ror_sector_map(ror_types)
    if engine == "duckdb":
        return _count_duckdb(files, sector_map, rules)
    if engine == "dask":
        return _count_dask(files, sector_map, rules, scheduler)
    return _count_records(files, sector_map, rules)


# ----------------------------------------------------------------------------------------
# counts -> trends table


def _cell(u, i, g, f) -> str:
    return "".join(d for d, v in zip("UIGF", (u, i, g, f)) if v) or "none"


@renamed_parameters(n_boot="n_resamples")
def trends_table(
    counts: pd.DataFrame, n_resamples: int = 200, seed: Seed = DEFAULT_SEED, ci: float = 0.95, unit: Unit = "bit"
) -> pd.DataFrame:
    """T_UIG and R_UIGF per country and year from :func:`count_works` counts.

    For each country c and year y, the works with an address in c published
    in y fall into the 16 exclusive cells of U, I, G and F (F: an address in
    another country too). From the 2×2×2 table of U, I, G (F merged),

    .. math:: T_{UIG} = H_U + H_I + H_G - H_{UI} - H_{UG} - H_{IG} + H_{UIG}

    (bits; negative = synergy), and from the 2×2×2×2 table with F the mutual
    redundancy

    .. math:: R_{UIGF} = (-1)^{N+1} \\, T_{UIGF} = -T_{UIGF} \\quad (N = 4)

    whose sign is read like T_UIG's: R < 0 means synergy (Leydesdorff &
    Ivanova 2014). Intervals are bootstrap intervals
    (:func:`helixnet.bootstrap`, its default method) of each row's own table, with the same seed
    for every row, so a row's interval equals
    ``hx.bootstrap(table, n_resamples=n_resamples, seed=seed)``'s.

    Parameters
    ----------
    counts : pandas.DataFrame
        As returned by :func:`count_works` (``n_countries`` is not used here).
    n_resamples : int
        Bootstrap replicates (0: no intervals; the interval columns are NaN;
        ``n_boot`` until 0.2: a deprecated alias, removed in 0.3).
    seed : int
        Seed of every row's bootstrap (default 0: identical reruns).
    ci : float
        Level of the intervals.
    unit : {"bit", "mbit", "nat"}

    Returns
    -------
    pandas.DataFrame
        :data:`TABLE_COLUMNS`: ``country``, ``year``, ``n_records`` (works),
        the 15 cells ``U`` ... ``UIGF`` and ``none``, ``n_untyped``, ``T``,
        ``ci_low``, ``ci_high``, ``R_UIGF``, ``R_ci_low``, ``R_ci_high``;
        sorted by country then year (missing values last).

    Examples
    --------
    Ten works of one country and year; the two with a firm are also the two
    international ones:

    >>> import pandas as pd
    >>> counts = pd.DataFrame({"country": ["KZ"] * 3, "year": [2020] * 3,
    ...     "U": [True, True, False], "I": [False, True, False], "G": [False, False, True],
    ...     "F": [False, True, False], "untyped": [False, False, True], "n_countries": [1, 2, 1],
    ...     "n": [6, 2, 2]})
    >>> row = trends_table(counts, n_resamples=0).iloc[0]
    >>> int(row["n_records"]), int(row["U"]), int(row["UIF"]), int(row["G"]), int(row["n_untyped"])
    (10, 6, 2, 2, 2)
    """
    import numpy as np
    import pandas as pd

    from helixnet._warntally import WarningTally
    from helixnet.information._measures import venn_table
    from helixnet.information._uncertainty import bootstrap_tables

    counts = _normalise_counts(counts)
    rows = []
    tables = []  # per row: its 2x2x2 table of U, I, G, then its 2x2x2x2 table with F
    for group, part in counts.groupby(["country", "year"], dropna=False, sort=False):
        country, year = cast("tuple[Any, Any]", group)
        row = {"country": None if pd.isna(country) else country, "year": None if pd.isna(year) else int(year)}
        cells = dict.fromkeys(CELLS, 0)
        for u, i, g, f, n in zip(part["U"], part["I"], part["G"], part["F"], part["n"]):
            cells[_cell(u, i, g, f)] += int(n)
        row["n_records"] = sum(cells.values())
        row.update(cells)
        row["n_untyped"] = int(part.loc[part["untyped"], "n"].sum())
        three: dict[str, int] = {}
        for c, v in cells.items():
            key = c.replace("F", "") or "none"
            three[key] = three.get(key, 0) + v
        tables.append(venn_table({k: v for k, v in three.items() if k != "none"}, none=three["none"], dims="UIG"))
        tables.append(venn_table({k: v for k, v in cells.items() if k != "none"}, none=cells["none"], dims="UIGF"))
        rows.append(row)
    # every row's bootstrap, as hx.bootstrap(table, n_resamples, seed) gives it, in one batched pass
    boots = bootstrap_tables(tables, n_resamples, seed=seed, ci=ci, unit=unit)
    tally = WarningTally()
    for row, t3, t4 in zip(rows, boots[0::2], boots[1::2]):
        row["T"] = t3.estimate
        row["R_UIGF"] = 0.0 - t4.estimate
        if n_resamples:
            with tally.row():  # one summary warning for the table, not one per country-year
                t3.warn()
                t4.warn()
            row["ci_low"], row["ci_high"] = t3.ci_low, t3.ci_high
            row["R_ci_low"], row["R_ci_high"] = 0.0 - t4.ci_high, 0.0 - t4.ci_low
        else:
            row["ci_low"] = row["ci_high"] = row["R_ci_low"] = row["R_ci_high"] = np.nan
    tally.report("country-year tables")
    out = pd.DataFrame(rows, columns=TABLE_COLUMNS)
    out["country"] = out["country"].astype("string")
    out["year"] = pd.array(out["year"], dtype="Int64")
    for c in ["n_records", *CELLS, "n_untyped"]:
        out[c] = out[c].astype("int64")
    for c in ("T", "ci_low", "ci_high", "R_UIGF", "R_ci_low", "R_ci_high"):
        out[c] = out[c].astype("float64")
    out = out.sort_values(["country", "year"], na_position="last", kind="stable")
    return out.reset_index(drop=True)


# ----------------------------------------------------------------------------------------
# the result


@dataclass(repr=False)
class OpenAlexResult(Result):
    """T_UIG and R_UIGF per country and year, with what produced them.

    Attributes
    ----------
    table : pandas.DataFrame
        :data:`TABLE_COLUMNS`, one row per country and year (see
        :func:`trends_table`).
    n_works : int
        Distinct works in the table (a work in several countries is one
        work). With a snapshot and `country`/`years`, the works of the kept
        rows (a work with addresses in two of several kept countries is
        counted in each); ``settings["n_works_read"]`` is then every work read.
    n_untyped : int
        Works among them with an address classified by the address rules
        (``settings["n_untyped_read"]``: among every work read).
    source : str
        ``"snapshot"`` or ``"api"``.
    settings : dict
        Engine, n_boot, seed, ci, unit, country, years, files and (API) query.
    """

    table: pd.DataFrame
    n_works: int
    n_untyped: int
    source: str
    settings: dict = field(default_factory=dict)

    def __repr__(self):
        countries = self.table["country"].dropna().nunique()
        return (f"OpenAlexResult(source={self.source!r}, n_works={self.n_works}, countries={countries}, "
                f"rows={len(self.table)})")

    def to_frame(self):
        """The trends table (a copy)."""
        return self.table.copy()

    def to_dict(self) -> dict:
        """JSON-safe: ``source``, ``n_works``, ``n_untyped``, ``settings`` and ``rows``."""
        return jsonable({"source": self.source, "n_works": int(self.n_works), "n_untyped": int(self.n_untyped),
                         "settings": self.settings, "rows": self.table})

    def write(self, path) -> Path:
        """Write the table as CSV, Parquet or JSON (by the extension), atomically.

        ``.csv``: the table; ``.parquet``: the table with its dtypes
        (needs pyarrow); ``.json``: :meth:`to_dict`.
        """
        from helixnet._files import replace_atomically

        path = Path(path)
        ext = path.suffix.lower()
        if ext not in (".csv", ".parquet", ".json"):
            raise HelixnetValueError(f"{path}: write .csv, .parquet or .json, not {ext or 'no extension'!r}")

        def write(tmp):
            if ext == ".csv":
                self.table.to_csv(tmp, index=False, lineterminator="\n")
            elif ext == ".parquet":
                self.table.to_parquet(tmp, index=False)
            else:
                with open(tmp, "w", encoding="utf-8") as fh:
                    json.dump(self.to_dict(), fh, indent=2, allow_nan=False)
                    fh.write("\n")

        replace_atomically(path, write, suffix=ext)  # the umask's mode, or the replaced file's
        return path

    def plot(self, countries=None, **kwargs):
        """Small multiples of T over time (see :func:`helixnet.plot.trends`)."""
        from helixnet.plot._openalex import trends

        return trends(self.table, countries=countries, **kwargs)


# ----------------------------------------------------------------------------------------
# API mode


def _api_filter(country=None, institution=None, years=None, concept=None, topic=None, extra=None) -> str:
    parts = []
    if country:
        codes = [country] if isinstance(country, str) else list(country)
        parts.append("authorships.institutions.country_code:" + "|".join(c.upper() for c in codes))
    if institution:
        ids = [institution] if isinstance(institution, str) else list(institution)
        parts.append("authorships.institutions.id:" + "|".join(ids))
    if years is not None:
        if isinstance(years, int):
            parts.append(f"publication_year:{years}")
        else:
            lo, hi = years
            if lo is not None and hi is not None and lo > hi:
                raise HelixnetValueError(f"year range {lo}-{hi} is empty")
            if lo is not None and hi is not None:
                parts.append(f"publication_year:{lo}-{hi}")
            elif lo is not None:
                parts.append(f"publication_year:>{lo - 1}")
            elif hi is not None:
                parts.append(f"publication_year:<{hi + 1}")
    if concept:
        ids = [concept] if isinstance(concept, str) else list(concept)
        parts.append("concepts.id:" + "|".join(ids))
    if topic:
        ids = [topic] if isinstance(topic, str) else list(topic)
        parts.append("topics.id:" + "|".join(ids))
    if extra:
        parts.append(extra)
    return ",".join(parts)


def _retry_after(value, default: float) -> float:
    """Seconds to wait from a ``Retry-After`` header (seconds or an HTTP date)."""
    if not value:
        return default
    try:
        return max(0.0, float(value))
    except ValueError:
        pass
    from email.utils import parsedate_to_datetime

    try:
        when = parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return default
    return max(0.0, when.timestamp() - time.time())


class _BadBody(Exception):
    """A response body that is not a whole /works page (retried)."""


class _Client:
    """GET with retries: 429 and 5xx (waiting ``Retry-After`` when given, else
    exponential backoff), dropped connections, timeouts and truncated bodies."""

    def __init__(self, retries=8, backoff=1.0, max_wait=300.0, timeout=60.0, sleep=time.sleep, user_agent=None):
        self.retries, self.backoff, self.max_wait = retries, backoff, max_wait
        self.timeout, self.sleep = timeout, sleep
        self.user_agent = user_agent
        self.attempts = 0

    def get_json(self, url: str) -> dict:
        import http.client
        import urllib.error
        import urllib.request

        # a URL that cannot be sent is a usage error, not a network fault: no retries
        try:
            req = urllib.request.Request(url, headers={"User-Agent": self.user_agent, "Accept": "application/json"})
        except ValueError as exc:
            raise HelixnetValueError(f"cannot ask the OpenAlex API at {_redact(url)}: {exc}") from None
        if req.type not in ("http", "https"):
            raise HelixnetValueError(f"cannot ask the OpenAlex API at {_redact(url)}: not an http(s) URL")
        last = None
        for attempt in range(self.retries + 1):
            wait = min(self.max_wait, self.backoff * 2**attempt)
            self.attempts += 1
            try:
                with urllib.request.urlopen(req, timeout=self.timeout) as resp:
                    body = resp.read()
                try:
                    data = json.loads(body.decode("utf-8"))
                except ValueError as exc:  # a truncated body: ask again
                    raise _BadBody(f"{type(exc).__name__}: {exc}") from None
                if not isinstance(data, dict) or not isinstance(data.get("results"), list) or "meta" not in data:
                    raise _BadBody("the response has no 'meta' and 'results'")
                return data
            except urllib.error.HTTPError as exc:
                last = f"HTTP {exc.code}"
                if exc.code != 429 and not 500 <= exc.code < 600:
                    detail = exc.read()[:200].decode("utf-8", "replace")
                    raise HelixnetValueError(
                        f"the OpenAlex API refused the request (HTTP {exc.code}): {' '.join(detail.split())}; "
                        f"URL {_redact(url)}"
                    ) from None
                wait = min(self.max_wait, _retry_after(exc.headers.get("Retry-After"), wait))
            except (urllib.error.URLError, http.client.HTTPException, ConnectionError, TimeoutError,
                    _BadBody) as exc:
                last = f"{type(exc).__name__}: {exc}"
            if attempt < self.retries:
                self.sleep(wait)
        raise HelixnetValueError(
            f"the OpenAlex API did not answer after {self.retries + 1} attempts (last: {last}); "
            f"URL {_redact(url)}; run again to resume from the page cache"
        )


def _redact(url: str) -> str:
    import re

    return re.sub(r"(api_key=)[^&]+", r"\1***", url)


def _query_key(params: dict) -> str:
    return hashlib.sha256(json.dumps(params, sort_keys=True).encode()).hexdigest()[:16]


def _write_atomic(path: Path, data: bytes) -> None:
    """`data` to `path` through :func:`helixnet._files.replace_atomically`, synced to disk first
    (a page is recorded in the state file only once it is safely written)."""
    from helixnet._files import replace_atomically

    def write(tmp):
        with open(tmp, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())

    replace_atomically(path, write, suffix=path.suffix)


def _cut_view(folder: Path, page: dict, keep: int) -> Path:
    """A file holding the first `keep` works of a cached page (the page itself is left whole)."""
    view = folder / f"{Path(page['file']).stem}.first_{keep}.jsonl"
    with open(folder / page["file"], encoding="utf-8") as fh:
        lines = [line for line in fh if line.strip()][:keep]
    _write_atomic(view, "".join(lines).encode("utf-8"))  # rewritten: a refetched page may differ
    return view


def _check_base_url(base_url) -> str:
    """`base_url` if it is an http(s) URL with a host, else :class:`HelixnetValueError`."""
    from urllib.parse import urlsplit

    parts = urlsplit(str(base_url)) if isinstance(base_url, str) else None
    if parts is None or parts.scheme.lower() not in ("http", "https") or not parts.netloc:
        raise HelixnetValueError(f"base_url {base_url!r} is not an http:// or https:// URL with a host")
    return base_url


def fetch_works(
    cache_dir: PathLike,
    *,
    country: Ids | None = None,
    institution: Ids | None = None,
    years: Years | None = None,
    concept: Ids | None = None,
    topic: Ids | None = None,
    filter: str | None = None,
    mailto: str | None = None,
    api_key: str | None = None,
    max_works: int | None = None,
    per_page: int = 200,
    base_url: str = API_URL,
    retries: int = 8,
    backoff: float = 1.0,
    max_wait: float = 300.0,
    timeout: float = 60.0,
    sleep: Callable[[float], object] = time.sleep,
    progress: bool = False,
) -> dict[str, Any]:
    """Download works from the OpenAlex API into a resumable page cache.

    Pages are requested with cursor paging (``cursor=*``, then each
    response's ``meta.next_cursor`` until it is null or the results are
    empty) and ``select=id,publication_year,authorships``. Each page is
    written to ``cache_dir/<query>/page_NNNNNN.jsonl`` (one work per line)
    before the state file records it, so a run that stops (an error, Ctrl-C,
    a closed laptop) resumes at the first page not yet recorded; a work
    already met on an earlier page (cursor paging over changing data can
    repeat one) is dropped, so no work is counted twice.

    Parameters
    ----------
    cache_dir : str or path
        Folder of the page cache (created); one subfolder per query.
    country : str or list of str, optional
        ISO codes: works with an institution there
        (``authorships.institutions.country_code``; several: any of them).
    institution : str or list, optional
        OpenAlex institution ids (``authorships.institutions.id``).
    years : int or (int or None, int or None), optional
        Publication year or inclusive range (``publication_year``).
    concept, topic : str or list, optional
        OpenAlex concept (``concepts.id``) or topic (``topics.id``) ids.
    filter : str, optional
        More filters in the API's own syntax, appended with a comma.
    mailto : str, optional
        E-mail for OpenAlex's polite pool (sent as ``mailto=`` and in the
        User-Agent).
    api_key : str, optional
        An OpenAlex API key (``api_key=``), for accounts that have one.
    max_works : int, optional
        Stop once this many works are cached (the last page is cut). A
        cache holding more works (an earlier, larger run) gives the same
        first `max_works` works a fresh run would.
    per_page : int
        1 to 200.
    base_url : str
        The API root, an http:// or https:// URL (a local server in tests).
    retries, backoff, max_wait, timeout
        Up to `retries` retries of a failed request, waiting
        ``Retry-After`` seconds when the server says so (429, 503), else
        ``backoff * 2**attempt``, never more than `max_wait`.
    sleep : callable
        Called with the seconds to wait (tests pass a recorder).
    progress : bool
        A progress bar with works/s on stderr (only on a terminal).

    Returns
    -------
    dict
        ``files`` (the page files in order), ``n_works``,
        ``duplicates_dropped``, ``complete`` (the last page was reached),
        ``count`` (``meta.count`` of the first page), ``query`` and
        ``requests`` (HTTP requests made by this call).

    Raises
    ------
    helixnet.HelixnetValueError
        A `base_url` that is not an http(s) URL (raised before any request,
        never retried), a request refused (4xx other than 429) or still
        failing after the retries; the cache keeps every page fetched so far.
    """
    from urllib.parse import urlencode

    if not (isinstance(per_page, int) and 1 <= per_page <= 200):
        raise HelixnetValueError(f"per_page must be 1 to 200, got {per_page!r}")
    if max_works is not None and (not isinstance(max_works, int) or max_works < 1):
        raise HelixnetValueError(f"max_works must be a positive integer, got {max_works!r}")
    _check_base_url(base_url)
    flt = _api_filter(country, institution, years, concept, topic, filter)
    query: dict[str, Any] = {"endpoint": base_url.rstrip("/") + "/works", "filter": flt, "select": ",".join(SELECT),
             "per_page": per_page}
    folder = Path(cache_dir) / _query_key(query)
    folder.mkdir(parents=True, exist_ok=True)
    state_path = folder / "state.json"
    if state_path.exists():
        state = json.loads(state_path.read_text(encoding="utf-8"))
    else:
        state = {"query": query, "pages": [], "n_works": 0, "duplicates_dropped": 0, "complete": False,
                 "count": None}
    seen = set()
    for page in state["pages"]:
        with open(folder / page["file"], encoding="utf-8") as fh:
            seen.update(json.loads(line)["id"] for line in fh if line.strip())
    # a last page cut by max_works is fetched again when more works are wanted
    if state["pages"] and state["pages"][-1].get("cut") and (max_works is None or max_works > state["n_works"]):
        last = state["pages"].pop()
        with open(folder / last["file"], encoding="utf-8") as fh:
            seen.difference_update(json.loads(line)["id"] for line in fh if line.strip())
        state["n_works"] -= last["n"]
        state["complete"] = False
        state["next_cursor"] = last["cursor"]
    from helixnet._version import __version__

    ua = f"helixnet/{__version__}" + (f" (mailto:{mailto})" if mailto else "")
    client = _Client(retries, backoff, max_wait, timeout, sleep, ua)
    bar = None
    try:
        while not state["complete"] and (max_works is None or state["n_works"] < max_works):
            cursor = state.get("next_cursor", "*")
            params = {"filter": flt, "select": query["select"], "per-page": per_page, "cursor": cursor}
            if not flt:
                del params["filter"]
            if mailto:
                params["mailto"] = mailto
            if api_key:
                params["api_key"] = api_key
            data = client.get_json(query["endpoint"] + "?" + urlencode(params))
            if state["count"] is None:
                state["count"] = data["meta"].get("count")
            if bar is None:
                from helixnet._progress import progress_bar

                total = state["count"] if max_works is None else min(max_works, state["count"] or max_works)
                bar = progress_bar(None, total, progress, "helixnet openalex")  # None: no bar
                if bar is not None:
                    bar.update(state["n_works"])
            fresh = []
            for work in data["results"]:
                wid = work.get("id") if isinstance(work, dict) else None
                if wid is None:
                    raise HelixnetValueError(f"the OpenAlex API returned a work without an id (cursor {cursor})")
                if wid in seen:
                    state["duplicates_dropped"] += 1
                    continue
                seen.add(wid)
                fresh.append(work)
            cut = max_works is not None and state["n_works"] + len(fresh) > max_works
            if cut:
                for w in fresh[max_works - state["n_works"]:]:
                    seen.discard(w["id"])
                fresh = fresh[: max_works - state["n_works"]]
            name = f"page_{len(state['pages']) + 1:06d}.jsonl"
            _write_atomic(folder / name, "".join(json.dumps(w, ensure_ascii=False) + "\n" for w in fresh).encode())
            nxt = data["meta"].get("next_cursor")
            state["pages"].append({"file": name, "cursor": cursor, "n": len(fresh), "cut": cut})
            state["n_works"] += len(fresh)
            state["next_cursor"] = nxt
            state["complete"] = (not nxt or not data["results"]) and not cut
            _write_atomic(state_path, json.dumps(state, indent=1).encode())
            if bar is not None:
                bar.update(len(fresh))
    finally:
        if bar is not None:
            bar.close()
    # the works up to max_works, as a fresh run gives them: the pages before it, the last one cut
    # (the cache may hold more works, fetched by an earlier run with a larger max_works)
    files, n_works = [], 0
    for page in state["pages"]:
        if max_works is not None and n_works >= max_works:
            break
        if not page["n"]:
            continue
        if max_works is not None and n_works + page["n"] > max_works:
            files.append(str(_cut_view(folder, page, max_works - n_works)))
            n_works = max_works
        else:
            files.append(str(folder / page["file"]))
            n_works += page["n"]
    return {
        "files": files,
        "n_works": n_works,
        "duplicates_dropped": state["duplicates_dropped"],
        "complete": state["complete"] and n_works == state["n_works"],
        "count": state["count"],
        "query": query,
        "requests": client.attempts,
    }


# ----------------------------------------------------------------------------------------
# the entry point


@renamed_parameters(n_boot="n_resamples")
def openalex(
    snapshot: PathLike | Sequence[PathLike] | None = None,
    *,
    cache_dir: PathLike | None = None,
    country: Ids | None = None,
    institution: Ids | None = None,
    years: Years | None = None,
    concept: Ids | None = None,
    topic: Ids | None = None,
    filter: str | None = None,
    mailto: str | None = None,
    api_key: str | None = None,
    max_works: int | None = None,
    base_url: str = API_URL,
    engine: Literal["duckdb", "dask", "records"] | None = None,
    scheduler: str | Client | None = None,
    ror_types: PathLike | pd.DataFrame | Mapping[str, str] | None = None,
    rules: pd.DataFrame | None = None,
    n_resamples: int = 200,
    seed: Seed = DEFAULT_SEED,
    ci: float = 0.95,
    unit: Unit = "bit",
    progress: bool = False,
    sleep: Callable[[float], object] = time.sleep,
    retries: int = 8,
) -> OpenAlexResult:
    """T_UIG and R_UIGF per country and year from OpenAlex, by snapshot or API.

    With `snapshot`, the works partitions of an OpenAlex snapshot are read
    (:func:`snapshot_files`); without it, the works matching the filters
    are fetched from the API into `cache_dir` (:func:`fetch_works`). Either
    way every country and year is computed in one pass over the works
    (:func:`count_works`, :func:`trends_table`).

    Parameters
    ----------
    snapshot : str, path or list, optional
        Snapshot folder or works files.
    cache_dir : str or path, optional
        API mode: the page cache (default ``./openalex-cache``).
    country, institution, years, concept, topic, filter, mailto, api_key, max_works, base_url, retries, sleep
        API mode: see :func:`fetch_works`. With a snapshot, `years` and
        `country` keep only those rows of the table.
    engine : {"duckdb", "dask", "records"}, optional
        Default ``"duckdb"`` when DuckDB is installed, else ``"records"``.
    scheduler : str or distributed.Client, optional
        Dask scheduler address (engine ``"dask"``).
    ror_types, rules
        Overrides of the ROR type → sector map and of the address rules.
    n_resamples, seed, ci, unit
        Bootstrap intervals of every row (see :func:`trends_table`;
        ``n_boot`` is a deprecated alias of `n_resamples` until 0.3).
    progress : bool
        Progress bar on stderr (API mode; only on a terminal).

    Returns
    -------
    OpenAlexResult

    Raises
    ------
    helixnet.InputFileError
        Unreadable works files.
    helixnet.HelixnetValueError
        Bad options, or an API that keeps failing (the cache keeps what was
        fetched; run again to resume).

    See Also
    --------
    helixnet.bibliometrics.synergy_table : the per-record path on exported files.

    Examples
    --------
    >>> import helixnet as hx
    >>> from helixnet.bibliometrics._openalex import SAMPLE_SNAPSHOT, CELLS
    >>> res = hx.openalex(SAMPLE_SNAPSHOT, engine="records", n_resamples=0)
    >>> t = res.table
    >>> bool((t["n_records"] == t[CELLS].sum(axis=1)).all())
    True
    """
    if engine is None:
        from importlib.util import find_spec

        engine = "duckdb" if find_spec("duckdb") is not None else "records"
    if engine not in ENGINES:
        raise HelixnetValueError(f"unknown engine {engine!r}; choose one of {', '.join(ENGINES)}")
    country, years = _check_country(country), _check_years(years)
    settings = {"engine": engine, "n_boot": n_resamples, "seed": seed, "ci": ci, "unit": unit,
                "country": country, "years": list(years) if isinstance(years, tuple) else years}
    if snapshot is not None:
        files = snapshot_files(snapshot)
        source = "snapshot"
    else:
        fetched = fetch_works(cache_dir or "openalex-cache", country=country, institution=institution,
                              years=years, concept=concept, topic=topic, filter=filter, mailto=mailto,
                              api_key=api_key, max_works=max_works, base_url=base_url, sleep=sleep,
                              retries=retries, progress=progress)
        files = fetched["files"]
        source = "api"
        settings.update(query=fetched["query"], complete=fetched["complete"],
                        duplicates_dropped=fetched["duplicates_dropped"], api_count=fetched["count"])
        if not files:
            raise HelixnetValueError("the OpenAlex API returned no works for this query")
    counts = count_works(files, engine=engine, scheduler=scheduler, ror_types=ror_types, rules=rules)
    n_works, n_untyped = _distinct(counts)
    if snapshot is not None and (country is not None or years is not None):
        # keep the rows asked for before their intervals are drawn (each row's table is its own)
        settings.update(n_works_read=n_works, n_untyped_read=n_untyped)
        counts = _select_rows(_normalise_counts(counts), country, years)
        if country is None:
            n_works, n_untyped = _distinct(counts)  # a work has one year: whole works are kept
        else:  # a kept row holds the works with an address in its country, once each
            n_works, n_untyped = int(counts["n"].sum()), int(counts.loc[counts["untyped"], "n"].sum())
    table = trends_table(counts, n_resamples=n_resamples, seed=seed, ci=ci, unit=unit)
    settings["files"] = len(files)
    return OpenAlexResult(table, n_works, n_untyped, source, settings)


def _distinct(counts) -> tuple:
    """(works, untyped works) of `counts`: a work with k >= 1 countries has a row in
    each of them, so the rows of k-country works add up to k times their number."""
    def total(rows):
        per_k = rows.groupby(rows["n_countries"].clip(lower=1))["n"].sum()
        return int(sum(int(n) // int(k) for k, n in per_k.items()))

    return total(counts), total(counts[counts["untyped"]])


def _check_country(country):
    """`country` (ISO 3166-1 alpha-2 codes) upper-cased, or :class:`HelixnetValueError`."""
    import re

    if country is None:
        return None
    codes = [country] if isinstance(country, str) else list(country)
    for c in codes:
        if not (isinstance(c, str) and re.fullmatch(r"[A-Za-z]{2}", c)):
            raise HelixnetValueError(f"country {c!r} is not an ISO 3166-1 alpha-2 code (two letters, e.g. KZ)")
    codes = [c.upper() for c in codes]
    return codes[0] if isinstance(country, str) else codes


def _check_years(years):
    """`years` (a year or an inclusive (lo, hi) range, either end None) checked: 4-digit years, lo <= hi."""
    def year(y):
        if y is None:
            return None
        if isinstance(y, bool) or not isinstance(y, int) or not 1000 <= y <= 9999:
            raise HelixnetValueError(f"year {y!r} is not a 4-digit year")
        return int(y)

    if years is None:
        return None
    if isinstance(years, (tuple, list)):
        if len(years) != 2:
            raise HelixnetValueError(f"years {years!r}: give a year or a (first, last) pair")
        lo, hi = year(years[0]), year(years[1])
        if lo is None and hi is None:
            return None  # no bound on either side
        if lo is not None and hi is not None and lo > hi:
            raise HelixnetValueError(f"year range {lo}-{hi} is empty: the first year is after the last")
        return (lo, hi)
    return year(years)


def _select_rows(table, country, years):
    import pandas as pd

    keep = pd.Series(True, index=table.index)
    if country is not None:
        codes = {country.upper()} if isinstance(country, str) else {c.upper() for c in country}
        keep &= table["country"].isin(codes)
    if years is not None:
        lo, hi = (years, years) if isinstance(years, int) else years
        y = table["year"]
        if lo is not None:
            keep &= y.notna() & (y >= lo)
        if hi is not None:
            keep &= y.notna() & (y <= hi)
    return table[keep.fillna(False).astype(bool)].reset_index(drop=True)
