// Mesh and point-set helpers shared by the engine and the procedure resolvers. Pure typed-array code.

import { closestBarycentric } from '../geometry/surface.ts';
export type Vec3 = readonly [number, number, number];

/** Uniform bucket grid over a point set for nearest / radius queries. */
/** A PointGrid's bucketing: its cells' extent and, per cell (CSR: `start`), the indices of its points. */
interface GridCells {
  readonly count: number;
  readonly min: [number, number, number];
  readonly dims: [number, number, number];
  readonly start: Int32Array;
  readonly items: Int32Array;
}

export class PointGrid {
  private readonly cell: number;
  private readonly min: [number, number, number];
  private readonly dims: [number, number, number];
  private readonly start: Int32Array;
  private readonly items: Int32Array;
  readonly points: ArrayLike<number>;
  readonly count: number;

  /**
   * `filter` keeps only some points (by index); the grid stores original indices. `built`: the bucketing of a grid
   * made before over the same points and cell (fromClone), taken as it is.
   */
  constructor(points: ArrayLike<number>, cellMm: number, filter?: (i: number) => boolean, built?: GridCells) {
    this.points = points;
    this.cell = cellMm;
    if (built) {
      this.count = built.count;
      this.min = built.min;
      this.dims = built.dims;
      this.start = built.start;
      this.items = built.items;
      return;
    }
    const n = Math.floor(points.length / 3);
    const keep: number[] = [];
    for (let i = 0; i < n; i++) if (!filter || filter(i)) keep.push(i);
    this.count = keep.length;
    const min: [number, number, number] = [Infinity, Infinity, Infinity];
    const max: [number, number, number] = [-Infinity, -Infinity, -Infinity];
    for (const i of keep) {
      for (const a of [0, 1, 2] as const) {
        const v = points[3 * i + a]!;
        if (v < min[a]) min[a] = v;
        if (v > max[a]) max[a] = v;
      }
    }
    if (keep.length === 0) {
      min[0] = min[1] = min[2] = 0;
      max[0] = max[1] = max[2] = 0;
    }
    this.min = min;
    this.dims = [
      Math.max(1, Math.ceil((max[0] - min[0]) / cellMm) + 1),
      Math.max(1, Math.ceil((max[1] - min[1]) / cellMm) + 1),
      Math.max(1, Math.ceil((max[2] - min[2]) / cellMm) + 1),
    ];
    const cells = this.dims[0] * this.dims[1] * this.dims[2];
    const counts = new Int32Array(cells + 1);
    const cellOf = new Int32Array(keep.length);
    keep.forEach((i, k) => {
      const c = this.cellIndex(points[3 * i]!, points[3 * i + 1]!, points[3 * i + 2]!);
      cellOf[k] = c;
      counts[c + 1]!++;
    });
    for (let c = 0; c < cells; c++) counts[c + 1]! += counts[c]!;
    this.start = counts;
    const next = counts.slice(0, cells);
    this.items = new Int32Array(keep.length);
    keep.forEach((i, k) => {
      this.items[next[cellOf[k]!]!++] = i;
    });
  }

  /**
   * A grid made whole again after `structuredClone` / `postMessage` (a Worker): the clone is a plain object with the
   * same fields and no methods. A new grid takes over its cells as they are (no rebucketing: the rebuild cost the
   * page's thread ~15 ms per head after a photo) rather than the clone getting its prototype back
   * (Object.setPrototypeOf leaves objects slow to read in V8). Throws when the object does not have a grid's fields
   * (a model from another version of the code).
   */
  static fromClone(clone: PointGrid): PointGrid {
    const c = clone as unknown as Partial<GridCells> & { cell?: unknown; points?: unknown };
    if (typeof c?.cell !== 'number' || !ArrayBuffer.isView(c.points) || !(c.start instanceof Int32Array) || !(c.items instanceof Int32Array)) {
      throw new Error('PointGrid.fromClone: not a cloned PointGrid');
    }
    return new PointGrid(c.points as unknown as ArrayLike<number>, c.cell, undefined, c as GridCells);
  }

  private clampCell(v: number, axis: 0 | 1 | 2): number {
    const c = Math.floor((v - this.min[axis]) / this.cell);
    return c < 0 ? 0 : c >= this.dims[axis] ? this.dims[axis] - 1 : c;
  }

  private cellIndex(x: number, y: number, z: number): number {
    return (this.clampCell(z, 2) * this.dims[1] + this.clampCell(y, 1)) * this.dims[0] + this.clampCell(x, 0);
  }

  /** Calls `visit(index, distanceSquared)` for every stored point within `radius` of (x, y, z). */
  forEachWithin(x: number, y: number, z: number, radius: number, visit: (i: number, d2: number) => void): void {
    const r2 = radius * radius;
    const x0 = this.clampCell(x - radius, 0), x1 = this.clampCell(x + radius, 0);
    const y0 = this.clampCell(y - radius, 1), y1 = this.clampCell(y + radius, 1);
    const z0 = this.clampCell(z - radius, 2), z1 = this.clampCell(z + radius, 2);
    const p = this.points;
    for (let cz = z0; cz <= z1; cz++) {
      for (let cy = y0; cy <= y1; cy++) {
        const rowBase = (cz * this.dims[1] + cy) * this.dims[0];
        for (let cx = x0; cx <= x1; cx++) {
          const c = rowBase + cx;
          for (let k = this.start[c]!; k < this.start[c + 1]!; k++) {
            const i = this.items[k]!;
            const dx = p[3 * i]! - x, dy = p[3 * i + 1]! - y, dz = p[3 * i + 2]! - z;
            const d2 = dx * dx + dy * dy + dz * dz;
            if (d2 <= r2) visit(i, d2);
          }
        }
      }
    }
  }

