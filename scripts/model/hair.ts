// The hair-bearing scalp of the default patient (hair drawn back into a low bun), as a function of position in the
// head frame (mm). One definition serves the geometry (the thin layer of hair lying on the scalp and the bun, in
// head-sdf.ts), the colour (hairMask in anatomy-map.ts) and the hairline landmarks (the spec's points, snapped
// to the skin). All placements are design choices unless a constant of dimensions.ts says otherwise.
import { UPPER_THIRD_FEMALE } from '../../src/core/anatomy/dimensions.ts';
import { type V3, lerp, smoothstep } from './geom.ts';

export interface HairlineSpec {
  /** Midline hairline point (y, z used; x = 0). */
  readonly trichion: V3;
  /** Frontal hairline drop per mm² of |x| (the line arches down toward the temples). Design choice. */
  readonly frontalArch: number;
  /** Temporal hairline and sideburn, top → bottom (left side, +x); x is a hint, the skin decides. */
  readonly temporalUpper: V3;
  readonly temporalLower: V3;
  readonly sideburnTop: V3;
  readonly sideburnBottom: V3;
  /** Centre and radii of the low bun. */
  readonly bunCentre: V3;
  readonly bunRadii: V3;
}

/**
 * The default patient's hairline, placed from the glabella: trichion UPPER_THIRD_FEMALE above it (norms sheet
 * §5 via dimensions.ts); the temporal line and sideburn run 12–20 mm in front of the tragus, the sideburn's lower
 * end just above the tragus (design choice, as the clinic's incisions "inside the scalp near the sideburn" need).
 */
export function hairlineSpec(glabella: V3): HairlineSpec {
  const ty = glabella[1] + UPPER_THIRD_FEMALE;
  return {
    trichion: [0, ty, glabella[2] - 14],
    frontalArch: 0.0058,
    temporalUpper: [56, ty - 26, 59],
    temporalLower: [70, 39, 30],
    sideburnTop: [75, 30, 17],
    sideburnBottom: [76, -3, 14],
    bunCentre: [0, -14, -96],
    bunRadii: [37, 29, 25],
  };
}

/**
 * A hair-bearing region of the scalp, as lines on the head (mm, head frame, left side; the right is the mirror).
 * The one hairline definition of the build: the woman's (hairRegionOf) and the man's (male.ts maleHairRegion) are
 * both this shape with different lines.
 */
export interface HairRegion {
  /** Temporal hairline and sideburn, top → bottom (temporalUpper, temporalLower, sideburnTop, sideburnBottom): y, z used. */
  readonly temporal: readonly [V3, V3, V3, V3];
  /** Height of the frontal hairline at |x| (mm). */
  readonly frontalY: (ax: number) => number;
  /** Height of the nape hairline at |x| (mm). */
  readonly napeY: (ax: number) => number;
  /** Centre (y, z) of the bare margin around the auricle (≈ 6 mm around it; an ellipse of 37 × 21 mm half-axes). */
  readonly earCentre: readonly [number, number];
}

/**
 * Signed "depth into the hair-bearing skin", mm-like: > 0 inside the hair, < 0 on glabrous skin. hair = above
 * the nape line ∧ outside the hairless margin around the auricle ∧ (behind the temporal line ∨ above the frontal
 * line). The temporal line runs temporalUpper → temporalLower → sideburnTop → sideburnBottom; below the sideburn
 * it steps back behind the ear. Design choice throughout (shapes, margins).
 */
export function hairRegionSigned(p: V3, r: HairRegion): number {
  const ax = Math.abs(p[0]);
  const y = p[1], z = p[2];
  const line = r.temporal;
  const top = line[0], bottom = line[3];
  let zLine: number;
  if (y >= top[1]) zLine = top[2] + (y - top[1]) * 1.1;
  else if (y <= bottom[1]) zLine = lerp(bottom[2], -34, smoothstep(bottom[1], bottom[1] - 7, y));
  else {
    zLine = bottom[2];
    for (let i = 0; i + 1 < line.length; i++) {
      const a = line[i]!, b = line[i + 1]!;
      if (y <= a[1] && y >= b[1]) zLine = lerp(a[2], b[2], (a[1] - y) / (a[1] - b[1] || 1));
    }
  }
  const temporal = zLine - z;
  const frontal = y - r.frontalY(ax);
  const nape = y - r.napeY(ax);
  // hairless skin around the auricle (≈ 6 mm margin), only on the head's side
  const earE = Math.hypot((y - r.earCentre[0]) / 37, (z - r.earCentre[1]) / 21);
  const ear = ax > 45 ? (earE - 1) * 22 : 50;
  return Math.min(Math.max(temporal, frontal), nape * 0.45, ear);
}

/** Hair weight in [0, 1] of a region, with a soft edge (wide enough to hide the mesh's triangles along it). */
export function hairRegionWeight(p: V3, r: HairRegion): number {
  return smoothstep(-3.6, 3.6, hairRegionSigned(p, r));
}

/** The default patient's hair-bearing region from her spec: the frontal line arches down toward the temples. */
export function hairRegionOf(s: HairlineSpec): HairRegion {
  return {
    temporal: [s.temporalUpper, s.temporalLower, s.sideburnTop, s.sideburnBottom],
    frontalY: (ax) => s.trichion[1] - s.frontalArch * ax * ax,
    // hair drawn up into the bun leaves a low, soft nape line
    napeY: (ax) => lerp(-56, -30, smoothstep(25, 62, ax)),
    earCentre: [2, -17],
  };
}

/** hairRegionSigned of the default patient (hairRegionOf(s)). */
export function hairSigned(p: V3, s: HairlineSpec): number {
  return hairRegionSigned(p, hairRegionOf(s));
}

/** Hair mask in [0, 1] with a soft edge (wide enough to hide the mesh's triangles along it). */
export function hairWeight(p: V3, s: HairlineSpec): number {
  return hairRegionWeight(p, hairRegionOf(s));
}

/**
 * Strand-direction shading factor (≈ 0.85–1.1): hair combed from the hairline back to the bun runs along the
 * meridians through the bun, so brightness varies with the azimuth about the head-centre → bun axis. Design choice.
 */
export function strandShade(p: V3, s: HairlineSpec): number {
  const c: V3 = [0, 40, 0];
  const a: V3 = [s.bunCentre[0] - c[0], s.bunCentre[1] - c[1], s.bunCentre[2] - c[2]];
  const al = Math.hypot(...a);
  const u: V3 = [a[0] / al, a[1] / al, a[2] / al];
  const v: V3 = [p[0] - c[0], p[1] - c[1], p[2] - c[2]];
  // e1 = x, e2 = u × x
  const e2: V3 = [0, u[2], -u[1]];
  const phi = Math.atan2(v[0], v[0] * 0 + v[1] * e2[1] + v[2] * e2[2]);
  // inside the bun the strands wrap around it: shade by the angle about the bun's own axis
  const b: V3 = [p[0] - s.bunCentre[0], p[1] - s.bunCentre[1], p[2] - s.bunCentre[2]];
  const inBun = 1 - smoothstep(0.9, 1.25, Math.hypot(b[0] / s.bunRadii[0], b[1] / s.bunRadii[1], b[2] / s.bunRadii[2]));
  const theta = Math.atan2(b[1], b[0]) + 0.08 * b[2];
  const stripes = (t: number): number => 0.55 * Math.sin(t * 23) + 0.3 * Math.sin(t * 41 + 1.3) + 0.15 * Math.sin(t * 67 + 0.4);
  return 1 + 0.1 * lerp(stripes(phi), stripes(theta), inBun);
}
