// A procedural auricle as a signed-distance field: a flared cartilage plate bounded by a rolled helix, an
// antihelix with its two crura, a concha cup attached to the head, tragus, antitragus and a soft lobule.
// Local frame: u backward along the head side, v up (tilted back 15°), n lateral. Dimensions are design choices
// (the reference sheet has no auricle measurements): height ≈ 62 mm, width ≈ 34 mm.
import { type V3, add, clamp, scale, sdEllipsoid, sdTube, smax, smin } from './geom.ts';

export interface EarModel {
  readonly side: 1 | -1;
  readonly sdf: (x: number, y: number, z: number) => number;
  /** Positive outside the carved regions (ear canal opening); the head subtracts where it is negative. */
  readonly carve: (x: number, y: number, z: number) => number;
  readonly toWorld: (u: number, v: number, n: number) => V3;
  readonly landmarks: { tragus: V3; helixRoot: V3; earlobe: V3; superaurale: V3; postaurale: V3 };
}

type P2 = readonly [number, number];

function sdPolygon(u: number, v: number, poly: readonly P2[]): number {
  let d = Infinity;
  let inside = false;
  for (let i = 0, j = poly.length - 1; i < poly.length; j = i++) {
    const [ax, ay] = poly[j]!;
    const [bx, by] = poly[i]!;
    const ex = bx - ax, ey = by - ay;
    const wx = u - ax, wy = v - ay;
    const t = clamp((wx * ex + wy * ey) / (ex * ex + ey * ey), 0, 1);
    d = Math.min(d, Math.hypot(wx - ex * t, wy - ey * t));
    if (ay > v !== by > v && u < ((bx - ax) * (v - ay)) / (by - ay) + ax) inside = !inside;
  }
  return inside ? -d : d;
}

const TILT = (15 * Math.PI) / 180;
/** Stand-off of the cartilage plate from the head side (cephalo-auricular flare ≈ 22°). Design choice. */
const standOff = (u: number, v: number): number => 1.0 + 0.4 * Math.max(u, 0) + 0.03 * Math.max(v, 0);

// helix rim, from the crus inside the concha around the top and back down to the lobule
const HELIX: readonly (readonly [number, number, number])[] = [
  // u, v, radius
  [3, 4, 1.8],
  [1.5, 13, 2.3],
  [2.5, 21, 2.6],
  [6, 27.5, 2.8],
  [12.5, 31, 2.9],
  [19.5, 29, 2.9],
  [24.5, 22, 2.9],
  [27, 12, 2.8],
  [26.5, 1, 2.7],
  [24, -9, 2.6],
  [20, -17, 2.4],
];
const ANTIHELIX: readonly (readonly [number, number, number])[] = [
  [13, -11, 2.3],
  [16, -3, 2.4],
  [17, 6, 2.4],
  [15, 14, 2.2],
  [13.5, 22, 1.8],
  [12, 26, 1.4],
];
const INFERIOR_CRUS: readonly (readonly [number, number, number])[] = [
  [15, 14, 2.0],
  [9, 17, 1.7],
  [4, 18, 1.3],
];
const OUTLINE: readonly P2[] = [
  [0, 12],
  [1.5, 22],
  [6, 28.5],
  [12.5, 32],
  [20, 30],
  [25.5, 22],
  [28, 12],
  [27.5, 1],
  [25, -9],
  [21, -18],
  [17, -25],
  [11, -30],
  [5, -28],
  [1, -20],
  [-1, -10],
  [-2, 2],
];
const CONCHA_C: P2 = [8.5, -1];
const CONCHA_R: P2 = [7.5, 10.5];

