// Craniometric landmarks on the scanned skull (../shared/data/skull), found by rules on the mesh: extreme points,
// searches in windows of the bounding box and ray profiles. Units are the scan's (arbitrary; y up, face toward +z,
// +x the subject's left). The window fractions are design choices fitted to the anatomy, not sourced numbers;
// `npx tsx scripts/model/preview.ts` with mode `bonelm` draws the result for checking.
import type { FsttLandmarkId } from '../../src/core/anatomy/softTissueThickness.ts';
import { type V3, norm } from './geom.ts';
import { MeshQuery, type TriangleMesh } from './mesh-query.ts';

/** Vault and temple landmarks without a T-Table row (design-choice thickness, softTissueThickness.ts). */
export type VaultLandmarkId = 'eurion' | 'frontal-eminence' | 'parietal-eminence' | 'temporal-fossa' | 'bregma-region' | 'lambda-region';

export type SkullLandmarkName = FsttLandmarkId | VaultLandmarkId;

export interface SkullLandmark {
  /** FSTT / vault name; bilateral ones carry side 'l' (+x) or 'r'. */
  readonly name: SkullLandmarkName;
  readonly side: 'l' | 'r' | 'mid';
  /** Point on the skull surface (scan units). */
  readonly point: V3;
}

/** Landmarks plus the planes used to split the mandible from the cranium. */
export interface SkullAnatomy {
  readonly landmarks: SkullLandmark[];
  /** Midsagittal x. */
  readonly midX: number;
  /** Height of the occlusal contact in front (y) and how it rises backward (dy per unit of -z). */
  readonly occlusalY: number;
  /** z behind which the mandible is cut from the cranium at `ramusTopY` instead of the occlusal level. */
  readonly ramusFrontZ: number;
  readonly ramusTopY: number;
  /** Per-triangle: true for the mandible. */
  readonly mandibleTriangles: Uint8Array;
}

const OCCLUSAL_RISE = 0.2; // design choice: the occlusal plane rises ≈ 11° backward from the incisors (curve of Spee, flattened)

