// Fits the default patient's head to a photographed face: MediaPipe's 468 face-mesh landmarks (the topology the
// head was built on, scripts/model/) → the same head with its face region on the photo's landmarks and the rest of
// the head, the fat, the SMAS and the skull following smoothly (a thin-plate spline, src/core/geometry/tps.ts).
// The head's own 468 points are where the same landmark model finds them on a front render of the head
// (public/models/head-face-landmarks.json, scripts/face-calibrate.ts). Pure: typed arrays in and out; no DOM, no three.
import type { HeadData, LayerMesh } from '../anatomy/headData.ts';
import type { LandmarkId } from '../anatomy/landmarks.ts';
import { fitTps, type Tps, type V3 } from '../geometry/tps.ts';

/** Points in MediaPipe's face mesh (without the iris refinement). */
export const FACE_MESH_POINTS = 468;

/**
 * The intercanthal width (en–en) the photo is scaled by to reach millimetres: 36.4 mm, the pooled Asian figure of
 * ../shared/reference/outcomes-and-face-norms.md §5, row "Intercanthal distance, pooled" (Asian 36.4 ± 1.6;
 * systematic review, PMC9029890). A photo has no scale of its own; this norm is the least variable width of the face
 * (SD 1.6 mm, 4 %), so a patient's own en–en within ± 1 SD changes the fitted face's size by at most 4 %.
 */
export const INTERCANTHAL_WIDTH_MM = 36.4;

/**
 * MediaPipe face-mesh indices (canonical topology) of named points. `-l` is the subject's left (the indices
 * scripts/model/ uses for the same points: anatomy-map.ts, face-warp.ts).
 */
export const MESH_INDEX = {
  glabella: 9,
  nasion: 168,
  pronasale: 4,
  subnasale: 2,
  menton: 152,
  medialCanthusL: 362,
  medialCanthusR: 133,
  lateralCanthusL: 263,
  lateralCanthusR: 33,
  cheilionL: 291,
  cheilionR: 61,
  malarL: 346,
  malarR: 117,
} as const;

export class FaceFitError extends Error {
  constructor(
    message: string,
    readonly code: 'bad-input' | 'degenerate',
  ) {
    super(message);
  }
}

const at = (a: ArrayLike<number>, i: number): V3 => [a[i * 3]!, a[i * 3 + 1]!, a[i * 3 + 2]!];

/** Closest point to p on triangle abc (Ericson, Real-Time Collision Detection §5.1.5). */
function closestOnTriangle(p: V3, a: V3, b: V3, c: V3): V3 {
  const ab = [b[0] - a[0], b[1] - a[1], b[2] - a[2]], ac = [c[0] - a[0], c[1] - a[1], c[2] - a[2]];
  const ap = [p[0] - a[0], p[1] - a[1], p[2] - a[2]];
  const dot = (u: number[], v: number[]) => u[0]! * v[0]! + u[1]! * v[1]! + u[2]! * v[2]!;
  const d1 = dot(ab, ap), d2 = dot(ac, ap);
  if (d1 <= 0 && d2 <= 0) return a;
  const bp = [p[0] - b[0], p[1] - b[1], p[2] - b[2]];
  const d3 = dot(ab, bp), d4 = dot(ac, bp);
  if (d3 >= 0 && d4 <= d3) return b;
  const vc = d1 * d4 - d3 * d2;
  if (vc <= 0 && d1 >= 0 && d3 <= 0) {
    const v = d1 / (d1 - d3);
    return [a[0] + v * ab[0]!, a[1] + v * ab[1]!, a[2] + v * ab[2]!];
  }
  const cp = [p[0] - c[0], p[1] - c[1], p[2] - c[2]];
  const d5 = dot(ab, cp), d6 = dot(ac, cp);
  if (d6 >= 0 && d5 <= d6) return c;
  const vb = d5 * d2 - d1 * d6;
  if (vb <= 0 && d2 >= 0 && d6 <= 0) {
    const w = d2 / (d2 - d6);
    return [a[0] + w * ac[0]!, a[1] + w * ac[1]!, a[2] + w * ac[2]!];
  }
  const va = d3 * d6 - d5 * d4;
  if (va <= 0 && d4 - d3 >= 0 && d5 - d6 >= 0) {
    const w = (d4 - d3) / (d4 - d3 + (d5 - d6));
    return [b[0] + w * (c[0] - b[0]), b[1] + w * (c[1] - b[1]), b[2] + w * (c[2] - b[2])];
  }
  const denom = 1 / (va + vb + vc);
  const v = vb * denom, w = vc * denom;
  return [a[0] + ab[0]! * v + ac[0]! * w, a[1] + ab[1]! * v + ac[1]! * w, a[2] + ab[2]! * v + ac[2]! * w];
}

