// Procedure progress ↔ steps. A procedure's steps tile [0, 1]; progress maps to the step it falls in and the
// local progress within it. The tissue engine uses the same intervals to ramp each step's tractions.
import type { ActionId, Procedure, ProcedureStep } from '../procedures/types.ts';
import { clamp01, easeInOutCubic } from './easing.ts';

export * from './easing.ts';

export interface StepState {
  readonly index: number;
  readonly step: ProcedureStep;
  /** progress within the step, [0, 1] */
  readonly local: number;
}

/** The step containing `progress` (clamped to [0, 1]; progress 1 is the last step at local 1). */
export function stepAt(procedure: Procedure, progress: number): StepState {
  const p = clamp01(progress);
  const steps = procedure.steps;
  let index = steps.length - 1;
  for (let k = 0; k < steps.length; k++) {
    if (p < steps[k]!.end) {
      index = k;
      break;
    }
  }
  const step = steps[index]!;
  const span = step.end - step.start;
  return { index, step, local: span > 0 ? clamp01((p - step.start) / span) : 1 };
}

/** Progress at which step `index` starts (clamped to the valid range). */
export function stepStart(procedure: Procedure, index: number): number {
  const steps = procedure.steps;
  if (steps.length === 0) return 0;
  const i = Math.max(0, Math.min(steps.length - 1, Math.trunc(Number.isFinite(index) ? index : 0)));
  return steps[i]!.start;
}

/** Activation in [0, 1] of an action at `progress`: 0 before its step, eased ramp during it, 1 after. */
export function actionActivation(procedure: Procedure, action: ActionId, progress: number): number {
  const p = clamp01(progress);
  const step = procedure.steps.find((s) => s.moves.includes(action));
  if (!step) return 0;
  if (p <= step.start) return 0;
  if (p >= step.end) return 1;
  return easeInOutCubic((p - step.start) / (step.end - step.start));
}
