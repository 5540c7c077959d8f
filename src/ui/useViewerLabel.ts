import { useTranslation } from '../i18n/react.ts';
import type { TechniqueId } from '../core/ids.ts';
import { useApp } from '../state/context.tsx';
import { useStep } from './useStep.ts';

/** The canvas wrapper's accessible name: technique, step and view (DESIGN.md contract). */
export function useViewerLabel(technique: TechniqueId): string {
  const { t } = useTranslation();
  const view = useApp((s) => s.view);
  const { index, step, count } = useStep(technique);
  return t('app.viewerLabel', {
    technique: t(`technique.${technique}`),
    step: index + 1,
    steps: count,
    stepName: t(`steps.${technique}.${step.id}`),
    view: t(`view.${view}`),
  });
}
