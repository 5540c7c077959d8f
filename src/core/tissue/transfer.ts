// Moving a precomputed TissueModel between threads (the precompute runs in a Worker, the solves and the per-frame
// evaluation on the page's thread). `postMessage` copies by structured clone, which keeps typed arrays, Maps and
// shared references (a grid's points ARE its mesh's positions on the other side too) but drops prototypes: the
// model's PointGrids arrive as plain objects. `packModel` lists what can be transferred (moved, not copied),
// `reviveModel` rebuilds the grids and gives the clone its head back; `packTechniqueFactor` / `adoptTechniqueFactor` do
// the same for a technique's refactorised stiffness (undermining.ts), which follows the model message.
import type { HeadData } from '../anatomy/headData.ts';
import type { TechniqueId } from '../ids.ts';
import { PointGrid } from './geometry.ts';
import { ENGINE_LAYERS } from './layers.ts';
import type { TissueModel } from './model.ts';
import type { CholeskyFactor } from './sparse.ts';

/** A TissueModel without its head (the receiving side has it already) as it travels: PointGrids still classes
 * on the sending side, plain objects after the clone until `reviveModel`. */
export type PackedTissueModel = Omit<TissueModel, 'head'>;

/** A technique's factor as it travels: only what differs from the intact factor (the pattern analysis is shared). */
export interface PackedTechniqueFactor {
  readonly technique: TechniqueId;
  readonly rowIdx: Int32Array;
  readonly vals: Float64Array;
  /** Milliseconds the refactorisation took where it ran. */
  readonly ms: number;
}

const buffersOf = (arrays: readonly ArrayBufferView[]): Set<ArrayBufferLike> => new Set(arrays.map((a) => a.buffer));

/**
 * The arrays a technique's refactorisation reads (undermining.ts `underminedStiffness` and sparse.ts `refactor`):
 * a sender that will refactorise later must keep them, so they are copied, not transferred.
 */
function refactorInputs(model: PackedTissueModel): ArrayBufferView[] {
  const { matrix, factor, releasable: r } = model;
  const s = factor.symbolic;
  return [
    model.unknownOf, model.nodePos, matrix.colPtr, matrix.rowIdx, matrix.vals,
    factor.perm, factor.colPtr, s.perm, s.upperColPtr, s.upperRowIdx, s.upperSource, s.parent, s.colPtr,
    r.subcutaneousA, r.subcutaneousB, r.subcutaneousK, r.subSmasNode, r.subSmasK, r.orbitalRimNode, r.orbitalRimK,
    ...model.ligaments.flatMap((l) => [l.nodes, l.stiffness]),
  ];
}

/** Every typed array reachable from `value` through plain objects, arrays and Maps (a model without its head). */
function arraysOf(value: unknown, out: ArrayBufferView[] = [], seen = new Set<unknown>()): ArrayBufferView[] {
  if (typeof value !== 'object' || value === null || seen.has(value)) return out;
  seen.add(value);
  if (ArrayBuffer.isView(value)) out.push(value);
  else for (const v of value instanceof Map ? value.values() : Object.values(value)) arraysOf(v, out, seen);
  return out;
}

/** The ArrayBuffers of every typed array reachable from `value` (plain objects, arrays, Maps): a postMessage transfer list. */
export function transferablesOf(value: unknown): ArrayBuffer[] {
  return [...buffersOf(arraysOf(value))].filter((b): b is ArrayBuffer => b instanceof ArrayBuffer);
}

/**
 * What a sender keeps of a model it posts: `nothing` (every buffer moves), `refactor-inputs` (the arrays a later
 * technique refactorisation reads are copied, not moved: a Worker that goes on to compute the techniques' factors)
 * or `everything` (nothing moves: a Worker that also solves the techniques' unit responses, responses.ts, which
 * read nearly the whole model).
 */
export type KeptBySender = 'nothing' | 'refactor-inputs' | 'everything';

