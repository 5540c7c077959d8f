import { useId } from 'react';
import { useTranslation } from '../i18n/react.ts';
import { isOneOf, LANGUAGES } from '../core/ids.ts';
import { useApp, useAppContext } from '../state/context.tsx';

export function LanguagePicker() {
  const { t } = useTranslation();
  const id = useId();
  const { config } = useAppContext();
  const lang = useApp((s) => s.lang);
  const setLang = useApp((s) => s.setLang);
  return (
    <div className="language-picker">
      <label htmlFor={id}>{t('control.language')}</label>
      <select id={id} value={lang} onChange={(e) => isOneOf(LANGUAGES, e.target.value) && setLang(e.target.value)}>
        {config.languages.map((l) => (
          <option key={l} value={l} lang={l}>
            {t(`language.${l}`)}
          </option>
        ))}
      </select>
    </div>
  );
}
