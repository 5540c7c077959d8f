// Face landmarks from a photo, on the device and off the page's main thread: the picture goes to a Worker
// (detect.worker.ts) that decodes and downscales it and runs MediaPipe Face Mesh from the files the build
// copies into facemodel/ (vite.config.ts faceModel, scripts/face-model.mjs). Loaded only when the photo feature is
// used (this module is a lazy chunk; the worker, the model's script, WebAssembly and networks are requested on first
// use). The image never leaves the page: it is handed to the worker in memory.
import { MAX_IMAGE_SIDE_PX, MIN_IMAGE_SIDE_PX, type PhotoProblem } from '../../core/face/photoChecks.ts';
import type { DetectRequest, DetectResponse } from './detect.worker.ts';

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

let worker: Worker | null = null;
let nextId = 1;
const pending = new Map<number, { resolve: (r: DetectResponse) => void; reject: (e: Error) => void }>();

/** Drops the worker after it failed, so the next attempt ("Try again") starts a new one. */
function dropWorker(error: Error): void {
  worker?.terminate();
  worker = null;
  for (const { reject } of pending.values()) reject(error);
  pending.clear();
}

function detectWorker(): Worker {
  if (!worker) {
    // a classic worker: face_mesh.js loads its runtime with importScripts
    const w = new Worker(new URL('./detect.worker.ts', import.meta.url));
    w.onmessage = (event: MessageEvent<DetectResponse>) => {
      const entry = pending.get(event.data.id);
      pending.delete(event.data.id);
      entry?.resolve(event.data);
    };
    w.onerror = (event) => {
      event.preventDefault();
      dropWorker(new Error(event.message || 'the face-landmark worker failed'));
    };
    worker = w;
  }
  return worker;
}

type Request = DetectRequest extends infer R ? (R extends unknown ? Omit<R, 'id' | 'base'> : never) : never;

function ask(request: Request, transfer: Transferable[] = []): Promise<DetectResponse> {
  return new Promise((resolve, reject) => {
    let w: Worker;
    try {
      w = detectWorker();
    } catch (error) {
      reject(error as Error);
      return;
    }
    const id = nextId++;
    pending.set(id, { resolve, reject });
    w.postMessage({ ...request, id, base: new URL(MODEL_DIR, document.baseURI).href }, transfer);
  });
}

/** Start loading the model early (when the user opens the photo panel), so the shutter does not wait. */
export function preloadFaceModel(): void {
  void ask({ kind: 'load' }).catch(() => undefined);
}

/** A picture read: every face found in it, at analysis size. */
export interface FoundFaces {
  /** The picture at analysis size (long side ≤ MAX_IMAGE_SIDE_PX), RGBA; also the skin-colour source. */
  readonly pixels: { readonly width: number; readonly height: number; readonly rgba: Uint8ClampedArray };
  /** Each face: 468 × (x, y, z), pixels of `pixels`. */
  readonly faces: Float32Array[];
  /** Milliseconds in the worker: decode and downscale, model start (first use only), landmark inference. */
  readonly ms: { readonly decode: number; readonly load: number; readonly infer: number };
}

/**
 * Finds the faces in a picture (a photo file, or a frame of the camera), decoded and downscaled in the worker;
 * PhotoError when it is not an image, tiny (MIN_IMAGE_SIDE_PX), or the model cannot run. Which face to use and
 * whether it is good enough: chooseFace (core/face/photoChecks.ts), in the fit worker.
 */
export async function detectFaces(source: Blob | HTMLVideoElement | HTMLCanvasElement): Promise<FoundFaces> {
  let picture: Blob | ImageBitmap = source as Blob;
  if (!(source instanceof Blob)) {
    try {
      picture = await createImageBitmap(source);
    } catch (error) {
      throw new PhotoError('model-failed', (error as Error).message);
    }
  }
  let response: DetectResponse;
  try {
    response = await ask(
      { kind: 'detect', source: picture, maxSide: MAX_IMAGE_SIDE_PX, minSide: MIN_IMAGE_SIDE_PX },
      picture instanceof ImageBitmap ? [picture] : [],
    );
  } catch (error) {
    throw new PhotoError('model-failed', (error as Error).message);
  }
  if (!response.ok) throw new PhotoError(response.problem, response.detail);
  if (response.kind !== 'faces') throw new PhotoError('model-failed', 'unexpected reply from the face-landmark worker');
  return { pixels: { width: response.width, height: response.height, rgba: response.rgba }, faces: response.faces, ms: response.ms };
}
