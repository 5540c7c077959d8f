// MediaPipe's 468 face-mesh points carried from one head to another head of the same skin topology: each point is
// tied to the skin triangle nearest to it (the triangle, the barycentric position of the nearest point on it, and
// the point's offset from there in the triangle's own frame), so the same tie placed on another head of that
// topology (the man, built from the default head by a displacement field, or a head fitted to a photo) gives his
// points the way the default head's are placed (public/models/head-face-landmarks.json, scripts/face-calibrate.ts).
// Pure: typed arrays in and out.
import type { LayerMesh } from '../anatomy/headData.ts';
import type { V3 } from '../geometry/tps.ts';

/** Each point's tie to the skin: 468 triangles, 468 × (u, v) barycentric weights of corners 1 and 2, 468 × offset (mm) along (edge 1, in-plane normal to it, the triangle's normal). */
export interface FacePointTies {
  readonly triangles: Uint32Array;
  readonly barycentric: Float32Array;
  readonly offsets: Float32Array;
}

const at = (a: ArrayLike<number>, i: number): V3 => [a[i * 3]!, a[i * 3 + 1]!, a[i * 3 + 2]!];
const sub = (a: V3, b: V3): V3 => [a[0] - b[0], a[1] - b[1], a[2] - b[2]];
const dot = (a: V3, b: V3) => a[0] * b[0] + a[1] * b[1] + a[2] * b[2];
const cross = (a: V3, b: V3): V3 => [a[1] * b[2] - a[2] * b[1], a[2] * b[0] - a[0] * b[2], a[0] * b[1] - a[1] * b[0]];
const unit = (a: V3): V3 => {
  const l = Math.hypot(a[0], a[1], a[2]);
  return l > 0 ? [a[0] / l, a[1] / l, a[2] / l] : [0, 0, 0];
};

/** The triangle's orthonormal frame: along edge a→b, in-plane normal to it, the face normal. */
function frame(a: V3, b: V3, c: V3): [V3, V3, V3] {
  const e1 = unit(sub(b, a));
  const n = unit(cross(sub(b, a), sub(c, a)));
  return [e1, cross(n, e1), n];
}

/** Barycentric (u, v) of the point of triangle abc nearest to p (clamped into the triangle), and that point. */
function nearestOnTriangle(p: V3, a: V3, b: V3, c: V3): { u: number; v: number; q: V3 } {
  const e1 = sub(b, a), e2 = sub(c, a), d = sub(p, a);
  const d11 = dot(e1, e1), d12 = dot(e1, e2), d22 = dot(e2, e2);
  const det = d11 * d22 - d12 * d12;
  let u = 0, v = 0;
  if (det > 1e-12) {
    const r1 = dot(d, e1), r2 = dot(d, e2);
    u = (d22 * r1 - d12 * r2) / det;
    v = (d11 * r2 - d12 * r1) / det;
  }
  if (u < 0 || v < 0 || u + v > 1) {
    // outside: the nearest point lies on an edge
    const onSegment = (s: V3, t: V3): [number, V3] => {
      const st = sub(t, s);
      const l = dot(st, st);
      const k = l > 0 ? Math.max(0, Math.min(1, dot(sub(p, s), st) / l)) : 0;
      return [k, [s[0] + k * st[0], s[1] + k * st[1], s[2] + k * st[2]]];
    };
    const dist = (q: V3) => Math.hypot(q[0] - p[0], q[1] - p[1], q[2] - p[2]);
    const [kab, qab] = onSegment(a, b), [kac, qac] = onSegment(a, c), [kbc, qbc] = onSegment(b, c);
    const options: [number, number, V3][] = [[kab, 0, qab], [0, kac, qac], [1 - kbc, kbc, qbc]];
    options.sort((x, y) => dist(x[2]) - dist(y[2]));
    [u, v] = options[0]!;
  }
  const q: V3 = [a[0] + u * e1[0] + v * e2[0], a[1] + u * e1[1] + v * e2[1], a[2] + u * e1[2] + v * e2[2]];
  return { u, v, q };
}

