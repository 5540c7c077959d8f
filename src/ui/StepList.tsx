import { useTranslation } from '../i18n/react.ts';
import type { TechniqueId } from '../core/ids.ts';
import { useApp } from '../state/context.tsx';
import { useStep } from './useStep.ts';

export interface StepListProps {
  readonly technique: TechniqueId;
  readonly labelId: string;
}

/** The procedure's steps as readable text; each step is a button that shows its end state. */
export function StepList({ technique, labelId }: StepListProps) {
  const { t } = useTranslation();
  const setPlaying = useApp((s) => s.setPlaying);
  const setProgress = useApp((s) => s.setProgress);
  const { procedure, index } = useStep(technique);
  return (
    <ol className="step-list web-steps" aria-labelledby={labelId}>
      {procedure.steps.map((s, i) => (
        <li key={s.id} aria-current={i === index ? 'step' : undefined}>
          <button
            type="button"
            onClick={() => {
              setPlaying(false);
              setProgress(i === procedure.steps.length - 1 ? 1 : s.end - 1e-3);
            }}
          >
            <span className="step-number" aria-hidden="true">
              {i + 1}
            </span>
            <span>{t(`steps.${technique}.${s.id}`)}</span>
          </button>
        </li>
      ))}
    </ol>
  );
}
