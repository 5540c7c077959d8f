// Face landmarks from a photo, on the device: MediaPipe Face Mesh (468 points) run from the files the build copies
// into facemodel/ (vite.config.ts faceModel, scripts/face-model.mjs). Loaded only when the photo feature is used
// (this module is a lazy chunk; the model's script, WebAssembly and networks are requested on first use). The image
// never leaves the page: it is drawn into a canvas here and handed to the WebAssembly module in memory.
import { FACE_MESH_POINTS } from '../../core/face/faceFit.ts';
import {
  MIN_IMAGE_SIDE_PX,
  MIN_INTERCANTHAL_PX,
  SHARPNESS_SIDE,
  analysisSize,
  faceBox,
  faceImageProblem,
  largestFace,
  meanLuminance,
  toGrey,
  type PhotoProblem,
} from '../../core/face/photoChecks.ts';

/** A photo that cannot be used; `problem` selects the message (src/i18n photo.problem.*). */
export class PhotoError extends Error {
  constructor(
    readonly problem: PhotoProblem,
    detail?: string,
  ) {
    super(detail ? `${problem}: ${detail}` : problem);
  }
}

/** Directory of the model files, relative to the page. */
const MODEL_DIR = 'facemodel/';
/** Faces looked for at once (to notice "several faces"). Design choice. */
const MAX_FACES = 4;

interface NormalizedLandmark {
  x: number;
  y: number;
  z: number;
}
interface FaceMeshResults {
  multiFaceLandmarks?: NormalizedLandmark[][];
}
interface FaceMeshLike {
  setOptions(options: Record<string, unknown>): void;
  onResults(listener: (results: FaceMeshResults) => void): void;
  initialize(): Promise<void>;
  send(inputs: { image: HTMLCanvasElement }): Promise<void>;
  reset(): void;
  close(): Promise<void>;
}
type FaceMeshCtor = new (config: { locateFile: (file: string) => string }) => FaceMeshLike;

let meshPromise: Promise<{ mesh: FaceMeshLike; results: { last: FaceMeshResults | null } }> | null = null;

function loadScript(url: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const script = document.createElement('script');
    script.src = url;
    script.async = true;
    script.onload = () => resolve();
    script.onerror = () => reject(new Error(`could not load ${url}`));
    document.head.appendChild(script);
  });
}

/** The face-mesh model, loaded once per page (a failed load is forgotten so "Try again" loads again). */
function faceMesh() {
  if (!meshPromise) {
    meshPromise = (async () => {
      const base = new URL(MODEL_DIR, document.baseURI).href;
      const w = window as unknown as { FaceMesh?: FaceMeshCtor };
      if (!w.FaceMesh) await loadScript(`${base}face_mesh.js`);
      if (!w.FaceMesh) throw new Error('face_mesh.js did not define FaceMesh');
      const mesh = new w.FaceMesh({ locateFile: (file) => `${base}${file}` });
      // Only maxNumFaces: in this package version, setting minDetectionConfidence replaces the face detector's
      // options and its graph fails to start ("options_.has_num_classes()"); the defaults (0.5) are kept.
      mesh.setOptions({ maxNumFaces: MAX_FACES, refineLandmarks: false });
      const results: { last: FaceMeshResults | null } = { last: null };
      mesh.onResults((r) => {
        results.last = r;
      });
      await mesh.initialize();
      return { mesh, results };
    })();
    meshPromise.catch(() => {
      meshPromise = null;
    });
  }
  return meshPromise;
}

/** Start loading the model early (when the user opens the photo panel), so the shutter does not wait. */
export function preloadFaceModel(): void {
  void faceMesh().catch(() => undefined);
}

let queue: Promise<unknown> = Promise.resolve();

