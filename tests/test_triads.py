"""Synergy of all triads (issue 18): ``hx.synergy_triads`` and the synergy map.

Expected values come from elsewhere than the code under test:
* brute force: ``hx.synergy`` (one contingency table per triad, counted by
  ``np.bincount``) for every triad of random matrices, binary and
  categorical, with and without weights;
* analytic cases: exclusive-or (T = -1 bit), the parity of three bits in four
  dimensions (T = +1, R = -1 bit), independent columns (T = 0);
* a hand computation of the Benjamini-Hochberg step-up and of permutation
  p-values from an explicitly enumerated permutation distribution.

The toy model of Leydesdorff (2021, ch. 7) could not be reached through the
search tool (only the chapter's abstract is stored), so it is not reproduced
here; the brute-force agreement stands in for it.
"""

import os
from itertools import combinations

import networkx as nx
import numpy as np
import pandas as pd
import pytest

import helixnet as hx
from helixnet.information import _triads as tr


def random_records(seed, n=400, kinds=("b", "b", "c3", "i4", "b", "c5", "k1")):
    rng = np.random.default_rng(seed)
    cols = {}
    for j, kind in enumerate(kinds):
        if kind == "b":
            cols[f"v{j}"] = rng.integers(0, 2, n)
        elif kind == "k1":  # constant column: one category
            cols[f"v{j}"] = np.full(n, 7)
        elif kind.startswith("c"):
            cols[f"v{j}"] = rng.choice(list("pqrstu")[: int(kind[1:])], n)
        else:
            cols[f"v{j}"] = rng.integers(0, int(kind[1:]), n)
    df = pd.DataFrame(cols)
    # couple some columns so that T is not ~0 everywhere
    df["v1"] = (df["v0"] + (df["v3"] > 1) + rng.integers(0, 2, n) * (rng.random(n) < 0.2)) % 2
    df["w"] = rng.random(n) * 4
    df["iw"] = rng.integers(0, 4, n)
    return df


def brute_force(df, columns, weight, order):
    rows = []
    for dims in combinations(columns, order):
        res = hx.synergy(df, dims=list(dims), weight=weight)
        pairs = [res.mutual_information(x, y) for x, y in combinations(dims, 2)]
        rows.append((frozenset(dims), res.T, pairs, dims))
    return rows


@pytest.mark.parametrize("order", [3, 4])
@pytest.mark.parametrize("weight", [None, "w"])
@pytest.mark.parametrize("kinds", [("b",) * 7, ("b", "b", "c3", "i4", "b", "c5", "k1")], ids=["binary", "mixed"])
def test_every_tuple_agrees_with_brute_force_synergy_to_1e12(kinds, weight, order):
    """Brute force: hx.synergy on each triad (its own contingency table) gives the same T and pair MIs."""
    df = random_records(seed=len(kinds) + order, kinds=kinds)
    columns = [c for c in df if c.startswith("v")]
    res = hx.synergy_triads(df, columns=columns, weight=weight, order=order)
    expected = brute_force(df, columns, weight, order)
    assert len(res) == len(expected)
    letters = "abcd"[:order]
    got = {}
    for _, r in res.iterrows():
        got[frozenset(r[x] for x in letters)] = r
    for key, T, pairs, dims in expected:
        r = got[key]
        assert r["T"] == pytest.approx(T, abs=1e-12)
        assert r["R"] == pytest.approx(T if order == 3 else -T, abs=1e-12)
        # pair columns follow the row's own a, b, c(, d) order
        row_dims = [r[x] for x in letters]
        for (x, y), col in zip(combinations(range(order), 2), [c for c in res.columns if c.startswith("T_")]):
            i, j = dims.index(row_dims[x]), dims.index(row_dims[y])
            k = list(combinations(range(order), 2)).index((min(i, j), max(i, j)))
            assert r[col] == pytest.approx(pairs[k], abs=1e-12)
    n = df["w"].sum() if weight else len(df)
    assert np.allclose(res["n"], n)