/** Finds the landmarks and the mandible on the scan. Throws if a landmark search finds nothing (a different mesh). */
export function findSkullAnatomy(mesh: TriangleMesh): SkullAnatomy {
  const P = mesh.positions;
  const n = P.length / 3;
  const q = new MeshQuery(mesh);
  const mn = [Infinity, Infinity, Infinity], mx = [-Infinity, -Infinity, -Infinity];
  for (let i = 0; i < n; i++)
    for (let k = 0; k < 3; k++) {
      mn[k] = Math.min(mn[k]!, P[i * 3 + k]!);
      mx[k] = Math.max(mx[k]!, P[i * 3 + k]!);
    }
  const W = mx[0]! - mn[0]!, H = mx[1]! - mn[1]!, L = mx[2]! - mn[2]!;
  const midX = (mn[0]! + mx[0]!) / 2;
  const y0 = mn[1]!;
  const need = <T>(v: T | null | undefined, what: string): T => {
    if (v === null || v === undefined) throw new Error(`skull landmarks: ${what} not found (is this the expected skull scan?)`);
    return v;
  };
  const front = (x: number, y: number): V3 | null => q.firstHit([x, y, mx[2]! + 1], [0, 0, -1])?.point ?? null;
  // midline profile: the front-most surface point per height
  const profile: V3[] = [];
  const dy = H / 400;
  for (let y = y0 + dy; y < mx[1]!; y += dy) {
    const h = front(midX, y);
    if (h) profile.push(h);
  }
  const inY = (a: number, b: number) => profile.filter((p) => p[1] >= a && p[1] <= b);
  const argmax = (pts: readonly V3[], f: (p: V3) => number, what: string): V3 => {
    let best: V3 | null = null, bv = -Infinity;
    for (const p of pts) if (f(p) > bv) [best, bv] = [p, f(p)];
    return need(best, what);
  };
  const atY = (y: number): V3 => argmax(profile, (p) => -Math.abs(p[1] - y), `profile at y=${y}`);
  const glabella = argmax(inY(y0 + 0.56 * H, y0 + 0.75 * H), (p) => p[2], 'glabella');
  const nasion = argmax(inY(glabella[1] - 0.12 * H, glabella[1]), (p) => -p[2], 'nasion');
  const rhinion = argmax(inY(nasion[1] - 0.15 * H, nasion[1] - 0.02 * H), (p) => p[2], 'rhinion');
  // the piriform aperture: below rhinion the profile drops deep; its lower edge (≈ anterior nasal spine) is where it returns
  const deep = rhinion[2] - 0.04 * L;
  const below = profile.filter((p) => p[1] < rhinion[1]).sort((a, b) => b[1] - a[1]);
  let inAperture = false;
  let ans: V3 | null = null;
  let deepest = Infinity;
  for (const p of below) {
    if (p[2] < deep) inAperture = true;
    if (!inAperture) continue;
    deepest = Math.min(deepest, p[2]);
    if (p[2] > deepest + 0.4 * (rhinion[2] - deepest)) {
      ans = p;
      break;
    }
  }
  ans = need(ans, 'lower edge of the piriform aperture');
  const midNasal = atY((nasion[1] + rhinion[1]) / 2);
  // all midline-band vertices (for the chin)
  const band: V3[] = [];
  for (let i = 0; i < n; i++) if (Math.abs(P[i * 3]! - midX) < 0.02 * W) band.push([P[i * 3]!, P[i * 3 + 1]!, P[i * 3 + 2]!]);
  const menton = argmax(band.filter((p) => p[2] > mn[2]! + 0.5 * L), (p) => -p[1], 'menton');
  // occlusal contact: the step where the upper teeth overhang the lower, over the canines (largest dz/dy)
  let occlusalY = 0;
  for (const sx of [1, -1]) {
    const x = midX + sx * 0.14 * W;
    let best = -Infinity, by = NaN;
    let prev: V3 | null = null;
    for (let y = menton[1] + 0.12 * H; y < ans[1]; y += dy) {
      const h = front(x, y);
      if (h && prev) {
        const s = (h[2] - prev[2]) / (h[1] - prev[1] || dy);
        if (s > best) [best, by] = [s, (h[1] + prev[1]) / 2];
      }
      prev = h;
    }
    occlusalY += need(Number.isFinite(by) ? by : null, 'occlusal step') / 2;
  }
  const sulcus = argmax(inY(menton[1] + 0.02 * H, occlusalY - 0.02 * H), (p) => -p[2], 'mentolabial sulcus (B point)');
  const pogonion = argmax(inY(menton[1], sulcus[1]), (p) => p[2], 'pogonion');
  const gnathion = argmax(band.filter((p) => p[1] < pogonion[1] && p[2] > menton[2] - 0.05 * L), (p) => p[2] - p[1], 'gnathion');
  // alveolar points between the contact and the aperture / the B point (design-choice fractions of those spans)
  const prosthion = atY(occlusalY + 0.3 * (ans[1] - occlusalY));
  const midPhiltrum = atY(occlusalY + 0.55 * (ans[1] - occlusalY));
  const subspinale = atY(occlusalY + 0.8 * (ans[1] - occlusalY));
  const infradentale = atY(occlusalY - 0.35 * (occlusalY - sulcus[1]));
  const vertexTop = argmax(Array.from({ length: n }, (_, i): V3 => [P[i * 3]!, P[i * 3 + 1]!, P[i * 3 + 2]!]), (p) => p[1], 'vertex');
  const vertex = need(q.firstHit([midX, mx[1]! + 1, vertexTop[2]], [0, -1, 0])?.point, 'vertex');
  const opisthocranion = argmax(band.filter((p) => p[1] > y0 + 0.45 * H), (p) => -p[2], 'opisthocranion');

  const out: SkullLandmark[] = [];
  const mid = (name: SkullLandmarkName, point: V3) => out.push({ name, side: 'mid', point: [midX, point[1], point[2]] });
  mid('vertex', vertex);
  mid('glabella', glabella);
  mid('nasion', nasion);
  mid('mid-nasal', midNasal);
  mid('rhinion', rhinion);
  mid('subspinale', subspinale);
  mid('mid-philtrum', midPhiltrum);
  mid('prosthion', prosthion);
  mid('infradentale', infradentale);
  mid('mentolabial-sulcus', sulcus);
  mid('pogonion', pogonion);
  mid('gnathion', gnathion);
  mid('menton', menton);
  mid('opisthocranion', opisthocranion);

  const verts = (f: (p: V3) => boolean): V3[] => {
    const r: V3[] = [];
    for (let i = 0; i < n; i++) {
      const p: V3 = [P[i * 3]!, P[i * 3 + 1]!, P[i * 3 + 2]!];
      if (f(p)) r.push(p);
    }
    return r;
  };
  // zygion (widest point of the face, between the aperture's lower edge and mid-orbit, in front of the ear region)
  const zyg = (s: number) =>
    argmax(verts((p) => s * (p[0] - midX) > 0 && p[1] > ans[1] - 0.02 * H && p[1] < (ans[1] + nasion[1]) / 2 + 0.03 * H && p[2] > mn[2]! + 0.45 * L), (p) => s * (p[0] - midX), 'zygion');
  const zygL = zyg(1), zygR = zyg(-1);
  const ramusFrontZ = (zygL[2] + zygR[2]) / 2;
  // the ramus is cut from the cranium just under the zygomatic arch: the arch's lowest point above the zygion
  const archLow = (z: V3) => {
    let low = z[1];
    for (const p of verts((p) => Math.abs(p[0] - z[0]) < 0.06 * W && Math.abs(p[2] - z[2]) < 0.04 * L && p[1] > occlusalY + 0.12 * H)) low = Math.min(low, p[1]);
    return low;
  };
  const ramusTopY = Math.min(archLow(zygL), archLow(zygR)) - 0.005 * H;
  const occ = (z: number) => occlusalY + Math.max(0, menton[2] - z) * OCCLUSAL_RISE;
  const mandibleTriangles = splitMandible(mesh, menton, (p) => (p[2] > ramusFrontZ ? occ(p[2]) : ramusTopY));
  const isMand = new Uint8Array(n);
  for (let t = 0; t < mandibleTriangles.length; t++) if (mandibleTriangles[t]) for (let k = 0; k < 3; k++) isMand[mesh.indices[t * 3 + k]!] = 1;
  const mandVerts = (f: (p: V3) => boolean): V3[] => verts((p) => f(p)).filter((p) => isMand[indexOf(p)] === 1);
  const index = new Map<string, number>();
  for (let i = 0; i < n; i++) index.set(`${P[i * 3]},${P[i * 3 + 1]},${P[i * 3 + 2]}`, i);
  function indexOf(p: V3): number {
    return index.get(`${p[0]},${p[1]},${p[2]}`) ?? 0;
  }

  for (const [side, s, zy] of [['l', 1, zygL], ['r', -1, zygR]] as const) {
    const lat = (p: V3) => s * (p[0] - midX);
    const add = (name: SkullLandmarkName, point: V3) => out.push({ name, side, point });
    add('zygion', zy);
    // orbit: deepest front-facing region beside the nasal bones; its rims above and below its centre
    const cells: V3[] = [];
    for (let x = 0.06 * W; x < 0.45 * W; x += 0.01 * W)
      for (let y = rhinion[1]; y < glabella[1] + 0.06 * H; y += 0.01 * H) {
        const h = front(midX + s * x, y);
        if (h && h[2] < nasion[2] - 0.07 * L) cells.push(h);
      }
    need(cells.length > 5 ? cells : null, 'orbit');
    const cx = cells.reduce((a, p) => a + p[0], 0) / cells.length;
    const cy = cells.reduce((a, p) => a + p[1], 0) / cells.length;
    const column = (a: number, b: number): V3[] => {
      const r: V3[] = [];
      for (let y = a; y <= b; y += dy) {
        const h = front(cx, y);
        if (h) r.push(h);
      }
      return r;
    };
    add('supraorbital', argmax(column(cy, cy + 0.1 * H), (p) => p[2], 'supraorbital margin'));
    add('infraorbital', argmax(column(cy - 0.09 * H, cy), (p) => p[2], 'infraorbital margin'));
    // mandible: gonion = the angle (most posterior-inferior point), mid-ramus and the mid-border
    const jaw = mandVerts((p) => lat(p) > 0.15 * W);
    const gonion = argmax(jaw, (p) => -p[1] - p[2], 'gonion');
    add('gonion', gonion);
    const midY = (gonion[1] + ramusTopY) / 2;
    add('mid-ramus', argmax(jaw.filter((p) => Math.abs(p[1] - midY) < 0.02 * H && p[2] < ramusFrontZ), lat, 'mid-ramus'));
    const zMid = (gonion[2] + menton[2]) / 2;
    add('mid-mandibular-border', argmax(jaw.filter((p) => Math.abs(p[2] - zMid) < 0.02 * L), (p) => -p[1] + 0.2 * lat(p), 'mid-mandibular border'));
    // second molars: a fifth of the way from the ramus front to the chin (design choice), 10 % of H above/below the contact
    const zM2 = ramusFrontZ + 0.2 * (pogonion[2] - ramusFrontZ);
    const oy = occ(zM2);
    add('supra-m2', argmax(verts((p) => Math.abs(p[2] - zM2) < 0.025 * L && p[1] > oy + 0.03 * H && p[1] < oy + 0.08 * H && isMand[indexOf(p)] === 0), lat, 'supra-M2'));
    add('sub-m2', argmax(mandVerts((p) => Math.abs(p[2] - zM2) < 0.025 * L && p[1] < oy - 0.03 * H && p[1] > oy - 0.08 * H), lat, 'sub-M2'));
    // vault: eurion (widest point of the braincase), eminences, temporal fossa (lateral surface behind the orbit)
    add('eurion', argmax(verts((p) => p[1] > glabella[1]), lat, 'eurion'));
    const c: V3 = [midX, (mn[1]! + mx[1]!) / 2 + 0.1 * H, (mn[2]! + mx[2]!) / 2];
    const extreme = (d: V3) => {
      const u = norm(d);
      return argmax(verts((p) => p[1] > glabella[1] - 0.02 * H), (p) => (p[0] - c[0]) * u[0] + (p[1] - c[1]) * u[1] + (p[2] - c[2]) * u[2], 'vault point');
    };
    add('frontal-eminence', extreme([s * 0.45, 0.45, 0.77]));
    add('parietal-eminence', extreme([s * 0.7, 0.55, -0.45]));
    const tf = q.firstHit([midX + s * (W + 1), nasion[1] + 0.05 * H, zy[2] + 0.08 * L], [-s, 0, 0]);
    add('temporal-fossa', need(tf?.point, 'temporal fossa'));
  }
  const c: V3 = [midX, (mn[1]! + mx[1]!) / 2 + 0.1 * H, (mn[2]! + mx[2]!) / 2];
  const vault = verts((p) => p[1] > glabella[1]);
  out.push({ name: 'bregma-region', side: 'mid', point: ((p) => [midX, p[1], p[2]] as V3)(argmax(vault, (p) => (p[1] - c[1]) * 0.8 + (p[2] - c[2]) * 0.6, 'bregma region')) });
  out.push({ name: 'lambda-region', side: 'mid', point: ((p) => [midX, p[1], p[2]] as V3)(argmax(vault, (p) => (p[1] - c[1]) * 0.7 - (p[2] - c[2]) * 0.7, 'lambda region')) });
  // snap every landmark onto the surface (the midline ones were moved to x = midX)
  const landmarks = out.map((l) => ({ ...l, point: q.closest(l.point).point as V3 }));
  return { landmarks, midX, occlusalY, ramusFrontZ, ramusTopY, mandibleTriangles };
}

