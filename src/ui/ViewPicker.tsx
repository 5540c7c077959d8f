import { useTranslation } from '../i18n/react.ts';
import { VIEWS } from '../core/ids.ts';
import { useApp } from '../state/context.tsx';

export function ViewPicker() {
  const { t } = useTranslation();
  const view = useApp((s) => s.view);
  const setView = useApp((s) => s.setView);
  return (
    <div role="group" aria-label={t('control.view')} className="view-picker">
      {VIEWS.map((v) => (
        <button key={v} type="button" aria-pressed={view === v} data-view={v} onClick={() => setView(v)}>
          {t(`view.${v}`)}
        </button>
      ))}
    </div>
  );
}
