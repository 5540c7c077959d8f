// Points glued to a triangle mesh: a point is stored as (triangle, barycentric weights), so it rides along
// when the mesh deforms — incision lines, thread entry points, labels and the surgeon's pen strokes all
// follow the tissue without a second solve. Pure typed-array code (runs in Node and in the page).

export interface SurfacePoint {
  readonly tri: number;
  readonly u: number;
  readonly v: number;
  readonly w: number;
}

const tmp = new Float64Array(9);

function loadTri(positions: ArrayLike<number>, indices: ArrayLike<number>, tri: number): void {
  for (let k = 0; k < 3; k++) {
    const vi = indices[tri * 3 + k]! * 3;
    tmp[k * 3] = positions[vi]!;
    tmp[k * 3 + 1] = positions[vi + 1]!;
    tmp[k * 3 + 2] = positions[vi + 2]!;
  }
}

/**
 * Closest point to p on triangle (a, b, c) in barycentric form [u, v, w] (weights of a, b, c), after the
 * region tests in Ericson, "Real-Time Collision Detection" §5.1.5 (re-derived here, not copied).
 */
export function closestBarycentric(
  ax: number, ay: number, az: number,
  bx: number, by: number, bz: number,
  cx: number, cy: number, cz: number,
  px: number, py: number, pz: number,
): [number, number, number] {
  const abx = bx - ax, aby = by - ay, abz = bz - az;
  const acx = cx - ax, acy = cy - ay, acz = cz - az;
  const apx = px - ax, apy = py - ay, apz = pz - az;
  const d1 = abx * apx + aby * apy + abz * apz;
  const d2 = acx * apx + acy * apy + acz * apz;
  if (d1 <= 0 && d2 <= 0) return [1, 0, 0];
  const bpx = px - bx, bpy = py - by, bpz = pz - bz;
  const d3 = abx * bpx + aby * bpy + abz * bpz;
  const d4 = acx * bpx + acy * bpy + acz * bpz;
  if (d3 >= 0 && d4 <= d3) return [0, 1, 0];
  const vc = d1 * d4 - d3 * d2;
  if (vc <= 0 && d1 >= 0 && d3 <= 0) {
    const t = d1 / (d1 - d3);
    return [1 - t, t, 0];
  }
  const cpx = px - cx, cpy = py - cy, cpz = pz - cz;
  const d5 = abx * cpx + aby * cpy + abz * cpz;
  const d6 = acx * cpx + acy * cpy + acz * cpz;
  if (d6 >= 0 && d5 <= d6) return [0, 0, 1];
  const vb = d5 * d2 - d1 * d6;
  if (vb <= 0 && d2 >= 0 && d6 <= 0) {
    const t = d2 / (d2 - d6);
    return [1 - t, 0, t];
  }
  const va = d3 * d6 - d5 * d4;
  if (va <= 0 && d4 - d3 >= 0 && d5 - d6 >= 0) {
    const t = (d4 - d3) / (d4 - d3 + (d5 - d6));
    return [0, 1 - t, t];
  }
  const denom = 1 / (va + vb + vc);
  const v = vb * denom;
  const w = vc * denom;
  return [1 - v - w, v, w];
}

/** A coarse cell index over triangle centroids, so attaching many points stays cheap on a 40k-triangle skin. */
export class TriangleGrid {
  private readonly cells = new Map<number, number[]>();
  constructor(
    private readonly positions: ArrayLike<number>,
    private readonly indices: ArrayLike<number>,
    private readonly cell = 8,
  ) {
    const triCount = indices.length / 3;
    for (let t = 0; t < triCount; t++) {
      loadTri(positions, indices, t);
      const key = this.key((tmp[0]! + tmp[3]! + tmp[6]!) / 3, (tmp[1]! + tmp[4]! + tmp[7]!) / 3, (tmp[2]! + tmp[5]! + tmp[8]!) / 3);
      let list = this.cells.get(key);
      if (!list) this.cells.set(key, (list = []));
      list.push(t);
    }
  }

  private key(x: number, y: number, z: number): number {
    const c = this.cell;
    return ((Math.floor(x / c) + 512) * 1024 + (Math.floor(y / c) + 512)) * 1024 + (Math.floor(z / c) + 512);
  }

