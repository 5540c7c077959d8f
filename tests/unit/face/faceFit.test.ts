// The photo fit (src/core/face/faceFit.ts) on the committed default head: synthetic "photos" made from the head's
// own face-mesh points, deformed, turned and projected to pixels, must be fitted back.
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import type { HeadData } from '../../../src/core/anatomy/headData.ts';
import {
  FACE_MESH_POINTS,
  FaceFitError,
  INTERCANTHAL_WIDTH_MM,
  MESH_INDEX,
  alignPhoto,
  fitHead,
  medianDistance,
  snapToMesh,
} from '../../../src/core/face/faceFit.ts';
import { photoSkinColours } from '../../../src/core/face/photoColour.ts';
import { loadCommittedHead } from '../../fixtures/heads.ts';

const POINTS_FILE = 'public/models/head-face-landmarks.json';

let head: HeadData;
let points: Float32Array;

beforeAll(async () => {
  const loaded = await loadCommittedHead();
  if (!loaded.head) throw new Error(`the photo fit needs the committed head: ${loaded.reason}`);
  head = loaded.head;
  points = Float32Array.from((JSON.parse(readFileSync(POINTS_FILE, 'utf8')) as { points: number[] }).points);
}, 60_000);

type V3 = [number, number, number];
const get = (a: Float32Array, i: number): V3 => [a[i * 3]!, a[i * 3 + 1]!, a[i * 3 + 2]!];

/** A face that differs from the head: a wider jaw, a longer nose tip and a lower chin (mm), then scaled so en–en is the norm. */
function otherFace(src: Float32Array): Float32Array {
  const out = new Float32Array(src.length);
  for (let i = 0; i < FACE_MESH_POINTS; i++) {
    const [x, y, z] = get(src, i);
    const lowness = Math.max(0, Math.min(1, (-y - 30) / 60)); // 0 above the mouth, 1 at the chin
    out.set([x * (1 + 0.15 * lowness), y - 8 * lowness, z + 4 * Math.exp(-((x * x + (y + 17) ** 2) / 200))], i * 3);
  }
  const a = get(out, MESH_INDEX.medialCanthusL), b = get(out, MESH_INDEX.medialCanthusR);
  const k = INTERCANTHAL_WIDTH_MM / Math.hypot(a[0] - b[0], a[1] - b[1], a[2] - b[2]);
  for (let i = 0; i < out.length; i++) out[i] = out[i]! * k;
  return out;
}

/** Head-frame mm → image pixels as a camera sees the face turned by `yawDeg` (toward the subject's left), 4 px/mm. */
function photograph(face: Float32Array, yawDeg: number): Float32Array {
  const c = Math.cos((yawDeg * Math.PI) / 180), s = Math.sin((yawDeg * Math.PI) / 180);
  const out = new Float32Array(face.length);
  for (let i = 0; i < FACE_MESH_POINTS; i++) {
    const [x, y, z] = get(face, i);
    const xr = c * x + s * z, zr = -s * x + c * z;
    out.set([640 + 4 * xr, 480 - 4 * y, -4 * zr], i * 3);
  }
  return out;
}

/** 90th percentile of the point-to-point distances (mm). */
function p90(a: Float32Array, b: Float32Array): number {
  const d: number[] = [];
  for (let i = 0; i < FACE_MESH_POINTS; i++) d.push(Math.hypot(a[i * 3]! - b[i * 3]!, a[i * 3 + 1]! - b[i * 3 + 1]!, a[i * 3 + 2]! - b[i * 3 + 2]!));
  return d.sort((x, y) => x - y)[Math.floor(0.9 * d.length)]!;
}

/** The same shape moved onto `ref` by the best rigid fit (compares shapes whatever the pose). */
function rigidlyOnto(shape: Float32Array, ref: Float32Array): Float32Array {
  // alignPhoto already does this in pixel axes; use it with a "photo" that is the shape in image axes at 1 px/mm
  const asPhoto = new Float32Array(shape.length);
  for (let i = 0; i < FACE_MESH_POINTS; i++) asPhoto.set([shape[i * 3]!, -shape[i * 3 + 1]!, -shape[i * 3 + 2]!], i * 3);
  return alignPhoto(asPhoto, ref).points;
}

