// Shapes MediaPipe's canonical face (already in the head frame, mm) toward the default patient — a Korean woman
// of 50–55 — with smooth displacements of the 468 mask vertices, before the mask is subdivided and blended into
// the head's SDF. Every target is a constant of src/core/anatomy/dimensions.ts that cites its row of the norms
// sheet (§5) or says "design choice"; the warp measures the canonical mask and moves it onto the target, so no
// vertex position is typed here.
import {
  ALAR_WIDTH_FEMALE,
  BROW_RIDGE_SOFTENING,
  FOREHEAD_CONVEXITY,
  INTERCANTHAL_WIDTH,
  LOWER_LIP_THINNING,
  LOWER_THIRD_FEMALE,
  MIDDLE_THIRD_FEMALE,
  MOUTH_WIDTH_FEMALE,
  NOSE_LENGTH_FEMALE,
  PALPEBRAL_FISSURE_LENGTH,
  UPPER_LIP_FULLNESS,
} from '../../src/core/anatomy/dimensions.ts';
import { type V3, smoothstep } from './geom.ts';

/** MediaPipe canonical indices used by the warp (left side; the right side is the mirror). */
export const MASK_INDEX = {
  glabella: 9,
  nasion: 168,
  pronasale: 4,
  subnasale: 2,
  menton: 152,
  stomion: [13, 14],
  upperLipTop: 0,
  lowerLipBottom: 17,
  medialCanthus: 362,
  lateralCanthus: 263,
  alare: 358,
  cheilion: 291,
  /** Brow, upper then lower contour, medial → lateral (left side). */
  browUpper: [336, 296, 334, 293, 300],
  browLower: [285, 295, 282, 283, 276],
} as const;

/**
 * The skin's menton lies this far below the mask's vertex 152 (the canonical mask stops short of the chin's
 * underside, which the fitted jaw completes); measured on the built skin, so the mask's lower third is aimed
 * this much shorter than the skin's target. Design choice.
 */
const MENTON_BELOW_MASK = 4.2;

/** Mirror index of a left-side mask vertex (found by position, so no table is typed). */
function mirrorIndex(pos: Float64Array, i: number): number {
  const x = -pos[i * 3]!, y = pos[i * 3 + 1]!, z = pos[i * 3 + 2]!;
  let best = i, bd = Infinity;
  for (let j = 0; j < pos.length / 3; j++) {
    const d = Math.hypot(pos[j * 3]! - x, pos[j * 3 + 1]! - y, pos[j * 3 + 2]! - z);
    if (d < bd) [best, bd] = [j, d];
  }
  return best;
}

/** Gaussian weight of an anisotropic bump centred at c with per-axis sigmas s. */
const bump = (p: V3, c: V3, s: V3): number => {
  const dx = (p[0] - c[0]) / s[0], dy = (p[1] - c[1]) / s[1], dz = (p[2] - c[2]) / s[2];
  return Math.exp(-0.5 * (dx * dx + dy * dy + dz * dz));
};

/**
 * Amounts (mm) of the likeness pass, added to the sourced directions above after looking at the head in the app:
 * fuller vermilion (women's fuller upper lip, norms sheet §5 Pongsri 2025 direction; the lower lip kept fuller than
 * LOWER_LIP_THINNING alone leaves it), a softer brow ridge and a more convex forehead (same row, and the glabellar
 * angle row). Design choices: not sourced amounts. Second pass, after the app's profile view: the lips sat
 * forward of the nose–chin line, so the mouth as a whole (lips and the skin around them) is set back by `lipsBack`.
 */
const LIKENESS = { upperLipPout: 1.1, lowerLipPout: 1.3, lipsBack: 1.4, browRidge: 1.2, forehead: 1.8 } as const;

export interface WarpReport {
  readonly before: Record<string, number>;
  readonly after: Record<string, number>;
}

/**
 * Warps `pos` (468 × xyz, mm, head frame, modified in place) toward the female norms and reports the measured
 * quantities before and after. The order matters: vertical thirds first (they move every feature), then the
 * widths, then the local reliefs (lips, brow ridge, forehead, nose tip).
 */
