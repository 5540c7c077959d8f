// The measurements table's solves spread over tasks of the event loop: each traction's unit response, then each
// technique's solution, one per task (consult only: the patient's page shows one technique and solves it with its
// first frame).
import type { TechniqueId } from '../../core/ids.ts';
import type { LiftParams } from '../../core/tissue/api.ts';
import type { TissueModel } from '../../core/tissue/model.ts';
import { PROCEDURES } from '../../core/procedures/index.ts';
import { prepareTraction } from '../../core/tissue/responses.ts';
import { hasSolution, markSettled, solutionFor } from '../../scene/tissueModel.ts';

/** One technique and its parameters, for solutionsReady. */
export interface SolveRequest {
  readonly technique: TechniqueId;
  readonly params: LiftParams;
}

const SETTLED: Promise<void> = markSettled(Promise.resolve());
/** Solves under way or done, per model and set of requests (a few: the table's current and last inputs). */
const solving = new WeakMap<TissueModel, Map<string, Promise<void>>>();
/** Requests sets remembered per model. Design choice: a slider's recent positions. */
const SOLVING_KEPT = 8;

/**
 * Resolves once every request is in solutionFor's cache at `sag`, computing one traction's unit response or one
 * technique's solution per task of the event loop: the measurements table asks for all five techniques on a new head
 * (or a new sag), which in one task held the page's thread 80–90 ms after a photo (software WebGL test machine); a
 * technique at a time was still 50–60 ms; a traction at a time is ~10–30 ms, and input is handled in between. The same promise for the same requests; marked settled on itself (React's `use` reads it without
 * suspending), and already settled when nothing needs solving (or there is no model). Rejects with the engine's
 * error if a solve throws.
 */
export function solutionsReady(model: TissueModel | null, requests: readonly SolveRequest[], sag: number): Promise<void> {
  if (!model) return SETTLED;
  const missing = requests.filter((r) => !hasSolution(model, r.technique, r.params, sag));
  if (missing.length === 0) return SETTLED;
  let byKey = solving.get(model);
  if (!byKey) solving.set(model, (byKey = new Map()));
  const key = `${sag}#${requests.map((r) => `${r.technique}|${r.params.vectorAngleDeg ?? ''}|${r.params.liftMm ?? ''}`).join(';')}`;
  let promise = byKey.get(key);
  // A settled one whose solutions have since left the cache: solve them again.
  if (!promise || (promise as { status?: string }).status !== undefined) {
    promise = markSettled(
      new Promise<void>((resolve, reject) => {
        // Each traction's unit response (the sparse solves), then the technique's solution (cheap once they are in).
        const tasks = missing.flatMap(({ technique, params }) => [
          ...Array.from({ length: PROCEDURES[technique]?.tractions.length ?? 0 }, (_, i) => () => prepareTraction(model, technique, params, i)),
          () => void solutionFor(model, technique, params, sag),
        ]);
        const next = (k: number) => {
          if (k === tasks.length) return resolve();
          try {
            tasks[k]!();
          } catch (error) {
            return reject(error);
          }
          setTimeout(() => next(k + 1), 0);
        };
        setTimeout(() => next(0), 0);
      }),
    );
    if (byKey.size >= SOLVING_KEPT) byKey.delete(byKey.keys().next().value!);
    byKey.set(key, promise);
  }
  return promise;
}
