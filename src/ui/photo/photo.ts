// From a photo to the patient's head on screen: landmarks (detect.ts), the fit and the skin colour in a Worker
// (fit.worker.ts), then a HeadAsset every view and panel shows instead of the model (scene/headAsset.ts
// setPhotoHead). The photo stays in this page's memory: nothing is sent, nothing is stored.
import { adoptUnitResponses } from '../../core/tissue/responses.ts';
import { solveInWorker } from '../../scene/tissueModel.ts';
import { BufferAttribute, type BufferGeometry } from 'three';
import { MM_PER_GLTF_UNIT } from '../../core/anatomy/headData.ts';
import type { LandmarkId } from '../../core/anatomy/landmarks.ts';
import type { FacePose } from '../../core/face/faceFit.ts';
import { DEFAULT_PATIENT, type PatientId } from '../../core/ids.ts';
import { placeFacePoints, tieFacePoints } from '../../core/face/facePoints.ts';
import { assembleHeadAsset, modelAssetPromise, setPhotoHead, type HeadAsset, type MeshName } from '../../scene/headAsset.ts';
import { detectFaces, PhotoError } from './detect.ts';
import type { FitRequest, FitResponse } from './fit.worker.ts';

// The tissue Worker solves each head's unit responses too (a photo's head: the page's thread is never held up by its solves, issue 15).
solveInWorker(adoptUnitResponses);

export { PhotoError, preloadFaceModel } from './detect.ts';

export interface PhotoOutcome {
  readonly asset: HeadAsset;
  /** Faces in the picture (the largest was used when more than one). */
  readonly faceCount: number;
  readonly pose: FacePose;
  /** Median distance (mm) of the fitted face's 468 points from the default head's. */
  readonly differenceMm: number;
  /** Milliseconds: landmarks, fit (worker). */
  readonly timings: { readonly landmarksMs: number; readonly fitMs: number };
}

let worker: Worker | null = null;
let nextId = 1;
let headPoints: Promise<Float32Array> | null = null;

function fitWorker(): Worker {
  if (!worker) worker = new Worker(new URL('./fit.worker.ts', import.meta.url), { type: 'module' });
  return worker;
}

/** MediaPipe's 468 landmarks on the default head (mm; scripts/face-calibrate.ts writes the file next to head.glb). */
function defaultHeadPoints(): Promise<Float32Array> {
  if (!headPoints) {
    headPoints = fetch(new URL('models/head-face-landmarks.json', document.baseURI))
      .then((r) => {
        if (!r.ok) throw new Error(`head landmarks: HTTP ${r.status}`);
        return r.json() as Promise<{ points: number[] }>;
      })
      .then((a) => {
        if (a.points?.length !== 468 * 3) throw new Error('head landmarks: wrong length');
        return Float32Array.from(a.points);
      });
    headPoints.catch(() => {
      headPoints = null;
    });
  }
  return headPoints;
}

function runFit(request: Omit<FitRequest, 'id'>, transfer: Transferable[]): Promise<FitResponse> {
  const w = fitWorker();
  const id = nextId++;
  return new Promise((resolve, reject) => {
    const onMessage = (event: MessageEvent<FitResponse>) => {
      if (event.data.id !== id) return;
      w.removeEventListener('message', onMessage);
      w.removeEventListener('error', onError);
      resolve(event.data);
    };
    const onError = (event: ErrorEvent) => {
      w.removeEventListener('message', onMessage);
      w.removeEventListener('error', onError);
      reject(new Error(event.message || 'the fit worker failed'));
    };
    w.addEventListener('message', onMessage);
    w.addEventListener('error', onError);
    w.postMessage({ ...request, id }, transfer);
  });
}

/** The skin's colours as linear RGB n × 3 (the model's COLOR_0, 3 or 4 components), or a flat skin tone. */
function skinColours(geometry: BufferGeometry): Float32Array {
  const count = geometry.getAttribute('position').count;
  const attr = geometry.getAttribute('color');
  const out = new Float32Array(count * 3);
  for (let i = 0; i < count; i++) {
    out[i * 3] = attr ? attr.getX(i) : 0.6;
    out[i * 3 + 1] = attr ? attr.getY(i) : 0.42;
    out[i * 3 + 2] = attr ? attr.getZ(i) : 0.33;
  }
  return out;
}

