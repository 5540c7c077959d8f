// The skin over the lateral cheek, in front of the ear and at the jaw's angle is smooth, as a real cheek over the
// masseter is: measured on each patient's committed skin as the deviation of the surface from a quadric fitted
// around every vertex of that region. A lumpy skin there (ridges and dimples of the head field's smooth unions,
// 5–20 mm across, < 1 mm high) drew dark blotches under the app's key light although the vertex colours were uniform.
// HEAD_GLB / HEAD_MALE_GLB point the test at other files (e.g. an older build, to see it fail).
import { beforeAll, describe, expect, it } from 'vitest';
import { loadHeadData } from '../../../scripts/lib/load-head.ts';
import type { HeadData } from '../../../src/core/anatomy/headData.ts';
import type { LandmarkId } from '../../../src/core/anatomy/landmarks.ts';

const FILES = { female: process.env.HEAD_GLB ?? 'public/models/head.glb', male: process.env.HEAD_MALE_GLB ?? 'public/models/head-male.glb' } as const;

/** Radius of the patch a quadric is fitted to, mm: wider than a lump, narrow enough that a cheek's or jaw's broad curve is a quadric over it. Design choice. */
const PATCH_MM = 8;
/**
 * Highest allowed 95th percentile of the patches' RMS deviation from their quadric, mm. Design choice: the
 * forehead (a smooth blend of the mask and the fitted vault) measures ≈ 0.03 mm; the lumpy cheek of the head
 * before this test measured 0.10 (woman) and 0.11 (man), the smoothed one ≈ 0.05.
 */
const MAX_P95_MM = 0.075;

type V = [number, number, number];

/** Area-weighted vertex normals. */
function normals(p: Float32Array, idx: Uint32Array): Float64Array {
  const n = new Float64Array(p.length);
  for (let t = 0; t < idx.length; t += 3) {
    const a = idx[t]! * 3, b = idx[t + 1]! * 3, c = idx[t + 2]! * 3;
    const u = [p[b]! - p[a]!, p[b + 1]! - p[a + 1]!, p[b + 2]! - p[a + 2]!];
    const v = [p[c]! - p[a]!, p[c + 1]! - p[a + 1]!, p[c + 2]! - p[a + 2]!];
    const f = [u[1]! * v[2]! - u[2]! * v[1]!, u[2]! * v[0]! - u[0]! * v[2]!, u[0]! * v[1]! - u[1]! * v[0]!];
    for (const o of [a, b, c]) for (let k = 0; k < 3; k++) n[o + k] = n[o + k]! + f[k]!;
  }
  for (let i = 0; i < n.length; i += 3) {
    const l = Math.hypot(n[i]!, n[i + 1]!, n[i + 2]!) || 1;
    for (let k = 0; k < 3; k++) n[i + k] = n[i + k]! / l;
  }
  return n;
}

/** Solves the 6×6 normal equations (Gaussian elimination, partial pivoting). */
function solve6(a: number[][], b: number[]): number[] {
  const m = a.map((r, i) => [...r, b[i]!]);
  for (let c = 0; c < 6; c++) {
    let piv = c;
    for (let r = c + 1; r < 6; r++) if (Math.abs(m[r]![c]!) > Math.abs(m[piv]![c]!)) piv = r;
    [m[c], m[piv]] = [m[piv]!, m[c]!];
    const d = m[c]![c]! || 1e-12;
    for (let r = 0; r < 6; r++) {
      if (r === c) continue;
      const f = m[r]![c]! / d;
      const mr = m[r]!, mc = m[c]!;
      for (let k = c; k < 7; k++) mr[k] = mr[k]! - f * mc[k]!;
    }
  }
  return m.map((r, i) => r[6]! / (r[i]! || 1e-12));
}

/**
 * RMS deviation (mm) of the skin within PATCH_MM of vertex i from the quadric height field h(u, v) fitted to it by
 * least squares, in the frame of the patch's mean normal (vertices facing away from it, > 72°, left out).
 */
