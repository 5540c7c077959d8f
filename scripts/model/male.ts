// The second patient: a man of about 55, built from the default (female) head by a smooth displacement field, so
// every mesh keeps its topology — the skin's index buffer is the woman's, vertex for vertex — and landmarks,
// region weights, overlays, the cutaway window, the engine and glued pen strokes work unchanged.
//
// The field is defined from the head's own landmarks (never from fixed coordinates), so it follows whatever shape
// the default head is given. It is applied to every soft-tissue mesh of the file (skin, skin_lod, fat, SMAS, deep
// temporal fascia, eyes and any mesh added later) and to the landmarks; the bone and what is rooted on it (skull,
// mandible, ligaments, zygomaticus) are then placed again under his face (malePlacedBone).
//
// Sources: ../shared/reference/outcomes-and-face-norms.md §5 — rows "Korean women vs men, size" (Song et al. 2009),
// "Sex contrasts (Thai, 3D)" (Pongsri et al. 2025), "Sex contrasts, bone (Korean CBCT)" (Korean J Orthod 2013) and
// "Glabellar angle" (Paskhover et al. 2017). Every other number says "design choice".
import { Logger, NodeIO, type Accessor, type Document, type Node, type Primitive } from '@gltf-transform/core';
import { EXTMeshoptCompression, KHRMeshQuantization } from '@gltf-transform/extensions';
import { quantize } from '@gltf-transform/functions';
import { MeshoptDecoder, MeshoptEncoder } from 'meshoptimizer';
import { GLB_MESH_NAMES, MM_PER_GLTF_UNIT } from '../../src/core/anatomy/headData.ts';
import { LANDMARK_IDS, type LandmarkId } from '../../src/core/anatomy/landmarks.ts';
import { readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { HEAD_FILES } from '../../src/core/model/patients.ts';
import { type V3, clamp, dist, dot, lerp, norm, smoothstep, sub, vertexNormals } from './geom.ts';
import type { Landmarks } from './anatomy-map.ts';
import { LIGAMENT_NAMES, ligamentAnchors, ligamentBands, zygomaticus } from './ligaments.ts';
import { fatFloorDepth, placeSkull, softTissueExtras } from './skull.ts';
import { HAIR_QUANTIZE_PATTERN, hairRegionSigned, hairRegionWeight, hairThickness, hairlineSpec, lockDisplacement, manComb, risenThickness, strandAttributes, strandShade, type HairRegion } from './hair.ts';

/** Landmarks in millimetres, head frame (+x subject left, +y up, +z forward, origin mid-tragi). */
export type LandmarksMm = Readonly<Record<LandmarkId, V3>>;

/** A triangle mesh in millimetres, head frame. */
export interface MeshMm {
  readonly positions: Float32Array;
  readonly indices: Uint32Array;
}

// ---- sourced sex contrasts (§5), as men / women ----

/** Korean women's head ≈ 96 % of men's: the man's whole head is 1/0.96 of hers. Song et al. 2009 (§5 "Korean women vs men, size"). */
export const HEAD_SCALE = 1 / 0.96;
/** Korean women's frontal face 95 % of men's (same row): the face itself a little longer than the head scale gives. */
export const FRONTAL_FACE_SCALE = 1 / 0.95;
/** Zygomatic (bizygomatic) width, men 127.9 vs women 120.7 mm. Pongsri et al. 2025 (§5 "Sex contrasts (Thai, 3D)"). */
export const ZYGOMATIC_WIDTH_RATIO = 127.9 / 120.7;
/** Mandibular (bigonial) width, men 124.4 vs women 113.8 mm. Pongsri et al. 2025 (same row). */
export const MANDIBULAR_WIDTH_RATIO = 124.4 / 113.8;
/** Nose length, men 43.7 vs women 37.9 mm. Pongsri et al. 2025 (same row). */
export const NOSE_LENGTH_RATIO = 43.7 / 37.9;
/** Nasal tip projection, men 23.9 vs women 19.8 mm. Pongsri et al. 2025 (same row). */
export const TIP_PROJECTION_RATIO = 23.9 / 19.8;
/** Palpebral slant, women 9.4° vs men 6.2° (same row): the man's lateral canthus sits lower. */
export const PALPEBRAL_SLANT_DEG = { female: 9.4, male: 6.2 } as const;
/** Mandibular body length, men 102.3 vs women 94.5 mm. Korean CBCT, Korean J Orthod 2013 (§5 "Sex contrasts, bone"). */
export const MANDIBULAR_BODY_RATIO = 102.3 / 94.5;
/** Gonial angle, men 113.8° vs women 117.0° (same row): the man's jaw angle is squarer (see GONION_CORNER_MM). */
export const GONIAL_ANGLE_DEG = { female: 117.0, male: 113.8 } as const;
/** Glabellar angle, men 61.7° vs women 72.7° (Paskhover et al. 2017, §5 "Glabellar angle"): a more prominent brow ridge. */
export const GLABELLAR_ANGLE_DEG = { female: 72.7, male: 61.7 } as const;

// ---- design choices (magnitudes the sheet does not give) ----

/** Forward push of the supraorbital ridge and glabella, mm. Design choice (direction: the glabellar-angle row). */
export const BROW_RIDGE_MM = 3.2;
/** Flattening of the upper forehead, mm (direction: "women's forehead more convex", Pongsri 2025). Design choice. */
export const FOREHEAD_FLATTEN_MM = 1.5;
/**
 * Outward-downward-backward push of the mandibular angle, mm, for the squarer gonial angle (direction and the
 * 3.2° difference: the Korean CBCT row). Design choice: on a ≈ 60 mm ramus and ≈ 95 mm body, 3.2° moves the
 * corner by ≈ 2–3 mm.
 */
export const GONION_CORNER_MM = 2.8;
/** Neck widening beyond the head scale (x; z half of it), a fraction. Design choice: a man's thicker neck. */
export const NECK_WIDENING = 0.1;
/** Thyroid prominence (Adam's apple): forward relief, mm, and its place below the menton, mm. Design choice. */
export const THYROID_PROMINENCE_MM = 5;
export const THYROID_BELOW_MENTON_MM = 40;
/** Shoulders broader beyond the neck widening, a fraction. Design choice. */
export const SHOULDER_WIDENING = 0.05;

/** Excess over the fitted cranium that a man's short hair keeps, mm (the rest of a bun is pressed flat). Design choice. */
export const SHORT_HAIR_MM = 1.2;

/**
 * His own short hair, mm off the scalp: clipped short over the sides and the back, longer over the top (a man's
 * short cut at 55). Design choice: not sourced.
 */
export const MALE_HAIR_MM = { sides: 2.2, top: 7.5 } as const;

const gauss = (t: number): number => Math.exp(-t * t);

/**
 * How far his hair stands off the scalp at p (her head, mm): MALE_HAIR_MM over his hair-bearing region
 * (maleHairRegion), the top's length over the crown within ≈ 45 mm of the midline, thinning to nothing at his
 * hairline over ≈ 15 mm. Design choice throughout.
 */
export function maleHairThickness(p: V3, lm: LandmarksMm): number {
  const region = maleHairRegion(lm, p[0] >= 0 ? 'l' : 'r');
  const inside = smoothstep(-1, 14, hairRegionSigned(p, region));
  if (inside <= 0) return 0;
  const g = lm.glabella;
  const top = smoothstep(g[1] + 20, g[1] + 70, p[1]) * (1 - 0.5 * smoothstep(g[2] - 110, g[2] - 170, p[2])) * (1 - smoothstep(38, 62, Math.abs(p[0])));
  // no faster than hers behind the frontal hairline (hair.ts HAIR_RISE: a steeper rise reads as a pale band)
  return risenThickness(inside * lerp(MALE_HAIR_MM.sides, MALE_HAIR_MM.top, top), p, region);
}

/**
 * Outward direction of the scalp at p (her head, mm): the normal of an ellipsoid standing for the cranial vault
 * (centre ≈ 100 mm below the vertex, radii of head-sdf.ts's fitted vault, rounded). Only used to move the hair's
 * surface along it by a few mm, where an approximate normal is enough. Design choice.
 */
function scalpNormal(p: V3, lm: LandmarksMm): V3 {
  const c: V3 = [0, lm.vertex[1] - 100, 0];
  return norm([(p[0] - c[0]) / 80 ** 2, (p[1] - c[1]) / 93 ** 2, (p[2] - c[2]) / 91 ** 2]);
}

/**
 * The back of her bare scalp as a height field z = back(x, y) (mm): least squares over her skin behind the ears
 * with whatever stands behind it (a bun, a ponytail) trimmed away in a few passes, so it is the scalp under them.
 * Landmark-relative (the window follows the tragi), so it follows any head.
 */
export interface BackOfHead {
  readonly back: (x: number, y: number) => number;
}

/** Solves the n×n system m·x = r (Gaussian elimination with partial pivoting). */
function solve(m: number[][], r: number[]): number[] {
  const n = r.length;
  for (let c = 0; c < n; c++) {
    let piv = c;
    for (let i = c + 1; i < n; i++) if (Math.abs(m[i]![c]!) > Math.abs(m[piv]![c]!)) piv = i;
    [m[c], m[piv]] = [m[piv]!, m[c]!];
    [r[c], r[piv]] = [r[piv]!, r[c]!];
    for (let i = c + 1; i < n; i++) {
      const f = m[i]![c]! / m[c]![c]!;
      for (let k = c; k < n; k++) m[i]![k]! -= f * m[c]![k]!;
      r[i]! -= f * r[c]!;
    }
  }
  const x = new Array<number>(n).fill(0);
  for (let i = n - 1; i >= 0; i--) {
    let acc = r[i]!;
    for (let k = i + 1; k < n; k++) acc -= m[i]![k]! * x[k]!;
    x[i] = acc / m[i]![i]!;
  }
  return x;
}

/** Window of the back of the head, relative to the left tragus (mm). Design choice. */
const backWindow = (lm: LandmarksMm) => {
  const t = lm['tragus-l'];
  return { zMax: t[2] - 25, yMin: t[1] - 65, yMax: t[1] + 85, xMax: 55 };
};

/**
 * How far p (her head, mm) is pressed forward onto her fitted scalp, and the scalp's outward normal there: what
 * stands behind the scalp in the window behind the ears is pressed onto it along z, keeping SHORT_HAIR_MM of
 * hair. Monotonic in z (tanh), so the pressed surface cannot fold; the ears, the face and the neck are outside
 * the window. `depth`: how far behind the scalp p was (0 if not), for smoothing the shading of the pressed patch.
 */
export function pressBehindScalp(p: V3, lm: LandmarksMm, backOfHead: BackOfHead): { dz: number; depth: number; normal: V3 } {
  const [x, y, z] = p;
  const ax = Math.abs(x);
  const win = backWindow(lm);
  const w = smoothstep(win.zMax, win.zMax - 15, z) * (1 - smoothstep(win.xMax - 15, win.xMax, ax)) * smoothstep(win.yMin, win.yMin + 15, y) * (1 - smoothstep(win.yMax - 15, win.yMax, y));
  const scalp = backOfHead.back(x, y);
  if (w <= 0 || z >= scalp) return { dz: 0, depth: 0, normal: [0, 0, -1] };
  const e = 0.5;
  const normal = norm([(backOfHead.back(x + e, y) - backOfHead.back(x - e, y)) / (2 * e), (backOfHead.back(x, y + e) - backOfHead.back(x, y - e)) / (2 * e), -1]);
  return { dz: w * (scalp - SHORT_HAIR_MM * Math.tanh((scalp - z) / SHORT_HAIR_MM) - z), depth: w * (scalp - z), normal };
}

export function fitBackOfHead(skin: Float32Array, lm: LandmarksMm): BackOfHead {
  const w = backWindow(lm);
  const t = lm['tragus-l'];
  // scaled coordinates keep the normal equations well conditioned
  const basis = (x: number, y: number): number[] => {
    const u = x / 50, v = (y - t[1]) / 50;
    return [1, v, v * v, v * v * v, u * u, u * u * v, u * u * v * v, u * u * u * u];
  };
  const pts: V3[] = [];
  for (let i = 0; i < skin.length; i += 3) {
    const x = skin[i]!, y = skin[i + 1]!, z = skin[i + 2]!;
    if (z < w.zMax && y > w.yMin && y < w.yMax && Math.abs(x) < w.xMax) pts.push([x, y, z]);
  }
  if (pts.length < 50) throw new Error(`male: too little skin behind the ears to fit the back of the head (${pts.length} vertices)`);
  let coef = new Array<number>(8).fill(0);
  const back = (x: number, y: number): number => basis(x, y).reduce((acc, b, i) => acc + b * coef[i]!, 0);
  let keep = pts;
  for (let pass = 0; pass < 8; pass++) {
    const n = coef.length;
    const m = Array.from({ length: n }, () => new Array<number>(n).fill(0));
    const r = new Array<number>(n).fill(0);
    for (const p of keep) {
      const b = basis(p[0], p[1]);
      for (let i = 0; i < n; i++) {
        r[i]! += b[i]! * p[2];
        for (let k = 0; k < n; k++) m[i]![k]! += b[i]! * b[k]!;
      }
    }
    coef = solve(m, r);
    // a bun stands behind the scalp (smaller z): drop what is more than 1 mm behind the fit, pass after pass,
    // until the fit is the scalp under it (a robust threshold let the low-order fit absorb a bun). On a bare
    // occiput this leans the fit ≈ 1–3 mm forward at most: his occiput is that much flatter (see the test).
    const limit = 1;
    keep = pts.filter((p) => p[2] > back(p[0], p[1]) - limit);
  }
  return { back };
}

/** Midpoint of a bilateral landmark pair, with the left side's |x| as its half-width. */
function side(lm: LandmarksMm, name: string): { l: V3; halfWidth: number } {
  const l = lm[`${name}-l` as LandmarkId];
  const r = lm[`${name}-r` as LandmarkId];
  return { l, halfWidth: (l[0] - r[0]) / 2 };
}

/**
 * The displacement that turns the default (female) head into the man: p (mm, her head frame) → his position.
 * Local terms (zygomatic and bigonial width, mandibular body, gonial corner, nose, brow ridge, forehead, palpebral
 * slant, neck, thyroid prominence, shoulders) are evaluated on her position and sized as the ratio of the sourced
 * contrast to the head scale, then the whole head is scaled by HEAD_SCALE about the origin (mid-tragi), so each
 * measured contrast comes out at its sourced men/women ratio. Smooth everywhere (Gaussian and smoothstep weights
 * several mm wide): the mesh cannot fold.
 */
export function maleDisplacement(lm: LandmarksMm, backOfHead?: BackOfHead): (p: V3) => [number, number, number] {
  const zy = side(lm, 'zygion');
  const go = side(lm, 'mandibular-angle');
  const ex = side(lm, 'lateral-canthus');
  const en = side(lm, 'medial-canthus');
  const al = side(lm, 'alar-base');
  const tragus = lm['tragus-l'];
  const { glabella: g, nasion: n, pronasale: prn, subnasale: sn, stomion: st, pogonion: pog, menton: me } = lm;

  const zygExtra = ZYGOMATIC_WIDTH_RATIO / HEAD_SCALE - 1;
  const gonExtra = MANDIBULAR_WIDTH_RATIO / HEAD_SCALE - 1;
  const faceExtra = FRONTAL_FACE_SCALE / HEAD_SCALE - 1;
  // mandibular body: gonion → pogonion, lengthened by moving the chin forward
  const bodyLength = dist([go.halfWidth, go.l[1], go.l[2]], [0, pog[1], pog[2]]);
  const bodyDir = norm(sub([0, pog[1], pog[2]], [go.halfWidth, go.l[1], go.l[2]]));
  // nose: stretched along nasion → pronasale, then pushed forward so the tip projection (from the alar base)
  // reaches its ratio as well
  const noseAxis = norm(sub(prn, n));
  const noseLength = dist(prn, n);
  const lengthExtra = NOSE_LENGTH_RATIO / HEAD_SCALE - 1;
  const projection = prn[2] - al.l[2];
  const tipExtraZ = (TIP_PROJECTION_RATIO / HEAD_SCALE - 1) * projection - lengthExtra * noseLength * noseAxis[2];
  // palpebral slant: the lateral canthus lower by the difference of the slants over the fissure length
  const fissure = ex.halfWidth - en.halfWidth;
  const toRad = Math.PI / 180;
  const canthusDrop = (Math.tan(PALPEBRAL_SLANT_DEG.female * toRad) - Math.tan(PALPEBRAL_SLANT_DEG.male * toRad)) * fissure;
  // gonial corner: outward, down and back along the angle's bisector (design choice for the exact direction)
  const cornerDir = norm([0.35, -0.7, -0.6]);
  // the corner moving back lengthens the body already; the chin comes forward by the rest
  const cornerLengthening = -GONION_CORNER_MM * dot(cornerDir, bodyDir);
  const chinForward = Math.max(0, (MANDIBULAR_BODY_RATIO / HEAD_SCALE - 1) * bodyLength - cornerLengthening);
  // the neck's axis: behind the mandibular angles (design choice: 20 mm behind the gonion)
  const neckAxisZ = go.l[2] - 20;
  const thyroidY = me[1] - THYROID_BELOW_MENTON_MM;
  const behindEar = tragus[2] - 30;
  // her hairline, placed from her glabella as the default build places it (hair.ts hairlineSpec)
  const herHair = hairlineSpec(g);

  return (p: V3) => {
    const [x, y, z] = p;
    const ax = Math.abs(x);
    const sx = x >= 0 ? 1 : -1;
    let dx = 0, dy = 0, dz = 0;
    const inFront = (z0: number, z1: number): number => smoothstep(z0, z1, z);

    // bizygomatic width (cheekbones), fading behind the ear
    dx += zygExtra * x * gauss((y - zy.l[1]) / 26) * inFront(behindEar, zy.l[2]);
    // bigonial width (the jaw), fading behind the ramus
    dx += gonExtra * x * gauss((y - go.l[1]) / 24) * inFront(behindEar, go.l[2]);
    // squarer gonial angle: the corner pushed out, down and back
    const corner = GONION_CORNER_MM * gauss(Math.hypot(ax - go.halfWidth, y - go.l[1], z - go.l[2]) / 15);
    dx += sx * cornerDir[0] * corner;
    dy += cornerDir[1] * corner;
    dz += cornerDir[2] * corner;
    // longer mandibular body: the chin and the front of the lower jaw forward, not the neck below them
    const chin = Math.pow(smoothstep(go.l[2], pog[2], z), 2) * smoothstep(st[1] - 4, st[1] - 24, y) * smoothstep(me[1] - 30, me[1] + 2, y);
    dz += chinForward * chin;
    // frontal face 95 % vs head 96 %: the face below the nasion a little longer (chin down)
    dy += faceExtra * Math.min(0, y - n[1]) * inFront(behindEar, go.l[2]) * smoothstep(me[1] - 40, me[1], y);

    // nose: length and tip projection
    const noseW = (1 - smoothstep(al.halfWidth - 6, al.halfWidth + 6, ax)) * smoothstep(sn[1] - 4, sn[1] + 10, y) * inFront(al.l[2] - 14, al.l[2] - 2);
    if (noseW > 0) {
      const along = Math.max(0, dot(sub(p, n), noseAxis));
      dx += lengthExtra * along * noseAxis[0] * noseW;
      dy += lengthExtra * along * noseAxis[1] * noseW;
      dz += lengthExtra * along * noseAxis[2] * noseW;
      dz += tipExtraZ * clamp((z - al.l[2]) / projection, 0, 1.2) * noseW;
    }

    // brow ridge and glabella forward (smaller glabellar angle); the upper forehead flatter
    const browWidth = 1 - smoothstep(ex.halfWidth - 2, ex.halfWidth + 12, ax);
    dz += BROW_RIDGE_MM * gauss((y - (g[1] - 4)) / 10) * browWidth * inFront(g[2] - 40, g[2] - 20);
    dz -= FOREHEAD_FLATTEN_MM * gauss((y - (g[1] + 52)) / 18) * (1 - smoothstep(25, 55, ax)) * inFront(g[2] - 60, g[2] - 30);

    // palpebral slant: the lateral canthus lower
    dy -= canthusDrop * gauss(Math.hypot(ax - ex.halfWidth, y - ex.l[1], z - ex.l[2]) / 7);

    // thicker neck (below the jaw) and broader shoulders, about the neck's axis
    const neck = smoothstep(me[1] + 8, me[1] - 22, y);
    const shoulders = smoothstep(me[1] - 55, me[1] - 95, y);
    dx += (NECK_WIDENING * neck + SHOULDER_WIDENING * shoulders) * x;
    dz += 0.5 * NECK_WIDENING * neck * (z - neckAxisZ);
    // thyroid prominence on the front of the neck
    dz += THYROID_PROMINENCE_MM * gauss(x / 9) * gauss((y - thyroidY) / 12) * smoothstep(0, 20, z);

    // his own short hair instead of hers: her hair's thickness off the scalp taken away along the scalp's normal
    // and his put in its place (short sides, more on top) ...
    const hairDelta = maleHairThickness(p, lm) - hairThickness(p, herHair);
    if (hairDelta !== 0) {
      const n = scalpNormal(p, lm);
      dx += hairDelta * n[0];
      dy += hairDelta * n[1];
      dz += hairDelta * n[2];
    }
    // ... and instead of her bun: what stands behind her fitted scalp is pressed onto it (pressBehindScalp)
    if (backOfHead) dz += pressBehindScalp(p, lm, backOfHead).dz;

    return [HEAD_SCALE * (x + dx), HEAD_SCALE * (y + dy), HEAD_SCALE * (z + dz)];
  };
}

/**
 * The man's hair-bearing region on HER positions and landmarks (hair.ts's one hairline definition): short hair over
 * the whole cranium (no bun), a frontal hairline a little higher with the temporal recession of a man in his
 * fifties, and sideburns to the tragus. Design choice throughout (the clinic's sites — temple, sideburn, front of
 * the ear — stay bare exactly where the woman's are: the temporal line runs through the same landmarks).
 */
export function maleHairRegion(lm: LandmarksMm, side: 'l' | 'r'): HairRegion {
  const g = (id: string): V3 => lm[`${id}-${side}` as LandmarkId];
  const tragus = lm['tragus-l'];
  return {
    temporal: [g('temporal-hairline-upper'), g('temporal-hairline-lower'), g('sideburn-top'), g('sideburn-bottom')],
    // frontal hairline ≈ 50 mm above the glabella, receding ≈ 9 mm at the temples (design choice)
    frontalY: (ax) => lm.glabella[1] + 50 + 9 * gauss((ax - 34) / 11) - 0.004 * ax * ax,
    // nape hairline, relative to the tragi (design choice)
    napeY: (ax) => lerp(tragus[1] - 56, tragus[1] - 32, smoothstep(25, 62, ax)),
    earCentre: [tragus[1] + 2, tragus[2] - 16],
  };
}

/** The man's hair (1) vs bare skin (0) at p (her head, mm): hairRegionWeight of maleHairRegion. */
export function maleHairMask(p: V3, lm: LandmarksMm): number {
  return hairRegionWeight(p, maleHairRegion(lm, p[0] >= 0 ? 'l' : 'r'));
}

/** Hair tones: dark brown-black with grey at the temples and sideburns, as at 55. Design choice. */
const HAIR_DARK: V3 = [0.045, 0.038, 0.034];
const HAIR_GREY: V3 = [0.22, 0.21, 0.2];
/** A man's skin a little darker and less pink than the woman's (lips less red: maleSkinColour). Design choice. */
const SKIN_TINT: V3 = [0.95, 0.91, 0.89];
/** His brows: straighter, thicker and darker than hers, along the supraorbital rim. Design choice. */
const BROW_DARK: V3 = [0.06, 0.048, 0.04];
/** The shaved beard's shadow over the upper lip, chin, cheeks below the malar line and the jaw. Design choice. */
const BEARD_SHADOW: V3 = [0.86, 0.86, 0.9];

/**
 * His brow (1) vs skin (0) at p (her head, mm): a band over the supraorbital rim from ≈ 10 mm off the midline to
 * 8 mm beyond the lateral canthus, ≈ 7 mm tall medially and 4 mm at the tail, nearly straight. Design choice.
 */
export function maleBrowMask(p: V3, lm: LandmarksMm): number {
  const ax = Math.abs(p[0]);
  const ex = lm[p[0] >= 0 ? 'lateral-canthus-l' : 'lateral-canthus-r'];
  const g = lm.glabella;
  if (p[2] < g[2] - 45) return 0;
  const x0 = 10, x1 = Math.abs(ex[0]) + 8;
  const t = clamp((ax - x0) / (x1 - x0), 0, 1);
  const yc = g[1] + 2 + 2.5 * Math.sin(Math.PI * Math.min(1, t * 1.3)) - 3 * t * t;
  const half = lerp(3.6, 2, t);
  const along = smoothstep(x0 - 2, x0 + 4, ax) * (1 - smoothstep(x1 - 3, x1 + 2, ax));
  return along * (1 - smoothstep(half - 1.2, half + 1.2, Math.abs(p[1] - yc)));
}

/** Where his shaved beard's shadow lies (0–1) at p (her head, mm). Design choice. */
export function maleBeardMask(p: V3, lm: LandmarksMm): number {
  const ax = Math.abs(p[0]);
  const sn = lm.subnasale, me = lm.menton;
  const go = lm[p[0] >= 0 ? 'mandibular-angle-l' : 'mandibular-angle-r'];
  const sb = lm[p[0] >= 0 ? 'sideburn-bottom-l' : 'sideburn-bottom-r'];
  // below a line from under the nose out to the sideburn's lower end, above the jaw's underside
  const top = lerp(sn[1] - 2, sb[1] - 4, smoothstep(12, Math.abs(go[0]), ax));
  const under = smoothstep(top + 2, top - 8, p[1]) * smoothstep(me[1] - 22, me[1] - 6, p[1]);
  const front = smoothstep(sb[2] - 6, sb[2] + 4, p[2]);
  return under * front;
}

const luminance = (c: V3): number => 0.2126 * c[0] + 0.7152 * c[1] + 0.0722 * c[2];

/**
 * The man's skin colour from the woman's at the same vertex: tinted, hair where his mask says so, and bare skin
 * where she had hair and he has not (the receded temples). `bareSkin` is her plain skin tone.
 */
export function maleSkinColour(female: V3, p: V3, lm: LandmarksMm, bareSkin: V3): [number, number, number] {
  const hair = maleHairMask(p, lm);
  // her hair (dark) above the brows where he has none: bare skin
  const aboveBrows = smoothstep(lm.glabella[1] + 14, lm.glabella[1] + 24, p[1]);
  const herHair = smoothstep(0.42, 0.25, luminance(female)) * aboveBrows;
  const base: V3 = [lerp(female[0], bareSkin[0], herHair), lerp(female[1], bareSkin[1], herHair), lerp(female[2], bareSkin[2], herHair)];
  // his lips less red than hers: vermilion (redder than her bare skin) taken halfway to a muted skin tone
  const redness = (c: V3): number => (c[0] - c[1]) / Math.max(c[0], 1e-3);
  const lip = 0.55 * smoothstep(redness(bareSkin) + 0.04, redness(bareSkin) + 0.12, redness(base));
  const mutedLip: V3 = [bareSkin[0] * 0.92, bareSkin[1] * 0.84, bareSkin[2] * 0.83];
  const lips: V3 = [lerp(base[0], mutedLip[0], lip), lerp(base[1], mutedLip[1], lip), lerp(base[2], mutedLip[2], lip)];
  const beard = 0.75 * maleBeardMask(p, lm) * (1 - lip);
  const shadowed: V3 = [lips[0] * lerp(1, BEARD_SHADOW[0], beard), lips[1] * lerp(1, BEARD_SHADOW[1], beard), lips[2] * lerp(1, BEARD_SHADOW[2], beard)];
  const brow = 0.8 * maleBrowMask(p, lm);
  const browed: V3 = [lerp(shadowed[0], BROW_DARK[0], brow), lerp(shadowed[1], BROW_DARK[1], brow), lerp(shadowed[2], BROW_DARK[2], brow)];
  const tinted: V3 = [browed[0] * SKIN_TINT[0], browed[1] * SKIN_TINT[1], browed[2] * SKIN_TINT[2]];
  // grey at the temples and over the ears' level
  const grey = 0.6 * smoothstep(48, 66, Math.abs(p[0])) * (1 - smoothstep(lm['tragus-l'][1] + 40, lm['tragus-l'][1] + 70, p[1]));
  // his short hair combed back: half the strand shading of hers (hair.ts strandShade), so it reads as hair, not paint
  const strands = 1 + 0.5 * (strandShade(p, hairlineSpec(lm.glabella)) - 1);
  const hairTone: V3 = [lerp(HAIR_DARK[0], HAIR_GREY[0], grey) * strands, lerp(HAIR_DARK[1], HAIR_GREY[1], grey) * strands, lerp(HAIR_DARK[2], HAIR_GREY[2], grey) * strands];
  return [lerp(tinted[0], hairTone[0], hair), lerp(tinted[1], hairTone[1], hair), lerp(tinted[2], hairTone[2], hair)];
}

export interface MaleBuildOptions {
  /**
   * Rebuilds what is rooted on bone for the man: gets his skin, landmarks and every displaced mesh (mm) and returns
   * the meshes (mm) that replace the file's meshes of the same name, landmark updates (ligament origins and
   * insertions) and the scene extras that describe the bone (`softTissue`, `sex`, `muscles`). Default: malePlacedBone
   * (the scanned skull placed again under his face with the male soft-tissue thicknesses).
   */
  readonly placeBone?: (skin: MeshMm, landmarks: LandmarksMm, meshes: ReadonlyMap<string, MeshMm>) => Promise<PlacedBone>;
  readonly log?: (msg: string) => void;
}

/** What placeBone returns: replacement meshes (mm), landmark updates (mm) and scene extras. */
export interface PlacedBone {
  readonly meshes: Readonly<Record<string, MeshMm>>;
  readonly landmarks: Partial<Record<LandmarkId, V3>>;
  readonly extras: Record<string, unknown>;
}

/**
 * The bone and what is rooted on it, placed again under the man's face the way build-head.ts places them under the
 * woman's: the scanned skull by the MALE soft-tissue thicknesses (norms §4: men thicker in the midline, women over
 * the zygoma, lateral orbit and gonion; skull.ts), then the ligaments from their bony origins and the zygomaticus
 * (ligaments.ts). The orbits are tied to his displaced eyeballs (each side's mean vertex). The skin and every
 * other soft-tissue mesh keep her topology; these meshes are generated again, with her triangle counts.
 */
export async function malePlacedBone(skin: MeshMm, landmarks: LandmarksMm, meshes: ReadonlyMap<string, MeshMm>, log: (m: string) => void = () => {}): Promise<PlacedBone> {
  const eyes = meshes.get(GLB_MESH_NAMES.eyes);
  if (!eyes) throw new Error('male: no eyes mesh to tie the orbits to');
  const centre = (side: 1 | -1): V3 => {
    let x = 0, y = 0, z = 0, n = 0;
    for (let i = 0; i < eyes.positions.length; i += 3) {
      if (Math.sign(eyes.positions[i]!) !== side) continue;
      x += eyes.positions[i]!;
      y += eyes.positions[i + 1]!;
      z += eyes.positions[i + 2]!;
      n++;
    }
    return [x / n, y / n, z / n];
  };
  const placed = await placeSkull(skin, landmarks as Landmarks, 'male', { minDepth: fatFloorDepth, eyeCenters: [centre(1), centre(-1)], log });
  const anchors = ligamentAnchors(placed, skin, landmarks as Landmarks);
  const updates: Partial<Record<LandmarkId, V3>> = {};
  for (const name of LIGAMENT_NAMES)
    for (const side of ['l', 'r'] as const) {
      updates[`${name}-origin-${side}` as LandmarkId] = anchors[name][side].origin;
      updates[`${name}-insertion-${side}` as LandmarkId] = anchors[name][side].insertion;
    }
  const zyg = zygomaticus(placed, skin, { ...landmarks, ...updates } as Landmarks);
  const m = (p: V3): number[] => [round6(p[0] / MM_PER_GLTF_UNIT), round6(p[1] / MM_PER_GLTF_UNIT), round6(p[2] / MM_PER_GLTF_UNIT)];
  return {
    meshes: { [GLB_MESH_NAMES.skull]: placed.cranium, [GLB_MESH_NAMES.mandible]: placed.mandible, [GLB_MESH_NAMES.ligaments]: ligamentBands(anchors), [GLB_MESH_NAMES.muscles]: zyg.mesh },
    landmarks: updates,
    extras: { softTissue: softTissueExtras(placed), sex: 'male', muscles: zyg.muscles.map((x) => ({ id: `${x.name}-${x.side}`, origin: m(x.origin), insertion: m(x.insertion) })) },
  };
}

interface BakedMesh {
  readonly node: Node;
  readonly prim: Primitive;
  readonly positions: Float32Array; // mm, world
  readonly indices: Uint32Array;
}

/** Positions of a node's first primitive baked to world millimetres (undoes KHR_mesh_quantization's node transform). */
function bake(node: Node): BakedMesh | null {
  const prim = node.getMesh()?.listPrimitives()[0];
  const pos = prim?.getAttribute('POSITION');
  const idx = prim?.getIndices();
  if (!prim || !pos || !idx) return null;
  const m = node.getWorldMatrix();
  const n = pos.getCount();
  const positions = new Float32Array(n * 3);
  const el = [0, 0, 0];
  for (let i = 0; i < n; i++) {
    pos.getElement(i, el);
    const [x, y, z] = el as [number, number, number];
    positions[i * 3] = (m[0] * x + m[4] * y + m[8] * z + m[12]) * MM_PER_GLTF_UNIT;
    positions[i * 3 + 1] = (m[1] * x + m[5] * y + m[9] * z + m[13]) * MM_PER_GLTF_UNIT;
    positions[i * 3 + 2] = (m[2] * x + m[6] * y + m[10] * z + m[14]) * MM_PER_GLTF_UNIT;
  }
  return { node, prim, positions, indices: Uint32Array.from(idx.getArray() ?? []) };
}

function floatAccessor(doc: Document, like: Accessor, data: Float32Array<ArrayBuffer>, type: 'VEC3'): Accessor {
  return doc.createAccessor().setType(type).setArray(data).setBuffer(like.getBuffer() ?? doc.getRoot().listBuffers()[0]!);
}

const round6 = (v: number): number => Math.round(v * 1e6) / 1e6;

/**
 * Builds the man's GLB from the woman's GLB bytes: every mesh displaced by maleDisplacement (same vertices, same
 * index buffers — no reordering), normals recomputed from the triangles as the default build does, the skin's
 * colours from maleSkinColour, the landmarks displaced, then quantized and meshopt-compressed with the default
 * file's settings. Deterministic: a pure function of the input bytes (and placeBone's result).
 */
export async function buildMaleHead(femaleGlb: Uint8Array, options: MaleBuildOptions = {}): Promise<Uint8Array> {
  const log = options.log ?? (() => {});
  await MeshoptDecoder.ready;
  await MeshoptEncoder.ready;
  const io = new NodeIO()
    .registerExtensions([EXTMeshoptCompression, KHRMeshQuantization])
    .registerDependencies({ 'meshopt.decoder': MeshoptDecoder, 'meshopt.encoder': MeshoptEncoder });
  const doc = await io.readBinary(femaleGlb);
  doc.setLogger(new Logger(Logger.Verbosity.WARN));
  const root = doc.getRoot();
  const scene = root.getDefaultScene() ?? root.listScenes()[0];
  if (!scene) throw new Error('male: the default head has no scene');
  const extras = (scene.getExtras() ?? {}) as { landmarks?: Record<string, number[]> } & Record<string, unknown>;
  const raw = extras.landmarks;
  if (!raw) throw new Error('male: the default head has no landmarks (scene extras)');
  const lm = {} as Record<LandmarkId, V3>;
  for (const id of LANDMARK_IDS) {
    const v = raw[id];
    if (!v || v.length !== 3) throw new Error(`male: landmark ${id} missing in the default head`);
    lm[id] = [v[0]! * MM_PER_GLTF_UNIT, v[1]! * MM_PER_GLTF_UNIT, v[2]! * MM_PER_GLTF_UNIT];
  }

  // her plain skin tone: the mean colour of the skin around the malar eminences (never hair, lip or brow)
  const baked = root.listNodes().flatMap((node) => {
    const b = bake(node);
    return b ? [b] : [];
  });
  const skin = baked.find((b) => b.node.getName() === GLB_MESH_NAMES.skin);
  if (!skin) throw new Error('male: the default head has no skin mesh');
  // her hair's locks (hair.ts lockDisplacement) are relief on her shown hair alone: taken off first, so his head is
  // made from her hair's smooth surface, as every measurement of hers was
  const herHairline = hairlineSpec(lm.glabella);
  for (const b of baked) {
    if (b.node.getName() !== GLB_MESH_NAMES.skin && b.node.getName() !== GLB_MESH_NAMES.skinLod) continue;
    const normals = vertexNormals(b.positions, b.indices);
    for (let i = 0; i < b.positions.length; i += 3) {
      const d = lockDisplacement([b.positions[i]!, b.positions[i + 1]!, b.positions[i + 2]!], herHairline);
      if (d !== 0) for (let k = 0; k < 3; k++) b.positions[i + k] = b.positions[i + k]! - d * normals[i + k]!;
    }
  }
  const colourOf = (b: BakedMesh): Float32Array | null => {
    const acc = b.prim.getAttribute('COLOR_0');
    if (!acc) return null;
    const out = new Float32Array(acc.getCount() * 3);
    const e = new Array<number>(acc.getElementSize()).fill(0);
    for (let i = 0; i < acc.getCount(); i++) {
      acc.getElement(i, e);
      out.set([e[0]!, e[1]!, e[2]!], i * 3);
    }
    return out;
  };
  const backOfHead = fitBackOfHead(skin.positions, lm);
  const displace = maleDisplacement(lm, backOfHead);
  const skinColours = colourOf(skin);
  const bareSkin = [0, 0, 0];
  if (skinColours) {
    let count = 0;
    for (const s of ['l', 'r'] as const) {
      const c = lm[`malar-eminence-${s}`];
      for (let i = 0; i < skin.positions.length / 3; i++) {
        const d = Math.hypot(skin.positions[i * 3]! - c[0], skin.positions[i * 3 + 1]! - c[1], skin.positions[i * 3 + 2]! - c[2]);
        if (d < 10) {
          for (let k = 0; k < 3; k++) bareSkin[k]! += skinColours[i * 3 + k]!;
          count++;
        }
      }
    }
    if (count === 0) throw new Error('male: no skin around the malar eminences to take the skin tone from');
    for (let k = 0; k < 3; k++) bareSkin[k]! /= count;
  }

  const maleMeshes = new Map<string, MeshMm>();
  for (const b of baked) {
    const name = b.node.getName();
    const out = new Float32Array(b.positions.length);
    for (let i = 0; i < out.length; i += 3) out.set(displace([b.positions[i]!, b.positions[i + 1]!, b.positions[i + 2]!]), i);
    maleMeshes.set(name, { positions: out, indices: b.indices });
    // skin colours (skin and its light copy for phones)
    const colours = name === GLB_MESH_NAMES.skin || name === GLB_MESH_NAMES.skinLod ? colourOf(b) : null;
    if (colours) {
      const male = new Float32Array(colours.length);
      for (let i = 0; i < colours.length; i += 3) {
        const p: V3 = [b.positions[i]!, b.positions[i + 1]!, b.positions[i + 2]!];
        male.set(maleSkinColour([colours[i]!, colours[i + 1]!, colours[i + 2]!], p, lm, [bareSkin[0]!, bareSkin[1]!, bareSkin[2]!]), i);
      }
      b.prim.setAttribute('COLOR_0', floatAccessor(doc, b.prim.getAttribute('COLOR_0')!, male, 'VEC3'));
    }
  }
  const maleLandmarks = {} as Record<LandmarkId, V3>;
  for (const id of LANDMARK_IDS) maleLandmarks[id] = displace(lm[id]);

  const placeBone = options.placeBone ?? ((sk: MeshMm, l: LandmarksMm, ms: ReadonlyMap<string, MeshMm>) => malePlacedBone(sk, l, ms, log));
  const placed = await placeBone(maleMeshes.get(GLB_MESH_NAMES.skin)!, maleLandmarks, maleMeshes);
  const boneExtras = placed.extras;
  Object.assign(maleLandmarks, placed.landmarks);
  for (const [name, mesh] of Object.entries(placed.meshes)) {
    if (!maleMeshes.has(name)) throw new Error(`male: placeBone returned "${name}", which the head has no mesh for`);
    maleMeshes.set(name, mesh);
    log(`${name}: placed again for the man (${mesh.indices.length / 3} triangles)`);
  }

  // write back: world-space float positions (metres) with identity node transforms; quantize re-derives them
  const s = 1 / MM_PER_GLTF_UNIT;
  for (const b of baked) {
    const mesh = maleMeshes.get(b.node.getName())!;
    const pos = b.prim.getAttribute('POSITION')!;
    b.prim.setAttribute('POSITION', floatAccessor(doc, pos, Float32Array.from(mesh.positions, (v) => v * s), 'VEC3'));
    const normals = Float32Array.from(vertexNormals(mesh.positions, mesh.indices));
    if (mesh.positions.length === b.positions.length) {
      // the pressed bun is a crumpled thin patch: shade it as the scalp it lies on
      for (let i = 0; i < normals.length; i += 3) {
        const press = pressBehindScalp([b.positions[i]!, b.positions[i + 1]!, b.positions[i + 2]!], lm, backOfHead);
        const t = smoothstep(0.2, 2.5, press.depth);
        if (t <= 0) continue;
        const n = norm([lerp(normals[i]!, press.normal[0], t), lerp(normals[i + 1]!, press.normal[1], t), lerp(normals[i + 2]!, press.normal[2], t)]);
        normals.set(n, i);
      }
    }
    b.prim.setAttribute('NORMAL', floatAccessor(doc, pos, normals, 'VEC3'));
    if (b.prim.getAttribute('_HAIR') && mesh.positions.length === b.positions.length) {
      // his strands: combed back over his hair-bearing scalp (her positions place them, his normals orient them)
      const st = strandAttributes(b.positions, normals, manComb(hairlineSpec(lm.glabella)), (p) => maleHairMask(p, lm));
      const buf = pos.getBuffer() ?? root.listBuffers()[0]!;
      b.prim.setAttribute('_HAIR', doc.createAccessor().setType('VEC4').setArray(st.hair).setBuffer(buf));
      b.prim.setAttribute('_STRAND', doc.createAccessor().setType('SCALAR').setArray(st.strand).setNormalized(true).setBuffer(buf));
    }
    if (mesh.indices !== b.indices) b.prim.setIndices(doc.createAccessor().setType('SCALAR').setArray(Uint32Array.from(mesh.indices)).setBuffer(pos.getBuffer()));
    b.node.setTranslation([0, 0, 0]).setRotation([0, 0, 0, 1]).setScale([1, 1, 1]);
  }
  const landmarks: Record<string, [number, number, number]> = {};
  for (const id of LANDMARK_IDS) {
    const p = maleLandmarks[id];
    landmarks[id] = [round6(p[0] * s), round6(p[1] * s), round6(p[2] * s)];
  }
  scene.setExtras({ ...extras, ...boneExtras, landmarks, patient: 'male', derivedFrom: 'head.glb by scripts/model/male.ts' });
  // the same quantization as the default file; no reorder, so every index buffer stays hers
  await doc.transform(quantize({ pattern: HAIR_QUANTIZE_PATTERN, quantizePosition: 14, quantizeNormal: 8, quantizeColor: 8, quantizeGeneric: 8 }));
  doc.createExtension(EXTMeshoptCompression).setRequired(true).setEncoderOptions({ method: EXTMeshoptCompression.EncoderMethod.FILTER });
  const glb = await io.writeBinary(doc);
  log(`male: wrote ${glb.byteLength} bytes`);
  return glb;
}

// npx tsx scripts/model/male.ts [female.glb] [male.glb] — the man alone, from the committed default head (the
// full `npm run build:model` builds both).
const isMain = process.argv[1] && resolve(process.argv[1]) === resolve(new URL(import.meta.url).pathname);
if (isMain) {
  const [, , fromArg, toArg] = process.argv;
  const from = resolve(fromArg ?? `public/models/${HEAD_FILES.female}`);
  const to = resolve(toArg ?? `public/models/${HEAD_FILES.male}`);
  writeFileSync(to, await buildMaleHead(readFileSync(from), { log: (m) => console.log(`[male] ${m}`) }));
  console.log(`[male] ${from} → ${to}`);
}
