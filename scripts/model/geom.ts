// Small geometry toolkit for the head build: signed-distance primitives, a marching-tetrahedra mesher
// (watertight and manifold by construction on the Freudenthal split of a regular grid), and mesh helpers.
// Everything is deterministic: no randomness, no Map iteration whose order depends on anything but input order.

export type V3 = readonly [number, number, number];

export const clamp = (v: number, lo: number, hi: number): number => (v < lo ? lo : v > hi ? hi : v);
export const smoothstep = (e0: number, e1: number, x: number): number => {
  const t = clamp((x - e0) / (e1 - e0), 0, 1);
  return t * t * (3 - 2 * t);
};
export const lerp = (a: number, b: number, t: number): number => a + (b - a) * t;
export const sub = (a: V3, b: V3): [number, number, number] => [a[0] - b[0], a[1] - b[1], a[2] - b[2]];
export const add = (a: V3, b: V3): [number, number, number] => [a[0] + b[0], a[1] + b[1], a[2] + b[2]];
export const scale = (a: V3, s: number): [number, number, number] => [a[0] * s, a[1] * s, a[2] * s];
export const dot = (a: V3, b: V3): number => a[0] * b[0] + a[1] * b[1] + a[2] * b[2];
export const cross = (a: V3, b: V3): [number, number, number] => [
  a[1] * b[2] - a[2] * b[1],
  a[2] * b[0] - a[0] * b[2],
  a[0] * b[1] - a[1] * b[0],
];
export const len = (a: V3): number => Math.hypot(a[0], a[1], a[2]);
export const dist = (a: V3, b: V3): number => Math.hypot(a[0] - b[0], a[1] - b[1], a[2] - b[2]);
export const norm = (a: V3): [number, number, number] => {
  const l = len(a) || 1;
  return [a[0] / l, a[1] / l, a[2] / l];
};
export const mix3 = (a: V3, b: V3, t: number): [number, number, number] => [lerp(a[0], b[0], t), lerp(a[1], b[1], t), lerp(a[2], b[2], t)];

// ---- signed-distance primitives (negative inside) ----

export function sdSphere(x: number, y: number, z: number, c: V3, r: number): number {
  return Math.hypot(x - c[0], y - c[1], z - c[2]) - r;
}

/** Ellipsoid, first-order corrected bound (good near the surface). */
export function sdEllipsoid(x: number, y: number, z: number, c: V3, r: V3): number {
  const px = (x - c[0]) / r[0];
  const py = (y - c[1]) / r[1];
  const pz = (z - c[2]) / r[2];
  const k0 = Math.hypot(px, py, pz);
  const k1 = Math.hypot(px / r[0], py / r[1], pz / r[2]);
  if (k1 === 0) return -Math.min(r[0], r[1], r[2]);
  return (k0 * (k0 - 1)) / k1;
}

/** Capsule between a and b with radius varying linearly from ra to rb. */
export function sdCapsule(x: number, y: number, z: number, a: V3, b: V3, ra: number, rb: number): number {
  const bax = b[0] - a[0], bay = b[1] - a[1], baz = b[2] - a[2];
  const pax = x - a[0], pay = y - a[1], paz = z - a[2];
  const h = clamp((pax * bax + pay * bay + paz * baz) / (bax * bax + bay * bay + baz * baz), 0, 1);
  return Math.hypot(pax - bax * h, pay - bay * h, paz - baz * h) - lerp(ra, rb, h);
}

/** Distance to a polyline tube with per-point radii (min over segments). */
export function sdTube(x: number, y: number, z: number, pts: readonly V3[], radii: readonly number[]): number {
  let d = Infinity;
  for (let i = 0; i + 1 < pts.length; i++) d = Math.min(d, sdCapsule(x, y, z, pts[i]!, pts[i + 1]!, radii[i]!, radii[i + 1]!));
  return d;
}

export function smin(a: number, b: number, k: number): number {
  if (k <= 0) return Math.min(a, b);
  const h = Math.max(k - Math.abs(a - b), 0) / k;
  return Math.min(a, b) - h * h * k * 0.25;
}
export const smax = (a: number, b: number, k: number): number => -smin(-a, -b, k);

