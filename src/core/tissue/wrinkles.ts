// Wrinkles that follow the tissue: fine creases drawn on the skin whose depth follows the skin's local compression,
// computed from the engine's displacement field. Pure typed-array code (no three, react, DOM).
//
//   const w = createWrinkles(head, sagUnitSkin);          // once per head: crease pattern, operator, calibration
//   skinPositions(head.skin.positions, disp.skin, cur);  // any deformed skin (mm), e.g. after evaluate()
//   creaseDepth(w, cur, depth);                          // per skin vertex, 0 (no crease) … 1 (the sag-1 crease)
//
// The PATTERN (where the lines run, their spacing and direction) is generated from the head's landmarks: crow's feet
// (lateral canthal lines) fanning from the lateral canthus, the nasolabial crease along the fold, the marionette
// line from the oral commissure down to the jawline, and the horizontal neck (necklace) lines. The DEPTH is
// mechanical: a crease forms where the skin is shortened, so each vertex's depth is the skin's local compression
// relative to the rest face (its smaller principal stretch, see skinCompression), scaled so that the mean
// compression of that crease's zone on the fully sagged face (sag = 1 of the engine's ageing field) draws it at
// full depth. A lift that stretches the skin there therefore softens the crease; one that does not reach it leaves
// it as it was (the clinic: crow's feet improve "to some extent" when sagging is their cause, DESIGN.md).
// No source gives crease positions, spacings or depths in mm (../shared/reference has none): every number of the
// pattern below — spans, spacings, widths, and the thresholds on the skin's facing that keep a zone on the skin it
// belongs to — is a DESIGN CHOICE.
//
// The engine is a membrane model and cannot buckle (model.ts): the creases are shading driven by its strain, not
// geometry.
import type { HeadData } from '../anatomy/headData.ts';
import type { LandmarkId } from '../anatomy/landmarks.ts';
import { SIM_CELL_MM } from './constants.ts';
import { PointGrid } from './geometry.ts';
import { vertexNormals } from '../geometry/surface.ts';
import type { TissueModel } from './model.ts';
import { toVertexFields } from './solve.ts';

/** The creases drawn, in the order of `CreasePattern.zone` ids 1… (0 = no crease). */
export const CREASE_ZONES = ['crows-feet', 'nasolabial', 'marionette', 'neck'] as const;
export type CreaseZone = (typeof CREASE_ZONES)[number];

/**
 * Creases are drawn in two channels, so that two creases may overlap (the marionette line begins where the
 * nasolabial crease ends, beside the oral commissure) without one's coordinate being interpolated into the other's.
 * Zones of one channel never meet.
 */
export const CREASE_CHANNELS = 2;
const CHANNEL_OF: Readonly<Record<CreaseZone, number>> = { 'crows-feet': 0, nasolabial: 0, marionette: 1, neck: 0 };

/**
 * Static crease pattern per skin vertex (render order of `head.skin`), CREASE_CHANNELS values per vertex
 * (index 2·v + channel).
 * - `phase`: crease coordinate in cycles; a crease line runs where phase ≡ ½ (mod 1). Smooth over the zone and a
 *   margin around it (where its weight is 0), so it may be interpolated across triangles at any mesh resolution.
 * - `halfWidth`: half the drawn line's width, in cycles of `phase` at that vertex.
 * - `weight`: 0…1, how strongly the vertex belongs to the channel's zone (tapers to 0 at the zone's ends and sides).
 * - `zone`: 0 none, else 1 + index in CREASE_ZONES.
 */
export interface CreasePattern {
  readonly phase: Float32Array;
  readonly halfWidth: Float32Array;
  readonly weight: Float32Array;
  readonly zone: Uint8Array;
}

