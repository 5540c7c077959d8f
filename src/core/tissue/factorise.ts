// Assembly, ordering and factorisation for the sparse solver (sparse.ts): the symmetric matrix builder, the
// geometric nested-dissection ordering, the symbolic analysis and the numeric factorisation (also the per-technique
// refactorisation) — everything the precompute (model.ts, undermining.ts) needs and the solves do not. Its own
// module so that the page's thread, which only solves (sparse.ts), does not carry it: the precompute runs in a
// Worker (scene/tissue.worker.ts). See sparse.ts for why a direct factorisation and why nested dissection.
import type { CholeskyFactor, CholeskySymbolic, Csc } from './sparse.ts';

/** Symmetric matrix builder: accumulate entries (i, j) with i, j in [0, n); duplicates are summed. */
export class SymmetricBuilder {
  readonly n: number;
  readonly diag: Float64Array;
  private rows: number[] = [];
  private cols: number[] = [];
  private vals: number[] = [];

  constructor(n: number) {
    this.n = n;
    this.diag = new Float64Array(n);
  }

  addDiagonal(i: number, value: number): void {
    this.diag[i]! += value;
  }

  /** Adds a spring of stiffness k between unknowns a and b (both free). */
  addSpring(a: number, b: number, k: number): void {
    if (a === b) return;
    this.diag[a]! += k;
    this.diag[b]! += k;
    this.addOffDiagonal(a, b, -k);
  }

  addOffDiagonal(i: number, j: number, value: number): void {
    this.rows.push(i);
    this.cols.push(j);
    this.vals.push(value);
  }

  /**
   * Full symmetric CSC (both triangles) with summed duplicates. Column j lists its rows sorted ascending.
   */
  toCsc(): Csc {
    const n = this.n;
    const m = this.rows.length;
    // Column j holds its diagonal plus both mirror images of every off-diagonal entry that touches it.
    const colPtrRaw = new Int32Array(n + 1);
    for (let j = 0; j < n; j++) colPtrRaw[j + 1] = 1;
    for (let e = 0; e < m; e++) {
      colPtrRaw[this.cols[e]! + 1]!++;
      colPtrRaw[this.rows[e]! + 1]!++;
    }
    for (let j = 0; j < n; j++) colPtrRaw[j + 1]! += colPtrRaw[j]!;
    const next = colPtrRaw.slice(0, n);
    const rowsRaw = new Int32Array(colPtrRaw[n]!);
    const valsRaw = new Float64Array(colPtrRaw[n]!);
    for (let j = 0; j < n; j++) {
      const p = next[j]!++;
      rowsRaw[p] = j;
      valsRaw[p] = this.diag[j]!;
    }
    for (let e = 0; e < m; e++) {
      const i = this.rows[e]!;
      const j = this.cols[e]!;
      const v = this.vals[e]!;
      let p = next[j]!++;
      rowsRaw[p] = i;
      valsRaw[p] = v;
      p = next[i]!++;
      rowsRaw[p] = j;
      valsRaw[p] = v;
    }
    return compressColumns(n, colPtrRaw, rowsRaw, valsRaw);
  }
}

/** Sorts each column's rows and sums duplicates. */
function compressColumns(n: number, colPtr: Int32Array, rows: Int32Array, vals: Float64Array): Csc {
  const outPtr = new Int32Array(n + 1);
  const outRows = new Int32Array(rows.length);
  const outVals = new Float64Array(rows.length);
  const order: number[] = [];
  let w = 0;
  for (let j = 0; j < n; j++) {
    outPtr[j] = w;
    const start = colPtr[j]!;
    const end = colPtr[j + 1]!;
    order.length = 0;
    for (let p = start; p < end; p++) order.push(p);
    order.sort((a, b) => rows[a]! - rows[b]!);
    let last = -1;
    for (const p of order) {
      const r = rows[p]!;
      if (r === last) {
        outVals[w - 1]! += vals[p]!;
      } else {
        outRows[w] = r;
        outVals[w] = vals[p]!;
        w++;
        last = r;
      }
    }
  }
  outPtr[n] = w;
  return { n, colPtr: outPtr, rowIdx: outRows.slice(0, w), vals: outVals.slice(0, w) };
}

/**
 * Nested-dissection permutation: perm[newIndex] = oldIndex. `coords` holds xyz per unknown.
 * Leaves of at most `leafSize` unknowns are emitted as they come.
 */
