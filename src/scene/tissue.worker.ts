// The tissue engine's precompute off the page's thread (issue 15): for each head the page shows (the default
// patient, the man, a head fitted to a photo) this Worker builds the model (simulation meshes, stiffness, its
// factorisation, the ageing field: core/tissue/model.ts, ~0.4–1 s here, seconds on a phone), posts it with its
// buffers transferred, then refactorises the stiffness of each technique that undermines (100–300 ms each,
// core/tissue/undermining.ts) and posts those one by one, the ones the page shows first. Where the page asks for
// them it also solves each technique's unit responses (core/tissue/responses.ts: the sparse solves of its
// tractions, 10–40 ms each, which on the page's thread held it past 100 ms after a photo) and posts them with the
// technique's factor; that code is a chunk of its own, loaded only then (the web mode's first load solves its one
// technique on the page and does not fetch it). The page solves and evaluates with them (scene/tissueModel.ts).
// Core code only; typed arrays in and out.
import type { HeadData } from '../core/anatomy/headData.ts';
import type { TechniqueId } from '../core/ids.ts';
import { createTissueModel, type TissueModel } from '../core/tissue/model.ts';
import type { PackedUnitResponses } from '../core/tissue/responses.ts';
import type { Wrinkles } from '../core/tissue/wrinkles.ts';
import { packModel, packTechniqueFactor, type PackedTechniqueFactor, type PackedTissueModel } from '../core/tissue/transfer.ts';
import { underminedStiffnessOf } from '../core/tissue/dissection.ts';
import { refactor } from '../core/tissue/factorise.ts';
import type { Undermining } from '../core/procedures/types.ts';

/** One technique's work in the Worker: its factor when it undermines, its unit responses when asked for. */
export interface TechniqueRequest {
  readonly technique: TechniqueId;
  /** The undermined area (the Worker does not carry the procedures' catalogue), null for a technique without. */
  readonly undermining: Undermining | null;
  /** Solve the tractions' unit responses at this vector angle, degrees; null: the page solves them itself. */
  readonly angleDeg: number | null;
}

/** Build the model of `head`, then each technique's work in this order: the page lists the ones it shows first. */
export interface PrecomputeRequest {
  readonly id: number;
  readonly head: HeadData;
  readonly techniques: readonly TechniqueRequest[];
}

export type PrecomputeResponse =
  /** `start`/`end`: when the precompute ran, ms since the epoch (performance.timeOrigin + now). */
  | { readonly kind: 'model'; readonly id: number; readonly model: PackedTissueModel; readonly start: number; readonly end: number }
  /**
   * A technique's factor (if it undermines) and unit responses (if asked for); the first technique's message of a
   * head whose responses are solved here also brings the head's crease pattern.
   */
  | {
      readonly kind: 'technique';
      readonly id: number;
      readonly technique: TechniqueId;
      readonly factor: PackedTechniqueFactor | undefined;
      readonly responses: PackedUnitResponses | undefined;
      readonly wrinkles: Wrinkles | undefined;
    }
  | { readonly kind: 'failed'; readonly id: number; readonly technique?: TechniqueId; readonly detail: string };

type Task = TechniqueRequest & { readonly id: number; readonly model: TissueModel };

const post = (message: PrecomputeResponse, transfer: Transferable[] = []) => (self as unknown as Worker).postMessage(message, transfer);
const epoch = () => performance.timeOrigin + performance.now();
const queue: Task[] = [];
let draining = false;

/** The code that solves (tissueSolves.ts: unit responses, the crease pattern, the catalogue), fetched on first use. */
let solveCode: Promise<typeof import('./tissueSolves.ts')> | null = null;
/** Heads whose crease pattern has been posted. */
const creased = new WeakSet<TissueModel>();

/** One technique per turn of the event loop, so another head's request that arrives meanwhile is taken in. */
async function drain(): Promise<void> {
  const task = queue.shift();
  if (!task) {
    draining = false;
    return;
  }
  draining = true;
  const { id, technique, model, undermining, angleDeg } = task;
  try {
    const transfer: ArrayBuffer[] = [];
    let factor: PackedTechniqueFactor | undefined, responses: PackedUnitResponses | undefined, wrinkles: Wrinkles | undefined;
    if (undermining) {
      const t0 = performance.now();
      const refactored = refactor(model.factor, underminedStiffnessOf(model, undermining));
      // where the unit responses below find it (core/tissue/factors.ts)
      model.techniqueFactors.set(technique, refactored);
      const packed = packTechniqueFactor(technique, refactored, performance.now() - t0);
      factor = packed.packed;
      transfer.push(...packed.transfer);
    }
    if (angleDeg !== null) {
      const code = await (solveCode ??= import('./tissueSolves.ts'));
      const packed = code.packUnitResponses(model, technique, angleDeg);
      responses = packed.packed;
      transfer.push(...packed.transfer);
      if (!creased.has(model)) {
        const made = code.packWrinkles(model);
        wrinkles = made.wrinkles;
        transfer.push(...made.transfer);
        creased.add(model);
      }
    }
    // its buffers move to the page: this side does not use them again
    model.techniqueFactors.delete(technique);
    post({ kind: 'technique', id, technique, factor, responses, wrinkles }, transfer);
  } catch (error) {
    solveCode = null;
    post({ kind: 'failed', id, technique, detail: (error as Error).message });
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
  // What a technique's refactorisation reads stays here (copied to the page), the rest moves; all of it stays when
  // the unit responses are solved here too.
  const { packed, transfer } = packModel(model, request.techniques.some((t) => t.angleDeg !== null) ? 'everything' : 'refactor-inputs');
  post({ kind: 'model', id: request.id, model: packed, start, end: epoch() }, transfer);
  for (const t of request.techniques) queue.push({ ...t, id: request.id, model });
  if (!draining) void drain();
};
