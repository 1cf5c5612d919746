"""Tests of helixnet.decomposition: within/between decomposition and Shapley values.

Expected values come from hand computations (written in the docstrings),
analytic cases, and an independent plain-Python implementation of the
co-information (``plain_T`` below: collections.Counter and math.log2 over
the records, inclusion-exclusion over subsets) and of the Shapley value
(explicit loops over all permutations of the players).
"""

import json
import math
from collections import Counter
from itertools import combinations, permutations

import numpy as np
import pandas as pd
import pytest

import helixnet as hx
from helixnet.exceptions import HelixnetValueError, InvalidRecordsError
from helixnet.information._decomposition import decompose, shapley

LOG2_3 = math.log2(3)


# ---------------------------------------------------------------------------
# independent reference implementation (no numpy, no helixnet)
# ---------------------------------------------------------------------------


def plain_T(rows, weights=None):
    """Co-information in bits of a list of equal-length tuples (plain Python).

    T = -sum over non-empty subsets S of (-1)^|S| H(S); H from Counter sums.
    """
    if weights is None:
        weights = [1.0] * len(rows)
    total = sum(weights)
    if not rows or total == 0:
        return 0.0
    k = len(rows[0])
    T = 0.0
    for r in range(1, k + 1):
        for sub in combinations(range(k), r):
            c = Counter()
            for row, w in zip(rows, weights):
                c[tuple(row[i] for i in sub)] += w
            H = -sum(v / total * math.log2(v / total) for v in c.values() if v > 0)
            T += -((-1) ** r) * H
    return T


def rows_of(df, dims):
    return list(df[dims].itertuples(index=False, name=None))


def random_records(n, seed, players=None, coupled=True):
    """Records of three dims (3, 4, 3 categories), c partly coupled to a+b."""
    rng = np.random.default_rng(seed)
    a = rng.integers(0, 3, n)
    b = rng.integers(0, 4, n)
    c = (a + b + rng.integers(0, 2, n)) % 3 if coupled else rng.integers(0, 3, n)
    df = pd.DataFrame({"a": a, "b": b, "c": c})
    if players is not None:
        df["player"] = rng.choice(players, n)
    return df


DIMS = ["a", "b", "c"]


# ---------------------------------------------------------------------------
# decompose
# ---------------------------------------------------------------------------


def test_two_group_example_matches_hand_computation():
    """Hand computation (bits), dims x, y:

    Group A: (0,0), (0,0), (1,1): x = y with p = (2/3, 1/3), so
        T_A = H(2/3, 1/3) = log2(3) - 2/3.
    Group B: one record (0,1): T_B = 0.
    All four records: p(x) = (3/4, 1/4), p(y) = (1/2, 1/2),
        p(xy) = (1/2, 1/4, 1/4), so
        H_x = 2 - (3/4)log2(3), H_y = 1, H_xy = 3/2,
        T = H_x + H_y - H_xy = 3/2 - (3/4)log2(3).
    Within = (3/4) T_A + (1/4) T_B = (3/4)log2(3) - 1/2.
    Between = T - within = 2 - (3/2)log2(3).
    """
    df = pd.DataFrame(
        {"x": [0, 0, 1, 0], "y": [0, 0, 1, 1], "g": ["A", "A", "A", "B"]}
    )
    res = decompose(df, ["x", "y"], "g")
    assert res.total == pytest.approx(1.5 - 0.75 * LOG2_3, abs=1e-12)
    assert res.within == pytest.approx(0.75 * LOG2_3 - 0.5, abs=1e-12)
    assert res.between == pytest.approx(2 - 1.5 * LOG2_3, abs=1e-12)
    g = res.groups.set_index("group")
    assert g.loc["A", "n"] == 3 and g.loc["B", "n"] == 1
    assert g.loc["A", "weight"] == pytest.approx(0.75)
    assert g.loc["A", "T"] == pytest.approx(LOG2_3 - 2 / 3, abs=1e-12)
    assert g.loc["B", "T"] == pytest.approx(0.0, abs=1e-12)
    assert g.loc["A", "contribution"] == pytest.approx(0.75 * (LOG2_3 - 2 / 3), abs=1e-12)


