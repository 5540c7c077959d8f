// The head as a signed-distance field (mm, frame of src/core/anatomy/headData.ts): MediaPipe's canonical face
// mask (Loop-subdivided, scaled, moved so the tragi midpoint is the origin) smoothly unioned with fitted
// analytic parts (cranium, jaw, neck, ears), with almond eye apertures carved for the eyeballs.
import { BufferAttribute, BufferGeometry, DoubleSide, Ray, Vector3 } from 'three';
import { MeshBVH, type HitPointInfo } from 'three-mesh-bvh';
import {
  CANTHAL_RISE,
  EYEBALL_RADIUS,
  INTERCANTHAL_WIDTH,
  MASK_MM_PER_CM,
  MASK_TRAGUS_YZ_CM,
  BUST_CUT_Y,
  PALPEBRAL_FISSURE_HEIGHT,
  PALPEBRAL_FISSURE_LENGTH,
  SHOULDER_HALF_WIDTH,
  VERTEX_HEIGHT,
} from '../../src/core/anatomy/dimensions.ts';
import { warpFemale, type WarpReport } from './face-warp.ts';
import { hairThickness, hairlineSpec, type HairlineSpec } from './hair.ts';
import { type V3, add, clamp, cross, dot, lerp, norm, scale, sdEllipsoid, sdTube, smax, smin, smoothstep, sub } from './geom.ts';
import { buildEar, type EarModel } from './ear.ts';
import { loadCanonicalMask } from './mask.ts';

// the hair's parting moved to hair.ts with the rest of the hair; re-exported for the build's colouring
export { HAIR_PARTING, partingDepth } from './hair.ts';

export interface EyeFrame {
  readonly center: V3;
  readonly forward: V3;
  readonly right: V3; // toward the lateral canthus
  readonly up: V3;
  readonly medialCanthus: V3;
  readonly lateralCanthus: V3;
}

export interface HeadField {
  readonly sdf: (x: number, y: number, z: number) => number;
  /** Mask vertex i (MediaPipe canonical index) in the head frame, mm. */
  readonly maskPoint: (i: number) => V3;
  readonly eyes: readonly [EyeFrame, EyeFrame]; // [left (+x), right (-x)]
  readonly ears: readonly [EarModel, EarModel];
  /** Distance to the (subdivided) mask surface, unsigned, and the closest point. */
  readonly maskClosest: (p: V3) => { point: V3; distance: number };
  /** The fitted parts alone (cranium, jaw, neck), for diagnostics. */
  readonly analytic: (x: number, y: number, z: number) => number;
  /** Mask field and its authority weight, for diagnostics. */
  readonly mask: (x: number, y: number, z: number) => { d: number; w: number };
  /** The jaw's angle (left side) as the fitted jaw builds it, mm; inside the skin. */
  readonly gonion: V3;
  /** The hair-bearing scalp and the bun (hair.ts). */
  readonly hairline: HairlineSpec;
  /** The mask's proportions before and after the warp toward the female norms (face-warp.ts). */
  readonly warp: WarpReport;
  /** Where the build smooths the field before meshing, in order (build-head.ts, geom.ts smoothGridRegion); see LATERAL_FACE_SMOOTHING. */
  readonly smoothing: readonly FieldSmoothing[];
}

/** A region of the field to low-pass before meshing: weight 0…1 per point (mm), inside `bounds`, Gaussian σ in mm. */
export interface FieldSmoothing {
  readonly sigmaMm: number;
  readonly weight: (x: number, y: number, z: number) => number;
  readonly bounds: { readonly min: V3; readonly max: V3 };
}

/**
 * The lateral cheek, the pre-auricular skin, the jaw's angle and the jaw's underside are where several fitted parts
 * meet (jaw border tube, ramus block, parotid and lower-face masses, the mask hull's balls, the mask's own border
 * blended in by its authority): their smooth unions leave ridges and dimples 5–20 mm across and < 1 mm high, which
 * the app's key light turned into dark blotches over the masseter and at the angle (a cheek over the masseter is
 * smooth). The field is low-passed there with a Gaussian of this σ (mm) before it is meshed: bumps narrower than
 * ≈ 15 mm are flattened, the cheek's and jaw's broad shape (radii ≥ 20 mm) kept. Design choice.
 */
export const LATERAL_FACE_SMOOTHING = { sigmaMm: 4.5 } as const;
/**
 * Over the side of the cheek between the mouth's level and the jaw's angle the skin is the mask hull's balls
 * (18 mm spheres rolled under the mask's border, unioned with a 3 mm exponential blend): each ball's pole stood as a
 * round mound ≈ 15–25 mm across, too broad for LATERAL_FACE_SMOOTHING's σ, and read as a dark spot in front of the
 * ear lobe in the oblique view. That zone (away from the jaw's border, the chin and the ear) is low-passed again with
 * this wider σ (mm). Design choice.
 */
export const HULL_SMOOTHING = { sigmaMm: 7 } as const;

