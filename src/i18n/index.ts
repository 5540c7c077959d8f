import { Translator, type Resources } from './translator.ts';
import type { Language } from '../core/ids.ts';
import { withSteps } from './steps.ts';
import { loadChunk } from '../ui/lazyChunk.ts';

// One chunk per language, fetched when the language is first used (the kiosk precaches all of them), through
// the app's one chunk-recovery path (src/ui/lazyChunk.ts: a second try, then "a newer version is available").
const LOADERS: Record<Language, () => Promise<Resources>> = {
  en: async () => withSteps((await import('./en.ts')).en, (await import('../core/procedures/captions.en.ts')).CAPTIONS_EN),
  ko: async () => withSteps((await import('./ko.ts')).ko, (await import('./steps.ko.ts')).CAPTIONS_KO),
  zh: async () => withSteps((await import('./zh.ts')).zh, (await import('./steps.zh.ts')).CAPTIONS_ZH),
  ja: async () => withSteps((await import('./ja.ts')).ja, (await import('./steps.ja.ts')).CAPTIONS_JA),
};

/** HTML lang attribute per UI language (Simplified Chinese). */
export const HTML_LANG: Record<Language, string> = { ko: 'ko', en: 'en', zh: 'zh-Hans', ja: 'ja' };

const loadLanguage = (lang: Language) => loadChunk(`language ${lang}`, LOADERS[lang]);

/**
 * Make sure `lang`'s strings are loaded into the translator (no-op when they are). Rejects with a
 * ChunkLoadError when the language's chunk cannot be loaded (the caller keeps the language shown).
 */
export async function ensureLanguage(instance: Translator, lang: Language): Promise<void> {
  if (instance.exists('app.title', { lng: lang })) return;
  instance.addResourceBundle(lang, await loadLanguage(lang), true);
}

/** The page's translator, showing `lang` with its strings loaded. Every key exists in every language (tests/unit/i18n). */
export async function createI18n(lang: Language): Promise<Translator> {
  return new Translator(lang, await loadLanguage(lang));
}

export { Translator } from './translator.ts';
export { I18nProvider, useTranslation } from './react.ts';