def test_blocks_smaller_than_a_variable_give_the_same_result(monkeypatch):
    """Streaming in many small blocks changes nothing (brute force is the reference above)."""
    df = random_records(seed=3)
    columns = [c for c in df if c.startswith("v")]
    whole = hx.synergy_triads(df, columns=columns)
    from helixnet.information import _triads_count

    monkeypatch.setattr(_triads_count, "BLOCK_CELLS", 64)
    monkeypatch.setattr(_triads_count, "_ROW_CHUNK_BYTES", 64 * 8 * 20)
    pieces = hx.synergy_triads(df, columns=columns)
    pd.testing.assert_frame_equal(whole, pieces, atol=1e-13)


def test_xor_triad_is_ranked_first_with_minus_one_bit():
    """Analytic: z = x XOR y of fair bits has T = -1 bit; u independent gives T = 0."""
    df = pd.DataFrame({"x": [0, 0, 1, 1] * 2, "y": [0, 1, 0, 1] * 2, "u": [0] * 4 + [1] * 4})
    df["z"] = df.x ^ df.y
    res = hx.synergy_triads(df)
    assert list(res.columns) == ["a", "b", "c", "T", "R", "n", "T_ab", "T_ac", "T_bc", "p_value", "p_adjusted"]
    assert tuple(res.loc[0, ["a", "b", "c"]]) == ("x", "y", "z")
    assert res.loc[0, "T"] == pytest.approx(-1.0, abs=1e-12)
    assert (res.loc[1:, "T"] == 0).all()
    assert res["p_value"].isna().all() and res["p_adjusted"].isna().all()
    assert hx.synergy_triads(df, unit="mbit").loc[0, "T"] == pytest.approx(-1000.0, abs=1e-9)


def test_parity_quadruple_has_positive_T_and_negative_R():
    """Analytic: w = x^y^z of three fair bits: T(x,y,z,w) = +1 bit (dit's sign), R = -T = -1 bit."""
    bits = pd.DataFrame([(x, y, z) for x in (0, 1) for y in (0, 1) for z in (0, 1)], columns=list("xyz"))
    bits["w"] = bits.x ^ bits.y ^ bits.z
    quad = hx.synergy_triads(bits, order=4)
    assert list(quad.columns) == ["a", "b", "c", "d", "T", "R", "n", "T_ab", "T_ac", "T_ad", "T_bc", "T_bd",
                                  "T_cd", "p_value", "p_adjusted"]
    assert quad.loc[0, "T"] == pytest.approx(1.0) and quad.loc[0, "R"] == pytest.approx(-1.0)
    assert (hx.synergy_triads(bits)["T"] == 0).all()


def test_sorted_most_synergetic_first():
    df = random_records(seed=5)
    res = hx.synergy_triads(df, columns=[c for c in df if c.startswith("v")])
    assert (np.diff(res["R"].to_numpy()) >= -1e-12).all()


def test_array_input_names_columns_x1_x2():
    X = np.array([[0, 0, 0], [0, 1, 1], [1, 0, 1], [1, 1, 0]])
    res = hx.synergy_triads(X)
    assert tuple(res.loc[0, ["a", "b", "c"]]) == ("x1", "x2", "x3")
    assert res.loc[0, "T"] == pytest.approx(-1.0)


# ---------------------------------------------------------------- permutation p-values


def test_permutation_pvalues_are_seeded_and_reproducible():
    df = random_records(seed=7, n=150)
    cols = ["v0", "v1", "v2", "v3", "v4"]
    a = hx.synergy_triads(df, columns=cols, n_resamples=30, seed=11, correction="fdr_bh")
    b = hx.synergy_triads(df, columns=cols, n_resamples=30, seed=11, correction="fdr_bh")
    c = hx.synergy_triads(df, columns=cols, n_resamples=30, seed=12, correction="fdr_bh")
    pd.testing.assert_frame_equal(a, b)
    assert not a["p_value"].equals(c["p_value"])
    assert ((a["p_value"] >= 1 / 31) & (a["p_value"] <= 1)).all()