// ---- grid + marching tetrahedra ----

export interface Grid {
  readonly origin: V3;
  readonly step: number;
  readonly nx: number;
  readonly ny: number;
  readonly nz: number;
  readonly values: Float32Array;
}

export function makeGrid(min: V3, max: V3, step: number): Grid {
  const nx = Math.ceil((max[0] - min[0]) / step) + 1;
  const ny = Math.ceil((max[1] - min[1]) / step) + 1;
  const nz = Math.ceil((max[2] - min[2]) / step) + 1;
  return { origin: min, step, nx, ny, nz, values: new Float32Array(nx * ny * nz) };
}

export function fillGrid(grid: Grid, f: (x: number, y: number, z: number) => number): void {
  const { origin, step, nx, ny, nz, values } = grid;
  for (let k = 0; k < nz; k++) {
    const z = origin[2] + k * step;
    for (let j = 0; j < ny; j++) {
      const y = origin[1] + j * step;
      let idx = (k * ny + j) * nx;
      for (let i = 0; i < nx; i++, idx++) values[idx] = f(origin[0] + i * step, y, z);
    }
  }
}

export interface TriMesh {
  positions: Float32Array;
  indices: Uint32Array;
}

// Freudenthal/Kuhn split of a cube into 6 tetrahedra along the 0→7 diagonal; corner c = dx | dy<<1 | dz<<2.
const TETS: readonly (readonly [number, number, number, number])[] = [
  [0, 1, 3, 7],
  [0, 1, 5, 7],
  [0, 2, 3, 7],
  [0, 2, 6, 7],
  [0, 4, 5, 7],
  [0, 4, 6, 7],
];

/** Iso-surface at 0 of the grid field; outward (toward positive values) counter-clockwise triangles. */
export function marchingTetrahedra(grid: Grid): TriMesh {
  const { origin, step, nx, ny, nz, values } = grid;
  const v = values;
  for (let i = 0; i < v.length; i++) if (v[i] === 0) v[i] = 1e-7;
  const vertexOf = new Map<number, number>();
  const pos: number[] = [];
  const tri: number[] = [];
  const total = nx * ny * nz;
  const cornerOffset = (c: number): number => (c & 1) + ((c >> 1) & 1) * nx + ((c >> 2) & 1) * nx * ny;
  const offs = [0, 1, 2, 3, 4, 5, 6, 7].map(cornerOffset);
  const gidx = new Array<number>(8);
  const gval = new Array<number>(8);
  const edgeVertex = (a: number, b: number): number => {
    const key = a < b ? a * total + b : b * total + a;
    let id = vertexOf.get(key);
    if (id !== undefined) return id;
    const va = v[a]!, vb = v[b]!;
    const t = va / (va - vb);
    const ai = a % nx, aj = Math.floor(a / nx) % ny, ak = Math.floor(a / (nx * ny));
    const bi = b % nx, bj = Math.floor(b / nx) % ny, bk = Math.floor(b / (nx * ny));
    id = pos.length / 3;
    pos.push(origin[0] + (ai + (bi - ai) * t) * step, origin[1] + (aj + (bj - aj) * t) * step, origin[2] + (ak + (bk - ak) * t) * step);
    vertexOf.set(key, id);
    return id;
  };
  const emit = (a: number, b: number, c: number, outsideHint: V3): void => {
    // orient so the normal points toward the positive side
    const pa: V3 = [pos[a * 3]!, pos[a * 3 + 1]!, pos[a * 3 + 2]!];
    const pb: V3 = [pos[b * 3]!, pos[b * 3 + 1]!, pos[b * 3 + 2]!];
    const pc: V3 = [pos[c * 3]!, pos[c * 3 + 1]!, pos[c * 3 + 2]!];
    const n = cross(sub(pb, pa), sub(pc, pa));
    if (dot(n, outsideHint) >= 0) tri.push(a, b, c);
    else tri.push(a, c, b);
  };
  const cornerPos = (g: number): V3 => [g % nx, Math.floor(g / nx) % ny, Math.floor(g / (nx * ny))];
  for (let k = 0; k < nz - 1; k++)
    for (let j = 0; j < ny - 1; j++)
      for (let i = 0; i < nx - 1; i++) {
        const base = (k * ny + j) * nx + i;
        let neg = 0;
        for (let c = 0; c < 8; c++) {
          const g = base + offs[c]!;
          gidx[c] = g;
          const val = v[g]!;
          gval[c] = val;
          if (val < 0) neg++;
        }
        if (neg === 0 || neg === 8) continue;
        for (const t of TETS) {
          const ins: number[] = [];
          const outs: number[] = [];
          for (const c of t) (gval[c]! < 0 ? ins : outs).push(gidx[c]!);
          if (ins.length === 0 || ins.length === 4) continue;
          let ci: V3 = [0, 0, 0];
          let co: V3 = [0, 0, 0];
          for (const g of ins) ci = add(ci, cornerPos(g));
          for (const g of outs) co = add(co, cornerPos(g));
          const hint = sub(scale(co, 1 / outs.length), scale(ci, 1 / ins.length));
          if (ins.length === 1 || ins.length === 3) {
            const [p, ...q] = ins.length === 1 ? [ins[0]!, ...outs] : [outs[0]!, ...ins];
            emit(edgeVertex(p, q[0]!), edgeVertex(p, q[1]!), edgeVertex(p, q[2]!), hint);
          } else {
            const [a0, a1] = ins as [number, number];
            const [b0, b1] = outs as [number, number];
            const e00 = edgeVertex(a0, b0), e01 = edgeVertex(a0, b1), e11 = edgeVertex(a1, b1), e10 = edgeVertex(a1, b0);
            emit(e00, e01, e11, hint);
            emit(e00, e11, e10, hint);
          }
        }
      }
  return { positions: Float32Array.from(pos), indices: Uint32Array.from(tri) };
}

