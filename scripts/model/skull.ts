// The bone layer: the scanned skull of ../shared/data/skull ("Skull" by Yahoo JAPAN, Thingiverse 182365, CC BY 3.0,
// via odedstein/meshes), simplified, then placed under the face the way template-based facial reconstruction does:
// each craniometric landmark's target is the skin point above it minus the facial soft-tissue thickness (FSTT,
// src/core/anatomy/softTissueThickness.ts) along the measuring direction, and a thin-plate spline from the skull's
// landmarks to those targets warps every skull vertex. Afterwards no bone vertex may lie outside the fat layer.
//
// Public entry point: placeSkull(skin, skinLandmarks, sex) — see its docstring.
import { resolve } from 'node:path';
import { MeshoptSimplifier } from 'meshoptimizer';
import { fsttFor, FSTT, vaultThickness, type FsttLandmarkId, type Sex } from '../../src/core/anatomy/softTissueThickness.ts';
import type { Landmarks } from './anatomy-map.ts';
import { type V3, adjacency, compact, dot, lerp, norm, smoothstep, sub, add, scale, vertexNormals } from './geom.ts';
import { DTF_DEPTH } from '../../src/core/anatomy/dimensions.ts';
import { dtfExtent, skinThickness } from './layers.ts';
import { MeshQuery, readObj, type TriangleMesh } from './mesh-query.ts';
import { findSkullAnatomy, type SkullLandmark, type SkullLandmarkName } from './skull-landmarks.ts';
import { fitTps } from '../../src/core/geometry/tps.ts';

/** The skull scan read by the build (full resolution; simplified here). */
export const SKULL_OBJ = resolve('../shared/data/skull/skull.obj');
/** Triangles kept of the scan's 100k (cranium + mandible). Design choice: the 800 kB budget of head.glb. */
export const SKULL_TRIANGLES = 15000;
/** Thinnest skin (radix/dorsum 1.51 mm) + thinnest superficial fat (radix/dorsum 1.61 mm): sheet §4 / §1.2 (Kim YS 2019). */
export const SKIN_PLUS_FAT_MIN = 1.51 + 1.61;

/**
 * Floor for bone under the nasal dorsum, mm: 3.4, between the sheet's thinnest skin + fat there (SKIN_PLUS_FAT_MIN,
 * 3.12) and the layer check of tests/unit/model/head-model.test.ts (bone deeper than the buccal SMAS depth − 1.5 =
 * 3.32). Design choice within those bounds.
 */
const NASAL_DORSUM_FLOOR = 3.4;

/** Thin-plate-spline regularisation, in scan units (≈ 15 mm each). Design choice: smooth, residuals < 0.1 SD. */
const TPS_SMOOTHING = 0.02;

/**
 * The build's floor for bone under the skin (mm): skin thickness of the model (layers.ts) + the sheet's thinnest
 * superficial fat 1.61 mm (§4, Kim YS 2019); over the temporal fossa, under the deep temporal fascia
 * (DTF_DEPTH + 1.5 mm of temporalis, design choice).
 */
export function fatFloorDepth(p: V3): number {
  if (dtfExtent(p) > 0.5) return DTF_DEPTH + 1.5;
  // over the nasal dorsum (nasion to above the tip, on the midline; placement a design choice) the skin is the
  // sheet's thin radix/dorsum skin, not the cheek's: the floor there is NASAL_DORSUM_FLOOR, which leaves the
  // rhinion's sourced thickness (2.8 ± 1 mm) reachable
  const ax = Math.abs(p[0]);
  const dorsum = (1 - smoothstep(6, 10, ax)) * smoothstep(-18, -12, p[1]) * (1 - smoothstep(16, 22, p[1])) * smoothstep(84, 90, p[2]);
  return lerp(skinThickness(p) + 1.61, NASAL_DORSUM_FLOOR, dorsum);
}

