// The months after a lift: how much of each technique's lift is still there, and the ageing that goes on
// meanwhile. Composes the engine's outputs (typed arrays in, typed arrays out); the solve is untouched.
//
//   evaluate(model, solution, t, out);                  // the face at the end of the procedure (engine)
//   applyMonths(model, solution, months, out);           // the same face `months` later
//
// Sources: ../shared/reference/outcomes-and-face-norms.md §1 (how far and how long tissue moves after a lift) and
// §3 (ageing magnitudes: none in mm per unit time — the ageing rate below is a design choice), and
// ../shared/reference/anatomy-and-procedures.md §5.3 (longevity).
import type { RegionId, TechniqueId } from '../ids.ts';
import { REGIONS } from '../ids.ts';
import { pullDirection } from '../procedures/tractionLines.ts';
import { MAX_MONTHS } from '../url/deepLink.ts';
import type { LayerDisplacements, RegionLift } from './api.ts';
import { ENGINE_LAYERS } from './layers.ts';
import type { TissueModel } from './model.ts';
import { siteVertical, type SiteId } from './sites.ts';
import { liftNodeField, regionLift } from './measures.ts';
import { toVertexFields, type TechniqueSolution, type VertexFields } from './solve.ts';

/** Upper end of the months axis (deep link `months=<0..24>`, the consult slider). */
export const MONTHS_MAX = MAX_MONTHS;

/**
 * Where a retention curve's numbers come from:
 * - `literature`: points copied from a published figure (the reference sheet's §1 row is named in `source`);
 * - `clinic-claim`: the clinic's own statement with no published figure — shown on screen as the clinic's claim;
 * - `design-choice`: no source gives it; the app's choice, said so on screen.
 */
export type RetentionBasis = 'literature' | 'clinic-claim' | 'design-choice';

export interface RetentionCurve {
  /**
   * (months after the operation, fraction of the month-0 lift still present), months strictly increasing from 0,
   * fractions in [0, 1] and non-increasing, first point (0, 1). Interpolated monotonically (see `retention`);
   * after the last point the fraction stays at the last value.
   */
  readonly points: readonly (readonly [months: number, fraction: number])[];
  readonly basis: RetentionBasis;
  /** Short citation shown with the curve (authors, journal, year); empty when there is none. */
  readonly source: string;
  /** Which point comes from where, and what is the app's choice. */
  readonly note: string;
}

/** Surgical short-scar lifts: no millimetre or time-course source exists for either mini lift (§1: "No mm for any
 * short-scar lift was found"). Design choice BETWEEN the full facelift (literature, below) and the threads: MACS
 * and lateral SMASectomy did not differ at 24 months, yet > 50 % needed a tuck for jowl/skin by then (Prado 2006,
 * §1), so they keep less than the full facelift (92 % at 24 months on its curve). One curve for both mini lifts:
 * they differ in where they lift, not — by any source — in how long it lasts. */
const MINI_LIFT: RetentionCurve = {
  points: [
    [0, 1],
    [3, 0.9],
    [24, 0.75],
    [66, 0.6],
  ],
  basis: 'design-choice',
  source: '',
  note:
    'Design choice between the facelift (Jones & Lo 2012) and the threads; MACS vs lateral SMASectomy: > 50 % needed a tuck by 24 months (Prado 2006).',
};

/**
 * Retention of the month-0 lift per technique, as data. Fractions of the lift (relative to the sagged face) that
 * remain `months` after the operation.
 */
export const RETENTION: Readonly<Record<TechniqueId, RetentionCurve>> = {
  facelift: {
    // Jones & Lo, PRS 2012 (§1): jowl +6 mm with 21 % relapse at 5.5 years (66 months) → 0.79 at 66 months. The
    // abstract does not say when within those years the relapse happened: straight between the two points
    // (design choice). Sundine 2010 (§1): SMAS facelifts last ~12 years to a secondary lift — consistent.
    points: [
      [0, 1],
      [66, 0.79],
    ],
    basis: 'literature',
    source: 'Jones & Lo, PRS 2012 (21 % relapse at 5.5 y); Sundine et al., PRS 2010 (~12 y)',
    note: '0.79 at 66 months from the 21 % jowl relapse at 5.5 years; straight in between (timing not reported).',
  },
  traditional: MINI_LIFT,
  smile: MINI_LIFT,
  thread: {
    // The clinic: conventional threads "last a short time"; its dual method fixes the threads firmly in two
    // layers (DESIGN.md). No published figure for any dermal + fascial thread technique (§1, anatomy §5.3 "Gap").
    // The numbers are the app's rendering of the clinic's claim: longer than conventional threads, shorter than
    // the surgical lifts (the literature ranks surgical above threads in duration, §1).
    points: [
      [0, 1],
      [3, 0.8],
      [12, 0.55],
      [24, 0.4],
    ],
    basis: 'clinic-claim',
    source: '',
    note: "The clinic's claim that the dual method holds longer; no published figure; numbers are the app's choice.",
  },
  'thread-conventional': {
    // Contour threads (Laryngoscope 2008, §1): nasolabial fold 2.3 mm flatter, "back to baseline by 90 days".
    // PDO barbed threads (Bertossi, §1): improvement immediately and for 1 month, "declined noticeably by 6
    // months", "absent by 1 year". Month 1: 0.8 (Bertossi's "for 1 month"; the exact fraction is a design choice);
    // month 3: 0.05 (Contour's baseline, with a small remainder because Bertossi's PDO threads still showed some
    // at 6 months — design choice); month 12: 0 (Bertossi).
    points: [
      [0, 1],
      [1, 0.8],
      [3, 0.05],
      [12, 0],
    ],
    basis: 'literature',
    source: 'Contour threads, Laryngoscope 2008 (baseline by 90 days); Bertossi et al., ASJ 2018 (absent by 1 year)',
    note: 'Month 3 from the Contour study, month 12 from Bertossi; month 1 and the 5 % remainder at month 3 are design choices.',
  },
};

