import { useTranslation } from '../i18n/react.ts';
import type { TechniqueId } from '../core/ids.ts';
import { useApp } from '../state/context.tsx';

export interface TechniquePickerProps {
  readonly techniques: readonly TechniqueId[];
  readonly className?: string;
}

/** One real button per technique; the pressed one is the technique shown. */
export function TechniquePicker({ techniques, className = '' }: TechniquePickerProps) {
  const { t } = useTranslation();
  const current = useApp((s) => s.technique);
  const setTechnique = useApp((s) => s.setTechnique);
  return (
    <div role="group" aria-label={t('control.technique')} className={`technique-picker ${className}`}>
      {techniques.map((id) => (
        <button key={id} type="button" aria-pressed={current === id} data-technique={id} onClick={() => setTechnique(id)}>
          {t(`technique.${id}`)}
        </button>
      ))}
    </div>
  );
}
