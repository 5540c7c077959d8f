import { PROCEDURES } from '../core/procedures/index.ts';
import { stepAt } from '../core/timeline/index.ts';
import type { TechniqueId } from '../core/ids.ts';
import { useApp } from '../state/context.tsx';

/** The step of `technique` at the store's progress (re-renders only when the step changes). */
export function useStep(technique: TechniqueId) {
  const procedure = PROCEDURES[technique];
  const index = useApp((s) => stepAt(procedure, s.progress).index);
  const step = procedure.steps[index] ?? procedure.steps[0]!;
  return { procedure, index, step, count: procedure.steps.length };
}
