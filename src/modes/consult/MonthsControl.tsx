import { useId } from 'react';
import { useTranslation } from '../../i18n/react.ts';
import type { TechniqueId } from '../../core/ids.ts';
import { MONTHS_MAX, RETENTION, retention } from '../../core/tissue/months.ts';
import { useApp } from '../../state/context.tsx';

/**
 * The "Months after" slider: the result 0–24 months after the operation, with each shown technique's share of
 * its lift still there and where that figure comes from — the literature (cited), the clinic's claim, or the
 * app's design choice — and the reminder that ageing goes on meanwhile.
 */
export function MonthsControl({ techniques }: { techniques: readonly TechniqueId[] }) {
  const { t } = useTranslation();
  const id = useId();
  const months = useApp((s) => s.months);
  const setMonths = useApp((s) => s.setMonths);
  const value = t('consult.months.value', { months: String(months) });
  return (
    <section className="months-control" aria-labelledby={`${id}-label`}>
      <div className="months-row">
        <label id={`${id}-label`} htmlFor={id}>
          {t('consult.months.label')}
        </label>
        <output htmlFor={id} className="months-value">
          {value}
        </output>
      </div>
      <input
        id={id}
        type="range"
        min={0}
        max={MONTHS_MAX}
        step={1}
        value={months}
        aria-valuetext={value}
        onChange={(e) => setMonths(Number(e.target.value))}
      />
      <ul className="months-sources">
        {techniques.map((technique) => {
          const curve = RETENTION[technique];
          return (
            <li key={technique} data-retention={technique} data-basis={curve.basis}>
              <strong>{t(`technique.${technique}`)}</strong>: {t('consult.months.kept', { percent: String(Math.round(retention(technique, months) * 100)) })}
              <br />
              <span className="muted">
                {curve.basis === 'literature' ? t('consult.months.literature', { source: curve.source }) : t(`consult.months.${curve.basis === 'clinic-claim' ? 'clinicClaim' : 'designChoice'}`)}
              </span>
            </li>
          );
        })}
      </ul>
      <p className="muted small">{t('consult.months.ageing')}</p>
    </section>
  );
}
