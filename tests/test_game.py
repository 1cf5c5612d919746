"""Mêgnigbêto's Triple Helix game: characteristic function, core, Shapley value, nucleolus.

Sources of the expected values:
* the cores Mêgnigbêto (2024, J. Data Inf. Sci. 9(1), doi:10.2478/jdis-2024-0004, table
  "Analytic form and surface area of the cores") prints for South Korea, from the Venn
  counts of his table "Triple Helix sectors output in West Africa and South Korea (2001-2010)";
* hand computations (written out in the comments);
* brute force: the Shapley value as the average over the 3! orderings, the core and the
  nucleolus on an integer grid of imputations;
* the 3-player nucleolus example of Ferguson's *Game Theory* notes (part IV, ch. 4), as
  used in the tests of the R package CoopGame: v = (-1, 0, 1, 3, 4, 2, 5) -> (8/3, 2/3, 5/3).
"""

import itertools
import json
from fractions import Fraction

import numpy as np
import pytest

import helixnet as hx
from helixnet.exceptions import HelixnetTypeError, InvalidTableError
from helixnet.information._game import COALITIONS, _nucleolus, _shapley

KEYS = ["U", "I", "G", "UI", "UG", "IG", "UIG"]

# Mêgnigbêto (2024), Venn counts (table of sector outputs) and printed core bounds (table of cores)
SOUTH_KOREA = {
    "global": ((228643, 3504, 42215, 7522, 68703, 1293, 2463),
               {"U": (64.53, 86.73), "I": (0.99, 4.17), "G": (11.91, 32.36)}),
    "domestic": ((241195, 4092, 49873, 6262, 46801, 1116, 1547),
                 {"U": (68.74, 84.30), "I": (1.17, 3.71), "G": (14.21, 28.31)}),
    "foreign": ((49102, 595, 9320, 623, 11262, 200, 380),
                {"U": (68.69, 85.85), "I": (0.83, 2.52), "G": (13.04, 29.60)}),
}

# hand-worked game: 100 documents, so percentages equal counts
HAND = {"U": 30, "I": 10, "G": 20, "UI": 10, "UG": 20, "IG": 0, "UIG": 10}


def _v(result):
    """The characteristic function as {frozenset of player indices: worth}."""
    return {frozenset("UIG".index(p) for p in c): result.characteristic[c] for c in COALITIONS}


def _excesses(v, x):
    return sorted((v[S] - sum(x[i] for i in S) for S in v if len(S) < 3), reverse=True)


@pytest.mark.parametrize("level", sorted(SOUTH_KOREA))
def test_core_bounds_reproduce_the_cores_megnigbeto_prints_for_south_korea(level):
    counts, printed = SOUTH_KOREA[level]
    g = hx.game(dict(zip(KEYS, counts)))
    assert g.n == sum(counts)
    for p, (low, high) in printed.items():
        assert round(g.core_bounds[p][0], 2) == pytest.approx(low, abs=1e-9), p
        assert round(g.core_bounds[p][1], 2) == pytest.approx(high, abs=1e-9), p
    # the printed Venn percentages are v of the singletons (first row of the analytic form)
    assert round(g.characteristic["U"], 2) == printed["U"][0]


def test_characteristic_function_of_the_hand_worked_game():
    """By hand: v(S) sums the regions inside S. v(UI) = 30+10+10 = 50, v(UG) = 30+20+20 = 70,
    v(IG) = 10+20+0 = 30, v(UIG) = 100."""
    g = hx.game(HAND)
    assert g.characteristic == {"U": 30.0, "I": 10.0, "G": 20.0, "UI": 50.0, "UG": 70.0, "IG": 30.0, "UIG": 100.0}
    f = g.characteristic_frame()
    assert list(f.columns) == ["coalition", "k", "n_region", "n_within", "v"]
    assert f.set_index("coalition").loc["UG", "n_within"] == 70


def test_shapley_value_matches_hand_computation_and_the_six_orderings():
    """By hand (each region split equally among its sectors):
    U = 30 + 10/2 + 20/2 + 10/3 = 48 1/3; I = 10 + 10/2 + 0/2 + 10/3 = 18 1/3;
    G = 20 + 20/2 + 0/2 + 10/3 = 33 1/3."""
    g = hx.game(HAND)
    expected = {"U": 48 + 1 / 3, "I": 18 + 1 / 3, "G": 33 + 1 / 3}
    for p, value in expected.items():
        assert g.shapley[p] == pytest.approx(value, abs=1e-12)
    # brute force: average marginal contribution over the 3! orderings
    v = _v(g)
    phi = np.zeros(3)
    for order in itertools.permutations(range(3)):
        before = frozenset()
        for i in order:
            phi[i] += v[before | {i}] - (v[before] if before else 0.0)
            before = before | {i}
    np.testing.assert_allclose([g.shapley[p] for p in "UIG"], phi / 6, atol=1e-12)
    assert sum(g.shapley.values()) == pytest.approx(100.0, abs=1e-12)  # efficiency


