// Wrinkles that follow the tissue (issue 13 item 2): the crease depth comes from the skin's compression in the real
// engine's displacement field — deeper on the sagged face, shallower where a lift stretches the skin, unchanged where
// a lift does not reach. Checked on every available head (the synthetic fixture; the committed model when present).
import { beforeAll, describe, expect, it } from 'vitest';
import { TECHNIQUES, type TechniqueId } from '../../../src/core/ids.ts';
import {
  createDisplacements, createTissueModel, evaluate, solveTechnique, toVertexFields, type TissueModel,
} from '../../../src/core/tissue/index.ts';
import {
  CREASE_CHANNELS, CREASE_ZONES, createCompressionOperator, createWrinkles, creaseDepth, skinCompression,
  skinPositions, zoneDepth, type CreaseZone, type Wrinkles,
} from '../../../src/core/tissue/wrinkles.ts';
import { testHeads } from '../../fixtures/heads.ts';
import { packWrinkles } from '../../../src/scene/tissueSolves.ts';
import type { LandmarkId } from '../../../src/core/anatomy/landmarks.ts';

const heads = await testHeads();

describe('skinCompression (the measure)', () => {
  // A flat patch of skin, 10 × 10 mm in 1 mm squares, each split into two triangles.
  const N = 11;
  const rest = new Float32Array(3 * N * N);
  for (let j = 0; j < N; j++) for (let i = 0; i < N; i++) rest.set([i, j, 0], 3 * (j * N + i));
  const idx: number[] = [];
  for (let j = 0; j < N - 1; j++) {
    for (let i = 0; i < N - 1; i++) {
      const a = j * N + i;
      idx.push(a, a + 1, a + N + 1, a, a + N + 1, a + N);
    }
  }
  const indices = Uint32Array.from(idx);
  const all = new Uint8Array(N * N).fill(1);
  const op = createCompressionOperator(rest, indices, all, 2);
  const measure = (map: (x: number, y: number, z: number) => [number, number, number]): Float32Array => {
    const cur = new Float32Array(rest.length);
    for (let v = 0; v < N * N; v++) cur.set(map(rest[3 * v]!, rest[3 * v + 1]!, rest[3 * v + 2]!), 3 * v);
    const out = new Float32Array(N * N);
    skinCompression(op, cur, out);
    return out;
  };
  const range = (a: Float32Array) => [Math.min(...a), Math.max(...a)];

  it('is 0 for a rigid motion and 1 − s for a uniform scaling by s', () => {
    const c = Math.cos(0.7), s = Math.sin(0.7);
    const [lo, hi] = range(measure((x, y, z) => [c * x - s * z + 5, y - 3, s * x + c * z]));
    expect(Math.max(Math.abs(lo!), Math.abs(hi!))).toBeLessThan(1e-5);
    const scaled = measure((x, y, z) => [0.92 * x, 0.92 * y, 0.92 * z]);
    for (const v of scaled) expect(v).toBeCloseTo(1 - 0.92, 5);
  });

  it('reads the most compressed direction, whatever it is: stretch in x with 6 % shortening in y gives 0.06', () => {
    for (const v of measure((x, y, z) => [1.1 * x, 0.94 * y, z])) expect(v).toBeCloseTo(0.06, 5);
    // the same strain turned by 30° in the plane
    const c = Math.cos(Math.PI / 6), s = Math.sin(Math.PI / 6);
    const turned = measure((x, y, z) => {
      const u = c * x + s * y, w = -s * x + c * y; // rotate into the strain's axes, strain, rotate back
      const us = 1.1 * u, ws = 0.94 * w;
      return [c * us - s * ws, s * us + c * ws, z];
    });
    for (const v of turned) expect(v).toBeCloseTo(0.06, 5);
  });

  it('is negative where the skin is stretched in every direction (a lift that stretches it)', () => {
    for (const v of measure((x, y, z) => [1.05 * x, 1.03 * y, z])) expect(v).toBeCloseTo(-0.03, 5);
  });
});

