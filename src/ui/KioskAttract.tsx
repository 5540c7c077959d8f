import { useTranslation } from '../i18n/react.ts';
import type { TechniqueId } from '../core/ids.ts';
import { useStep } from './useStep.ts';

export interface KioskAttractProps {
  readonly technique: TechniqueId;
  readonly clinicName: string;
  readonly onStart: () => void;
}

/** The attract loop's large captions over the playing animation; touching anywhere (or this button) starts. */
export function KioskAttract({ technique, clinicName, onStart }: KioskAttractProps) {
  const { t } = useTranslation();
  const { step, index, count } = useStep(technique);
  const tagline = technique === 'traditional' || technique === 'smile' || technique === 'thread' ? t(`kiosk.tagline.${technique}`) : '';
  return (
    <section className="kiosk-attract" aria-label={t('kiosk.attractLabel')}>
      <p className="attract-clinic">{clinicName}</p>
      <h1 className="attract-title">{t(`technique.${technique}`)}</h1>
      {tagline && <p className="attract-tagline">{tagline}</p>}
      <p className="attract-step">
        <span className="attract-step-num">
          {index + 1} / {count}
        </span>{' '}
        {t(`steps.${technique}.${step.id}`)}
      </p>
      <button type="button" className="attract-start" onClick={onStart}>
        {t('kiosk.touchToStart')}
      </button>
    </section>
  );
}