/** Design choices of the pattern (mm, degrees). */
const CROWS_FEET = {
  /** The fan's centre: this far lateral of the lateral canthus (the lines start at the orbital rim, not the lid). */
  originLateralMm: 2,
  /**
   * Lines begin and end at these distances from the centre (they fade in/out over `fadeMm`). They begin where they
   * are still ≥ 1 mm apart (at 14°: 4.1 mm from the centre) — converging lines would shimmer, and the lines are
   * seen from the lateral orbital rim outward.
   */
  innerMm: 8,
  outerMm: 24,
  fadeMm: 3,
  /** Angles of the fan, from the lateral direction, positive upward; lines every `spacingDeg`. */
  fromDeg: -42,
  toDeg: 30,
  spacingDeg: 14,
  lineHalfWidthMm: 0.3,
} as const;
/**
 * A fold's crease is a curved groove whose ends taper: `bowMm` is the curve's sagitta (its middle stands this far
 * lateral of the chord, so both creases bracket the mouth like parentheses), and the line's width and depth taper
 * from the middle to `taper` of it at the ends, where the groove runs out into smooth skin. Design choices.
 */
const NASOLABIAL = {
  /** The crease runs along the fold line (nasolabial-fold-upper → lower landmarks), no further. */
  bowMm: 2.5,
  /** Half-width of the zone across the line; the crease is one line at its centre. */
  zoneHalfWidthMm: 5,
  fadeMm: 6,
  lineHalfWidthMm: 0.8,
} as const;
/**
 * The marionette (labiomandibular) line: from just below-lateral of the oral commissure toward the mandibular
 * border medial to the jowl, ≈ 25 mm, curving (no source gives its length: design choice within the 2–3 cm a
 * marionette line is commonly drawn; it ends above the jaw's border, where the jowl's prejowl sulcus takes over).
 */
const MARIONETTE = {
  startOffsetMm: [1.5, -2] as const,
  /** End: at the jowl landmark's height, this fraction of the way from the commissure's x to the jowl's x. */
  endTowardJowl: 0.45,
  bowMm: 2,
  zoneHalfWidthMm: 5,
  fadeMm: 6,
  lineHalfWidthMm: 0.75,
} as const;
const NECK = {
  /** Horizontal lines on the anterior neck from this far below the menton, every `spacingMm`, `count` lines. */
  firstBelowMentonMm: 20,
  spacingMm: 13,
  count: 3,
  /** Lines curve up laterally by this many mm at `halfSpanMm` from the midline (they follow the neck's curve). */
  riseAtSideMm: 4,
  halfSpanMm: 42,
  fadeMm: 10,
  lineHalfWidthMm: 0.9,
} as const;

/**
 * Compression (0…1 of strain) below which a zone is treated as uncompressed when calibrating: a crease whose zone
 * the ageing field shortens by less than this is drawn at full depth only at this compression. Design choice
 * (1 %: below what a membrane strain field resolves at a 4 mm simulation lattice).
 */
export const MIN_REFERENCE_COMPRESSION = 0.01;

type V3 = [number, number, number];
const sub = (a: readonly number[], b: readonly number[]): V3 => [a[0]! - b[0]!, a[1]! - b[1]!, a[2]! - b[2]!];
const dot = (a: readonly number[], b: readonly number[]): number => a[0]! * b[0]! + a[1]! * b[1]! + a[2]! * b[2]!;
const norm = (a: V3): V3 => {
  const l = Math.hypot(a[0], a[1], a[2]) || 1;
  return [a[0] / l, a[1] / l, a[2] / l];
};
const cross = (a: readonly number[], b: readonly number[]): V3 => [
  a[1]! * b[2]! - a[2]! * b[1]!,
  a[2]! * b[0]! - a[0]! * b[2]!,
  a[0]! * b[1]! - a[1]! * b[0]!,
];
/** 1 inside [a, b], ramping to 0 over `fade` outside it (smoothstep). */
function band(x: number, a: number, b: number, fade: number): number {
  const d = x < a ? (a - x) / fade : x > b ? (x - b) / fade : 0;
  if (d >= 1) return 0;
  const s = 1 - d;
  return s * s * (3 - 2 * s);
}


/** Mean unit normal of the skin within `r` mm of `p`. */
function meanNormal(positions: Float32Array, normals: Float32Array, p: readonly number[], r: number): V3 {
  const acc: V3 = [0, 0, 0];
  for (let v = 0; v < positions.length; v += 3) {
    if (Math.hypot(positions[v]! - p[0]!, positions[v + 1]! - p[1]!, positions[v + 2]! - p[2]!) > r) continue;
    acc[0] += normals[v]!;
    acc[1] += normals[v + 1]!;
    acc[2] += normals[v + 2]!;
  }
  return norm(acc);
}

