// A technique's unit responses computed on one thread and used on another (issue 15): the tractions' sparse solves
// are the costly part of a technique's first solve (~10–40 ms each on the 2-core test machine, with the garbage
// they leave), so where a page must not be held up by them the tissue Worker (scene/tissue.worker.ts) makes them
// after the technique's factor and posts them; the page puts them into the model's cache, where solveTechnique
// finds them; where the page solves them itself, prepareTraction lets it spread them over tasks (consult's
// measurements table). Kept out of solve.ts so that the web mode's first page load, which solves its one technique
// in one go on its own thread, does not carry it.
import type { TechniqueId } from '../ids.ts';
import { PROCEDURES } from '../procedures/index.ts';
import type { TissueModel } from './model.ts';
import type { LiftParams } from './api.ts';
import { cacheUnitResponse, resolvedParams, unitResponse, unitResponseKey, type UnitResponse } from './solve.ts';

/** Every traction's unit response of one technique at one vector angle, as it travels between threads. */
export interface PackedUnitResponses {
  readonly technique: TechniqueId;
  /** The technique's vector angle, degrees (the same number the page's solve asks for: resolvedParams). */
  readonly angleDeg: number;
  /** One per traction of the technique, in the catalogue's order. */
  readonly responses: readonly UnitResponse[];
}

/**
 * Computes (or takes from the model's cache) the unit response of every traction of `technique` at `angleDeg` and
 * lists the ArrayBuffers `postMessage(packed, transfer)` may move. The technique's factor must be on the model (or
 * computable here: factors.ts `techniqueFactor`). After a transfer the sender's copies are detached, so they are
 * dropped from its cache. Throws as solveTechnique does for an unknown technique.
 */
export function packUnitResponses(model: TissueModel, technique: TechniqueId, angleDeg: number): { packed: PackedUnitResponses; transfer: ArrayBuffer[] } {
  const tractions = PROCEDURES[technique].tractions;
  const responses = tractions.map((traction, index) => {
    const response = unitResponse(model, technique, traction, index, angleDeg);
    model.cache.delete(unitResponseKey(technique, index, traction.action, angleDeg));
    return response;
  });
  const transfer = new Set<ArrayBuffer>();
  for (const r of responses) for (const a of [r.field, r.gripNodes, r.gripWeights, r.gripDirs]) if (a.buffer instanceof ArrayBuffer) transfer.add(a.buffer);
  return { packed: { technique, angleDeg, responses }, transfer: [...transfer] };
}

/**
 * Puts unit responses computed elsewhere into `model.cache`, where solveTechnique (and prepareTraction) then find
 * them instead of solving. Throws with a message, and adopts none of them, when they do not fit this model and
 * catalogue: another number of tractions, another action, or fields of another size (a Worker from another
 * deployment).
 */
export function adoptUnitResponses(model: TissueModel, packed: PackedUnitResponses): void {
  const tractions = PROCEDURES[packed.technique]?.tractions;
  if (!tractions || tractions.length !== packed.responses.length) {
    throw new Error(`adoptUnitResponses: ${packed.technique} came with ${packed.responses.length} tractions`);
  }
  packed.responses.forEach((response, index) => {
    if (response.action !== tractions[index]!.action || response.field.length !== 3 * model.nodeCount) {
      throw new Error(`adoptUnitResponses: ${packed.technique} traction ${index} (${response.action}) does not fit this model`);
    }
  });
  // all or none: a refused message leaves the cache as it was
  packed.responses.forEach((response, index) => {
    cacheUnitResponse(model, unitResponseKey(packed.technique, index, response.action, packed.angleDeg), response);
  });
}

/**
 * Computes and caches the unit response of traction `index` of `technique` at these parameters' vector angle: one
 * sparse solve with the technique's factor, the costly part of a first solveTechnique (~10–30 ms each on the 2-core
 * test machine), so a caller can spread a technique's first solve over several tasks. Throws as solveTechnique does
 * for an unknown technique, and a RangeError for an index outside its tractions.
 */
export function prepareTraction(model: TissueModel, technique: TechniqueId, params: LiftParams, index: number): void {
  const traction = PROCEDURES[technique].tractions[index];
  if (!traction) throw new RangeError(`${technique} has no traction ${index}`);
  unitResponse(model, technique, traction, index, resolvedParams(technique, params).vectorAngleDeg);
}
