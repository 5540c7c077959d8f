import { describe, expect, it } from 'vitest';
import { fitTps, type V3 } from '../../../src/core/geometry/tps.ts';

// A deterministic cloud (no Math.random: the test must be reproducible).
function cloud(count: number, seed: number): V3[] {
  let s = seed;
  const next = () => ((s = (s * 1103515245 + 12345) % 2147483648) / 2147483648) * 100 - 50;
  return Array.from({ length: count }, () => [next(), next(), next()] as const);
}

// The batch warp the photo fit uses (the spline itself: tests/unit/model/tps.test.ts).
describe('thin-plate spline, many points at once', () => {
  const sources = cloud(60, 7);
  const targets = sources.map(([x, y, z], i) => [x + 3 * Math.sin(i), y - 2 + 0.05 * x, z + 0.02 * y * y / 50] as const);
  const tps = fitTps(sources, targets);

  it('moves many points at once exactly as one by one', () => {
    const points = cloud(500, 11);
    const flat = new Float32Array(points.flat());
    const many = tps.applyMany(flat);
    expect(many.length).toBe(flat.length);
    let worst = 0;
    for (let v = 0; v < points.length; v++) {
      const one = tps.apply([flat[v * 3]!, flat[v * 3 + 1]!, flat[v * 3 + 2]!]);
      for (let k = 0; k < 3; k++) worst = Math.max(worst, Math.abs(one[k]! - many[v * 3 + k]!));
    }
    // Float32 output: within its rounding at ±60 mm
    expect(worst).toBeLessThan(1e-5);
    // and the warp is not the identity (the comparison would pass trivially otherwise)
    expect(Math.abs(many[0]! - flat[0]!) + Math.abs(many[1]! - flat[1]!)).toBeGreaterThan(0.1);
  });
});
