// The patient's "right after" / "after one year" for the technique shown in the before/after view. Loaded with
// the before/after view only (its strings too), so the patient's first page stays within its budget.
import { useTranslation } from '../../i18n/react.ts';
import type { TechniqueId } from '../../core/ids.ts';
import { RETENTION } from '../../core/tissue/months.ts';
import { useApp } from '../../state/context.tsx';
import { AFTER_MONTHS_STRINGS as STRINGS } from './afterMonthsStrings.ts';

/** Months shown by "after one year". */
const ONE_YEAR = 12;


export default function AfterMonths({ technique }: { technique: TechniqueId }) {
  const { t, i18n } = useTranslation();
  i18n.addSection('afterMonths', 'label', STRINGS);
  const months = useApp((s) => s.months);
  const setMonths = useApp((s) => s.setMonths);
  const curve = RETENTION[technique];
  const note =
    curve.basis === 'literature'
      ? t('afterMonths.literature', { source: curve.source })
      : t(`afterMonths.${curve.basis === 'clinic-claim' ? 'clinicClaim' : 'designChoice'}`);
  return (
    <div className="after-months">
      <div role="group" aria-label={t('afterMonths.label')} className="after-months-buttons">
        <button type="button" aria-pressed={months === 0} onClick={() => setMonths(0)}>
          {t('afterMonths.rightAfter')}
        </button>
        <button type="button" aria-pressed={months === ONE_YEAR} onClick={() => setMonths(ONE_YEAR)}>
          {t('afterMonths.oneYear')}
        </button>
      </div>
      {months > 0 && (
        <p className="hint" data-basis={curve.basis}>
          {note} {t('afterMonths.ageing')}
        </p>
      )}
    </div>
  );
}
