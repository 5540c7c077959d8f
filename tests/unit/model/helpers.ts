// Shared helpers for the head-model tests (Node only).
import { BufferAttribute, BufferGeometry, DoubleSide, Ray, Vector3 } from 'three';
import { MeshBVH } from 'three-mesh-bvh';
import type { LayerMesh } from '../../../src/core/anatomy/headData.ts';
import { HEAD_FILES } from '../../../src/core/model/patients.ts';

export type P3 = readonly [number, number, number];

/** Each patient's committed head file, for `describe.each`: [sex, path from the repository's root]. */
export const COMMITTED_PATIENTS = [
  ['female', `public/models/${HEAD_FILES.female}`],
  ['male', `public/models/${HEAD_FILES.male}`],
] as const;

/** Undirected edge → number of triangles using it, plus directed-edge duplicates. */
export function edgeStats(indices: Uint32Array): { boundary: number; nonManifold: number; sameDirection: number } {
  const directed = new Map<string, number>();
  for (let t = 0; t < indices.length; t += 3)
    for (let e = 0; e < 3; e++) {
      const a = indices[t + e]!, b = indices[t + ((e + 1) % 3)]!;
      directed.set(`${a},${b}`, (directed.get(`${a},${b}`) ?? 0) + 1);
    }
  let boundary = 0, nonManifold = 0, sameDirection = 0;
  for (const [key, n] of directed) {
    const [a, b] = key.split(',');
    const back = directed.get(`${b},${a}`) ?? 0;
    if (n > 1) sameDirection++;
    if (n + back === 1) boundary++;
    else if (n + back > 2) nonManifold++;
  }
  return { boundary, nonManifold, sameDirection };
}

export class MeshQuery {
  private readonly bvh: MeshBVH;
  constructor(mesh: LayerMesh) {
    const g = new BufferGeometry();
    g.setAttribute('position', new BufferAttribute(mesh.positions.slice(), 3));
    g.setIndex(new BufferAttribute(mesh.indices.slice(), 1));
    this.bvh = new MeshBVH(g);
  }
  distance(p: P3): number {
    const hit = this.bvh.closestPointToPoint(new Vector3(p[0], p[1], p[2]));
    return hit ? hit.distance : Infinity;
  }
  /** Ray-parity inside test (closed meshes). */
  inside(p: P3): boolean {
    const ray = new Ray(new Vector3(p[0], p[1], p[2]), new Vector3(0.31, 0.52, 0.8).normalize());
    return this.bvh.raycast(ray, DoubleSide).length % 2 === 1;
  }
}

export const dist = (a: P3, b: P3): number => Math.hypot(a[0] - b[0], a[1] - b[1], a[2] - b[2]);
