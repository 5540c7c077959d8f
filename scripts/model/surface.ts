// Closest-point queries on a triangle mesh (three-mesh-bvh; scripts only) and ray marching into SDFs.
import { BufferAttribute, BufferGeometry, Vector3 } from 'three';
import { MeshBVH, type HitPointInfo } from 'three-mesh-bvh';
import type { V3 } from './geom.ts';

export interface SurfaceQuery {
  closest(p: V3): { point: V3; distance: number };
}

export function surfaceQuery(positions: Float32Array, indices: Uint32Array): SurfaceQuery {
  const geometry = new BufferGeometry();
  geometry.setAttribute('position', new BufferAttribute(positions.slice(), 3));
  geometry.setIndex(new BufferAttribute(indices.slice(), 1));
  const bvh = new MeshBVH(geometry);
  const target: HitPointInfo = { point: new Vector3(), distance: 0, faceIndex: 0 };
  const q = new Vector3();
  return {
    closest(p) {
      q.set(p[0], p[1], p[2]);
      bvh.closestPointToPoint(q, target);
      return { point: [target.point.x, target.point.y, target.point.z], distance: target.distance };
    },
  };
}