  /** Index of the nearest stored point within maxRadius, or -1. */
  nearest(x: number, y: number, z: number, maxRadius: number): number {
    let best = -1;
    let bestD2 = Infinity;
    // Grow the search radius so typical queries touch only a few cells.
    for (let r = this.cell; ; r = Math.min(maxRadius, r * 2)) {
      this.forEachWithin(x, y, z, r, (i, d2) => {
        if (d2 < bestD2) {
          bestD2 = d2;
          best = i;
        }
      });
      if (best >= 0 || r >= maxRadius) return best;
    }
  }
}

export interface WeldedMesh {
  /** node positions, xyz */
  readonly positions: Float64Array;
  /** per original vertex: its node */
  readonly vertexToNode: Int32Array;
  /** triangles over nodes (degenerate ones removed) */
  readonly triangles: Int32Array;
  readonly nodeCount: number;
}

export interface MeshOperators {
  /** undirected edges (a < b) with cotangent weights */
  readonly edgeA: Int32Array;
  readonly edgeB: Int32Array;
  readonly edgeWeight: Float64Array;
  /** lumped (barycentric) area per node, mm² */
  readonly area: Float64Array;
  /** unit outward normal per node */
  readonly normals: Float64Array;
}
/** Squared distance from p to segment ab, and the segment parameter of the closest point. */
export function segmentDistance2(
  px: number, py: number, pz: number,
  a: Vec3, b: Vec3,
): { d2: number; s: number } {
  const r = { d2: 0, s: 0 };
  r.d2 = segmentDistance2Into(px, py, pz, a[0], a[1], a[2], b[0], b[1], b[2], r);
  return r;
}

/**
 * segmentDistance2 without allocating, for inner loops (a grip band tests every node against every segment of its
 * axis: the arrays and result objects of the plain form were ≈ 10 MB per traction, a dozen minor GCs in a browser):
 * returns the squared distance (mm²) and writes the segment parameter in [0, 1] to `out.s`.
 */
export function segmentDistance2Into(
  px: number, py: number, pz: number,
  ax: number, ay: number, az: number,
  bx: number, by: number, bz: number,
  out: { s: number },
): number {
  const abx = bx - ax, aby = by - ay, abz = bz - az;
  const len2 = abx * abx + aby * aby + abz * abz;
  let s = len2 > 0 ? ((px - ax) * abx + (py - ay) * aby + (pz - az) * abz) / len2 : 0;
  s = s < 0 ? 0 : s > 1 ? 1 : s;
  out.s = s;
  const dx = px - (ax + s * abx), dy = py - (ay + s * aby), dz = pz - (az + s * abz);
  return dx * dx + dy * dy + dz * dz;
}

/** Closest point to p on triangle abc (one implementation for the project: core/geometry/surface.ts). */
export function closestPointOnTriangle(p: Vec3, a: Vec3, b: Vec3, c: Vec3): [number, number, number] {
  const [u, v, w] = closestBarycentric(a[0], a[1], a[2], b[0], b[1], b[2], c[0], c[1], c[2], p[0], p[1], p[2]);
  return [u * a[0] + v * b[0] + w * c[0], u * a[1] + v * b[1] + w * c[1], u * a[2] + v * b[2] + w * c[2]];
}

/** Snaps points onto a triangle mesh: nearest vertex, then the closest point on its incident triangles. */
export class SurfaceProjector {
  private readonly grid: PointGrid;
  private readonly vertexTris: Int32Array;
  private readonly vertexTriStart: Int32Array;

  constructor(
    private readonly positions: Float32Array,
    private readonly indices: Uint32Array,
  ) {
    this.grid = new PointGrid(positions, 6);
    const n = positions.length / 3;
    const counts = new Int32Array(n + 1);
    for (let k = 0; k < indices.length; k++) counts[indices[k]! + 1]!++;
    for (let v = 0; v < n; v++) counts[v + 1]! += counts[v]!;
    this.vertexTriStart = counts;
    const next = counts.slice(0, n);
    this.vertexTris = new Int32Array(indices.length);
    for (let k = 0; k < indices.length; k++) this.vertexTris[next[indices[k]!]!++] = Math.floor(k / 3);
  }

  project(p: Vec3): [number, number, number] {
    const v = this.grid.nearest(p[0], p[1], p[2], 1e4);
    if (v < 0) return [p[0], p[1], p[2]];
    const pos = this.positions;
    const vert = (i: number): Vec3 => [pos[3 * i]!, pos[3 * i + 1]!, pos[3 * i + 2]!];
    let best: [number, number, number] = [pos[3 * v]!, pos[3 * v + 1]!, pos[3 * v + 2]!];
    let bestD2 = (best[0] - p[0]) ** 2 + (best[1] - p[1]) ** 2 + (best[2] - p[2]) ** 2;
    for (let k = this.vertexTriStart[v]!; k < this.vertexTriStart[v + 1]!; k++) {
      const t = this.vertexTris[k]!;
      const q = closestPointOnTriangle(p, vert(this.indices[3 * t]!), vert(this.indices[3 * t + 1]!), vert(this.indices[3 * t + 2]!));
      const d2 = (q[0] - p[0]) ** 2 + (q[1] - p[1]) ** 2 + (q[2] - p[2]) ** 2;
      if (d2 < bestD2) {
        bestD2 = d2;
        best = q;
      }
    }
    return best;
  }
}

export { polylineLength } from '../geometry/surface.ts';

export interface ClusteredMesh extends WeldedMesh {
  /** For each render vertex, interpolation weights over simulation nodes (CSR). */
  readonly interpStart: Int32Array;
  readonly interpNode: Int32Array;
  readonly interpWeight: Float32Array;
}

