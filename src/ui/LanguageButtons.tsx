import { useTranslation } from '../i18n/react.ts';
import { useApp, useAppContext } from '../state/context.tsx';

/** The kiosk's language picker: one big button per configured language (no drop-down on a touch screen). */
export function LanguageButtons({ className = '' }: { className?: string }) {
  const { t } = useTranslation();
  const { config } = useAppContext();
  const lang = useApp((s) => s.lang);
  const setLang = useApp((s) => s.setLang);
  return (
    <div role="group" aria-label={t('control.language')} className={`language-buttons ${className}`}>
      {config.languages.map((l) => (
        <button key={l} type="button" lang={l} aria-pressed={lang === l} data-lang={l} onClick={() => setLang(l)}>
          {t(`language.${l}`)}
        </button>
      ))}
    </div>
  );
}
