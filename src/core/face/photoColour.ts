// The photo as the skin's colour: every skin vertex of the fitted head is projected back into the photo (the inverse
// of alignPhoto's placement) and takes the photo's colour there, blended into the model's own skin colour where the
// skin turns away from the camera and toward the ears and the neck. Pure.
import type { Mat3 } from './faceFit.ts';
import { FACE_MESH_POINTS } from './faceFit.ts';
import type { V3 } from '../geometry/tps.ts';
import { vertexNormals } from '../geometry/surface.ts';

/** How the photo sits in the head frame: head = R · (mmPerPx · flip(photo px, perspective undone)) + t (alignPhoto). */
export interface PhotoPlacement {
  readonly rotation: Mat3;
  readonly translation: V3;
  readonly mmPerPx: number;
  /** The camera distance whose perspective alignPhoto undid (Infinity: none) and the optical centre (px). */
  readonly cameraDistanceMm: number;
  readonly center: readonly [number, number];
}

export interface PhotoPixels {
  readonly width: number;
  readonly height: number;
  /** RGBA, 8 bits per channel, sRGB. */
  readonly rgba: Uint8ClampedArray | Uint8Array;
}

/** Facing the camera more than this (cosine) takes the photo's colour fully; less than FACING_LOW not at all. Design choice. */
const FACING_HIGH = 0.55;
const FACING_LOW = 0.2;
/** The photo fades out between these elliptic radii of the face's landmark box (1 = the box's edge): toward the ears and the neck. Design choice. */
const OVAL_INNER = 0.75;
const OVAL_OUTER = 1.05;

const smoothstep = (a: number, b: number, x: number) => {
  const t = Math.max(0, Math.min(1, (x - a) / (b - a)));
  return t * t * (3 - 2 * t);
};


/**
 * Vertex colours (linear RGB, n × 3) for the fitted skin: `base` (the model's own colours, linear RGB) blended
 * toward the photo's colour (sRGB pixels, decoded to linear) by how squarely each vertex faces the camera and how
 * far inside the face's landmark oval its projection falls. `landmarksPx` (468 × xyz, photo px) give the oval.
 */
export function photoSkinColours(
  skin: { positions: Float32Array; indices: Uint32Array },
  base: Float32Array,
  photo: PhotoPixels,
  placement: PhotoPlacement,
  landmarksPx: Float32Array,
): Float32Array {
  const { rotation: R, translation: t, mmPerPx: s, cameraDistanceMm: D, center } = placement;
  let zMean = 0;
  for (let i = 0; i < FACE_MESH_POINTS; i++) zMean += landmarksPx[i * 3 + 2]! / FACE_MESH_POINTS;
  const normals = vertexNormals(skin.positions, skin.indices);
  // toward the camera in the head frame: R · flip(0, 0, −1) = R · (0, 0, 1)
  const cam: V3 = [R[2], R[5], R[8]];
  let x0 = Infinity, x1 = -Infinity, y0 = Infinity, y1 = -Infinity;
  for (let i = 0; i < FACE_MESH_POINTS; i++) {
    x0 = Math.min(x0, landmarksPx[i * 3]!);
    x1 = Math.max(x1, landmarksPx[i * 3]!);
    y0 = Math.min(y0, landmarksPx[i * 3 + 1]!);
    y1 = Math.max(y1, landmarksPx[i * 3 + 1]!);
  }
  const cx = (x0 + x1) / 2, cy = (y0 + y1) / 2, rx = (x1 - x0) / 2 || 1, ry = (y1 - y0) / 2 || 1;
  const lin = new Float32Array(256);
  for (let i = 0; i < 256; i++) {
    const c = i / 255;
    lin[i] = c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  }
  const out = Float32Array.from(base);
  const n = skin.positions.length / 3;
  for (let v = 0; v < n; v++) {
    const facing = normals[v * 3]! * cam[0] + normals[v * 3 + 1]! * cam[1] + normals[v * 3 + 2]! * cam[2];
    const wFacing = smoothstep(FACING_LOW, FACING_HIGH, facing);
    if (wFacing <= 0) continue;
    // head frame → photo: flip(Rᵀ (q − t)) / s, then the camera's perspective put back
    const qx = skin.positions[v * 3]! - t[0], qy = skin.positions[v * 3 + 1]! - t[1], qz = skin.positions[v * 3 + 2]! - t[2];
    const ox = (R[0] * qx + R[3] * qy + R[6] * qz) / s;
    const oy = -(R[1] * qx + R[4] * qy + R[7] * qz) / s;
    const towardCamera = R[2] * qx + R[5] * qy + R[8] * qz + zMean * s;
    const k = Number.isFinite(D) ? (D - towardCamera) / D : 1;
    const px = center[0] + (ox - center[0]) / k;
    const py = center[1] + (oy - center[1]) / k;
    const e = Math.hypot((px - cx) / rx, (py - cy) / ry);
    const w = wFacing * (1 - smoothstep(OVAL_INNER, OVAL_OUTER, e));
    if (w <= 0) continue;
    const ix = Math.round(px), iy = Math.round(py);
    if (ix < 0 || iy < 0 || ix >= photo.width || iy >= photo.height) continue;
    const o = (iy * photo.width + ix) * 4;
    for (let k = 0; k < 3; k++) out[v * 3 + k] = out[v * 3 + k]! * (1 - w) + lin[photo.rgba[o + k]!]! * w;
  }
  return out;
}
