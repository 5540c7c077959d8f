// The gonial angle of a placed mandible, measured as lateral cephalometry does with the border tangents: the angle
// between the ramus line (along the posterior border of the ramus) and the mandibular plane (along the lower border
// from the angle to menton). Norms sheet §5, row "Sex contrasts, bone (Korean CBCT)": women 117.0 ± 4.0°, men
// 113.8 ± 3.3° (Korean J Orthod 2013). Both lines are taken on the convex hull of the side's profile, so interior
// vertices of a coarse mesh cannot pull them.
import { GONIAL_ANGLE_FEMALE } from '../../src/core/anatomy/dimensions.ts';
import type { V3 } from './geom.ts';

export interface GonialAngle {
  /** The angle in degrees (90 for a square jaw, larger for a more open one). */
  readonly degrees: number;
  /** Unit direction (z, y) up the ramus's posterior border and forward along the lower border. */
  readonly ramus: readonly [number, number];
  readonly border: readonly [number, number];
}

/** Convex hull (counter-clockwise, Andrew's monotone chain) of 2D points. */
function hull2d(pts: [number, number][]): [number, number][] {
  const p = [...pts].sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  const cross = (o: [number, number], a: [number, number], b: [number, number]): number => (a[0] - o[0]) * (b[1] - o[1]) - (a[1] - o[1]) * (b[0] - o[0]);
  const lower: [number, number][] = [], upper: [number, number][] = [];
  for (const q of p) {
    while (lower.length >= 2 && cross(lower[lower.length - 2]!, lower[lower.length - 1]!, q) <= 0) lower.pop();
    lower.push(q);
  }
  for (let i = p.length - 1; i >= 0; i--) {
    const q = p[i]!;
    while (upper.length >= 2 && cross(upper[upper.length - 2]!, upper[upper.length - 1]!, q) <= 0) upper.pop();
    upper.push(q);
  }
  return [...lower.slice(0, -1), ...upper.slice(0, -1)];
}

/** Where the closed polygon crosses the line coordinate[axis] = v: every crossing's other coordinate. */
function crossings(poly: [number, number][], axis: 0 | 1, v: number): number[] {
  const out: number[] = [];
  for (let i = 0; i < poly.length; i++) {
    const a = poly[i]!, b = poly[(i + 1) % poly.length]!;
    if ((a[axis] - v) * (b[axis] - v) > 0 || a[axis] === b[axis]) continue;
    const t = (v - a[axis]) / (b[axis] - a[axis]);
    out.push(a[1 - axis]! + t * (b[1 - axis]! - a[1 - axis]!));
  }
  return out;
}

/**
 * Gonial angle of one side of a mandible (positions in mm, head frame: +y up, +z forward, +x the subject's left).
 * `menton` and `gonion` are the bone landmarks (mm). Vertices on the chosen side (side = 1: x ≥ 0, −1: x ≤ 0) are
 * projected on the sagittal (z, y) plane and wrapped in their convex hull, whose posterior and lower sides are the
 * border tangents of a lateral cephalogram. Ramus line: the hull's posterior side between 10 mm above gonion and
 * 65 % of the way up to the mandible's top (below the condylar neck, which the cut between mandible and cranium
 * leaves ragged). Mandibular plane: the hull's lower side between 12 mm in front of gonion and 6 mm behind menton.
 * Throws when the hull does not reach those heights or depths (not a mandible).
 */
export function gonialAngle(positions: Float32Array, menton: V3, gonion: V3, side: 1 | -1 = 1): GonialAngle {
  const pts: [number, number][] = [];
  let topY = -Infinity;
  for (let i = 0; i < positions.length; i += 3)
    if (positions[i]! * side >= 0) {
      pts.push([positions[i + 2]!, positions[i + 1]!]);
      topY = Math.max(topY, positions[i + 1]!);
    }
  const poly = pts.length >= 3 ? hull2d(pts) : [];
  const y0 = gonion[1] + 10, y1 = gonion[1] + 0.65 * (topY - gonion[1]);
  const z0 = gonion[2] + 12, z1 = menton[2] - 6;
  const back = (y: number): number | undefined => (crossings(poly, 1, y).length >= 2 ? Math.min(...crossings(poly, 1, y)) : undefined);
  const low = (z: number): number | undefined => (crossings(poly, 0, z).length >= 2 ? Math.min(...crossings(poly, 0, z)) : undefined);
  const b0 = back(y0), b1 = back(y1), l0 = low(z0), l1 = low(z1);
  if (y1 - y0 < 10 || z1 - z0 < 10 || b0 === undefined || b1 === undefined || l0 === undefined || l1 === undefined)
    throw new Error('gonial angle: the mesh has no ramus or lower border where expected; is this a mandible?');
  // up the ramus (z, y) and forward along the lower border (z, y)
  const ru = [b1 - b0, y1 - y0] as const, bf = [z1 - z0, l1 - l0] as const;
  const rl = Math.hypot(...ru), bl = Math.hypot(...bf);
  const ramus = [ru[0] / rl, ru[1] / rl] as const, border = [bf[0] / bl, bf[1] / bl] as const;
  const cos = ramus[0] * border[0] + ramus[1] * border[1];
  return { degrees: (Math.acos(Math.max(-1, Math.min(1, cos))) * 180) / Math.PI, ramus, border };
}

/**
 * Gonial angle norms, degrees (mean, SD). Norms sheet §5, row "Sex contrasts, bone (Korean CBCT)" (Korean J Orthod
 * 2013): women 117.0 ± 4.0 (also dimensions.ts GONIAL_ANGLE_FEMALE), men 113.8 ± 3.3.
 */
export const GONIAL_ANGLE_NORMS = { female: GONIAL_ANGLE_FEMALE, male: [113.8, 3.3] } as const;