describe.each(heads)('wrinkles on the $name head', ({ head }) => {
  let model: TissueModel;
  let wrinkles: Wrinkles;
  const depthOf = (technique: TechniqueId, sag: number, t: number): Float32Array => {
    const sol = solveTechnique(model, technique, {}, sag);
    const out = createDisplacements(model);
    evaluate(model, sol, t, out);
    const cur = new Float32Array(head.skin.positions.length);
    skinPositions(head.skin.positions, out.skin, cur);
    const depth = new Float32Array(CREASE_CHANNELS * head.skin.positions.length / 3);
    creaseDepth(wrinkles, cur, depth);
    return depth;
  };
  /** Weight-averaged |lift| (t = 1 minus the sagged face, mm) over a zone's skin. */
  const zoneLiftMm = (technique: TechniqueId, zone: CreaseZone): number => {
    const sol = solveTechnique(model, technique, {}, 1);
    const out = createDisplacements(model);
    evaluate(model, sol, 1, out);
    const z = CREASE_ZONES.indexOf(zone) + 1;
    let s = 0, ws = 0;
    for (let k = 0; k < wrinkles.pattern.zone.length; k++) {
      if (wrinkles.pattern.zone[k] !== z) continue;
      const v = Math.floor(k / CREASE_CHANNELS), w = wrinkles.pattern.weight[k]!;
      const d = [0, 1, 2].map((a) => out.skin[3 * v + a]! - sol.sagField.skin[3 * v + a]!);
      s += w * Math.hypot(d[0]!, d[1]!, d[2]!);
      ws += w;
    }
    return s / ws;
  };

  // The synthetic fixture is an ellipsoid without a neck: the neck lines are required where there is a neck (skin in
  // front, 30 mm and more below the menton), as on the committed head.
  const menton = head.landmarks.menton;
  let hasNeck = false;
  for (let v = 0; v < head.skin.positions.length; v += 3) {
    const [x, y, z] = [head.skin.positions[v]!, head.skin.positions[v + 1]!, head.skin.positions[v + 2]!];
    if (Math.abs(x) < 15 && y < menton[1] - 30 && y > menton[1] - 60 && z > menton[2] - 70) hasNeck = true;
  }
  const zones = CREASE_ZONES.filter((z) => z !== 'neck' || hasNeck);

  beforeAll(() => {
    model = createTissueModel(head);
    wrinkles = createWrinkles(head, toVertexFields(model, model.sagUnit).skin);
  });

  it('made in the tissue Worker and moved to the page (structured clone, buffers transferred), draws the same creases', () => {
    const sender = createTissueModel(head);
    const { wrinkles: made, transfer } = packWrinkles(sender);
    expect(transfer.length).toBeGreaterThanOrEqual(8);
    const arrived = structuredClone(made, { transfer });
    // moved, not copied
    expect(made.pattern.phase.length).toBe(0);
    const sol = solveTechnique(model, 'smile', {}, 1);
    const out = createDisplacements(model);
    evaluate(model, sol, 0.3, out);
    const cur = new Float32Array(head.skin.positions.length);
    skinPositions(head.skin.positions, out.skin, cur);
    const here = new Float32Array(CREASE_CHANNELS * cur.length / 3), there = new Float32Array(here.length);
    creaseDepth(wrinkles, cur, here);
    creaseDepth(arrived, cur, there);
    expect(there).toEqual(here);
    expect(here.some((d) => d > 0.2)).toBe(true);
  });

  it('lays every crease on the face: crow’s feet, nasolabial and marionette on both sides, the neck lines across', () => {
    const p = wrinkles.pattern;
    for (const zone of zones) {
      const i = CREASE_ZONES.indexOf(zone);
      let left = 0, right = 0;
      for (let k = 0; k < p.zone.length; k++) {
        if (p.zone[k] !== i + 1 || p.weight[k]! < 0.5) continue;
        const x = head.skin.positions[3 * Math.floor(k / CREASE_CHANNELS)]!;
        if (x > 0) left++;
        else right++;
      }
      expect(left, `${zone} on the left`).toBeGreaterThan(3);
      expect(right, `${zone} on the right`).toBeGreaterThan(3);
    }
  });

  // The fold creases drawn as folds, not scratches: a marionette line ≈ 2–3 cm long from the oral commissure toward
  // the mandibular border, a nasolabial crease that stops at the fold's lower end instead of running on past the
  // mouth, both curved (convex laterally) and tapering to their ends. Measured on the pattern where it is drawn
  // (weight > 0.05): its length on the zone, its curve and width on the centre line (phase ½). Bounds: the 20–30 mm
  // span is the design choice of wrinkles.ts's MARIONETTE (no source gives the length); the others are geometric.
  describe.each([['marionette', 1] as const, ['nasolabial', 0] as const])('the %s crease', (zone, channel) => {
    // the centre line: where the phase crosses ½ along a mesh edge whose two ends the zone draws on
    const onLine = (side: 1 | -1, minWeight: number): { x: number; y: number; halfWidthMm: number }[] => {
      const p = wrinkles.pattern, z = CREASE_ZONES.indexOf(zone) + 1, period = 10; // zoneHalfWidthMm 5: one line per 10 mm
      const pos = head.skin.positions, idx = head.skin.indices;
      const out: { x: number; y: number; halfWidthMm: number }[] = [];
      for (let t = 0; t < idx.length; t += 3) {
        for (const [u, v] of [[idx[t]!, idx[t + 1]!], [idx[t + 1]!, idx[t + 2]!], [idx[t + 2]!, idx[t]!]] as const) {
          if (u > v) continue; // each edge once (the mesh is closed: every edge is in two triangles, once each way)
          const ku = CREASE_CHANNELS * u + channel, kv = CREASE_CHANNELS * v + channel;
          if (p.zone[ku] !== z || p.zone[kv] !== z || p.weight[ku]! <= minWeight || p.weight[kv]! <= minWeight) continue;
          const du = p.phase[ku]! - 0.5, dv = p.phase[kv]! - 0.5;
          if (du * dv > 0 || du === dv) continue;
          const f = du / (du - dv);
          const x = pos[3 * u]! + f * (pos[3 * v]! - pos[3 * u]!), y = pos[3 * u + 1]! + f * (pos[3 * v + 1]! - pos[3 * u + 1]!);
          if (x * side <= 0) continue;
          out.push({ x, y, halfWidthMm: (p.halfWidth[ku]! + f * (p.halfWidth[kv]! - p.halfWidth[ku]!)) * period });
        }
      }
      return out;
    };
    // the zone where it is drawn (weight > 0.05, any phase): its extent along its own long axis is the drawn length
    const drawn = (side: 1 | -1): { x: number; y: number }[] => {
      const p = wrinkles.pattern, z = CREASE_ZONES.indexOf(zone) + 1, out: { x: number; y: number }[] = [];
      for (let v = 0; v < p.zone.length / CREASE_CHANNELS; v++) {
        const k = CREASE_CHANNELS * v + channel;
        if (p.zone[k] === z && p.weight[k]! > 0.05 && head.skin.positions[3 * v]! * side > 0) out.push({ x: head.skin.positions[3 * v]!, y: head.skin.positions[3 * v + 1]! });
      }
      return out;
    };
    /** The points' extent along their principal axis (mm) and the two points at its ends. */
    const extent = (pts: { x: number; y: number }[]): { length: number; a: { x: number; y: number }; b: { x: number; y: number } } => {
      const mx = pts.reduce((s, q) => s + q.x, 0) / pts.length, my = pts.reduce((s, q) => s + q.y, 0) / pts.length;
      let sxx = 0, sxy = 0, syy = 0;
      for (const q of pts) [sxx, sxy, syy] = [sxx + (q.x - mx) ** 2, sxy + (q.x - mx) * (q.y - my), syy + (q.y - my) ** 2];
      const th = 0.5 * Math.atan2(2 * sxy, sxx - syy), ux = Math.cos(th), uy = Math.sin(th);
      const t = pts.map((q) => (q.x - mx) * ux + (q.y - my) * uy);
      const lo = Math.min(...t), hi = Math.max(...t);
      return { length: hi - lo, a: pts[t.indexOf(lo)]!, b: pts[t.indexOf(hi)]! };
    };
    for (const side of [1, -1] as const) {
      it(`${side > 0 ? 'left' : 'right'}: length, start, curve and tapered ends`, () => {
        const zonePts = drawn(side);
        expect(zonePts.length).toBeGreaterThan(8);
        const { length } = extent(zonePts);
        const L = (id: string) => head.landmarks[`${id}-${side > 0 ? 'l' : 'r'}` as LandmarkId];
        const top = Math.max(...zonePts.map((q) => q.y)), bottom = Math.min(...zonePts.map((q) => q.y));
        if (zone === 'marionette') {
          expect(length).toBeGreaterThanOrEqual(20);
          expect(length).toBeLessThanOrEqual(30);
          // it starts at the mouth corner: its upper end within 6 mm of the oral commissure's height
          expect(Math.abs(top - L('oral-commissure')[1])).toBeLessThan(6);
        } else {
          // no longer than the fold it lies in, and it ends above the fold's lower end (not on past the mouth)
          const up = L('nasolabial-fold-upper'), lo = L('nasolabial-fold-lower');
          expect(length).toBeLessThanOrEqual(Math.hypot(up[0] - lo[0], up[1] - lo[1]) + 2);
          expect(bottom).toBeGreaterThan(lo[1] - 2);
        }
        const pts = onLine(side, 0.05);
        expect(pts.length).toBeGreaterThan(5);
        const { a, b } = extent(pts);
        // curved, convex laterally: its middle stands ≥ 0.6 mm lateral of the chord between its ends (a straight line: ≈ 0)
        const cx = b.x - a.x, cy = b.y - a.y, cl = Math.hypot(cx, cy);
        const flip = cy * side > 0 ? 1 : -1; // the chord's normal (cy, −cx) turned to point away from the midline
        let bow = 0;
        for (const q of pts) {
          const t = ((q.x - a.x) * cx + (q.y - a.y) * cy) / (cl * cl);
          if (t < 0.35 || t > 0.65) continue;
          bow = Math.max(bow, (flip * ((q.x - a.x) * cy - (q.y - a.y) * cx)) / cl);
        }
        expect(bow).toBeGreaterThanOrEqual(0.6);
        // tapered: the line is narrower (on average) within 10 % of its ends than in its middle fifth
        const at = (lo: number, hi: number) => pts.filter((q) => {
          const t = ((q.x - a.x) * cx + (q.y - a.y) * cy) / (cl * cl);
          return t >= lo && t <= hi;
        }).map((q) => q.halfWidthMm);
        const ends = [...at(-0.1, 0.1), ...at(0.9, 1.1)], middle = at(0.4, 0.6);
        expect(ends.length).toBeGreaterThan(0);
        expect(middle.length).toBeGreaterThan(0);
        const mean = (w: number[]) => w.reduce((x, y) => x + y, 0) / w.length;
        // (the drawn ends, weight > 0.05, sit 1–4 mm inside the design's ends, where the width is ≈ 0.55–0.7 of the
        // middle's: 0.85 leaves room for the mesh's sampling; a line of constant width gives 1)
        expect(mean(ends)).toBeLessThan(0.85 * mean(middle));
      });
    }
  });

  it('keeps each crease coordinate continuous wherever a crease is drawn (no stray line where zones or their edges meet)', () => {
    // The shader draws a line where the interpolated phase crosses ½ (mod 1). Along any mesh edge touching a vertex
    // with a crease, the phase may change by at most one cycle per mm (every crease is drawn ≥ 1 mm from the next);
    // a jump — a vertex holding another zone's coordinate, or none — would draw stray lines across that edge.
    const p = wrinkles.pattern;
    const idx = head.skin.indices, pos = head.skin.positions;
    let checked = 0;
    for (let t = 0; t < idx.length; t += 3) {
      for (const [a, b] of [[idx[t]!, idx[t + 1]!], [idx[t + 1]!, idx[t + 2]!], [idx[t + 2]!, idx[t]!]] as const) {
        for (let ch = 0; ch < CREASE_CHANNELS; ch++) {
          const ka = CREASE_CHANNELS * a + ch, kb = CREASE_CHANNELS * b + ch;
          if (p.weight[ka]! <= 0.01 && p.weight[kb]! <= 0.01) continue;
          checked++;
          const mm = Math.hypot(pos[3 * a]! - pos[3 * b]!, pos[3 * a + 1]! - pos[3 * b + 1]!, pos[3 * a + 2]! - pos[3 * b + 2]!);
          expect(Math.abs(p.phase[ka]! - p.phase[kb]!), `edge ${a}–${b} (${mm.toFixed(1)} mm), channel ${ch}`).toBeLessThanOrEqual(mm + 1e-3);
        }
      }
    }
    expect(checked).toBeGreaterThan(100);
  });

  it('draws no crease on the rest face (sag 0) and every crease at sag 1, deeper than at sag 0', () => {
    const young = depthOf('traditional', 0, 0);
    const sagged = depthOf('traditional', 1, 0);
    for (const zone of zones) {
      expect(zoneDepth(wrinkles, young, zone), zone).toBeLessThan(0.01);
      expect(zoneDepth(wrinkles, sagged, zone), zone).toBeGreaterThan(zoneDepth(wrinkles, young, zone) + 0.01);
      // Plainly visible on a real head. (The synthetic ellipsoid has no orbit or neck: the skin at its "crow's feet"
      // may barely shorten under the ageing field, and then its crease is faint — as it should be.)
      if (hasNeck) expect(zoneDepth(wrinkles, sagged, zone), zone).toBeGreaterThan(0.3);
    }
    // and more with more sag
    const half = depthOf('traditional', 0.5, 0);
    for (const zone of zones) expect(zoneDepth(wrinkles, half, zone), zone).toBeLessThan(zoneDepth(wrinkles, sagged, zone));
  });

  it('softens the marionette and neck creases after the traditional lift (its result step) and the facelift', () => {
    const sagged = depthOf('traditional', 1, 0);
    for (const technique of ['traditional', 'facelift'] as const) {
      const result = depthOf(technique, 1, 1);
      for (const zone of zones.filter((z) => z === 'marionette' || z === 'neck')) {
        expect(zoneDepth(wrinkles, result, zone), `${technique} ${zone}`).toBeLessThan(zoneDepth(wrinkles, sagged, zone) - 0.02);
      }
    }
  });

  it('leaves a crease as it was where a technique does not move the skin', () => {
    const sagged = depthOf('traditional', 1, 0);
    let untouched = 0;
    for (const technique of TECHNIQUES) {
      const result = depthOf(technique, 1, 1);
      for (const zone of zones) {
        if (zoneLiftMm(technique, zone) >= 0.1) continue; // the lift reaches this zone
        untouched++;
        expect(Math.abs(zoneDepth(wrinkles, result, zone) - zoneDepth(wrinkles, sagged, zone)), `${technique} ${zone}`).toBeLessThan(0.03);
      }
    }
    // Not vacuous where there is a neck: the mini lifts and threads act on the face, not on the neck. (On the small
    // synthetic ellipsoid every technique moves every zone a little.)
    if (hasNeck) expect(untouched).toBeGreaterThan(0);
  });

  it('never draws a crease deeper after a lift than on the face before it (the ceiling), and caps only what a lift gathered', () => {
    let capped = 0;
    for (const technique of TECHNIQUES) {
      const before = depthOf(technique, 1, 0);
      const free = depthOf(technique, 1, 1);
      const sol = solveTechnique(model, technique, {}, 1);
      const out = createDisplacements(model);
      evaluate(model, sol, 1, out);
      const cur = new Float32Array(head.skin.positions.length);
      skinPositions(head.skin.positions, out.skin, cur);
      const withCeiling = new Float32Array(free.length);
      creaseDepth(wrinkles, cur, withCeiling, before);
      for (let k = 0; k < free.length; k++) {
        expect(withCeiling[k]!).toBeLessThanOrEqual(before[k]! + 1e-7);
        // Where the lift softened the crease, the ceiling changes nothing; it only stops a deepening.
        if (free[k]! <= before[k]!) expect(withCeiling[k]).toBe(free[k]);
        else capped++;
      }
    }
    // Not vacuous: without the ceiling some lift deepens some crease next to its fixation (no skin excision).
    expect(capped).toBeGreaterThan(0);
  });

  it('follows the compression: at every crease vertex the depth moves with the skin’s compression, never against it', () => {
    const out = createDisplacements(model);
    const cur = new Float32Array(head.skin.positions.length);
    const comp = (t: number, sol: ReturnType<typeof solveTechnique>): Float32Array => {
      const c = new Float32Array(head.skin.positions.length / 3);
      evaluate(model, sol, t, out);
      skinPositions(head.skin.positions, out.skin, cur);
      skinCompression(wrinkles.operator, cur, c);
      return c;
    };
    let moved = 0;
    for (const technique of ['traditional', 'smile', 'facelift'] as const) {
      const sol = solveTechnique(model, technique, {}, 1);
      const c0 = comp(0, sol), c1 = comp(1, sol);
      const d0 = depthOf(technique, 1, 0), d1 = depthOf(technique, 1, 1);
      for (let k = 0; k < d0.length; k++) {
        if (wrinkles.pattern.weight[k]! === 0) continue;
        const v = Math.floor(k / CREASE_CHANNELS);
        const dc = c1[v]! - c0[v]!, dd = d1[k]! - d0[k]!;
        if (Math.abs(dd) > 1e-6) {
          moved++;
          expect(Math.sign(dd), `${technique} vertex ${v}: compression ${dc}, depth ${dd}`).toBe(Math.sign(dc));
        }
      }
    }
    expect(moved).toBeGreaterThan(0);
  });
});