// ---- mesh helpers ----

// Vertex normals: one copy, in the pure core (the photo fit and the wrinkles use it at run time).
export { vertexNormals } from '../../src/core/geometry/surface.ts';

/** Vertex → neighbour adjacency in CSR form, neighbours in first-seen order (deterministic). */
export function adjacency(vertexCount: number, indices: ArrayLike<number>): { start: Uint32Array; list: Uint32Array } {
  const sets: number[][] = Array.from({ length: vertexCount }, () => []);
  for (let t = 0; t < indices.length; t += 3)
    for (let e = 0; e < 3; e++) {
      const a = indices[t + e]!, b = indices[t + ((e + 1) % 3)]!;
      const sa = sets[a]!, sb = sets[b]!;
      if (!sa.includes(b)) sa.push(b);
      if (!sb.includes(a)) sb.push(a);
    }
  const start = new Uint32Array(vertexCount + 1);
  for (let i = 0; i < vertexCount; i++) start[i + 1] = start[i]! + sets[i]!.length;
  const list = new Uint32Array(start[vertexCount]!);
  for (let i = 0; i < vertexCount; i++) list.set(sets[i]!, start[i]!);
  return { start, list };
}

/** Taubin λ|μ smoothing (no shrinkage); weight(i) in [0,1] scales the step per vertex. */
export function taubin(positions: Float32Array, indices: ArrayLike<number>, iterations: number, weight?: (i: number) => number): void {
  const count = positions.length / 3;
  const { start, list } = adjacency(count, indices);
  const w = new Float32Array(count);
  for (let i = 0; i < count; i++) w[i] = weight ? weight(i) : 1;
  const tmp = new Float32Array(positions.length);
  for (let it = 0; it < iterations * 2; it++) {
    const f = it % 2 === 0 ? 0.5 : -0.53;
    for (let i = 0; i < count; i++) {
      const s = start[i]!, e = start[i + 1]!;
      let ax = 0, ay = 0, az = 0;
      for (let k = s; k < e; k++) {
        const j = list[k]! * 3;
        ax += positions[j]!;
        ay += positions[j + 1]!;
        az += positions[j + 2]!;
      }
      const m = e - s || 1;
      const wi = f * w[i]!;
      tmp[i * 3] = positions[i * 3]! + wi * (ax / m - positions[i * 3]!);
      tmp[i * 3 + 1] = positions[i * 3 + 1]! + wi * (ay / m - positions[i * 3 + 1]!);
      tmp[i * 3 + 2] = positions[i * 3 + 2]! + wi * (az / m - positions[i * 3 + 2]!);
    }
    positions.set(tmp);
  }
}