/**
 * A woman's lower face narrows from the cheekbones to the chin (norms sheet §5, row "Sex contrasts (Thai, 3D)",
 * Pongsri 2025: mandibular width 113.8 mm in women against 124.4 in men, zygomatic 120.7 against 127.9 — her lower
 * face is the narrower part of her face). The canonical mask's and the fitted parts' cheeks stood almost as wide at
 * the mouth (≈ 128 mm) as across the zygomas (≈ 136 mm), which read square and heavy from the front. The face's
 * parts (mask, jaw, cranium, hull; not the neck, the ears or anything above the cheekbone) are therefore read at a
 * remapped x: beyond `centreMm` from the midline (the mouth and nose untouched) the face is drawn in by a fraction
 * that grows from 0 below the cheekbone (`fromY`) to `peak` at the mouth's level (`peakY`) and eases back to
 * `atAngle` at the jaw's angle (`angleY`, so the skin gonion–gonion stays within 1 SD of that row's 113.8), fading
 * out behind the ear lobe (`backZ`). Amounts and heights mm, head frame: design choices.
 */
export const LOWER_FACE_TAPER = { centreMm: 22, rampMm: 12, fromY: -28, peakY: -56, peak: 0.07, angleY: -72, atAngle: 0.035, backZ: [-14, 6] } as const;

/** How much the lower face is drawn in at height y and depth z (LOWER_FACE_TAPER), 0… `peak`. */
function taperAmount(y: number, z: number): number {
  const T = LOWER_FACE_TAPER;
  if (y > T.fromY) return 0;
  const k = T.peak * smoothstep(T.fromY, T.peakY, y) - (T.peak - T.atAngle) * smoothstep(T.peakY - 6, T.angleY, y);
  return k * smoothstep(T.backZ[0], T.backZ[1], z);
}

/** The x at which the untapered face is read for the point (x, y, z): |x| pushed out beyond LOWER_FACE_TAPER.centreMm. */
export function taperX(x: number, y: number, z: number): number {
  const k = taperAmount(y, z);
  if (k === 0) return x;
  const T = LOWER_FACE_TAPER;
  const t = Math.abs(x) - T.centreMm;
  if (t <= 0) return x;
  // C¹ ramp: quadratic over the first rampMm, then linear
  const r = t < T.rampMm ? (t * t) / (2 * T.rampMm) : t - T.rampMm / 2;
  return Math.sign(x) * (Math.abs(x) + k * r);
}

/** The hair (hair.ts hairThickness) is added to the skin's field within this distance of the scalp, mm: more than its thickest. */
const HAIR_BAND = 20;
/**
 * How far the lid aperture sits below the globe's centre line, in arc mm on the lid sphere. The lids stand 2–3 mm
 * in front of the globe, so seen from the front an aperture centred on the globe shows sclera above the iris;
 * lowered by this much, the upper lid margin lies ≈ 1.5 mm over the top of the iris and the lower lid just over
 * its bottom (the calm gaze of an adult). Design choice: not sourced.
 */
const APERTURE_BELOW_GLOBE = 2.4;

/** MediaPipe canonical cm → head frame mm. */
export function fromMask(x: number, y: number, z: number): V3 {
  return [x * MASK_MM_PER_CM, (y - MASK_TRAGUS_YZ_CM[0]) * MASK_MM_PER_CM, (z - MASK_TRAGUS_YZ_CM[1]) * MASK_MM_PER_CM];
}

