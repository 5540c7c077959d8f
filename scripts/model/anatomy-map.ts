// Landmarks, region weights and the skin's hairline colouring, all in the head frame (mm).
// Placement rules follow the reference sheet where it has numbers (§2.1 tragus distances, §4.3 DTF anchor zone,
// §7 widths); everything else is a design choice and says so.
import { LANDMARK_IDS, type LandmarkId } from '../../src/core/anatomy/landmarks.ts';
import { type V3, add, clamp, dist, norm, scale, smoothstep, sub, dot, lerp } from './geom.ts';
import type { HeadField } from './head-sdf.ts';
import { hairWeight } from './hair.ts';
import { MASK_INDEX } from './face-warp.ts';
import type { SurfaceQuery } from './surface.ts';
import type { LigamentAnchors, LigamentLandmarkName } from './ligaments.ts';

export type Landmarks = Record<LandmarkId, V3>;

const mirror = (p: V3): V3 => [-p[0], p[1], p[2]];

/** Distance from p to segment ab. */
function segDist(p: V3, a: V3, b: V3): number {
  const ab = sub(b, a);
  const t = clamp(dot(sub(p, a), ab) / dot(ab, ab), 0, 1);
  return dist(p, add(a, scale(ab, t)));
}
function polyDist(p: V3, pts: readonly V3[]): number {
  let d = Infinity;
  for (let i = 0; i + 1 < pts.length; i++) d = Math.min(d, segDist(p, pts[i]!, pts[i + 1]!));
  return d;
}

export interface BoneField {
  (x: number, y: number, z: number): number;
}

/**
 * Skin landmarks are placed then snapped to the skin. Ligament insertions are placed at the sourced distances; their
 * origins come from `ligaments` (found on the placed skull, ligaments.ts) when given, else by walking from the
 * insertion straight inward until the bone field turns negative (the bone-free first pass).
 */