/** Edge-use statistics: closed manifold ⇔ every undirected edge used exactly twice, once in each direction. */
export function edgeReport(indices: ArrayLike<number>): { edges: number; boundary: number; nonManifold: number; badlyOriented: number } {
  const uses = new Map<string, number>();
  for (let t = 0; t < indices.length; t += 3)
    for (let e = 0; e < 3; e++) {
      const a = indices[t + e]!, b = indices[t + ((e + 1) % 3)]!;
      const key = `${a},${b}`;
      uses.set(key, (uses.get(key) ?? 0) + 1);
    }
  let edges = 0, boundary = 0, nonManifold = 0, badlyOriented = 0;
  const seen = new Set<string>();
  for (const [key, n] of uses) {
    const [a, b] = key.split(',').map(Number) as [number, number];
    const lo = Math.min(a, b), hi = Math.max(a, b);
    const und = `${lo},${hi}`;
    if (seen.has(und)) continue;
    seen.add(und);
    edges++;
    const fwd = uses.get(`${a},${b}`) ?? 0;
    const back = uses.get(`${b},${a}`) ?? 0;
    const total = fwd + back;
    if (total === 1) boundary++;
    else if (total > 2) nonManifold++;
    else if (fwd !== 1 || back !== 1) badlyOriented++;
    void n;
  }
  return { edges, boundary, nonManifold, badlyOriented };
}

/** Drops unreferenced vertices; returns the new mesh and the old→new map (or -1). */
export function compact(positions: ArrayLike<number>, indices: ArrayLike<number>): { positions: Float32Array; indices: Uint32Array; remap: Int32Array; source: Uint32Array } {
  const count = positions.length / 3;
  const remap = new Int32Array(count).fill(-1);
  const source: number[] = [];
  const out = new Uint32Array(indices.length);
  for (let i = 0; i < indices.length; i++) {
    const v = indices[i]!;
    if (remap[v] === -1) {
      remap[v] = source.length;
      source.push(v);
    }
    out[i] = remap[v]!;
  }
  const pos = new Float32Array(source.length * 3);
  source.forEach((s, i) => {
    pos[i * 3] = positions[s * 3]!;
    pos[i * 3 + 1] = positions[s * 3 + 1]!;
    pos[i * 3 + 2] = positions[s * 3 + 2]!;
  });
  return { positions: pos, indices: out, remap, source: Uint32Array.from(source) };
}