/** Beyond a zone's edge its phase is still written this far (mm), with weight 0: the line never meets a foreign phase. */
const PHASE_MARGIN_MM = 6;
/** 0 below `a`, 1 above `b`, smooth in between. */
const ramp = (x: number, a: number, b: number): number => {
  const t = x <= a ? 0 : x >= b ? 1 : (x - a) / (b - a);
  return t * t * (3 - 2 * t);
};

/**
 * The crease pattern of a head, from its landmarks (mm, frame of headData.ts). Both sides are mirrored by landmark
 * side. Throws nothing: a vertex no crease reaches has zone 0 in both channels.
 */
export function creasePattern(head: HeadData): CreasePattern {
  const pos = head.skin.positions;
  const count = pos.length / 3;
  const normals = vertexNormals(pos, head.skin.indices);
  const C = CREASE_CHANNELS;
  const phase = new Float32Array(C * count);
  const halfWidth = new Float32Array(C * count);
  const weight = new Float32Array(C * count);
  const zone = new Uint8Array(C * count);
  // Who holds a vertex's channel: its weight where a zone draws there, else minus its distance (mm) outside the
  // nearest zone (the margin, so a zone's lines end in its own coordinate, not in a neighbour's).
  const claim = new Float32Array(C * count).fill(-Infinity);
  const L = (id: string): readonly number[] => head.landmarks[id as LandmarkId];

  /** Offer vertex v to a zone with weight w, or (w = 0) at `outsideMm` outside it: the strongest claim wins. */
  const put = (v: number, name: CreaseZone, w: number, outsideMm: number, ph: number, hw: number): void => {
    const k = C * v + CHANNEL_OF[name];
    const score = w > 0 ? w : -outsideMm;
    if (!(score > claim[k]!)) return;
    claim[k] = score;
    weight[k] = w > 0 ? w : 0;
    zone[k] = w > 0 ? CREASE_ZONES.indexOf(name) + 1 : 0;
    phase[k] = ph;
    halfWidth[k] = hw;
  };

  /**
   * One crease in the frontal (x, y) plane from a down to b on one side: a single line at phase ½, bowed laterally by
   * `bowMm` at its middle, drawn over [a, b] only (it fades out inside its ends), thinner and shallower toward them.
   */
  const line = (name: CreaseZone, a: readonly number[], b: readonly number[], spec: { zoneHalfWidthMm: number; fadeMm: number; lineHalfWidthMm: number; bowMm: number }, sx: number): void => {
    const d = [b[0]! - a[0]!, b[1]! - a[1]!];
    const len = Math.hypot(d[0]!, d[1]!) || 1;
    const u = [d[0]! / len, d[1]! / len];
    const nrm = [-u[1]!, u[0]!]; // across the line in the frontal plane
    const bow = sx * spec.bowMm; // toward the lateral side: a lies above b, so nrm points to +x
    const period = 2 * spec.zoneHalfWidthMm; // one line per zone: the period spans the whole zone
    const zMid = (a[2]! + b[2]!) / 2;
    const inner = spec.zoneHalfWidthMm - spec.fadeMm / 2;
    for (let v = 0; v < count; v++) {
      const x = pos[3 * v]!, y = pos[3 * v + 1]!, zz = pos[3 * v + 2]!;
      if (x * sx <= 0 || Math.abs(zz - zMid) > 30) continue; // this side of the face, not the back of the head
      const along = (x - a[0]!) * u[0]! + (y - a[1]!) * u[1]!;
      // 0 at the ends, 1 at the middle (< 0 beyond the ends, where the weight is 0: a smooth continuation of the phase)
      const mid = (4 * along * (len - along)) / (len * len);
      const off = (x - a[0]!) * nrm[0]! + (y - a[1]!) * nrm[1]! - bow * mid;
      if (along < -spec.fadeMm - PHASE_MARGIN_MM || along > len + spec.fadeMm + PHASE_MARGIN_MM) continue;
      if (Math.abs(off) > spec.zoneHalfWidthMm + PHASE_MARGIN_MM) continue;
      // Weight: inside the band, along the line, on skin that faces forward (the frontal-plane distance is a surface
      // distance there).
      const w = band(along, spec.fadeMm, len - spec.fadeMm, spec.fadeMm) * band(Math.abs(off), 0, inner, spec.fadeMm / 2) * ramp(normals[3 * v + 2]!, 0.2, 0.45);
      const outside = Math.max(0, Math.abs(off) - spec.zoneHalfWidthMm, -along, along - len);
      put(v, name, w, outside, 0.5 + off / period, ((0.4 + 0.6 * mid) * spec.lineHalfWidthMm) / period);
    }
  };

  for (const side of ['l', 'r'] as const) {
    const sx = side === 'l' ? 1 : -1;
    const S = (name: string) => L(`${name}-${side}`);

    // Crow's feet: a fan in the skin's tangent plane at the lateral canthus.
    {
      const c = S('lateral-canthus');
      const n0 = meanNormal(pos, normals, c, 10);
      const up = norm(sub([0, 1, 0], n0.map((k) => k * n0[1])));
      // Lateral: away from the midline within the tangent plane.
      let lat = cross(up, n0);
      if (lat[0] * sx < 0) lat = [-lat[0], -lat[1], -lat[2]];
      const o = [c[0]! + lat[0] * CROWS_FEET.originLateralMm, c[1]! + lat[1] * CROWS_FEET.originLateralMm, c[2]! + lat[2] * CROWS_FEET.originLateralMm];
      const spacing = (CROWS_FEET.spacingDeg * Math.PI) / 180;
      const from = (CROWS_FEET.fromDeg * Math.PI) / 180, to = (CROWS_FEET.toDeg * Math.PI) / 180;
      const reach = CROWS_FEET.outerMm + CROWS_FEET.fadeMm + PHASE_MARGIN_MM;
      for (let v = 0; v < count; v++) {
        const dx = pos[3 * v]! - o[0]!, dy = pos[3 * v + 1]! - o[1]!, dz = pos[3 * v + 2]! - o[2]!;
        if (Math.abs(dx) > reach || Math.abs(dy) > reach || Math.abs(dz) > reach) continue;
        const d = [dx, dy, dz];
        const nv = [normals[3 * v]!, normals[3 * v + 1]!, normals[3 * v + 2]!];
        const u = dot(d, lat), w2 = dot(d, up);
        const r = Math.hypot(u, w2);
        if (r < 1) continue; // the fan's centre: no direction
        const theta = Math.atan2(w2, u);
        // Weight: along the fan, within its angle, on the same sheet of skin (not the lid's inner side, not behind).
        const w =
          band(r, CROWS_FEET.innerMm, CROWS_FEET.outerMm, CROWS_FEET.fadeMm) *
          band(theta, from, to, spacing) *
          ramp(dot(nv, n0), 0.4, 0.7) *
          (1 - ramp(Math.abs(dot(d, n0)), 6, 10));
        const beyond = Math.max(0, from - spacing - theta, theta - to - spacing) * r;
        const outside = Math.max(0, r - CROWS_FEET.outerMm - CROWS_FEET.fadeMm, CROWS_FEET.innerMm - CROWS_FEET.fadeMm - r, beyond);
        put(v, 'crows-feet', w, outside, (theta - from) / spacing, CROWS_FEET.lineHalfWidthMm / (r * spacing));
      }
    }

    // Nasolabial crease along the fold.
    line('nasolabial', S('nasolabial-fold-upper'), S('nasolabial-fold-lower'), NASOLABIAL, sx);

    // Marionette line: from below the commissure down to the jawline in front of the jowl.
    {
      const oc = S('oral-commissure'), jowl = S('jowl');
      const a = [oc[0]! + sx * MARIONETTE.startOffsetMm[0], oc[1]! + MARIONETTE.startOffsetMm[1], oc[2]!];
      const b = [oc[0]! + MARIONETTE.endTowardJowl * (jowl[0]! - oc[0]!), jowl[1]!, (oc[2]! + jowl[2]!) / 2];
      line('marionette', a, b, MARIONETTE, sx);
    }
  }

  // Neck (necklace) lines: horizontal, on the front and sides of the neck below the submental skin.
  {
    const menton = L('menton');
    const top = menton[1]! - NECK.firstBelowMentonMm + NECK.spacingMm / 2; // phase 0 here; lines at ½, 1½, …
    const bottom = top - NECK.count * NECK.spacingMm;
    const rise = NECK.riseAtSideMm / (NECK.halfSpanMm * NECK.halfSpanMm);
    for (let v = 0; v < count; v++) {
      const x = pos[3 * v]!, y = pos[3 * v + 1]!, z = pos[3 * v + 2]!;
      if (z < menton[2]! - 90) continue; // not the back of the neck
      const yy = y - rise * x * x; // lines curve up laterally
      if (yy > top + NECK.fadeMm + PHASE_MARGIN_MM || yy < bottom - NECK.fadeMm - PHASE_MARGIN_MM) continue;
      if (Math.abs(x) > NECK.halfSpanMm + PHASE_MARGIN_MM) continue;
      // Weight: within the band of lines and the neck's front, on skin facing forward (not under the chin).
      const w =
        band(yy, bottom, top, NECK.fadeMm) *
        band(Math.abs(x), 0, NECK.halfSpanMm / 2, NECK.halfSpanMm / 2) * // running out over the sides' half, as necklace lines do
        ramp(normals[3 * v + 2]!, 0.15, 0.4) *
        (1 - ramp(Math.abs(normals[3 * v + 1]!), 0.45, 0.65));
      const outside = Math.max(0, yy - top - NECK.fadeMm, bottom - NECK.fadeMm - yy, Math.abs(x) - NECK.halfSpanMm);
      put(v, 'neck', w, outside, (top - yy) / NECK.spacingMm, NECK.lineHalfWidthMm / NECK.spacingMm);
    }
  }
  return { phase, halfWidth, weight, zone };
}

