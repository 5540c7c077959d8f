// Meshes riding on a deformed layer (the zygomaticus on the SMAS) take the nearest layer vertex's displacement.
import { describe, expect, it } from 'vitest';
import { nearestVertexMap } from '../../../src/scene/followLayer.ts';

describe('nearestVertexMap', () => {
  it('finds the nearest point by brute-force agreement, also far outside the grid cells', () => {
    const to = new Float32Array(300);
    for (let i = 0; i < to.length; i++) to[i] = Math.sin(i * 12.9898) * 0.05;
    const from = Float32Array.from([0, 0, 0, 0.049, -0.02, 0.01, 0.3, 0.3, -0.3, -0.01, 0.02, 0.045]);
    const map = nearestVertexMap(from, to, 0.008);
    for (let p = 0; p < from.length / 3; p++) {
      let best = -1, bd = Infinity;
      for (let v = 0; v < to.length / 3; v++) {
        const d = (to[v * 3]! - from[p * 3]!) ** 2 + (to[v * 3 + 1]! - from[p * 3 + 1]!) ** 2 + (to[v * 3 + 2]! - from[p * 3 + 2]!) ** 2;
        if (d < bd) [best, bd] = [v, d];
      }
      expect(map[p]).toBe(best);
    }
  });

  it('returns -1 when there is nothing to follow', () => {
    expect(Array.from(nearestVertexMap(Float32Array.from([1, 2, 3]), new Float32Array(0), 1))).toEqual([-1]);
  });
});