/** Monotone cubic (Fritsch–Carlson) slopes at the points of a curve. */
function monotoneSlopes(points: RetentionCurve['points']): Float64Array {
  const n = points.length;
  const m = new Float64Array(n);
  if (n < 2) return m;
  const d = new Float64Array(n - 1);
  for (let k = 0; k < n - 1; k++) d[k] = (points[k + 1]![1] - points[k]![1]) / (points[k + 1]![0] - points[k]![0]);
  m[0] = d[0]!;
  m[n - 1] = d[n - 2]!;
  for (let k = 1; k < n - 1; k++) m[k] = d[k - 1]! * d[k]! <= 0 ? 0 : (d[k - 1]! + d[k]!) / 2;
  for (let k = 0; k < n - 1; k++) {
    if (d[k] === 0) {
      m[k] = 0;
      m[k + 1] = 0;
      continue;
    }
    const a = m[k]! / d[k]!, b = m[k + 1]! / d[k]!;
    const s = a * a + b * b;
    if (s > 9) {
      const tau = 3 / Math.sqrt(s);
      m[k] = tau * a * d[k]!;
      m[k + 1] = tau * b * d[k]!;
    }
  }
  return m;
}

const slopeCache = new WeakMap<RetentionCurve, Float64Array>();

/**
 * Value of a retention curve at `months` (≥ 0; NaN or negative reads as 0): a monotone cubic through the points
 * (never overshoots, so the fraction never rises and stays in [0, 1]); after the last point, the last value.
 */
export function curveAt(curve: RetentionCurve, months: number): number {
  const p = curve.points;
  const x = Number.isFinite(months) && months > 0 ? months : 0;
  if (x <= p[0]![0]) return p[0]![1];
  const last = p[p.length - 1]!;
  if (x >= last[0]) return last[1];
  let slopes = slopeCache.get(curve);
  if (!slopes) slopeCache.set(curve, (slopes = monotoneSlopes(p)));
  let k = 0;
  while (x > p[k + 1]![0]) k++;
  const [x0, y0] = p[k]!, [x1, y1] = p[k + 1]!;
  const h = x1 - x0, t = (x - x0) / h;
  const t2 = t * t, t3 = t2 * t;
  const y = (2 * t3 - 3 * t2 + 1) * y0 + (t3 - 2 * t2 + t) * h * slopes[k]! + (-2 * t3 + 3 * t2) * y1 + (t3 - t2) * h * slopes[k + 1]!;
  return Math.min(1, Math.max(0, y));
}

/** Fraction in [0, 1] of the technique's month-0 lift still present `months` after the operation. */
export function retention(technique: TechniqueId, months: number): number {
  return curveAt(RETENTION[technique], months);
}

/**
 * Ageing goes on after the operation: sag (the engine's 0–1 ageing scale) added per month. DESIGN CHOICE: no
 * source gives millimetres of descent per unit time (§3); the sag scale's full value is taken as about 20 years
 * of ageing (1/240 per month), so 24 months add 0.1 — about 0.6 mm at the jowl with the engine's full-sag
 * jowl descent.
 */
export const AGEING_SAG_PER_MONTH = 1 / 240;

/** Sag added by `months` of ageing (≥ 0; NaN or negative months read as 0). */
export function ageingSag(months: number): number {
  return Number.isFinite(months) && months > 0 ? months * AGEING_SAG_PER_MONTH : 0;
}

const unitSag = new WeakMap<TissueModel, VertexFields>();