def test_permutation_pvalues_match_an_explicit_permutation_loop():
    """Independent: shuffle each column with the same generator calls and count T* <= T by hx.synergy."""
    df = random_records(seed=8, n=60)
    cols = ["v0", "v1", "v3", "v5"]
    n_perm, seed = 25, 3
    res = hx.synergy_triads(df, columns=cols, n_resamples=n_perm, seed=seed, correction="max")
    # the permutations shuffle the records sorted by their values (first column first)
    df = df.sort_values(cols, kind="stable").reset_index(drop=True)
    rng = np.random.default_rng(seed)
    triads = list(combinations(cols, 3))
    observed = {t: hx.synergy(df, dims=list(t)).T for t in triads}
    null = {t: [] for t in triads}
    for _ in range(n_perm):
        perm = pd.DataFrame({c: df[c].to_numpy()[rng.permutation(len(df))] for c in cols})
        for t in triads:
            null[t].append(hx.synergy(perm, dims=list(t)).T)
    minima = np.min([null[t] for t in triads], axis=0)
    for _, r in res.iterrows():
        t = (r["a"], r["b"], r["c"])
        tol = 1e-12 * max(1.0, abs(observed[t]))
        p = (1 + sum(x <= observed[t] + tol for x in null[t])) / (1 + n_perm)
        p_max = (1 + sum(m <= observed[t] + tol for m in minima)) / (1 + n_perm)
        assert r["p_value"] == pytest.approx(p)
        assert r["p_adjusted"] == pytest.approx(p_max)
        assert r["p_adjusted"] >= r["p_value"]


def test_permutation_pvalues_do_not_depend_on_the_row_order():
    """A permutation test is a function of the multiset of records: shuffling the rows changes nothing."""
    df = random_records(seed=7, n=120)
    cols = ["v0", "v1", "v2", "v3", "v5"]
    shuffled = df.sample(frac=1.0, random_state=4).reset_index(drop=True)
    a = hx.synergy_triads(df, columns=cols, n_resamples=20, seed=5, correction="max")
    b = hx.synergy_triads(shuffled, columns=cols, n_resamples=20, seed=5, correction="max")
    pd.testing.assert_frame_equal(a, b)


@pytest.mark.parametrize("weight", [None, "iw"])
def test_both_engines_give_identical_pvalues_for_one_seed(tmp_path, weight):
    """DuckDB reduces the file to its patterns, pandas reads every record in file order: the same
    seed must give the same p-values (and the same table) from both."""
    pytest.importorskip("duckdb")
    df = random_records(seed=9, n=150)
    cols = ["v0", "v1", "v2", "v3", "v5"]
    path = tmp_path / "records.csv"
    df.sample(frac=1.0, random_state=2).to_csv(path, index=False)  # not in any sorted order
    kw = {"columns": cols, "weight": weight, "n_resamples": 30, "seed": 3, "correction": "fdr_bh"}
    duck = hx.synergy_triads(path, engine="duckdb", **kw)
    pand = hx.synergy_triads(path, engine="pandas", **kw)
    assert duck["p_value"].nunique() > 1  # not a degenerate case
    pd.testing.assert_frame_equal(duck, pand, check_exact=False, rtol=0, atol=1e-12)
    assert duck["p_value"].tolist() == pand["p_value"].tolist()
    assert duck["p_adjusted"].tolist() == pand["p_adjusted"].tolist()


@pytest.mark.parametrize("engine", ["duckdb", "pandas"])
def test_weight_among_the_columns_is_refused_by_every_engine(tmp_path, engine):
    pytest.importorskip(engine)
    path = tmp_path / "r.csv"
    random_records(seed=1, n=30).to_csv(path, index=False)
    with pytest.raises(hx.HelixnetValueError, match="both a variable and the weight"):
        hx.synergy_triads(path, columns=["v0", "v2", "v3"], weight="v0", engine=engine)


def test_a_ragged_csv_is_reported_on_one_line_not_as_an_empty_file(tmp_path):
    """Row 3 has two fields under a three-column header: DuckDB's sniffer took the longest row for
    the header and read no records ("the file has no records")."""
    pytest.importorskip("duckdb")
    path = tmp_path / "ragged.csv"
    path.write_text("a,b,c\n1,0,1\n0,1\n1,1,1,1\n")
    with pytest.raises(hx.InputFileError) as info:
        hx.synergy_triads(path, engine="duckdb")
    message = str(info.value)
    assert "no records" not in message and "\n" not in message and "cannot read" in message