/**
 * Precomputed data for measuring the skin's compression around the vertices that carry a crease. Built once from
 * the rest positions; `skinCompression` then runs per deformation without allocating.
 */
export interface CompressionOperator {
  readonly vertexCount: number;
  /** Measured triangles: their three vertices (flat). */
  readonly tri: Uint32Array;
  /** Inverse of each triangle's rest metric [e1·e1 e1·e2; e1·e2 e2·e2] (e = rest edges from its first corner): 3 per triangle (00, 01, 11). */
  readonly restMetricInverse: Float64Array;
  /** Measured vertices and, per vertex (CSR: `start`), the triangles averaged into it and their weights (sum 1). */
  readonly vertices: Uint32Array;
  readonly start: Uint32Array;
  readonly triOf: Uint32Array;
  readonly triWeight: Float32Array;
  /** Scratch: compression per measured triangle. */
  readonly perTriangle: Float32Array;
}

/**
 * Builds the operator for the vertices where `measured` is non-zero (e.g. a crease weight). Each such vertex is
 * given the area-weighted mean compression of the triangles whose centroid lies within `radiusMm` of it (linear
 * falloff; at least its own triangles). Why average: the engine resolves strain on its simulation lattice
 * (SIM_CELL_MM); below that, the render vertices' field is interpolation, and its strain would draw interpolation
 * seams, not mechanics. `rest`: xyz per vertex; `indices`: three per triangle. Degenerate triangles are skipped.
 */