/** Each point moved to the closest point of `mesh` among the triangles around its nearest vertex (mm); used to check that a point set lies on a mesh. */
export function snapToMesh(points: Float32Array, mesh: LayerMesh): Float32Array {
  const { positions, indices } = mesh;
  const nv = positions.length / 3;
  const around: number[][] = Array.from({ length: nv }, () => []);
  for (let t = 0; t < indices.length / 3; t++) for (let k = 0; k < 3; k++) around[indices[t * 3 + k]!]!.push(t);
  const out = new Float32Array(points.length);
  for (let i = 0; i < points.length / 3; i++) {
    const p = at(points, i);
    let best = 0, bd = Infinity;
    for (let v = 0; v < nv; v++) {
      const dx = positions[v * 3]! - p[0], dy = positions[v * 3 + 1]! - p[1], dz = positions[v * 3 + 2]! - p[2];
      const d = dx * dx + dy * dy + dz * dz;
      if (d < bd) [best, bd] = [v, d];
    }
    let q = at(positions, best);
    let qd = bd;
    for (const t of around[best]!) {
      const c = closestOnTriangle(p, at(positions, indices[t * 3]!), at(positions, indices[t * 3 + 1]!), at(positions, indices[t * 3 + 2]!));
      const d = (c[0] - p[0]) ** 2 + (c[1] - p[1]) ** 2 + (c[2] - p[2]) ** 2;
      if (d < qd) [q, qd] = [c, d];
    }
    out.set(q, i * 3);
  }
  return out;
}

/** A rotation (row-major 3 × 3). */
export type Mat3 = readonly [number, number, number, number, number, number, number, number, number];

/** Eigenvector of the largest eigenvalue of a symmetric 4 × 4 (Jacobi rotations). */
function largestEigenvector(m: number[][]): number[] {
  const a = m.map((r) => r.slice());
  const v: number[][] = [0, 1, 2, 3].map((i) => [0, 1, 2, 3].map((j) => (i === j ? 1 : 0)));
  for (let sweep = 0; sweep < 50; sweep++) {
    let off = 0;
    for (let p = 0; p < 4; p++) for (let q = p + 1; q < 4; q++) off += a[p]![q]! ** 2;
    if (off < 1e-20) break;
    for (let p = 0; p < 4; p++)
      for (let q = p + 1; q < 4; q++) {
        if (Math.abs(a[p]![q]!) < 1e-30) continue;
        const theta = (a[q]![q]! - a[p]![p]!) / (2 * a[p]![q]!);
        const t = Math.sign(theta || 1) / (Math.abs(theta) + Math.sqrt(theta * theta + 1));
        const c = 1 / Math.sqrt(t * t + 1), s = t * c;
        for (let k = 0; k < 4; k++) {
          const akp = a[k]![p]!, akq = a[k]![q]!;
          a[k]![p] = c * akp - s * akq;
          a[k]![q] = s * akp + c * akq;
        }
        for (let k = 0; k < 4; k++) {
          const apk = a[p]![k]!, aqk = a[q]![k]!;
          a[p]![k] = c * apk - s * aqk;
          a[q]![k] = s * apk + c * aqk;
        }
        for (let k = 0; k < 4; k++) {
          const vkp = v[k]![p]!, vkq = v[k]![q]!;
          v[k]![p] = c * vkp - s * vkq;
          v[k]![q] = s * vkp + c * vkq;
        }
      }
  }
  let best = 0;
  for (let i = 1; i < 4; i++) if (a[i]![i]! > a[best]![best]!) best = i;
  return [v[0]![best]!, v[1]![best]!, v[2]![best]!, v[3]![best]!];
}

