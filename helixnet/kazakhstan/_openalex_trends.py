"""The OpenAlex trends example on the bundled sample snapshot (private; ``analyses/openalex_trends.py``).

A client of the public API only: :func:`helixnet.openalex` on
:data:`helixnet.bibliometrics.SAMPLE_SNAPSHOT` (synthetic works), the trends table and
:func:`helixnet.plot.trends`.
"""

from __future__ import annotations

COUNTRIES = ["US", "CN", "GB", "DE"]
N_BOOT = 200


def openalex_trends():
    """T_UIG per country and year of the sample snapshot, with the figure for four countries."""
    import numpy as np

    import helixnet as hx
    from helixnet.bibliometrics._openalex import SAMPLE_SNAPSHOT
    from helixnet.kazakhstan._analyses import SEED, AnalysisResult

    res = hx.openalex(SAMPLE_SNAPSHOT, n_resamples=N_BOOT, seed=SEED)
    table = res.table
    shown = table[table["country"].isin(COUNTRIES)].reset_index(drop=True)
    axes = res.plot(COUNTRIES, ncols=2)
    fig = axes[0].figure
    per_country = {}
    for c in COUNTRIES:
        part = shown[shown["country"] == c]
        per_country[c] = {
            "works": int(part["n_records"].sum()),
            "years": int(len(part)),
            "median_T_bit": float(np.median(part["T"])),
            "years_with_synergy": int((part["ci_high"] < 0).sum()),
        }
    summary = {
        "n_works": res.n_works,
        "n_untyped": res.n_untyped,
        "countries": int(table["country"].nunique()),
        "rows": int(len(table)),
        "n_boot": N_BOOT,
        "seed": SEED,
        "by_country": per_country,
    }
    lines = [
        f"Sample snapshot (synthetic works, not real data): {res.n_works:,} works, "
        f"{res.n_untyped:,} of them with an address classified by the address rules; "
        f"{summary['countries']} countries and {summary['rows']} country-year rows in one pass."
    ]
    for c, s in per_country.items():
        lines.append(
            f"{c}: {s['works']:,} works over {s['years']} years, median T_UIG {s['median_T_bit']:+.4f} bit; "
            f"the 95% interval lies below zero (synergy) in {s['years_with_synergy']} of them."
        )
    return AnalysisResult(
        "openalex_trends", "OpenAlex sample snapshot: T_UIG by country and year (synthetic data)", fig,
        {"": shown, "all": table}, summary, " ".join(lines),
    )
