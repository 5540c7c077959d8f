// One tissue precompute per loaded head and a small cache of solutions, shared by every view and panel
// on the page (compare panes, before/after, the measurements table) so the same parameters solve once.
//
// The precompute (core/tissue/model.ts: ~0.4–1 s on the 2-core test machine, seconds on a phone) and each
// undermining technique's refactorisation (100–300 ms, core/tissue/undermining.ts) run in a Worker
// (tissue.worker.ts) for every head: the page's thread only receives the results (buffers transferred,
// core/tissue/transfer.ts) and solves and evaluates with them; once a mode has asked for it (solveInWorker: the
// consult and kiosk modes, the photo feature) the Worker also solves each technique's unit responses, so a new head
// (a photo's) never holds the page's thread for a sparse solve. Where no Worker can run (an old browser, a
// policy that blocks it, its script missing after a redeploy, an error inside it) the same code runs on the
// page's thread as before, after the undeformed head has painted, with a console warning.
import type { TechniqueId } from '../core/ids.ts';
import { PROCEDURES } from '../core/procedures/index.ts';
import { solveTechnique, type TechniqueSolution } from '../core/tissue/solve.ts';
import type { TissueModel } from '../core/tissue/model.ts';
import type { LiftParams } from '../core/tissue/api.ts';
import { adoptTechniqueFactor, reviveModel } from '../core/tissue/transfer.ts';
import type { PackedUnitResponses } from '../core/tissue/responses.ts';
import type { AppState } from '../state/store.ts';
import type { HeadAsset } from './headAsset.ts';
import { loadChunk } from '../ui/lazyChunk.ts';
import type { PrecomputeRequest, PrecomputeResponse } from './tissue.worker.ts';
import { provideWrinkles } from './creases.ts';

/** Name of the performance measure spanning each head's precompute (DevTools, and the browser tests). */
export const PRECOMPUTE_MEASURE = 'lift:tissue-precompute';

/** Where the precompute of a head ran, in the measure's `detail`. */
export interface PrecomputeDetail {
  readonly thread: 'worker' | 'main';
  readonly ms: number;
}

interface Deferred<T> {
  readonly promise: Promise<T>;
  resolve(value: T): void;
  reject(error: unknown): void;
}

