// The hair-bearing scalp of the default patient (hair drawn back into a low bun), as a function of position in the
// head frame (mm). One definition serves the geometry (the thin layer of hair lying on the scalp and the bun, in
// head-sdf.ts), the colour (hairMask in anatomy-map.ts) and the hairline landmarks (the spec's points, snapped
// to the skin). All placements are design choices unless a constant of dimensions.ts says otherwise.
import { UPPER_THIRD_FEMALE } from '../../src/core/anatomy/dimensions.ts';
import { type V3, add, cross, dot, lerp, norm, scale, smoothstep, sub } from './geom.ts';

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

/**
 * Hair weight in [0, 1] of a region. The edge is soft and a little irregular, as a real hairline is: density thins
 * over ≈ 9 mm toward the bare skin (fine hairs in front of the line, the skin showing through), wider on the glabrous
 * side than on the hair side so the clinic's incisions a few mm inside the line stay in dark hair, and the line
 * wanders by ≈ ±1 mm (a painted hard edge read as a wig). Design choice.
 */
export function hairRegionWeight(p: V3, r: HairRegion): number {
  const wander = 0.8 * Math.sin(0.55 * p[0] + 0.31 * p[2]) * Math.sin(0.47 * p[1] - 0.23 * p[0]) + 0.4 * Math.sin(1.3 * p[1] + 0.9 * Math.abs(p[0]));
  const w = smoothstep(-5.5, 3.6, hairRegionSigned(p, r) + wander);
  return w * w * (1.6 - 0.6 * w);
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

/**
 * How far the woman's hair stands off the scalp (mm), by region: drawn back tight over the lower sides and the nape
 * toward the bun, fuller over the crown and over the upper sides (parietal) where hair combed back keeps its volume,
 * rising only gradually from the frontal hairline (HAIR_RISE). Design choice: not sourced (hair of this length drawn
 * back stands ≈ 3–12 mm off the scalp).
 */
export const HAIR_THICKNESS = { tight: 3, crown: 11, parietal: 5.5 } as const;

/**
 * How steeply hair drawn back may rise off the scalp behind the frontal hairline: at most `slope` × u + ½ ×
 * `curvature` × u² mm at u mm behind it (measured over the vault, frontalArc), and past `front` mm a cubic
 * `beyond` × (u − front)³ more, so that over the crown, the sides above the ears and the back the limit no longer
 * bites (the vertex, the eurions and the occiput the skull is placed from keep their hair). The curvature stays
 * below the front of the vault's own (≈ 1/94 mm⁻¹, VAULT_SPHERE), so the hair's profile keeps turning back steadily
 * from the forehead to the crown: where the hair rose faster (a roll 14 mm behind the line, 9 mm of hair within
 * 24 mm) its surface first tipped forward and then turned back sharply, and the key light drew that ridge as a pale
 * band across the front. Design choice.
 */
export const HAIR_RISE = { slope: 0.06, curvature: 0.0035, front: 60, beyond: 0.004 } as const;

/**
 * The sphere the frontal arc is measured on: centre height (mm, x = z = 0) and radius, fitted by eye to the default
 * head's forehead and front of the vault (r ≈ 94 mm about y = 40 on the midline), and the |x| (mm) where the frontal
 * hairline meets the temporal one (hairlineSpec temporalUpper, x ≈ 56; the man's recession, male.ts, ≈ 45). Design choice.
 */
const VAULT_SPHERE = { y: 40, r: 94, lineEnd: 50 } as const;

/**
 * Distance behind the frontal hairline of a region, mm, measured over the vault: the angle of p from straight ahead
 * about VAULT_SPHERE's centre less that of the hairline at the same |x| (placed on the sphere), times the radius.
 * < 0 in front of the line; grows steadily over the crown and down the back (where it is large and the rise no
 * longer matters), and is continuous everywhere. Design choice (an approximation to the geodesic distance).
 */
export function frontalArc(p: V3, r: HairRegion): number {
  // the frontal line ends at the temporal line (|x| ≈ 50–56 mm): further out, p is measured from its end
  const ax = Math.min(Math.abs(p[0]), VAULT_SPHERE.lineEnd);
  const R = VAULT_SPHERE.r;
  const ly = r.frontalY(ax) - VAULT_SPHERE.y;
  const lz = Math.sqrt(Math.max(R * R - ax * ax - ly * ly, 0));
  const v: V3 = [p[0], p[1] - VAULT_SPHERE.y, p[2]];
  const angle = Math.acos(Math.max(-1, Math.min(1, v[2] / (Math.hypot(...v) || 1))));
  return R * (angle - Math.acos(Math.min(1, lz / R)));
}

/**
 * A hair thickness `full` (mm, ≥ 0) at p limited to HAIR_RISE behind the region's frontal hairline (frontalArc: over
 * the front and the upper sides; it is ≥ 30 mm over the parietal and the back), by a smooth minimum that keeps 0 at 0 and leaves `full` where the
 * rise allows more (the crown, the sides). Both patients' hair goes through it.
 */
export function risenThickness(full: number, p: V3, r: HairRegion): number {
  // the frontal line's arc only: the temporal and nape lines keep their own ramp (hairRegionSigned is a distance only
  // near its lines, and a rise measured from two lines at once stepped where the nearer one changed)
  const u = Math.max(0, frontalArc(p, r) + 1);
  const beyond = Math.max(0, u - HAIR_RISE.front);
  const rise = HAIR_RISE.slope * u + 0.5 * HAIR_RISE.curvature * u * u + HAIR_RISE.beyond * beyond ** 3;
  if (full <= 0 || rise <= 0) return 0;
  // p-norm soft minimum: ≤ min(full, rise), within 0.3 % of it once one is twice the other
  return (full * rise) / (full ** 6 + rise ** 6) ** (1 / 6);
}

/** The hair's parting: x of the side parting (subject's left), its groove depth and half-width, mm. Design choice. */
export const HAIR_PARTING = { x: 22, depth: 2.2, halfWidth: 1.9, length: 85 } as const;

/** Depth of the parting's groove at p (mm, ≥ 0): along x = HAIR_PARTING.x from the frontal hairline backward. */
export function partingDepth(p: V3, s: HairlineSpec): number {
  const front = s.trichion[2] + 6, back = front - HAIR_PARTING.length;
  if (p[1] < s.trichion[1] - 10 || p[2] > front + 4 || p[2] < back - 10) return 0;
  const t = (p[0] - HAIR_PARTING.x) / HAIR_PARTING.halfWidth;
  const along = smoothstep(back - 10, back + 25, p[2]) * (1 - smoothstep(front - 8, front + 4, p[2]));
  return HAIR_PARTING.depth * Math.exp(-t * t) * along;
}

/**
 * How far the woman's hair surface stands above the scalp at p (mm, head frame; p may be on the scalp or on the
 * hair, the function varies slowly across that gap): HAIR_THICKNESS by region, ramping up from nothing at the
 * hairline (no faster than HAIR_RISE behind the frontal line), less the parting's groove. Used by the head's field
 * (head-sdf.ts) and, to undo it, by the man's build (male.ts).
 */
export function hairThickness(p: V3, s: HairlineSpec): number {
  const region = hairRegionOf(s);
  const signed = hairRegionSigned(p, region);
  const inside = smoothstep(-1, 24, signed);
  if (inside <= 0) return 0;
  const [, y, z] = p;
  const ax = Math.abs(p[0]);
  const t = s.trichion;
  // over the top of the head, fullest toward the front of the crown, less over the occiput drawn down to the bun
  const top = smoothstep(t[1] - 50, t[1] + 25, y) * (1 - 0.35 * smoothstep(-40, -90, z));
  // the upper sides, above the ears (clear of the helix) and behind the temporal line (never over the temple's bare
  // skin: `inside`)
  const side = smoothstep(t[1] - 50, t[1] - 20, y) * (1 - smoothstep(t[1] + 5, t[1] + 40, y)) * smoothstep(42, 64, ax) * (1 - smoothstep(-50, -85, z));
  const h = risenThickness(inside * (lerp(HAIR_THICKNESS.tight, HAIR_THICKNESS.crown, top) + HAIR_THICKNESS.parietal * side), p, region);
  return Math.max(0, h - partingDepth(p, s) * smoothstep(0, 6, h));
}

/**
 * How far the hair's surface at p is raised by its locks and swells, and on the bun by its coil, mm, along the surface
 * normal: lockRelief where the hair is ≥ 8 mm thick, less where it thins out to the hairline (so the locks' mean
 * lift comes in no faster than the hair's own rise, HAIR_RISE), plus bunRelief. Applied to the finished skin meshes
 * (build-head.ts), not to the field the simplifier and every measurement of the head work from, so the face, the
 * layers and the skull are the same with or without it; the man's build takes it away with her hair (male.ts).
 */
export function lockDisplacement(p: V3, s: HairlineSpec): number {
  const h = hairThickness(p, s);
  return (h > 0 ? smoothstep(0, 8, h) * lockRelief(p, s) : 0) + bunRelief(p, s);
}

/** Ellipsoidal radius of p about the bun (1 on the bun's ellipsoid, hair.ts HairlineSpec bunCentre, bunRadii). */
export function bunRadius(p: V3, s: HairlineSpec): number {
  const c = s.bunCentre, r = s.bunRadii;
  return Math.hypot((p[0] - c[0]) / r[0], (p[1] - c[1]) / r[1], (p[2] - c[2]) / r[2]);
}

/**
 * The hair's relief, mm in [0, 1.1]: locks drawn back toward the bun (ridges along the combing meridians, ≈ 8–14 mm
 * apart round the crown: the tension lines from the hairline to the bun) and a few broad swells (hair is never an
 * even shell: the outline wanders by ≈ ½ mm). The finer locks fade where the meridians crowd together toward the bun
 * (finer than the mesh), the coarsest run on into the crease where the bun sits, so the locks meet it. Design choice
 * (amplitudes judged on the screenshots).
 */
export function lockRelief(p: V3, s: HairlineSpec): number {
  const a = combAzimuth(p, womanComb(s));
  const fromBun = Math.hypot(p[0] - s.bunCentre[0], p[1] - s.bunCentre[1], p[2] - s.bunCentre[2]);
  const fine = smoothstep(40, 58, fromBun);
  const locks = 0.5 * fine * Math.sin(47 * a) + 0.3 * smoothstep(50, 72, fromBun) * Math.sin(79 * a + 1.1) + (0.2 + 0.6 * (1 - fine)) * Math.sin(29 * a + 2.3);
  const swells = Math.sin(5 * a + 0.6) * Math.sin(0.045 * p[1] + 0.02 * p[2] + 1.2);
  // raised only (never sunk below the hair's thickness: the layers and the bone are placed under that surface), and
  // by little enough that the vault's soft tissue measured to the hair (skull.ts) stays within its 1.5 mm SD
  return smoothstep(1, 1.2, bunRadius(p, s)) * (0.35 * (1 + locks) + 0.2 * (1 + swells));
}

/**
 * The bun as hair wound into a coil: `turn` mm between the turns of the coil (measured over the bun from its back
 * pole), `depth` mm the rise of a turn over the crease between two, `lumps` mm the wander of its outline, `strands`
 * fine strands across one turn (an integer: the across-strand phase then meets itself round the bun), `radius` mm the
 * bun's mean radius the turns are measured with. Design choice (judged on the oblique and profile screenshots).
 */
export const BUN_COIL = { turn: 11.7, depth: 2.4, lumps: 1.8, strands: 9, radius: 28 } as const;

/**
 * Where p lies on the bun's coil: the bun's axis d (from the head's centre through the bun's centre), p's azimuth `a`
 * about it (radians), its angle `gamma` from the back pole (radians), its distance `rho` from the axis (mm), and
 * `coil`, the spiral coordinate that rises by 1 per turn (an Archimedean spiral over the bun: BUN_COIL.turn mm per
 * turn from the pole, one start), so its level lines are the coil's turns and the strands along them.
 */
export function bunCoil(p: V3, bunCentre: V3): { d: V3; a: number; gamma: number; rho: number; coil: number; q: V3 } {
  const d = norm(sub(bunCentre, [0, 20, 0]));
  const [e1, e2] = azimuthFrame(d);
  const q = sub(p, bunCentre);
  const len = Math.hypot(...q) || 1;
  const a = Math.atan2(dot(q, e2), dot(q, e1));
  const gamma = Math.acos(Math.max(-1, Math.min(1, dot(q, d) / len)));
  return { d, a, gamma, rho: len * Math.sin(gamma), q, coil: (BUN_COIL.radius * gamma) / BUN_COIL.turn + (a + Math.PI) / (2 * Math.PI) };
}

/**
 * How much of the bun's coil shows at p, in [0, 1]: the bun's surface, fading out at its back pole (where the spiral
 * starts) and toward the crease where it meets the head, gone by 1.1 bun radii: there the strands switch from the
 * coil to the head's meridians (strandAt), and relief pushing the surface across that line would scatter the switch.
 */
function coilWeight(p: V3, s: HairlineSpec, gamma: number): number {
  return (1 - smoothstep(0.97, 1.09, bunRadius(p, s))) * smoothstep(0.08, 0.3, gamma);
}

/**
 * The bun's relief, mm (≈ −1.3 to 3): the coil's turns (rounded, with a crease between two), and a few broad lumps
 * so its outline is not a perfect ellipse. 0 off the bun. Design choice (BUN_COIL).
 */
export function bunRelief(p: V3, s: HairlineSpec): number {
  if (bunRadius(p, s) > 1.3) return 0;
  const c = bunCoil(p, s.bunCentre);
  const turns = BUN_COIL.depth * Math.sqrt(Math.abs(Math.sin(Math.PI * c.coil)));
  const lumps = BUN_COIL.lumps * (0.6 * Math.sin(2 * c.a + 1.3) + 0.4 * Math.sin(3 * c.a + 0.4)) * smoothstep(0.3, 1.2, c.gamma);
  return coilWeight(p, s, c.gamma) * (turns + lumps);
}

/** Shading of the bun's coil in [0.65, 1]: the crease between two turns darker (the light does not reach into it). Design choice. */
export function bunShade(p: V3, s: HairlineSpec): number {
  if (bunRadius(p, s) > 1.3) return 1;
  const c = bunCoil(p, s.bunCentre);
  return 1 - 0.35 * coilWeight(p, s, c.gamma) * (1 - Math.abs(Math.sin(Math.PI * c.coil))) ** 2;
}

/** Hair mask in [0, 1] with a soft edge (wide enough to hide the mesh's triangles along it). */
export function hairWeight(p: V3, s: HairlineSpec): number {
  return hairRegionWeight(p, hairRegionOf(s));
}

/**
 * Strand-direction shading factor (≈ 0.88–1.12; the fine strands are the shader's, src/scene/hairShading.ts): hair combed from the hairline back to the bun runs along the
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
  return 1 + 0.12 * lerp(stripes(phi), stripes(theta), inBun);
}

/**
 * Strand cycles once round the combing axis: the skin shader (src/scene/hairShading.ts HAIR_STRAND_CYCLES) reads
 * `_STRAND.x × this` as the across-strand coordinate, ≈ 1.5 mm per cycle round the crown (2π × ≈ 90 mm / 384).
 * Design choice (fine enough to read as strands at the consult framing, coarse enough to stay above a pixel).
 */
export const STRAND_CYCLES = 384;

/** The line the hair is combed along, as meridians about it: from `front` (on bare skin) to `back`. */
export interface CombAxis {
  readonly front: V3;
  readonly back: V3;
  /** The bun the strands wrap round (centre, radii), if there is one. */
  readonly bun?: { readonly centre: V3; readonly radii: V3 };
}

/**
 * The woman's combing: every strand from the frontal and temporal hairline back along a meridian of the axis from
 * the forehead (≈ 28 mm below the trichion, bare skin: the fan's pole stays out of the hair) to the bun's centre,
 * then wound round the bun. Design choice.
 */
export function womanComb(s: HairlineSpec): CombAxis {
  return { front: [0, s.trichion[1] - 28, s.trichion[2] + 8], back: s.bunCentre, bun: { centre: s.bunCentre, radii: s.bunRadii } };
}

/**
 * The man's short hair combed back from his hairline toward the nape: the same meridians, the axis ending below
 * his nape hairline (bare skin), and starting low on his forehead (his hairline is ≈ 9 mm lower than hers,
 * male.ts maleHairRegion), so neither pole is in his hair. Design choice.
 */
export function manComb(s: HairlineSpec): CombAxis {
  return { front: [0, s.trichion[1] - 40, s.trichion[2] + 12], back: [0, -78, -62] };
}

/** Azimuth frame about an axis direction d: e1 the "up" perpendicular (φ = 0 on the top midline), e2 = d × e1. */
function azimuthFrame(d: V3): [V3, V3] {
  const up: V3 = [0, 1, 0];
  const e1 = norm(sub(up, [d[0] * d[1], d[1] * d[1], d[2] * d[1]]));
  return [e1, cross(d, e1)];
}

/** Azimuth of p about the comb axis (radians, 0 on the top midline, ±π on the lower midline). */
export function combAzimuth(p: V3, comb: CombAxis): number {
  const d = norm(sub(comb.back, comb.front));
  const [e1, e2] = azimuthFrame(d);
  const v = sub(p, comb.front);
  return Math.atan2(dot(v, e2), dot(v, e1));
}

/**
 * The strand at p on the scalp (mm, head frame) with outward unit normal n: `phase` in [0, 1) across the strands
 * (× STRAND_CYCLES in the shader; continuous over the hair, its seam where it wraps runs down the lower midline —
 * the face, the neck, the nape under the bun), and `dir`, the unit strand direction in the surface's tangent plane.
 * On the head the strands follow the comb axis's meridians (drawn back, converging into the bun: the tension
 * lines); on the bun they follow its coil's turns (bunCoil, BUN_COIL.strands across a turn). Design choice.
 */
export function strandAt(p: V3, n: V3, comb: CombAxis): { phase: number; dir: V3 } {
  let phase: number;
  let dir: V3;
  const b = comb.bun;
  const q = b ? sub(p, b.centre) : ([0, 0, 0] as V3);
  if (b && Math.hypot(q[0] / b.radii[0], q[1] / b.radii[1], q[2] / b.radii[2]) < 1.1) {
    // the bun: the strands follow the coil's turns (bunCoil), BUN_COIL.strands of them across a turn
    const c = bunCoil(p, b.centre);
    phase = (BUN_COIL.strands * c.coil) / STRAND_CYCLES;
    // the coil coordinate's gradient: over the bun from its pole (meridian m) and round its axis (azimuth)
    const len = Math.hypot(...c.q) || 1;
    const qh: V3 = [c.q[0] / len, c.q[1] / len, c.q[2] / len];
    const m = norm(sub(scale(qh, dot(qh, c.d)), c.d));
    const round = norm(cross(c.d, qh));
    const g = add(scale(m, BUN_COIL.radius / (BUN_COIL.turn * len)), scale(round, 1 / (2 * Math.PI * Math.max(c.rho, 1))));
    dir = cross(n, g);
  } else {
    const d = norm(sub(comb.back, comb.front));
    const v = sub(p, comb.front);
    phase = combAzimuth(p, comb) / (2 * Math.PI) + 0.5;
    // the meridian: in the half-plane through the axis and p, so across the azimuthal direction
    dir = cross(n, norm(cross(d, v)));
  }
  const t = norm(sub(dir, [n[0] * dot(dir, n), n[1] * dot(dir, n), n[2] * dot(dir, n)]));
  return { phase: Math.min(phase, 1 - 1e-6), dir: t };
}

/**
 * The skin's strand attributes for the hair shading (src/scene/hairShading.ts): `hair` (VEC4 in [−1, 1]: the unit
 * strand direction, object space, and 1 − the hair weight, so that a geometry without it reads "no hair") and `strand` (SCALAR in [0, 1): the across-strand phase,
 * hair.ts strandAt), from each vertex's position and normal. Shared by both patients' builds.
 */
export function strandAttributes(positions: Float32Array, normals: ArrayLike<number>, comb: CombAxis, weight: (p: V3) => number) {
  const n = positions.length / 3;
  const hair = new Float32Array(n * 4), strand = new Uint16Array(n);
  for (let i = 0; i < n; i++) {
    const p: V3 = [positions[i * 3]!, positions[i * 3 + 1]!, positions[i * 3 + 2]!];
    const w = weight(p);
    // bare skin: no hair (1 − weight = 1) and zeros, which the file's compression all but removes
    if (w <= 0) {
      hair[i * 4 + 3] = 1;
      continue;
    }
    const s = strandAt(p, [normals[i * 3]!, normals[i * 3 + 1]!, normals[i * 3 + 2]!], comb);
    hair.set([s.dir[0], s.dir[1], s.dir[2], 1 - w], i * 4);
    strand[i] = Math.round(s.phase * 65535);
  }
  return { hair, strand };
}

/** Every attribute but the strand phase is quantized (8 bits would break the strands: it is stored in 16 already). */
export const HAIR_QUANTIZE_PATTERN = /^(?!_STRAND$)/;
