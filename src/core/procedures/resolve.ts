// Landmark-relative technique geometry → millimetres on a given head. Both sides are resolved (left first). The
// traction lines (pull vector, grip line, draping, thread paths) are in tractionLines.ts.
import type { HeadData } from '../anatomy/headData.ts';
import type { LandmarkId, Side } from '../anatomy/landmarks.ts';
import type { TechniqueId } from '../ids.ts';
import { SurfaceProjector, type Vec3 } from '../tissue/geometry.ts';
import type { LandmarkPoint, Procedure, Undermining } from './types.ts';

export const SIDES: readonly Side[] = ['l', 'r'];

function landmarkOn(head: HeadData, name: string, side: Side): Vec3 {
  const bilateral = `${name}-${side}` as LandmarkId;
  const p = head.landmarks[bilateral] ?? head.landmarks[name as LandmarkId];
  if (!p) throw new Error(`head has no landmark ${name} (${side})`);
  return p;
}

/** +1 on the subject's left (+x), −1 on the right. */
export const sideSign = (side: Side): number => (side === 'l' ? 1 : -1);

export function resolvePoint(head: HeadData, point: LandmarkPoint, side: Side): [number, number, number] {
  const a = landmarkOn(head, point.landmark, side);
  let p: [number, number, number] = [a[0], a[1], a[2]];
  if (point.toward) {
    const b = landmarkOn(head, point.toward.landmark, side);
    const f = point.toward.fraction;
    p = [a[0] + f * (b[0] - a[0]), a[1] + f * (b[1] - a[1]), a[2] + f * (b[2] - a[2])];
  }
  if (point.offsetMm) {
    p[0] += sideSign(side) * point.offsetMm[0];
    p[1] += point.offsetMm[1];
    p[2] += point.offsetMm[2];
  }
  return p;
}

const projectors = new WeakMap<HeadData, SurfaceProjector>();
function skinProjector(head: HeadData): SurfaceProjector {
  let p = projectors.get(head);
  if (!p) {
    p = new SurfaceProjector(head.skin.positions, head.skin.indices);
    projectors.set(head, p);
  }
  return p;
}

/** Densifies a polyline to ≤ stepMm spacing and snaps every point onto a surface. */
function drapeOnSurface(points: readonly Vec3[], projector: SurfaceProjector, stepMm = 2): Float32Array {
  const out: number[] = [];
  for (let k = 0; k < points.length; k++) {
    const a = points[k]!;
    if (k === 0) out.push(...projector.project(a));
    const b = points[k + 1];
    if (!b) break;
    const len = Math.hypot(b[0] - a[0], b[1] - a[1], b[2] - a[2]);
    const n = Math.max(1, Math.ceil(len / stepMm));
    for (let i = 1; i <= n; i++) {
      const f = i / n;
      out.push(...projector.project([a[0] + f * (b[0] - a[0]), a[1] + f * (b[1] - a[1]), a[2] + f * (b[2] - a[2])]));
    }
  }
  return Float32Array.from(out);
}

/** Incision polylines in mm on the skin surface: for each incision, left then right. */
export function resolveIncisionsOf(head: HeadData, procedure: Procedure): Float32Array[] {
  const projector = skinProjector(head);
  const out: Float32Array[] = [];
  for (const incision of procedure.incisions) {
    for (const side of SIDES) {
      out.push(drapeOnSurface(incision.map((pt) => resolvePoint(head, pt, side)), projector));
    }
  }
  return out;
}

/**
 * The face unrolled around the head's vertical axis (through the midpoint of the tragi): u = arc length at the
 * tragus radius from the midline (positive on both sides; the side is chosen by the sign of x), v = height.
 * Lateral and frontal parts of the face then lie side by side in one plane, which a frontal projection cannot do.
 */
export function unrolledFace(head: HeadData): (x: number, y: number, z: number) => [number, number] {
  const tl = landmarkOn(head, 'tragus', 'l'), tr = landmarkOn(head, 'tragus', 'r');
  const zc = (tl[2] + tr[2]) / 2;
  const radius = Math.max(1, (Math.abs(tl[0]) + Math.abs(tr[0])) / 2);
  return (x, y, z) => [radius * Math.atan2(Math.abs(x), z - zc), y];
}

/** Soft edge of an undermined area, mm: the dissection ends in tissue, not at a knife line (design choice). */
export const UNDERMINING_EDGE_MM = 6;

/**
 * Signed distance in mm (> 0 inside, < 0 outside) from an outline given on the left side and mirrored for the
 * right, measured on the unrolled face (see `unrolledFace`), so an outline may wrap from the ear onto the cheek.
 * Deeper layers under a point unroll to the same place, so one outline marks the same area on every layer.
 */
export function outlineDistance(head: HeadData, outline: readonly LandmarkPoint[]): (x: number, y: number, z: number) => number {
  const unroll = unrolledFace(head);
  const outlines = SIDES.map((side) => outline.map((pt) => unroll(...resolvePoint(head, pt, side))));
  return (x, y, z) => {
    const poly = outlines[x >= 0 ? 0 : 1]!;
    const [pu, pv] = unroll(x, y, z);
    let inside = false;
    let d2 = Infinity;
    for (let i = 0, j = poly.length - 1; i < poly.length; j = i++) {
      const [ui, vi] = poly[i]!, [uj, vj] = poly[j]!;
      if (vi > pv !== vj > pv && pu < ((uj - ui) * (pv - vi)) / (vj - vi) + ui) inside = !inside;
      const eu = uj - ui, ev = vj - vi;
      const len2 = eu * eu + ev * ev || 1;
      const t = Math.min(1, Math.max(0, ((pu - ui) * eu + (pv - vi) * ev) / len2));
      d2 = Math.min(d2, (pu - ui - t * eu) ** 2 + (pv - vi - t * ev) ** 2);
    }
    return (inside ? 1 : -1) * Math.sqrt(d2);
  };
}

/**
 * Weight in [0, 1] of the undermined area of a procedure at a point (1 inside, smooth ramp over
 * UNDERMINING_EDGE_MM across the outline, 0 outside), or null when the technique does not undermine.
 */
export function underminedWeight(head: HeadData, procedure: Procedure): ((x: number, y: number, z: number) => number) | null {
  return procedure.undermining ? underminedAreaWeight(head, procedure.undermining) : null;
}

/** The same for an undermined area given directly (a Worker receives the area, not the procedure catalogue). */
export function underminedAreaWeight(head: HeadData, u: Undermining): (x: number, y: number, z: number) => number {
  const distance = outlineDistance(head, u.outline);
  return (x, y, z) => {
    const s = Math.min(1, Math.max(0, 0.5 + distance(x, y, z) / UNDERMINING_EDGE_MM));
    return s * s * (3 - 2 * s);
  };
}

export type { TechniqueId };
