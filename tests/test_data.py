"""Checks of the transcribed paper data that the paper itself allows.

Source of every expected value: Dnishev, Alzhanova & Alibekova (2015), the
tables, figures and sentences named in each test. The checks are arithmetic
identities the printed numbers must satisfy (rows of counts add up to the Total
row, shares equal count / Total to the printed rounding, fractions add up to 1)
and agreements between a table and the sentence that quotes it. Where the paper
fails a check, the failure must be listed in the ``paper_inconsistencies``
dataset: the tests recompute the failures and require the list to match them
exactly, so an inconsistency can be neither hidden nor invented.
"""

from pathlib import Path

import numpy as np
import pandas as pd
import pytest
from scipy.optimize import linprog

from helixnet.datasets import load

SECTORS = ["public", "higher_education", "entrepreneurial", "non_commercial"]
HALF_UNIT = 0.005  # half a unit of the second decimal: the printed precision of Tables 2-4
T3_SOURCES = ["own_funds", "republican_budget", "local_budgets", "foreign_investment"]


@pytest.fixture(scope="module")
def issues():
    return load("paper_inconsistencies")


def listed(issues, kind, resource):
    sel = issues[(issues["kind"] == kind) & (issues["resource"] == resource)]
    return sel


def max_mixture_deviation(table, columns):
    """Smallest achievable max |sum_s w_s x_s - total| over weights w on the simplex (LP)."""
    x = table.loc[SECTORS, columns].to_numpy(dtype=float).T  # columns x sectors
    total = table.loc["total", columns].to_numpy(dtype=float)
    m, n = x.shape
    cost = np.r_[np.zeros(n), 1.0]
    a_ub = np.vstack([np.c_[x, -np.ones(m)], np.c_[-x, -np.ones(m)]])
    b_ub = np.r_[total, -total]
    res = linprog(cost, A_ub=a_ub, b_ub=b_ub, A_eq=[np.r_[np.ones(n), 0.0]], b_eq=[1.0],
                  bounds=[(0, None)] * (n + 1))
    assert res.success
    return res.x[-1]


# --- Table 4 (R&D personnel, 2013) -------------------------------------------------------

def test_table4_sector_rows_add_up_to_total_row():
    """Table 4: the four sector rows of every count column sum to the printed Total row."""
    t4 = load("table4_rd_personnel").set_index("sector")
    cols = ["companies", "rd_personnel", "researchers", "technicians", "other"]
    assert (t4.loc[SECTORS, cols].sum() == t4.loc["total", cols]).all()


def test_table4_researchers_technicians_other_add_up_to_rd_personnel():
    """Table 4: 'Including researchers / technicians / other' partitions R&D personnel."""
    t4 = load("table4_rd_personnel")
    assert (t4["researchers"] + t4["technicians"] + t4["other"] == t4["rd_personnel"]).all()


def test_table4_shares_equal_counts_over_total_except_the_listed_inconsistencies(issues):
    """Table 4 'Share of:' block vs counts / Total, to half a unit of the printed 2nd decimal.

    Every printed share must round-match its count / Total, except exactly the cells listed
    in paper_inconsistencies (the higher-education researchers, technicians and other shares,
    which look truncated), whose listed values must be the printed and computed ones.
    """
    counts = load("table4_rd_personnel").set_index("sector")
    shares = load("table4_rd_personnel_shares").set_index("sector")
    cols = ["companies", "rd_personnel", "researchers", "technicians", "other"]
    computed = counts.loc[SECTORS, cols] / counts.loc["total", cols]
    deviation = (computed - shares.loc[SECTORS, cols]).abs()
    mismatches = {(s, c) for s in SECTORS for c in cols if deviation.loc[s, c] > HALF_UNIT}
    doc = listed(issues, "share_rounding_mismatch", "table4_rd_personnel_shares")
    assert mismatches == set(zip(doc["row"], doc["column"]))
    for row in doc.itertuples():
        assert row.printed_value == shares.loc[row.row, row.column]
        assert row.expected_value == pytest.approx(computed.loc[row.row, row.column], abs=1e-6)