export function createCompressionOperator(
  rest: Float32Array,
  indices: Uint32Array,
  measured: ArrayLike<number>,
  radiusMm: number = SIM_CELL_MM,
): CompressionOperator {
  const vertexCount = rest.length / 3;
  const triCount = indices.length / 3;
  const centroids = new Float64Array(3 * triCount);
  const areas = new Float64Array(triCount);
  for (let t = 0; t < triCount; t++) {
    const a = 3 * indices[3 * t]!, b = 3 * indices[3 * t + 1]!, c = 3 * indices[3 * t + 2]!;
    for (let k = 0; k < 3; k++) centroids[3 * t + k] = (rest[a + k]! + rest[b + k]! + rest[c + k]!) / 3;
    const e1 = [rest[b]! - rest[a]!, rest[b + 1]! - rest[a + 1]!, rest[b + 2]! - rest[a + 2]!];
    const e2 = [rest[c]! - rest[a]!, rest[c + 1]! - rest[a + 1]!, rest[c + 2]! - rest[a + 2]!];
    const g11 = dot(e1, e1), g12 = dot(e1, e2), g22 = dot(e2, e2);
    const det = g11 * g22 - g12 * g12;
    areas[t] = det > 1e-12 * g11 * g22 ? Math.sqrt(det) / 2 : 0; // 0: degenerate, never measured
  }
  // Only triangles within reach of a measured vertex go into the search grid (a face's creases, not the whole head).
  const lo = [Infinity, Infinity, Infinity], hi = [-Infinity, -Infinity, -Infinity];
  for (let v = 0; v < vertexCount; v++) {
    if (!measured[v]) continue;
    for (let k = 0; k < 3; k++) {
      lo[k] = Math.min(lo[k]!, rest[3 * v + k]! - radiusMm);
      hi[k] = Math.max(hi[k]!, rest[3 * v + k]! + radiusMm);
    }
  }
  const near = (t: number): boolean => {
    for (let k = 0; k < 3; k++) if (!(centroids[3 * t + k]! >= lo[k]! && centroids[3 * t + k]! <= hi[k]!)) return false;
    return true;
  };
  const grid = new PointGrid(centroids, Math.max(1, radiusMm), near);
  const local = new Map<number, number>(); // triangle → its index in the measured list
  const vertices: number[] = [], start: number[] = [0], triOf: number[] = [], triWeight: number[] = [];
  for (let v = 0; v < vertexCount; v++) {
    if (!measured[v]) continue;
    const first = triOf.length;
    let sum = 0;
    grid.forEachWithin(rest[3 * v]!, rest[3 * v + 1]!, rest[3 * v + 2]!, radiusMm, (t, d2) => {
      if (areas[t] === 0) return;
      const w = areas[t]! * (1 - Math.sqrt(d2) / radiusMm) + 1e-9;
      let k = local.get(t);
      if (k === undefined) local.set(t, (k = local.size));
      triOf.push(k);
      triWeight.push(w);
      sum += w;
    });
    if (sum === 0) continue; // no measurable triangle near it: stays 0
    for (let i = first; i < triOf.length; i++) triWeight[i]! /= sum;
    vertices.push(v);
    start.push(triOf.length);
  }
  const tri = new Uint32Array(3 * local.size);
  const restMetricInverse = new Float64Array(3 * local.size);
  for (const [t, k] of local) {
    const a = indices[3 * t]!, b = indices[3 * t + 1]!, c = indices[3 * t + 2]!;
    tri[3 * k] = a;
    tri[3 * k + 1] = b;
    tri[3 * k + 2] = c;
    const e1 = [rest[3 * b]! - rest[3 * a]!, rest[3 * b + 1]! - rest[3 * a + 1]!, rest[3 * b + 2]! - rest[3 * a + 2]!];
    const e2 = [rest[3 * c]! - rest[3 * a]!, rest[3 * c + 1]! - rest[3 * a + 1]!, rest[3 * c + 2]! - rest[3 * a + 2]!];
    const g11 = dot(e1, e1), g12 = dot(e1, e2), g22 = dot(e2, e2);
    const det = g11 * g22 - g12 * g12;
    restMetricInverse[3 * k] = g22 / det;
    restMetricInverse[3 * k + 1] = -g12 / det;
    restMetricInverse[3 * k + 2] = g11 / det;
  }
  return {
    vertexCount,
    tri,
    restMetricInverse,
    vertices: Uint32Array.from(vertices),
    start: Uint32Array.from(start),
    triOf: Uint32Array.from(triOf),
    triWeight: Float32Array.from(triWeight),
    perTriangle: new Float32Array(local.size),
  };
}