def test_xor_grouped_by_its_output_puts_all_synergy_between_groups():
    """Analytic: z = x xor y has T = -1 bit; with z constant in each group,
    T_g = 0, so within = 0 and between = -1 (share 1)."""
    df = pd.DataFrame({"x": [0, 1, 0, 1], "y": [0, 1, 1, 0], "z": [0, 0, 1, 1]})
    res = decompose(df, ["x", "y", "z"], "z")
    assert res.total == pytest.approx(-1.0, abs=1e-12)
    assert res.within == pytest.approx(0.0, abs=1e-12)
    assert res.between == pytest.approx(-1.0, abs=1e-12)
    assert res.levels["between_share"].iloc[0] == pytest.approx(1.0)


def test_groups_with_identical_distributions_have_zero_between_term():
    """Analytic: when every group has the same joint distribution (here the
    same records repeated 1, 3 and 2 times), T_g = T_total for every g, so
    within = sum_g (n_g/N) T_total = T_total and Delta T = 0. T_total from
    the plain-Python reference."""
    base = random_records(60, seed=1)
    df = pd.concat(
        [base.assign(g="one")] + [base.assign(g="three")] * 3 + [base.assign(g="two")] * 2,
        ignore_index=True,
    )
    expected_T = plain_T(rows_of(base, DIMS))
    res = decompose(df, DIMS, "g")
    assert res.total == pytest.approx(expected_T, abs=1e-12)
    assert np.allclose(res.groups["T"], expected_T, atol=1e-12)
    assert res.between == pytest.approx(0.0, abs=1e-12)
    assert res.groups.set_index("group")["weight"].to_dict() == pytest.approx(
        {"one": 1 / 6, "three": 3 / 6, "two": 2 / 6}
    )


def test_single_level_terms_add_up_and_match_plain_group_values():
    """Every group's T against the plain-Python reference on its own records;
    contributions add up to within, and between + within = total exactly."""
    df = random_records(400, seed=2, players=["p", "q", "r", "s"])
    res = decompose(df, DIMS, "player")
    for _, row in res.groups.iterrows():
        sub = df[df["player"] == row["group"]]
        assert row["T"] == pytest.approx(plain_T(rows_of(sub, DIMS)), abs=1e-10)
        assert row["n"] == len(sub)
    assert res.groups["contribution"].sum() == pytest.approx(res.within, abs=1e-12)
    assert res.between + res.within == pytest.approx(res.total, abs=1e-12)
    terms = res.to_frame()
    assert list(terms.columns) == ["term", "level", "value", "share"]
    assert terms["value"].sum() == pytest.approx(res.total, abs=1e-12)
    assert terms["share"].sum() == pytest.approx(1.0, abs=1e-9)


def test_nested_levels_add_up_to_total_and_match_plain_values():
    """Three nested levels (nation > region > municipality; municipality
    names repeat across regions, so a municipality is read inside its
    region). Checks: the between terms of every level plus the finest
    within term add up to T; each level's within W_l is the sum over its
    groups of (n_g/N) T_g with T_g from the plain-Python reference on the
    group's records; B_l = W_{l-1} - W_l; each parent's between column is
    T_p - sum_c (n_c/n_p) T_c; B_l = sum over parents of weight_p * between_p."""
    rng = np.random.default_rng(3)
    df = random_records(600, seed=3)
    df["nation"] = rng.choice(["NL", "NO"], len(df))
    df["region"] = rng.choice(["north", "south", "west"], len(df))
    df["municipality"] = rng.choice(["m1", "m2"], len(df))
    levels = ["nation", "region", "municipality"]
    res = decompose(df, DIMS, levels)
    T = plain_T(rows_of(df, DIMS))
    assert res.total == pytest.approx(T, abs=1e-10)
    terms = res.to_frame()
    assert list(terms["term"]) == ["between"] * 3 + ["within"]
    assert terms["value"].sum() == pytest.approx(res.total, abs=1e-12)

    W_prev = T
    N = len(df)
    for depth, lv in enumerate(levels, start=1):
        W = 0.0
        for _, sub in df.groupby(levels[:depth]):
            W += len(sub) / N * plain_T(rows_of(sub, DIMS))
        row = res.levels.iloc[depth - 1]
        assert row["level"] == lv
        assert row["n_groups"] == df.groupby(levels[:depth]).ngroups
        assert row["within"] == pytest.approx(W, abs=1e-10)
        assert row["between"] == pytest.approx(W_prev - W, abs=1e-10)
        W_prev = W
    assert res.within == pytest.approx(W_prev, abs=1e-10)

    g = res.groups
    for depth in (1, 2):
        parents = g[g["depth"] == depth]
        children = g[g["depth"] == depth + 1]
        B = 0.0
        for _, p in parents.iterrows():
            path = p["parent"] + (p["group"],)
            kids = children[children["parent"].map(lambda t: t == path)]
            expected = p["T"] - (kids["n"] * kids["T"]).sum() / p["n"]
            assert p["between"] == pytest.approx(expected, abs=1e-12)
            B += p["weight"] * p["between"]
        assert B == pytest.approx(res.levels["between"].iloc[depth], abs=1e-12)
    assert g.loc[g["depth"] == 3, "between"].isna().all()


