// Retaining ligaments as fibrous bands from their bony origin on the placed skull to their dermal insertion, and
// the zygomaticus major and minor as muscle bellies in the SMAS layer. Positions follow
// ../shared/reference/anatomy-and-procedures.md §2.1 and outcomes-and-face-norms.md §1; the numbers are in
// src/core/anatomy/dimensions.ts with their rows, design choices say so.
import {
  LIGAMENT_BAND_WIDTH,
  MOL_ABOVE_BORDER,
  MOL_LATERAL,
  SMAS_DEPTH_BUCCAL,
  ZYGOMATICUS_MAJOR_TO_FH_DEG,
} from '../../src/core/anatomy/dimensions.ts';
import type { Landmarks } from './anatomy-map.ts';
import { type V3, add, cross, dist, dot, lerp, norm, scale, smoothstep, sub } from './geom.ts';
import { MeshQuery, type TriangleMesh } from './mesh-query.ts';
import type { PlacedSkull } from './skull.ts';

export const LIGAMENT_NAMES = ['zygomatic-ligament', 'upper-masseteric-ligament', 'mandibular-ligament', 'orbital-retaining-ligament'] as const;
export type LigamentLandmarkName = (typeof LIGAMENT_NAMES)[number];

/** Origin (deep end) and insertion (dermis) per ligament and side, mm. */
export type LigamentAnchors = Record<LigamentLandmarkName, Record<'l' | 'r', { origin: V3; insertion: V3 }>>;

/** Depth of the insertion below the skin surface: the dermis. Sheet §1.2 dermis ≈ 0.8–1.1 mm + epidermis; design choice 1.5 mm. */
const DERMIS_DEPTH = 1.5;
/**
 * The upper masseteric ligament is fasciocutaneous (sheet §2.1: parotid-masseteric fascia → SMAS/dermis): its deep
 * end lies on the masseteric fascia, this fraction of the way from the ramus to the skin. Design choice (the
 * masseter fills about half of the 19.5 mm mid-ramus soft tissue, sheet §4).
 */
const MASSETERIC_FASCIA_FRACTION = 0.45;

const mirror = (p: V3): V3 => [-p[0], p[1], p[2]];

/**
 * Finds each ligament's origin on the placed skull and its insertion in the dermis above it.
 * - zygomatic (MZRL): insertion at the skin point the bone-free landmark pass placed at the sourced tragus distance
 *   (anatomy-map.ts), origin on the inferior border of the zygoma / arch nearest to it (sheet §2.1, Furnas 1989).
 * - upper masseteric: insertion as placed (tragus distance, below the MZRL), origin on the masseteric fascia.
 * - mandibular (MOL): origin on the mandible MOL_LATERAL mm along the inferior border from the midline and
 *   MOL_ABOVE_BORDER mm above it (Kang 2016; "lateral to the midline" taken along the border), insertion in the
 *   dermis nearest to it.
 * - orbicularis retaining ligament: origin on the inferolateral orbital rim (where it is tightest, Muzaffar 2002),
 *   insertion in the dermis below the lateral canthus.
 */