describe('face fit', () => {
  it('has the head’s own landmark points on (or, on the face’s outline, just off) the committed skin: regenerate them after a head rebuild', () => {
    expect(points.length).toBe(FACE_MESH_POINTS * 3);
    const onSkin = snapToMesh(points, head.skin);
    const d: number[] = [];
    for (let i = 0; i < FACE_MESH_POINTS; i++) d.push(Math.hypot(...([0, 1, 2] as const).map((k) => points[i * 3 + k]! - onSkin[i * 3 + k]!)));
    d.sort((a, b) => a - b);
    // stale file (head.glb rebuilt, `npx tsx scripts/face-calibrate.ts` not run): the points float off the skin
    expect(d[Math.floor(d.length / 2)]!, `${POINTS_FILE} does not match public/models/head.glb`).toBeLessThan(2.5);
    const near = (i: number, id: keyof HeadData['landmarks']) => {
      const p = get(points, i), l = head.landmarks[id];
      return Math.hypot(p[0] - l[0], p[1] - l[1], p[2] - l[2]);
    };
    expect(near(MESH_INDEX.pronasale, 'pronasale')).toBeLessThan(4);
    expect(near(MESH_INDEX.medialCanthusL, 'medial-canthus-l')).toBeLessThan(4);
  });

  it('measures the pose of a turned face and fits the head to a different face within 1 mm (median)', () => {
    const face = otherFace(points);
    for (const yaw of [0, 15, -15]) {
      const aligned = alignPhoto(photograph(face, yaw), points);
      expect(aligned.pose.yawDeg).toBeCloseTo(yaw, 0);
      expect(Math.abs(aligned.pose.pitchDeg)).toBeLessThan(1);
      expect(aligned.mmPerPx).toBeCloseTo(0.25, 3);
      const fitted = fitHead(head, points, aligned.points);
      // the fitted head carries the other face's shape (compared whatever the rigid placement)
      expect(medianDistance(rigidlyOnto(fitted.meshPoints, face), face)).toBeLessThan(1);
      expect(p90(rigidlyOnto(fitted.meshPoints, face), face)).toBeLessThan(1.5);
      // and it really moved: the default head's points are much further from that face than the fit is
      expect(p90(rigidlyOnto(points, face), face)).toBeGreaterThan(3);
    }
  }, 120_000);

  it('keeps the back of the head and the low neck still and moves every layer with the face', () => {
    const aligned = alignPhoto(photograph(otherFace(points), 0), points);
    const fitted = fitHead(head, points, aligned.points);
    const skin = head.skin.positions, moved = fitted.head.skin.positions;
    const tragusZ = head.landmarks['tragus-l'][2];
    let backMax = 0, faceMax = 0;
    for (let v = 0; v < skin.length / 3; v++) {
      const d = Math.hypot(moved[v * 3]! - skin[v * 3]!, moved[v * 3 + 1]! - skin[v * 3 + 1]!, moved[v * 3 + 2]! - skin[v * 3 + 2]!);
      if (skin[v * 3 + 2]! < tragusZ - 50) backMax = Math.max(backMax, d);
      if (skin[v * 3 + 2]! > 60) faceMax = Math.max(faceMax, d);
    }
    expect(backMax).toBeLessThan(1.5);
    expect(faceMax).toBeGreaterThan(3);
    // smooth: no skin edge stretched or shrunk by more than half its length
    const idx = head.skin.indices;
    let worst = 0;
    for (let t = 0; t < idx.length; t += 3)
      for (let k = 0; k < 3; k++) {
        const a = idx[t + k]!, b = idx[t + ((k + 1) % 3)]!;
        const before = Math.hypot(skin[a * 3]! - skin[b * 3]!, skin[a * 3 + 1]! - skin[b * 3 + 1]!, skin[a * 3 + 2]! - skin[b * 3 + 2]!);
        const after = Math.hypot(moved[a * 3]! - moved[b * 3]!, moved[a * 3 + 1]! - moved[b * 3 + 1]!, moved[a * 3 + 2]! - moved[b * 3 + 2]!);
        if (before > 0.5) worst = Math.max(worst, Math.abs(after / before - 1));
      }
    expect(worst).toBeLessThan(0.5);
    // the layers follow: the chin's bone moves about as the chin's skin does
    const chinSkin = fitted.head.landmarks.menton[1] - head.landmarks.menton[1];
    expect(chinSkin).toBeLessThan(-2);
    let boneChinBefore = Infinity, boneChinAfter = Infinity;
    for (let v = 0; v < head.bone.positions.length / 3; v++) {
      boneChinBefore = Math.min(boneChinBefore, head.bone.positions[v * 3 + 1]!);
      boneChinAfter = Math.min(boneChinAfter, fitted.head.bone.positions[v * 3 + 1]!);
    }
    expect(boneChinAfter - boneChinBefore).toBeLessThan(-1);
    expect(fitted.head.skin.indices).toBe(head.skin.indices);
  }, 120_000);

  it('rejects wrong lengths, non-finite numbers and coincident eye corners with FaceFitError', () => {
    expect(() => alignPhoto(new Float32Array(10), points)).toThrow(FaceFitError);
    const nan = photograph(points, 0);
    nan[5] = NaN;
    expect(() => alignPhoto(nan, points)).toThrow(/non-finite/);
    const flat = new Float32Array(FACE_MESH_POINTS * 3);
    expect(() => alignPhoto(flat, points)).toThrow(/coincide/);
    expect(() => fitHead(head, points, new Float32Array(3))).toThrow(FaceFitError);
  });
});