  /** Closest surface point to (x, y, z), searching rings of cells outward until a hit cannot improve. */
  attach(x: number, y: number, z: number): SurfacePoint & { distance: number } {
    const c = this.cell;
    const cx = Math.floor(x / c), cy = Math.floor(y / c), cz = Math.floor(z / c);
    let best = { tri: 0, u: 1, v: 0, w: 0, distance: Infinity };
    for (let ring = 0; ring < 64; ring++) {
      for (let i = -ring; i <= ring; i++) {
        for (let j = -ring; j <= ring; j++) {
          for (let k = -ring; k <= ring; k++) {
            if (Math.max(Math.abs(i), Math.abs(j), Math.abs(k)) !== ring) continue;
            const list = this.cells.get(((cx + i + 512) * 1024 + (cy + j + 512)) * 1024 + (cz + k + 512));
            if (!list) continue;
            for (const t of list) {
              loadTri(this.positions, this.indices, t);
              const [u, v, w] = closestBarycentric(tmp[0]!, tmp[1]!, tmp[2]!, tmp[3]!, tmp[4]!, tmp[5]!, tmp[6]!, tmp[7]!, tmp[8]!, x, y, z);
              const qx = u * tmp[0]! + v * tmp[3]! + w * tmp[6]! - x;
              const qy = u * tmp[1]! + v * tmp[4]! + w * tmp[7]! - y;
              const qz = u * tmp[2]! + v * tmp[5]! + w * tmp[8]! - z;
              const d = Math.sqrt(qx * qx + qy * qy + qz * qz);
              if (d < best.distance) best = { tri: t, u, v, w, distance: d };
            }
          }
        }
      }
      // Triangles in rings further out have centroids at least (ring * cell) away; a triangle's extent is
      // bounded by the cell size for our meshes, so one extra ring past a hit is enough.
      if (best.distance < (ring - 1) * c) break;
    }
    return best;
  }
}

/** Position of a glued point on the (possibly deformed) mesh, written to out[o..o+2]. */
export function surfacePosition(
  positions: ArrayLike<number>,
  indices: ArrayLike<number>,
  p: SurfacePoint,
  out: Float32Array | Float64Array,
  o = 0,
): void {
  const a = indices[p.tri * 3]! * 3, b = indices[p.tri * 3 + 1]! * 3, c = indices[p.tri * 3 + 2]! * 3;
  for (let k = 0; k < 3; k++) out[o + k] = p.u * positions[a + k]! + p.v * positions[b + k]! + p.w * positions[c + k]!;
}

/** Unit normal of the glued point's triangle on the (possibly deformed) mesh. */
export function surfaceNormal(positions: ArrayLike<number>, indices: ArrayLike<number>, p: SurfacePoint, out: Float32Array | Float64Array, o = 0): void {
  loadTri(positions, indices, p.tri);
  const ux = tmp[3]! - tmp[0]!, uy = tmp[4]! - tmp[1]!, uz = tmp[5]! - tmp[2]!;
  const vx = tmp[6]! - tmp[0]!, vy = tmp[7]! - tmp[1]!, vz = tmp[8]! - tmp[2]!;
  const nx = uy * vz - uz * vy, ny = uz * vx - ux * vz, nz = ux * vy - uy * vx;
  const len = Math.hypot(nx, ny, nz) || 1;
  out[o] = nx / len;
  out[o + 1] = ny / len;
  out[o + 2] = nz / len;
}

/** Length of a polyline (xyz triples). */
export function polylineLength(points: ArrayLike<number>): number {
  let sum = 0;
  for (let i = 3; i + 2 < points.length; i += 3) {
    sum += Math.hypot(points[i]! - points[i - 3]!, points[i + 1]! - points[i - 2]!, points[i + 2]! - points[i - 1]!);
  }
  return sum;
}

/**
 * Area-weighted vertex normals of a triangle mesh: `positions` xyz per vertex (any unit), `indices` three per
 * triangle. Returns unit normals, xyz per vertex (zero for a vertex no triangle uses). The one copy the model build,
 * the wrinkles and the photo fit share.
 */
export function vertexNormals(positions: ArrayLike<number>, indices: ArrayLike<number>): Float32Array {
  return vertexNormalsInto(positions, indices, new Float32Array(positions.length));
}

/**
 * vertexNormals written into `out` (the length of `positions`; overwritten) without allocating: the same normals
 * as three's BufferGeometry.computeVertexNormals for an indexed mesh, at a fraction of its time (no Vector3 per
 * corner), for the deformed layers redrawn every frame. Returns `out`.
 */
export function vertexNormalsInto(positions: ArrayLike<number>, indices: ArrayLike<number>, out: Float32Array): Float32Array {
  const n = out;
  n.fill(0);
  for (let t = 0; t < indices.length; t += 3) {
    const a = indices[t]! * 3, b = indices[t + 1]! * 3, c = indices[t + 2]! * 3;
    const ux = positions[b]! - positions[a]!, uy = positions[b + 1]! - positions[a + 1]!, uz = positions[b + 2]! - positions[a + 2]!;
    const vx = positions[c]! - positions[a]!, vy = positions[c + 1]! - positions[a + 1]!, vz = positions[c + 2]! - positions[a + 2]!;
    const nx = uy * vz - uz * vy, ny = uz * vx - ux * vz, nz = ux * vy - uy * vx;
    n[a]! += nx;
    n[a + 1]! += ny;
    n[a + 2]! += nz;
    n[b]! += nx;
    n[b + 1]! += ny;
    n[b + 2]! += nz;
    n[c]! += nx;
    n[c + 1]! += ny;
    n[c + 2]! += nz;
  }
  for (let i = 0; i < n.length; i += 3) {
    const l = Math.hypot(n[i]!, n[i + 1]!, n[i + 2]!) || 1;
    n[i] = n[i]! / l;
    n[i + 1] = n[i + 1]! / l;
    n[i + 2] = n[i + 2]! / l;
  }
  return n;
}
