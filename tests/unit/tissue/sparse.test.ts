import { describe, expect, it } from 'vitest';
import { SymmetricBuilder, cholesky, multiply3, solve3 } from '../../../src/core/tissue/sparse.ts';

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

  it('rejects a matrix that is not positive definite', () => {
    const b = new SymmetricBuilder(2);
    b.addSpring(0, 1, 1); // singular: no foundation
    expect(() => cholesky(b.toCsc(), new Float64Array([0, 0, 0, 1, 0, 0]))).toThrow(/positive definite/);
  });
});