def test_benjamini_hochberg_matches_a_hand_computation():
    """Hand computation (BH 1995): p sorted (0.01, 0.02, 0.03, 0.5), m = 4:
    0.01*4/1 = 0.04, 0.02*4/2 = 0.04, 0.03*4/3 = 0.04, 0.5*4/4 = 0.5 (already monotone)."""
    p = np.array([0.5, 0.01, 0.03, 0.02])
    assert tr._bh(p) == pytest.approx([0.5, 0.04, 0.04, 0.04])
    # step-up: a larger p can lower the adjustment of a smaller one
    assert tr._bh(np.array([0.04, 0.05])) == pytest.approx([0.05, 0.05])


def test_integer_weights_are_expanded_for_permutations():
    df = random_records(seed=9, n=80)
    cols = ["v0", "v1", "v2", "v4"]
    expanded = df.loc[df.index.repeat(df["iw"]), cols].reset_index(drop=True)
    a = hx.synergy_triads(df, columns=cols, weight="iw", n_resamples=10, seed=1)
    b = hx.synergy_triads(expanded, columns=cols, n_resamples=10, seed=1)
    pd.testing.assert_frame_equal(a.drop(columns="n"), b.drop(columns="n"), atol=1e-12)
    with pytest.raises(hx.HelixnetValueError, match="whole-number weights"):
        hx.synergy_triads(df, columns=cols, weight="w", n_resamples=5, seed=1)


# ---------------------------------------------------------------- errors


@pytest.mark.parametrize(
    "kwargs, exc, match",
    [
        ({"columns": ["v0", "nope", "v2"]}, hx.InvalidRecordsError, "nope"),
        ({"columns": ["v0", "v2"]}, hx.HelixnetValueError, "at least 3"),
        ({"order": 5}, hx.HelixnetValueError, "order"),
        ({"unit": "bits"}, hx.HelixnetValueError, "unit"),
        ({"n_resamples": 10, "seed": None}, hx.HelixnetValueError, "seed"),
        ({"correction": "fdr_bh"}, hx.HelixnetValueError, "n_resamples"),
        ({"n_resamples": 5, "seed": 1, "correction": "max", "alternative": "two-sided"}, hx.HelixnetValueError, "one-sided"),
        ({"n_resamples": 5, "seed": 1, "correction": "bonferroni"}, hx.HelixnetValueError, "correction"),
        ({"columns": ["v0", "v2", "w"]}, hx.HelixnetValueError, "'w' has"),
        ({"columns": ["v0", "v2", "v3"], "weight": "v0"}, hx.HelixnetValueError, "weight"),
    ],
)
def test_bad_arguments_raise_clear_errors(kwargs, exc, match):
    df = random_records(seed=1, n=50)
    kwargs.setdefault("columns", ["v0", "v2", "v3", "v4"])
    with pytest.raises(exc, match=match):
        hx.synergy_triads(df, **kwargs)


def test_missing_value_and_bad_weight_name_the_row():
    df = random_records(seed=1, n=20)
    bad = df.astype({"v2": object})
    bad.loc[5, "v2"] = None
    with pytest.raises(hx.InvalidRecordsError, match=r"'v2'.*row 5"):
        hx.synergy_triads(bad, columns=["v0", "v2", "v3"])
    df.loc[4, "w"] = -1
    with pytest.raises(hx.InvalidRecordsError, match=r"'w'.*row 4"):
        hx.synergy_triads(df, columns=["v0", "v2", "v3"], weight="w")


# ---------------------------------------------------------------- the synergy map


def xor_triads():
    df = pd.DataFrame({"x": [0, 0, 1, 1] * 2, "y": [0, 1, 0, 1] * 2, "u": [0] * 4 + [1] * 4})
    df["z"] = df.x ^ df.y
    df["v"] = df.x ^ df.u  # a second XOR triad sharing x: (x, u, v)
    return hx.synergy_triads(df)