describe('photo as skin colour', () => {
  // A synthetic photo of the head's own face, 1280 × 960 px at 4 px/mm: even skin lit from the picture's right (a
  // brightness ramp across the image) with a dark patch on the subject's right brow.
  const W = 1280, H = 960;
  const SKIN = [205, 160, 140];
  const ramp = (x: number) => 0.3 + 0.7 * (x / W);
  function litPhoto(browPx: readonly [number, number]): Uint8ClampedArray {
    const rgba = new Uint8ClampedArray(W * H * 4);
    for (let y = 0; y < H; y++)
      for (let x = 0; x < W; x++) {
        const o = (y * W + x) * 4;
        const brow = Math.abs(x - browPx[0]) < 24 && Math.abs(y - browPx[1]) < 10;
        for (let k = 0; k < 3; k++) rgba[o + k] = brow ? 50 : SKIN[k]! * ramp(x);
        rgba[o + 3] = 255;
      }
    return rgba;
  }
  const luminance = (c: Float32Array, v: number) => 0.2126 * c[v * 3]! + 0.7152 * c[v * 3 + 1]! + 0.0722 * c[v * 3 + 2]!;
  /** Mean luminance of the photo's colour on the skin vertices inside a box of the head frame (mm) that take it mostly from the photo. */
  function meanIn(colours: Float32Array, photoOnly: Uint8Array, box: { x: [number, number]; y: [number, number] }): number {
    let sum = 0, n = 0;
    const pos = head.skin.positions;
    for (let v = 0; v < pos.length / 3; v++) {
      const x = pos[v * 3]!, y = pos[v * 3 + 1]!;
      if (x < box.x[0] || x > box.x[1] || y < box.y[0] || y > box.y[1] || !photoOnly[v]) continue;
      sum += luminance(colours, v);
      n++;
    }
    if (n <= 5) throw new Error(`only ${n} vertices in ${JSON.stringify(box)}`);
    return sum / n;
  }

  it("takes the photo's own lighting out and keeps its features", () => {
    const landmarksPx = photograph(points, 0);
    const aligned = alignPhoto(landmarksPx, points, { width: W, height: H });
    // MediaPipe point 107: the inner end of the subject's right brow
    const brow: [number, number] = [landmarksPx[107 * 3]!, landmarksPx[107 * 3 + 1]!];
    const browMm = get(points, 107);
    const photo = { width: W, height: H, rgba: litPhoto(brow) };
    const skin = { positions: head.skin.positions, indices: head.skin.indices };
    const colours = photoSkinColours(skin, new Float32Array(head.skin.positions.length), photo, aligned, landmarksPx);
    // the photo's share w of each vertex's colour (over a model colour of 0 and of 1), and its colour alone
    const other = photoSkinColours(skin, new Float32Array(head.skin.positions.length).fill(1), photo, aligned, landmarksPx);
    const share = colours.map((c, i) => 1 - (other[i]! - c));
    const photoOnly = new Uint8Array(colours.length / 3).map((_, v) => (share[v * 3]! > 0.5 ? 1 : 0));
    for (let i = 0; i < colours.length; i++) if (share[i]! > 0.5) colours[i] = colours[i]! / share[i]!;
    const cheekRight = meanIn(colours, photoOnly, { x: [-48, -30], y: [-35, -15] });
    const cheekLeft = meanIn(colours, photoOnly, { x: [30, 48], y: [-35, -15] });
    // the ramp alone makes the brighter (image-right = subject's left, +x) cheek ~1.8× the other in linear light
    const rawRatio = (ramp(640 - 4 * 39) / ramp(640 + 4 * 39)) ** 2.2;
    expect(rawRatio).toBeLessThan(0.6);
    expect(cheekRight / cheekLeft).toBeGreaterThan(0.85);
    expect(cheekRight / cheekLeft).toBeLessThan(1.15);
    // the brow patch stays much darker than the forehead above it
    const browLum = meanIn(colours, photoOnly, { x: [browMm[0] - 4.5, browMm[0] + 4.5], y: [browMm[1] - 2, browMm[1] + 2] });
    const forehead = meanIn(colours, photoOnly, { x: [browMm[0] - 8, browMm[0] + 8], y: [browMm[1] + 6, browMm[1] + 18] });
    expect(browLum / forehead).toBeLessThan(0.35);
  }, 60_000);
});
