// React side of the translator: a context for the page's Translator and a hook that re-renders its component
// when the language changes.
import { createContext, createElement, useContext, useSyncExternalStore, type ReactNode } from 'react';
import type { Translator } from './translator.ts';

const TranslatorContext = createContext<Translator | null>(null);

/** Provides `i18n` to everything below it. */
export function I18nProvider({ i18n, children }: { i18n: Translator; children?: ReactNode }) {
  return createElement(TranslatorContext.Provider, { value: i18n }, children);
}

/**
 * `{ t, i18n }` of the nearest I18nProvider; the component re-renders on a language change.
 * Throws when there is no provider (a programming error, caught by the error boundary).
 */
export function useTranslation(): { t: Translator['t']; i18n: Translator } {
  const i18n = useContext(TranslatorContext);
  if (!i18n) throw new Error('useTranslation outside an I18nProvider');
  const language = useSyncExternalStore(
    (onChange) => i18n.subscribe(onChange),
    () => i18n.language,
  );
  return { t: i18n.fixedT(language), i18n };
}
