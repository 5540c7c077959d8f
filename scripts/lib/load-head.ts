// Node-side loader for the patients' models (public/models/head.glb, head-male.glb) shared by the tissue engine, the report CLI and the tests.
// Decodes EXT_meshopt_compression with the meshoptimizer package and undoes KHR_mesh_quantization through the
// node transforms, then returns millimetres in the frame of src/core/anatomy/headData.ts.
import { NodeIO, type Document, type Node } from '@gltf-transform/core';
import { EXTMeshoptCompression, KHRMeshQuantization } from '@gltf-transform/extensions';
import { MeshoptDecoder } from 'meshoptimizer';
import { GLB_MESH_NAMES, MM_PER_GLTF_UNIT, type HeadData, type LayerMesh, type SkinMesh } from '../../src/core/anatomy/headData.ts';
import { LANDMARK_IDS, type LandmarkId } from '../../src/core/anatomy/landmarks.ts';
import { PATIENTS, REGIONS, type PatientId } from '../../src/core/ids.ts';
import { HEAD_FILES } from '../../src/core/model/patients.ts';

/** Each patient's committed model file, relative to the repository root. */
export const HEAD_PATHS = Object.fromEntries(PATIENTS.map((p) => [p, `public/models/${HEAD_FILES[p]}`])) as Readonly<Record<PatientId, string>>;

export type MeshName = (typeof GLB_MESH_NAMES)[keyof typeof GLB_MESH_NAMES];

/** Reads a GLB file into a glTF-Transform document (meshopt decoded). */
export async function readHeadDocument(path = 'public/models/head.glb'): Promise<Document> {
  await MeshoptDecoder.ready;
  const io = new NodeIO().registerExtensions([EXTMeshoptCompression, KHRMeshQuantization]).registerDependencies({ 'meshopt.decoder': MeshoptDecoder });
  return io.read(path);
}

function findNode(doc: Document, name: string): Node {
  const node = doc.getRoot().listNodes().find((n) => n.getName() === name);
  if (!node) throw new Error(`head.glb: node "${name}" missing`);
  return node;
}

/** Positions (mm, world frame), indices and any extra float attributes of one named mesh. */
export function readMesh(doc: Document, name: string, attributes: readonly string[] = []): LayerMesh & { attributes: Record<string, Float32Array> } {
  const node = findNode(doc, name);
  const prim = node.getMesh()?.listPrimitives()[0];
  if (!prim) throw new Error(`head.glb: mesh "${name}" has no primitive`);
  const pos = prim.getAttribute('POSITION');
  const idx = prim.getIndices();
  if (!pos || !idx) throw new Error(`head.glb: mesh "${name}" lacks positions or indices`);
  const m = node.getWorldMatrix();
  const n = pos.getCount();
  const positions = new Float32Array(n * 3);
  const el: number[] = [0, 0, 0];
  for (let i = 0; i < n; i++) {
    pos.getElement(i, el);
    const x = el[0]!, y = el[1]!, z = el[2]!;
    positions[i * 3] = (m[0] * x + m[4] * y + m[8] * z + m[12]) * MM_PER_GLTF_UNIT;
    positions[i * 3 + 1] = (m[1] * x + m[5] * y + m[9] * z + m[13]) * MM_PER_GLTF_UNIT;
    positions[i * 3 + 2] = (m[2] * x + m[6] * y + m[10] * z + m[14]) * MM_PER_GLTF_UNIT;
  }
  const indices = Uint32Array.from(idx.getArray() ?? []);
  const extra: Record<string, Float32Array> = {};
  for (const a of attributes) {
    const acc = prim.getAttribute(a);
    if (!acc) throw new Error(`head.glb: mesh "${name}" lacks attribute ${a}`);
    const size = acc.getElementSize();
    const out = new Float32Array(acc.getCount() * size);
    const e: number[] = new Array<number>(size).fill(0);
    for (let i = 0; i < acc.getCount(); i++) {
      acc.getElement(i, e); // denormalised by glTF-Transform for normalized integer accessors
      for (let k = 0; k < size; k++) out[i * size + k] = e[k]!;
    }
    extra[a] = out;
  }
  return { positions, indices, attributes: extra };
}

/** Six REGIONS weights per vertex from _REGION0 (jawline, nasolabial, midface) and _REGION1 (periorbital, temple, neck). */
export function interleaveRegions(r0: Float32Array, r1: Float32Array): Float32Array {
  const n = r0.length / 3;
  const out = new Float32Array(n * REGIONS.length);
  for (let i = 0; i < n; i++)
    for (let k = 0; k < 3; k++) {
      out[i * 6 + k] = r0[i * 3 + k]!;
      out[i * 6 + 3 + k] = r1[i * 3 + k]!;
    }
  return out;
}

function merge(a: LayerMesh, b: LayerMesh): LayerMesh {
  const positions = new Float32Array(a.positions.length + b.positions.length);
  positions.set(a.positions);
  positions.set(b.positions, a.positions.length);
  const base = a.positions.length / 3;
  const indices = new Uint32Array(a.indices.length + b.indices.length);
  indices.set(a.indices);
  for (let i = 0; i < b.indices.length; i++) indices[a.indices.length + i] = b.indices[i]! + base;
  return { positions, indices };
}

/** Landmarks from the scene extras, converted to millimetres. */
export function readLandmarks(doc: Document): Record<LandmarkId, readonly [number, number, number]> {
  const scene = doc.getRoot().getDefaultScene() ?? doc.getRoot().listScenes()[0];
  const raw = (scene?.getExtras() as { landmarks?: Record<string, number[]> } | undefined)?.landmarks;
  if (!raw) throw new Error('head.glb: scene extras.landmarks missing');
  const out = {} as Record<LandmarkId, readonly [number, number, number]>;
  for (const id of LANDMARK_IDS) {
    const p = raw[id];
    if (!p || p.length !== 3) throw new Error(`head.glb: landmark ${id} missing`);
    out[id] = [p[0]! * MM_PER_GLTF_UNIT, p[1]! * MM_PER_GLTF_UNIT, p[2]! * MM_PER_GLTF_UNIT];
  }
  return out;
}

export async function loadHeadData(path = 'public/models/head.glb'): Promise<HeadData> {
  const doc = await readHeadDocument(path);
  const s = readMesh(doc, GLB_MESH_NAMES.skin, ['_REGION0', '_REGION1']);
  const skin: SkinMesh = { positions: s.positions, indices: s.indices, regionWeights: interleaveRegions(s.attributes._REGION0!, s.attributes._REGION1!) };
  const fat = readMesh(doc, GLB_MESH_NAMES.fat);
  const smas = readMesh(doc, GLB_MESH_NAMES.smas);
  const bone = merge(readMesh(doc, GLB_MESH_NAMES.skull), readMesh(doc, GLB_MESH_NAMES.mandible));
  return {
    skin,
    fat: { positions: fat.positions, indices: fat.indices },
    smas: { positions: smas.positions, indices: smas.indices },
    bone,
    landmarks: readLandmarks(doc),
  };
}