/**
 * The rotation R and translation t with R·p_i + t ≈ q_i in least squares (Horn 1987, unit quaternions), over the
 * indices given. Throws FaceFitError on fewer than 3 points.
 */
export function rigidAlign(p: Float32Array, q: Float32Array, indices: readonly number[]): { rotation: Mat3; translation: V3 } {
  if (indices.length < 3) throw new FaceFitError('rigid alignment needs at least 3 points', 'degenerate');
  const cp: number[] = [0, 0, 0], cq: number[] = [0, 0, 0];
  for (const i of indices) for (let k = 0; k < 3; k++) {
    cp[k]! += p[i * 3 + k]! / indices.length;
    cq[k]! += q[i * 3 + k]! / indices.length;
  }
  const S = [0, 1, 2].map(() => [0, 0, 0]);
  for (const i of indices)
    for (let r = 0; r < 3; r++) for (let c = 0; c < 3; c++) S[r]![c]! += (p[i * 3 + r]! - cp[r]!) * (q[i * 3 + c]! - cq[c]!);
  const [[sxx, sxy, sxz], [syx, syy, syz], [szx, szy, szz]] = S as [number[], number[], number[]];
  const N = [
    [sxx! + syy! + szz!, syz! - szy!, szx! - sxz!, sxy! - syx!],
    [syz! - szy!, sxx! - syy! - szz!, sxy! + syx!, szx! + sxz!],
    [szx! - sxz!, sxy! + syx!, -sxx! + syy! - szz!, syz! + szy!],
    [sxy! - syx!, szx! + sxz!, syz! + szy!, -sxx! - syy! + szz!],
  ];
  const [w, x, y, z] = largestEigenvector(N) as [number, number, number, number];
  const R: Mat3 = [
    w * w + x * x - y * y - z * z, 2 * (x * y - w * z), 2 * (x * z + w * y),
    2 * (x * y + w * z), w * w - x * x + y * y - z * z, 2 * (y * z - w * x),
    2 * (x * z - w * y), 2 * (y * z + w * x), w * w - x * x - y * y + z * z,
  ];
  const t: V3 = [
    cq[0]! - (R[0] * cp[0]! + R[1] * cp[1]! + R[2] * cp[2]!),
    cq[1]! - (R[3] * cp[0]! + R[4] * cp[1]! + R[5] * cp[2]!),
    cq[2]! - (R[6] * cp[0]! + R[7] * cp[1]! + R[8] * cp[2]!),
  ];
  return { rotation: R, translation: t };
}

/** The face's turn away from the camera, degrees: yaw (+ = toward the subject's left), pitch (+ = chin up), roll and the total angle. */
export interface FacePose {
  readonly yawDeg: number;
  readonly pitchDeg: number;
  readonly rollDeg: number;
  /** Angle between the face's forward axis and the line to the camera. */
  readonly turnDeg: number;
}

