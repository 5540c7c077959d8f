// Checks on a patient photo before and after face landmarks are found: size, light, sharpness, pose, and which
// face to use when there are several. Pure (grey levels and landmark arrays in, verdicts out).
import { FACE_MESH_POINTS } from './faceFit.ts';

/** Why a photo cannot be used, or what the user should know. Each has a message in the four languages (src/i18n). */
export type PhotoProblem =
  | 'not-image'
  | 'too-small'
  | 'face-too-small'
  | 'no-face'
  | 'turned'
  | 'too-dark'
  | 'blurred'
  | 'camera-denied'
  | 'no-camera'
  | 'model-failed';

/** A photo's short side below this is too small to find 468 points on. Design choice (the landmark network reads a 192 px face crop). */
export const MIN_IMAGE_SIDE_PX = 160;
/** The long side the photo is brought down to before anything else (a 50-megapixel photo would stall the page). Design choice. */
export const MAX_IMAGE_SIDE_PX = 1280;
/** The face's inner-eye-corner distance below this (px, after downscaling) is too small to fit. Design choice: ≈ a 100 px wide face. */
export const MIN_INTERCANTHAL_PX = 18;
/** A face turned further than this from the camera is refused (issue #15: "more than about 25°"). */
export const MAX_TURN_DEG = 25;
/** Mean grey level (0–255) of the face below this is too dark. Design choice. */
export const MIN_FACE_LUMINANCE = 45;
/**
 * Sharpness floor: the variance of the Laplacian of the face, resampled to SHARPNESS_SIDE px square, below this is
 * blurred. Design choice, calibrated on renders of the default head: sharp ≈ 60–200, Gaussian blur of 3 px ≈ 10.
 */
export const MIN_FACE_SHARPNESS = 25;
/** Side (px) of the square the face is resampled to for the sharpness measure. Design choice. */
export const SHARPNESS_SIDE = 160;

/** The size (w, h) to draw an image at so that its long side is at most MAX_IMAGE_SIDE_PX (never enlarged). */
export function analysisSize(width: number, height: number): { width: number; height: number; scale: number } {
  const scale = Math.min(1, MAX_IMAGE_SIDE_PX / Math.max(width, height));
  return { width: Math.max(1, Math.round(width * scale)), height: Math.max(1, Math.round(height * scale)), scale };
}

/** Grey levels (Rec. 601 luma, 0–255) of RGBA pixels. */
export function toGrey(rgba: Uint8ClampedArray | Uint8Array): Float32Array {
  const out = new Float32Array(rgba.length / 4);
  for (let i = 0; i < out.length; i++) out[i] = 0.299 * rgba[i * 4]! + 0.587 * rgba[i * 4 + 1]! + 0.114 * rgba[i * 4 + 2]!;
  return out;
}

/** Mean of the grey levels. */
export function meanLuminance(grey: Float32Array): number {
  let s = 0;
  for (const g of grey) s += g;
  return grey.length ? s / grey.length : 0;
}

/** Variance of the 4-neighbour Laplacian over the interior of a w × h grey image (a standard focus measure, Pech-Pacheco 2000). */
export function laplacianVariance(grey: Float32Array, w: number, h: number): number {
  let sum = 0, sum2 = 0, n = 0;
  for (let y = 1; y < h - 1; y++)
    for (let x = 1; x < w - 1; x++) {
      const i = y * w + x;
      const l = grey[i - 1]! + grey[i + 1]! + grey[i - w]! + grey[i + w]! - 4 * grey[i]!;
      sum += l;
      sum2 += l * l;
      n++;
    }
  if (n === 0) return 0;
  const mean = sum / n;
  return sum2 / n - mean * mean;
}

/** Bounding box (px) of one face's landmarks (468 × xyz). */
export function faceBox(landmarks: Float32Array): { x: number; y: number; width: number; height: number } {
  let x0 = Infinity, y0 = Infinity, x1 = -Infinity, y1 = -Infinity;
  for (let i = 0; i < FACE_MESH_POINTS; i++) {
    x0 = Math.min(x0, landmarks[i * 3]!);
    x1 = Math.max(x1, landmarks[i * 3]!);
    y0 = Math.min(y0, landmarks[i * 3 + 1]!);
    y1 = Math.max(y1, landmarks[i * 3 + 1]!);
  }
  return { x: x0, y: y0, width: x1 - x0, height: y1 - y0 };
}