def test_map_edges_sum_the_synergy_of_the_triads_they_share():
    """Hand count: triads (x,y,z) and (x,u,v) have -1 bit each; every other triad is 0 or positive."""
    res = xor_triads()
    G = hx.synergy_map(res)
    w = {tuple(sorted(e)): round(d, 12) for *e, d in G.edges(data="weight")}
    assert w == {("x", "y"): 1.0, ("x", "z"): 1.0, ("y", "z"): 1.0,
                 ("u", "x"): 1.0, ("u", "v"): 1.0, ("v", "x"): 1.0}  # fmt: skip
    assert G.nodes["x"]["triads"] == 2 and round(G.nodes["x"]["synergy"], 12) == 2.0
    assert hx.synergy_map(res, aggregate="count").nodes["x"]["synergy"] == 2
    assert round(hx.synergy_map(res, aggregate="min").nodes["x"]["synergy"], 12) == 1.0
    assert hx.synergy_map(res, top=1).number_of_edges() == 3


def test_map_rejects_other_tables_and_unknown_aggregates():
    with pytest.raises(hx.HelixnetTypeError):
        hx.synergy_map(pd.DataFrame({"x": [1]}))
    with pytest.raises(hx.HelixnetValueError, match="aggregate"):
        hx.synergy_map(xor_triads(), aggregate="mean")
    with pytest.raises(hx.HelixnetValueError, match="adjusted p-values"):
        hx.synergy_map(xor_triads(), significant=0.05)


def test_exports_parse_back(tmp_path):
    """Round trips through networkx's readers (GraphML, GEXF, Pajek) and a VOSviewer file read by pandas."""
    G = hx.synergy_map(xor_triads())
    tr.write_synergy_map(G, tmp_path / "m.graphml")
    back = nx.read_graphml(tmp_path / "m.graphml")
    assert set(back.edges) == {tuple(e) for e in G.edges} or nx.utils.edges_equal(back.edges, G.edges)
    assert back.edges["x", "y"]["weight"] == pytest.approx(G.edges["x", "y"]["weight"])
    assert back.nodes["x"]["triads"] == 2
    tr.write_synergy_map(G, tmp_path / "m.gexf")
    assert nx.read_gexf(tmp_path / "m.gexf").number_of_edges() == G.number_of_edges()
    tr.write_synergy_map(G, tmp_path / "m.net")
    pajek = nx.Graph(nx.read_pajek(tmp_path / "m.net"))
    assert sorted(pajek.nodes) == sorted(G.nodes)
    assert pajek.edges["u", "v"]["weight"] == pytest.approx(G.edges["u", "v"]["weight"])
    files = tr.write_synergy_map(G, tmp_path / "vos.txt")
    assert [p.rsplit("/", 1)[-1] for p in map(str, files)] == ["vos.txt", "vos_network.txt"]
    items = pd.read_csv(tmp_path / "vos.txt", sep="\t")
    assert list(items.columns) == ["id", "label", "x", "y", "weight<Synergy>", "weight<Triads>"]
    links = pd.read_csv(tmp_path / "vos_network.txt", sep="\t", header=None, names=["i", "j", "s"])
    ids = dict(zip(items["id"], items["label"]))
    assert {frozenset((ids[i], ids[j])) for i, j in zip(links["i"], links["j"])} == {frozenset(e) for e in G.edges}
    assert not list(tmp_path.glob(".helixnet-*"))  # no temporary file left


def test_plot_synergy_map_returns_axes():
    import matplotlib

    matplotlib.use("Agg")
    from helixnet.plot._triads import plot_synergy_map

    ax = plot_synergy_map(hx.synergy_map(xor_triads()), seed=1)
    assert {t.get_text() for t in ax.texts} >= {"x", "y", "z", "u", "v"}
    import matplotlib.pyplot as plt

    plt.close(ax.figure)


def test_map_files_are_the_files_written(tmp_path):
    """VOSviewer: the map file and FILE_network beside it (VOSviewer Manual, map and network files)."""
    G = hx.synergy_map(xor_triads())
    for name in ("m.txt", "m.graphml", "m.gexf", "m.net", "m"):
        folder = tmp_path / name.replace(".", "_")
        folder.mkdir()
        written = tr.write_synergy_map(G, folder / name)
        assert written == tr.synergy_map_files(folder / name)
        assert sorted(os.listdir(folder)) == sorted(os.path.basename(f) for f in written)
    assert tr.synergy_map_files("m") == ["m", "m_network.txt"]
