"""The case-study data bundled with helixnet.

Every dataset is a tidy CSV transcribed from Dnishev, Alzhanova & Alibekova
(2015), *Innovative development of Kazakhstan on the basis of triple helix and
cluster approach*, Economy of Region (Ekonomika regiona) 2015, No. 2, and
described in the Frictionless Data Package ``datapackage.json`` shipped beside
it: title, source (table, figure or section of the paper), the meaning and
unit of every column, and a SHA-256 checksum. ``README.md`` in the same folder
explains the readings taken where the PDF extraction was ambiguous, and the
dataset ``paper_inconsistencies`` lists where the paper contradicts itself
(the data keep the printed values).

Examples
--------
>>> from helixnet import datasets
>>> inventory = datasets.list_datasets()
>>> list(inventory.columns)
['name', 'title', 'source', 'rows']
>>> t4 = datasets.load("table4_rd_personnel")
>>> int(t4.loc[t4["sector"] == "total", "rd_personnel"].iloc[0])
23712
"""

from __future__ import annotations

import csv
import json
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from helixnet.exceptions import UnknownDatasetError

if TYPE_CHECKING:
    import pandas as pd

__all__ = ["list_datasets", "load", "describe", "data_path"]

_PANDAS_TYPES = {
    "integer": "Int64",
    "number": "float64",
    "string": "string",
    "boolean": "boolean",
}


def data_path() -> Path:
    """Folder holding the data files and ``datapackage.json``.

    Inside an installed wheel this is ``helixnet/data``; in a source checkout
    (editable install) it is the repository's top-level ``data/``.

    Returns
    -------
    pathlib.Path

    Raises
    ------
    FileNotFoundError
        If neither location holds a ``datapackage.json`` (a broken install).

    Examples
    --------
    >>> from helixnet.datasets import data_path
    >>> (data_path() / "datapackage.json").is_file()
    True
    """
    here = Path(__file__).resolve().parent
    for candidate in (here / "data", here.parent / "data"):
        if (candidate / "datapackage.json").is_file():
            return candidate
    raise FileNotFoundError(
        "helixnet's data/datapackage.json was not found next to the package "
        f"({here / 'data'}) or in the source tree ({here.parent / 'data'})"
    )


@lru_cache(maxsize=1)
def _package() -> dict:
    with open(data_path() / "datapackage.json", encoding="utf-8") as fh:
        return json.load(fh)


def _resources() -> dict:
    return {r["name"]: r for r in _package()["resources"]}


def describe(name: str) -> dict[str, Any]:
    """The Data Package resource descriptor of dataset `name`.

    Parameters
    ----------
    name : str
        A name from :func:`list_datasets`.

    Returns
    -------
    dict
        A copy of the descriptor: ``title``, ``description`` (with the
        readings taken), ``sources``, ``schema`` (fields with ``type``,
        ``unit`` and ``description``), ``bytes`` and ``hash``
        (``"sha256:<hex>"``).

    Raises
    ------
    helixnet.UnknownDatasetError
        If `name` is not a bundled dataset; the message lists the valid names.

    See Also
    --------
    load, list_datasets

    Examples
    --------
    >>> from helixnet.datasets import describe
    >>> d = describe("table2_research_types")
    >>> d["sources"][0]["title"]
    'Dnishev et al. 2015, Table 2 (source: Statistic Agency of the Republic of Kazakhstan, 2013)'
    >>> [(f["name"], f.get("unit")) for f in d["schema"]["fields"]][:2]
    [('sector', None), ('basic_research', 'fraction')]
    """
    resources = _resources()
    if name not in resources:
        raise UnknownDatasetError(
            f"unknown dataset {name!r}; valid names: {', '.join(sorted(resources))}"
        )
    return json.loads(json.dumps(resources[name]))


def _count_rows(path: Path) -> int:
    with open(path, encoding="utf-8", newline="") as fh:
        return sum(1 for row in csv.reader(fh) if row) - 1


def list_datasets() -> pd.DataFrame:
    """Inventory of the bundled datasets.

    Returns
    -------
    pandas.DataFrame
        One row per dataset with columns ``name``, ``title``, ``source`` (the
        table, figure or section of the paper it was read from) and ``rows``
        (number of data rows, counted as CSV records), sorted by name.

    See Also
    --------
    load, describe

    Examples
    --------
    >>> from helixnet.datasets import list_datasets
    >>> inv = list_datasets()
    >>> int(inv.set_index("name").loc["table2_research_types", "rows"])
    5
    """
    import pandas as pd

    rows = []
    for name, res in sorted(_resources().items()):
        rows.append(
            {
                "name": name,
                "title": res.get("title", ""),
                "source": _source_text(res),
                "rows": _count_rows(data_path() / res["path"]),
            }
        )
    table = pd.DataFrame(rows, columns=["name", "title", "source", "rows"])
    return table.astype({"rows": "int64"})


def _source_text(res: dict) -> str:
    sources = res.get("sources") or []
    return "; ".join(s.get("title", "") for s in sources)


def load(name: str) -> pd.DataFrame:
    """Load bundled dataset `name` as a DataFrame.

    Column types follow the dataset's schema (integers as nullable
    ``Int64``, numbers as ``float64``, strings as ``string``, booleans as
    nullable ``boolean``), so a value the paper does not state is
    ``<NA>``/``NaN``, never a made-up number. Values are exactly as printed in
    the paper (decimal comma read as a point); the schema's ``unit`` says
    whether a share is a fraction or a percent.

    Parameters
    ----------
    name : str
        A name from :func:`list_datasets`.

    Returns
    -------
    pandas.DataFrame
        The columns of the dataset's schema, in order.

    Raises
    ------
    helixnet.UnknownDatasetError
        If `name` is not a bundled dataset; the message lists the valid names.

    See Also
    --------
    describe : title, sources, column units and checksum of a dataset.

    Examples
    --------
    >>> from helixnet.datasets import load
    >>> t2 = load("table2_research_types").set_index("sector")
    >>> float(t2.loc["entrepreneurial", "development"])  # Table 2: 0,36
    0.36
    >>> fig2 = load("fig2_innovation_costs").set_index("cost_item")
    >>> int(fig2["value_percent"].isna().sum())  # items the paper gives no number for
    2
    """
    import pandas as pd

    res = describe(name)
    fields = res.get("schema", {}).get("fields", [])
    dtypes = {f["name"]: _PANDAS_TYPES.get(f.get("type"), "string") for f in fields}
    bool_cols = [c for c, t in dtypes.items() if t == "boolean"]
    read_types = {c: ("string" if t == "boolean" else t) for c, t in dtypes.items()}
    df = pd.read_csv(
        data_path() / res["path"], dtype=read_types, keep_default_na=False, na_values=[""]
    )
    for col in bool_cols:
        df[col] = df[col].str.lower().map({"true": True, "false": False}).astype("boolean")
    return df
