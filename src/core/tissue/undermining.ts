// The mechanical consequence of the "elevate" step: a technique's stiffness with the attachments its dissection
// cuts weakened inside the undermined area (technique data: `undermining`).
//
// Why a per-technique refactorisation and not a low-rank (Woodbury) correction of the intact factor: the change
// is the foundation of every SMAS node in a 4–10 cm dissection — hundreds of nodes × 3 coordinates, a rank of
// 10³. A Woodbury update of that rank costs a dense 10³ × 10³ capacitance solve plus 10³ extra triangular solves,
// far more than one numeric refactorisation. The change keeps the sparsity pattern, so the refactorisation
// reuses the intact model's ordering, elimination tree and L pattern (sparse.ts `refactor`): only the numeric
// pass runs, once per technique, on first use, and the factor is cached on the model (three undermining
// techniques → three extra factors of nnz(L) doubles each). Threads do not undermine and share the intact factor.
import type { TechniqueId } from '../ids.ts';
import { PROCEDURES } from '../procedures/index.ts';
import { underminedWeight } from '../procedures/resolve.ts';
import { UNDERMINED_ATTACHMENT_RESIDUAL } from './constants.ts';
import type { TissueModel } from './model.ts';
import { cscIndex, refactor, type CholeskyFactor, type Csc } from './sparse.ts';

/** Per global node, how undermined it is for this technique (0 intact … 1 fully inside the dissection). */
export function underminedNodeWeights(model: TissueModel, technique: TechniqueId): Float64Array | null {
  const weight = underminedWeight(model.head, PROCEDURES[technique]);
  if (!weight) return null;
  const w = new Float64Array(model.nodeCount);
  for (let g = 0; g < model.nodeCount; g++) w[g] = weight(model.nodePos[3 * g]!, model.nodePos[3 * g + 1]!, model.nodePos[3 * g + 2]!);
  return w;
}

/** Values of the technique's stiffness matrix (same pattern as `model.matrix`), or null if it does not undermine. */
export function underminedStiffness(model: TissueModel, technique: TechniqueId): Float64Array | null {
  const procedure = PROCEDURES[technique];
  const w = underminedNodeWeights(model, technique);
  if (!w || !procedure.undermining) return null;
  const a: Csc = model.matrix;
  const vals = a.vals.slice();
  const cut = 1 - UNDERMINED_ATTACHMENT_RESIDUAL;
  const addDiag = (g: number, dk: number): void => {
    const u = model.unknownOf[g]!;
    if (u >= 0) vals[cscIndex(a, u, u)]! += dk;
  };
  const planes = procedure.undermining.planes;
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
  const released = procedure.undermining.releasedLigaments ?? [];
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

/**
 * The factorised stiffness a technique's tractions are solved with: the intact factor for techniques that do
 * not undermine, otherwise a cached refactorisation of the undermined stiffness (built on first use).
 */
export function techniqueFactor(model: TissueModel, technique: TechniqueId): CholeskyFactor {
  if (!PROCEDURES[technique].undermining) return model.factor;
  const cached = model.techniqueFactors.get(technique);
  if (cached) return cached;
  const t0 = performance.now();
  const vals = underminedStiffness(model, technique);
  const factor = vals ? refactor(model.factor, vals) : model.factor;
  model.techniqueFactors.set(technique, factor);
  model.stats.techniqueFactorMs[technique] = performance.now() - t0;
  return factor;
}
