// The head as the pure core sees it: typed arrays in millimetres, no three.js objects.
//
// Frame (shared by the GLB, the engine and the scene):
//   +x toward the subject's LEFT (the viewer's right in a front view), +y up, +z forward (out of the face).
//   Origin: midpoint between the two tragi. The GLB stores metres (glTF convention); loaders multiply by
//   MM_PER_GLTF_UNIT once, in one place, so the engine and the report only ever see millimetres.
import type { LandmarkId } from './landmarks.ts';

export const MM_PER_GLTF_UNIT = 1000;

export interface LayerMesh {
  /** xyz per vertex, millimetres. */
  readonly positions: Float32Array;
  /** three indices per triangle. */
  readonly indices: Uint32Array;
}

export interface SkinMesh extends LayerMesh {
  /** REGIONS.length (6) weights per vertex in REGIONS order, each in [0, 1]. */
  readonly regionWeights: Float32Array;
}

/** Mesh names in the GLB. Layer meshes share the skin's frame. */
export const GLB_MESH_NAMES = {
  skin: 'skin',
  skinLod: 'skin_lod',
  fat: 'fat',
  smas: 'smas',
  deepTemporalFascia: 'deep_temporal_fascia',
  skull: 'skull',
  mandible: 'mandible',
  ligaments: 'ligaments',
  /** Zygomaticus major and minor bellies (SMAS layer). */
  muscles: 'muscles',
  eyes: 'eyes',
} as const;

export interface HeadData {
  readonly skin: SkinMesh;
  readonly fat: LayerMesh;
  readonly smas: LayerMesh;
  readonly bone: LayerMesh;
  readonly landmarks: Readonly<Record<LandmarkId, readonly [number, number, number]>>;
}
