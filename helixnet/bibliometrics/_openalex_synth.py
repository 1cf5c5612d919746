"""Synthetic OpenAlex snapshots in the real layout (private; the sample data and the benchmark).

``write_snapshot(root, n_works, seed)`` writes ``root/works/updated_date=YYYY-MM-DD/part_NNN.gz``
(gzip JSON lines, one work per line) with the fields of an OpenAlex work that
helixnet reads (``id``, ``publication_year``, ``authorships[].institutions[]`` with
``display_name``, ``country_code``, ``type``, and ``raw_affiliation_strings``) and
filler fields of a realistic size (title, DOI, referenced works, concepts), so that
reading costs what it costs on the real files.

The distributions are stylised, chosen to resemble OpenAlex's shape, not fitted to it:

* publication years 1995-2024, the number of works growing by 4 % a year;
* authorships per work 1 + a negative binomial (mean about 5, long tail, at most 100);
* a work's distinct institutions 1 + a geometric count (mean about 1.9), its
  authorships drawing from them: 0 institutions (10 %: only a raw affiliation
  string), 1 (82 %) or 2 (8 %);
* a pool of institutions with types in the shares education 60 %, healthcare 10 %,
  company 10 %, government 8 %, facility 5 %, nonprofit 4 %, other 1 %, archive 1 %
  and untyped (``type`` null) 1 %, and countries with Zipf-like weights;
* a work's first institution is in its home country, each other one with
  probability 0.85, else anywhere (international co-authorship).

The same seed writes byte-identical files (gzip ``mtime=0``).
"""

from __future__ import annotations

import gzip
import json
import random
from pathlib import Path

COUNTRIES = [
    ("US", "United States"), ("CN", "China"), ("GB", "United Kingdom"), ("DE", "Germany"),
    ("JP", "Japan"), ("FR", "France"), ("IN", "India"), ("IT", "Italy"), ("CA", "Canada"),
    ("KR", "South Korea"), ("ES", "Spain"), ("AU", "Australia"), ("BR", "Brazil"), ("NL", "Netherlands"),
    ("RU", "Russia"), ("CH", "Switzerland"), ("SE", "Sweden"), ("PL", "Poland"), ("TR", "Turkey"),
    ("BE", "Belgium"), ("DK", "Denmark"), ("NO", "Norway"), ("FI", "Finland"), ("KZ", "Kazakhstan"),
    ("KG", "Kyrgyzstan"), ("UZ", "Uzbekistan"),
]  # fmt: skip
TYPES = [("education", 60), ("healthcare", 10), ("company", 10), ("government", 8), ("facility", 5),
         ("nonprofit", 4), ("other", 1), ("archive", 1), (None, 1)]  # fmt: skip
_NAMES = {
    "education": ["{c} State University", "University of {c} {i}", "{c} Polytechnic Institute {i}"],
    "healthcare": ["{c} General Hospital {i}", "{c} Clinic {i}"],
    "company": ["{c} Pharma Ltd {i}", "{c} Energy Corp {i}", "{c} Technologies Inc {i}"],
    "government": ["Ministry of Science of {c} {i}", "{c} National Laboratory {i}"],
    "facility": ["{c} Observatory {i}", "{c} Synchrotron Facility {i}"],
    "nonprofit": ["{c} Science Foundation {i}"],
    "other": ["{c} Research Centre {i}"],
    "archive": ["{c} National Library {i}"],
    None: ["Natl Ctr Biotechnol {i}, {c}", "Inst Phys {i}, {c}", "Kazatomprom {i}, {c}", "Alpha Ltd {i}, {c}"],
}
# raw affiliation strings (authorships without institutions), as written in papers
_RAW = [
    "Dept Chem, {c} Univ {i}, Capital City, {n}",
    "Lab Mat Sci, Natl Acad Sci {i}, Capital City, {n}",
    "R&D Div, Omega Co Ltd {i}, Port Town, {n}",
    "Minist Hlth {i}, Capital City, {n}",
    "Central Hosp {i}, Capital City, {n}",
    "Independent researcher {i}",
]


def _pool(rng, n_institutions):
    weights = [1 / (r + 1) ** 0.9 for r in range(len(COUNTRIES))]
    pool = []
    types = [t for t, _ in TYPES]
    tw = [w for _, w in TYPES]
    for i in range(n_institutions):
        cc, name = rng.choices(COUNTRIES, weights)[0]
        t = rng.choices(types, tw)[0]
        display = rng.choice(_NAMES[t]).format(c=name, i=i)
        pool.append({"id": f"https://openalex.org/I{1000 + i}", "display_name": display,
                     "ror": f"https://ror.org/0{i:07d}", "country_code": cc, "type": t,
                     "lineage": [f"https://openalex.org/I{1000 + i}"]})  # fmt: skip
    by_country = {}
    for inst in pool:
        by_country.setdefault(inst["country_code"], []).append(inst)
    return pool, by_country, weights


