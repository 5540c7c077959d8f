// What a technique's solution amounts to, region by region and layer against layer: the measurements table's and
// the report's figures, and the months' remodelling (months.ts). Apart from solve.ts, which the web mode's first
// page load carries (its one technique is solved there), because only later chunks and Node read these.
import { REGIONS } from '../ids.ts';
import { pullDirection } from '../procedures/tractionLines.ts';
import type { RegionLift } from './api.ts';
import type { TissueModel } from './model.ts';
import type { TechniqueSolution } from './solve.ts';

/** Sum of all action fields at full activation (the lift relative to the sagged face), per global node. */
export function liftNodeField(solution: TechniqueSolution): Float64Array {
  const f = new Float64Array(solution.sagNodeField.length);
  for (const a of solution.actions) for (let k = 0; k < f.length; k++) f[k]! += a.nodeField[k]!;
  return f;
}

/**
 * Per-region lift at t = 1 relative to the sagged face: region-weighted mean over skin nodes of the vertical
 * displacement and of the displacement along the technique's pull vector (mirrored per side).
 */
export function regionLift(model: TissueModel, solution: TechniqueSolution): RegionLift {
  const lift = liftNodeField(solution);
  const dl = pullDirection(solution.params.vectorAngleDeg, 'l');
  const dr = pullDirection(solution.params.vectorAngleDeg, 'r');
  const sums = REGIONS.map(() => ({ w: 0, vertical: 0, along: 0 }));
  const skin = model.layers.skin;
  for (let k = 0; k < skin.mesh.nodeCount; k++) {
    const g = skin.offset + k;
    const d = model.nodePos[3 * g]! >= 0 ? dl : dr;
    const ux = lift[3 * g]!, uy = lift[3 * g + 1]!, uz = lift[3 * g + 2]!;
    const along = ux * d[0] + uy * d[1] + uz * d[2];
    for (let r = 0; r < REGIONS.length; r++) {
      const w = model.skinNodeRegions[k * REGIONS.length + r]!;
      if (w <= 0) continue;
      const acc = sums[r]!;
      acc.w += w;
      acc.vertical += w * uy;
      acc.along += w * along;
    }
  }
  const out = {} as Record<(typeof REGIONS)[number], { vertical: number; alongPull: number }>;
  REGIONS.forEach((r, i) => {
    const acc = sums[i]!;
    out[r] = { vertical: acc.w > 0 ? acc.vertical / acc.w : 0, alongPull: acc.w > 0 ? acc.along / acc.w : 0 };
  });
  return out;
}

/**
 * How much the SMAS moves relative to the skin right above it, over the lift (t = 1 vs sag): Σ|u_smas| /
 * Σ|u_skin partner| over SMAS nodes whose skin partner moves at least 10 % of the maximum skin motion.
 */
export function smasToSkinMotionRatio(model: TissueModel, solution: TechniqueSolution): number {
  const lift = liftNodeField(solution);
  const smas = model.layers.smas;
  let maxSkin = 0;
  for (let k = 0; k < model.layers.skin.mesh.nodeCount; k++) {
    maxSkin = Math.max(maxSkin, Math.hypot(lift[3 * k]!, lift[3 * k + 1]!, lift[3 * k + 2]!));
  }
  let sSmas = 0, sSkin = 0;
  for (let k = 0; k < smas.mesh.nodeCount; k++) {
    const g = smas.offset + k;
    const partner = model.skinPartner[g]!;
    if (partner < 0) continue;
    const skinMotion = Math.hypot(lift[3 * partner]!, lift[3 * partner + 1]!, lift[3 * partner + 2]!);
    if (skinMotion < 0.1 * maxSkin) continue;
    sSkin += skinMotion;
    sSmas += Math.hypot(lift[3 * g]!, lift[3 * g + 1]!, lift[3 * g + 2]!);
  }
  return sSkin > 0 ? sSmas / sSkin : 0;
}