export interface AlignedPhoto {
  /** The photo's 468 points in the head frame, mm (468 × xyz). */
  readonly points: Float32Array;
  /** Millimetres per photo pixel (from INTERCANTHAL_WIDTH_MM). */
  readonly mmPerPx: number;
  /** head point = rotation · (mmPerPx · (x', −y', −z)) + translation, for photo point (x, y, z) px with its perspective undone (x', y'). */
  readonly rotation: Mat3;
  readonly translation: V3;
  readonly pose: FacePose;
  /** Median distance (mm) from the aligned photo points to the head's points before any bending. */
  readonly rigidResidualMm: number;
  /** The camera distance (mm) whose perspective was undone (Infinity: none). */
  readonly cameraDistanceMm: number;
  /** The optical centre taken (px). */
  readonly center: readonly [number, number];
}

const median = (values: number[]): number => {
  const s = values.slice().sort((a, b) => a - b);
  return s.length === 0 ? NaN : s.length % 2 ? s[(s.length - 1) / 2]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2;
};

/**
 * The distance between landmarks 133 and 362 that a face with the norm's intercanthal width (INTERCANTHAL_WIDTH_MM)
 * shows to the landmark model: on the default head the model puts its inner-eye-corner points a little inside the
 * anatomical medial canthi (33.1 mm apart where the head's canthi are 35.7 mm apart), so a photo scaled by the raw
 * norm came out 10 % too large. `headPoints` are the model's points on the head, `landmarks` the head's own.
 */
export function landmarkIntercanthalMm(headPoints: Float32Array, landmarks: HeadData['landmarks']): number {
  const a = at(headPoints, MESH_INDEX.medialCanthusL), b = at(headPoints, MESH_INDEX.medialCanthusR);
  const l = landmarks['medial-canthus-l'], r = landmarks['medial-canthus-r'];
  const anatomical = Math.hypot(l[0] - r[0], l[1] - r[1], l[2] - r[2]);
  const model = Math.hypot(a[0] - b[0], a[1] - b[1], a[2] - b[2]);
  if (!(anatomical > 0) || !(model > 0)) throw new FaceFitError('the head has coincident medial canthi', 'degenerate');
  return (INTERCANTHAL_WIDTH_MM * model) / anatomical;
}

/**
 * Camera distances (mm from the face) tried when undoing the photo's perspective: from a selfie at arm's length to a
 * telephoto portrait; Infinity is the orthographic picture. Design choice.
 */
export const CAMERA_DISTANCES_MM = [Infinity, 4000, 2000, 1400, 1000, 800, 650, 520, 420, 340, 280] as const;

/** MediaPipe's contour of each eye (the lid margins, 16 points each: the face mesh's FACEMESH_LEFT_EYE / RIGHT_EYE). */
const EYE_CONTOURS = [
  [263, 249, 390, 373, 374, 380, 381, 382, 362, 398, 384, 385, 386, 387, 388, 466],
  [33, 7, 163, 144, 145, 153, 154, 155, 133, 173, 157, 158, 159, 160, 161, 246],
] as const;

/** Distance between the centroids of the two eye contours (the points' units). */
function eyeSpan(p: Float32Array): number {
  const c = EYE_CONTOURS.map((eye) => {
    const m = [0, 0, 0];
    for (const i of eye) for (let k = 0; k < 3; k++) m[k]! += p[i * 3 + k]! / eye.length;
    return m;
  });
  return Math.hypot(c[0]![0]! - c[1]![0]!, c[0]![1]! - c[1]![1]!, c[0]![2]! - c[1]![2]!);
}

/** Distance between the inner eye corners, points 133 and 362 (the points' units). */
function enEn(p: Float32Array): number {
  const a = at(p, MESH_INDEX.medialCanthusL), b = at(p, MESH_INDEX.medialCanthusR);
  return Math.hypot(a[0] - b[0], a[1] - b[1], a[2] - b[2]);
}

/**
 * The photo's landmarks in head axes and millimetres, with the perspective of a camera `distance` mm away undone.
 * The photo's inner-eye-corner distance is read from the span between the two eye contours' centroids (32 points)
 * times the head's own ratio of the two (`cornersPerSpan`): the two corner points alone vary by a few per cent
 * between views of one face, which moved a fitted face by ~1 mm.
 */
