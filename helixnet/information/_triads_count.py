"""Joint tables of every triad (or quadruple) of columns, block by block (private).

The records are coded once as a reduced indicator matrix ``Z``: for every
variable ``v`` with ``K_v`` categories, one 0/1 column per category
``1 .. K_v - 1`` (category 0 is the reference and gets no column), followed by
one column of ones. For binary variables ``Z`` is the data matrix itself.

Every moment of ``Z`` is a co-occurrence count: ``(Z^T W Z)[i, j]`` counts
the (weighted) records having both indicators ``i`` and ``j``, and the column
of ones turns it into a single count or the total. Restricting the rows to
the records where variable ``a`` takes category ``l`` gives the triple
co-occurrences ``n(a=l, b=i, c=j)`` of every pair ``(b, c)`` at once — one
matrix product (``syrk`` on BLAS) per category of ``a``. The full
``K_a x K_b x K_c`` table follows by inclusion-exclusion along each axis
(a Moebius inversion): with index 0 standing for "any category",

.. math:: n(0, \\cdot) = n(\\text{any}, \\cdot) - \\sum_{l \\ge 1} n(l, \\cdot).

So the eight cells of a binary triad come from n, the three singles, the
three pairs and the triple count, as the issue asks. Tables are built for one
block of triads at a time (those sharing their first variable, cut into
blocks of at most :data:`BLOCK_CELLS` cells), so memory stays bounded by the
largest Gram matrix and one block.
"""

from __future__ import annotations

from typing import Any

import numpy as np

from helixnet.information import _core

#: Largest number of table cells handled in one block of triads.
BLOCK_CELLS = 1 << 21

#: Largest indicator matrix kept in float (bytes); a larger one is kept as uint8
#: and converted chunk by chunk.
_Z_FLOAT_BYTES = 1 << 30

#: Rows multiplied at once in a Gram matrix (bounds the float copy of the rows).
_ROW_CHUNK_BYTES = 1 << 25