/** Loop subdivision with crease rules on boundary edges. */
export function loopSubdivide(positions: Float64Array, indices: Uint32Array): { positions: Float64Array; indices: Uint32Array } {
  const nv = positions.length / 3;
  const edgeTris = new Map<number, number[]>();
  const key = (a: number, b: number): number => (a < b ? a * nv + b : b * nv + a);
  for (let t = 0; t < indices.length; t += 3)
    for (let e = 0; e < 3; e++) {
      const k = key(indices[t + e]!, indices[t + ((e + 1) % 3)]!);
      let l = edgeTris.get(k);
      if (!l) edgeTris.set(k, (l = []));
      l.push(t / 3);
    }
  const P = (i: number): V3 => [positions[i * 3]!, positions[i * 3 + 1]!, positions[i * 3 + 2]!];
  const neighbours: number[][] = Array.from({ length: nv }, () => []);
  const boundaryNb: number[][] = Array.from({ length: nv }, () => []);
  for (const [k, tris] of edgeTris) {
    const a = Math.floor(k / nv), b = k % nv;
    neighbours[a]!.push(b);
    neighbours[b]!.push(a);
    if (tris.length === 1) {
      boundaryNb[a]!.push(b);
      boundaryNb[b]!.push(a);
    }
  }
  const out: number[] = [];
  for (let i = 0; i < nv; i++) {
    const p = P(i);
    let q: V3;
    const bn = boundaryNb[i]!;
    if (bn.length === 2) q = add(scale(p, 0.75), scale(add(P(bn[0]!), P(bn[1]!)), 0.125));
    else if (bn.length > 0) q = p;
    else {
      const n = neighbours[i]!.length;
      const beta = n === 3 ? 3 / 16 : 3 / (8 * n);
      let s: V3 = [0, 0, 0];
      for (const j of neighbours[i]!) s = add(s, P(j));
      q = add(scale(p, 1 - n * beta), scale(s, beta));
    }
    out.push(...q);
  }
  const edgeVert = new Map<number, number>();
  const opposite = (t: number, a: number, b: number): number => {
    for (let e = 0; e < 3; e++) {
      const v = indices[t * 3 + e]!;
      if (v !== a && v !== b) return v;
    }
    throw new Error('degenerate triangle');
  };
  const mid = (a: number, b: number): number => {
    const k = key(a, b);
    const got = edgeVert.get(k);
    if (got !== undefined) return got;
    const tris = edgeTris.get(k)!;
    let q: V3;
    if (tris.length === 2) {
      q = add(scale(add(P(a), P(b)), 3 / 8), scale(add(P(opposite(tris[0]!, a, b)), P(opposite(tris[1]!, a, b))), 1 / 8));
    } else q = scale(add(P(a), P(b)), 0.5);
    const id = out.length / 3;
    out.push(...q);
    edgeVert.set(k, id);
    return id;
  };
  const tri: number[] = [];
  for (let t = 0; t < indices.length; t += 3) {
    const a = indices[t]!, b = indices[t + 1]!, c = indices[t + 2]!;
    const ab = mid(a, b), bc = mid(b, c), ca = mid(c, a);
    tri.push(a, ab, ca, ab, b, bc, ca, bc, c, ab, bc, ca);
  }
  return { positions: Float64Array.from(out), indices: Uint32Array.from(tri) };
}

/**
 * Narrow-band fill: evaluates f exactly only in blocks whose coarse corner values say the surface may pass
 * through them (|d| below the block diagonal plus a margin); elsewhere the grid gets the trilinear coarse value,
 * whose sign is right and whose magnitude is large, so the mesher never sees a crossing there.
 */
export function fillGridNarrowBand(grid: Grid, f: (x: number, y: number, z: number) => number, block = 4): void {
  const { origin, step, nx, ny, nz, values } = grid;
  const cs = step * block;
  const cnx = Math.ceil((nx - 1) / block) + 1, cny = Math.ceil((ny - 1) / block) + 1, cnz = Math.ceil((nz - 1) / block) + 1;
  const coarse = new Float32Array(cnx * cny * cnz);
  for (let k = 0; k < cnz; k++)
    for (let j = 0; j < cny; j++)
      for (let i = 0; i < cnx; i++) coarse[(k * cny + j) * cnx + i] = f(origin[0] + i * cs, origin[1] + j * cs, origin[2] + k * cs);
  const limit = cs * Math.sqrt(3) * 1.15;
  const C = (i: number, j: number, k: number): number => coarse[(Math.min(k, cnz - 1) * cny + Math.min(j, cny - 1)) * cnx + Math.min(i, cnx - 1)]!;
  for (let bk = 0; bk < cnz - 1; bk++)
    for (let bj = 0; bj < cny - 1; bj++)
      for (let bi = 0; bi < cnx - 1; bi++) {
        let near = false;
        let minAbs = Infinity;
        for (let c = 0; c < 8; c++) minAbs = Math.min(minAbs, Math.abs(C(bi + (c & 1), bj + ((c >> 1) & 1), bk + ((c >> 2) & 1))));
        if (minAbs < limit) near = true;
        const c000 = C(bi, bj, bk), c100 = C(bi + 1, bj, bk), c010 = C(bi, bj + 1, bk), c110 = C(bi + 1, bj + 1, bk);
        const c001 = C(bi, bj, bk + 1), c101 = C(bi + 1, bj, bk + 1), c011 = C(bi, bj + 1, bk + 1), c111 = C(bi + 1, bj + 1, bk + 1);
        for (let dk = 0; dk <= block; dk++) {
          const k = bk * block + dk;
          if (k >= nz) break;
          const tz = dk / block;
          for (let dj = 0; dj <= block; dj++) {
            const j = bj * block + dj;
            if (j >= ny) break;
            const ty = dj / block;
            for (let di = 0; di <= block; di++) {
              const i = bi * block + di;
              if (i >= nx) break;
              const idx = (k * ny + j) * nx + i;
              if (near) values[idx] = f(origin[0] + i * step, origin[1] + j * step, origin[2] + k * step);
              else {
                const tx = di / block;
                const a = lerp(lerp(c000, c100, tx), lerp(c010, c110, tx), ty);
                const b = lerp(lerp(c001, c101, tx), lerp(c011, c111, tx), ty);
                values[idx] = lerp(a, b, tz);
              }
            }
          }
        }
      }
}