def test_integer_weights_equal_repeated_records():
    """A record of weight w counts as w copies of the record (independent:
    the decomposition of the expanded records)."""
    df = random_records(120, seed=4, players=["x", "y", "z"])
    df["w"] = np.random.default_rng(4).integers(0, 4, len(df))
    expanded = df.loc[df.index.repeat(df["w"])].reset_index(drop=True)
    a = decompose(df, DIMS, "player", weight="w")
    b = decompose(expanded, DIMS, "player")
    assert a.total == pytest.approx(b.total, abs=1e-12)
    assert a.between == pytest.approx(b.between, abs=1e-12)
    assert np.allclose(a.groups["T"], b.groups["T"], atol=1e-12)


def test_units_scale_every_term():
    """1 bit = 1000 mbit = ln 2 nat (definition of the units)."""
    df = random_records(200, seed=5, players=["x", "y"])
    bit = decompose(df, DIMS, "player")
    mbit = decompose(df, DIMS, "player", unit="mbit")
    nat = decompose(df, DIMS, "player", unit="nat")
    assert mbit.between == pytest.approx(1000 * bit.between)
    assert nat.total == pytest.approx(math.log(2) * bit.total)
    assert np.allclose(nat.groups["T"], math.log(2) * bit.groups["T"])


def test_empty_and_zero_weight_groups_are_left_out():
    """A Categorical's unused category and a group whose records all have
    weight 0 have n = 0: they contribute nothing and get no row."""
    df = random_records(100, seed=6, players=["x", "y", "z"])
    df["w"] = np.where(df["player"] == "z", 0.0, 1.0)
    df["player"] = pd.Categorical(df["player"], categories=["x", "y", "z", "unused"])
    res = decompose(df, DIMS, "player", weight="w")
    assert sorted(res.groups["group"]) == ["x", "y"]
    kept = df[df["player"] != "z"]
    assert res.total == pytest.approx(plain_T(rows_of(kept, DIMS)), abs=1e-10)


def test_groups_and_levels_have_fixed_columns_and_dict_is_json():
    df = random_records(80, seed=7, players=["x", "y"])
    df["r"] = "R"
    one = decompose(df, DIMS, "player")
    two = decompose(df, DIMS, ["r", "player"])
    cols = ["level", "depth", "group", "parent", "n", "weight", "T", "contribution", "between"]
    assert list(one.groups.columns) == cols == list(two.groups.columns)
    assert list(one.levels.columns) == list(two.levels.columns)
    d = json.loads(json.dumps(two.to_dict()))
    assert d["total"] == pytest.approx(two.total)
    assert d["groups"][-1]["parent"] == ["R"]
    # a single region: the between-region term is 0 (its only group is everything)
    assert two.levels["between"].iloc[0] == pytest.approx(0.0, abs=1e-12)


def test_unknown_group_column_names_it_and_lists_columns():
    df = random_records(10, seed=8)
    with pytest.raises(InvalidRecordsError, match=r"'region'.*available columns.*'a'"):
        decompose(df, DIMS, "region")
    with pytest.raises(ValueError):
        decompose(df, DIMS, ["a", "nowhere"])


def test_missing_group_value_and_bad_dims_raise():
    df = random_records(10, seed=9, players=["x", "y"])
    df.loc[3, "player"] = None
    with pytest.raises(InvalidRecordsError, match="'player'.*row 3"):
        decompose(df, DIMS, "player")
    df = random_records(10, seed=9, players=["x", "y"])
    with pytest.raises(InvalidRecordsError, match="nope"):
        decompose(df, ["a", "nope"], "player")
    with pytest.raises(HelixnetValueError, match="two dimensions"):
        decompose(df, ["a"], "player")
    with pytest.raises(HelixnetValueError, match="unit"):
        decompose(df, DIMS, "player", unit="dB")