function buildMaskDistance(positions: Float64Array, originalIndices: Uint32Array) {
  const geometry = new BufferGeometry();
  geometry.setAttribute('position', new BufferAttribute(Float32Array.from(positions), 3));
  geometry.setIndex(new BufferAttribute(Uint32Array.from(originalIndices), 1));
  const bvh = new MeshBVH(geometry);
  // MeshBVH reorders the index buffer in place; face indices it reports refer to that order.
  const indices = geometry.index!.array as Uint32Array;
  // Angle-weighted pseudo-normals (Bærentzen & Aanæs) for a robust inside/outside sign near edges and vertices.
  const nv = positions.length / 3;
  const nt = indices.length / 3;
  const P = (i: number): V3 => [positions[i * 3]!, positions[i * 3 + 1]!, positions[i * 3 + 2]!];
  const faceN: V3[] = [];
  const vertN: [number, number, number][] = Array.from({ length: nv }, () => [0, 0, 0]);
  const edgeN = new Map<number, [number, number, number]>();
  const edgeUse = new Map<number, number>();
  const boundaryVertex = new Uint8Array(nv);
  for (let t = 0; t < nt; t++) {
    const ia = indices[t * 3]!, ib = indices[t * 3 + 1]!, ic = indices[t * 3 + 2]!;
    const a = P(ia), b = P(ib), c = P(ic);
    const n = norm(cross(sub(b, a), sub(c, a)));
    faceN.push(n);
    const corners: [number, V3, V3, V3][] = [
      [ia, a, b, c],
      [ib, b, c, a],
      [ic, c, a, b],
    ];
    for (const [i, p, q, r] of corners) {
      const u = norm(sub(q, p)), w = norm(sub(r, p));
      const ang = Math.acos(clamp(dot(u, w), -1, 1));
      const vn = vertN[i]!;
      vn[0] += n[0] * ang;
      vn[1] += n[1] * ang;
      vn[2] += n[2] * ang;
    }
    for (const [i, j] of [
      [ia, ib],
      [ib, ic],
      [ic, ia],
    ] as const) {
      const k = Math.min(i, j) * nv + Math.max(i, j);
      edgeUse.set(k, (edgeUse.get(k) ?? 0) + 1);
      const e = edgeN.get(k) ?? [0, 0, 0];
      e[0] += n[0];
      e[1] += n[1];
      e[2] += n[2];
      edgeN.set(k, e);
    }
  }
  for (const [k, n] of edgeUse)
    if (n === 1) {
      boundaryVertex[Math.floor(k / nv)] = 1;
      boundaryVertex[k % nv] = 1;
    }
  // Authority of the mask per vertex: 0 on its border, rising to 1 inside. The head is the mask and the fitted
  // parts blended by this weight (a lerp of the two fields, so the border itself belongs to the fitted parts and
  // no extrapolated edge plane of the mask survives). Along the chin the transition is short (the mask is the
  // chin); over the cheek, temple and forehead it is wide so the face melts into the cranium without a seam.
  const borderPts: V3[] = [];
  for (let i = 0; i < nv; i++) if (boundaryVertex[i] === 1) borderPts.push(P(i));
  const authority = new Float64Array(nv);
  for (let i = 0; i < nv; i++) {
    const p = P(i);
    let w = 1;
    for (const b of borderPts) {
      const chin = smoothstep(-58, -72, b[1]) * (1 - smoothstep(40, 56, Math.abs(b[0])));
      const width = lerp(30, 11, chin);
      w = Math.min(w, smoothstep(0, width, Math.hypot(p[0] - b[0], p[1] - b[1], p[2] - b[2])));
    }
    authority[i] = w;
  }
  const isBoundaryEdge = (i: number, j: number): boolean => edgeUse.get(Math.min(i, j) * nv + Math.max(i, j)) === 1;
  const ray = new Ray(new Vector3(), new Vector3(0, 0, 1));
  /** Inside the mask's shadow volume: a ray toward +z crosses the mask an odd number of times. */
  const behindMask = (p: V3): boolean => {
    ray.origin.set(p[0], p[1], p[2]);
    return bvh.raycast(ray, DoubleSide).length % 2 === 1;
  };
  const target: HitPointInfo = { point: new Vector3(), distance: 0, faceIndex: 0 };
  const q = new Vector3();
  const closest = (p: V3): { point: V3; distance: number; face: number } => {
    q.set(p[0], p[1], p[2]);
    bvh.closestPointToPoint(q, target);
    return { point: [target.point.x, target.point.y, target.point.z], distance: target.distance, face: target.faceIndex };
  };
  const signed = (x: number, y: number, z: number): { d: number; w: number } => {
    const p: V3 = [x, y, z];
    const hit = closest(p);
    const t = hit.face;
    const ia = indices[t * 3]!, ib = indices[t * 3 + 1]!, ic = indices[t * 3 + 2]!;
    const a = P(ia), b = P(ib), c = P(ic);
    // barycentrics of the closest point
    const v0 = sub(b, a), v1 = sub(c, a), v2 = sub(hit.point, a);
    const d00 = dot(v0, v0), d01 = dot(v0, v1), d11 = dot(v1, v1), d20 = dot(v2, v0), d21 = dot(v2, v1);
    const den = d00 * d11 - d01 * d01 || 1;
    const bv = (d11 * d20 - d01 * d21) / den;
    const bw = (d00 * d21 - d01 * d20) / den;
    const bu = 1 - bv - bw;
    const w = bu * authority[ia]! + bv * authority[ib]! + bw * authority[ic]!;
    const eps = 2e-3;
    const edge = (i: number, j: number): V3 => edgeN.get(Math.min(i, j) * nv + Math.max(i, j))!;
    const zu = bu < eps, zv = bv < eps, zw = bw < eps;
    let vertex = -1;
    if (zv && zw) vertex = ia;
    else if (zu && zw) vertex = ib;
    else if (zu && zv) vertex = ic;
    let n: V3;
    if (vertex >= 0) {
      if (boundaryVertex[vertex] === 1) return { d: behindMask(p) ? -hit.distance : hit.distance, w };
      n = vertN[vertex]!;
    } else if (zu || zv || zw) {
      const [i, j] = zu ? [ib, ic] : zv ? [ia, ic] : [ia, ib];
      if (isBoundaryEdge(i, j)) return { d: behindMask(p) ? -hit.distance : hit.distance, w };
      n = edge(i, j);
    } else n = faceN[t]!;
    const s = dot(sub(p, hit.point), n) >= 0 ? 1 : -1;
    return { d: s * hit.distance, w };
  };
  return { signed, closest };
}

