// Sparse symmetric positive-definite solver: the factor's shape and multi-right-hand-side triangular solves. The
// assembly, the geometric nested-dissection ordering and the up-looking Cholesky factorisation (the CSparse
// `cs_chol` scheme) are in factorise.ts, which only the precompute needs.
//
// Why a direct factorisation and not conjugate gradients: the engine re-solves the same stiffness matrix for
// every parameter change (vector angle, lift, technique) with 3–6 right-hand sides. A factorisation paid once
// in `createTissueModel` turns each of those into two triangular sweeps (tens of milliseconds) instead of
// hundreds of CG iterations. The matrix does not depend on the technique or the parameters by design — see
// model.ts — so one factorisation serves everything.
//
// Why geometric nested dissection and not AMD: our unknowns are vertices of thin stacked surfaces with known
// coordinates. Recursive coordinate bisection with a one-sided vertex separator is a few dozen lines, gives
// the O(n log n) fill expected for surface-like graphs, and needs no graph-theory machinery.

export interface Csc {
  readonly n: number;
  readonly colPtr: Int32Array;
  readonly rowIdx: Int32Array;
  readonly vals: Float64Array;
}

/**
 * Everything about a factorisation that depends only on the sparsity PATTERN of A: the ordering, the permuted
 * upper triangle, the elimination tree and the column pointers of L. Matrices that differ only in their values
 * (the per-technique stiffness after undermining, see model.ts) share one analysis and pay only the numeric part.
 */
export interface CholeskySymbolic {
  readonly n: number;
  /** perm[new] = old */
  readonly perm: Int32Array;
  /** pattern of the permuted upper triangle and, per entry, its index in the original matrix's `vals` */
  readonly upperColPtr: Int32Array;
  readonly upperRowIdx: Int32Array;
  readonly upperSource: Int32Array;
  /** number of values of the original (full, both triangles) matrix this analysis was made for */
  readonly sourceNonZeros: number;
  readonly parent: Int32Array;
  /** column pointers of L */
  readonly colPtr: Int32Array;
}

export interface CholeskyFactor {
  readonly n: number;
  /** perm[new] = old */
  readonly perm: Int32Array;
  /** L by columns, diagonal first in each column. */
  readonly colPtr: Int32Array;
  readonly rowIdx: Int32Array;
  readonly vals: Float64Array;
  /** scratch for solves, 3 values per unknown */
  readonly work: Float64Array;
  /** the pattern analysis, for refactorising a matrix with the same pattern (`refactor`) */
  readonly symbolic: CholeskySymbolic;
}

/** Index of entry (i, j) in a CSC matrix (rows sorted per column), or −1 if it is not in the pattern. */
export function cscIndex(a: Csc, i: number, j: number): number {
  let lo = a.colPtr[j]!, hi = a.colPtr[j + 1]! - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const r = a.rowIdx[mid]!;
    if (r === i) return mid;
    if (r < i) lo = mid + 1;
    else hi = mid - 1;
  }
  return -1;
}

/**
 * Solves A X = B for three right-hand sides at once (xyz interleaved, 3 values per unknown, original order).
 * `rhs` and `out` may be the same array. Interleaving the three components keeps each sweep over L to a
 * single pass, which roughly triples throughput compared with three scalar solves.
 */
export function solve3(f: CholeskyFactor, rhs: Float64Array, out: Float64Array): void {
  const { n, perm, colPtr, rowIdx, vals, work } = f;
  for (let k = 0; k < n; k++) {
    const o = perm[k]! * 3;
    work[3 * k] = rhs[o]!;
    work[3 * k + 1] = rhs[o + 1]!;
    work[3 * k + 2] = rhs[o + 2]!;
  }
  for (let j = 0; j < n; j++) {
    const start = colPtr[j]!;
    const inv = 1 / vals[start]!;
    const xj = work[3 * j]! * inv;
    const yj = work[3 * j + 1]! * inv;
    const zj = work[3 * j + 2]! * inv;
    work[3 * j] = xj;
    work[3 * j + 1] = yj;
    work[3 * j + 2] = zj;
    const end = colPtr[j + 1]!;
    for (let p = start + 1; p < end; p++) {
      const r = rowIdx[p]! * 3;
      const l = vals[p]!;
      work[r]! -= l * xj;
      work[r + 1]! -= l * yj;
      work[r + 2]! -= l * zj;
    }
  }
  for (let j = n - 1; j >= 0; j--) {
    const start = colPtr[j]!;
    let xj = work[3 * j]!;
    let yj = work[3 * j + 1]!;
    let zj = work[3 * j + 2]!;
    const end = colPtr[j + 1]!;
    for (let p = start + 1; p < end; p++) {
      const r = rowIdx[p]! * 3;
      const l = vals[p]!;
      xj -= l * work[r]!;
      yj -= l * work[r + 1]!;
      zj -= l * work[r + 2]!;
    }
    const inv = 1 / vals[start]!;
    work[3 * j] = xj * inv;
    work[3 * j + 1] = yj * inv;
    work[3 * j + 2] = zj * inv;
  }
  for (let k = 0; k < n; k++) {
    const o = perm[k]! * 3;
    out[o] = work[3 * k]!;
    out[o + 1] = work[3 * k + 1]!;
    out[o + 2] = work[3 * k + 2]!;
  }
}

/** y = A x for three interleaved components (used by tests to check residuals). */
export function multiply3(a: Csc, x: Float64Array, y: Float64Array): void {
  y.fill(0);
  for (let j = 0; j < a.n; j++) {
    const xj = x[3 * j]!, yj = x[3 * j + 1]!, zj = x[3 * j + 2]!;
    for (let p = a.colPtr[j]!; p < a.colPtr[j + 1]!; p++) {
      const r = a.rowIdx[p]! * 3;
      const v = a.vals[p]!;
      y[r]! += v * xj;
      y[r + 1]! += v * yj;
      y[r + 2]! += v * zj;
    }
  }
}
