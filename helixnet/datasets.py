"""The case-study data bundled with helixnet.

Every dataset is a tidy CSV transcribed from Dnishev, Alzhanova & Alibekova
(2015), *Innovative development of Kazakhstan on the basis of triple helix and
cluster approach*, Economy of Region 2015(2), doi:10.17059/2015-2-13, and
described in the Frictionless Data Package ``datapackage.json`` shipped beside
it: title, source (table, figure, page or sentence of the paper), the meaning
and unit of every column, and a SHA-256 checksum.

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

import json
from functools import lru_cache
from pathlib import Path

from helixnet.exceptions import UnknownDatasetError

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


def describe(name: str) -> dict:
    """The Data Package resource descriptor of dataset `name` (a copy).

    It holds the title, description, source, schema (fields with type,
    unit and description) and checksum.
    """
    resources = _resources()
    if name not in resources:
        raise UnknownDatasetError(
            f"unknown dataset {name!r}; valid names: {', '.join(sorted(resources))}"
        )
    return json.loads(json.dumps(resources[name]))


def list_datasets():
    """Inventory of the bundled datasets.

    Returns
    -------
    pandas.DataFrame
        One row per dataset with columns ``name``, ``title``, ``source`` (the
        table, figure or section of the paper it was read from) and ``rows``
        (number of data rows), sorted by name.
    """
    import pandas as pd

    rows = []
    for name, res in sorted(_resources().items()):
        with open(data_path() / res["path"], encoding="utf-8") as fh:
            n = sum(1 for line in fh if line.strip()) - 1
        rows.append(
            {"name": name, "title": res.get("title", ""), "source": _source_text(res), "rows": n}
        )
    return pd.DataFrame(rows, columns=["name", "title", "source", "rows"])


def _source_text(res: dict) -> str:
    sources = res.get("sources") or []
    return "; ".join(s.get("title", "") for s in sources)


def load(name: str):
    """Load bundled dataset `name` as a DataFrame.

    Column types follow the dataset's schema (integers as nullable
    ``Int64``, numbers as ``float64``, strings as ``string``), so a value the
    paper does not state is ``<NA>``/``NaN``, never a made-up number.

    Parameters
    ----------
    name : str
        A name from :func:`list_datasets`.

    Returns
    -------
    pandas.DataFrame

    Raises
    ------
    helixnet.UnknownDatasetError
        If `name` is not a bundled dataset; the message lists the valid names.
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
