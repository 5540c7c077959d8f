// Public API of the tissue engine. Pure TypeScript: typed arrays in and out, no react/three/DOM.
//
//   const model = createTissueModel(head);                       // once: simulation mesh, factorisation, ageing
//   const sol = solveTechnique(model, 'smile', { vectorAngleDeg: 60, liftMm: 8 }, sag);   // on parameter change
//   const out = createDisplacements(model);
//   evaluate(model, sol, t, out);                                // per frame, no allocation
import type { HeadData } from '../anatomy/headData.ts';
import type { TechniqueId } from '../ids.ts';
import { incisionLength } from '../procedures/index.ts';
import type { TissueModel } from './model.ts';

export { createTissueModel, ENGINE_LAYERS, ageingDirection, anatomyAt } from './model.ts';
export type { TissueModel, EngineLayer, LigamentTie, ModelLayer } from './model.ts';
export { solveTechnique, evaluate, createDisplacements, activations, resolvedParams, toVertexFields } from './solve.ts';
export { regionLift, liftNodeField, smasToSkinMotionRatio } from './measures.ts';
export type { TechniqueSolution, ActionSolution, VertexFields } from './solve.ts';
export { evaluateLigaments, createLigamentBuffer } from './ligaments.ts';
export { techniqueFactor, underminedNodeWeights } from './undermining.ts';
export type * from './api.ts';

/** Length of the technique's incision on one side, mm, measured on this model's skin (0 for threads). */
export function incisionLengthMm(model: TissueModel, technique: TechniqueId): number {
  return incisionLength(model.head, technique);
}

/** Convenience for callers holding only the head. */
export function incisionLengthOnHead(head: HeadData, technique: TechniqueId): number {
  return incisionLength(head, technique);
}