@pytest.mark.parametrize("seed", range(5))
def test_shapley_splits_each_region_equally_among_its_sectors(seed):
    """Closed form for this game (a sum of unanimity games): phi_U = u + ui/2 + ug/2 + uig/3."""
    rng = np.random.default_rng(seed)
    counts = dict(zip(KEYS, rng.integers(0, 500, size=7).tolist()))
    counts["U"] += 1
    g = hx.game(counts)
    total = sum(counts.values())
    for p in "UIG":
        share = sum(counts[k] / len(k) for k in KEYS if p in k)
        assert g.shapley[p] == pytest.approx(100 * share / total, abs=1e-9)


def test_nucleolus_matches_hand_computation_and_a_grid_search():
    """By hand. Slacks of the six coalitions: x_U-30, x_I-10, x_G-20 (singletons) and
    70-x_U, 30-x_I, 50-x_G (pairs, via x(ij) = 100 - x_k). The smallest slack is at most
    half of I's width (30-10)/2 = 10, reached only at x_I = 20. Then x_U + x_G = 80 and the
    slacks x_U-30, 60-x_U (= x_G-20), 70-x_U, x_U-30 (= 50-x_G) balance at x_U = 45 (slack 15).
    Nucleolus = (45, 20, 35)."""
    g = hx.game(HAND)
    assert [g.nucleolus[p] for p in "UIG"] == pytest.approx([45.0, 20.0, 35.0], abs=1e-7)
    # brute force: lexicographic minimum of the sorted excess vectors over all integer imputations
    v = _v(g)
    best = min(
        ((_excesses(v, (a, b, 100 - a - b)), (a, b, 100 - a - b))
         for a in range(30, 101) for b in range(10, 101 - a) if 100 - a - b >= 20),
    )
    assert best[1] == (45, 20, 35)


def test_nucleolus_of_fergusons_three_player_game():
    """Ferguson, Game Theory, part IV, ch. 4 (the CoopGame test 'Check 49.1'):
    v1=-1, v2=0, v3=1, v12=3, v13=4, v23=2, v123=5. By hand: the three pair excesses
    v(ij) - 5 + x_k are equal at the optimum, 3e = (3+4+2) - 15 + 5 = -1, e = -1/3, so
    x3 = 5 - 3 - 1/3 = 5/3, x2 = 5 - 4 - 1/3 = 2/3, x1 = 5 - 2 - 1/3 = 8/3."""
    v = {frozenset({0}): -1, frozenset({1}): 0, frozenset({2}): 1, frozenset({0, 1}): 3,
         frozenset({0, 2}): 4, frozenset({1, 2}): 2, frozenset({0, 1, 2}): 5}  # fmt: skip
    x = _nucleolus(v, 3)
    np.testing.assert_allclose(x, [float(Fraction(8, 3)), float(Fraction(2, 3)), float(Fraction(5, 3))], atol=1e-9)
    # the Shapley value of the same game, by hand over the orderings 123,132,213,231,312,321:
    # player 1: -1,-1,3,3,3,3 -> 10/6; player 2: 4,1,0,0,1,1 -> 7/6; player 3: 2,5,2,2,1,1 -> 13/6
    np.testing.assert_allclose(_shapley(v, 3), [10 / 6, 7 / 6, 13 / 6], atol=1e-12)


def test_core_vertices_match_a_brute_force_grid_of_imputations():
    """Every integer imputation satisfying all coalition constraints lies in the polygon of the
    reported vertices, and the vertices themselves satisfy them."""
    g = hx.game(HAND)
    v = _v(g)
    verts = np.array(g.core_vertices)
    assert len(verts) >= 3 and not g.core_empty
    for x in verts:
        assert sum(x) == pytest.approx(100.0)
        assert all(sum(x[i] for i in S) >= v[S] - 1e-9 for S in v)
    # the polygon in the (x_U, x_I) plane; its extent equals the grid's extent
    grid = [(a, b, 100 - a - b) for a in range(101) for b in range(101 - a)
            if all(sum((a, b, 100 - a - b)[i] for i in S) >= v[S] for S in v)]  # fmt: skip
    grid = np.array(grid, dtype=float)
    for k in range(3):
        assert grid[:, k].min() == pytest.approx(verts[:, k].min())
        assert grid[:, k].max() == pytest.approx(verts[:, k].max())
    # hand: the core is the box 30<=x_U<=70, 10<=x_I<=30, 20<=x_G<=50 cut by the plane
    assert g.core_bounds == {"U": (30.0, 70.0), "I": (10.0, 30.0), "G": (20.0, 50.0)}
    # nucleolus and Shapley value are in the core (the game is convex)
    assert g.convex
    for sol in (g.nucleolus, g.shapley):
        assert all(lo - 1e-9 <= sol[p] <= hi + 1e-9 for p, (lo, hi) in g.core_bounds.items())