function quadricResidual(p: Float32Array, n: Float64Array, i: number): number {
  const o: V = [p[i * 3]!, p[i * 3 + 1]!, p[i * 3 + 2]!];
  const patch: number[] = [];
  for (let j = 0; j < p.length / 3; j++) {
    const dx = p[j * 3]! - o[0], dy = p[j * 3 + 1]! - o[1], dz = p[j * 3 + 2]! - o[2];
    if (Math.abs(dx) <= PATCH_MM && Math.abs(dy) <= PATCH_MM && Math.abs(dz) <= PATCH_MM && Math.hypot(dx, dy, dz) <= PATCH_MM) patch.push(j);
  }
  let sx = 0, sy = 0, sz = 0;
  for (const j of patch) {
    sx += n[j * 3]!;
    sy += n[j * 3 + 1]!;
    sz += n[j * 3 + 2]!;
  }
  const wl = Math.hypot(sx, sy, sz);
  const w: V = [sx / wl, sy / wl, sz / wl];
  const t: V = Math.abs(w[0]) < 0.9 ? [1, 0, 0] : [0, 1, 0];
  const c0: V = [w[1] * t[2] - w[2] * t[1], w[2] * t[0] - w[0] * t[2], w[0] * t[1] - w[1] * t[0]];
  const ul = Math.hypot(...c0);
  const u: V = [c0[0] / ul, c0[1] / ul, c0[2] / ul];
  const v: V = [w[1] * u[2] - w[2] * u[1], w[2] * u[0] - w[0] * u[2], w[0] * u[1] - w[1] * u[0]];
  const A = Array.from({ length: 6 }, () => new Array<number>(6).fill(0));
  const B = new Array<number>(6).fill(0);
  const rows: [number[], number][] = [];
  for (const j of patch) {
    if (n[j * 3]! * w[0] + n[j * 3 + 1]! * w[1] + n[j * 3 + 2]! * w[2] < 0.3) continue;
    const d = [p[j * 3]! - o[0], p[j * 3 + 1]! - o[1], p[j * 3 + 2]! - o[2]];
    const a = d[0]! * u[0] + d[1]! * u[1] + d[2]! * u[2], b = d[0]! * v[0] + d[1]! * v[1] + d[2]! * v[2], h = d[0]! * w[0] + d[1]! * w[1] + d[2]! * w[2];
    const r = [a * a, a * b, b * b, a, b, 1];
    rows.push([r, h]);
    for (let x = 0; x < 6; x++) {
      B[x] = B[x]! + r[x]! * h;
      const row = A[x]!;
      for (let y = 0; y < 6; y++) row[y] = row[y]! + r[x]! * r[y]!;
    }
  }
  const c = solve6(A, B);
  let ss = 0;
  for (const [r, h] of rows) ss += (h - r.reduce((s, ri, k) => s + ri * c[k]!, 0)) ** 2;
  return Math.sqrt(ss / rows.length);
}

/**
 * The patches' residuals over the lateral cheek, the pre-auricular skin and the jaw's angle of both sides: skin
 * between the mandibular angle's height (less 6 mm) and 12 mm below the zygion, from 6 mm in front of the tragus to
 * 6 mm behind the jowl, lateral of 30 mm and facing sideways (normal's lateral component ≥ 0.55, so the jaw's
 * underside, whose real curvature is not a lump, is left out). Design choices, from the head's own landmarks.
 */
function lateralFaceResiduals(head: HeadData): number[] {
  const p = head.skin.positions;
  const n = normals(p, head.skin.indices);
  const L = (id: string): readonly number[] => head.landmarks[id as LandmarkId];
  const out: number[] = [];
  for (const [side, sx] of [['l', 1], ['r', -1]] as const) {
    const angle = L(`mandibular-angle-${side}`), zygion = L(`zygion-${side}`), tragus = L(`tragus-${side}`), jowl = L(`jowl-${side}`);
    for (let i = 0; i < p.length / 3; i++) {
      const x = p[i * 3]! * sx, y = p[i * 3 + 1]!, z = p[i * 3 + 2]!;
      if (x < 30 || y < angle[1]! - 6 || y > zygion[1]! - 12 || z < tragus[2]! + 6 || z > jowl[2]! - 6) continue;
      if (n[i * 3]! * sx < 0.55) continue;
      out.push(quadricResidual(p, n, i));
    }
  }
  return out.sort((a, b) => a - b);
}

const heads: Partial<Record<keyof typeof FILES, HeadData>> = {};
beforeAll(async () => {
  for (const k of Object.keys(FILES) as (keyof typeof FILES)[]) heads[k] = await loadHeadData(FILES[k]);
});

describe('lateral cheek, pre-auricular and gonial skin', () => {
  for (const patient of Object.keys(FILES) as (keyof typeof FILES)[]) {
    it(`is smooth on the ${patient === 'female' ? 'woman' : 'man'} (95th percentile of the deviation from a local quadric ≤ ${MAX_P95_MM} mm)`, () => {
      const r = lateralFaceResiduals(heads[patient]!);
      // the region is there and sampled on both sides (the skin has ≈ 32k vertices)
      expect(r.length).toBeGreaterThan(300);
      const p95 = r[Math.floor(0.95 * (r.length - 1))]!;
      expect(p95).toBeLessThanOrEqual(MAX_P95_MM);
    });
  }
});
