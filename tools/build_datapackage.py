"""Write data/datapackage.json from the metadata below and the CSV files.

The CSV files in data/ are the transcription (edited by hand, never generated);
this script holds the descriptive metadata of each resource (title, description,
source, column meanings and units) and fills in what must be computed from the
files: ``bytes`` and the SHA-256 ``hash``. Run it after editing any CSV:

    /work/venv/bin/python tools/build_datapackage.py          # rewrite
    /work/venv/bin/python tools/build_datapackage.py --check  # exit 1 if stale

It refuses to write a descriptor whose schema columns differ from the CSV header.
"""

from __future__ import annotations

import argparse
import csv
import hashlib
import json
import sys
from pathlib import Path

DATA = Path(__file__).resolve().parent.parent / "data"

PAPER = (
    "Dnishev F. M., Alzhanova F. G., Alibekova G. Zh. (2015). Innovative development of "
    "Kazakhstan on the basis of triple helix and cluster approach. Economy of Region "
    "(Ekonomika regiona), 2015, No. 2"
)
PAPER_URL = (
    "https://cyberleninka.ru/article/n/"
    "innovative-development-of-kazakhstan-on-the-basis-of-triple-helix-and-cluster-approach"
)


def src(where: str) -> list[dict]:
    return [{"title": f"Dnishev et al. 2015, {where}", "path": PAPER_URL}]


def f(name, type_, description, unit=None, **constraints):
    field = {"name": name, "type": type_, "description": description}
    if unit is not None:
        field["unit"] = unit
    if constraints:
        field["constraints"] = constraints
    return field


SECTORS = ["total", "public", "higher_education", "entrepreneurial", "non_commercial"]
SECTOR_FIELD_DOC = (
    "Row of the table: total, public (Public sector), higher_education (Higher professional "
    "education sector), entrepreneurial (Entrepreneurial sector), non_commercial "
    "(Non-commercial sector)"
)


def sector_field(rows):
    return f("sector", "string", SECTOR_FIELD_DOC, None, required=True, unique=True, enum=rows)


LABEL = f("sector_label", "string", "Row label as printed in the paper")