# ---------------------------------------------------------------------------
# shapley
# ---------------------------------------------------------------------------


def brute_force_shapley(df, dims, player, weighted=False):
    """Shapley values by the definition: average over all n! orders of each
    player's marginal contribution v(before + i) - v(before), with
    v(S) = plain_T of the records of S (times n_S / N when `weighted`)
    and v(empty) = 0."""
    players = sorted(df[player].unique())
    rows = {p: rows_of(df[df[player] == p], dims) for p in players}
    cache = {}
    N = len(df)

    def v(S):
        if S not in cache:
            pooled = [r for p in sorted(S) for r in rows[p]]
            t = plain_T(pooled) if S else 0.0
            cache[S] = t * len(pooled) / N if weighted else t
        return cache[S]

    phi = dict.fromkeys(players, 0.0)
    orders = list(permutations(players))
    for order in orders:
        before = frozenset()
        for p in order:
            phi[p] += v(before | {p}) - v(before)
            before = before | {p}
    return pd.Series({p: phi[p] / len(orders) for p in players})


@pytest.mark.parametrize("n_players", [2, 4, 6])
def test_exact_shapley_matches_brute_force_over_permutations(n_players):
    """Independent implementation: plain loops over all permutations."""
    players = [f"p{i}" for i in range(n_players)]
    df = random_records(300, seed=10 + n_players, players=players)
    expected = brute_force_shapley(df, DIMS, "player")
    got = shapley(df, DIMS, "player")
    assert list(got.index) == players
    assert got.index.name == "player"
    assert np.allclose(got.to_numpy(), expected[players].to_numpy(), atol=1e-10)


def test_shapley_efficiency_values_add_up_to_T_of_all_records():
    players = list("abcdefgh")
    df = random_records(500, seed=20, players=players)
    phi = shapley(df, DIMS, "player")
    T = plain_T(rows_of(df, DIMS))
    assert phi.sum() == pytest.approx(T, abs=1e-10)
    assert phi.attrs["total"] == pytest.approx(T, abs=1e-10)
    assert phi.attrs["method"] == "exact"
    assert set(phi.attrs["stderr"].values()) == {0.0}


def test_shapley_symmetry_players_with_identical_records_get_equal_values():
    """Players b and c have the same records, so v(S + b) = v(S + c) for
    every S without them: the symmetry axiom gives them equal values."""
    base = random_records(200, seed=21, players=["a", "b", "d", "e"])
    twin = base[base["player"] == "b"].assign(player="c")
    df = pd.concat([base, twin], ignore_index=True)
    phi = shapley(df, DIMS, "player")
    assert phi["b"] == pytest.approx(phi["c"], abs=1e-12)
    assert phi["b"] != pytest.approx(phi["a"], abs=1e-6)


def test_shapley_null_players_get_zero_and_leave_the_others_unchanged():
    """Null players, whose addition leaves every coalition's records (and so
    its value) unchanged: an unused category of a Categorical player column
    (no records) and a player whose records all have weight 0. The null
    player axiom gives them 0; removing them changes no other value."""
    df = random_records(300, seed=22, players=["a", "b", "c", "z"])
    df["w"] = np.where(df["player"] == "z", 0.0, 1.0)
    df["player"] = pd.Categorical(df["player"], categories=["a", "b", "c", "ghost", "z"])
    phi = shapley(df, DIMS, "player", weight="w")
    assert list(phi.index) == ["a", "b", "c", "ghost", "z"]
    assert phi["ghost"] == 0.0 and phi["z"] == pytest.approx(0.0, abs=1e-12)
    kept = df[df["player"].isin(["a", "b", "c"])].copy()
    kept["player"] = kept["player"].astype(str)
    expected = brute_force_shapley(kept, DIMS, "player")
    assert np.allclose(phi[["a", "b", "c"]].to_numpy(), expected.to_numpy(), atol=1e-10)


