// One tissue precompute per loaded head and a small cache of solutions, shared by every view and panel
// on the page (compare panes, before/after, the measurements table) so the same parameters solve once.
import type { TechniqueId } from '../core/ids.ts';
import { createTissueModel, solveTechnique, type TechniqueSolution, type TissueModel } from '../core/tissue/index.ts';
import type { LiftParams } from '../core/tissue/api.ts';
import type { AppState } from '../state/store.ts';
import type { HeadAsset } from './headAsset.ts';

const models = new WeakMap<HeadAsset, TissueModel>();

export function modelFor(asset: HeadAsset): TissueModel {
  let model = models.get(asset);
  if (!model) {
    model = createTissueModel(asset.data);
    models.set(asset, model);
  }
  return model;
}

export function paramsFrom(s: Pick<AppState, 'vectorAngleDeg' | 'liftMm'>): LiftParams {
  return {
    ...(s.vectorAngleDeg !== null ? { vectorAngleDeg: s.vectorAngleDeg } : {}),
    ...(s.liftMm !== null ? { liftMm: s.liftMm } : {}),
  };
}

/** Solutions kept: enough for three compare panes while a slider moves. Design choice. */
const SOLUTION_CACHE_SIZE = 12;
const solutions = new WeakMap<TissueModel, Map<string, TechniqueSolution>>();

export function solutionFor(model: TissueModel, technique: TechniqueId, params: LiftParams, sag: number): TechniqueSolution {
  let cache = solutions.get(model);
  if (!cache) solutions.set(model, (cache = new Map()));
  const key = `${technique}|${params.vectorAngleDeg ?? ''}|${params.liftMm ?? ''}|${sag}`;
  let solution = cache.get(key);
  if (solution) {
    cache.delete(key);
  } else {
    solution = solveTechnique(model, technique, params, sag);
    if (cache.size >= SOLUTION_CACHE_SIZE) cache.delete(cache.keys().next().value!);
  }
  cache.set(key, solution);
  return solution;
}