export function buildEar(side: 1 | -1, headSideX: number): EarModel {
  const origin: V3 = [side * headSideX, 1, -7];
  const uAxis: V3 = [0, -Math.sin(TILT), -Math.cos(TILT)];
  const vAxis: V3 = [0, Math.cos(TILT), -Math.sin(TILT)];
  const toLocal = (x: number, y: number, z: number): [number, number, number] => {
    const dx = x - origin[0], dy = y - origin[1], dz = z - origin[2];
    return [dy * uAxis[1] + dz * uAxis[2], dy * vAxis[1] + dz * vAxis[2], side * dx];
  };
  const toWorld = (u: number, v: number, n: number): V3 => add(add(origin, add(scale(uAxis, u), scale(vAxis, v))), [side * n, 0, 0]);
  const tube = (pts: readonly (readonly [number, number, number])[], lift: number) => {
    const p3: V3[] = pts.map(([u, v]) => [u, v, standOff(u, v) + lift]);
    // the crus of the helix dives into the concha
    return { p3, r: pts.map((p) => p[2]) };
  };
  const helix = tube(HELIX, 0.9);
  helix.p3[0] = [HELIX[0]![0], HELIX[0]![1], 1.0];
  const anti = tube(ANTIHELIX, 1.1);
  const crus = tube(INFERIOR_CRUS, 1.0);
  const lobC: V3 = [11, -23, standOff(11, -23) - 0.3];

  const sdfLocal = (u: number, v: number, n: number): number => {
    if (u < -20 || u > 45 || v < -45 || v > 45 || n < -12 || n > 30) return 20;
    const h = standOff(u, v);
    const conchaE = Math.hypot((u - CONCHA_C[0]) / CONCHA_R[0], (v - CONCHA_C[1]) / CONCHA_R[1]);
    const conchaD = (conchaE - 1) * Math.min(CONCHA_R[0], CONCHA_R[1]);
    const poly = sdPolygon(u, v, OUTLINE);
    const plate = smax(smax(poly, -conchaD, 1.5), Math.abs(n - h) - 1.7, 1.0);
    const wall = smax(smax(Math.abs(conchaD) - 1.6, n - h - 0.5, 1.0), -n - 6, 1);
    const rim = sdTube(u, v, n, helix.p3, helix.r);
    const ridge = Math.min(sdTube(u, v, n, anti.p3, anti.r), sdTube(u, v, n, crus.p3, crus.r));
    // lobule: a soft flattened pad continuous with the plate, not a bead
    const lobule = sdEllipsoid(u, v, n, lobC, [8, 7.5, 2.7]);
    // tragus: a low flap over the meatus, leaning back toward the concha and merging into the cheek
    const tragus = sdEllipsoid(u, v, n, [-4, -2.5, 1.8], [3.0, 5.2, 1.9]);
    const antitragus = sdEllipsoid(u, v, n, [12.5, -13, standOff(12.5, -13) - 0.3], [4.2, 3.4, 2.6]);
    let d = smin(plate, wall, 1.5);
    d = smin(d, rim, 1.2);
    d = smin(d, ridge, 1.4);
    d = smin(d, lobule, 4.0);
    d = smin(d, tragus, 3.0);
    d = smin(d, antitragus, 1.5);
    return d;
  };
  const sdf = (x: number, y: number, z: number): number => {
    const [u, v, n] = toLocal(x, y, z);
    return sdfLocal(u, v, n);
  };
  const carve = (x: number, y: number, z: number): number => {
    const [u, v, n] = toLocal(x, y, z);
    // external acoustic meatus opening behind the tragus (a blind pit)
    return sdEllipsoid(u, v, n, [1.5, -2.5, -1.5], [3.2, 4.0, 5.0]);
  };
  return {
    side,
    sdf,
    carve,
    toWorld,
    landmarks: {
      tragus: toWorld(-6.5, -2.8, 4.6),
      helixRoot: toWorld(0, 14, 3),
      earlobe: toWorld(10.5, -30.5, standOff(10.5, -30) - 0.5),
      superaurale: toWorld(12.5, 34, standOff(12.5, 31) + 0.9),
      postaurale: toWorld(30, 10, standOff(27, 12) + 0.9),
    },
  };
}