/**
 * Fullness of the upper lid's arc (the exponent of its sine profile; lower = fuller), from the medial to the lateral
 * half of the fissure. 0.75 throughout left the eyes reading small in the app's front view (the aperture narrowed
 * early toward the lateral canthus); the lateral half is opened to 0.66 at the same fissure length and height, the
 * medial half (and so the medial canthus the intercanthal width is measured at) unchanged. Design choice.
 */
const UPPER_LID_ARC = { medial: 0.75, lateral: 0.66 } as const;
const upperLidArc = (s: number): number => lerp(UPPER_LID_ARC.medial, UPPER_LID_ARC.lateral, smoothstep(0.3, 0.6, s));

/** Almond (lid-bounded) 2D region in eyelid arc-length coordinates: s along the fissure (0 medial → 1 lateral). */
function almond(u: number, v: number): number {
  const L = PALPEBRAL_FISSURE_LENGTH;
  const s = u / L;
  const sc = clamp(s, 0, 1);
  // upper lid peaks a little medial of centre, lower lid a little lateral (East-Asian almond, design choice)
  const up = (PALPEBRAL_FISSURE_HEIGHT * 0.62) * Math.pow(Math.sin(Math.PI * Math.pow(sc, 0.9)), upperLidArc(sc));
  const lo = -(PALPEBRAL_FISSURE_HEIGHT * 0.38) * Math.pow(Math.sin(Math.PI * Math.pow(sc, 1.15)), 0.9);
  const rise = CANTHAL_RISE * sc;
  const dv = Math.max(v - rise - up, rise + lo - v);
  const du = Math.max(-u, u - L);
  return Math.max(dv, du);
}