export function computeLandmarks(field: HeadField, skin: SurfaceQuery, bone: BoneField, ligaments?: LigamentAnchors): Landmarks {
  const L: Partial<Record<LandmarkId, V3>> = {};
  const snap = (p: V3): V3 => skin.closest(p).point;
  const toBone = (from: V3, dir: V3): V3 => {
    const d = norm(dir);
    for (let s = 0; s < 60; s += 0.25) {
      const q = add(from, scale(d, s));
      if (bone(q[0], q[1], q[2]) < 0) return q;
    }
    return add(from, scale(d, 60));
  };
  const mp = field.maskPoint;
  /** Where the skin is crossed going from `from` (inside) along `dir` (bisection on the head's SDF, then snapped). */
  const exit = (from: V3, dir: V3, reach = 120): V3 => {
    const d = norm(dir);
    let lo = 0, hi = reach;
    for (let k = 0; k < 40; k++) {
      const m = (lo + hi) / 2;
      const q = add(from, scale(d, m));
      if (field.sdf(q[0], q[1], q[2]) < 0) lo = m;
      else hi = m;
    }
    return snap(add(from, scale(d, lo)));
  };
  const pair = (name: string, left: V3, snapIt = true): void => {
    const l = snapIt ? snap(left) : left;
    const r = snapIt ? snap(mirror(left)) : mirror(left);
    L[`${name}-l` as LandmarkId] = l;
    L[`${name}-r` as LandmarkId] = r;
  };
  const ear = field.ears[0];
  const eye = field.eyes[0];
  // midline (MediaPipe canonical indices: 9 glabella, 168 nasion, 4 pronasale, 2 subnasale, 13/14 lips, 152 menton)
  L.glabella = snap(mp(9));
  L.nasion = snap(mp(168));
  L.pronasale = snap(mp(4));
  L.subnasale = snap(mp(2));
  L.stomion = snap(scale(add(mp(13), mp(14)), 0.5));
  L.menton = snap(add(mp(152), [0, -2, -3]));
  L.pogonion = snap(add(mp(152), [0, 8, 6]));
  L.vertex = snap([0, 200, -10]);
  // ear
  pair('tragus', ear.landmarks.tragus);
  pair('helix-root', ear.landmarks.helixRoot);
  pair('earlobe', ear.landmarks.earlobe);
  // hairline: the points of the hair spec (hair.ts), found on the skin going outward at their height and depth
  const hs = field.hairline;
  const lateral = (q: V3): V3 => exit([20, q[1], q[2]], [1, 0, 0]);
  pair('sideburn-top', lateral(hs.sideburnTop), false);
  pair('sideburn-bottom', lateral(hs.sideburnBottom), false);
  pair('temporal-hairline-upper', lateral(hs.temporalUpper), false);
  pair('temporal-hairline-lower', lateral(hs.temporalLower), false);
  // eyes, nose, mouth
  pair('medial-canthus', eye.medialCanthus);
  pair('lateral-canthus', eye.lateralCanthus);
  pair('alar-base', add(mp(358), [1.5, -1, -2]));
  pair('oral-commissure', mp(291));
  pair('nasolabial-fold-upper', add(mp(358), [6, -3, -3]));
  pair('nasolabial-fold-lower', add(mp(291), [9, -6, -4]));
  // jowl: over the mandibular border lateral to the chin, just above the mask's jaw contour point 379 (design choice)
  pair('jowl', exit(add(mp(379), [-8, 3, -12]), [0.55, 0.1, 0.83]));
  // gonion on the skin: the jaw's angle as the head field builds it (head-sdf.ts), reached from inside
  pair('mandibular-angle', exit(add(field.gonion, [-20, 8, 2]), [0.8, -0.55, -0.05]));
  // malar eminence: the mask's cheek-prominence vertex 346 (MediaPipe canonical)
  pair('malar-eminence', snap(mp(346)), false);
  // zygion: the most lateral skin point over the arch (searched, then snapped)
  let best: V3 = [0, 0, 0];
  for (let y = -12; y <= 14; y += 2)
    for (let z = 26; z <= 44; z += 2) {
      const q = snap([58, y, z]); // from inside the cheek, so the ear can never be the closest point
      if (q[0] > best[0]) best = q;
    }
  pair('zygion', best, false);
  // zygomatic arch, halfway from zygion back toward the tragus, on the skin going outward
  const tr = L['tragus-l']!;
  pair('zygomatic-arch-mid', exit([40, (best[1] + tr[1]) / 2 + 3, (best[2] + tr[2]) / 2 + 2], [1, 0, 0]), false);
  // ligaments: insertion on the skin (dermis), origin on bone straight inward
  const inward = (p: V3): V3 => norm(sub([Math.sign(p[0]) * 10, p[1] - 5, p[2] - 40], p));
  const lig = (name: string, skinPoint: V3, dir?: V3): void => {
    const anchored = ligaments?.[name as LigamentLandmarkName];
    if (anchored) {
      L[`${name}-insertion-l` as LandmarkId] = anchored.l.insertion;
      L[`${name}-insertion-r` as LandmarkId] = anchored.r.insertion;
      L[`${name}-origin-l` as LandmarkId] = anchored.l.origin;
      L[`${name}-origin-r` as LandmarkId] = anchored.r.origin;
      return;
    }
    const ins = snap(skinPoint);
    const d = dir ?? inward(ins);
    const insDermis = add(ins, scale(norm(d), 1.5));
    pair(`${name}-insertion`, insDermis, false);
    pair(`${name}-origin`, toBone(insDermis, d), false);
  };
  // §2.1: main zygomatic RL 44.91 ± 9.72 mm from the tragus (Alghoul 2013); lower zygoma border at the body–arch junction
  lig('zygomatic-ligament', [62, -14, 46], [-0.55, 0.2, -0.8]);
  // §2.1: UMRL 46.35 ± 8.34 mm from the tragus, 10.95 ± 4.07 mm below the MZRL
  lig('upper-masseteric-ligament', [64, -25, 40], [-0.8, 0, -0.6]);
  // §2.1: mandibular ligament 114.8 ± 9.76 mm from the tragus, 9.1 ± 3.1 mm above the border (Kang 2016)
  lig('mandibular-ligament', [33, L.menton[1] + 16, 70], [-0.35, 0.15, -0.9]);
  // ORL / lateral orbital thickening over the inferolateral orbital rim
  lig('orbital-retaining-ligament', add(eye.lateralCanthus, [2, -8, -2]), [-0.5, 0.1, -0.85]);
  // §4.3: DTF anchor 10–30 mm anterior to the vertical through the tragus, above the arch
  pair('deep-temporal-fascia-anchor', add(snap([80, 16, 18]), [-7, 0, 0]), false);
  // keep the set complete and in LANDMARK_IDS order
  const out = {} as Landmarks;
  for (const id of LANDMARK_IDS) {
    const p = L[id];
    if (!p) throw new Error(`landmark ${id} not placed`);
    out[id] = p;
  }
  return out;
}

