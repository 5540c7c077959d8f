// The thin-plate spline that warps the skull, and the sex directions of the soft-tissue table.
import { describe, expect, it } from 'vitest';
import { fitTps } from '../../../src/core/geometry/tps.ts';
import { FSTT, FSTT_LANDMARK_IDS, FSTT_SEX_SD_FRACTION, fsttFor } from '../../../src/core/anatomy/softTissueThickness.ts';
import type { V3 } from '../../../scripts/model/geom.ts';

const pts: V3[] = [
  [0, 0, 0],
  [10, 0, 0],
  [0, 10, 0],
  [0, 0, 10],
  [7, 3, 5],
  [-4, 6, 2],
  [3, -5, 8],
];

describe('thin-plate spline', () => {
  it('reproduces an affine map everywhere', () => {
    const f = (p: V3): V3 => [2 * p[0] - p[1] + 3, 0.5 * p[1] + p[2], -p[0] + 1.5 * p[2] - 7];
    const tps = fitTps(pts, pts.map(f));
    for (const q of [[1, 2, 3], [-20, 5, 40], [8, 8, -8]] as V3[]) {
      const a = tps.apply(q), b = f(q);
      for (let k = 0; k < 3; k++) expect(a[k]!).toBeCloseTo(b[k]!, 6);
    }
  });

  it('interpolates non-affine targets exactly without regularisation and approximately with it', () => {
    const targets: V3[] = pts.map((p, i) => [p[0] + (i % 2) * 3, p[1] - (i % 3), p[2] + i * 0.5]);
    const exact = fitTps(pts, targets, 0);
    const smooth = fitTps(pts, targets, 5);
    let smoothErr = 0;
    pts.forEach((p, i) => {
      const a = exact.apply(p);
      for (let k = 0; k < 3; k++) expect(a[k]!).toBeCloseTo(targets[i]![k]!, 6);
      const b = smooth.apply(p);
      smoothErr = Math.max(smoothErr, Math.hypot(b[0] - targets[i]![0], b[1] - targets[i]![1], b[2] - targets[i]![2]));
    });
    expect(smoothErr).toBeGreaterThan(1e-3);
    expect(smoothErr).toBeLessThan(5);
  });

  it('rejects too few, mismatched or coplanar control points with a message', () => {
    expect(() => fitTps(pts.slice(0, 3), pts.slice(0, 3))).toThrow(/at least 4/);
    expect(() => fitTps(pts, pts.slice(1))).toThrow(/targets/);
    const flat: V3[] = [[0, 0, 0], [1, 0, 0], [0, 1, 0], [1, 1, 0], [2, 3, 0]];
    expect(() => fitTps(flat, flat)).toThrow(/singular/);
  });
});

describe('facial soft-tissue thickness table (outcomes sheet §4)', () => {
  it('moves men thicker in the midline and women thicker over the zygoma and gonion, by the named SD fraction', () => {
    for (const id of FSTT_LANDMARK_IDS) {
      const r = FSTT[id];
      const m = fsttFor(id, 'male').mean, f = fsttFor(id, 'female').mean;
      const step = FSTT_SEX_SD_FRACTION * r.sd;
      if (r.sex === 'male-thicker') expect([m - r.mean, r.mean - f].map((v) => +v.toFixed(9))).toEqual([+step.toFixed(9), +step.toFixed(9)]);
      else if (r.sex === 'female-thicker') expect(f - m).toBeCloseTo(2 * step, 9);
      else expect(m).toBe(f);
    }
    for (const id of ['glabella', 'nasion', 'rhinion', 'mid-philtrum'] as const) expect(FSTT[id].sex).toBe('male-thicker');
    for (const id of ['zygion', 'gonion'] as const) expect(FSTT[id].sex).toBe('female-thicker');
  });
});