class Coded:
    """Categorical columns as codes and as the reduced indicator matrix.

    Attributes
    ----------
    codes : ndarray (n, p) of small unsigned ints, categories 0 .. K_v - 1
    levels : ndarray (p,) of int, K_v
    Z : ndarray (n, M + 1), reduced indicators and a last column of ones (float32/64,
        or uint8 when that would exceed ``_Z_FLOAT_BYTES``)
    start : ndarray (p + 1,), Z columns of variable v are start[v] .. start[v+1]-1
    w : ndarray (n,) of float64, or None (unweighted)
    kmax : int, largest K_v (tables are padded to kmax per axis)
    """

    def __init__(self, codes, levels, w):
        self.codes = codes
        self.levels = np.asarray(levels, dtype=np.int64)
        self.w = w
        n, p = codes.shape
        self.kmax = int(max(1, self.levels.max(initial=1)))
        self.start = np.concatenate([[0], np.cumsum(self.levels - 1)]).astype(np.int64)
        m = int(self.start[-1])
        # float32 products of 0/1 are exact while every count stays below 2**24
        self.dtype = np.float32 if (w is None and n < (1 << 24)) else np.float64
        # the indicators are stored in the product's float type unless that is big
        small = n * (m + 1) * np.dtype(self.dtype).itemsize <= _Z_FLOAT_BYTES
        Z = np.zeros((n, m + 1), dtype=self.dtype if small else np.uint8)
        if np.all(self.levels == 2):
            Z[:, :m] = codes
        else:
            for v in range(p):
                k = int(self.levels[v])
                if k > 1:
                    Z[:, self.start[v]:self.start[v + 1]] = codes[:, v, None] == np.arange(1, k)
        Z[:, m] = 1
        self.Z = Z
        self.ones = m
        self.rows: list[list[Any]] = [[None] + [np.flatnonzero(codes[:, v] == lev) for lev in range(1, int(self.levels[v]))]
                     for v in range(p)]  # fmt: skip

    @property
    def p(self) -> int:
        return self.codes.shape[1]

    def gram(self, rows, first_col: int) -> np.ndarray:
        """``Z[rows, first_col:]^T W Z[rows, first_col:]`` (float64), rows in chunks."""
        Z = self.Z
        width = Z.shape[1] - first_col
        out = np.zeros((width, width), dtype=np.float64)
        step = max(1, _ROW_CHUNK_BYTES // (8 * max(width, 1)))
        all_rows = rows is None
        total = Z.shape[0] if all_rows else len(rows)
        for i in range(0, total, step):
            idx = slice(i, min(i + step, total)) if all_rows else rows[i:i + step]
            A = Z[idx, first_col:].astype(self.dtype, copy=False)
            if self.w is None:
                out += A.T @ A  # numpy hands X.T @ X to BLAS syrk
            else:
                out += (A * self.w[idx, None]).T @ A
        return out

    def index(self, first_var: int) -> np.ndarray:
        """(p, kmax) column of each (variable, category) in a Gram from ``start[first_var]``.

        Category 0 maps to the column of ones ("any category"), a padding
        category (>= K_v) to an extra zero column appended after the Gram.
        """
        off = int(self.start[first_var])
        ones = self.ones - off
        zero = ones + 1
        idx = np.full((self.p, self.kmax), zero, dtype=np.intp)
        idx[:, 0] = ones
        for v in range(first_var, self.p):
            k = int(self.levels[v])
            idx[v, 1:k] = np.arange(self.start[v], self.start[v] + k - 1) - off
        return idx


def _padded(G: np.ndarray) -> np.ndarray:
    """`G` with one more row and column of zeros (the padding category)."""
    return np.pad(G, ((0, 1), (0, 1)))


def _moebius(E: np.ndarray, k: int) -> np.ndarray:
    """Counts from "category 0 = any" moments along the last `k` axes (in place)."""
    for ax in range(E.ndim - k, E.ndim):
        head: list[int | slice] = [slice(None)] * E.ndim
        rest = [slice(None)] * E.ndim
        head[ax] = 0
        rest[ax] = slice(1, None)
        E[tuple(head)] -= E[tuple(rest)].sum(axis=ax)
    # inclusion-exclusion of float counts may leave -0.0 or tiny negatives from rounding
    np.maximum(E, 0.0, out=E)
    return E


def _pairs_after(first: int, p: int):
    """All (b, c), first < b < c < p, as two arrays."""
    b, c = np.triu_indices(p - first - 1, k=1)
    return b + first + 1, c + first + 1


def triad_blocks(coded: Coded):
    """Yield ``(idx, tables)`` blocks: idx (B, 3) variable numbers, tables (B, K, K, K)."""
    p, K = coded.p, coded.kmax
    per_block = max(1, BLOCK_CELLS // K**3)
    G_all = coded.gram(None, 0)
    for a in range(p - 2):
        first = int(coded.start[a + 1])
        Q = np.zeros((K,) + (G_all.shape[0] - first + 1,) * 2)
        Q[0] = _padded(G_all[first:, first:])
        for lev in range(1, int(coded.levels[a])):
            Q[lev] = _padded(coded.gram(coded.rows[a][lev], first))
        idx = coded.index(a + 1)
        bs, cs = _pairs_after(a, p)
        for s in range(0, len(bs), per_block):
            b, c = bs[s:s + per_block], cs[s:s + per_block]
            E = Q[:, idx[b][:, :, None], idx[c][:, None, :]]  # (K, B, K, K)
            E = np.ascontiguousarray(np.moveaxis(E, 0, 1))
            trip = np.column_stack([np.full(len(b), a), b, c])
            yield trip, _moebius(E, 3)


def quadruple_blocks(coded: Coded):
    """Yield ``(idx, tables)`` blocks: idx (B, 4), tables (B, K, K, K, K)."""
    p, K = coded.p, coded.kmax
    per_block = max(1, BLOCK_CELLS // K**4)
    G_all = coded.gram(None, 0)
    # Gram over the rows of each category of each variable, columns after it
    G1 = {}
    for v in range(p):
        first = int(coded.start[v + 1])
        for lev in range(1, int(coded.levels[v])):
            G1[v, lev] = coded.gram(coded.rows[v][lev], first)
    for a in range(p - 3):
        for b in range(a + 1, p - 2):
            first = int(coded.start[b + 1])
            size = G_all.shape[0] - first + 1
            Q = np.zeros((K, K, size, size))
            Q[0, 0] = _padded(G_all[first:, first:])
            cut_a = first - int(coded.start[a + 1])
            for l in range(1, int(coded.levels[a])):
                Q[l, 0] = _padded(G1[a, l][cut_a:, cut_a:])
            for m in range(1, int(coded.levels[b])):
                Q[0, m] = _padded(G1[b, m])
                code_b = coded.codes[:, b]
                for l in range(1, int(coded.levels[a])):
                    rows = coded.rows[a][l]
                    Q[l, m] = _padded(coded.gram(rows[code_b[rows] == m], first))
            idx = coded.index(b + 1)
            cs, ds = _pairs_after(b, p)
            for s in range(0, len(cs), per_block):
                c, d = cs[s:s + per_block], ds[s:s + per_block]
                E = Q[:, :, idx[c][:, :, None], idx[d][:, None, :]]  # (K, K, B, K, K)
                E = np.ascontiguousarray(np.moveaxis(E, 2, 0))
                quad = np.column_stack([np.full(len(c), a), np.full(len(c), b), c, d])
                yield quad, _moebius(E, 4)


def corrected_entropies(tables: np.ndarray, k: int) -> dict:
    """Entropy (nats) of every marginal of each table of a batch (B, K, ..., K).

    :math:`H_S = \\log N - \\frac{1}{N} \\sum N_S \\log N_S` with N the table's
    total: the same numbers as :func:`helixnet.information._core.marginal_entropies`,
    without normalising every marginal (the batch's tables are many and small).
    """
    from scipy.special import xlogy

    B = tables.shape[0]
    total = tables.reshape(B, -1).sum(axis=1)
    logn = np.log(total)
    marg = {tuple(range(k)): tables}
    out = {}
    for s in sorted(_core.subsets(k), key=len, reverse=True):
        if s not in marg:
            parent = min((q for q in marg if set(s) < set(q)), key=len)
            drop = tuple(1 + parent.index(a) for a in parent if a not in s)
            marg[s] = marg[parent].sum(axis=drop)
        m = marg[s].reshape(B, -1)
        out[s] = logn - xlogy(m, m).sum(axis=1) / total
    return out


def block_measures(tables: np.ndarray, k: int):
    """T (nats) of each table and the mutual information of each pair of its axes.

    Returns ``(T, pairs)`` with pairs (B, k(k-1)/2) in the order of
    ``itertools.combinations(range(k), 2)``.
    """
    H = corrected_entropies(tables, k)
    T = _core.coinformation(H, tuple(range(k)))
    pairs = [H[(i,)] + H[(j,)] - H[(i, j)] for i in range(k) for j in range(i + 1, k)]
    return T, np.column_stack(pairs)