export function nestedDissection(a: Csc, coords: Float64Array, leafSize = 48): Int32Array {
  const n = a.n;
  const perm = new Int32Array(n);
  let written = 0;
  const stamp = new Int32Array(n).fill(-1);
  const side = new Uint8Array(n);
  let nextStamp = 0;

  // Explicit stack instead of recursion: deep recursion on 60k unknowns is fine in V8, but an explicit stack
  // keeps the emit order obvious: [left, right, separator] with the separator emitted last.
  type Task = { kind: 'split'; nodes: Int32Array } | { kind: 'emit'; nodes: Int32Array };
  const stack: Task[] = [{ kind: 'split', nodes: Int32Array.from({ length: n }, (_, i) => i) }];
  while (stack.length > 0) {
    const task = stack.pop()!;
    const nodes = task.nodes;
    if (task.kind === 'emit' || nodes.length <= leafSize) {
      for (let k = 0; k < nodes.length; k++) perm[written++] = nodes[k]!;
      continue;
    }
    let minX = Infinity, minY = Infinity, minZ = Infinity, maxX = -Infinity, maxY = -Infinity, maxZ = -Infinity;
    for (let k = 0; k < nodes.length; k++) {
      const v = nodes[k]! * 3;
      const x = coords[v]!, y = coords[v + 1]!, z = coords[v + 2]!;
      if (x < minX) minX = x;
      if (x > maxX) maxX = x;
      if (y < minY) minY = y;
      if (y > maxY) maxY = y;
      if (z < minZ) minZ = z;
      if (z > maxZ) maxZ = z;
    }
    const ex = maxX - minX, ey = maxY - minY, ez = maxZ - minZ;
    const axis = ex >= ey && ex >= ez ? 0 : ey >= ez ? 1 : 2;
    const keys = new Float64Array(nodes.length);
    for (let k = 0; k < nodes.length; k++) keys[k] = coords[nodes[k]! * 3 + axis]!;
    const sorted = keys.slice().sort();
    const median = sorted[sorted.length >> 1]!;
    const s = nextStamp++;
    let leftCount = 0;
    for (let k = 0; k < nodes.length; k++) {
      const v = nodes[k]!;
      stamp[v] = s;
      const isLeft = keys[k]! < median;
      side[v] = isLeft ? 1 : 2;
      if (isLeft) leftCount++;
    }
    if (leftCount === 0 || leftCount === nodes.length) {
      // Degenerate (all coordinates equal): emit as a leaf.
      for (let k = 0; k < nodes.length; k++) perm[written++] = nodes[k]!;
      continue;
    }
    const left: number[] = [];
    const right: number[] = [];
    const sep: number[] = [];
    for (let k = 0; k < nodes.length; k++) {
      const v = nodes[k]!;
      if (side[v] === 2) {
        right.push(v);
        continue;
      }
      let touchesRight = false;
      for (let p = a.colPtr[v]!; p < a.colPtr[v + 1]!; p++) {
        const u = a.rowIdx[p]!;
        if (stamp[u] === s && side[u] === 2) {
          touchesRight = true;
          break;
        }
      }
      if (touchesRight) sep.push(v);
      else left.push(v);
    }
    // Pushed in reverse so that left is processed first, then right, then the separator.
    stack.push({ kind: 'emit', nodes: Int32Array.from(sep) });
    stack.push({ kind: 'split', nodes: Int32Array.from(right) });
    stack.push({ kind: 'split', nodes: Int32Array.from(left) });
  }
  return perm;
}

/**
 * Upper triangle (row <= col) of P A P^T in CSC, for perm[new] = old. `source[q]` is the index in `a.vals` each
 * entry came from, so a matrix with the same pattern but new values can be permuted by a gather.
 */
function permuteUpper(a: Csc, perm: Int32Array): { c: Csc; source: Int32Array } {
  const n = a.n;
  const inv = new Int32Array(n);
  for (let k = 0; k < n; k++) inv[perm[k]!] = k;
  const count = new Int32Array(n + 1);
  for (let j = 0; j < n; j++) {
    for (let p = a.colPtr[j]!; p < a.colPtr[j + 1]!; p++) {
      const i = a.rowIdx[p]!;
      if (i > j) continue;
      const ni = inv[i]!, nj = inv[j]!;
      count[Math.max(ni, nj) + 1]!++;
    }
  }
  for (let j = 0; j < n; j++) count[j + 1]! += count[j]!;
  const next = count.slice(0, n);
  const rows = new Int32Array(count[n]!);
  const vals = new Float64Array(count[n]!);
  const source = new Int32Array(count[n]!);
  for (let j = 0; j < n; j++) {
    for (let p = a.colPtr[j]!; p < a.colPtr[j + 1]!; p++) {
      const i = a.rowIdx[p]!;
      if (i > j) continue;
      const ni = inv[i]!, nj = inv[j]!;
      const q = next[Math.max(ni, nj)]!++;
      rows[q] = Math.min(ni, nj);
      vals[q] = a.vals[p]!;
      source[q] = p;
    }
  }
  return { c: { n, colPtr: count, rowIdx: rows, vals }, source };
}