function toHeadAxes(photo: Float32Array, distance: number, cx: number, cy: number, enEnMm: number, cornersPerSpan: number): { scaled: Float32Array; s: number } | null {
  let zMean = 0;
  for (let i = 0; i < FACE_MESH_POINTS; i++) zMean += photo[i * 3 + 2]! / FACE_MESH_POINTS;
  const photoEnEn = (p: Float32Array) => eyeSpan(p) * cornersPerSpan;
  if (!(enEn(photo) > 1e-6)) return null;
  const en0 = photoEnEn(photo);
  if (!(en0 > 1e-6)) return null;
  let s = enEnMm / en0;
  const corrected = new Float32Array(photo.length);
  // two passes: the depths (mm) need the scale, the scale needs the corrected eye corners
  for (let pass = 0; pass < 2; pass++) {
    for (let i = 0; i < FACE_MESH_POINTS; i++) {
      const towardCamera = -(photo[i * 3 + 2]! - zMean) * s;
      // a point nearer the camera than the face's mean plane looks larger by D / (D − z): undo it
      const k = Number.isFinite(distance) ? (distance - towardCamera) / distance : 1;
      corrected[i * 3] = cx + (photo[i * 3]! - cx) * k;
      corrected[i * 3 + 1] = cy + (photo[i * 3 + 1]! - cy) * k;
      corrected[i * 3 + 2] = photo[i * 3 + 2]!;
    }
    s = enEnMm / photoEnEn(corrected);
  }
  // image axes (x right, y down, z away) → head axes (+x subject's left, +y up, +z toward the camera): a half turn about x
  const scaled = new Float32Array(photo.length);
  for (let i = 0; i < FACE_MESH_POINTS; i++) {
    scaled[i * 3] = corrected[i * 3]! * s;
    scaled[i * 3 + 1] = -corrected[i * 3 + 1]! * s;
    scaled[i * 3 + 2] = -corrected[i * 3 + 2]! * s;
  }
  return { scaled, s };
}

/**
 * Brings the photo's landmarks into the head frame. `photo`: 468 × (x, y, z) in image pixels (x right, y down, z
 * MediaPipe's relative depth times the image width: smaller is nearer the camera). Scaled to mm by
 * `intercanthalMm` between points 133 and 362 (default INTERCANTHAL_WIDTH_MM; see landmarkIntercanthalMm; the photo's
 * own distance read through its eye contours, toHeadAxes), turned and
 * moved onto `headPoints` by the best rigid fit. With
 * `image` (its size, px; the optical centre is taken at its middle) the photo's perspective is undone too: the camera
 * distance among CAMERA_DISTANCES_MM that fits the head best is used (a selfie makes the nose look larger and the
 * cheeks narrower than a portrait from afar). Throws FaceFitError on a wrong length, non-finite numbers or
 * coincident canthi.
 */
