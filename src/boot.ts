// Everything the app needs before its first React render: config, deep link, store, URL sync, i18n.
// Bad config or URL input never stops the boot: each becomes a notice and defaults are used.
import type { Translator } from './i18n/translator.ts';
import { parseConfigText, validateConfig, type AppConfig } from './core/config/schema.ts';
import { LANGUAGES, type Language } from './core/ids.ts';
import { applyModeLimits, parseDeepLink } from './core/url/index.ts';
import { createAppStore, DEFAULT_SAG, type AppStore, type StoreDefaults } from './state/store.ts';
import { syncUrl } from './state/urlSync.ts';
import { PROCEDURES } from './core/procedures/index.ts';
import { stepAt, stepStart } from './core/timeline/index.ts';
import { createI18n, ensureLanguage, HTML_LANG } from './i18n/index.ts';

export interface AppContext {
  readonly store: AppStore;
  readonly config: AppConfig;
  readonly i18n: Translator;
  readonly defaults: StoreDefaults;
}

async function loadConfig(win: Window) {
  try {
    const response = await win.fetch(new URL('config.json', win.location.href), { cache: 'no-cache' });
    if (!response.ok) return { ...validateConfig({}), issues: [{ field: 'config.json', message: `HTTP ${response.status}` }] };
    return parseConfigText(await response.text());
  } catch {
    return { ...validateConfig({}), issues: [{ field: 'config.json', message: 'could not be read' }] };
  }
}

/** The browser's preferred language when the clinic offers it; else the clinic's default. */
export function pickLanguage(config: AppConfig, preferred: readonly string[]): Language {
  for (const tag of preferred) {
    const base = tag.toLowerCase().split('-')[0];
    const match = LANGUAGES.find((l) => l === base);
    if (match && config.languages.includes(match)) return match;
  }
  return config.defaultLanguage;
}

export async function boot(win: Window): Promise<AppContext> {
  const { config, issues: configIssues } = await loadConfig(win);
  const { link, issues: urlIssues } = applyModeLimits(parseDeepLink(win.location.search));
  const mode = link.mode ?? 'web';
  // The kiosk always starts in the clinic's default language; visitors' browsers are irrelevant there.
  const startLang = mode === 'kiosk' ? config.defaultLanguage : pickLanguage(config, win.navigator.languages ?? []);
  // The URL leaves out only the clinic's default language, so a shared link keeps the language it was made in.
  const defaults: StoreDefaults = { mode: 'web', technique: config.defaultTechnique, lang: config.defaultLanguage, sag: DEFAULT_SAG };
  const store = createAppStore(defaults, { ...link, lang: link.lang ?? startLang });
  if (link.lang && !config.languages.includes(link.lang)) store.getState().setLang(config.defaultLanguage);
  // `step` alone opens that step (its end state for the last one); `progress` wins when both are given.
  const procedure = PROCEDURES[store.getState().technique];
  if (link.step !== undefined && link.progress === undefined) {
    const last = procedure.steps.length - 1;
    const step = Math.min(link.step, last);
    store.getState().setProgress(step === last ? 1 : stepStart(procedure, step));
  }
  store.getState().setStep(stepAt(procedure, store.getState().progress).index);

  if (urlIssues.length > 0) {
    store.getState().addNotice({
      id: 'url',
      kind: 'url',
      key: 'notice.url',
      values: { list: urlIssues.map((i) => `${i.param}=${i.value}`).join(', ') },
      details: urlIssues,
    });
  }
  if (configIssues.length > 0) {
    store.getState().addNotice({
      id: 'config',
      kind: 'config',
      key: 'notice.config',
      values: { list: configIssues.map((i) => `${i.field} (${i.message})`).join(', ') },
    });
  }

  syncUrl(store, defaults, win.location, win.history);
  const i18n = await createI18n(store.getState().lang);
  const applyLang = (l: Language) => {
    // Load first, then switch: the page never shows raw keys while a language chunk arrives.
    void ensureLanguage(i18n, l).then(
      () => {
        if (store.getState().lang !== l) return; // a newer choice won
        win.document.documentElement.lang = HTML_LANG[l];
        i18n.changeLanguage(l);
      },
      () => {
        // The chunk could not be had (already reported: the app offers a reload). The language select and
        // <html lang> go back to the language actually on screen, so they never disagree with the page.
        if (store.getState().lang === l) store.getState().setLang(i18n.language as Language);
      },
    );
  };
  applyLang(store.getState().lang);
  store.subscribe((s, prev) => {
    if (s.lang !== prev.lang) applyLang(s.lang);
  });
  win.document.body.dataset.mode = store.getState().mode;
  return { store, config, i18n, defaults };
}
