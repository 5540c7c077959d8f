// The tissue engine's precompute off the page's thread (issue 15): for each head the page shows (the default
// patient, the man, a head fitted to a photo) this Worker builds the model (simulation meshes, stiffness, its
// factorisation, the ageing field: core/tissue/model.ts, ~0.4–1 s here, seconds on a phone), posts it with its
// buffers transferred, then refactorises the stiffness of each technique that undermines (100–300 ms each,
// core/tissue/undermining.ts) and posts those one by one, the ones the page shows first. The page solves and
// evaluates on its own thread with them (scene/tissueModel.ts). Core code only; typed arrays in and out.
import type { HeadData } from '../core/anatomy/headData.ts';
import type { TechniqueId } from '../core/ids.ts';
import { createTissueModel, type TissueModel } from '../core/tissue/model.ts';
import { packModel, packTechniqueFactor, type PackedTechniqueFactor, type PackedTissueModel } from '../core/tissue/transfer.ts';
import { underminedStiffnessOf } from '../core/tissue/dissection.ts';
import { refactor } from '../core/tissue/factorise.ts';
import type { Undermining } from '../core/procedures/types.ts';

/**
 * Build the model of `head`, then the factors of `techniques` (those that undermine, with their undermined area:
 * the Worker does not carry the procedures' catalogue) in this order: the page lists the techniques it shows first.
 */
export interface PrecomputeRequest {
  readonly id: number;
  readonly head: HeadData;
  readonly techniques: readonly { readonly technique: TechniqueId; readonly undermining: Undermining }[];
}

export type PrecomputeResponse =
  /** `start`/`end`: when the precompute ran, ms since the epoch (performance.timeOrigin + now). */
  | { readonly kind: 'model'; readonly id: number; readonly model: PackedTissueModel; readonly start: number; readonly end: number }
  | { readonly kind: 'factor'; readonly id: number; readonly factor: PackedTechniqueFactor }
  | { readonly kind: 'failed'; readonly id: number; readonly technique?: TechniqueId; readonly detail: string };

type Task = { readonly id: number; readonly technique: TechniqueId; readonly undermining: Undermining; readonly model: TissueModel };

const post = (message: PrecomputeResponse, transfer: Transferable[] = []) => (self as unknown as Worker).postMessage(message, transfer);
const epoch = () => performance.timeOrigin + performance.now();
const queue: Task[] = [];
let draining = false;

/** One factor per turn of the event loop, so another head's request that arrives meanwhile is taken in. */
function drain(): void {
  const task = queue.shift();
  if (!task) {
    draining = false;
    return;
  }
  draining = true;
  try {
    const t0 = performance.now();
    const factor = refactor(task.model.factor, underminedStiffnessOf(task.model, task.undermining));
    const { packed, transfer } = packTechniqueFactor(task.technique, factor, performance.now() - t0);
    post({ kind: 'factor', id: task.id, factor: packed }, transfer);
  } catch (error) {
    post({ kind: 'failed', id: task.id, technique: task.technique, detail: (error as Error).message });
  }
  setTimeout(drain, 0);
}

self.onmessage = (event: MessageEvent<PrecomputeRequest>) => {
  const request = event.data;
  const start = epoch();
  let model: TissueModel;
  try {
    model = createTissueModel(request.head);
  } catch (error) {
    post({ kind: 'failed', id: request.id, detail: (error as Error).message });
    return;
  }
  // The arrays a technique's refactorisation reads stay here (copied to the page); the rest moves.
  const { packed, transfer } = packModel(model, true);
  post({ kind: 'model', id: request.id, model: packed, start, end: epoch() }, transfer);
  for (const { technique, undermining } of request.techniques) queue.push({ id: request.id, technique, undermining, model });
  if (!draining) drain();
};