/**
 * The model without its head, and the ArrayBuffers `postMessage(packed, transfer)` may move instead of copying
 * (see KeptBySender for what stays). Transferred buffers are detached on the sending side: the sender must not use
 * the model afterwards except, with `refactor-inputs`, for `techniqueFactor`-style refactorisation (undermining.ts
 * `underminedStiffness`). Buffers that are views into a larger buffer, or shared between arrays, are listed once.
 */
export function packModel(model: TissueModel, keep: KeptBySender): { packed: PackedTissueModel; transfer: ArrayBuffer[] } {
  const { head: _head, ...packed } = model;
  if (keep === 'everything') return { packed, transfer: [] };
  const kept = keep === 'refactor-inputs' ? buffersOf(refactorInputs(packed)) : new Set<ArrayBufferLike>();
  const transfer: ArrayBuffer[] = [];
  for (const buffer of buffersOf(arraysOf(packed))) {
    if (!kept.has(buffer) && buffer instanceof ArrayBuffer) transfer.push(buffer);
  }
  return { packed, transfer };
}

/**
 * A model that went through structured clone (a Worker's message) made whole again, in place: its PointGrids
 * are rebuilt over their cloned points (geometry.ts `PointGrid.fromClone`, a few ms) and `head` is set to the receiver's own HeadData — the
 * same head the model was computed from (the engine keys per-head caches on its identity). Throws with a
 * message when the clone does not have the model's shape (e.g. a Worker from another deployment) or does not
 * match the head (node counts of the layers against the head's vertex counts).
 */
export function reviveModel(clone: PackedTissueModel, head: HeadData): TissueModel {
  const c = clone as Partial<PackedTissueModel>;
  if (!c || typeof c !== 'object' || !c.layers || !c.factor || !(c.techniqueFactors instanceof Map) || !(c.cache instanceof Map)) {
    throw new Error('reviveModel: the message is not a tissue model');
  }
  for (const ln of ENGINE_LAYERS) {
    const l = c.layers[ln];
    if (!l) throw new Error(`reviveModel: the model has no ${ln} layer`);
    if (l.vertexCount !== head[ln].positions.length / 3) {
      throw new Error(`reviveModel: the ${ln} layer has ${l.vertexCount} vertices, the head ${head[ln].positions.length / 3}`);
    }
    const layer = l as { grid: PointGrid; flatGrid: PointGrid };
    layer.grid = PointGrid.fromClone(l.grid);
    layer.flatGrid = PointGrid.fromClone(l.flatGrid);
  }
  const model = clone as { head?: HeadData } & PackedTissueModel;
  model.head = head;
  return model as TissueModel;
}

/** A technique's refactorised stiffness, to post after the model (its pattern analysis is the intact factor's). */
export function packTechniqueFactor(technique: TechniqueId, factor: CholeskyFactor, ms: number): { packed: PackedTechniqueFactor; transfer: ArrayBuffer[] } {
  const packed: PackedTechniqueFactor = { technique, rowIdx: factor.rowIdx, vals: factor.vals, ms };
  return { packed, transfer: [...buffersOf([factor.rowIdx, factor.vals])].filter((b): b is ArrayBuffer => b instanceof ArrayBuffer) };
}

/**
 * Puts a technique's factor computed elsewhere into `model.techniqueFactors` (where undermining.ts
 * `techniqueFactor` finds it instead of refactorising) and its time into `model.stats.techniqueFactorMs`. Throws
 * when its size does not match the model's factor pattern.
 */
export function adoptTechniqueFactor(model: TissueModel, packed: PackedTechniqueFactor): CholeskyFactor {
  const base = model.factor;
  const nnz = base.colPtr[base.n]!;
  if (packed.rowIdx.length !== nnz || packed.vals.length !== nnz) {
    throw new Error(`adoptTechniqueFactor: ${packed.technique} has ${packed.vals.length} values, the model's factor pattern ${nnz}`);
  }
  const factor: CholeskyFactor = {
    n: base.n, perm: base.perm, colPtr: base.colPtr, rowIdx: packed.rowIdx, vals: packed.vals,
    work: new Float64Array(base.work.length), symbolic: base.symbolic,
  };
  model.techniqueFactors.set(packed.technique, factor);
  model.stats.techniqueFactorMs[packed.technique] = packed.ms;
  return factor;
}