def test_table4_share_columns_sum_to_one_within_printed_rounding():
    """Table 4 'Share of:' block: each column of four 2-decimal shares sums to 1 +- 4 half-units."""
    shares = load("table4_rd_personnel_shares").set_index("sector")
    sums = shares[["companies", "rd_personnel", "researchers", "technicians", "other"]].sum()
    assert ((sums - 1).abs() <= 4 * HALF_UNIT + 1e-12).all(), sums


# --- Table 2 (types of research, 2013) ---------------------------------------------------

def test_table2_rows_sum_to_one_within_rounding():
    """Table 2: basic + applied + developments = 1 for every row, to the printed rounding."""
    t2 = load("table2_research_types")
    sums = t2[["basic_research", "applied_research", "development"]].sum(axis=1)
    assert ((sums - 1).abs() <= 3 * HALF_UNIT).all(), sums.tolist()


def test_table2_total_row_is_a_mixture_of_the_sector_rows():
    """Table 2: Total = spending-weighted average of the sectors, so some simplex weights
    reproduce it to the printed rounding (linear programme, scipy.optimize.linprog)."""
    t2 = load("table2_research_types").set_index("sector")
    cols = ["basic_research", "applied_research", "development"]
    assert max_mixture_deviation(t2, cols) <= HALF_UNIT


def test_table2_matches_the_text_shares_of_research_and_development():
    """Text after Fig. 2: entrepreneurial 46 % applied and 36 % developments; higher education,
    public, non-commercial 91, 92, 95 % research; non-commercial 42 % vs public 20 % basic."""
    t2 = load("table2_research_types").set_index("sector")
    research = t2["basic_research"] + t2["applied_research"]
    assert t2.loc["entrepreneurial", "applied_research"] == pytest.approx(0.46)
    assert t2.loc["entrepreneurial", "development"] == pytest.approx(0.36)
    assert research.loc[["higher_education", "public", "non_commercial"]].tolist() == \
        pytest.approx([0.91, 0.92, 0.95])
    assert t2.loc["non_commercial", "basic_research"] == pytest.approx(0.42)
    assert t2.loc["public", "basic_research"] == pytest.approx(0.20)


# --- Table 3 (R&D funding sources, 2013) -------------------------------------------------

def test_table3_innovation_grants_do_not_exceed_republican_budget():
    """Table 3 header: innovation grants are 'including' under the republican budget."""
    t3 = load("table3_rd_funding_sources")
    assert (t3["innovation_grants"] <= t3["republican_budget"]).all()


def test_table3_total_row_lies_within_the_sector_range_in_every_column():
    """Table 3: the Total row is a mixture of the sector rows, so each Total value lies
    between the sectors' minimum and maximum of its column."""
    t3 = load("table3_rd_funding_sources").set_index("sector")
    cols = T3_SOURCES + ["innovation_grants"]
    low, high = t3.loc[SECTORS, cols].min(), t3.loc[SECTORS, cols].max()
    total = t3.loc["total", cols]
    assert ((total >= low) & (total <= high)).all(), pd.DataFrame({"low": low, "total": total,
                                                                   "high": high})


def test_table3_total_row_is_a_mixture_of_the_sector_rows_within_rounding():
    """Table 3: some funding weights on the simplex reproduce every Total value to half a
    unit of the printed 2nd decimal (linear programme, scipy.optimize.linprog)."""
    t3 = load("table3_rd_funding_sources").set_index("sector")
    assert max_mixture_deviation(t3, T3_SOURCES + ["innovation_grants"]) <= HALF_UNIT


def test_table3_row_sums_without_the_including_column_are_all_listed_as_inconsistent(issues):
    """Table 3: own + republican + local + foreign should be 1 per row (innovation grants are
    already inside the republican budget). As printed no row reaches 1 within rounding
    (0.94, 0.95, 0.95, 0.91, 0.87); the rows failing are exactly those listed, none exceeds 1
    (consistent with an unprinted 'other sources' remainder), and the listed sums are right."""
    t3 = load("table3_rd_funding_sources").set_index("sector")
    sums = t3[T3_SOURCES].sum(axis=1)
    tolerance = len(T3_SOURCES) * HALF_UNIT
    failing = {s for s, v in sums.items() if abs(v - 1) > tolerance}
    doc = listed(issues, "row_sum_not_one", "table3_rd_funding_sources")
    assert failing == set(doc["row"])
    assert (sums <= 1 + tolerance).all()
    for row in doc.itertuples():
        assert row.printed_value == pytest.approx(sums.loc[row.row])


