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
// On the page, the Worker that builds the model refactorises every undermining technique right after it and
// sends the factors (scene/tissue.worker.ts, through dissection.ts): this module then never runs there, and is
// loaded only where the engine runs in one thread (Node, or the page's fallback without a Worker).
import type { TechniqueId } from '../ids.ts';
import { PROCEDURES } from '../procedures/index.ts';
import type { TissueModel } from './model.ts';
import type { CholeskyFactor } from './sparse.ts';
import { refactor } from './factorise.ts';
import { underminedNodeWeightsOf, underminedStiffnessOf } from './dissection.ts';
import { provideRefactorisation } from './factors.ts';

export { techniqueFactor } from './factors.ts';

/** Per global node, how undermined it is for this technique (0 intact … 1 fully inside the dissection). */
export function underminedNodeWeights(model: TissueModel, technique: TechniqueId): Float64Array | null {
  const undermining = PROCEDURES[technique].undermining;
  return undermining ? underminedNodeWeightsOf(model, undermining) : null;
}

/** Values of the technique's stiffness matrix (same pattern as `model.matrix`), or null if it does not undermine. */
export function underminedStiffness(model: TissueModel, technique: TechniqueId): Float64Array | null {
  const undermining = PROCEDURES[technique].undermining;
  return undermining ? underminedStiffnessOf(model, undermining) : null;
}

/**
 * Refactorises the technique's undermined stiffness, caches the factor on the model and its time in
 * `model.stats.techniqueFactorMs` (the intact factor for techniques that do not undermine). Installed as the
 * refactorisation behind factors.ts `techniqueFactor` when this module is loaded.
 */
export function refactoriseTechnique(model: TissueModel, technique: TechniqueId): CholeskyFactor {
  const t0 = performance.now();
  const vals = underminedStiffness(model, technique);
  const factor = vals ? refactor(model.factor, vals) : model.factor;
  model.techniqueFactors.set(technique, factor);
  model.stats.techniqueFactorMs[technique] = performance.now() - t0;
  return factor;
}

provideRefactorisation(refactoriseTechnique);