def test_permutation_shapley_agrees_with_exact_within_standard_errors():
    """Monte Carlo estimates within 4 standard errors of the exact values;
    each sampled order's contributions telescope to v(N), so efficiency
    holds exactly; the same seed gives identical output."""
    players = [f"p{i}" for i in range(6)]
    df = random_records(400, seed=23, players=players)
    exact = shapley(df, DIMS, "player", method="exact")
    mc = shapley(df, DIMS, "player", method="permutation", n_permutations=2000, seed=7)
    se = pd.Series(mc.attrs["stderr"])
    assert (se > 0).all()
    assert ((mc.shapley - exact.shapley).abs() <= 4 * se + 1e-12).all()
    assert mc.sum() == pytest.approx(exact.attrs["total"], abs=1e-10)
    assert mc.attrs["method"] == "permutation" and mc.attrs["n_permutations"] == 2000
    again = shapley(df, DIMS, "player", method="permutation", n_permutations=2000, seed=7)
    assert again.shapley.equals(mc.shapley) and again.stderr.equals(mc.stderr)


def test_auto_method_samples_permutations_beyond_twenty_players():
    players = [f"p{i:02d}" for i in range(21)]
    df = random_records(400, seed=24, players=players)
    phi = shapley(df, DIMS, "player", n_permutations=50, seed=1)
    assert phi.attrs["method"] == "permutation"
    assert len(phi) == 21
    assert phi.sum() == pytest.approx(plain_T(rows_of(df, DIMS)), abs=1e-9)


def test_shapley_units_scale_values():
    """1 bit = 1000 mbit (definition of the unit)."""
    df = random_records(150, seed=25, players=["a", "b", "c"])
    bit = shapley(df, DIMS, "player")
    mbit = shapley(df, DIMS, "player", unit="mbit")
    assert np.allclose(mbit.to_numpy(), 1000 * bit.to_numpy())


def test_shapley_errors_name_the_problem():
    df = random_records(30, seed=26, players=["a", "b"])
    with pytest.raises(InvalidRecordsError, match=r"'region'.*available columns.*'player'"):
        shapley(df, DIMS, "region")
    with pytest.raises(HelixnetValueError, match="method"):
        shapley(df, DIMS, "player", method="fast")
    with pytest.raises(HelixnetValueError, match="n_permutations"):
        shapley(df, DIMS, "player", method="permutation", n_permutations=0)
    many = random_records(100, seed=27, players=["a"])
    many["player"] = pd.Categorical(many["player"], categories=[f"p{i}" for i in range(24)] + ["a"])
    with pytest.raises(HelixnetValueError, match="25 players.*permutation"):
        shapley(many, DIMS, "player", method="exact")


def test_public_namespace_resolves_lazily():
    assert hx.decompose is decompose and hx.shapley is shapley


def test_progress_bar_is_drawn_only_on_a_terminal(monkeypatch):
    """progress=True draws a tqdm bar on stderr when stderr is a tty, and
    nothing otherwise; values are the same either way."""
    import io
    import sys

    pytest.importorskip("tqdm")

    class Tty(io.StringIO):
        def isatty(self):
            return True

    df = random_records(100, seed=28, players=["a", "b", "c"])
    plain = shapley(df, DIMS, "player")
    pipe = io.StringIO()
    monkeypatch.setattr(sys, "stderr", pipe)
    quiet = shapley(df, DIMS, "player", progress=True)
    assert pipe.getvalue() == ""
    tty = Tty()
    monkeypatch.setattr(sys, "stderr", tty)
    shown = shapley(df, DIMS, "player", progress=True)
    mc = shapley(df, DIMS, "player", method="permutation", n_permutations=20, seed=0,
                 progress=True)
    assert "coalitions" in tty.getvalue() and "permutations" in tty.getvalue()
    assert quiet.shapley.equals(plain.shapley) and shown.shapley.equals(plain.shapley) and len(mc) == 3


# ---------------------------------------------------------------------------
# review fixes


def test_duplicated_group_or_player_column_is_a_records_error():
    """Source: the input itself: two columns called 'g' make the group ambiguous (used to
    raise pandas' 'truth value of a Series is ambiguous')."""
    df = pd.DataFrame([[0, 0, "a", "x"], [1, 1, "b", "y"]], columns=["d1", "d2", "g", "g"])
    with pytest.raises(InvalidRecordsError, match="'g' appears more than once"):
        decompose(df, ["d1", "d2"], "g")
    with pytest.raises(InvalidRecordsError, match="'g' appears more than once"):
        shapley(df, ["d1", "d2"], "g")