export interface PlacedLandmark {
  readonly name: SkullLandmarkName;
  readonly side: 'l' | 'r' | 'mid';
  /** Bone point (mm, head frame). */
  readonly bone: V3;
  /** Unit direction from the bone point to the nearest skin point (the thickness is measured along it). */
  readonly direction: V3;
  /** The nearest skin point. */
  readonly skin: V3;
  /** Distance from `bone` to the nearest skin point, mm (negative: bone outside the skin). */
  readonly thickness: number;
  /** Target mean and SD (mm) for this sex; `sourced` false for the vault/temple design choices. */
  readonly mean: number;
  readonly sd: number;
  readonly sourced: boolean;
}

export interface PlacedSkull {
  /** Cranium with the maxilla (mm, head frame); open along the cut to the mandible. */
  readonly cranium: TriangleMesh;
  readonly mandible: TriangleMesh;
  readonly boneLandmarks: PlacedLandmark[];
  /** Human-readable lines: per landmark thickness vs mean ± SD, residuals, the clearance push. */
  readonly report: string[];
  /** Bone vertices pushed inward so they lie under the fat layer, and by how much (mm). */
  readonly pushed: { count: number; max: number; mean: number };
}

export interface PlaceSkullOptions {
  /**
   * Skin + superficial fat depth (mm) at a skin point: no bone vertex may be closer to the skin. Default: the sheet's
   * thinnest skin + fat, SKIN_PLUS_FAT_MIN (3.12 mm) everywhere.
   */
  readonly minDepth?: (skinPoint: V3) => number;
  /** Eyeball centres (mm): the orbit centre is pulled 4 mm behind each (design choice) so the globe sits in the orbit. */
  readonly eyeCenters?: readonly V3[];
  readonly log?: (line: string) => void;
}

interface SkullSource {
  mesh: TriangleMesh;
  landmarks: SkullLandmark[];
  mandibleTriangles: Uint8Array;
  orbitCenters: V3[];
}
let cachedSource: Promise<SkullSource> | null = null;

/** Reads and simplifies the scan once per process; landmarks are found on the simplified mesh. */
export function loadSkullSource(path = SKULL_OBJ): Promise<SkullSource> {
  cachedSource ??= (async () => {
    await MeshoptSimplifier.ready;
    const raw = readObj(path);
    const [idx] = MeshoptSimplifier.simplify(raw.indices, raw.positions, 3, SKULL_TRIANGLES * 3, 0.02, []);
    const c = compact(raw.positions, idx);
    const mesh = { positions: c.positions, indices: c.indices };
    const a = findSkullAnatomy(mesh);
    const orbitCenters: V3[] = [];
    for (const side of ['l', 'r'] as const) {
      const s = a.landmarks.find((l) => l.name === 'supraorbital' && l.side === side)!.point;
      const i = a.landmarks.find((l) => l.name === 'infraorbital' && l.side === side)!.point;
      // the orbit's centre: midway between the rims, set back by a quarter of the rim-to-rim height (design choice)
      const h = Math.hypot(s[0] - i[0], s[1] - i[1], s[2] - i[2]);
      orbitCenters.push([(s[0] + i[0]) / 2, (s[1] + i[1]) / 2, (s[2] + i[2]) / 2 - 0.25 * h]);
    }
    return { mesh, landmarks: a.landmarks, mandibleTriangles: a.mandibleTriangles, orbitCenters };
  })();
  return cachedSource;
}

const target = (l: SkullLandmark, sex: Sex): { mean: number; sd: number; sourced: boolean } => {
  if (l.name in FSTT) return { ...fsttFor(l.name as FsttLandmarkId, sex), sourced: true };
  return { ...vaultThickness(l.name), sourced: false };
};

/**
 * Places the scanned skull under a head.
 *
 * skin: the closed skin surface (mm, head frame: +x subject's left, +y up, +z forward, origin mid-tragi).
 * skinLandmarks: the skin landmarks of anatomy-map.ts (glabella, nasion, subnasale, pogonion, menton, vertex, zygion,
 *   mandibular-angle, tragus … are used for the first, coarse alignment).
 * sex: picks the sex-adjusted FSTT means (softTissueThickness.ts fsttFor).
 *
 * Returns the warped cranium and mandible (mm), the bone landmarks with their measured skin-to-bone distances, a
 * report (one line per landmark) and how many bone vertices had to be pushed under the fat layer. Deterministic.
 * Throws if the skull scan is missing or its landmarks cannot be found.
 */
