// Face landmarks from a photo, off the page's main thread: MediaPipe Face Mesh (468 points) run in this classic
// Worker from the files the build copies into facemodel/ (vite.config.ts faceModel, scripts/face-model.mjs, which
// also makes face_mesh.js keep its WebGL context in a Worker). The photo is decoded and downscaled here too, so a
// 50-megapixel picture never stalls the page. Nothing leaves the device: the image arrives by postMessage and goes
// back as pixels at analysis size with every face found; which face to use, and whether it is good enough, is
// decided by the pure checks (core/face/photoChecks.ts chooseFace) in the fit worker.
//
// A classic worker because face_mesh.js loads its runtime with importScripts; so this file imports types only
// (Vite's dev server serves a classic worker's ES imports as they are, which a classic worker cannot run).
//
// Inference runs on the CPU (XNNPACK in WebAssembly). Measured on the project machine (2 cores, software WebGL), a
// front render of the head: model start 0.27 s, first image 0.29 s, a later image 0.08 s on the CPU, against 0.35 s,
// 3.6 s and 0.43 s with the networks on WebGL; on a phone the CPU path also leaves the GPU to the 3D view. Design choice.
import type { PhotoProblem } from '../../core/face/photoChecks.ts';

declare function importScripts(...urls: string[]): void;

/** Points per face (MediaPipe Face Mesh without iris refinement). */
const FACE_MESH_POINTS = 468;
/** Faces looked for at once (to notice "several faces"). Design choice. */
const MAX_FACES = 4;

/**
 * Messages to the worker. `base`: absolute URL of the facemodel/ directory; `maxSide`/`minSide` (px): the picture's
 * long side is brought down to maxSide, a short side under minSide is refused (photoChecks MAX/MIN_IMAGE_SIDE_PX).
 */
export type DetectRequest =
  | { readonly kind: 'load'; readonly id: number; readonly base: string }
  | { readonly kind: 'detect'; readonly id: number; readonly base: string; readonly source: Blob | ImageBitmap; readonly maxSide: number; readonly minSide: number };

/** Replies: every face found with the pixels they index, or why the picture could not be read. */
export type DetectResponse =
  | { readonly id: number; readonly ok: true; readonly kind: 'loaded' }
  | {
      readonly id: number;
      readonly ok: true;
      readonly kind: 'faces';
      /** Each face: 468 × (x, y, z), pixels of the analysis-size picture (z: MediaPipe's relative depth × width). */
      readonly faces: Float32Array[];
      /** The picture at analysis size (long side ≤ maxSide), RGBA. */
      readonly width: number;
      readonly height: number;
      readonly rgba: Uint8ClampedArray;
      /** Milliseconds in the worker: decode and downscale, model start (first use only), landmark inference. */
      readonly ms: { readonly decode: number; readonly load: number; readonly infer: number };
    }
  | { readonly id: number; readonly ok: false; readonly problem: PhotoProblem; readonly detail?: string };

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
  send(inputs: { image: OffscreenCanvas }): Promise<void>;
  reset(): void;
}
type FaceMeshCtor = new (config: { locateFile: (file: string) => string }) => FaceMeshLike;

class Refusal extends Error {
  constructor(
    readonly problem: PhotoProblem,
    readonly detail?: string,
  ) {
    super(problem);
  }
}

const scope = self as unknown as Record<string, unknown> & { postMessage(message: unknown, transfer?: Transferable[]): void };
let meshPromise: Promise<{ mesh: FaceMeshLike; results: { last: FaceMeshResults | null } }> | null = null;