# --- Knowledge sources, Figs. 1-3 ---------------------------------------------------------

def test_knowledge_source_shares_sum_to_99_as_printed_and_are_listed(issues):
    """Text ('open innovation' paragraph): 43 + 26 + 11 + 19 = 99, kept as printed."""
    ks = load("knowledge_sources")
    assert ks["share_percent"].sum() == 99
    doc = listed(issues, "sum_not_100", "knowledge_sources")
    assert doc["printed_value"].tolist() == [99]


def test_fig3_innovation_activity_shares_sum_to_100():
    """Fig. 3: 8 + 3 + 52 + 1 + 2 + 34 = 100."""
    assert load("fig3_innovation_activity_types")["value_percent"].sum() == pytest.approx(100)


def test_fig3_largest_share_is_the_equipment_share_the_text_quotes():
    """Text before Fig. 3: acquisition of equipment, materials dominates — 52 %."""
    fig3 = load("fig3_innovation_activity_types").set_index("activity")["value_percent"]
    assert fig3.idxmax() == "introduction_new_technologies" and fig3.max() == 52


def test_fig2_holds_only_the_values_the_text_states():
    """Fig. 2 survives only through the text: 67.3 (machinery), 12.9 (R&D), 2 (training);
    every other item must be empty, not imputed."""
    fig2 = load("fig2_innovation_costs").set_index("cost_item")["value_percent"]
    assert fig2.dropna().to_dict() == {"machinery_and_equipment": 67.3,
                                       "research_and_development": 12.9, "training": 2.0}
    assert fig2.isna().sum() >= 1


@pytest.fixture(scope="module")
def fig1():
    return load("fig1_funding_sources")


def test_fig1_every_extracted_label_is_used_exactly_once(fig1):
    """Fig. 1 extraction has 17 value labels; each is assigned to exactly one chart row."""
    assert sorted(fig1["extraction_order"].tolist()) == list(range(1, 18))
    assert not fig1.duplicated(["chart", "item"]).any()


def test_fig1_innovation_chart_ranks_own_funds_loans_state_budget_as_the_text_says(fig1):
    """Text after Fig. 1: own funds are the main source of innovation funding, loans the
    second, state budget (12 %) the third; foreign investment 2.5 %."""
    inv = fig1[(fig1["chart"] == "innovation_funding") & (fig1["level"] == "slice")]
    ranked = inv.sort_values("value_percent", ascending=False)["item"].tolist()
    assert ranked[:3] == ["own_funds", "loans_and_borrowings", "state_budget"]
    values = inv.set_index("item")["value_percent"]
    assert values["state_budget"] == 12 and values["foreign_investments"] == 2.5


def test_fig1_rd_chart_state_budget_is_the_governments_60_percent(fig1):
    """Text: the government provides 'up to 60 % of funds for R&D'."""
    rd = fig1[fig1["chart"] == "rd_funding"].set_index("item")["value_percent"]
    assert rd["state_budget"] == 60


def test_fig1_state_budget_breakdowns_add_up_within_rounding(fig1):
    """Fig. 1: Republican + Local budget = State budget (R&D: 57.5 + 2.5 = 60; innovation:
    11.5 + 0.4 = 11.9 against a printed integer 12, within its half unit 0.5)."""
    for chart in ("rd_funding", "innovation_funding"):
        c = fig1[fig1["chart"] == chart].set_index("item")["value_percent"]
        assert c["republican_budget"] + c["local_budget"] == pytest.approx(c["state_budget"],
                                                                          abs=0.5)


def test_fig1_slice_sums_are_100_or_listed(fig1, issues):
    """Fig. 1 slices: the innovation chart sums to 100 within the printed rounding
    (100.12); the R&D chart (94.8 under the reading taken) must be listed, with its sum."""
    slices = fig1[fig1["level"] == "slice"].groupby("chart")["value_percent"].sum()
    assert slices["innovation_funding"] == pytest.approx(100, abs=4 * 0.05 + 0.5 + 0.005)
    doc = listed(issues, "sum_not_100", "fig1_funding_sources").set_index("row")
    assert set(doc.index) == {c for c, v in slices.items() if abs(v - 100) > 0.705}
    assert doc.loc["rd_funding", "printed_value"] == pytest.approx(slices["rd_funding"])