def _n_authors(rng):
    # 1 + negative binomial(r=2, p=0.3): mean 1 + 2*0.7/0.3 = 5.7, long right tail
    k = 0
    successes = 0
    while successes < 2:
        if rng.random() < 0.3:
            successes += 1
        else:
            k += 1
    return min(100, 1 + k)


def _work(rng, wid, year, pool, by_country, weights, filler=True):
    cc, cname = rng.choices(COUNTRIES, weights)[0]
    home = by_country.get(cc) or pool
    n_authors = _n_authors(rng)
    # the work's distinct institutions: 1 + Poisson-like(0.9), the first at home, the
    # others at home with probability 0.85 (international co-authorship otherwise)
    m = 1
    while m < n_authors and rng.random() < 0.47:
        m += 1
    team = [rng.choice(home)] + [rng.choice(home) if rng.random() < 0.85 else rng.choice(pool) for _ in range(m - 1)]
    authorships = []
    for a in range(n_authors):
        r = rng.random()
        n_inst = 0 if r < 0.10 else 1 if r < 0.92 else 2
        insts = team[:1] if a == 0 and n_inst else rng.sample(team, min(n_inst, len(team)))
        raw = [inst["display_name"] for inst in insts]
        if not insts:
            raw = [rng.choice(_RAW).format(c=cname, n=cname, i=rng.randrange(50))]
        authorships.append({
            "author_position": "first" if a == 0 else "middle",
            "author": {"id": f"https://openalex.org/A{rng.randrange(10**9)}", "display_name": f"Author {a}",
                       "orcid": None},
            "institutions": insts,
            "countries": sorted({i["country_code"] for i in insts}),
            "is_corresponding": a == 0,
            "raw_author_name": f"Author {a}",
            "raw_affiliation_strings": raw,
        })  # fmt: skip
    if not filler:
        return {"id": f"https://openalex.org/W{wid}", "publication_year": year,
                "authorships": [{"institutions": a["institutions"],
                                 "raw_affiliation_strings": a["raw_affiliation_strings"]} for a in authorships]}
    return {
        "id": f"https://openalex.org/W{wid}",
        "doi": f"https://doi.org/10.5555/{wid}",
        "title": f"Synthetic work {wid} on a stylised topic of science and technology",
        "display_name": f"Synthetic work {wid} on a stylised topic of science and technology",
        "publication_year": year,
        "publication_date": f"{year}-06-01",
        "type": "article",
        "authorships": authorships,
        "cited_by_count": rng.randrange(200),
        "concepts": [{"id": f"https://openalex.org/C{rng.randrange(10**6)}", "display_name": "Concept",
                      "level": 1, "score": 0.5} for _ in range(5)],
        "referenced_works": [f"https://openalex.org/W{rng.randrange(10**9)}" for _ in range(rng.randrange(40))],
        "updated_date": "2024-01-01T00:00:00",
    }  # fmt: skip


def write_snapshot(root, n_works: int, seed: int = 0, n_parts: int | None = None,
                   n_institutions: int | None = None, filler: bool = True, first_year: int = 1995) -> list:
    """Write a synthetic snapshot of `n_works` works under `root`; return the files.

    ``filler=False`` writes only the fields helixnet reads (a small sample).
    """
    rng = random.Random(seed)
    n_institutions = n_institutions or max(50, min(20_000, n_works // 20))
    pool, by_country, weights = _pool(rng, n_institutions)
    years = list(range(first_year, 2025))
    yw = [1.04 ** (y - first_year) for y in years]
    n_parts = n_parts or max(1, n_works // 250_000)
    dates = [f"2024-{1 + p % 12:02d}-{1 + p // 12 % 28:02d}" for p in range(n_parts)]
    files = []
    per = -(-n_works // n_parts)
    wid = 1
    for p in range(n_parts):
        folder = Path(root) / "works" / f"updated_date={dates[p]}"
        folder.mkdir(parents=True, exist_ok=True)
        path = folder / f"part_{p:03d}.gz"
        with open(path, "wb") as raw, gzip.GzipFile(fileobj=raw, mode="wb", mtime=0, compresslevel=6) as fh:
            lines = []
            for _ in range(min(per, n_works - p * per)):
                work = _work(rng, wid, rng.choices(years, yw)[0], pool, by_country, weights, filler)
                lines.append(json.dumps(work, separators=(",", ":")))
                wid += 1
                if len(lines) >= 5000:
                    fh.write(("\n".join(lines) + "\n").encode())
                    lines = []
            if lines:
                fh.write(("\n".join(lines) + "\n").encode())
        files.append(str(path))
    return files
