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

/**
 * The photo's own lighting is taken out before its colour goes on the skin (the app lights the head itself): the
 * broad shading is the photo's luminance averaged over cells of 1/SHADING_CELLS of the face's width (≈ 23 mm at
 * the intercanthal norm's scale; brows, lids and lips are finer and stay), blurred once; each sample is divided by
 * it and multiplied by its median over the face. Design choices, as is the clamp on that gain.
 */
const SHADING_CELLS = 6;
const SHADING_GAIN_MIN = 0.7;
const SHADING_GAIN_MAX = 1.6;

/** Broad shading of a photo: mean linear luminance per square cell, blurred by a 3 × 3 box, sampled bilinearly. */
interface ShadingField {
  sample(px: number, py: number): number;
  /** Median of the cell values whose centres fall inside the ellipse (cx, cy, rx, ry). */
  medianInside(cx: number, cy: number, rx: number, ry: number): number;
}

function shadingField(photo: PhotoPixels, lin: Float32Array, cell: number): ShadingField {
  const gw = Math.max(1, Math.ceil(photo.width / cell)), gh = Math.max(1, Math.ceil(photo.height / cell));
  const sum = new Float64Array(gw * gh), count = new Float64Array(gw * gh);
  for (let y = 0; y < photo.height; y++)
    for (let x = 0; x < photo.width; x++) {
      const o = (y * photo.width + x) * 4;
      const l = 0.2126 * lin[photo.rgba[o]!]! + 0.7152 * lin[photo.rgba[o + 1]!]! + 0.0722 * lin[photo.rgba[o + 2]!]!;
      const g = Math.floor(y / cell) * gw + Math.floor(x / cell);
      sum[g] = sum[g]! + l;
      count[g] = count[g]! + 1;
    }
  const grid = new Float64Array(gw * gh);
  for (let gy = 0; gy < gh; gy++)
    for (let gx = 0; gx < gw; gx++) {
      let s = 0, c = 0;
      for (let dy = -1; dy <= 1; dy++)
        for (let dx = -1; dx <= 1; dx++) {
          const x = gx + dx, y = gy + dy;
          if (x < 0 || y < 0 || x >= gw || y >= gh) continue;
          s += sum[y * gw + x]!;
          c += count[y * gw + x]!;
        }
      grid[gy * gw + gx] = c ? s / c : 0;
    }
  const at = (x: number, y: number) => grid[Math.max(0, Math.min(gh - 1, y)) * gw + Math.max(0, Math.min(gw - 1, x))]!;
  return {
    sample(px, py) {
      const fx = px / cell - 0.5, fy = py / cell - 0.5;
      const x = Math.floor(fx), y = Math.floor(fy), u = fx - x, v = fy - y;
      return (at(x, y) * (1 - u) + at(x + 1, y) * u) * (1 - v) + (at(x, y + 1) * (1 - u) + at(x + 1, y + 1) * u) * v;
    },
    medianInside(cx, cy, rx, ry) {
      const inside: number[] = [];
      for (let gy = 0; gy < gh; gy++)
        for (let gx = 0; gx < gw; gx++) if (Math.hypot(((gx + 0.5) * cell - cx) / rx, ((gy + 0.5) * cell - cy) / ry) < 1) inside.push(grid[gy * gw + gx]!);
      inside.sort((a, b) => a - b);
      return inside.length ? inside[Math.floor(inside.length / 2)]! : 0;
    },
  };
}

const smoothstep = (a: number, b: number, x: number) => {
  const t = Math.max(0, Math.min(1, (x - a) / (b - a)));
  return t * t * (3 - 2 * t);
};


/**
 * Vertex colours (linear RGB, n × 3) for the fitted skin: `base` (the model's own colours, linear RGB) blended
 * toward the photo's colour (sRGB pixels, decoded to linear, its broad lighting divided out: SHADING_CELLS) by how
 * squarely each vertex faces the camera and how far inside the face's landmark oval its projection falls.
 * `landmarksPx` (468 × xyz, photo px) give the oval.
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
  const shading = shadingField(photo, lin, Math.max(2, Math.round((x1 - x0) / SHADING_CELLS)));
  const faceLight = shading.medianInside(cx, cy, 0.7 * rx, 0.7 * ry);
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
    const light = shading.sample(px, py);
    const gain = light > 0 ? Math.max(SHADING_GAIN_MIN, Math.min(SHADING_GAIN_MAX, faceLight / light)) : 1;
    for (let k = 0; k < 3; k++) out[v * 3 + k] = out[v * 3 + k]! * (1 - w) + Math.min(1, lin[photo.rgba[o + k]!]! * gain) * w;
  }
  return out;
}
