// Which factorised stiffness a technique is solved with (solve.ts), without the code that refactorises: that
// code (undermining.ts, dissection.ts) belongs with the precompute. On the page it runs in a Worker
// (scene/tissue.worker.ts), which sends each technique's factor; where it runs in the same thread (Node: tests,
// report, benchmarks; the page's fallback without a Worker) undermining.ts installs itself here when loaded —
// the engine's index (index.ts) loads it.
import type { TechniqueId } from '../ids.ts';
import { PROCEDURES } from '../procedures/index.ts';
import type { TissueModel } from './model.ts';
import type { CholeskyFactor } from './sparse.ts';

type Refactorise = (model: TissueModel, technique: TechniqueId) => CholeskyFactor;
let refactorise: Refactorise | null = null;

/** Installs the refactorisation used for a technique whose factor is not on the model yet (undermining.ts). */
export function provideRefactorisation(f: Refactorise): void {
  refactorise = f;
}

/**
 * The factorised stiffness a technique's tractions are solved with: the intact factor for techniques that do
 * not undermine, otherwise the model's cached factor of the undermined stiffness (`model.techniqueFactors`),
 * refactorised here on first use when undermining.ts is loaded. Throws when the factor is neither on the model
 * nor computable in this bundle (a page thread that did not wait for the Worker's factor).
 */
export function techniqueFactor(model: TissueModel, technique: TechniqueId): CholeskyFactor {
  if (!PROCEDURES[technique].undermining) return model.factor;
  const cached = model.techniqueFactors.get(technique);
  if (cached) return cached;
  if (!refactorise) throw new Error(`techniqueFactor: the ${technique} factor has not arrived and this bundle cannot refactorise`);
  return refactorise(model, technique);
}