export function ligamentAnchors(skull: PlacedSkull, skin: TriangleMesh, pre: Landmarks): LigamentAnchors {
  const skinQ = new MeshQuery(skin);
  const cranQ = new MeshQuery(skull.cranium);
  const mandQ = new MeshQuery(skull.mandible);
  const bl = (name: string, side: 'l' | 'r' | 'mid'): V3 => {
    const l = skull.boneLandmarks.find((b) => b.name === name && b.side === side);
    if (!l) throw new Error(`ligament anchors: bone landmark ${name}-${side} missing`);
    return l.bone;
  };
  const dermisAbove = (p: V3): V3 => {
    const c = skinQ.closest(p);
    return add(c.point, scale(norm(sub(p, c.point)), DERMIS_DEPTH));
  };
  const dermisAt = (skinPoint: V3): V3 => {
    const c = skinQ.closest(skinPoint);
    return sub(c.point, scale(c.normal, DERMIS_DEPTH));
  };
  const out = {} as LigamentAnchors;
  for (const n of LIGAMENT_NAMES) out[n] = {} as LigamentAnchors[typeof n];
  // the left side is constructed; the right side mirrors it so both sides are the same anatomy
  {
    const side = 'l' as const;
    // zygomatic: lowest cranium point (inferior border of the zygoma/arch) within 22 mm of the insertion
    const zIns = dermisAt(pre['zygomatic-ligament-insertion-l']);
    const zyg = bl('zygion', side);
    let best: V3 | null = null;
    const cp = skull.cranium.positions;
    for (let i = 0; i < cp.length; i += 3) {
      const p: V3 = [cp[i]!, cp[i + 1]!, cp[i + 2]!];
      if (p[0] < zyg[0] - 22 || dist(p, zIns) > 24 || p[1] > zyg[1] + 4) continue;
      if (!best || p[1] + 0.15 * dist(p, zIns) < best[1] + 0.15 * dist(best, zIns)) best = p;
    }
    if (!best) throw new Error('ligament anchors: no zygoma under the zygomatic ligament');
    out['zygomatic-ligament'][side] = { origin: best, insertion: zIns };
    // upper masseteric: onto the masseteric fascia over the ramus
    const uIns = dermisAt(pre['upper-masseteric-ligament-insertion-l']);
    const ramus = mandQ.closest(uIns).point;
    out['upper-masseteric-ligament'][side] = { origin: add(ramus, scale(sub(uIns, ramus), MASSETERIC_FASCIA_FRACTION)), insertion: uIns };
    // mandibular: walk the inferior border from menton
    const menton = bl('menton', 'mid');
    const gonion = bl('gonion', side);
    const mp = skull.mandible.positions;
    const border: V3[] = [];
    const steps = 40;
    for (let k = 0; k <= steps; k++) {
      const t = k / steps;
      const c = [lerp(menton[0], gonion[0], t), lerp(menton[2], gonion[2], t)];
      let low: V3 | null = null;
      for (let i = 0; i < mp.length; i += 3) {
        if (Math.hypot(mp[i]! - c[0]!, mp[i + 2]! - c[1]!) > 6 || mp[i]! < -1) continue;
        if (!low || mp[i + 1]! < low[1]) low = [mp[i]!, mp[i + 1]!, mp[i + 2]!];
      }
      if (low) border.push(low);
    }
    let along = 0;
    let b = border[border.length - 1]!;
    for (let k = 1; k < border.length; k++) {
      const seg = dist(border[k - 1]!, border[k]!);
      if (along + seg >= MOL_LATERAL[0]) {
        const f = (MOL_LATERAL[0] - along) / seg;
        b = add(border[k - 1]!, scale(sub(border[k]!, border[k - 1]!), f));
        break;
      }
      along += seg;
    }
    // 9.1 mm above the border, on the outer surface (a ray from outside, lateral-forward, onto the mandible)
    const above: V3 = add(b, [0, MOL_ABOVE_BORDER[0], 0]);
    const outward = norm([1, 0, 0.6]);
    const hit = mandQ.firstHit(add(above, scale(outward, 30)), scale(outward, -1));
    const mOrigin = hit ? hit.point : mandQ.closest(above).point;
    out['mandibular-ligament'][side] = { origin: mOrigin, insertion: dermisAbove(mOrigin) };
    // orbicularis retaining ligament: inferolateral orbital rim = the most anterior bone on the radial line from the
    // orbit centre toward down-lateral (design choice: 45° below the horizontal)
    const sup = bl('supraorbital', side), inf = bl('infraorbital', side);
    const oc: V3 = scale(add(sup, inf), 0.5);
    const r = dist(sup, inf) / 2;
    let rim: V3 | null = null;
    for (let k = 0; k <= 30; k++) {
      const s = r * (0.6 + (0.8 * k) / 30);
      const x = oc[0] + s * Math.SQRT1_2, y = oc[1] - s * Math.SQRT1_2;
      const h = cranQ.firstHit([x, y, oc[2] + 60], [0, 0, -1]);
      if (h && (!rim || h.point[2] > rim[2])) rim = h.point;
    }
    if (!rim) throw new Error('ligament anchors: no inferolateral orbital rim');
    out['orbital-retaining-ligament'][side] = { origin: rim, insertion: dermisAt(pre['orbital-retaining-ligament-insertion-l']) };
  }
  for (const n of LIGAMENT_NAMES) out[n].r = { origin: mirror(out[n].l.origin), insertion: mirror(out[n].l.insertion) };
  return out;
}

interface MeshOut {
  positions: number[];
  indices: number[];
}

