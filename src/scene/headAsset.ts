// Loads a patient's model (public/models/head.glb for the default patient, head-male.glb for the man) once per
// page and patient, bakes every mesh into float32 world space (the GLB may be
// quantized, and the engine writes millimetre displacements into the positions), and derives the engine's
// HeadData from the same vertices, so scene vertex i is engine vertex i.
import { BufferAttribute, BufferGeometry } from 'three';
import { MeshoptDecoder } from 'three/examples/jsm/libs/meshopt_decoder.module.js';
import { decoderWorks } from './decoder.ts';
import { GLB_MESH_NAMES, MM_PER_GLTF_UNIT, type HeadData, type LayerMesh } from '../core/anatomy/headData.ts';
import { LANDMARK_IDS, type LandmarkId } from '../core/anatomy/landmarks.ts';
import { readGlb, type GlbMesh } from '../core/model/glb.ts';
import { DEFAULT_PATIENT, PATIENTS, type PatientId } from '../core/ids.ts';
import { HEAD_FILES } from '../core/model/patients.ts';
import { headFraming } from './views.ts';

/**
 * Each patient's model file, relative to the page. Both share the skin's topology (the man is built from the
 * woman by a displacement field, scripts/model/male.ts), so glued things (pen strokes) carry over. Web and kiosk
 * request only the default patient's file; the service worker precaches only that one (vite.config.ts).
 */
export const HEAD_URLS = Object.fromEntries(PATIENTS.map((p) => [p, `models/${HEAD_FILES[p]}`])) as Readonly<Record<PatientId, string>>;
export const HEAD_URL = HEAD_URLS[DEFAULT_PATIENT];

export type MeshName = (typeof GLB_MESH_NAMES)[keyof typeof GLB_MESH_NAMES];

export interface HeadAsset {
  /** Baked float32 geometries in metres, identity transforms; shared, never mutated by views. */
  readonly geometries: Partial<Record<MeshName, BufferGeometry>>;
  readonly data: HeadData;
  /** Landmarks in metres (scene units). */
  readonly landmarks: Readonly<Record<LandmarkId, readonly [number, number, number]>>;
  /** Centre and radius the views frame (head, neck and the top of the shoulders: views.ts headFraming), metres. */
  readonly center: readonly [number, number, number];
  readonly radius: number;
}

/**
 * Why the head could not be had: `missing` (download failed), `corrupt` (the file is not a usable model) or
 * `unsupported` (the file may be fine, but this browser cannot decode it: WebAssembly is absent or refused,
 * e.g. by a Content Security Policy that Safari < 16 reads without 'wasm-unsafe-eval'). Only the first two are
 * worth retrying.
 */
export class HeadAssetError extends Error {
  constructor(
    message: string,
    readonly reason: 'missing' | 'corrupt' | 'unsupported',
  ) {
    super(message);
  }
}

/** Three-side geometry over the reader's world-space float arrays (metres). */
function toGeometry(mesh: GlbMesh): BufferGeometry {
  const geometry = new BufferGeometry();
  const names: Record<string, string> = { POSITION: 'position', NORMAL: 'normal', COLOR_0: 'color' };
  for (const [semantic, { array, itemSize }] of Object.entries(mesh.attributes)) {
    geometry.setAttribute(names[semantic] ?? semantic.toLowerCase(), new BufferAttribute(array, itemSize));
  }
  geometry.setIndex(new BufferAttribute(mesh.indices, 1));
  if (!geometry.getAttribute('normal')) geometry.computeVertexNormals();
  geometry.computeBoundingSphere();
  return geometry;
}

function layerMesh(geometry: BufferGeometry | undefined, name: string): LayerMesh {
  if (!geometry) throw new HeadAssetError(`head.glb has no mesh "${name}"`, 'corrupt');
  const pos = geometry.getAttribute('position').array as Float32Array;
  const positions = new Float32Array(pos.length);
  for (let i = 0; i < pos.length; i++) positions[i] = (pos[i] ?? 0) * MM_PER_GLTF_UNIT;
  return { positions, indices: geometry.index!.array as Uint32Array };
}