/**
 * Points the proportion tests measure on the built skin that are not typed landmarks (scene extras `measures`,
 * metres): trichion (the hairline on the midline), alare (the lateral-most point of each ala, found on the skin
 * going outward at the alar level). Each is on the skin surface.
 */
export function computeMeasures(field: HeadField, skin: SurfaceQuery): Record<string, V3> {
  const snap = (p: V3): V3 => skin.closest(p).point;
  const exit = (from: V3, dir: V3, reach = 120): V3 => {
    const d = norm(dir);
    let lo = 0, hi = reach;
    for (let k = 0; k < 40; k++) {
      const m = (lo + hi) / 2;
      const q = add(from, scale(d, m));
      if (field.sdf(q[0], q[1], q[2]) < 0) lo = m;
      else hi = m;
    }
    return snap(add(from, scale(d, lo)));
  };
  // alare: the skin under the mask's alar vertex (the point the warp sets to ALAR_WIDTH_FEMALE)
  const alare = snap(field.maskPoint(MASK_INDEX.alare));
  const t = field.hairline.trichion;
  const trichion = exit([0, t[1], 0], [0, 0, 1], 160);
  return { trichion, 'alare-l': alare, 'alare-r': snap(mirror(alare)) };
}

/** REGIONS order: jawline, nasolabial, midface, periorbital, temple, neck. Design choice: not sourced. */
export function regionWeights(p: V3, lm: Landmarks): [number, number, number, number, number, number] {
  const side = p[0] >= 0 ? 'l' : 'r';
  const s = p[0] >= 0 ? 1 : -1;
  const g = (id: string): V3 => lm[`${id}-${side}` as LandmarkId];
  const ax = Math.abs(p[0]);
  const q: V3 = [ax, p[1], p[2]];
  const G = (id: string): V3 => {
    const v = g(id);
    return [Math.abs(v[0]), v[1], v[2]];
  };
  void s;
  const front = smoothstep(-5, 15, p[2]);
  // jawline: along the mandibular border from the angle to the chin, incl. the jowl
  const border: V3[] = [G('mandibular-angle'), G('jowl'), [12, lm.menton[1] + 6, lm.menton[2] - 2]];
  const jaw = 1 - smoothstep(8, 22, polyDist(q, border));
  // nasolabial: band along the fold from the alar base to below the commissure
  const nlf = 1 - smoothstep(5, 14, polyDist(q, [G('nasolabial-fold-upper'), G('nasolabial-fold-lower')]));
  // midface: malar / cheek mound
  const malar = G('malar-eminence');
  const mid = 1 - smoothstep(0.55, 1.0, Math.hypot((ax - (malar[0] - 6)) / 26, (p[1] - (malar[1] - 10)) / 22, (p[2] - malar[2]) / 40));
  // periorbital: around the fissure
  const eyeC = scale(add(G('medial-canthus'), G('lateral-canthus')), 0.5);
  const peri = (1 - smoothstep(0.6, 1.0, Math.hypot((ax - eyeC[0]) / 26, (p[1] - eyeC[1] - 2) / 20))) * smoothstep(40, 60, p[2]);
  // temple: above the arch, between the lateral orbital rim and the ear
  const temple = (1 - smoothstep(0.55, 1.0, Math.hypot((p[1] - 32) / 30, (p[2] - 34) / 30))) * smoothstep(45, 62, ax);
  // neck: below the mandibular border line and behind the chin
  const borderY = lerp(lm.menton[1] + 4, G('mandibular-angle')[1] - 4, smoothstep(lm.menton[2], G('mandibular-angle')[2], p[2]));
  const neck = smoothstep(0, 18, borderY - p[1]) * (1 - smoothstep(-60, -80, p[2]) * 0);
  return [jaw * front, nlf, mid * (1 - nlf * 0.5), peri, temple, neck];
}

