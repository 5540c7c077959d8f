import i18next, { type i18n } from 'i18next';
import { initReactI18next } from 'react-i18next';
import type { Language } from '../core/ids.ts';
import { en } from './en.ts';
import { ko } from './ko.ts';
import { zh } from './zh.ts';
import { ja } from './ja.ts';
import { STEP_CAPTIONS } from './steps.ts';

const withSteps = <T extends object>(table: T, lang: Language) => ({ ...table, steps: STEP_CAPTIONS[lang] });

/** Every language's strings, with the procedures' step captions under `steps.<technique>.<stepId>`. */
export const RESOURCES = {
  en: withSteps(en, 'en'),
  ko: withSteps(ko, 'ko'),
  zh: withSteps(zh, 'zh'),
  ja: withSteps(ja, 'ja'),
} as const;

/** HTML lang attribute per UI language (Simplified Chinese). */
export const HTML_LANG: Record<Language, string> = { ko: 'ko', en: 'en', zh: 'zh-Hans', ja: 'ja' };

export function createI18n(lang: Language): i18n {
  const instance = i18next.createInstance();
  void instance.use(initReactI18next).init({
    lng: lang,
    fallbackLng: 'en',
    resources: Object.fromEntries(Object.entries(RESOURCES).map(([k, v]) => [k, { translation: v }])),
    // React escapes text itself; strings from the URL or config are never treated as HTML anywhere.
    interpolation: { escapeValue: false },
    initAsync: false,
    returnNull: false,
  });
  return instance;
}