/**
 * Smooths a filled grid's field where `weight` (0…1, evaluated at voxel centres in mm) says so: each voxel becomes
 * lerp(value, G_σ * value, weight), where G_σ is a Gaussian of standard deviation `sigmaMm` (separable, truncated at
 * 3σ, borders clamped). For a surface z = h(x, y) the field's blur is, to first order, the blur of h: bumps much
 * narrower than ≈ 2πσ are flattened while the broad shape stays. Only the bounding box of weight > 0 (grown by 3σ)
 * is convolved; deterministic.
 */
export function smoothGridRegion(grid: Grid, sigmaMm: number, weight: (x: number, y: number, z: number) => number, bounds: { min: V3; max: V3 }): void {
  const { origin, step, nx, ny, nz, values } = grid;
  const r = Math.max(1, Math.ceil((3 * sigmaMm) / step));
  const kernel = new Float64Array(2 * r + 1);
  let sum = 0;
  for (let k = -r; k <= r; k++) sum += kernel[k + r] = Math.exp(-0.5 * ((k * step) / sigmaMm) ** 2);
  for (let k = 0; k < kernel.length; k++) kernel[k] = kernel[k]! / sum;
  const lo = (a: number, o: number) => Math.max(0, Math.floor((a - o) / step) - r);
  const hi = (a: number, o: number, n: number) => Math.min(n - 1, Math.ceil((a - o) / step) + r);
  const i0 = lo(bounds.min[0], origin[0]), i1 = hi(bounds.max[0], origin[0], nx);
  const j0 = lo(bounds.min[1], origin[1]), j1 = hi(bounds.max[1], origin[1], ny);
  const k0 = lo(bounds.min[2], origin[2]), k1 = hi(bounds.max[2], origin[2], nz);
  const bx = i1 - i0 + 1, by = j1 - j0 + 1, bz = k1 - k0 + 1;
  let a = new Float64Array(bx * by * bz), b = new Float64Array(bx * by * bz);
  for (let k = 0; k < bz; k++) for (let j = 0; j < by; j++) for (let i = 0; i < bx; i++) a[(k * by + j) * bx + i] = values[((k + k0) * ny + j + j0) * nx + i + i0]!;
  const strides = [1, bx, bx * by] as const, sizes = [bx, by, bz] as const;
  for (let axis = 0; axis < 3; axis++) {
    const s = strides[axis]!, n = sizes[axis]!;
    for (let k = 0; k < bz; k++)
      for (let j = 0; j < by; j++)
        for (let i = 0; i < bx; i++) {
          const c = [i, j, k][axis]!;
          const base = (k * by + j) * bx + i - c * s;
          let acc = 0;
          for (let t = -r; t <= r; t++) acc += kernel[t + r]! * a[base + Math.min(n - 1, Math.max(0, c + t)) * s]!;
          b[(k * by + j) * bx + i] = acc;
        }
    [a, b] = [b, a];
  }
  for (let k = 0; k < bz; k++)
    for (let j = 0; j < by; j++)
      for (let i = 0; i < bx; i++) {
        const x = origin[0] + (i + i0) * step, y = origin[1] + (j + j0) * step, z = origin[2] + (k + k0) * step;
        const w = weight(x, y, z);
        if (w <= 0) continue;
        const idx = ((k + k0) * ny + j + j0) * nx + i + i0;
        values[idx] = values[idx]! + Math.min(1, w) * (a[(k * by + j) * bx + i]! - values[idx]!);
      }
}