/**
 * Ties each point of `points` (n × xyz, mm) to the nearest triangle of `skin` (exhaustive search, so points off the
 * skin, e.g. on the face's outline, tie to the right triangle). Throws on an empty mesh.
 */
export function tieFacePoints(points: Float32Array, skin: LayerMesh): FacePointTies {
  const { positions, indices } = skin;
  const nt = indices.length / 3;
  if (nt === 0) throw new Error('tieFacePoints: the skin has no triangles');
  // how far each triangle reaches from its first corner: one whose first corner is further than that beyond the best
  // so far cannot be nearer (an exact bound that skips most of the head)
  const reach = new Float32Array(nt);
  for (let t = 0; t < nt; t++) {
    const a = at(positions, indices[t * 3]!), b = at(positions, indices[t * 3 + 1]!), c = at(positions, indices[t * 3 + 2]!);
    reach[t] = Math.max(Math.hypot(...sub(b, a)), Math.hypot(...sub(c, a)));
  }
  const n = points.length / 3;
  const triangles = new Uint32Array(n), barycentric = new Float32Array(n * 2), offsets = new Float32Array(n * 3);
  for (let i = 0; i < n; i++) {
    const p = at(points, i);
    let best = -1, bestD = Infinity, bu = 0, bv = 0;
    for (let t = 0; t < nt; t++) {
      const a = at(positions, indices[t * 3]!);
      if (Math.hypot(a[0] - p[0], a[1] - p[1], a[2] - p[2]) > bestD + reach[t]!) continue;
      const { u, v, q } = nearestOnTriangle(p, a, at(positions, indices[t * 3 + 1]!), at(positions, indices[t * 3 + 2]!));
      const d = Math.hypot(q[0] - p[0], q[1] - p[1], q[2] - p[2]);
      if (d < bestD) [best, bestD, bu, bv] = [t, d, u, v];
    }
    const a = at(positions, indices[best * 3]!), b = at(positions, indices[best * 3 + 1]!), c = at(positions, indices[best * 3 + 2]!);
    const q: V3 = [a[0] + bu * (b[0] - a[0]) + bv * (c[0] - a[0]), a[1] + bu * (b[1] - a[1]) + bv * (c[1] - a[1]), a[2] + bu * (b[2] - a[2]) + bv * (c[2] - a[2])];
    const f = frame(a, b, c), off = sub(p, q);
    triangles[i] = best;
    barycentric.set([bu, bv], i * 2);
    offsets.set([dot(off, f[0]), dot(off, f[1]), dot(off, f[2])], i * 3);
  }
  return { triangles, barycentric, offsets };
}

/**
 * The tied points placed on `skinPositions` (mm, n × xyz) of a head with the topology the ties were made on: on the
 * head they were tied on this gives the points back (to float precision). Throws when a tie names a triangle
 * beyond `indices`.
 */
export function placeFacePoints(ties: FacePointTies, skinPositions: Float32Array, indices: Uint32Array): Float32Array {
  const n = ties.triangles.length;
  const out = new Float32Array(n * 3);
  for (let i = 0; i < n; i++) {
    const t = ties.triangles[i]!;
    if (t * 3 + 2 >= indices.length) throw new Error(`placeFacePoints: triangle ${t} is not in this mesh`);
    const a = at(skinPositions, indices[t * 3]!), b = at(skinPositions, indices[t * 3 + 1]!), c = at(skinPositions, indices[t * 3 + 2]!);
    const u = ties.barycentric[i * 2]!, v = ties.barycentric[i * 2 + 1]!;
    const f = frame(a, b, c);
    const o = at(ties.offsets, i);
    for (let k = 0; k < 3; k++)
      out[i * 3 + k] = a[k]! + u * (b[k]! - a[k]!) + v * (c[k]! - a[k]!) + o[0] * f[0][k]! + o[1] * f[1][k]! + o[2] * f[2][k]!;
  }
  return out;
}