def test_fig1_breakdown_items_fit_inside_their_parent(fig1):
    """A breakdown item (part of the State budget slice) cannot exceed the slice."""
    for chart, group in fig1.groupby("chart"):
        parent_values = group.set_index("item")["value_percent"]
        sub = group[group["level"] == "breakdown"]
        assert (sub["value_percent"] <= sub["parent"].map(parent_values)).all(), chart


# --- Table 1, text indicators, comparisons ------------------------------------------------

def test_table1_and_text_conflicts_on_innovative_production_are_kept_and_listed(issues):
    """Table 1 prints 0,51 % (2009) and 1,7 % (2013); the text says 1.1 % (2009) and
    1.64 % (2013). Both sources are kept, and the conflict rows carry both numbers."""
    t1 = load("table1_nis_results")
    ti = load("text_indicators").set_index("indicator_id")["value"]
    prod = t1[(t1["indicator"] == "innovative_production_gdp") & (t1["kind"] == "actual")]
    table_values = prod.set_index("year")["value"]
    text_values = {2009: ti["innovative_production_share_gdp_2009"],
                   2013: ti["innovative_production_share_gdp_2013"]}
    doc = issues.set_index("issue_id")
    for year, issue in ((2009, "innovative_production_2009"), (2013, "innovative_production_2013")):
        assert table_values[year] != text_values[year]
        assert doc.loc[issue, "printed_value"] == table_values[year]
        assert doc.loc[issue, "expected_value"] == text_values[year]


def test_table1_plan_and_actual_years_lie_in_their_periods():
    """Table 1: each result's year lies in the column's period."""
    t1 = load("table1_nis_results")
    start = t1["period"].str[:4].astype(int)
    end = t1["period"].str[5:].astype(int)
    assert ((t1["year"] >= start) & (t1["year"] <= end)).all()


def test_text_ranges_have_ordered_bounds_and_no_point_value():
    """Text: '5–6 %' and '41–42 %' are ranges (value empty, low < high); every other row
    has a point value and no range."""
    ti = load("text_indicators")
    is_range = ti["value_low"].notna() | ti["value_high"].notna()
    assert set(ti.loc[is_range, "indicator_id"]) == {"external_resources_share_other_sectors",
                                                     "labour_payment_share_public_non_commercial"}
    assert ti.loc[is_range, "value"].isna().all()
    assert (ti.loc[is_range, "value_low"] < ti.loc[is_range, "value_high"]).all()
    assert ti.loc[~is_range, "value"].notna().all()


def test_natd_venture_funds_foreign_plus_local_equal_eleven():
    """Text: 'Eleven (five — foreign and six — local) venture funds'."""
    ti = load("text_indicators").set_index("indicator_id")["value"]
    assert ti["natd_venture_funds_foreign"] + ti["natd_venture_funds_local"] == \
        ti["natd_venture_funds"] == 11


def test_kazakhstan_development_share_comparison_is_table2_total():
    """The text compares Japan 60, USA 63, France 44 with 'Kazakhstan's average share for the
    experimental developments' (Table 2): Table 2 Total, Developments, 0,16 = 16 %."""
    ic = load("international_comparison")
    kz = ic[(ic["indicator"] == "experimental_development_share_rd")
            & (ic["country"] == "Kazakhstan")]["value_percent"].item()
    t2 = load("table2_research_types").set_index("sector")
    assert kz == pytest.approx(100 * t2.loc["total", "development"])


# --- actors, links, sector mapping ---------------------------------------------------------

@pytest.fixture(scope="module")
def actors():
    return load("actors")


@pytest.fixture(scope="module")
def links():
    return load("links")


def test_every_link_endpoint_is_an_actor(actors, links):
    ids = set(actors["actor_id"])
    missing = (set(links["source"]) | set(links["target"])) - ids
    assert not missing, f"link endpoints not in actors: {sorted(missing)}"