def test_negative_permutation_seed_is_a_helixnet_value_error():
    """Source: numpy's SeedSequence accepts only non-negative integers."""
    df = pd.DataFrame({"d1": [0, 1, 0, 1], "d2": [0, 1, 1, 0], "p": ["a", "a", "b", "b"]})
    with pytest.raises(HelixnetValueError, match="seed"):
        shapley(df, ["d1", "d2"], "p", method="permutation", n_permutations=5, seed=-1)


# ---------------------------------------------------------------------------
# Shapley: value functions, sizes, reproducibility (issue 13 §1, issue 11 §2)


@pytest.mark.parametrize("n_players", [3, 5])
def test_weighted_shapley_matches_brute_force_and_is_efficient(n_players):
    """Independent implementation: all n! orders with v(S) = (n_S/N) T_S (plain Python)."""
    players = [f"p{i}" for i in range(n_players)]
    df = random_records(250, seed=40 + n_players, players=players)
    expected = brute_force_shapley(df, DIMS, "player", weighted=True)
    got = shapley(df, DIMS, "player", value="weighted")
    assert np.allclose(got.to_numpy(), expected[players].to_numpy(), atol=1e-10)
    # efficiency: n_N / N = 1, so the values add up to T of all records for both functions
    T = plain_T(rows_of(df, DIMS))
    assert got.sum() == pytest.approx(T, abs=1e-10)
    assert shapley(df, DIMS, "player").sum() == pytest.approx(T, abs=1e-10)
    mc = shapley(df, DIMS, "player", value="weighted", method="permutation", n_permutations=300)
    assert mc.sum() == pytest.approx(T, abs=1e-10)


def test_tiny_player_warns_and_every_player_reports_its_size():
    """Five regions of 1,200 records and one of 4 (the case of issue 13): the sizes differ
    by 300x, more than the documented factor of 100, so shapley warns; n is the
    count of each player's records (len of its rows)."""
    parts = [random_records(1200, seed=50 + i).assign(player=f"r{i}") for i in range(5)]
    parts.append(random_records(4, seed=60).assign(player="tiny"))
    df = pd.concat(parts, ignore_index=True)
    with pytest.warns(hx.exceptions.HelixnetWarning, match="factor of 300"):
        res = shapley(df, DIMS, "player")
    frame = res.to_frame().set_index("player")
    assert frame.loc["tiny", "n"] == 4 and frame.loc["r0", "n"] == 1200
    assert frame["share"].sum() == pytest.approx(1.0)
    # the weighted value bounds the tiny player's marginal contributions by (4/N) * |T| terms
    with pytest.warns(hx.exceptions.HelixnetWarning):
        w = shapley(df, DIMS, "player", value="weighted")
    assert abs(w["tiny"]) < abs(res["tiny"])
    assert w.sum() == pytest.approx(res.total, abs=1e-10)


def test_monte_carlo_shapley_is_reproducible_without_a_seed_argument():
    """Issue 11: beyond 20 players (Monte Carlo) two identical calls give identical values."""
    players = [f"p{i:02d}" for i in range(22)]
    df = random_records(300, seed=70, players=players)
    a = shapley(df, DIMS, "player", n_permutations=40)
    b = shapley(df, DIMS, "player", n_permutations=40)
    assert a.method == "permutation" and a.seed == 0
    assert a.shapley.equals(b.shapley) and a.stderr.equals(b.stderr)
    assert (a.stderr > 0).all()


def test_shapley_result_frame_and_json_schema():
    df = random_records(120, seed=71, players=["a", "b", "c"])
    res = shapley(df, DIMS, "player", value="weighted")
    assert list(res.to_frame().columns) == ["player", "n", "share", "shapley", "stderr"]
    d = json.loads(json.dumps(res.to_dict()))
    assert d["value"] == "weighted" and d["method"] == "exact" and d["seed"] is None
    assert [v["player"] for v in d["values"]] == ["a", "b", "c"]
    assert sum(v["n"] for v in d["values"]) == 120
    with pytest.raises(HelixnetValueError, match="value function"):
        shapley(df, DIMS, "player", value="size")