/** The face-mesh model, started once per worker (a failed start is forgotten so "Try again" starts it again). */
function faceMesh(base: string) {
  if (!meshPromise) {
    meshPromise = (async () => {
      const locateFile = (file: string) => `${base}${file}`;
      // the solution's WebAssembly and packed networks read their URLs from these globals in a Worker
      scope.createMediapipeSolutionsPackedAssets = { locateFile };
      scope.createMediapipeSolutionsWasm = { locateFile };
      if (!scope.FaceMesh) importScripts(`${base}face_mesh.js`);
      const FaceMesh = scope.FaceMesh as FaceMeshCtor | undefined;
      if (!FaceMesh) throw new Error('face_mesh.js did not define FaceMesh');
      const mesh = new FaceMesh({ locateFile });
      // Only maxNumFaces and the CPU: in this package version, setting minDetectionConfidence replaces the face
      // detector's options and its graph fails to start ("options_.has_num_classes()"); the defaults (0.5) are kept.
      mesh.setOptions({ maxNumFaces: MAX_FACES, refineLandmarks: false, useCpuInference: true });
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

async function decode(source: Blob | ImageBitmap): Promise<ImageBitmap> {
  if (!(source instanceof Blob)) return source;
  if (source.type && !source.type.startsWith('image/')) throw new Refusal('not-image', source.type);
  try {
    return await createImageBitmap(source, { imageOrientation: 'from-image' });
  } catch (error) {
    throw new Refusal('not-image', (error as Error).message);
  }
}

async function detect(request: Extract<DetectRequest, { kind: 'detect' }>): Promise<DetectResponse> {
  const t0 = performance.now();
  const bitmap = await decode(request.source);
  let canvas: OffscreenCanvas;
  try {
    const { width: sw, height: sh } = bitmap;
    if (Math.min(sw, sh) < request.minSide) throw new Refusal('too-small', `${sw}×${sh}`);
    const scale = Math.min(1, request.maxSide / Math.max(sw, sh));
    canvas = new OffscreenCanvas(Math.max(1, Math.round(sw * scale)), Math.max(1, Math.round(sh * scale)));
    const ctx = canvas.getContext('2d');
    if (!ctx) throw new Refusal('model-failed', 'no 2D canvas in the worker');
    ctx.drawImage(bitmap, 0, 0, canvas.width, canvas.height);
  } finally {
    bitmap.close();
  }
  const t1 = performance.now();
  let loaded;
  try {
    loaded = await faceMesh(request.base);
  } catch (error) {
    throw new Refusal('model-failed', (error as Error).message);
  }
  const t2 = performance.now();
  loaded.results.last = null;
  // every photo stands alone: without a reset the graph tracks, taking the previous picture's faces as where to
  // look (a photo after a two-face photo came out with nonsense landmarks)
  loaded.mesh.reset();
  try {
    await loaded.mesh.send({ image: canvas });
  } catch (error) {
    throw new Refusal('model-failed', (error as Error).message);
  }
  const t3 = performance.now();
  const { width: w, height: h } = canvas;
  const results = loaded.results.last as FaceMeshResults | null; // set by onResults during send
  const faces = (results?.multiFaceLandmarks ?? [])
    .filter((face) => face.length >= FACE_MESH_POINTS)
    .map((face) => {
      const out = new Float32Array(FACE_MESH_POINTS * 3);
      for (let i = 0; i < FACE_MESH_POINTS; i++) out.set([face[i]!.x * w, face[i]!.y * h, face[i]!.z * w], i * 3);
      return out;
    });
  const rgba = canvas.getContext('2d')!.getImageData(0, 0, w, h).data;
  return { id: request.id, ok: true, kind: 'faces', faces, width: w, height: h, rgba, ms: { decode: t1 - t0, load: t2 - t1, infer: t3 - t2 } };
}

async function handle(request: DetectRequest): Promise<DetectResponse> {
  try {
    if (request.kind === 'load') {
      await faceMesh(request.base);
      return { id: request.id, ok: true, kind: 'loaded' };
    }
    return await detect(request);
  } catch (error) {
    if (error instanceof Refusal) return { id: request.id, ok: false, problem: error.problem, ...(error.detail ? { detail: error.detail } : {}) };
    return { id: request.id, ok: false, problem: 'model-failed', detail: (error as Error).message };
  }
}

// one request at a time: the graph holds one picture
let queue: Promise<unknown> = Promise.resolve();
self.onmessage = (event: MessageEvent<DetectRequest>) => {
  queue = queue.then(async () => {
    const response = await handle(event.data);
    const transfer = response.ok && response.kind === 'faces' ? [response.rgba.buffer, ...response.faces.map((f) => f.buffer)] : [];
    scope.postMessage(response, transfer);
  });
};