/** The engine's sag field at sag = 1 per render vertex (mm), computed once per model. */
export function unitSagField(model: TissueModel): VertexFields {
  let f = unitSag.get(model);
  if (!f) unitSag.set(model, (f = toVertexFields(model, model.sagUnit)));
  return f;
}

/**
 * The face `months` after the operation, from the engine's evaluation at the same timeline progress: in place,
 * per layer and vertex (mm, relative to the rest model),
 *   out = sagged + retention(technique, months) × (out − sagged) + ageingSag(months) × sagUnit
 * where `sagged` is the solution's sag field (the face before the operation). The engine's sag field is linear in
 * the sag (model.ts: sag × sagUnit), so the ageing term is the same face aged by `ageingSag(months)` more; beyond
 * sag = 1 it continues linearly. `out` must come from `evaluate(model, solution, …)`. No allocation after the first
 * call per model; months = 0 leaves `out` unchanged.
 */
export function applyMonths(model: TissueModel, solution: TechniqueSolution, months: number, out: LayerDisplacements): void {
  if (!(months > 0)) return;
  const kept = retention(solution.technique, months);
  const aged = ageingSag(months);
  const unit = unitSagField(model);
  for (const ln of ENGINE_LAYERS) {
    const o = out[ln], s = solution.sagField[ln], u = unit[ln];
    for (let i = 0; i < o.length; i++) o[i] = s[i]! + kept * (o[i]! - s[i]!) + aged * u[i]!;
  }
}

/**
 * Per-region lift `months` after the operation relative to the face BEFORE it (mm; vertical and along the
 * technique's pull, region-weighted means over skin nodes as in `regionLift`): retention × the month-0 lift plus
 * the ageing meanwhile (a descent, so negative when vertical). At months = 0 it equals `regionLift`.
 */
export function regionLiftAfter(model: TissueModel, solution: TechniqueSolution, months: number): RegionLift {
  const lift = regionLift(model, solution);
  const kept = retention(solution.technique, months);
  const aged = ageingSag(months);
  const ageing = aged > 0 ? regionMeans(model, model.sagUnit, solution.params.vectorAngleDeg) : null;
  const out = {} as Record<RegionId, { vertical: number; alongPull: number }>;
  for (const r of REGIONS) {
    out[r] = {
      vertical: kept * lift[r].vertical + (ageing ? aged * ageing[r].vertical : 0),
      alongPull: kept * lift[r].alongPull + (ageing ? aged * ageing[r].alongPull : 0),
    };
  }
  return out;
}

/**
 * Vertical lift at each measurement site (sites.ts: jowl, lid–cheek junction) `months` after the operation,
 * relative to the face BEFORE it, mm: retention × the month-0 lift plus the ageing meanwhile, as `regionLiftAfter`.
 */
export function siteLiftAfter(model: TissueModel, solution: TechniqueSolution, months: number): Record<SiteId, number> {
  const lift = siteVertical(model, liftNodeField(solution));
  const kept = retention(solution.technique, months);
  const aged = ageingSag(months);
  const ageing = aged > 0 ? siteVertical(model, model.sagUnit) : null;
  const out = {} as Record<SiteId, number>;
  for (const site of Object.keys(lift) as SiteId[]) out[site] = kept * lift[site] + (ageing ? aged * ageing[site] : 0);
  return out;
}

/** Region-weighted means of a global-node field over the skin: vertical and along the pull (mirrored per side). */
function regionMeans(model: TissueModel, field: Float64Array, vectorAngleDeg: number): RegionLift {
  const dl = pullDirection(vectorAngleDeg, 'l');
  const dr = pullDirection(vectorAngleDeg, 'r');
  const w = new Float64Array(REGIONS.length), vert = new Float64Array(REGIONS.length), along = new Float64Array(REGIONS.length);
  const skin = model.layers.skin;
  for (let k = 0; k < skin.mesh.nodeCount; k++) {
    const g = skin.offset + k;
    const d = model.nodePos[3 * g]! >= 0 ? dl : dr;
    const ux = field[3 * g]!, uy = field[3 * g + 1]!, uz = field[3 * g + 2]!;
    const a = ux * d[0] + uy * d[1] + uz * d[2];
    for (let r = 0; r < REGIONS.length; r++) {
      const wr = model.skinNodeRegions[k * REGIONS.length + r]!;
      if (wr <= 0) continue;
      w[r]! += wr;
      vert[r]! += wr * uy;
      along[r]! += wr * a;
    }
  }
  const out = {} as Record<RegionId, { vertical: number; alongPull: number }>;
  REGIONS.forEach((r, i) => {
    out[r] = { vertical: w[i]! > 0 ? vert[i]! / w[i]! : 0, alongPull: w[i]! > 0 ? along[i]! / w[i]! : 0 };
  });
  return out;
}
