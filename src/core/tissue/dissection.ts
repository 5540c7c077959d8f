// The mechanics of a dissection, free of the technique catalogue (so a Worker can run it without the procedures'
// data, which it receives per technique): which nodes an undermined area covers and the stiffness values with
// the attachments it cuts weakened. undermining.ts applies it to a technique by id; see there for why a
// refactorisation and not a low-rank update.
import { underminedAreaWeight } from '../procedures/resolve.ts';
import type { Undermining } from '../procedures/types.ts';
import { UNDERMINED_ATTACHMENT_RESIDUAL } from './constants.ts';
import type { TissueModel } from './model.ts';
import { cscIndex, type Csc } from './sparse.ts';

/** Per global node, how undermined it is by this dissection (0 intact … 1 fully inside it). */
export function underminedNodeWeightsOf(model: TissueModel, undermining: Undermining): Float64Array {
  const weight = underminedAreaWeight(model.head, undermining);
  const w = new Float64Array(model.nodeCount);
  for (let g = 0; g < model.nodeCount; g++) w[g] = weight(model.nodePos[3 * g]!, model.nodePos[3 * g + 1]!, model.nodePos[3 * g + 2]!);
  return w;
}

/**
 * Values of the stiffness matrix after this dissection (same pattern as `model.matrix`, a new array): the
 * attachments it cuts keep UNDERMINED_ATTACHMENT_RESIDUAL of their stiffness, weighted by how far inside the
 * undermined area each node lies. Reads `model.matrix`, `unknownOf`, `nodePos`, `releasable`, `ligaments` and
 * the head's landmarks only (what a Worker keeps after posting the model: transfer.ts `packModel`).
 */
export function underminedStiffnessOf(model: TissueModel, undermining: Undermining): Float64Array {
  const w = underminedNodeWeightsOf(model, undermining);
  const a: Csc = model.matrix;
  const vals = a.vals.slice();
  const cut = 1 - UNDERMINED_ATTACHMENT_RESIDUAL;
  const addDiag = (g: number, dk: number): void => {
    const u = model.unknownOf[g]!;
    if (u >= 0) vals[cscIndex(a, u, u)]! += dk;
  };
  const planes = undermining.planes;
  if (planes.includes('sub-smas')) {
    const { subSmasNode, subSmasK } = model.releasable;
    for (let k = 0; k < subSmasNode.length; k++) {
      const g = subSmasNode[k]!;
      if (w[g]! > 0) addDiag(g, -cut * w[g]! * subSmasK[k]!);
    }
  }
  if (planes.includes('subcutaneous')) {
    const { subcutaneousA: A, subcutaneousB: B, subcutaneousK: K } = model.releasable;
    for (let k = 0; k < A.length; k++) {
      const ga = A[k]!, gb = B[k]!;
      const wk = Math.max(w[ga]!, w[gb]!);
      if (wk <= 0) continue;
      // A weaker spring: the same change as assembling it with stiffness (1 − cut·w)·k (cf. model.ts springTo).
      const dk = -cut * wk * K[k]!;
      addDiag(ga, dk);
      addDiag(gb, dk);
      const ua = model.unknownOf[ga]!, ub = model.unknownOf[gb]!;
      if (ua >= 0 && ub >= 0 && ua !== ub) {
        vals[cscIndex(a, ua, ub)]! -= dk;
        vals[cscIndex(a, ub, ua)]! -= dk;
      }
    }
  }
  const released = undermining.releasedLigaments ?? [];
  if (released.includes('orbital-retaining')) {
    // The ORL is one circumferential ligament: releasing it divides its rim part along the lid–cheek junction too.
    const { orbitalRimNode, orbitalRimK } = model.releasable;
    for (let k = 0; k < orbitalRimNode.length; k++) addDiag(orbitalRimNode[k]!, -cut * orbitalRimK[k]!);
  }
  for (const name of released) {
    for (const lig of model.ligaments) {
      if (lig.name !== name) continue;
      for (let k = 0; k < lig.nodes.length; k++) addDiag(lig.nodes[k]!, -cut * lig.stiffness[k]!);
    }
  }
  return vals;
}