RESOURCES = [
    {
        "name": "table1_nis_items",
        "title": "Table 1: national innovation system of Kazakhstan by period (legal basis, "
        "infrastructure, instruments)",
        "description": (
            "Table 1 'Development of National Innovation System of Kazakhstan', the three "
            "qualitative blocks, one row per printed item. The extraction split the rotated "
            "row headers into fragments ('Le / ga / l b / as / is'); they are read as 'Legal "
            "basis and programs', 'Infrastructure', 'Instruments'. Items that wrap over lines "
            "are joined (a new item starts with a capital letter). count is the number printed "
            "at the start of an item (e.g. '8 technoparks'), or 1 for a single named body, and "
            "empty otherwise. Table source: National Agency for Technological Development. "
            "The Results block is in table1_nis_results."
        ),
        "sources": src("Table 1 (source: National Agency for Technological Development)"),
        "primaryKey": ["period", "category", "item_order"],
        "fields": [
            f("period", "string", "Column of Table 1", None, required=True,
              enum=["2003-2009", "2010-2014", "2015-2019"]),
            f("period_start", "integer", "First year of the period", "calendar_year"),
            f("period_end", "integer", "Last year of the period", "calendar_year"),
            f("category", "string", "Row block of Table 1", None, required=True,
              enum=["legal_basis_programs", "infrastructure", "instruments"]),
            f("item_order", "integer", "Position of the item within its cell (1 = first)",
              None, required=True, minimum=1),
            f("item", "string", "The item as printed (typography kept)", None, required=True),
            f("count", "integer", "Number printed with the item (1 for a single named body); "
              "empty when none", "count", minimum=0),
        ],
    },
    {
        "name": "table1_nis_results",
        "title": "Table 1: results of the national innovation system (actual and planned)",
        "description": (
            "The 'Results' row of Table 1 as numbers: innovation activity of enterprises "
            "(percent of enterprises), innovative production in GDP (percent of GDP) and "
            "Kazakhstan's rank in the WEF Global Competitiveness Index ('GIC WEF'; a rank, "
            "smaller is better), actual (2009, 2013) and planned (2014, 2019). The 2013 values "
            "are the bracketed '(2013 — …)' figures of the 2010–2014 column. Table 1 and the "
            "text disagree on innovative production (0.51 vs 1.1 % in 2009; 1.7 vs 1.64 % in "
            "2013): both are kept, see text_indicators and paper_inconsistencies."
        ),
        "sources": src("Table 1, Results (source: National Agency for Technological "
                       "Development)"),
        "primaryKey": ["indicator", "kind", "year"],
        "fields": [
            f("period", "string", "Column of Table 1", None, required=True,
              enum=["2003-2009", "2010-2014", "2015-2019"]),
            f("indicator", "string", "Result indicator", None, required=True,
              enum=["innovation_activity_enterprises", "innovative_production_gdp",
                    "wef_gci_rank"]),
            f("kind", "string", "actual (reported) or plan (target)", None, required=True,
              enum=["actual", "plan"]),
            f("year", "integer", "Year the value refers to", "calendar_year", required=True),
            f("value", "number", "The value as printed", "see unit column", required=True),
            f("unit", "string", "percent (of enterprises / of GDP) or rank", None,
              required=True, enum=["percent", "rank"]),
            f("printed", "string", "The printed cell text the value is read from"),
            f("note", "string", "Reading taken and conflicts"),
        ],
    },
    {
        "name": "fig1_funding_sources",
        "title": "Fig. 1: sources of R&D funding and of technological-innovation funding, 2013",
        "description": (
            "Fig. 1 'Sources and structure of funding of science and innovation in the Republic "
            "of Kazakhstan in 2013': two pie charts whose labels the extraction interleaves. "
            "Each value is assigned to a chart with the reason in reading_note, using the "
            "text's statements (own funds the main and loans the second source of innovation "
            "funding, state budget 12 % third, foreign 2.5 %, development institutions and "
            "innovation grants 1.6 %; government up to 60 % of R&D funding) and the arithmetic "
            "Republican + Local = State budget. level 'slice' = a slice of the pie; "
            "'breakdown' = a part of the State budget slice (Republican and Local budget; "
            "Innovation grants and Development institutes, whose exact nesting is not "
            "recoverable). Sums under this reading: R&D chart slices 60 + 33.3 + 0.9 + 0.6 = "
            "94.8 (99.2 if Innovation grants 2.8 and Development institutes 1.6 were separate "
            "slices), State budget breakdown 57.5 + 2.5 = 60.0; innovation chart slices 47.1 "
            "+ 38.5 + 12 + 2.5 + 0.02 = 100.12 (so grants and development institutes cannot be "
            "separate slices there: 102.02), State budget breakdown 11.5 + 0.4 = 11.9 against "
            "12. 'Development institutes — 1,6%' is printed twice: read as one label per chart."
        ),
        "sources": src("Fig. 1 and the paragraphs after it (section 'R&D&I performance of "
                       "Kazakhstan')"),
        "primaryKey": ["chart", "item"],
        "fields": [
            f("chart", "string", "rd_funding ('R&D funding sources') or innovation_funding "
              "('Technological innovations funding sources')", None, required=True,
              enum=["rd_funding", "innovation_funding"]),
            f("item", "string", "Funding source id", None, required=True),
            f("label", "string", "Label as printed (value removed)", None, required=True),
            f("value_percent", "number", "Share of the chart's total funding, as printed",
              "percent", required=True, minimum=0, maximum=100),
            f("level", "string", "slice of the pie, or breakdown of the State budget slice",
              None, required=True, enum=["slice", "breakdown"]),
            f("parent", "string", "For a breakdown item, the slice it is part of"),
            f("year", "integer", "Year of the figure", "calendar_year"),
            f("extraction_order", "integer", "Position of the label among the 17 value labels "
              "in the extracted text (1 = first)", None, required=True, unique=True),
            f("reading_note", "string", "Why the value is given to this chart and level",
              None, required=True),
        ],
    },
    {
        "name": "fig2_innovation_costs",
        "title": "Fig. 2: structure of costs of technological innovation (stated values only)",
        "description": (
            "Fig. 2 'The structure of costs for technological innovation'. Only its caption "
            "survives the extraction; the values here are the ones the text states (machinery "
            "and equipment 67.3 %, research and development 12.9 %, training 2 %). The purchase "
            "of new technologies (patents, licences) is stated only as 'remains low', and the "
            "remaining items are unknown: their values are empty, never imputed. If the "
            "figure's shares add up to 100 (not stated), the unstated items share 17.8 "
            "percentage points. Year not stated (the section discusses 2013)."
        ),
        "sources": src("Fig. 2 and the paragraph citing it (section 'R&D&I performance of "
                       "Kazakhstan')"),
        "primaryKey": ["cost_item"],
        "fields": [
            f("cost_item", "string", "Cost item id", None, required=True, unique=True),
            f("label", "string", "Item as worded in the text", None, required=True),
            f("value_percent", "number", "Share of technological-innovation costs; empty = not "
              "stated in the paper", "percent", minimum=0, maximum=100),
            f("stated_in_text", "boolean", "Whether the text mentions the item", None,
              required=True),
            f("quote", "string", "Sentence the row rests on"),
            f("note", "string", "What is unknown and why"),
        ],
    },
    {
        "name": "fig3_innovation_activity_types",
        "title": "Fig. 3: main types of innovation activity of enterprises",
        "description": (
            "Fig. 3 'The main types of innovation activities of enterprises' (pie chart), six "
            "labelled values that add up to 100. The text repeats the largest one "
            "('acquisition of equipment, materials … 52 %'). Year not stated."
        ),
        "sources": src("Fig. 3"),
        "primaryKey": ["activity"],
        "fields": [
            f("activity", "string", "Activity id", None, required=True, unique=True),
            f("label", "string", "Label as printed", None, required=True),
            f("value_percent", "number", "Share of innovation activity, as printed", "percent",
              required=True, minimum=0, maximum=100),
        ],
    },
    {
        "name": "table2_research_types",
        "title": "Table 2: share of types of research in domestic R&D spending by sector, 2013",
        "description": (
            "Table 2 'The share of different types of research in total domestic R&D spending, "
            "2013': fractions of each sector's domestic R&D spending going to basic research, "
            "applied research and (experimental) developments. The extraction garbled the "
            "header ('DevelopmentsBasic research Applied research'); the column order basic, "
            "applied, developments is confirmed by the text (entrepreneurial sector 46 % "
            "applied and 36 % developments; non-commercial 42 % and public 20 % basic). Every "
            "row adds up to 1.00. Source: Statistic Agency of the Republic of Kazakhstan."
        ),
        "sources": src("Table 2 (source: Statistic Agency of the Republic of Kazakhstan, "
                       "2013)"),
        "primaryKey": ["sector"],
        "fields": [
            sector_field(SECTORS),
            f("basic_research", "number", "Share of the sector's domestic R&D spending on "
              "basic research", "fraction", required=True, minimum=0, maximum=1),
            f("applied_research", "number", "Share on applied research", "fraction",
              required=True, minimum=0, maximum=1),
            f("development", "number", "Share on (experimental) developments", "fraction",
              required=True, minimum=0, maximum=1),
            LABEL,
        ],
    },
    {
        "name": "table3_rd_funding_sources",
        "title": "Table 3: sources of R&D funding by sector, 2013",
        "description": (
            "Table 3 'Sources of R&D funding by sectors of activity, 2013': fractions of each "
            "sector's R&D funding. innovation_grants is an 'including' sub-item of "
            "republican_budget (header 'Republican budget / including Innovation grants'). "
            "As printed, no row adds up to 1 without innovation_grants (0.94 for Total, 0.95, "
            "0.95, 0.91, 0.87 for the sectors; see paper_inconsistencies); the Total row "
            "lies within the sector rows' range in every column and is a mixture of them "
            "within rounding. Source: 'Same as for Table 1' (National Agency for Technological "
            "Development)."
        ),
        "sources": src("Table 3 (source: as Table 1, National Agency for Technological "
                       "Development)"),
        "primaryKey": ["sector"],
        "fields": [
            sector_field(SECTORS),
            f("own_funds", "number", "Share of the sector's R&D funding from own funds",
              "fraction", required=True, minimum=0, maximum=1),
            f("republican_budget", "number", "Share from the republican (central) budget, "
              "innovation grants included", "fraction", required=True, minimum=0, maximum=1),
            f("innovation_grants", "number", "Share from innovation grants; part of "
              "republican_budget ('including')", "fraction", required=True, minimum=0,
              maximum=1),
            f("local_budgets", "number", "Share from local budgets", "fraction",
              required=True, minimum=0, maximum=1),
            f("foreign_investment", "number", "Share from foreign investments", "fraction",
              required=True, minimum=0, maximum=1),
            LABEL,
        ],
    },
    {
        "name": "table4_rd_personnel",
        "title": "Table 4: R&D organisations and personnel by sector, 2013 (counts)",
        "description": (
            "Table 4 'Number of R&D personnel by sectors of activity in Kazakhstan, 2013', "
            "count block: companies engaged in R&D, R&D personnel, and the personnel split "
            "into researchers, technicians and other. The sector rows add up to the Total row "
            "and researchers + technicians + other = rd_personnel in every row. Printed with a "
            "space as thousands separator ('23 712'). Source: 'Same as for Table 1' (NATD)."
        ),
        "sources": src("Table 4, counts (source: as Table 1, National Agency for "
                       "Technological Development)"),
        "primaryKey": ["sector"],
        "fields": [
            sector_field(SECTORS),
            f("companies", "integer", "Number of companies (organisations) engaged in R&D",
              "count", required=True, minimum=0),
            f("rd_personnel", "integer", "Number of R&D personnel", "count", required=True,
              minimum=0),
            f("researchers", "integer", "of whom researchers", "count", required=True,
              minimum=0),
            f("technicians", "integer", "of whom technicians", "count", required=True,
              minimum=0),
            f("other", "integer", "of whom other personnel", "count", required=True,
              minimum=0),
            LABEL,
        ],
    },
    {
        "name": "table4_rd_personnel_shares",
        "title": "Table 4: sector shares of R&D organisations and personnel, 2013 (as printed)",
        "description": (
            "Table 4 'Share of:' block: each sector's share of the Total of each column, as "
            "printed (two decimals; '0,5' printed with one). Three higher-education shares "
            "differ from count/Total by more than the printed rounding (researchers 0.53 vs "
            "0.5355, technicians 0.37 vs 0.3751, other 0.43 vs 0.4350 — they look truncated); "
            "kept as printed and listed in paper_inconsistencies."
        ),
        "sources": src("Table 4, 'Share of:' block"),
        "primaryKey": ["sector"],
        "fields": [
            sector_field(SECTORS[1:]),
            f("companies", "number", "Sector's share of companies engaged in R&D", "fraction",
              required=True, minimum=0, maximum=1),
            f("rd_personnel", "number", "Sector's share of R&D personnel", "fraction",
              required=True, minimum=0, maximum=1),
            f("researchers", "number", "Sector's share of researchers", "fraction",
              required=True, minimum=0, maximum=1),
            f("technicians", "number", "Sector's share of technicians", "fraction",
              required=True, minimum=0, maximum=1),
            f("other", "number", "Sector's share of other personnel", "fraction",
              required=True, minimum=0, maximum=1),
            LABEL,
        ],
    },
    {
        "name": "knowledge_sources",
        "title": "Knowledge sources influencing enterprises' innovation activity",
        "description": (
            "Sources that greatly influence enterprises' innovation activities (the paper's "
            "'open innovation' paragraph, citing its reference [14]): market actors 43 %, "
            "internal 26 %, external 11 %, other 19 %. They add up to 99, as printed; kept "
            "unchanged. Year not stated."
        ),
        "sources": src("section 'R&D&I performance of Kazakhstan', 'open innovation' "
                       "paragraph (citing reference [14])"),
        "primaryKey": ["source_type"],
        "fields": [
            f("source_type", "string", "Kind of knowledge source", None, required=True,
              unique=True, enum=["market_actors", "internal", "external", "other"]),
            f("share_percent", "number", "Share as printed", "percent", required=True,
              minimum=0, maximum=100),
            f("examples", "string", "The examples the paper lists, separated by '; '"),
            f("label", "string", "The paper's wording"),
            f("quote", "string", "Printed text the row rests on", None, required=True),
        ],
    },
    {
        "name": "international_comparison",
        "title": "International comparisons stated in the text",
        "description": (
            "Government share of R&D funding (Kazakhstan 'up to 60 %'; Japan, USA, Germany, "
            "Korea from OECD Main Science and Technology Indicators 2011, the paper's footnote "
            "1) and experimental-development share of R&D spending (Japan, USA, France as "
            "stated, no source given; Kazakhstan from Table 2's Total row, 0.16, in percent)."
        ),
        "sources": src("section 'R&D&I performance of Kazakhstan' and footnote 1 (OECD Main "
                       "Science and Technology Indicators 2011); Table 2"),
        "primaryKey": ["indicator", "country"],
        "fields": [
            f("indicator", "string", "Indicator compared", None, required=True,
              enum=["government_share_rd_funding", "experimental_development_share_rd"]),
            f("country", "string", "Country (English name)", None, required=True),
            f("value_percent", "number", "Value as printed", "percent", required=True,
              minimum=0, maximum=100),
            f("qualifier", "string", "up_to when the paper says 'up to'; empty otherwise"),
            f("source", "string", "Where the value comes from", None, required=True),
            f("note", "string", "Reading and caveats"),
        ],
    },
    {
        "name": "text_indicators",
        "title": "Scalar indicators stated in the text",
        "description": (
            "Every number stated in the running text that is not a cell of Tables 1–4 or a "
            "label of Figs. 1–3 (or that repeats one in words), one row each, with the "
            "sentence and section. Ranges ('5–6 %', '41–42 %') have value empty and "
            "value_low/value_high; bounds and hedges are in qualifier ('over', 'up_to', "
            "'for_example'). year is the year the value refers to when the paper states or "
            "implies it (the tables' and Fig. 1's 2013), else empty. The knowledge-source "
            "shares and the other countries' values are in knowledge_sources and "
            "international_comparison."
        ),
        "sources": src("running text, all sections"),
        "primaryKey": ["indicator_id"],
        "fields": [
            f("indicator_id", "string", "Indicator id", None, required=True, unique=True),
            f("value", "number", "Stated value; empty for a range", "see unit column"),
            f("value_low", "number", "Lower end of a stated range", "see unit column"),
            f("value_high", "number", "Upper end of a stated range", "see unit column"),
            f("qualifier", "string", "over / up_to / for_example, or empty", None,
              enum=["over", "up_to", "for_example"]),
            f("unit", "string", "Unit of value (percent, count, calendar_year, million USD, "
              "percent of …)", None, required=True),
            f("year", "integer", "Year the value refers to, if stated or implied",
              "calendar_year"),
            f("quote", "string", "Sentence the value is read from", None, required=True),
            f("location", "string", "Section of the paper", None, required=True),
            f("note", "string", "Reading, cross-references and conflicts"),
        ],
    },
    {
        "name": "actors",
        "title": "Institutional actors of the Kazakh innovation system (text and Figs. 4–5)",
        "description": (
            "Organisations and groups the text and Figures 4–5 describe: the Park of Innovative "
            "Technologies SEZ model (fig4_pit_sez), the Nazarbayev University hybrid model "
            "(fig5_nazarbayev_university), the national system (ministries, development "
            "institutions, funds, budget, infrastructure of Table 1, business and science "
            "groups; national_system) and the cluster policy (clusters). Each row quotes the "
            "sentence it rests on; status existing or planned; authors_proposal marks what "
            "only the authors propose. Figures 4–5 survive only as their captions and one "
            "label, so their content comes from the surrounding text; nothing else is "
            "invented. Sectors (U/I/G/O) are in sector_mapping."
        ),
        "sources": src("sections 'Introduction', 'R&D&I performance of Kazakhstan', "
                       "'Preconditions for development of the Triple Helix model in "
                       "Kazakhstan', 'Development of clusters in Kazakhstan', 'Conclusion'; "
                       "Table 1; Figs. 4–5"),
        "primaryKey": ["actor_id"],
        "fields": [
            f("actor_id", "string", "Actor id (snake_case)", None, required=True, unique=True,
              pattern="[a-z][a-z0-9_]*"),
            f("label", "string", "Name as in the paper", None, required=True),
            f("kind", "string", "Kind of organisation", None, required=True),
            f("status", "string", "existing or planned (per the text)", None, required=True,
              enum=["existing", "planned"]),
            f("model", "string", "Structure the actor belongs to", None, required=True,
              enum=["fig4_pit_sez", "fig5_nazarbayev_university", "national_system",
                    "clusters"]),
            f("count", "integer", "Number of organisations the row stands for, when stated "
              "(1 for a single named body); empty when unknown", "count", minimum=0),
            f("authors_proposal", "boolean", "True when the actor exists only as the authors' "
              "proposal", None, required=True),
            f("quote", "string", "Sentence (or printed cell) the row rests on", None,
              required=True),
            f("location", "string", "Section, table or figure", None, required=True),
            f("note", "string", "Reading taken and context"),
        ],
    },
    {
        "name": "links",
        "title": "Ties between actors stated in the text (institutional, funding, knowledge)",
        "description": (
            "Directed ties between actors (source → target: host/parent → member for "
            "institutional, funder → recipient for funding, knowledge provider → receiver for "
            "knowledge), each quoting its sentence. status: existing, planned, or absent (a "
            "tie the paper explicitly says does not exist: 'there are no scientific links' in "
            "the PIT SEZ). weight is 1 for every link: the paper gives no tie strengths "
            "comparable across links; where a sentence gives a number for the tie itself "
            "(e.g. state budget 12 % of innovation funding) it is in value with value_unit. "
            "Shared figures (external sources 11 % for universities, institutes and "
            "consultants together) are left out of value. Actors with no stated tie have no "
            "link. Includes the government-mediated ties of the Conclusion ('Business and "
            "science do not build relationships directly, but rather indirectly, via the "
            "government.'), marked encodes_conclusion: they put the paper's conclusion into "
            "the graph, so an analysis that wants to test it can leave them out."
        ),
        "sources": src("sections 'Introduction', 'R&D&I performance of Kazakhstan', "
                       "'Preconditions …', 'Development of clusters in Kazakhstan', "
                       "'Conclusion'; Figs. 4–5"),
        "primaryKey": ["link_id"],
        "foreignKeys": [
            {"fields": ["source"], "reference": {"resource": "actors", "fields": ["actor_id"]}},
            {"fields": ["target"], "reference": {"resource": "actors", "fields": ["actor_id"]}},
        ],
        "fields": [
            f("link_id", "string", "Link id", None, required=True, unique=True),
            f("source", "string", "actor_id the tie starts from", None, required=True),
            f("target", "string", "actor_id the tie goes to", None, required=True),
            f("relation", "string", "Kind of tie", None, required=True,
              enum=["institutional", "funding", "knowledge"]),
            f("status", "string", "existing, planned or absent (explicitly denied)", None,
              required=True, enum=["existing", "planned", "absent"]),
            f("model", "string", "Structure the tie belongs to", None, required=True,
              enum=["fig4_pit_sez", "fig5_nazarbayev_university", "national_system",
                    "clusters"]),
            f("weight", "number", "Tie weight (1: the paper gives no comparable strengths)",
              None, required=True, minimum=0),
            f("value", "number", "Number the quoted sentence gives for this tie, if any",
              "see value_unit"),
            f("value_unit", "string", "Unit of value"),
            f("authors_proposal", "boolean", "True when the tie is only the authors' proposal",
              None, required=True),
            f("encodes_conclusion", "boolean",
              "True when the tie encodes the paper's own conclusion rather than a stated "
              "arrangement: the government-mediated ties whose quote is the Conclusion's 'Business "
              "and science do not build relationships directly, but rather indirectly, via the "
              "government.' (helixnet's sensitivity analysis drops them)", None, required=True),
            f("quote", "string", "Sentence the tie rests on ('...' marks an omission)", None,
              required=True),
            f("location", "string", "Section or figure", None, required=True),
            f("note", "string", "Reading taken and context"),
        ],
    },
    {
        "name": "sector_mapping",
        "title": "Triple Helix sector (U/I/G/O) of every entity a graph is built from",
        "description": (
            "One row per entity turned into a node: every actor of actors (entity_kind actor), "
            "the R&D sectors of Tables 2–4 (rd_sector), the funding sources of Table 3 "
            "(funding_source) and the knowledge sources (knowledge_source, plus the receiving "
            "'enterprises'). U university/science, I industry/business, G government, O other. "
            "ambiguous = true where a reasonable reader could choose otherwise; reason gives "
            "the choice and the alternative. Research-institute actors are mapped by function "
            "(U) while the Tables' statistical 'public' sector is mapped G — a deliberate, "
            "documented asymmetry."
        ),
        "sources": src("the whole paper (mapping by the transcriber; reasons quote the paper)"),
        "primaryKey": ["entity"],
        "fields": [
            f("entity", "string", "actor_id, sector row, funding source or knowledge source",
              None, required=True, unique=True),
            f("entity_kind", "string", "Which table the entity comes from", None,
              required=True, enum=["actor", "rd_sector", "funding_source",
                                   "knowledge_source"]),
            f("sector", "string", "Triple Helix sector", None, required=True,
              enum=["U", "I", "G", "O"]),
            f("ambiguous", "boolean", "Whether the choice is debatable", None, required=True),
            f("reason", "string", "Why this sector (and the alternative if ambiguous)", None,
              required=True),
        ],
    },
    {
        "name": "paper_inconsistencies",
        "title": "Inconsistencies found in the paper (kept as printed)",
        "description": (
            "Places where the paper's numbers disagree with each other or with arithmetic: "
            "shares that do not match counts within the printed rounding, rows that do not add "
            "up, values that differ between a table and the text, misprints. Nothing is "
            "corrected in the data; this list says what a user should know. The tests "
            "recompute the rounding and sum checks and require this list to match them."
        ),
        "sources": src("Tables 1, 3, 4; Fig. 1; running text (checks by the transcriber)"),
        "primaryKey": ["issue_id"],
        "fields": [
            f("issue_id", "string", "Issue id", None, required=True, unique=True),
            f("kind", "string", "Kind of problem", None, required=True,
              enum=["share_rounding_mismatch", "row_sum_not_one", "sum_not_100",
                    "conflicting_values", "misprint"]),
            f("resource", "string", "Resource holding the value", None, required=True),
            f("row", "string", "Row (sector, chart, indicator …) concerned", None,
              required=True),
            f("column", "string", "Column or sum concerned", None, required=True),
            f("printed_value", "number", "The printed value or the sum of printed values",
              "as in the resource"),
            f("expected_value", "number", "What arithmetic or the other source gives",
              "as in the resource"),
            f("description", "string", "What disagrees, with both values and sources", None,
              required=True),
        ],
    },
]


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def build() -> dict:
    resources = []
    for meta in RESOURCES:
        path = DATA / f"{meta['name']}.csv"
        with open(path, encoding="utf-8", newline="") as fh:
            header = next(csv.reader(fh))
        names = [fld["name"] for fld in meta["fields"]]
        if header != names:
            raise SystemExit(f"{path.name}: header {header} != schema fields {names}")
        schema = {"fields": meta["fields"], "missingValues": [""],
                  "primaryKey": meta["primaryKey"]}
        if "foreignKeys" in meta:
            schema["foreignKeys"] = meta["foreignKeys"]
        resources.append({
            "name": meta["name"],
            "type": "table",
            "path": path.name,
            "scheme": "file",
            "format": "csv",
            "mediatype": "text/csv",
            "encoding": "utf-8",
            "title": meta["title"],
            "description": meta["description"],
            "sources": meta["sources"],
            "bytes": path.stat().st_size,
            "hash": "sha256:" + sha256(path),
            "dialect": {"csv": {"delimiter": ",", "quoteChar": '"'}},
            "schema": schema,
        })
    return {
        "name": "helixnet-kazakhstan",
        "title": "Triple Helix data of Kazakhstan's innovation system, transcribed from "
        "Dnishev, Alzhanova & Alibekova (2015)",
        "description": (
            "Every table, figure and stated number of the paper as tidy CSV with provenance. "
            "Numbers are exactly as printed (decimal comma → point); ambiguous readings are "
            "documented per row and in README.md; inconsistencies of the paper are kept and "
            "listed in paper_inconsistencies."
        ),
        "sources": [{"title": PAPER, "path": PAPER_URL}],
        "resources": resources,
    }


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true",
                        help="exit 1 if data/datapackage.json is not what would be written")
    args = parser.parse_args(argv)
    text = json.dumps(build(), indent=2, ensure_ascii=False) + "\n"
    target = DATA / "datapackage.json"
    if args.check:
        current = target.read_text(encoding="utf-8") if target.exists() else ""
        if current != text:
            print(f"{target} is out of date: run tools/build_datapackage.py", file=sys.stderr)
            return 1
        return 0
    target.write_text(text, encoding="utf-8")
    print(f"wrote {target} ({len(RESOURCES)} resources)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
