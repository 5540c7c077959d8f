import i18next, { type i18n } from 'i18next';
import { initReactI18next } from 'react-i18next';
import type { Language } from '../core/ids.ts';
import { withSteps } from './steps.ts';
import { loadChunk } from '../ui/lazyChunk.ts';

// One chunk per language, fetched when the language is first used (the kiosk precaches all of them), through
// the app's one chunk-recovery path (src/ui/lazyChunk.ts: a second try, then "a newer version is available").
const LOADERS: Record<Language, () => Promise<object>> = {
  en: async () => withSteps((await import('./en.ts')).en, (await import('../core/procedures/captions.en.ts')).CAPTIONS_EN),
  ko: async () => withSteps((await import('./ko.ts')).ko, (await import('./steps.ko.ts')).CAPTIONS_KO),
  zh: async () => withSteps((await import('./zh.ts')).zh, (await import('./steps.zh.ts')).CAPTIONS_ZH),
  ja: async () => withSteps((await import('./ja.ts')).ja, (await import('./steps.ja.ts')).CAPTIONS_JA),
};

/** HTML lang attribute per UI language (Simplified Chinese). */
export const HTML_LANG: Record<Language, string> = { ko: 'ko', en: 'en', zh: 'zh-Hans', ja: 'ja' };

const loadLanguage = (lang: Language) => loadChunk(`language ${lang}`, LOADERS[lang]);

/**
 * Make sure `lang`'s strings are loaded into the instance (no-op when they are). Rejects with a
 * ChunkLoadError when the language's chunk cannot be loaded (the caller keeps the language shown).
 */
export async function ensureLanguage(instance: i18n, lang: Language): Promise<void> {
  if (instance.hasResourceBundle(lang, 'translation') && instance.exists('app.title', { lng: lang })) return;
  instance.addResourceBundle(lang, 'translation', await loadLanguage(lang), true, false);
}

export async function createI18n(lang: Language): Promise<i18n> {
  const instance = i18next.createInstance();
  await instance.use(initReactI18next).init({
    lng: lang,
    // Every key exists in every language (tests/unit/i18n), so there is no fallback language to download.
    fallbackLng: false,
    resources: { [lang]: { translation: await loadLanguage(lang) } },
    // React escapes text itself; strings from the URL or config are never treated as HTML anywhere.
    interpolation: { escapeValue: false },
    initAsync: false,
    returnNull: false,
  });
  return instance;
}