/** Ordering, elimination tree and the pattern of L. */
export function analyse(a: Csc, coords: Float64Array, leafSize = 48): CholeskySymbolic {
  const n = a.n;
  const perm = nestedDissection(a, coords, leafSize);
  const { c, source } = permuteUpper(a, perm);

  // Elimination tree (Liu), with path compression through `ancestor`.
  const parent = new Int32Array(n).fill(-1);
  const ancestor = new Int32Array(n).fill(-1);
  for (let k = 0; k < n; k++) {
    for (let p = c.colPtr[k]!; p < c.colPtr[k + 1]!; p++) {
      let i = c.rowIdx[p]!;
      while (i !== -1 && i < k) {
        const next = ancestor[i]!;
        ancestor[i] = k;
        if (next === -1) parent[i] = k;
        i = next;
      }
    }
  }
  const partial = {
    n, perm, upperColPtr: c.colPtr, upperRowIdx: c.rowIdx, upperSource: source, sourceNonZeros: a.vals.length, parent,
    colPtr: new Int32Array(n + 1),
  };
  const mark = new Int32Array(n).fill(-1);
  const stackBuf = new Int32Array(n);
  const colCount = new Int32Array(n);
  for (let k = 0; k < n; k++) {
    const top = ereach(partial, k, mark, stackBuf);
    for (let t = top; t < n; t++) colCount[stackBuf[t]!]!++;
    colCount[k]!++;
  }
  for (let j = 0; j < n; j++) partial.colPtr[j + 1] = partial.colPtr[j]! + colCount[j]!;
  return partial;
}

/** Factorises A = L L^T after a nested-dissection ordering. Throws if A is not positive definite. */
export function cholesky(a: Csc, coords: Float64Array, leafSize = 48): CholeskyFactor {
  return factorNumeric(analyse(a, coords, leafSize), a.vals);
}

/** Row k's pattern of L (columns < k) is the set of etree paths from A's row-k entries up to k. */
function ereach(sym: CholeskySymbolic, k: number, mark: Int32Array, stackBuf: Int32Array): number {
  const { n, upperColPtr, upperRowIdx, parent } = sym;
  let top = n;
  mark[k] = k;
  for (let p = upperColPtr[k]!; p < upperColPtr[k + 1]!; p++) {
    let i = upperRowIdx[p]!;
    if (i > k) continue;
    let len = 0;
    while (mark[i] !== k) {
      stackBuf[len++] = i;
      mark[i] = k;
      i = parent[i]!;
    }
    while (len > 0) stackBuf[--top] = stackBuf[--len]!;
  }
  return top;
}

/**
 * Numeric up-looking factorisation (CSparse `cs_chol`) of a matrix with the analysed pattern, given its values
 * in the original (unpermuted, full) CSC order. Throws if the matrix is not positive definite.
 */
export function factorNumeric(sym: CholeskySymbolic, aVals: Float64Array): CholeskyFactor {
  if (aVals.length !== sym.sourceNonZeros) throw new Error('factorNumeric: values do not match the analysed pattern');
  const { n, colPtr, upperColPtr, upperRowIdx, upperSource } = sym;
  const nnz = colPtr[n]!;
  const rowIdx = new Int32Array(nnz);
  const vals = new Float64Array(nnz);
  const fill = colPtr.slice(0, n); // next free slot per column
  const x = new Float64Array(n);
  const mark = new Int32Array(n).fill(-1);
  const stackBuf = new Int32Array(n);

  for (let k = 0; k < n; k++) {
    const top = ereach(sym, k, mark, stackBuf);
    for (let p = upperColPtr[k]!; p < upperColPtr[k + 1]!; p++) x[upperRowIdx[p]!] = aVals[upperSource[p]!]!;
    let d = x[k]!;
    x[k] = 0;
    for (let t = top; t < n; t++) {
      const i = stackBuf[t]!;
      const lki = x[i]! / vals[colPtr[i]!]!;
      x[i] = 0;
      const end = fill[i]!;
      for (let p = colPtr[i]! + 1; p < end; p++) x[rowIdx[p]!]! -= vals[p]! * lki;
      d -= lki * lki;
      const q = fill[i]!++;
      rowIdx[q] = k;
      vals[q] = lki;
    }
    if (!(d > 0)) throw new Error(`cholesky: matrix not positive definite at pivot ${k} (d = ${d})`);
    const q = fill[k]!++;
    rowIdx[q] = k;
    vals[q] = Math.sqrt(d);
  }
  // Column j's diagonal was written first (at row k = j, before any later row), so solves find it at colPtr[j].
  return { n, perm: sym.perm, colPtr, rowIdx, vals, work: new Float64Array(3 * n), symbolic: sym };
}

/** Factorises a matrix with the same pattern as the one `f` was made from, reusing its analysis. */
export function refactor(f: CholeskyFactor, aVals: Float64Array): CholeskyFactor {
  return factorNumeric(f.symbolic, aVals);
}
