// Ligament state for the renderer: each tie's origin (on bone: fixed by construction — the engine never moves
// bone) and its insertion, displaced as the stiffness-weighted mean of the tissue it holds.
import type { TechniqueSolution } from './solve.ts';
import { activations } from './solve.ts';
import type { TissueModel } from './model.ts';

/** 6 floats per ligament: origin xyz, displaced insertion xyz (mm, absolute positions). */
export function createLigamentBuffer(model: TissueModel): Float32Array {
  return new Float32Array(6 * model.ligaments.length);
}

/** Writes ligament endpoints at timeline progress t into `out` (see createLigamentBuffer). No allocation. */
export function evaluateLigaments(model: TissueModel, solution: TechniqueSolution, t: number, out: Float32Array): void {
  const act = activations(solution, t);
  for (let l = 0; l < model.ligaments.length; l++) {
    const lig = model.ligaments[l]!;
    let wx = 0, wy = 0, wz = 0, wsum = 0;
    for (let k = 0; k < lig.nodes.length; k++) {
      const g = lig.nodes[k]!;
      const w = lig.stiffness[k]!;
      let x = solution.sagNodeField[3 * g]!, y = solution.sagNodeField[3 * g + 1]!, z = solution.sagNodeField[3 * g + 2]!;
      for (let a = 0; a < solution.actions.length; a++) {
        const f = solution.actions[a]!.nodeField;
        x += act[a]! * f[3 * g]!;
        y += act[a]! * f[3 * g + 1]!;
        z += act[a]! * f[3 * g + 2]!;
      }
      wx += w * x;
      wy += w * y;
      wz += w * z;
      wsum += w;
    }
    const inv = wsum > 0 ? 1 / wsum : 0;
    out[6 * l] = lig.origin[0];
    out[6 * l + 1] = lig.origin[1];
    out[6 * l + 2] = lig.origin[2];
    out[6 * l + 3] = lig.insertion[0] + wx * inv;
    out[6 * l + 4] = lig.insertion[1] + wy * inv;
    out[6 * l + 5] = lig.insertion[2] + wz * inv;
  }
}