/**
 * The skin's local compression per vertex: 1 − λ_min, with λ_min the smaller principal stretch of a triangle's
 * in-plane deformation (the square root of the smaller eigenvalue of G⁻¹H, G and H its rest and deformed edge
 * metrics), averaged around the vertex as the operator says. Positive where the skin is shortened in some direction
 * (0.05 = 5 % shorter), ≤ 0 where it is not shortened in any (rest, or stretched by a lift); 0 at vertices the
 * operator does not measure. Exact for any deformation (not linearised). Why the smaller principal stretch: a thin
 * sheet wrinkles where its minor principal strain is compressive (tension-field theory of membranes), whatever the
 * direction; where the creases run is the pattern's, from anatomy.
 * `current`: xyz per vertex, same unit and vertex order as the operator's rest positions; `out`: one per vertex
 * (overwritten). No allocation.
 */
export function skinCompression(op: CompressionOperator, current: Float32Array, out: Float32Array): void {
  const { tri, restMetricInverse: gi, perTriangle } = op;
  for (let k = 0, t = 0; k < perTriangle.length; k++, t += 3) {
    const a = 3 * tri[t]!, b = 3 * tri[t + 1]!, c = 3 * tri[t + 2]!;
    const ax = current[a]!, ay = current[a + 1]!, az = current[a + 2]!;
    const f1x = current[b]! - ax, f1y = current[b + 1]! - ay, f1z = current[b + 2]! - az;
    const f2x = current[c]! - ax, f2y = current[c + 1]! - ay, f2z = current[c + 2]! - az;
    const h11 = f1x * f1x + f1y * f1y + f1z * f1z, h12 = f1x * f2x + f1y * f2y + f1z * f2z, h22 = f2x * f2x + f2y * f2y + f2z * f2z;
    const i00 = gi[t]!, i01 = gi[t + 1]!, i11 = gi[t + 2]!;
    // M = G⁻¹ H (2×2); its eigenvalues are the squared principal stretches.
    const m00 = i00 * h11 + i01 * h12, m01 = i00 * h12 + i01 * h22;
    const m10 = i01 * h11 + i11 * h12, m11 = i01 * h12 + i11 * h22;
    const half = (m00 + m11) / 2;
    const disc = half * half - (m00 * m11 - m01 * m10);
    const lmin2 = half - Math.sqrt(disc > 0 ? disc : 0);
    perTriangle[k] = 1 - Math.sqrt(lmin2 > 0 ? lmin2 : 0);
  }
  out.fill(0);
  const { vertices, start, triOf, triWeight } = op;
  for (let i = 0; i < vertices.length; i++) {
    let s = 0;
    for (let j = start[i]!; j < start[i + 1]!; j++) s += triWeight[j]! * perTriangle[triOf[j]!]!;
    out[vertices[i]!] = s;
  }
}