/** A tube along a polyline with radius per point, `sides` around (elliptic: radii a × b, a along `wide`). */
function tube(out: MeshOut, path: readonly V3[], ra: readonly number[], rb: readonly number[], sides: number, wideHint: V3): void {
  const base = out.positions.length / 3;
  for (let i = 0; i < path.length; i++) {
    const t = norm(sub(path[Math.min(i + 1, path.length - 1)]!, path[Math.max(i - 1, 0)]!));
    let w = sub(wideHint, scale(t, dot(wideHint, t)));
    if (Math.hypot(...w) < 1e-6) w = cross(t, [0, 0, 1]);
    w = norm(w);
    const u = norm(cross(t, w));
    for (let s = 0; s < sides; s++) {
      const a = (s / sides) * Math.PI * 2;
      out.positions.push(...add(path[i]!, add(scale(w, Math.cos(a) * ra[i]!), scale(u, Math.sin(a) * rb[i]!))));
    }
  }
  for (let i = 0; i + 1 < path.length; i++)
    for (let s = 0; s < sides; s++) {
      const a = base + i * sides + s, b = base + i * sides + ((s + 1) % sides);
      const c = a + sides, d = b + sides;
      out.indices.push(a, c, b, b, c, d);
    }
  // caps
  for (const [i, flip] of [[0, true], [path.length - 1, false]] as const) {
    const centre = out.positions.length / 3;
    out.positions.push(...path[i]!);
    for (let s = 0; s < sides; s++) {
      const a = base + i * sides + s, b = base + i * sides + ((s + 1) % sides);
      if (flip) out.indices.push(centre, b, a);
      else out.indices.push(centre, a, b);
    }
  }
}

/**
 * Each ligament as a fan of thin fibrous strands: narrow at the bony origin, spread over LIGAMENT_BAND_WIDTH at the
 * dermal insertion (the orbicularis retaining ligament wider, along the rim). Strand count, radius and fan shape are
 * design choices.
 */
export function ligamentBands(anchors: LigamentAnchors): TriangleMesh {
  const out: MeshOut = { positions: [], indices: [] };
  const STRANDS = 5;
  for (const side of ['l', 'r'] as const)
    for (const n of LIGAMENT_NAMES) {
      const { origin, insertion } = anchors[n][side];
      const axis = norm(sub(insertion, origin));
      const along: V3 = n === 'orbital-retaining-ligament' ? [1, 0.35 * (side === 'l' ? -1 : 1), 0] : [0, 0.25, 1];
      const w = norm(sub(along, scale(axis, dot(along, axis))));
      const width = LIGAMENT_BAND_WIDTH * (n === 'orbital-retaining-ligament' ? 1.8 : 1);
      for (let k = 0; k < STRANDS; k++) {
        const f = k / (STRANDS - 1) - 0.5;
        const path: V3[] = [];
        const r: number[] = [];
        const SEG = 6;
        for (let j = 0; j <= SEG; j++) {
          const t = j / SEG;
          const spread = lerp(0.25, 1, smoothstep(0, 1, t)) * width * f;
          // a slight wave so the strands read as fibres, not rods
          const wave = 0.35 * Math.sin(t * Math.PI * 2 + k) * Math.sin(t * Math.PI);
          path.push(add(add(origin, scale(sub(insertion, origin), t)), add(scale(w, spread), scale(norm(cross(axis, w)), wave))));
          r.push(lerp(0.8, 0.5, t)); // design choice: thick enough to read at consult distance
        }
        tube(out, path, r, r, 5, w);
      }
    }
  return { positions: Float32Array.from(out.positions), indices: Uint32Array.from(out.indices) };
}

export interface Muscle {
  readonly name: 'zygomaticus-major' | 'zygomaticus-minor';
  readonly side: 'l' | 'r';
  /** Bony origin on the zygoma, mm. */
  readonly origin: V3;
  /** Insertion (modiolus for the major; upper lip for the minor), mm. */
  readonly insertion: V3;
}

/**
 * Zygomaticus major and minor (sheet §1.1 layer 3a; outcomes sheet §1). The major runs from the body of the zygoma to
 * the modiolus, lateral to the oral commissure, at ZYGOMATICUS_MAJOR_TO_FH_DEG to the Frankfort horizontal
 * (measured in the frontal projection; FH ≈ the model's horizontal, design choice); the minor runs medial to it from
 * the zygoma to the upper lip. Origins are on the placed cranium.
 */