/**
 * Classifies triangles into mandible (1) and cranium (0): the scan is one closed surface with the jaw in occlusion,
 * so the triangles crossing the cut surface y = cutY(p) are taken as a barrier and the mandible is what remains
 * connected to menton below it. Pieces of cranium below the cut stay cranium (they are not reached).
 */
export function splitMandible(mesh: TriangleMesh, menton: V3, cutY: (p: V3) => number): Uint8Array {
  const P = mesh.positions, I = mesh.indices, nT = I.length / 3, nV = P.length / 3;
  const above = new Uint8Array(nV);
  for (let v = 0; v < nV; v++) above[v] = P[v * 3 + 1]! > cutY([P[v * 3]!, P[v * 3 + 1]!, P[v * 3 + 2]!]) ? 1 : 0;
  const barrier = (t: number) => {
    const s = above[I[t * 3]!]! + above[I[t * 3 + 1]!]! + above[I[t * 3 + 2]!]!;
    return s > 0 && s < 3;
  };
  const vt: number[][] = Array.from({ length: nV }, () => []);
  for (let t = 0; t < nT; t++) if (!barrier(t)) for (let k = 0; k < 3; k++) vt[I[t * 3 + k]!]!.push(t);
  let seed = 0, bd = Infinity;
  for (let v = 0; v < nV; v++) {
    const d = Math.hypot(P[v * 3]! - menton[0], P[v * 3 + 1]! - menton[1], P[v * 3 + 2]! - menton[2]);
    if (d < bd && !above[v]) [seed, bd] = [v, d];
  }
  const lab = new Uint8Array(nT);
  const stack = [...vt[seed]!];
  for (const t of stack) lab[t] = 1;
  while (stack.length) {
    const t = stack.pop()!;
    for (let k = 0; k < 3; k++)
      for (const u of vt[I[t * 3 + k]!]!)
        if (!lab[u]) {
          lab[u] = 1;
          stack.push(u);
        }
  }
  // barrier triangles go with the side holding most of their vertices
  for (let t = 0; t < nT; t++) if (barrier(t)) lab[t] = above[I[t * 3]!]! + above[I[t * 3 + 1]!]! + above[I[t * 3 + 2]!]! <= 1 && vt[I[t * 3]!]!.some((u) => lab[u]) ? 1 : 0;
  return lab;
}