export function warpFemale(pos: Float64Array): WarpReport {
  const n = pos.length / 3;
  const P = (i: number): V3 => [pos[i * 3]!, pos[i * 3 + 1]!, pos[i * 3 + 2]!];
  const measure = (): Record<string, number> => {
    const d = (a: number, b: number): number => Math.hypot(...([0, 1, 2].map((k) => pos[a * 3 + k]! - pos[b * 3 + k]!) as [number, number, number]));
    const I = MASK_INDEX;
    return {
      intercanthal: d(I.medialCanthus, mirrorIndex(pos, I.medialCanthus)),
      fissure: d(I.medialCanthus, I.lateralCanthus),
      alar: d(I.alare, mirrorIndex(pos, I.alare)),
      mouth: d(I.cheilion, mirrorIndex(pos, I.cheilion)),
      middleThird: P(I.glabella)[1] - P(I.subnasale)[1],
      lowerThird: P(I.subnasale)[1] - P(I.menton)[1],
      noseLength: d(I.nasion, I.pronasale),
    };
  };
  const before = measure();
  const I = MASK_INDEX;

  // 1. Thirds. A smooth vertical rescaling anchored at the subnasale: glabella–subnasale to MIDDLE_THIRD_FEMALE,
  // subnasale–menton to LOWER_THIRD_FEMALE. Above the glabella the forehead follows the glabella down and the
  // shift fades out toward the mask's top edge (the cranium takes over there).
  const yG = P(I.glabella)[1], ySn = P(I.subnasale)[1], yMe = P(I.menton)[1];
  const kMid = MIDDLE_THIRD_FEMALE / (yG - ySn);
  const kLow = (LOWER_THIRD_FEMALE - MENTON_BELOW_MASK) / (ySn - yMe);
  const scaleAt = (y: number): number => {
    const t = smoothstep(ySn - 6, ySn + 6, y);
    return kLow + (kMid - kLow) * t;
  };
  // y' = ySn + ∫ scale; integrated numerically (0.25 mm steps) so the mapping is smooth and monotone
  const mapY = (y: number): number => {
    const step = 0.25;
    let acc = 0;
    const dir = y >= ySn ? 1 : -1;
    const top = Math.min(y, yG);
    for (let t = ySn; dir > 0 ? t < top : t > y; t += dir * step) {
      const h = dir > 0 ? Math.min(step, top - t) : Math.min(step, t - y);
      acc += dir * h * scaleAt(t + (dir * h) / 2);
    }
    if (y <= yG) return ySn + acc;
    // forehead: carried down with the glabella, the shift fading out over 40 mm above it
    const shiftG = ySn + acc - yG;
    return y + shiftG * (1 - smoothstep(yG, yG + 40, y));
  };
  for (let i = 0; i < n; i++) pos[i * 3 + 1] = mapY(pos[i * 3 + 1]!);

  // 2. Widths: each feature's horizontal extent rescaled about the midline inside a smooth window, so that the
  // measured distance meets its target. Windows (σ, mm) are design choices sized to the feature.
  const widen = (target: number, current: number, centre: V3, sigma: V3): void => {
    const k = target / current - 1;
    for (let i = 0; i < n; i++) {
      const p = P(i);
      const w = bump([Math.abs(p[0]), p[1], p[2]], centre, sigma);
      pos[i * 3] = p[0] * (1 + k * w);
    }
  };
  const mid = measure();
  // nose: about the alae, fading up the dorsum (bridge kept narrow)
  const al = P(I.alare);
  widen(ALAR_WIDTH_FEMALE, mid.alar!, [al[0], al[1] - 1, al[2]], [9, 7, 12]);
  // mouth: about the commissures
  const ch = P(I.cheilion);
  widen(MOUTH_WIDTH_FEMALE, measure().mouth!, [ch[0], ch[1], ch[2]], [12, 8, 14]);
  // mandible: the lower face narrowed toward the jaw's angle (women's narrower mandible, norms sheet §5 Pongsri
  // 2025: 113.8 vs 124.4 mm; the 9 % is a design choice), fading out above the mouth, sparing the commissures
  const stoY = P(I.stomion[0])[1];
  for (let i = 0; i < n; i++) {
    const p = P(i);
    const w = smoothstep(stoY + 12, stoY - 18, p[1]) * smoothstep(26, 52, Math.abs(p[0]));
    pos[i * 3] = p[0] * (1 - 0.09 * w);
  }
  // eyes: medial and lateral canthi moved to en–en and en–en + 2·ex–en (the apertures themselves are carved
  // analytically from the same constants; this keeps the mask's lids under them)
  for (const [idx, targetX] of [
    [I.medialCanthus, INTERCANTHAL_WIDTH / 2],
    [I.lateralCanthus, INTERCANTHAL_WIDTH / 2 + PALPEBRAL_FISSURE_LENGTH],
  ] as const) {
    const c = P(idx);
    const dx = targetX - c[0];
    for (let i = 0; i < n; i++) {
      const p = P(i);
      const w = bump([Math.abs(p[0]), p[1], p[2]], c, [5, 6, 8]);
      pos[i * 3] = p[0] + Math.sign(p[0]) * dx * w;
    }
  }

  // 3. Local reliefs (all design choices in amount; directions from norms sheet §5).
  const add = (i: number, d: V3): void => {
    pos[i * 3] = pos[i * 3]! + d[0];
    pos[i * 3 + 1] = pos[i * 3 + 1]! + d[1];
    pos[i * 3 + 2] = pos[i * 3 + 2]! + d[2];
  };
  const sto = P(I.stomion[0]);
  const ulTop = P(I.upperLipTop);
  const llBot = P(I.lowerLipBottom);
  const glab = P(I.glabella);
  const tip = P(I.pronasale);
  const nas = P(I.nasion);
  // women's smaller nose: the tip is drawn back along the nasion–tip line until n–prn meets NOSE_LENGTH_FEMALE
  const noseLen = Math.hypot(tip[0] - nas[0], tip[1] - nas[1], tip[2] - nas[2]);
  const back = Math.max(0, noseLen - NOSE_LENGTH_FEMALE);
  const noseDir: V3 = [(nas[0] - tip[0]) / noseLen, (nas[1] - tip[1]) / noseLen, (nas[2] - tip[2]) / noseLen];
  for (let i = 0; i < n; i++) {
    const p = P(i);
    const ax = Math.abs(p[0]);
    // fuller upper lip: the upper vermilion pushed forward and its border up a little
    const ul = bump([ax, p[1], p[2]], [8, (ulTop[1] + sto[1]) / 2, ulTop[2]], [14, 3.5, 10]);
    add(i, [0, 0.35 * UPPER_LIP_FULLNESS * ul, UPPER_LIP_FULLNESS * ul]);
    // thinner lower lip with age: the lower vermilion border rises and the lip flattens
    const ll = bump([ax, p[1], p[2]], [6, llBot[1] + 1.5, llBot[2]], [13, 3.5, 9]);
    add(i, [0, LOWER_LIP_THINNING * ll, -0.8 * LOWER_LIP_THINNING * ll]);
    // softer supraorbital ridge: the brow prominence flattened (strongest above the pupil)
    const br = bump([ax, p[1], p[2]], [26, glab[1] + 2, glab[2] - 6], [14, 6, 14]) + 0.6 * bump(p, [0, glab[1], glab[2]], [8, 6, 8]);
    add(i, [0, 0, -BROW_RIDGE_SOFTENING * Math.min(1, br)]);
    // more convex forehead: the upper forehead brought forward
    const fh = bump(p, [0, glab[1] + 34, glab[2]], [34, 14, 40]);
    add(i, [0, 0, FOREHEAD_CONVEXITY * fh]);
    // smaller nose: tip and columella drawn toward the nasion
    const nt = bump(p, tip, [9, 9, 9]);
    add(i, [noseDir[0] * back * nt, noseDir[1] * back * nt, noseDir[2] * back * nt]);
    // the likeness pass (LIKENESS, design choices): lips fuller in the vermilion, the brow ridge softer again, the
    // forehead rounder over its whole height, the midface a little fuller under the eyes
    const ulv = bump([ax, p[1], p[2]], [7, (ulTop[1] + sto[1]) / 2 + 0.5, ulTop[2]], [13, 3, 9]);
    add(i, [0, 0.5 * LIKENESS.upperLipPout * ulv, LIKENESS.upperLipPout * ulv]);
    const llv = bump([ax, p[1], p[2]], [6, (llBot[1] + sto[1]) / 2 - 0.5, llBot[2]], [12, 3, 9]);
    add(i, [0, -0.4 * LIKENESS.lowerLipPout * llv, LIKENESS.lowerLipPout * llv]);
    add(i, [0, 0, -LIKENESS.browRidge * Math.min(1, br)]);
    // the mouth as a whole (both lips and the skin around them) set back a little
    const mb = bump([ax, p[1], p[2]], [0, sto[1], sto[2]], [20, 10, 14]);
    add(i, [0, 0, -LIKENESS.lipsBack * mb]);
    const fh2 = bump(p, [0, glab[1] + 30, glab[2]], [42, 20, 50]);
    add(i, [0, 0, LIKENESS.forehead * fh2]);
  }
  return { before, after: measure() };
}