/** Everything the per-deformation crease depth needs: the pattern, its operator and each zone's full-depth compression. */
export interface Wrinkles {
  readonly pattern: CreasePattern;
  readonly operator: CompressionOperator;
  /** Per zone (CREASE_ZONES order): compression drawn at full depth (the zone's mean at sag = 1, ≥ MIN_REFERENCE_COMPRESSION). */
  readonly reference: Float32Array;
  /** Scratch, one per skin vertex. */
  readonly scratch: Float32Array;
}

/** Rest positions plus displacements (same unit), into `out` (xyz per vertex). */
export function skinPositions(rest: Float32Array, displacement: Float32Array, out: Float32Array): void {
  for (let i = 0; i < out.length; i++) out[i] = rest[i]! + displacement[i]!;
}

/**
 * The crease pattern of `head` with its compression operator, calibrated on the engine's ageing field:
 * `sagUnitSkin` is the skin's displacement at sag = 1 per render vertex (mm, xyz; e.g.
 * `toVertexFields(model, model.sagUnit).skin`). Each zone's reference is the weight-averaged compression of its
 * creases on that fully sagged face (floored at MIN_REFERENCE_COMPRESSION): the sag-1 face draws its creases at full
 * depth where its skin is compressed as much as the zone's mean, and any other face in proportion to how compressed
 * its skin is there.
 */