export function alignPhoto(
  photo: Float32Array,
  headPoints: Float32Array,
  image?: { width: number; height: number },
  intercanthalMm: number = INTERCANTHAL_WIDTH_MM,
): AlignedPhoto {
  if (photo.length !== FACE_MESH_POINTS * 3 || headPoints.length !== FACE_MESH_POINTS * 3)
    throw new FaceFitError(`expected ${FACE_MESH_POINTS} landmarks (x, y, z) each`, 'bad-input');
  if (!photo.every(Number.isFinite)) throw new FaceFitError('landmarks contain non-finite numbers', 'bad-input');
  const cx = image ? image.width / 2 : 0, cy = image ? image.height / 2 : 0;
  const all = Array.from({ length: FACE_MESH_POINTS }, (_, i) => i);
  let best: Omit<AlignedPhoto, 'pose'> | null = null;
  const cornersPerSpan = enEn(headPoints) / eyeSpan(headPoints);
  if (!(cornersPerSpan > 0)) throw new FaceFitError('the head has coincident eyes', 'degenerate');
  for (const distance of image ? CAMERA_DISTANCES_MM : [Infinity]) {
    const placed = toHeadAxes(photo, distance, cx, cy, intercanthalMm, cornersPerSpan);
    if (!placed) throw new FaceFitError('the inner eye corners coincide', 'degenerate');
    const { rotation: R, translation: t } = rigidAlign(placed.scaled, headPoints, all);
    const points = new Float32Array(photo.length);
    const residuals: number[] = [];
    for (let i = 0; i < FACE_MESH_POINTS; i++) {
      const [x, y, z] = at(placed.scaled, i);
      const q: V3 = [R[0] * x + R[1] * y + R[2] * z + t[0], R[3] * x + R[4] * y + R[5] * z + t[1], R[6] * x + R[7] * y + R[8] * z + t[2]];
      points.set(q, i * 3);
      residuals.push(Math.hypot(q[0] - headPoints[i * 3]!, q[1] - headPoints[i * 3 + 1]!, q[2] - headPoints[i * 3 + 2]!));
    }
    const residual = median(residuals);
    if (!best || residual < best.rigidResidualMm)
      best = { points, mmPerPx: placed.s, rotation: R, translation: t, rigidResidualMm: residual, cameraDistanceMm: distance, center: [cx, cy] };
  }
  const { rotation: R } = best!;
  // The face's forward axis seen from the camera: R maps photo → head, so the head's +z in photo-head axes is Rᵀ·ẑ.
  const f: V3 = [R[6], R[7], R[8]];
  const up: V3 = [R[3], R[4], R[5]];
  const deg = 180 / Math.PI;
  const pose: FacePose = {
    yawDeg: Math.atan2(f[0], f[2]) * deg,
    pitchDeg: Math.atan2(f[1], Math.hypot(f[0], f[2])) * deg,
    rollDeg: Math.atan2(-up[0], up[1]) * deg,
    turnDeg: Math.acos(Math.max(-1, Math.min(1, f[2]))) * deg,
  };
  return { ...best!, pose };
}

export interface FittedHead {
  /** The head with every layer and landmark moved (mm, same topology and order as the input). */
  readonly head: HeadData;
  /** The fitted head's 468 face-mesh points (mm). */
  readonly meshPoints: Float32Array;
  /** Per-vertex displacement of the skin (mm, xyz), for the colour blend and the views. */
  readonly skinDisplacement: Float32Array;
}

/** Skin vertices this far behind the tragus, or this far below the menton, stay where they are. Design choice. */
const ANCHOR_BEHIND_TRAGUS_MM = 20;
const ANCHOR_BELOW_MENTON_MM = 45;
/** Anchor points taken from the skin (every n-th vertex in the still region). Design choice (enough to pin the back of the head and the neck, few enough to keep the solve small). */
const ANCHOR_COUNT = 90;
/** Controls closer than this are merged (the canonical eye and lip contours meet on the closed eye and mouth). Design choice. */
const MIN_CONTROL_SPACING_MM = 1;
/** Smoothing of the bending spline (kernel units, mm). Design choice: small, so the face lands on the landmarks. */
const FIT_REGULARIZATION = 0.5;

/**
 * The spline that bends the head so its face-mesh points `headPoints` land on `targets` (alignPhoto's points): one
 * thin-plate spline through the 468 pairs (merged where closer than 1 mm) and anchors on the back of the head and
 * the low neck (skin vertices of `skinPositions` behind the tragi or below the menton of `landmarks`) that stay
 * put. Throws FaceFitError on a wrong length, non-finite targets or a singular system.
 */