function merge(a: LayerMesh, b: LayerMesh | undefined): LayerMesh {
  if (!b) return a;
  const offset = a.positions.length / 3;
  const positions = new Float32Array(a.positions.length + b.positions.length);
  positions.set(a.positions);
  positions.set(b.positions, a.positions.length);
  const indices = new Uint32Array(a.indices.length + b.indices.length);
  indices.set(a.indices);
  for (let i = 0; i < b.indices.length; i++) indices[a.indices.length + i] = (b.indices[i] ?? 0) + offset;
  return { positions, indices };
}

function regionWeights(geometry: BufferGeometry): Float32Array {
  const count = geometry.getAttribute('position').count;
  const out = new Float32Array(count * 6);
  const a = geometry.getAttribute('_region0');
  const b = geometry.getAttribute('_region1');
  if (!a || !b) throw new HeadAssetError('head.glb skin has no region weights', 'corrupt');
  for (let i = 0; i < count; i++) {
    out[i * 6] = a.getX(i);
    out[i * 6 + 1] = a.getY(i);
    out[i * 6 + 2] = a.getZ(i);
    out[i * 6 + 3] = b.getX(i);
    out[i * 6 + 4] = b.getY(i);
    out[i * 6 + 5] = b.getZ(i);
  }
  return out;
}

export async function loadHeadAsset(url: string = HEAD_URL): Promise<HeadAsset> {
  let response: Response;
  try {
    response = await fetch(new URL(url, document.baseURI));
  } catch {
    throw new HeadAssetError('the model could not be downloaded', 'missing');
  }
  if (!response.ok) throw new HeadAssetError(`the model could not be downloaded (HTTP ${response.status})`, 'missing');
  const buffer = await response.arrayBuffer();
  let content: Awaited<ReturnType<typeof readGlb>>;
  try {
    content = await readGlb(buffer, MeshoptDecoder);
  } catch (error) {
    // A fine file this browser cannot decode is not "damaged": say why, and no retry will help.
    if (!(await decoderWorks)) {
      throw new HeadAssetError('this browser blocks the decoder the 3D model needs (WebAssembly)', 'unsupported');
    }
    throw new HeadAssetError(`the model file is damaged (${(error as Error).message})`, 'corrupt');
  }
  const extras = content.extras as Record<string, unknown>;
  const geometries: Partial<Record<MeshName, BufferGeometry>> = {};
  for (const mesh of content.meshes) {
    if ((Object.values(GLB_MESH_NAMES) as string[]).includes(mesh.name)) geometries[mesh.name as MeshName] = toGeometry(mesh);
  }

  const rawLandmarks = (extras.landmarks ?? {}) as Record<string, unknown>;
  const landmarks = {} as Record<LandmarkId, readonly [number, number, number]>;
  for (const id of LANDMARK_IDS) {
    const p = rawLandmarks[id];
    if (!Array.isArray(p) || p.length !== 3 || !p.every((v) => typeof v === 'number' && Number.isFinite(v))) {
      throw new HeadAssetError(`head.glb lacks landmark "${id}"`, 'corrupt');
    }
    landmarks[id] = [p[0], p[1], p[2]];
  }

  return assembleHeadAsset(geometries, landmarks);
}

/**
 * A HeadAsset from baked geometries (metres) and landmarks (metres): the engine's HeadData (mm) from the same
 * vertices, and the views' framing. Used for the loaded model and for a head fitted to a photo (photoHead.ts).
 * Throws HeadAssetError('corrupt') when a layer the engine needs is missing.
 */
export function assembleHeadAsset(
  geometries: Partial<Record<MeshName, BufferGeometry>>,
  landmarks: Readonly<Record<LandmarkId, readonly [number, number, number]>>,
): HeadAsset {
  const landmarksMm = {} as Record<LandmarkId, readonly [number, number, number]>;
  for (const id of LANDMARK_IDS) {
    const p = landmarks[id];
    landmarksMm[id] = [p[0] * MM_PER_GLTF_UNIT, p[1] * MM_PER_GLTF_UNIT, p[2] * MM_PER_GLTF_UNIT];
  }
  const skin = geometries.skin;
  if (!skin) throw new HeadAssetError('head.glb has no skin mesh', 'corrupt');
  const data: HeadData = {
    skin: { ...layerMesh(skin, 'skin'), regionWeights: regionWeights(skin) },
    fat: layerMesh(geometries.fat, 'fat'),
    smas: layerMesh(geometries.smas, 'smas'),
    bone: merge(layerMesh(geometries.skull, 'skull'), geometries.mandible ? layerMesh(geometries.mandible, 'mandible') : undefined),
    landmarks: landmarksMm,
  };
  // frame the head, the jawline, the neck and the top of the shoulders (not the whole bust: it would shrink the face)
  const { center, radius } = headFraming(skin.getAttribute('position').array, landmarks.menton[1]);
  return { geometries, data, landmarks, center, radius };
}