export function createWrinkles(head: HeadData, sagUnitSkin: Float32Array): Wrinkles {
  const pattern = creasePattern(head);
  const rest = head.skin.positions;
  const count = rest.length / 3;
  const measured = new Uint8Array(count);
  for (let v = 0; v < count; v++) for (let ch = 0; ch < CREASE_CHANNELS; ch++) if (pattern.weight[CREASE_CHANNELS * v + ch]! > 0) measured[v] = 1;
  const operator = createCompressionOperator(rest, head.skin.indices, measured);
  const scratch = new Float32Array(count);
  const current = new Float32Array(rest.length);
  skinPositions(rest, sagUnitSkin, current);
  skinCompression(operator, current, scratch);
  const sum = new Float64Array(CREASE_ZONES.length), wsum = new Float64Array(CREASE_ZONES.length);
  for (let k = 0; k < pattern.zone.length; k++) {
    const z = pattern.zone[k]!;
    if (z === 0) continue;
    const w = pattern.weight[k]!;
    sum[z - 1]! += w * scratch[Math.floor(k / CREASE_CHANNELS)]!;
    wsum[z - 1]! += w;
  }
  const reference = Float32Array.from(sum, (s, i) => Math.max(MIN_REFERENCE_COMPRESSION, wsum[i]! > 0 ? s / wsum[i]! : 0));
  return { pattern, operator, reference, scratch };
}

/**
 * A tissue model's crease pattern: createWrinkles on its head, calibrated on its own ageing field (the skin's
 * displacement at sag 1). ~60 ms on the 2-core test machine: the tissue Worker makes it for the page where it can
 * (scene/tissueSolves.ts), the page otherwise (scene/creases.ts).
 */
export function wrinklesOfModel(model: TissueModel): Wrinkles {
  return createWrinkles(model.head, toVertexFields(model, model.sagUnit).skin);
}

/**
 * Crease depth per skin vertex and channel (CREASE_CHANNELS per vertex, as the pattern) for a deformed skin:
 * weight × clamp(compression / zone reference, 0, 1) — 0 where the skin is not shortened (rest face, or stretched
 * by a lift), 1 at the sag-1 face's mean compression of that zone and beyond. `current`: deformed skin positions,
 * xyz per vertex in mm (the unit of `head.skin.positions`, the operator's rest), e.g. from `skinPositions`; `out`:
 * CREASE_CHANNELS per vertex. No allocation.
 *
 * `ceiling` (optional, same layout as `out`): the depth of the face before the operation. A lift never draws a
 * crease deeper than that: the engine has no skin excision, so the skin it gathers toward a fixation shows as
 * compression next to the anchor, while in surgery that skin is redraped and trimmed ("the skin settles over the
 * lifted SMAS and the incision is closed"). Design choice; it means thread puckering, a known transient side effect
 * of barbed threads, is not drawn either.
 */
export function creaseDepth(w: Wrinkles, current: Float32Array, out: Float32Array, ceiling?: Float32Array): void {
  const c = w.scratch;
  skinCompression(w.operator, current, c);
  const { zone, weight } = w.pattern;
  const ref = w.reference;
  for (let k = 0; k < out.length; k++) {
    const z = zone[k]!;
    if (z === 0) {
      out[k] = 0;
      continue;
    }
    const r = c[Math.floor(k / CREASE_CHANNELS)]! / ref[z - 1]!;
    const d = weight[k]! * (r <= 0 ? 0 : r >= 1 ? 1 : r);
    out[k] = ceiling && ceiling[k]! < d ? ceiling[k]! : d;
  }
}

/** Weight-averaged crease depth of one zone (0…1), from `creaseDepth`'s output — for tests, the bench and diagnostics. */
export function zoneDepth(w: Wrinkles, depth: Float32Array, zoneName: CreaseZone): number {
  const z = CREASE_ZONES.indexOf(zoneName) + 1;
  let s = 0, ws = 0;
  for (let k = 0; k < depth.length; k++) {
    if (w.pattern.zone[k] !== z) continue;
    s += depth[k]!;
    ws += w.pattern.weight[k]!;
  }
  return ws > 0 ? s / ws : 0;
}