def test_core_is_a_hexagon_when_every_bilateral_region_has_documents():
    g = hx.game({"U": 5, "I": 5, "G": 5, "UI": 5, "UG": 5, "IG": 5, "UIG": 5})
    assert len(g.core_vertices) == 6
    assert g.shapley == pytest.approx({p: 100 / 3 for p in "UIG"})
    assert g.nucleolus == pytest.approx({p: 100 / 3 for p in "UIG"}, abs=1e-7)


def test_only_single_sector_documents_leave_a_one_point_core():
    """Without collaboration v(S) = sum of v(i), the core is the single point (u, i, g)."""
    g = hx.game({"U": 50, "I": 30, "G": 20})
    assert g.core_vertices == [(50.0, 30.0, 20.0)]
    assert g.nucleolus == pytest.approx({"U": 50, "I": 30, "G": 20}, abs=1e-9)
    assert g.shapley == pytest.approx({"U": 50, "I": 30, "G": 20})


def test_a_presence_table_gives_the_same_game_and_ignores_the_none_cell():
    t = hx.venn_table(HAND, none=999)
    a, b = hx.game(t), hx.game(HAND)
    assert a.to_dict() == b.to_dict()


def test_result_protocol():
    g = hx.game(HAND)
    d = g.to_dict()
    json.dumps(d)
    assert set(d) == {"players", "n", "unit", "counts", "characteristic_function", "shapley", "nucleolus", "core", "convex"}
    assert d["unit"] == "percent" and d["core"]["bounds"]["I"] == [10.0, 30.0]
    f = g.to_frame()
    assert list(f.columns) == ["v", "core_low", "core_high", "shapley", "nucleolus"]
    assert list(f.index) == ["U", "I", "G"]
    assert "GameResult(" in repr(g) and "<table" in g._repr_html_()


@pytest.mark.parametrize(
    "bad, error",
    [
        ({"U": 1, "F": 2}, InvalidTableError),
        ({"U": -1, "I": 2}, InvalidTableError),
        ({"U": 1, "none": 3}, InvalidTableError),
        ({}, InvalidTableError),
        ({"U": 0, "UI": 0}, InvalidTableError),
        (np.ones((2, 2)), InvalidTableError),
        ("U=3", HelixnetTypeError),
        ({"U": "three"}, HelixnetTypeError),
    ],
)
def test_bad_input_raises_a_clear_error(bad, error):
    with pytest.raises(error):
        hx.game(bad)


def test_game_core_plot_draws_the_core_polygon_at_the_vertices():
    import matplotlib.pyplot as plt
    from matplotlib.patches import Polygon

    from helixnet.plot._game import game_core, ternary_xy

    g = hx.game(HAND)
    ax = game_core(g, zoom=True)
    cores = [p for p in ax.patches if isinstance(p, Polygon) and p.get_label() == "core"]
    assert len(cores) == 1
    xy = cores[0].get_xy()[:-1]  # closed polygon repeats the first point
    np.testing.assert_allclose(xy, [ternary_xy(*v) for v in g.core_vertices], atol=1e-12)
    assert "Core of the Triple Helix game" in ax.get_title()
    plt.close("all")
    with pytest.raises(HelixnetTypeError):
        game_core({"U": 1})


@pytest.mark.parametrize("seed", range(6))
def test_nucleolus_of_random_games_matches_a_grid_search_over_the_core(seed):
    """Brute force: with 100 documents every v is a whole percentage, and the nucleolus of such a
    3-player game lies on a grid of 1/12 (it solves 0/1 linear systems with equalised excesses);
    the lexicographic minimum of the sorted excess vectors over that grid is the nucleolus."""
    rng = np.random.default_rng(seed)
    counts = dict(zip(KEYS, rng.multinomial(100, rng.dirichlet(np.full(7, 0.7))).tolist()))
    g = hx.game(counts)
    v = _v(g)
    lo = [g.core_bounds[p][0] for p in "UIG"]
    hi = [g.core_bounds[p][1] for p in "UIG"]
    a, b = np.meshgrid(np.arange(lo[0], hi[0] + 1e-9, 1 / 12), np.arange(lo[1], hi[1] + 1e-9, 1 / 12), indexing="ij")
    X = np.stack([a.ravel(), b.ravel(), 100 - a.ravel() - b.ravel()], axis=1)
    X = X[(X[:, 2] >= lo[2] - 1e-9) & (X[:, 2] <= hi[2] + 1e-9)]
    E = np.stack([v[S] - X[:, sorted(S)].sum(axis=1) for S in v if len(S) < 3], axis=1)
    E = np.round(-np.sort(-E, axis=1), 8)
    best = X[np.lexsort(E.T[::-1])[0]]
    np.testing.assert_allclose([g.nucleolus[p] for p in "UIG"], best, atol=1e-6)