function deferred<T>(): Deferred<T> {
  let resolve!: (value: T) => void, reject!: (error: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

interface Entry {
  readonly id: number;
  readonly asset: HeadAsset;
  model: TissueModel | null;
  readonly modelDone: Deferred<TissueModel>;
  /** Techniques whose undermined factor or unit responses are still on their way from the Worker. */
  readonly factors: Map<TechniqueId, Deferred<void>>;
  /** One promise per set of techniques asked for (stable, for React's `use`). */
  readonly ready: Map<string, Promise<TissueModel>>;
  /** Left the Worker (its failure or its absence): everything missing is computed here. */
  onMainThread: boolean;
}

const entries = new WeakMap<HeadAsset, Entry>();
const byId = new Map<number, Entry>();
let nextId = 1;
let worker: Worker | null = null;
let workerBroken = false;

const ALL = Object.keys(PROCEDURES) as TechniqueId[];
const UNDERMINING = ALL.filter((t) => PROCEDURES[t].undermining);

type AdoptResponses = (model: TissueModel, packed: PackedUnitResponses) => void;
let adoptResponses: AdoptResponses | null = null;

/**
 * Heads asked for from now on get every technique's unit responses from the Worker as well (at each technique's
 * default vector angle), and readyModel / modelReady wait for them: `adopt` is core/tissue/responses.ts
 * `adoptUnitResponses`, handed in by the caller so that the web mode's first load, which solves on this thread,
 * carries none of it.
 */
export function solveInWorker(adopt: AdoptResponses): void {
  adoptResponses = adopt;
}

/**
 * Marks `promise` with its outcome once settled (`status`, `value` / `reason` on the promise itself), as React's `use`
 * reads them: a settled promise is then read in the same render instead of suspending again. Returns `promise`.
 */
export function markSettled<T>(promise: Promise<T>): Promise<T> {
  const tracked = promise as Promise<T> & { status?: string; value?: T; reason?: unknown };
  // The handlers return nothing: returning the (rejected) promise itself would reject this chain, unhandled.
  promise.then(
    (value) => void Object.assign(tracked, { status: 'fulfilled', value }),
    (reason: unknown) => void Object.assign(tracked, { status: 'rejected', reason }),
  );
  return promise;
}

function measure(start: number, end: number, detail: PrecomputeDetail): void {
  try {
    performance.measure(PRECOMPUTE_MEASURE, { start, end, detail });
  } catch {
    // an old browser without measure options: the figure is for DevTools and tests only
  }
}

/**
 * The precompute's and the refactorisation's code for this thread (not in the page's bundle: the Worker has its
 * own copy), loaded only when the Worker fails. Loading the engine's index installs the refactorisation.
 */
let engine: Promise<typeof import('../core/tissue/index.ts')> | null = null;
function engineHere() {
  engine ??= loadChunk('tissue engine', () => import('../core/tissue/index.ts'));
  engine.catch(() => (engine = null));
  return engine;
}

/** A technique's factor will be made on this thread, on first use: ready once the code for it is loaded. */
function factorHere(entry: Entry, technique: TechniqueId): void {
  const d = entry.factors.get(technique);
  void engineHere().then(
    () => {
      entry.factors.delete(technique);
      d?.resolve();
    },
    (error: unknown) => d?.reject(error),
  );
}

/** The head's precompute here, on the page's thread (the Worker could not do it): after a paint, as before. */
function computeHere(entry: Entry): void {
  if (entry.onMainThread) return;
  entry.onMainThread = true;
  byId.delete(entry.id);
  // Missing factors are made on first use by the solve itself (undermining.ts), as before.
  for (const technique of [...entry.factors.keys()]) factorHere(entry, technique);
  if (entry.model) return;
  const engine = engineHere();
  setTimeout(async () => {
    try {
      const { createTissueModel } = await engine;
      const t0 = performance.now();
      const model = createTissueModel(entry.asset.data);
      measure(t0, performance.now(), { thread: 'main', ms: model.stats.precomputeMs });
      entry.model = model;
      entry.modelDone.resolve(model);
    } catch (error) {
      entry.modelDone.reject(error);
    }
  }, 0);
}

/** The console's word on a fallback (the page may pause for a moment while the engine runs on its thread). */
const warn = (what: string) => console.warn(`[lift] tissue engine Worker: ${what}; computing on the page's thread instead`);

function workerFailed(reason: string): void {
  if (!workerBroken) warn(reason);
  workerBroken = true;
  worker?.terminate();
  worker = null;
  for (const entry of [...byId.values()]) computeHere(entry);
}

function onMessage(event: MessageEvent<PrecomputeResponse>): void {
  const message = event.data;
  const entry = byId.get(message.id);
  if (!entry || entry.onMainThread) return;
  if (message.kind === 'failed') {
    warn(`${message.technique ?? 'precompute'} failed (${message.detail})`);
    if (message.technique) {
      factorHere(entry, message.technique);
    } else {
      computeHere(entry);
    }
  } else if (message.kind === 'model') {
    try {
      entry.model = reviveModel(message.model, entry.asset.data);
    } catch (error) {
      warn((error as Error).message);
      computeHere(entry);
      return;
    }
    measure(message.start - performance.timeOrigin, message.end - performance.timeOrigin, { thread: 'worker', ms: message.end - message.start });
    entry.modelDone.resolve(entry.model);
  } else {
    const { technique, factor, responses, wrinkles } = message;
    try {
      if (entry.model && factor) adoptTechniqueFactor(entry.model, factor);
      if (entry.model && responses) adoptResponses?.(entry.model, responses);
      if (entry.model && wrinkles) provideWrinkles(entry.model, wrinkles);
      entry.factors.get(technique)?.resolve();
      entry.factors.delete(technique);
    } catch (error) {
      warn((error as Error).message);
      factorHere(entry, technique);
    }
  }
  if (entry.model && entry.factors.size === 0) byId.delete(entry.id);
}

function precomputeWorker(): Worker | null {
  if (worker || workerBroken) return worker;
  try {
    worker = new Worker(new URL('./tissue.worker.ts', import.meta.url), { type: 'module' });
  } catch (error) {
    workerFailed((error as Error).message || 'no Worker');
    return null;
  }
  worker.addEventListener('message', onMessage);
  // its script could not be loaded or threw outside a request (a message it catches is a 'failed' reply)
  worker.addEventListener('error', (event) => {
    event.preventDefault();
    workerFailed(event.message || 'its script failed');
  });
  worker.addEventListener('messageerror', () => workerFailed('unreadable message'));
  return worker;
}

function entryFor(asset: HeadAsset, first: readonly TechniqueId[]): Entry {
  let entry = entries.get(asset);
  if (entry) return entry;
  const adopt = adoptResponses;
  const wanted = adopt ? ALL : UNDERMINING;
  const ordered = [...first.filter((t) => wanted.includes(t)), ...wanted.filter((t) => !first.includes(t))];
  const modelDone = deferred<TissueModel>();
  // Nobody may be waiting (a panel that went away): a failure is reported where the model is awaited.
  modelDone.promise.catch(() => {});
  entry = { id: nextId++, asset, model: null, modelDone, factors: new Map(), ready: new Map(), onMainThread: false };
  entries.set(asset, entry);
  for (const t of ordered) entry.factors.set(t, deferred<void>());
  byId.set(entry.id, entry);
  const w = typeof Worker === 'function' ? precomputeWorker() : (workerFailed('none in this browser'), null);
  if (w && !entry.onMainThread) {
    const request: PrecomputeRequest = {
      id: entry.id,
      head: asset.data,
      techniques: ordered.map((t) => ({ technique: t, undermining: PROCEDURES[t].undermining, angleDeg: adopt ? PROCEDURES[t].defaults.vectorAngleDeg : null })),
    };
    try {
      w.postMessage(request);
    } catch (error) {
      workerFailed((error as Error).message);
    }
  } else {
    computeHere(entry);
  }
  return entry;
}

/**
 * The head's tissue model once it is there together with the factors of `techniques` (their undermined
 * stiffness), or null while it is being computed (the precompute starts on the first call for a head).
 */
export function readyModel(asset: HeadAsset, techniques: readonly TechniqueId[]): TissueModel | null {
  const entry = entryFor(asset, techniques);
  return entry.model && techniques.every((t) => !entry.factors.has(t)) ? entry.model : null;
}

/**
 * Resolves with the head's tissue model once it and the factors of `techniques` are in (from the Worker, or
 * computed on this thread where it cannot run); the same promise for the same head and techniques, marked
 * fulfilled on itself once settled (React's `use` then reads it without suspending). Rejects when the engine cannot
 * build a model of this head at all.
 */
export function modelReady(asset: HeadAsset, techniques: readonly TechniqueId[]): Promise<TissueModel> {
  const entry = entryFor(asset, techniques);
  const key = techniques.join(',');
  let ready = entry.ready.get(key);
  if (!ready) {
    ready = entry.modelDone.promise.then(async (model) => {
      await Promise.all(techniques.map((t) => entry.factors.get(t)?.promise));
      return model;
    });
    // Once the model is in, `use` returns it in the same render instead of suspending again.
    entry.ready.set(key, markSettled(ready));
  }
  return ready;
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

const solutionKey = (technique: TechniqueId, params: LiftParams, sag: number) => `${technique}|${params.vectorAngleDeg ?? ''}|${params.liftMm ?? ''}|${sag}`;

/**
 * The technique's solution on this model for these parameters and sag (core/tissue/solve.ts), from a small cache
 * shared by every view and panel; solved here on a miss (the first solve of a technique on a head: its unit responses,
 * ~10–30 ms on the 2-core test machine).
 */
export function solutionFor(model: TissueModel, technique: TechniqueId, params: LiftParams, sag: number): TechniqueSolution {
  let cache = solutions.get(model);
  if (!cache) solutions.set(model, (cache = new Map()));
  const key = solutionKey(technique, params, sag);
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

/** Whether solutionFor has this solution cached (a call would not solve). */
export function hasSolution(model: TissueModel, technique: TechniqueId, params: LiftParams, sag: number): boolean {
  return solutions.get(model)?.has(solutionKey(technique, params, sag)) ?? false;
}