export async function placeSkull(skin: TriangleMesh, skinLandmarks: Landmarks, sex: Sex, options: PlaceSkullOptions = {}): Promise<PlacedSkull> {
  const log = options.log ?? (() => {});
  const minDepth = options.minDepth ?? (() => SKIN_PLUS_FAT_MIN);
  const src = await loadSkullSource();
  const skinQ = new MeshQuery(skin);
  const lms = src.landmarks;
  const sources = lms.map((l) => l.point);
  const T = lms.map((l) => target(l, sex));
  const key = (l: SkullLandmark) => (l.side === 'mid' ? l.name : `${l.name}-${l.side}`);

  // 1. coarse alignment from skin landmarks (skin point − thickness along the inward skin normal)
  const inwardFrom = (p: V3, t: number): V3 => {
    const c = skinQ.closest(p);
    return sub(c.point, scale(c.normal, t));
  };
  const skinExtreme = (dir: V3, from: (k: number) => V3, count: number): V3 => {
    let best: V3 | null = null, bv = -Infinity;
    for (let k = 0; k < count; k++) {
      const o = from(k);
      const h = skinQ.firstHit(o, scale(dir, -1));
      if (h && dot(h.point, dir) > bv) [best, bv] = [h.point, dot(h.point, dir)];
    }
    if (!best) throw new Error('placeSkull: the skin has no back or sides to align the vault with');
    return best;
  };
  const back = skinExtreme([0, 0, -1], (k) => [0, 20 + k * 4, -400], 25);
  const sideL = skinExtreme([1, 0, 0], (k) => [400, 30 + (k % 6) * 12, -70 + Math.floor(k / 6) * 14], 36);
  const sideR = skinExtreme([-1, 0, 0], (k) => [-400, 30 + (k % 6) * 12, -70 + Math.floor(k / 6) * 14], 36);
  const S = skinLandmarks;
  const anchorSkin: Partial<Record<string, V3>> = {
    glabella: S.glabella,
    nasion: S.nasion,
    subspinale: S.subnasale,
    pogonion: S.pogonion,
    menton: S.menton,
    vertex: S.vertex,
    opisthocranion: back,
    'zygion-l': S['zygion-l'],
    'zygion-r': S['zygion-r'],
    'gonion-l': S['mandibular-angle-l'],
    'gonion-r': S['mandibular-angle-r'],
    'eurion-l': sideL,
    'eurion-r': sideR,
  };
  const aSrc: V3[] = [], aDst: V3[] = [];
  lms.forEach((l, i) => {
    const s = anchorSkin[key(l)];
    if (!s) return;
    aSrc.push(sources[i]!);
    aDst.push(inwardFrom(s, T[i]!.mean));
  });
  const extraSrc: V3[] = [], extraDst: V3[] = [];
  if (options.eyeCenters) {
    const eyes = [...options.eyeCenters].sort((a, b) => b[0] - a[0]); // left (+x) first, like orbitCenters
    src.orbitCenters.forEach((c, k) => {
      extraSrc.push(c);
      extraDst.push(add(eyes[k]!, [0, 0, -4]));
    });
  }
  let tps = fitTps([...aSrc, ...extraSrc], [...aDst, ...extraDst], TPS_SMOOTHING);

  // 2. refine: every landmark moves along its measuring direction until the skin is its FSTT away
  const P = src.mesh.positions, I = src.mesh.indices, nV = P.length / 3;
  const warp = (f: (p: V3) => V3): Float32Array => {
    const out = new Float32Array(P.length);
    for (let v = 0; v < nV; v++) out.set(f([P[v * 3]!, P[v * 3 + 1]!, P[v * 3 + 2]!]), v * 3);
    return out;
  };
  const directionAt = (pos: Float32Array, normals: Float32Array, b: V3, mid: boolean): V3 => {
    let n: [number, number, number] = [0, 0, 0];
    for (let v = 0; v < nV; v++) {
      const d = Math.hypot(pos[v * 3]! - b[0], pos[v * 3 + 1]! - b[1], pos[v * 3 + 2]! - b[2]);
      if (d < 7) {
        const w = 1 - d / 7;
        n = [n[0] + w * normals[v * 3]!, n[1] + w * normals[v * 3 + 1]!, n[2] + w * normals[v * 3 + 2]!];
      }
    }
    if (mid) n[0] = 0;
    return norm(n);
  };
  // FSTT here = distance from the bone point to the nearest skin point (negative if the bone is outside the skin);
  // the measuring direction is toward that point
  const measure = (b: V3): { h: number; d: V3 } => {
    const c = skinQ.closest(b);
    const inside = skinQ.inside(b);
    const d = norm(sub(c.point, b));
    return inside ? { h: c.distance, d } : { h: -c.distance, d: scale(d, -1) };
  };
  let pos = warp((p) => tps.apply(p));
  for (let it = 0; it < 5; it++) {
    const normals = vertexNormals(pos, I);
    const targets: V3[] = lms.map((l, i) => {
      const b = tps.apply(sources[i]!);
      const { h, d } = measure(b);
      // move along the measuring direction, blended with the bone normal where the nearest skin lies off to the side
      const dir = norm(add(d, directionAt(pos, normals, b, l.side === 'mid')));
      return add(b, scale(dir, (h - T[i]!.mean) / Math.max(0.3, dot(dir, d))));
    });
    tps = fitTps([...sources, ...extraSrc], [...targets, ...extraSrc.map((c) => tps.apply(c))], TPS_SMOOTHING);
    pos = warp((p) => tps.apply(p));
  }

  // 3. nowhere outside the fat layer: push offending vertices inward, spreading the push to their neighbours
  const adj = adjacency(nV, I);
  let pushedCount = 0, pushedMax = 0, pushedSum = 0;
  const everPushed = new Uint8Array(nV);
  // (the passes after the third move only the offenders, unsmoothed; a fifth catches a vertex the fourth pushed
  // next to another skin point)
  for (let pass = 0; pass < 5; pass++) {
    const disp = new Float32Array(P.length);
    const fixed = new Uint8Array(nV);
    let any = 0;
    for (let v = 0; v < nV; v++) {
      const p: V3 = [pos[v * 3]!, pos[v * 3 + 1]!, pos[v * 3 + 2]!];
      const c = skinQ.closest(p);
      const depth = minDepth(c.point);
      const outside = dot(sub(p, c.point), c.normal) > 0 && !skinQ.inside(p);
      if (!outside && c.distance >= depth) continue;
      const q = sub(c.point, scale(c.normal, depth + 0.05));
      const d = sub(q, p);
      disp.set(d, v * 3);
      fixed[v] = 1;
      any++;
      const m = Math.hypot(d[0], d[1], d[2]);
      if (!everPushed[v]) pushedCount++;
      everPushed[v] = 1;
      pushedMax = Math.max(pushedMax, m);
      pushedSum += m;
    }
    if (!any) break;
    if (pass < 3)
      for (let s = 0; s < 6; s++) {
        const next = disp.slice();
        for (let v = 0; v < nV; v++) {
          if (fixed[v]) continue;
          let ax = 0, ay = 0, az = 0;
          const a = adj.start[v]!, e = adj.start[v + 1]!;
          for (let k = a; k < e; k++) {
            const u = adj.list[k]!;
            ax += disp[u * 3]!;
            ay += disp[u * 3 + 1]!;
            az += disp[u * 3 + 2]!;
          }
          const m = (e - a || 1) / 0.85;
          next[v * 3] = ax / m;
          next[v * 3 + 1] = ay / m;
          next[v * 3 + 2] = az / m;
        }
        disp.set(next);
      }
    for (let i = 0; i < pos.length; i++) pos[i] = pos[i]! + disp[i]!;
  }

  // 4. measure on the final meshes and report
  const boneQ = new MeshQuery({ positions: pos, indices: I });
  const placed: PlacedLandmark[] = lms.map((l, i) => {
    const b0 = tps.apply(sources[i]!);
    // the landmark rides with the nearest vertex's push
    let nearest = 0, nd = Infinity;
    for (let v = 0; v < nV; v++) {
      const d = Math.hypot(P[v * 3]! - sources[i]![0], P[v * 3 + 1]! - sources[i]![1], P[v * 3 + 2]! - sources[i]![2]);
      if (d < nd) [nearest, nd] = [v, d];
    }
    const moved: V3 = add(b0, sub([pos[nearest * 3]!, pos[nearest * 3 + 1]!, pos[nearest * 3 + 2]!], warp1(tps, P, nearest)));
    const bone = boneQ.closest(moved).point as V3;
    const { h, d } = measure(bone);
    return {
      name: l.name,
      side: l.side,
      bone,
      direction: d,
      skin: add(bone, scale(d, h)),
      thickness: h,
      mean: T[i]!.mean,
      sd: T[i]!.sd,
      sourced: T[i]!.sourced,
    };
  });
  const report: string[] = [`skull placed for a ${sex} head: ${lms.length} landmarks, thickness = bone landmark to the nearest skin point`];
  let worst = 0;
  for (const p of placed) {
    const res = p.thickness - p.mean;
    worst = Math.max(worst, Math.abs(res) / p.sd);
    const label = `${p.side === 'mid' ? p.name : `${p.name}-${p.side}`}`.padEnd(24);
    report.push(`${label} ${p.thickness.toFixed(1).padStart(5)} mm  target ${p.mean.toFixed(1)} ± ${p.sd} ${p.sourced ? '' : '[design]'}  residual ${res >= 0 ? '+' : ''}${res.toFixed(2)} mm = ${(res / p.sd).toFixed(2)} SD`);
  }
  report.push(`worst residual ${worst.toFixed(2)} SD; bone vertices pushed under the fat layer: ${pushedCount} (max ${pushedMax.toFixed(2)} mm, mean ${(pushedCount ? pushedSum / pushedCount : 0).toFixed(2)} mm)`);
  report.forEach((r) => log(r));

  // 5. split into cranium and mandible
  const pick = (m: number): TriangleMesh => {
    const tri: number[] = [];
    for (let t = 0; t < I.length / 3; t++) if (src.mandibleTriangles[t] === m) tri.push(I[t * 3]!, I[t * 3 + 1]!, I[t * 3 + 2]!);
    const c = compact(pos, tri);
    return { positions: c.positions, indices: c.indices };
  };
  return {
    cranium: pick(0),
    mandible: pick(1),
    boneLandmarks: placed,
    report,
    pushed: { count: pushedCount, max: pushedMax, mean: pushedCount ? pushedSum / pushedCount : 0 },
  };
}

function warp1(tps: { apply(p: V3): V3 }, P: Float32Array, v: number): V3 {
  return tps.apply([P[v * 3]!, P[v * 3 + 1]!, P[v * 3 + 2]!]);
}

/**
 * The skin-to-bone pairs a head file carries for the soft-tissue test (scene extras `softTissue`): each bone
 * landmark's point (metres, rounded to µm) and its target mean ± SD (mm). The test measures the meshes itself.
 */
export function softTissueExtras(placed: PlacedSkull): { id: string; bone: number[]; meanMm: number; sdMm: number; sourced: boolean }[] {
  const r6 = (v: number): number => Math.round(v * 1e6) / 1e6;
  return placed.boneLandmarks.map((b) => ({
    id: b.side === 'mid' ? b.name : `${b.name}-${b.side}`,
    bone: [r6(b.bone[0] / 1000), r6(b.bone[1] / 1000), r6(b.bone[2] / 1000)],
    meanMm: r6(b.mean),
    sdMm: b.sd,
    sourced: b.sourced,
  }));
}