interface Load {
  readonly promise: Promise<HeadAsset>;
  failed: boolean;
}
const loads = new Map<PatientId, Load>();
const loadsOrNull = new Map<PatientId, Promise<HeadAsset | null>>();
const listeners = new Set<() => void>();

/**
 * The head fitted to a patient's photo (src/ui/photo/), shown instead of the model of the patient it was fitted to
 * (the one chosen when the photo was taken) by every view and panel while it is set; memory only (never stored),
 * dropped by "Forget this photo" or a reload.
 */
let photoHead: { readonly asset: HeadAsset; readonly patient: PatientId; readonly promise: Promise<HeadAsset> } | null = null;
let photoVersion = 0;
const photoListeners = new Set<() => void>();

/** Show `asset` (a head fitted to a photo, from `patient`'s model) in that patient's place, or go back to the models (null). */
export function setPhotoHead(asset: HeadAsset | null, patient: PatientId = DEFAULT_PATIENT): void {
  photoHead = asset ? { asset, patient, promise: Promise.resolve(asset) } : null;
  photoVersion++;
  photoListeners.forEach((l) => l());
  listeners.forEach((l) => l());
}

/** Changes each time the photo head is set or dropped (0: never set); for keys and useSyncExternalStore. */
export function photoHeadVersion(): number {
  return photoVersion;
}

/** The photo head (in `patient`'s place, or whoever's when no patient is given), or null. */
export function currentPhotoHead(patient?: PatientId): HeadAsset | null {
  if (!photoHead || (patient !== undefined && photoHead.patient !== patient)) return null;
  return photoHead.asset;
}

export function onPhotoHeadChange(listener: () => void): () => void {
  photoListeners.add(listener);
  return () => photoListeners.delete(listener);
}

/**
 * One load per page and patient; every view shares it. While a photo head is set, the patient it was fitted to is
 * that head (choosing the other patient in consult shows their model, choosing that one again shows the photo).
 */
export function headAssetPromise(patient: PatientId = DEFAULT_PATIENT): Promise<HeadAsset> {
  if (photoHead?.patient === patient) return photoHead.promise;
  return modelAssetPromise(patient);
}

/** The patient's own model (never the photo head): the base a photo is fitted to. */
export function modelAssetPromise(patient: PatientId = DEFAULT_PATIENT): Promise<HeadAsset> {
  let load = loads.get(patient);
  if (!load) {
    const promise = loadHeadAsset(HEAD_URLS[patient]);
    const entry: Load = { promise, failed: false };
    promise.catch(() => {
      entry.failed = true;
    });
    loads.set(patient, (load = entry));
  }
  return load.promise;
}

/** The same load for side panels, which show nothing (rather than fail) while there is no model. */
export function headAssetOrNull(patient: PatientId = DEFAULT_PATIENT): Promise<HeadAsset | null> {
  if (photoHead?.patient === patient) return photoHead.promise;
  let p = loadsOrNull.get(patient);
  if (!p) loadsOrNull.set(patient, (p = modelAssetPromise(patient).catch(() => null)));
  return p;
}

/**
 * Forget the failed loads so "Try again" fetches anew (a patient whose model loaded stays loaded); panels
 * waiting on an old load re-read.
 */
export function clearHeadAsset(): void {
  for (const [patient, load] of loads)
    if (load.failed) {
      loads.delete(patient);
      loadsOrNull.delete(patient);
    }
  listeners.forEach((l) => l());
}

export function onHeadAssetCleared(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}
