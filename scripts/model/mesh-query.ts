// Ray, closest-point and inside queries on a triangle mesh (three-mesh-bvh; build scripts only), and an OBJ reader.
import { readFileSync } from 'node:fs';
import { BufferAttribute, BufferGeometry, DoubleSide, Ray, Vector3 } from 'three';
import { MeshBVH, type HitPointInfo } from 'three-mesh-bvh';
import type { V3 } from './geom.ts';

export interface TriangleMesh {
  positions: Float32Array;
  indices: Uint32Array;
}

/**
 * Reads the vertices and faces of a Wavefront OBJ file (polygons fanned into triangles; normals, UVs, groups
 * ignored). Throws with the file name and line on a malformed face.
 */
export function readObj(path: string): TriangleMesh {
  const pos: number[] = [];
  const idx: number[] = [];
  const lines = readFileSync(path, 'utf8').split('\n');
  lines.forEach((line, n) => {
    if (line.startsWith('v ')) {
      const a = line.trim().split(/\s+/);
      pos.push(Number(a[1]), Number(a[2]), Number(a[3]));
    } else if (line.startsWith('f ')) {
      const f = line.trim().split(/\s+/).slice(1).map((s) => parseInt(s, 10));
      if (f.length < 3 || f.some((v) => !Number.isFinite(v))) throw new Error(`${path}:${n + 1}: malformed face "${line}"`);
      const count = pos.length / 3;
      const v = f.map((k) => (k < 0 ? count + k : k - 1));
      for (let k = 1; k + 1 < v.length; k++) idx.push(v[0]!, v[k]!, v[k + 1]!);
    }
  });
  if (pos.some((v) => !Number.isFinite(v))) throw new Error(`${path}: a vertex coordinate is not a number`);
  return { positions: Float32Array.from(pos), indices: Uint32Array.from(idx) };
}

export interface Hit {
  point: [number, number, number];
  /** Geometric normal of the hit triangle as wound (outward for an outward-wound closed mesh). */
  normal: [number, number, number];
  distance: number;
  face: number;
}

/** BVH queries on one mesh, in the mesh's units. */
export class MeshQuery {
  readonly bvh: MeshBVH;
  /** The BVH's own copy: it reorders the triangles, and face indices refer to this order. */
  private readonly mesh: TriangleMesh;
  private readonly target: HitPointInfo = { point: new Vector3(), distance: 0, faceIndex: 0 };
  constructor(mesh: TriangleMesh) {
    const g = new BufferGeometry();
    g.setAttribute('position', new BufferAttribute(mesh.positions.slice(), 3));
    g.setIndex(new BufferAttribute(mesh.indices.slice(), 1));
    this.bvh = new MeshBVH(g);
    this.mesh = { positions: g.getAttribute('position').array as Float32Array, indices: g.index!.array as Uint32Array };
  }
  faceNormal(face: number): [number, number, number] {
    const p = this.mesh.positions, i = this.mesh.indices;
    const a = i[face * 3]! * 3, b = i[face * 3 + 1]! * 3, c = i[face * 3 + 2]! * 3;
    const ux = p[b]! - p[a]!, uy = p[b + 1]! - p[a + 1]!, uz = p[b + 2]! - p[a + 2]!;
    const vx = p[c]! - p[a]!, vy = p[c + 1]! - p[a + 1]!, vz = p[c + 2]! - p[a + 2]!;
    const n: [number, number, number] = [uy * vz - uz * vy, uz * vx - ux * vz, ux * vy - uy * vx];
    const l = Math.hypot(n[0], n[1], n[2]) || 1;
    return [n[0] / l, n[1] / l, n[2] / l];
  }
  closest(p: V3): Hit {
    this.bvh.closestPointToPoint(new Vector3(p[0], p[1], p[2]), this.target);
    const q = this.target.point;
    return { point: [q.x, q.y, q.z], normal: this.faceNormal(this.target.faceIndex), distance: this.target.distance, face: this.target.faceIndex };
  }
  /** Every hit along the ray, nearest first. */
  hits(origin: V3, dir: V3): Hit[] {
    const ray = new Ray(new Vector3(origin[0], origin[1], origin[2]), new Vector3(dir[0], dir[1], dir[2]).normalize());
    return this.bvh
      .raycast(ray, DoubleSide)
      .sort((a, b) => a.distance - b.distance || (a.faceIndex ?? 0) - (b.faceIndex ?? 0))
      .map((h) => ({ point: [h.point.x, h.point.y, h.point.z], normal: this.faceNormal(h.faceIndex ?? 0), distance: h.distance, face: h.faceIndex ?? 0 }));
  }
  firstHit(origin: V3, dir: V3): Hit | null {
    return this.hits(origin, dir)[0] ?? null;
  }
  /** Ray-parity inside test (closed meshes); two rays must agree, else the closest face's normal decides. */
  inside(p: V3): boolean {
    const a = this.hits(p, [0.31, 0.52, 0.8]).length % 2 === 1;
    const b = this.hits(p, [-0.6, 0.35, -0.72]).length % 2 === 1;
    if (a === b) return a;
    const c = this.closest(p);
    return (p[0] - c.point[0]) * c.normal[0] + (p[1] - c.point[1]) * c.normal[1] + (p[2] - c.point[2]) * c.normal[2] < 0;
  }
  /** Signed distance: negative inside. */
  signedDistance(p: V3): number {
    const d = this.closest(p).distance;
    return this.inside(p) ? -d : d;
  }
}