/** Index of the face with the largest landmark box; -1 for none. */
export function largestFace(faces: readonly Float32Array[]): number {
  let best = -1, area = -1;
  faces.forEach((f, i) => {
    const b = faceBox(f);
    if (b.width * b.height > area) [best, area] = [i, b.width * b.height];
  });
  return best;
}

/** The first problem with a found face's light and sharpness (grey levels of its box, resampled), or null. */
export function faceImageProblem(faceGrey: Float32Array, side: number): PhotoProblem | null {
  if (meanLuminance(faceGrey) < MIN_FACE_LUMINANCE) return 'too-dark';
  if (laplacianVariance(faceGrey, side, side) < MIN_FACE_SHARPNESS) return 'blurred';
  return null;
}

/** Mean grey level (0–255) of the whole picture under which "no face" is reported as "too dark". Design choice. */
export const DARK_PICTURE_LUMINANCE = 40;

/**
 * Grey levels of the box (x, y, width, height; px, may reach outside the picture) of a w × h grey picture,
 * resampled to side × side by averaging each target pixel's footprint (sub-sampled 4 × 4). Used for the face's light
 * and sharpness, so the measures do not depend on the photo's size.
 */
export function resampleGrey(grey: Float32Array, w: number, h: number, box: { x: number; y: number; width: number; height: number }, side: number): Float32Array {
  const out = new Float32Array(side * side);
  const sx = Math.max(1e-6, box.width) / side, sy = Math.max(1e-6, box.height) / side;
  const SUB = 4;
  for (let ty = 0; ty < side; ty++)
    for (let tx = 0; tx < side; tx++) {
      let sum = 0;
      for (let j = 0; j < SUB; j++)
        for (let i = 0; i < SUB; i++) {
          const x = Math.min(w - 1, Math.max(0, Math.floor(box.x + (tx + (i + 0.5) / SUB) * sx)));
          const y = Math.min(h - 1, Math.max(0, Math.floor(box.y + (ty + (j + 0.5) / SUB) * sy)));
          sum += grey[y * w + x]!;
        }
      out[ty * side + tx] = sum / (SUB * SUB);
    }
  return out;
}

/** The face to fit in a picture, or why there is none to use. */
export type FaceChoice =
  | { readonly ok: true; readonly landmarks: Float32Array; readonly faceCount: number }
  | { readonly ok: false; readonly problem: PhotoProblem; readonly detail?: string };

/**
 * Chooses the face to fit among those found (`faces`: each 468 × xyz in px of `picture`, RGBA w × h): the largest
 * when several; refuses none found ("too dark" when the whole picture is dark), a face whose inner eye corners are
 * closer than MIN_INTERCANTHAL_PX, and a face too dark or blurred (faceImageProblem on its box resampled to
 * SHARPNESS_SIDE px). The pose is checked with the head (faceFit.alignPhoto).
 */
export function chooseFace(faces: readonly Float32Array[], picture: { width: number; height: number; rgba: Uint8ClampedArray | Uint8Array }): FaceChoice {
  const grey = toGrey(picture.rgba);
  if (faces.length === 0) return { ok: false, problem: meanLuminance(grey) < DARK_PICTURE_LUMINANCE ? 'too-dark' : 'no-face' };
  const landmarks = faces[largestFace(faces)]!;
  const en = Math.hypot(landmarks[362 * 3]! - landmarks[133 * 3]!, landmarks[362 * 3 + 1]! - landmarks[133 * 3 + 1]!);
  if (en < MIN_INTERCANTHAL_PX) return { ok: false, problem: 'face-too-small', detail: `${en.toFixed(1)} px between the eyes` };
  const problem = faceImageProblem(resampleGrey(grey, picture.width, picture.height, faceBox(landmarks), SHARPNESS_SIDE), SHARPNESS_SIDE);
  if (problem) return { ok: false, problem };
  return { ok: true, landmarks, faceCount: faces.length };
}