/**
 * MediaPipe's 468 points on `patient`'s model (mm): the default head's (face-calibrate.ts), or on another patient of
 * the same skin topology, those tied to her skin and placed on his (core/face/facePoints.ts).
 */
async function headPointsOf(patient: PatientId, base: HeadAsset): Promise<Float32Array> {
  const points = await defaultHeadPoints();
  if (patient === DEFAULT_PATIENT) return points;
  const her = await modelAssetPromise(DEFAULT_PATIENT);
  return placeFacePoints(tieFacePoints(points, her.data.skin), base.data.skin.positions, base.data.skin.indices);
}

/**
 * The patient's photo (a file, or a frame of the camera) → her head, fitted from the model of `patient` (the one
 * chosen in consult; web: the default) and shown in that patient's place everywhere (setPhotoHead). The photo's scale
 * is that model's intercanthal width. Rejects with PhotoError (its `problem` names the message) and leaves the head
 * on screen as it was.
 */
export async function applyPhoto(source: Blob | HTMLVideoElement | HTMLCanvasElement, patient: PatientId = DEFAULT_PATIENT): Promise<PhotoOutcome> {
  const t0 = performance.now();
  const detected = await detectFaces(source);
  const t1 = performance.now();
  let base: HeadAsset, points: Float32Array;
  try {
    base = await modelAssetPromise(patient);
    points = await headPointsOf(patient, base);
  } catch (error) {
    throw new PhotoError('model-failed', (error as Error).message);
  }
  const names = Object.keys(base.geometries) as MeshName[];
  const meshes = names.map((name) => {
    const g = base.geometries[name]!;
    const positions = g.getAttribute('position').array as Float32Array;
    const index = g.getIndex();
    return { name, positions, ...(g.getAttribute('normal') && index ? { indices: index.array } : {}) };
  });
  const pixels = detected.pixels;
  const response = await runFit({
    headPoints: points,
    head: { skin: base.data.skin, landmarks: base.data.landmarks },
    meshes,
    mmPerUnit: MM_PER_GLTF_UNIT,
    faces: detected.faces,
    photo: { width: pixels.width, height: pixels.height, rgba: pixels.rgba },
    skinColours: skinColours(base.geometries.skin!),
  }, [pixels.rgba.buffer, ...detected.faces.map((f) => f.buffer)]).catch((error: Error) => {
    throw new PhotoError('model-failed', error.message);
  });
  if (!response.ok) throw new PhotoError(response.problem, response.detail);
  // the fitted head as baked geometries (metres), sharing everything but positions, normals and the skin's colours
  const geometries: Partial<Record<MeshName, BufferGeometry>> = {};
  for (const { name, positions, normals } of response.meshes) {
    const g = base.geometries[name as MeshName]!.clone();
    g.setAttribute('position', new BufferAttribute(positions, 3));
    if (normals) g.setAttribute('normal', new BufferAttribute(normals, 3));
    else if (g.getAttribute('normal')) g.computeVertexNormals();
    g.computeBoundingSphere();
    geometries[name as MeshName] = g;
  }
  const skin = geometries.skin!;
  const old = skin.getAttribute('color');
  const itemSize = old?.itemSize ?? 3;
  const colours = new Float32Array(response.skinColours.length / 3 * itemSize);
  for (let i = 0; i < response.skinColours.length / 3; i++) {
    for (let k = 0; k < 3; k++) colours[i * itemSize + k] = response.skinColours[i * 3 + k]!;
    if (itemSize === 4) colours[i * 4 + 3] = old ? old.getW(i) : 1;
  }
  skin.setAttribute('color', new BufferAttribute(colours, itemSize));
  const landmarks = {} as Record<LandmarkId, readonly [number, number, number]>;
  for (const [id, p] of Object.entries(response.landmarks) as [LandmarkId, readonly [number, number, number]][])
    landmarks[id] = [p[0] / MM_PER_GLTF_UNIT, p[1] / MM_PER_GLTF_UNIT, p[2] / MM_PER_GLTF_UNIT];
  const asset = assembleHeadAsset(geometries, landmarks);
  setPhotoHead(asset, patient);
  return {
    asset,
    faceCount: response.faceCount,
    pose: response.pose,
    differenceMm: response.differenceMm,
    timings: { landmarksMs: t1 - t0, fitMs: response.ms },
  };
}

/** "Forget this photo": the fitted head goes, the patient's model comes back. Nothing of the photo is kept. */
export function forgetPhoto(): void {
  setPhotoHead(null);
}