export function buildHeadField(): HeadField {
  const mask = loadCanonicalMask();
  const base = new Float64Array(mask.positions.length);
  for (let i = 0; i < mask.positions.length; i += 3) {
    const p = fromMask(mask.positions[i]!, mask.positions[i + 1]!, mask.positions[i + 2]!);
    base.set(p, i);
  }
  const warp = warpFemale(base);
  const maskPoint = (i: number): V3 => [base[i * 3]!, base[i * 3 + 1]!, base[i * 3 + 2]!];
  let sub1: { positions: Float64Array; indices: Uint32Array } = { positions: base, indices: mask.indices };
  for (let k = 0; k < 2; k++) sub1 = loopSubdivideImport(sub1.positions, sub1.indices);
  const md = buildMaskDistance(sub1.positions, sub1.indices);

  // ---- eyes ----
  const makeEye = (side: 1 | -1): EyeFrame => {
    const medialX = side * (INTERCANTHAL_WIDTH / 2);
    const lateralX = side * (INTERCANTHAL_WIDTH / 2 + PALPEBRAL_FISSURE_LENGTH);
    const cx = (medialX + lateralX) / 2;
    // the sealed eye surface of the mask at the aperture centre (upper/lower lid midpoints 159/145, 386/374)
    const upper = maskPoint(side > 0 ? 386 : 159);
    const lower = maskPoint(side > 0 ? 374 : 145);
    const mid = scale(add(upper, lower), 0.5);
    const center: V3 = [cx, mid[1] - 0.5, mid[2] - EYEBALL_RADIUS - 1.2];
    const forward: V3 = norm([side * 0.05, 0, 1]);
    const upV: V3 = [0, 1, 0];
    const right = norm(cross(upV, forward)); // +x for forward +z
    const r: V3 = side > 0 ? right : scale(right, -1);
    return {
      center,
      forward,
      right: r,
      up: upV,
      medialCanthus: [medialX, mid[1] - 1.2, mid[2] + 0.5],
      lateralCanthus: [lateralX, mid[1] - 1.2 + CANTHAL_RISE, mid[2] - 5],
    };
  };
  const eyes = [makeEye(1), makeEye(-1)] as const;
  const R = EYEBALL_RADIUS;
  const lidArc = R + 1.5;
  const eyeUV = (x: number, y: number, z: number, e: EyeFrame) => {
    const d = sub([x, y, z], e.center);
    const f = dot(d, e.forward), rr = dot(d, e.right), uu = dot(d, e.up);
    const r = Math.hypot(f, rr, uu);
    // arc-length coordinates on a sphere around the globe: azimuth toward lateral, elevation up
    const az = Math.atan2(rr, f);
    const el = Math.atan2(uu, Math.hypot(f, rr));
    const medialAz = -(PALPEBRAL_FISSURE_LENGTH / 2) / lidArc;
    return { u: (az - medialAz) * lidArc, v: el * lidArc + APERTURE_BELOW_GLOBE, f, r };
  };
  const eyeCarve = (x: number, y: number, z: number, e: EyeFrame): number => {
    const { u, v, f, r } = eyeUV(x, y, z, e);
    const a = almond(u, v);
    return Math.max(a, R - 1.3 - r, r - (R + 9), -f);
  };
  // upper-lid (supratarsal) crease: a shallow groove following the lid margin, low (≈ 4–6 mm above the lashes,
  // an East-Asian "inside" double lid), fading out toward both canthi. Design choice: not sourced.
  const lidCrease = (x: number, y: number, z: number, e: EyeFrame): number => {
    const { u, v, f, r } = eyeUV(x, y, z, e);
    const s = u / PALPEBRAL_FISSURE_LENGTH;
    if (f <= 0 || s < -0.06 || s > 0.94 || r > R + 12) return 0;
    const sc = clamp(s, 0, 1);
    const margin = PALPEBRAL_FISSURE_HEIGHT * 0.62 * Math.pow(Math.sin(Math.PI * Math.pow(sc, 0.9)), upperLidArc(sc)) + CANTHAL_RISE * sc;
    const vc = margin + 3.6 + 1.6 * Math.sin(Math.PI * sc);
    const along = Math.pow(Math.sin(Math.PI * clamp((s + 0.06) / 1.0, 0, 1)), 0.8);
    // 2.2 mm wide and 0.8 mm deep: a narrower groove falls between the SDF grid's samples and comes out jagged
    // after meshing and simplification (seen as a torn dark line above each eye in the app's front view).
    const t = (v - vc) / 2.2;
    return 0.8 * along * Math.exp(-t * t);
  };

  // ---- analytic cranium / jaw / neck ----
  // cranium: ellipsoid least-squares fitted to the mask's forehead border, the chosen vertex height, a Korean
  // head breadth ≈ 159 mm and glabella–opisthocranion ≈ 182 mm (design choice: fitted, not sourced)
  // below the temporal lines and in front of the ear the ellipsoid is narrowed toward the face (zygion ≈ 68 mm)
  const cranium = (x: number, y: number, z: number): number => {
    const narrow = 1 + 0.1 * smoothstep(38, 0, y) * smoothstep(-10, 30, z);
    const vault = sdEllipsoid(x * narrow, y, z, [0, VERTEX_HEIGHT - 92.4, 0.8], [79.5, 92.8, 91.2]);
    // frontal bossing: a woman's more convex forehead (norms sheet §5, Pongsri 2025 direction; size a design choice)
    const boss = sdEllipsoid(x, y, z, [0, VERTEX_HEIGHT - 58, 26], [58, 40, 60]);
    return smin(vault, boss, 14);
  };
  // jaw: a rounded border tube following the mask's lower border (inset by its radius), a ramus/parotid block
  // under the ear, and a submental floor; the neck union shapes the submandibular hollow
  // (the mask's border indices are on the subject's right; mirrored to +x since the jaw is evaluated at |x|)
  // The tube ends at 58, at the jaw's angle: carried on through the mask's lateral border points 132 and 93 (in
  // front of the ear lobe, x ≈ 70–72 mm) its end ball stood ≈ 4–5 mm proud of the cheek there, a mound of skin in
  // front of each lobe; the ramus block and the mask hull shape that part of the cheek instead.
  const jawIdx = [152, 148, 176, 149, 150, 136, 172, 58];
  const jawPts: V3[] = jawIdx.map((i, k) => {
    const m = maskPoint(i);
    const b: V3 = [Math.abs(m[0]), m[1], m[2]];
    // at the chin the tube is inset more upward so its underside meets the mask's menton, not below it
    const dir = norm(sub(k < 3 ? [0, -20, 20] : [0, -55, 10], b));
    return add(b, scale(dir, 8.5));
  });
  const jawR = jawIdx.map((_, k) => (k < 3 ? 7 : 8.5));
  // ramus / parotid block under the ear (design choice); its lower-posterior quadrant is the jaw's angle
  // placed so the skull put under it has the women's gonial angle (≈ 117°, norms sheet §5 Korean CBCT row; checked
  // on the placed mandible by tests/unit/model/gonial.test.ts): the angle a little forward and up of a man's
  const RAMUS_C: V3 = [44.5, -33, 11], RAMUS_R: V3 = [10, 32, 20];
  const gonion: V3 = [RAMUS_C[0] + 0.55 * RAMUS_R[0], RAMUS_C[1] - 0.82 * RAMUS_R[1], RAMUS_C[2] + 0.1 * RAMUS_R[2]];
  const menton = maskPoint(152);
  const jaw = (x: number, y: number, z: number): number => {
    const ax = Math.abs(x);
    const border = sdTube(ax, y, z, jawPts, jawR);
    const ramus = sdEllipsoid(ax, y, z, RAMUS_C, RAMUS_R);
    const floor = sdEllipsoid(x, y, z, [0, menton[1] + 11, 36], [44, 11, 44]);
    // preauricular / parotid–masseter mass: a soft ellipsoid, narrower than the arch so it never widens the face
    const side = sdEllipsoid(ax, y, z, [0, -22, -2], [61, 44, 40]);
    // lower-face mass under the mask's jaw border (buccal / masseteric soft tissue), so the mask can hand over to
    // the fitted parts without a hollow under its edge
    // (narrowed for a woman's tapering lower face: design choice)
    const lower = sdEllipsoid(ax, y, z, [0, -50, 22], [54, 36, 60]);
    // the parotid's fullness in front of the lobule, just behind the cheek: without the border tube's end ball
    // (see jawIdx) the skin there dipped ≈ 2 mm and read as a dark hollow in the app's oblique view
    const parotid = sdEllipsoid(ax, y, z, [54, -14, 22], [11.5, 14, 12]);
    // the parotid's lower pole, in front of the lobule over the ramus's posterior border: without it the skin there
    // stepped ≈ 3–4 mm in behind the cheek and read as a dark dimple below-front of the lobe in the profile view
    const parotidTail = sdEllipsoid(ax, y, z, [57, -35, 6], [8, 11, 8]);
    return smin(smin(smin(smin(smin(smin(border, ramus, 26), floor, 16), side, 14), lower, 12), parotid, 6), parotidTail, 6);
  };
  // ---- neck, shoulders and upper chest (design choices: not sourced; a woman's proportions) ----
  // neck: an elliptic column (circumference ≈ 320 mm), narrower than the mandible so the submandibular hollow
  // shows under the jaw border
  const neckColumn = (x: number, y: number, z: number): number => {
    const t = smoothstep(-20, -190, y);
    const cz = lerp(-16, -12, t);
    const rx = lerp(46, 52, t * t);
    const rz = lerp(50, 51, t);
    const q = Math.hypot(x / rx, (z - cz) / rz);
    return smax((q - 1) * Math.min(rx, rz), y - 10, 20);
  };
  // the bust's cut: flat at BUST_CUT_Y under the chest, curving up under the shoulders so the arms are cut away
  // obliquely as on a sculptor's bust, not a block (design choice)
  const bustCut = (ax: number, y: number): number => BUST_CUT_Y + 24 * Math.pow(smoothstep(100, 180, ax), 1.4) - y;
  // shoulders and upper chest: a superelliptic trunk section (half-breadth SHOULDER_HALF_WIDTH, depth ≈ 136 mm)
  // under a sloping trapezius line, cut flat at BUST_CUT_Y
  const trunk = (x: number, y: number, z: number): number => {
    const ax = Math.abs(x);
    // the upper chest deepens forward as it descends (sternum and pectoral fullness)
    const fwd = smoothstep(-160, -250, y);
    const cz = -14 + 7 * fwd, rx = SHOULDER_HALF_WIDTH, rz = 66 + 7 * fwd, e = 2.15;
    const sec = (Math.pow(Math.pow(ax / rx, e) + Math.pow(Math.abs(z - cz) / rz, e), 1 / e) - 1) * rz;
    // the trapezius line falls away from the neck more steeply toward the acromion (a woman's sloping shoulders)
    const slope = Math.max(0, ax - 46);
    const topY = -132 - 0.26 * slope - 0.0021 * slope * slope - 0.0075 * (z + 16) * (z + 16);
    const top = (y - topY) * 0.8;
    return smax(smax(sec, top, 40), bustCut(ax, y), 10);
  };
  const neckTrunk = (x: number, y: number, z: number): number => smax(smin(neckColumn(x, y, z), trunk(x, y, z), 30), bustCut(Math.abs(x), y), 10);
  /** Bisection from `a` (inside) to `b` (outside) for the zero of f. */
  const surfaceBetween = (f: (x: number, y: number, z: number) => number, a: V3, b: V3): V3 => {
    let lo = a, hi = b;
    for (let k = 0; k < 40; k++) {
      const m = scale(add(lo, hi), 0.5);
      if (f(m[0], m[1], m[2]) < 0) lo = m;
      else hi = m;
    }
    return lo;
  };
  // sternocleidomastoid: mastoid → sternoclavicular joint, a tube whose centre is inset under the neck surface so
  // it stands ≈ 3 mm proud (a calm woman's neck: a soft relief). Path on the column by angle about the neck axis.
  const scm: { pts: V3[]; r: number[] } = { pts: [], r: [] };
  for (let k = 0; k <= 8; k++) {
    const t = k / 8;
    const y = lerp(-24, -176, t);
    const th = lerp(1.85, 0.3, Math.pow(t, 0.9));
    const dir: V3 = [Math.sin(th), 0, Math.cos(th)];
    const axis: V3 = [0, y, -14];
    const s0 = surfaceBetween(neckTrunk, axis, add(axis, scale(dir, 120)));
    const r = lerp(12, 8.5, t);
    const relief = lerp(1.1, 1.9, Math.sin(Math.PI * t));
    scm.pts.push(add(s0, scale(dir, relief - r)));
    scm.r.push(r);
  }
  // clavicles: from the sternal end lateral to the notch out to the acromion, ≈ 2 mm proud of the trunk
  const clav: { pts: V3[]; r: number[] } = { pts: [], r: [] };
  for (let k = 0; k <= 6; k++) {
    const t = k / 6;
    const x = lerp(16, 148, t);
    const y = lerp(-178, -160, t) + 6 * Math.sin(Math.PI * t);
    const dir: V3 = norm([0, 0.15 + 0.8 * t * t, 1 - 0.5 * t]);
    const from: V3 = [x * 0.96, y - 40, -14];
    const s0 = surfaceBetween(neckTrunk, from, add(from, scale(dir, 160)));
    const r = lerp(7, 9, t);
    clav.pts.push(add(s0, scale(dir, lerp(1.3, 0.8, t) - r)));
    clav.r.push(r);
  }
  // thyroid cartilage (laryngeal prominence): small in a woman, ≈ 1.5 mm relief
  const thyroidSurf = surfaceBetween(neckColumn, [0, -124, -10], [0, -124, 120]);
  const notchSurf = surfaceBetween(neckTrunk, [0, -172, -10], [0, -172, 140]);
  const neck = (x: number, y: number, z: number): number => {
    const ax = Math.abs(x);
    let d = neckTrunk(x, y, z);
    if (y < 0 && y > -200) d = smin(d, sdTube(ax, y, z, scm.pts, scm.r), 9);
    if (y < -130 && ax < 175) d = smin(d, sdTube(ax, y, z, clav.pts, clav.r), 8);
    if (Math.abs(y - thyroidSurf[1]) < 30) d = smin(d, sdEllipsoid(x, y, z, [0, thyroidSurf[1], thyroidSurf[2] - 5.5], [9, 12, 7]), 5);
    // suprasternal notch between the sternal heads
    if (Math.abs(y - notchSurf[1]) < 30) d = smax(d, -sdEllipsoid(x, y, z, [0, notchSurf[1], notchSurf[2] + 7.5], [12, 10, 9]), 5);
    // the clavicles' lateral ends are cut with the bust
    return smax(d, bustCut(ax, y), 10);
  };

  // bounds of the mask's authority (beyond them its extrapolated edge planes are ignored)
  const maskBound = (x: number, y: number, z: number): number => {
    const back = -28 - z;
    const top = y - 78;
    const bottom = -111 - y;
    const lateral = Math.abs(x) - 75;
    return Math.max(back, top, bottom, lateral);
  };

  // mask hull: balls rolled under the mask's lower and lateral border zone (inset along the mask normal by their
  // radius), so the fitted parts continue the mask's own lower-face curvature and round off its jaw border
  const hullR = 18;
  const hull: { c: V3; r: number }[] = [];
  {
    const vn: [number, number, number][] = Array.from({ length: 468 }, () => [0, 0, 0]);
    for (let t = 0; t < mask.indices.length; t += 3) {
      const a = maskPoint(mask.indices[t]!), b = maskPoint(mask.indices[t + 1]!), c = maskPoint(mask.indices[t + 2]!);
      const n = cross(sub(b, a), sub(c, a));
      for (const i of [mask.indices[t]!, mask.indices[t + 1]!, mask.indices[t + 2]!]) {
        const acc = vn[i]!;
        acc[0] += n[0];
        acc[1] += n[1];
        acc[2] += n[2];
      }
    }
    for (let i = 0; i < 468; i++) {
      const p = maskPoint(i);
      if (p[1] > -28 || md.signed(p[0], p[1], p[2]).w > 0.995) continue;
      let n = norm(vn[i]!);
      if (dot(n, sub(p, [0, -20, -20])) < 0) n = scale(n, -1);
      hull.push({ c: sub(p, scale(n, hullR + 3)), r: hullR });
    }
  }
  const maskHull = (x: number, y: number, z: number): number => {
    // exponential smooth union (k = 3 mm) of the balls: no scallops between neighbours
    const k = 3;
    let sum = 0;
    let best = Infinity;
    for (const b of hull) {
      const d = Math.hypot(x - b.c[0], y - b.c[1], z - b.c[2]) - b.r;
      if (d < best) best = d;
      if (d < 18) sum += Math.exp(-d / k);
    }
    return sum > 0 ? -k * Math.log(sum) : best;
  };
  // the lower face tapered (LOWER_FACE_TAPER): the face's parts are read at a remapped x, the neck is not
  const analyticField = (x: number, y: number, z: number): number => {
    const xt = taperX(x, y, z);
    return smin(smin(smin(cranium(xt, y, z), jaw(xt, y, z), 18), neck(x, y, z), 27), maskHull(xt, y, z), 6);
  };
  // the mouth closed at rest: the canonical mask's lips stand ≈ 5 mm apart (a mouth a little open reads as
  // surprise); the gap behind them is filled 2 mm behind the lips' inner line, leaving a closed lip seam (design choice)
  const stoUp = maskPoint(13), stoLo = maskPoint(14), chi = maskPoint(291);
  const mouthFillC: V3 = [0, (stoUp[1] + stoLo[1]) / 2, Math.min(stoUp[2], stoLo[2]) - 11];
  const mouthFillR: V3 = [Math.abs(chi[0]) - 3, 6, 9];
  const skinField = (x: number, y: number, z: number): number => {
    const analytic = analyticField(x, y, z);
    const xt = taperX(x, y, z);
    const mb = maskBound(xt, y, z);
    if (mb > 0) return analytic;
    const m = md.signed(xt, y, z);
    const w = m.w * (1 - smoothstep(-10, 0, mb));
    const d = lerp(analytic, m.d, w);
    return Math.abs(y - mouthFillC[1]) < 16 && Math.abs(x) < 30 ? smin(d, sdEllipsoid(x, y, z, mouthFillC, mouthFillR), 2) : d;
  };
  // hair drawn back: a layer over the hair-bearing scalp (thinning to nothing at the hairline, fuller over the top,
  // parted on the left) and a low bun
  const hairline = hairlineSpec(maskPoint(9));
  const baseField = (x: number, y: number, z: number): number => {
    let d = skinField(x, y, z);
    if (y > -70 && d < HAIR_BAND) d -= hairThickness([x, y, z], hairline);
    const b = hairline.bunCentre;
    if (z < -40 && Math.abs(y - b[1]) < 60) d = smin(d, sdEllipsoid(x, y, z, b, hairline.bunRadii), 7);
    return d;
  };
  // ---- ears (after the analytic parts, see below) ----
  const sideX = (s: 1 | -1): number => {
    // head side (without the ear) at the concha centre, found by bisection along x
    let lo = 40, hi = 110;
    for (let k = 0; k < 40; k++) {
      const m = (lo + hi) / 2;
      if (baseField(s * m, 1, -7) < 0) lo = m;
      else hi = m;
    }
    return lo;
  };
  const ears = [buildEar(1, sideX(1)), buildEar(-1, sideX(-1))] as const;

  const sdf = (x: number, y: number, z: number): number => {
    let d = baseField(x, y, z);
    // ears
    for (const ear of ears) {
      const de = ear.sdf(x, y, z);
      if (de < 30) d = smin(d, de, 4.5);
      d = smax(d, -ear.carve(x, y, z), 1.2);
    }
    // eye apertures
    for (const e of eyes) {
      if (Math.abs(x - e.center[0]) < 25 && Math.abs(y - e.center[1]) < 22) d = smax(d + lidCrease(x, y, z, e), -eyeCarve(x, y, z, e), 1.6);
    }
    return d;
  };
  const maskClosest = (p: V3) => {
    const h = md.closest(p);
    return { point: h.point, distance: h.distance };
  };
  // where the field is smoothed (LATERAL_FACE_SMOOTHING): lateral of the nasolabial region and below the malar
  // eminence down to the jaw's underside, plus the whole underside of the jaw behind the chin's front; never within
  // reach of the ears (their folds are detail, not lumps). Bounds in mm from the mask's menton and the fitted angle
  // (design choices).
  const me = maskPoint(152);
  const smoothWeight = (x: number, y: number, z: number): number => {
    const ax = Math.abs(x);
    const below = smoothstep(me[1] - 26, me[1] - 14, y);
    const lateral = smoothstep(30, 42, ax) * (1 - smoothstep(-12, 2, y)) * smoothstep(-18, -6, z) * (1 - smoothstep(60, 72, z));
    // the jaw's underside: under the border, behind the chin's front, above the neck's front
    const under = (1 - smoothstep(me[1] + 4, me[1] + 16, y)) * (1 - smoothstep(me[2] - 4, me[2] + 6, z));
    const w = below * Math.max(lateral, under);
    return w <= 0 ? 0 : earClear(x, y, z, w);
  };
  const earClear = (x: number, y: number, z: number, w: number): number => {
    for (const ear of ears) if (w > 0 && Math.abs(x - ear.side * 75) < 30) w *= smoothstep(4, 14, ear.sdf(x, y, z));
    return w;
  };
  // the hull's zone: lateral of the jowl, from ≈ 35 mm above the chin's underside (above the jowl and the jaw's border) up to the cheekbone's lower edge,
  // in front of the ear lobe (HULL_SMOOTHING; bounds from the mask's menton, design choices)
  const hullWeight = (x: number, y: number, z: number): number => {
    const w = smoothstep(34, 46, Math.abs(x)) * smoothstep(me[1] + 30, me[1] + 42, y) * (1 - smoothstep(-20, -8, y)) * smoothstep(-10, 2, z) * (1 - smoothstep(40, 52, z));
    return earClear(x, y, z, w);
  };
  const smoothing: FieldSmoothing[] = [
    { sigmaMm: LATERAL_FACE_SMOOTHING.sigmaMm, weight: smoothWeight, bounds: { min: [-100, me[1] - 26, -18], max: [100, 2, 72] } },
    { sigmaMm: HULL_SMOOTHING.sigmaMm, weight: hullWeight, bounds: { min: [-100, me[1] + 30, -10], max: [100, -8, 52] } },
  ];
  return { sdf, maskPoint, eyes, ears, maskClosest, analytic: analyticField, mask: md.signed, hairline, warp, gonion, smoothing };
}

import { loopSubdivide as loopSubdivideImport } from './geom.ts';