/** Faces found in a canvas: each 468 × (x, y, z) in the canvas's pixels (z: MediaPipe's relative depth × width). */
async function findFaces(canvas: HTMLCanvasElement): Promise<Float32Array[]> {
  let loaded;
  try {
    loaded = await faceMesh();
  } catch (error) {
    throw new PhotoError('model-failed', (error as Error).message);
  }
  const run = queue.then(async () => {
    loaded.results.last = null;
    // every photo stands alone: without a reset the graph tracks, taking the previous picture's faces as where to
    // look (a photo after a two-face photo came out with nonsense landmarks)
    loaded.mesh.reset();
    await loaded.mesh.send({ image: canvas });
    return loaded.results.last as FaceMeshResults | null;
  });
  queue = run.catch(() => undefined);
  let results: FaceMeshResults | null;
  try {
    results = await run;
  } catch (error) {
    throw new PhotoError('model-failed', (error as Error).message);
  }
  const { width: w, height: h } = canvas;
  return (results?.multiFaceLandmarks ?? [])
    .filter((face) => face.length >= FACE_MESH_POINTS)
    .map((face) => {
      const out = new Float32Array(FACE_MESH_POINTS * 3);
      for (let i = 0; i < FACE_MESH_POINTS; i++) out.set([face[i]!.x * w, face[i]!.y * h, face[i]!.z * w], i * 3);
      return out;
    });
}

/** A photo ready for the fit: the (downscaled) picture, the chosen face's landmarks and what the user should know. */
export interface DetectedFace {
  /** The picture at analysis size (long side ≤ MAX_IMAGE_SIDE_PX); also the skin-colour source. */
  readonly canvas: HTMLCanvasElement;
  /** 468 × (x, y, z), pixels of `canvas`. */
  readonly landmarks: Float32Array;
  /** Faces found; when more than one, the largest is used and the user is told. */
  readonly faceCount: number;
}

/** Decodes a file (or blob) as an image; a file that is not one → PhotoError('not-image'). */
export async function decodePhoto(file: Blob): Promise<ImageBitmap> {
  if (file.type && !file.type.startsWith('image/')) throw new PhotoError('not-image', file.type);
  try {
    return await createImageBitmap(file, { imageOrientation: 'from-image' });
  } catch (error) {
    throw new PhotoError('not-image', (error as Error).message);
  }
}

/**
 * Finds the face in a picture (a decoded photo, or a video frame from the camera): downscales it first, refuses a
 * tiny picture, no face, a face too small, too dark or blurred (PhotoError with the reason); with several faces
 * takes the largest. The pose check needs the head (photo.ts).
 */
export async function detectFace(source: ImageBitmap | HTMLVideoElement | HTMLCanvasElement): Promise<DetectedFace> {
  const sw = source instanceof HTMLVideoElement ? source.videoWidth : source.width;
  const sh = source instanceof HTMLVideoElement ? source.videoHeight : source.height;
  if (Math.min(sw, sh) < MIN_IMAGE_SIDE_PX) throw new PhotoError('too-small', `${sw}×${sh}`);
  const size = analysisSize(sw, sh);
  const canvas = document.createElement('canvas');
  canvas.width = size.width;
  canvas.height = size.height;
  const ctx = canvas.getContext('2d', { willReadFrequently: true });
  if (!ctx) throw new PhotoError('model-failed', 'no 2D canvas');
  ctx.drawImage(source, 0, 0, size.width, size.height);
  const faces = await findFaces(canvas);
  if (faces.length === 0) {
    // a face too dark to be found is "too dark", not "no face"
    const whole = toGrey(ctx.getImageData(0, 0, size.width, size.height).data);
    throw new PhotoError(meanLuminance(whole) < 40 ? 'too-dark' : 'no-face');
  }
  const landmarks = faces[largestFace(faces)]!;
  const en = Math.hypot(landmarks[362 * 3]! - landmarks[133 * 3]!, landmarks[362 * 3 + 1]! - landmarks[133 * 3 + 1]!);
  if (en < MIN_INTERCANTHAL_PX) throw new PhotoError('face-too-small', `${en.toFixed(1)} px between the eyes`);
  // light and sharpness of the face itself, resampled to a fixed size so the measure does not depend on the photo's
  const box = faceBox(landmarks);
  const probe = document.createElement('canvas');
  probe.width = probe.height = SHARPNESS_SIDE;
  const pctx = probe.getContext('2d', { willReadFrequently: true })!;
  pctx.drawImage(canvas, box.x, box.y, Math.max(1, box.width), Math.max(1, box.height), 0, 0, SHARPNESS_SIDE, SHARPNESS_SIDE);
  const problem = faceImageProblem(toGrey(pctx.getImageData(0, 0, SHARPNESS_SIDE, SHARPNESS_SIDE).data), SHARPNESS_SIDE);
  if (problem) throw new PhotoError(problem);
  return { canvas, landmarks, faceCount: faces.length };
}