export function zygomaticus(skull: PlacedSkull, skin: TriangleMesh, lm: Landmarks): { mesh: TriangleMesh; muscles: Muscle[] } {
  const skinQ = new MeshQuery(skin);
  const cranQ = new MeshQuery(skull.cranium);
  const zyg = skull.boneLandmarks.find((b) => b.name === 'zygion' && b.side === 'l')!.bone;
  const infra = skull.boneLandmarks.find((b) => b.name === 'infraorbital' && b.side === 'l')!.bone;
  const under = (skinPoint: V3, depth: number): V3 => {
    const c = skinQ.closest(skinPoint);
    return sub(c.point, scale(c.normal, depth));
  };
  const bellyDepth = SMAS_DEPTH_BUCCAL + 1; // design choice: the belly's centre 1 mm under the SMAS's surface
  // modiolus: 10 mm lateral to the commissure (design choice), in the SMAS layer
  const com = lm['oral-commissure-l'];
  const modiolus = under(add(com, [10, 1, -4]), bellyDepth);
  // origin: the point of the zygoma body (below the infraorbital rim, on its anterolateral face) nearest to the line
  // at the sourced angle from the modiolus in the frontal projection
  const ang = (ZYGOMATICUS_MAJOR_TO_FH_DEG[0] * Math.PI) / 180;
  const dir2 = [Math.cos(ang), Math.sin(ang)] as const;
  let majorHit: { point: V3 } | null = null;
  let bestD = Infinity;
  const cp = skull.cranium.positions;
  for (let i = 0; i < cp.length; i += 3) {
    const p: V3 = [cp[i]!, cp[i + 1]!, cp[i + 2]!];
    if (p[2] < zyg[2] || p[1] > infra[1] - 6 || p[1] < infra[1] - 30 || p[0] < infra[0]) continue;
    const rx = p[0] - modiolus[0], ry = p[1] - modiolus[1];
    const off = Math.abs(rx * dir2[1] - ry * dir2[0]);
    if (off < bestD) [bestD, majorHit] = [off, { point: p }];
  }
  if (!majorHit) throw new Error('zygomaticus major: no zygoma body found');
  const majorOrigin = majorHit.point;
  // minor: origin 11 mm medial and 3 mm above the major's (design choice, still on the zygoma below the rim), to the
  // upper lip between the alar base and the commissure
  const minorHit = cranQ.firstHit([majorOrigin[0] - 11, Math.min(majorOrigin[1] + 3, infra[1] - 8), zyg[2] + 80], [0, 0, -1]);
  if (!minorHit) throw new Error('zygomaticus minor: no zygoma at its origin');
  const lip = scale(add(lm['alar-base-l'], com), 0.5);
  const minorIns = under(add(lip, [3, -4, -2]), bellyDepth - 1);
  const muscles: Muscle[] = [];
  const out: MeshOut = { positions: [], indices: [] };
  const belly = (origin: V3, insertion: V3, width: number, thick: number) => {
    const path: V3[] = [], ra: number[] = [], rb: number[] = [];
    const SEG = 14;
    for (let j = 0; j <= SEG; j++) {
      const t = j / SEG;
      const straight = add(origin, scale(sub(insertion, origin), t));
      // leave the bone, then run in the SMAS layer under the skin (never closer to the skin than the SMAS)
      const c = skinQ.closest(straight);
      const depthNow = Math.min(c.distance, lerp(c.distance, bellyDepth, smoothstep(0, 0.3, t)));
      path.push(t === 0 ? origin : sub(c.point, scale(c.normal, Math.max(depthNow, bellyDepth - 0.5))));
      const taper = Math.sin(Math.PI * lerp(0.12, 0.88, t));
      ra.push(width * 0.5 * taper);
      rb.push(thick * 0.5 * taper);
    }
    // the belly's width lies along the skin (perpendicular to the skin normal at its middle)
    const mid = skinQ.closest(path[SEG >> 1]!);
    tube(out, path, ra, rb, 8, norm(cross(mid.normal, sub(insertion, origin))));
  };
  for (const [side, f] of [['l', (p: V3) => p], ['r', mirror]] as const) {
    const o1 = f(majorOrigin), i1 = f(modiolus), o2 = f(minorHit.point), i2 = f(minorIns);
    muscles.push({ name: 'zygomaticus-major', side, origin: o1, insertion: i1 });
    muscles.push({ name: 'zygomaticus-minor', side, origin: o2, insertion: i2 });
    // widths: design choices (major ≈ 10 mm wide, 3 mm thick; minor 7 × 2 mm)
    belly(o1, i1, 10, 3);
    belly(o2, i2, 7, 2);
  }
  return { mesh: { positions: Float32Array.from(out.positions), indices: Uint32Array.from(out.indices) }, muscles };
}

/** Angle of a muscle's line to the horizontal in the frontal (x–y) projection, degrees (FH ≈ the model's horizontal). */
export function frankfortAngle(m: { origin: V3; insertion: V3 }): number {
  return (Math.atan2(Math.abs(m.origin[1] - m.insertion[1]), Math.abs(Math.abs(m.origin[0]) - Math.abs(m.insertion[0]))) * 180) / Math.PI;
}