/** Hair-bearing scalp, sideburn and bun (1) vs glabrous skin (0), with a soft edge: hair.ts's spec. Design choice. */
export function hairMask(p: V3, field: HeadField): number {
  return hairWeight(p, field.hairline);
}

/**
 * Eyebrow density in [0, 1]: a band between the mask's upper and lower brow contours (MediaPipe canonical
 * indices, MASK_INDEX.browUpper/-Lower), fuller at the head, tapering to a thin tail a little beyond the mask's
 * lateral brow vertex. Design choice (shape of a calm, lightly groomed brow), placed by the mask's landmarks.
 */
export function browMask(p: V3, field: HeadField): number {
  const side = p[0] >= 0 ? 1 : -1;
  const q: V3 = [Math.abs(p[0]), p[1], p[2]];
  const up = MASK_INDEX.browUpper.map((i) => field.maskPoint(i));
  const lo = MASK_INDEX.browLower.map((i) => field.maskPoint(i));
  void side;
  // centre line and half-height at each station; the tail is extended 6 mm along the last segment
  const c: V3[] = up.map((u, i) => scale(add(u, lo[i]!), 0.5));
  const h: number[] = up.map((u, i) => dist(u, lo[i]!) / 2);
  const last = c[c.length - 1]!, prev = c[c.length - 2]!;
  c.push(add(last, scale(norm(sub(last, prev)), 6)));
  h.push(0.8);
  // lift the band 1 mm (the mask's brow contours sit on the lower edge of the hairs), arch it (a woman's brow
  // peaks over the lateral third: up to 2 mm higher there) and thin it; the edge is soft over ≈ 2.5 mm so the
  // skin's triangles do not show as spikes along it
  const arch = (i: number): number => 1 + 2 * Math.sin((Math.PI * Math.min(i, c.length - 1)) / (c.length - 0.4));
  let best = Infinity, hh = 0, along = 0;
  for (let i = 0; i + 1 < c.length; i++) {
    const a = add(c[i]!, [0, arch(i), 0]), b = add(c[i + 1]!, [0, arch(i + 1), 0]);
    const ab = sub(b, a);
    const t = clamp(dot(sub(q, a), ab) / dot(ab, ab), 0, 1);
    const d = dist(q, add(a, scale(ab, t)));
    if (d < best) [best, hh, along] = [d, lerp(h[i]!, h[i + 1]!, t) * 0.7, (i + t) / (c.length - 1)];
  }
  if (q[2] < 40) return 0;
  const head = smoothstep(c[0]![0] - 2, c[0]![0] + 7, q[0]); // soft medial start
  // fuller and denser at the head, fading along the tail
  const density = lerp(0.95, 0.5, smoothstep(0.4, 1, along));
  return head * density * (1 - smoothstep(hh - 1.6, hh + 1.8, best));
}

/** Vermilion of the lips (1) with a soft border. Design choice: from the canonical mask's lip contour. */
export function lipMask(p: V3, field: HeadField): number {
  const mp = field.maskPoint;
  // outer lip contour (upper then lower), MediaPipe indices
  const upper = [61, 185, 40, 39, 37, 0, 267, 269, 270, 409, 291].map(mp);
  const lower = [61, 146, 91, 181, 84, 17, 314, 405, 321, 375, 291].map(mp);
  const x = p[0];
  const at = (pts: V3[]): number => {
    for (let i = 0; i + 1 < pts.length; i++) {
      const a = pts[i]!, b = pts[i + 1]!;
      if (x >= Math.min(a[0], b[0]) && x <= Math.max(a[0], b[0])) return lerp(a[1], b[1], (x - a[0]) / (b[0] - a[0] || 1));
    }
    return NaN;
  };
  const yu = at(upper), yl = at(lower);
  if (Number.isNaN(yu) || Number.isNaN(yl) || p[2] < 60) return 0;
  // the vermilion drawn ≈ 0.6 mm beyond the mask's contour (the fuller lips of the warp), soft at its border
  const inside = Math.min(yu - p[1], p[1] - yl) + 0.6;
  return smoothstep(-0.9, 0.9, inside);
}