def test_no_existing_link_touches_a_planned_actor(actors, links):
    """A tie cannot exist while one of its ends is only planned."""
    planned = set(actors.loc[actors["status"] == "planned", "actor_id"])
    bad = links[(links["status"] == "existing")
                & (links["source"].isin(planned) | links["target"].isin(planned))]
    assert bad.empty, bad[["link_id", "source", "target"]]


def test_pit_sez_has_the_absent_scientific_links_the_text_states(links):
    """Fig. 4 text: 'there are no scientific links, no educational structures'."""
    absent = links[(links["status"] == "absent") & (links["model"] == "fig4_pit_sez")]
    assert not absent.empty
    assert absent["quote"].str.contains("there are no scientific links").all()


def test_planned_actors_and_links_quote_a_plan_or_proposal(actors, links):
    """Rows marked planned must rest on a sentence that speaks of the future or a proposal."""
    words = r"plann|will|could|expect|consider|future"
    for table in (actors, links):
        planned = table[table["status"] == "planned"]
        assert planned["quote"].str.contains(words, case=False).all(), \
            planned.loc[~planned["quote"].str.contains(words, case=False)].iloc[:, 0].tolist()


def test_sector_mapping_covers_every_entity_a_graph_needs(actors):
    """Every actor, the Tables' sector rows, the Table 3 funding sources and the knowledge
    sources (plus the receiving enterprises) have exactly one sector."""
    mapping = load("sector_mapping")
    t3 = load("table3_rd_funding_sources")
    needed = (set(actors["actor_id"]) | set(SECTORS)
              | set(t3.columns) - {"sector", "sector_label"}
              | set(load("knowledge_sources")["source_type"]) | {"enterprises"})
    assert needed <= set(mapping["entity"]), sorted(needed - set(mapping["entity"]))
    assert mapping["entity"].is_unique


def test_sector_mapping_flags_the_cases_the_contract_calls_ambiguous():
    """Public research institutes, state-owned national companies, 'external' sources
    (consultants), the non-commercial sector and own funds are marked ambiguous."""
    m = load("sector_mapping").set_index("entity")["ambiguous"]
    for entity in ["research_institutes", "institute_nuclear_physics", "kazatomprom",
                   "kazkosmos", "external", "non_commercial", "own_funds", "public"]:
        assert bool(m[entity]), entity


def _normalised(text):
    """Lower-case, line-break hyphenation undone, whitespace folded, quote marks unified."""
    import re

    text = re.sub(r"-\s*\n\s*", "", text)  # "develop-\nment" -> "development"
    text = re.sub(r"[«»“”\"]", '"', text)
    text = text.replace("’", "'").replace("—", "-").replace("–", "-")
    return re.sub(r"\s+", " ", text).strip().lower()


PAPER = Path(__file__).resolve().parents[1].parent / "shared" / "paper" / "000_5df57dd9c94b605b.txt"


def test_every_actor_and_link_quotes_its_source_sentence(actors, links):
    """Each quote is in the paper's text (shared/paper beside the repository, as CI has it).

    Compared as runs of five consecutive words: the extraction drops figure captions and
    footnotes into the middle of some sentences (the Fig. 4 label, the OECD footnote), which
    breaks the runs that cross them, so at least 80% of a quote's runs, and every run of a
    short quote, must be in the text; a made-up or misquoted sentence fails.
    """
    for table in (actors, links):
        assert table["quote"].str.len().min() > 10
        assert table["location"].notna().all()
    if not PAPER.exists():
        pytest.skip(f"the paper's text is not at {PAPER}")
    paper = _normalised(PAPER.read_text(encoding="utf-8"))
    paper_nospace = paper.replace(" ", "")
    missing = []
    for table in (actors, links):
        for quote in table["quote"]:
            runs = []
            for piece in str(quote).split("..."):
                words = _normalised(piece).strip(' ."').split()
                runs += [" ".join(words[i : i + 5]) for i in range(max(1, len(words) - 4))]
            found = sum(r.replace(" ", "") in paper_nospace for r in runs)
            if found < (0.8 * len(runs) if len(runs) > 10 else len(runs)):
                missing.append((quote, found, len(runs)))
    assert not missing, missing[:5]