export function bendingSpline(
  skinPositions: Float32Array,
  landmarks: HeadData['landmarks'],
  headPoints: Float32Array,
  targets: Float32Array,
): Tps {
  if (headPoints.length !== FACE_MESH_POINTS * 3 || targets.length !== FACE_MESH_POINTS * 3)
    throw new FaceFitError(`expected ${FACE_MESH_POINTS} points each`, 'bad-input');
  if (!targets.every(Number.isFinite)) throw new FaceFitError('targets contain non-finite numbers', 'bad-input');
  const sources: V3[] = [];
  const goals: V3[] = [];
  const tooClose = (p: V3) => sources.some((s) => Math.hypot(s[0] - p[0], s[1] - p[1], s[2] - p[2]) < MIN_CONTROL_SPACING_MM);
  for (let i = 0; i < FACE_MESH_POINTS; i++) {
    const p = at(headPoints, i);
    if (tooClose(p)) continue;
    sources.push(p);
    goals.push(at(targets, i));
  }
  const tragusZ = Math.min(landmarks['tragus-l'][2], landmarks['tragus-r'][2]);
  const mentonY = landmarks.menton[1];
  const still: number[] = [];
  for (let v = 0; v < skinPositions.length / 3; v++)
    if (skinPositions[v * 3 + 2]! < tragusZ - ANCHOR_BEHIND_TRAGUS_MM || skinPositions[v * 3 + 1]! < mentonY - ANCHOR_BELOW_MENTON_MM) still.push(v);
  const stride = Math.max(1, Math.floor(still.length / ANCHOR_COUNT));
  for (let k = 0; k < still.length; k += stride) {
    const p = at(skinPositions, still[k]!);
    if (tooClose(p)) continue;
    sources.push(p);
    goals.push(p);
  }
  try {
    return fitTps(sources, goals, FIT_REGULARIZATION);
  } catch (error) {
    throw new FaceFitError((error as Error).message, 'degenerate');
  }
}

/** Every point of `positions` (n × xyz, mm) moved by the spline. */
export function warpPositions(tps: Tps, positions: Float32Array): Float32Array {
  return tps.applyMany(positions);
}

/** Every named landmark moved by the spline. */
export function warpLandmarks(tps: Tps, landmarks: HeadData['landmarks']): HeadData['landmarks'] {
  const out = {} as Record<LandmarkId, readonly [number, number, number]>;
  for (const [id, p] of Object.entries(landmarks) as [LandmarkId, V3][]) out[id] = tps.apply(p);
  return out;
}

/**
 * The head bent by bendingSpline and applied to the skin, fat, SMAS, bone and every named landmark, so the layers
 * keep their thickness where the face moves as a whole and the back of the head and the neck do not move.
 * Same topology and vertex order as `head`. Throws as bendingSpline.
 */
export function fitHead(head: HeadData, headPoints: Float32Array, targets: Float32Array): FittedHead {
  const tps = bendingSpline(head.skin.positions, head.landmarks, headPoints, targets);
  const layer = (m: LayerMesh): LayerMesh => ({ positions: warpPositions(tps, m.positions), indices: m.indices });
  const skin = head.skin.positions;
  const skinMoved = warpPositions(tps, skin);
  const skinDisplacement = new Float32Array(skin.length);
  for (let i = 0; i < skin.length; i++) skinDisplacement[i] = skinMoved[i]! - skin[i]!;
  return {
    head: {
      skin: { positions: skinMoved, indices: head.skin.indices, regionWeights: head.skin.regionWeights },
      fat: layer(head.fat),
      smas: layer(head.smas),
      bone: layer(head.bone),
      landmarks: warpLandmarks(tps, head.landmarks),
    },
    meshPoints: warpPositions(tps, headPoints),
    skinDisplacement,
  };
}

/** Median of the point-to-point distances between two 468-point sets (mm). */
export function medianDistance(a: Float32Array, b: Float32Array): number {
  const d: number[] = [];
  for (let i = 0; i < a.length / 3; i++) d.push(Math.hypot(a[i * 3]! - b[i * 3]!, a[i * 3 + 1]! - b[i * 3 + 1]!, a[i * 3 + 2]! - b[i * 3 + 2]!));
  return median(d);
}
