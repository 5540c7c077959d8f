import { describe, expect, it } from 'vitest';
import { cscIndex, multiply3, solve3 } from '../../../src/core/tissue/sparse.ts';
import { SymmetricBuilder, cholesky, refactor } from '../../../src/core/tissue/factorise.ts';

describe('sparse Cholesky', () => {
  it('solves a grid Laplacian with a foundation to round-off', () => {
    // 30×30 grid: the same structure (membrane + foundation) as the tissue system, small enough to check.
    const side = 30;
    const n = side * side;
    const b = new SymmetricBuilder(n);
    const coords = new Float64Array(3 * n);
    for (let i = 0; i < side; i++) {
      for (let j = 0; j < side; j++) {
        const k = i * side + j;
        coords[3 * k] = i;
        coords[3 * k + 1] = j;
        if (i + 1 < side) b.addSpring(k, k + side, 1 + ((i * 7 + j) % 3));
        if (j + 1 < side) b.addSpring(k, k + 1, 1);
        b.addDiagonal(k, 0.01);
      }
    }
    const a = b.toCsc();
    const f = cholesky(a, coords);
    const rhs = new Float64Array(3 * n).map((_, k) => Math.sin(k));
    const x = new Float64Array(3 * n);
    solve3(f, rhs, x);
    const back = new Float64Array(3 * n);
    multiply3(a, x, back);
    let err = 0;
    for (let k = 0; k < 3 * n; k++) err = Math.max(err, Math.abs(back[k]! - rhs[k]!));
    expect(err).toBeLessThan(1e-8);
  });

  it('refactorises new values on the same pattern (reusing the analysis) to round-off', () => {
    const side = 20;
    const n = side * side;
    const b = new SymmetricBuilder(n);
    const coords = new Float64Array(3 * n);
    for (let i = 0; i < side; i++) {
      for (let j = 0; j < side; j++) {
        const k = i * side + j;
        coords[3 * k] = i;
        coords[3 * k + 1] = j;
        if (i + 1 < side) b.addSpring(k, k + side, 1);
        if (j + 1 < side) b.addSpring(k, k + 1, 2);
        b.addDiagonal(k, 0.05);
      }
    }
    const a = b.toCsc();
    const f = cholesky(a, coords);
    // Weaken the foundation on a patch and one spring (both triangles), as undermining does.
    const vals = a.vals.slice();
    for (let k = 0; k < 50; k++) vals[cscIndex(a, k, k)]! -= 0.04;
    const p01 = cscIndex(a, 0, 1), p10 = cscIndex(a, 1, 0);
    expect(p01).toBeGreaterThanOrEqual(0);
    vals[p01]! += 1;
    vals[p10]! += 1;
    vals[cscIndex(a, 0, 0)]! -= 1;
    vals[cscIndex(a, 1, 1)]! -= 1;
    expect(cscIndex(a, 0, n - 1)).toBe(-1);
    const g = refactor(f, vals);
    expect(g.perm).toBe(f.perm);
    const rhs = new Float64Array(3 * n).map((_, k) => Math.cos(k));
    const x = new Float64Array(3 * n);
    solve3(g, rhs, x);
    const back = new Float64Array(3 * n);
    multiply3({ ...a, vals }, x, back);
    let err = 0;
    for (let k = 0; k < 3 * n; k++) err = Math.max(err, Math.abs(back[k]! - rhs[k]!));
    expect(err).toBeLessThan(1e-8);
  });

  it('rejects a matrix that is not positive definite', () => {
    const b = new SymmetricBuilder(2);
    b.addSpring(0, 1, 1); // singular: no foundation
    expect(() => cholesky(b.toCsc(), new Float64Array([0, 0, 0, 1, 0, 0]))).toThrow(/positive definite/);
  });
});
