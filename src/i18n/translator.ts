// The app's translator: nested string tables per language, `{{name}}` interpolation, and a React hook that
// re-renders on a language change. It replaces i18next + react-i18next, which cost about 17 kB gzip of the web
// mode's 330 kB first-load budget for the handful of features used here (no plurals, namespaces, backends,
// formatters or HTML). No React import here: the hook lives in ./react.ts.
import type { Language } from '../core/ids.ts';

/** A string table: nested objects whose leaves are strings (typed loosely: the tables are interfaces and consts). */
export type Resources = object;

type Vars = Readonly<Record<string, string | number>>;

function lookup(table: Resources | undefined, key: string): string | undefined {
  let node: unknown = table;
  for (const part of key.split('.')) {
    if (node === null || typeof node !== 'object') return undefined;
    node = (node as Record<string, unknown>)[part];
  }
  return typeof node === 'string' ? node : undefined;
}

function merge(into: Record<string, unknown>, from: Resources, overwrite: boolean): void {
  for (const [k, v] of Object.entries(from) as [string, unknown][]) {
    const have = into[k];
    if (v !== null && typeof v === 'object' && have !== null && typeof have === 'object') merge(have as Record<string, unknown>, v, overwrite);
    else if (v !== null && typeof v === 'object') {
      const copy: Record<string, unknown> = {};
      merge(copy, v, true);
      into[k] = copy;
    } else if (overwrite || have === undefined) into[k] = v;
  }
}

/**
 * One language at a time over string tables loaded per language. `t(key, vars)` returns the string at the dotted
 * `key` in the current language with every `{{name}}` replaced by `vars[name]`; a missing key returns the key
 * itself (every key exists in every language: tests/unit/i18n). Values are returned as text: React escapes them,
 * and nothing from a URL or config is ever treated as HTML.
 */
export class Translator {
  private readonly tables = new Map<Language, Record<string, unknown>>();
  private readonly listeners = new Set<() => void>();
  private readonly bound = new Map<Language, Translator['t']>();
  private current: Language;

  constructor(language: Language, resources?: Resources) {
    this.current = language;
    if (resources) this.addResourceBundle(language, resources);
  }

  /** The language shown. */
  get language(): Language {
    return this.current;
  }

  /** The string at `key` in `lng` (default: the language shown), interpolated with `vars`. */
  readonly t = (key: string, vars?: Vars & { lng?: Language }): string => {
    const text = lookup(this.tables.get(vars?.lng ?? this.current) as Resources | undefined, key) ?? key;
    if (!vars) return text;
    return text.replace(/\{\{\s*(\w+)\s*\}\}/g, (whole, name: string) => (name in vars ? String(vars[name]) : whole));
  };

  /**
   * `t` for one language, the same function each time it is asked for: hooks hand it out, so memos that depend
   * on `t` are recomputed when (and only when) the language changes.
   */
  fixedT(lng: Language): Translator['t'] {
    let t = this.bound.get(lng);
    if (!t) this.bound.set(lng, (t = (key, vars) => this.t(key, { lng, ...vars })));
    return t;
  }

  /** Whether `key` has a string in `lng` (default: the language shown). */
  exists(key: string, options?: { lng?: Language }): boolean {
    return lookup(this.tables.get(options?.lng ?? this.current) as Resources | undefined, key) !== undefined;
  }

  /** Whether any strings of `lng` are loaded. */
  hasLanguage(lng: Language): boolean {
    return this.tables.has(lng);
  }

  /** Adds strings to `lng`'s table, deep-merged; existing strings are kept unless `overwrite`. */
  addResourceBundle(lng: Language, resources: Resources, overwrite = false): void {
    const table = this.tables.get(lng) ?? {};
    merge(table, resources, overwrite);
    this.tables.set(lng, table);
  }

  /**
   * Adds a chunk's own strings under `section` (e.g. consult mode's `consult.*`) to every language given, once:
   * a language that already has `section.<probe>` is left as it is.
   */
  addSection(section: string, probe: string, perLanguage: Readonly<Partial<Record<Language, Resources>>>): void {
    for (const [lng, strings] of Object.entries(perLanguage) as [Language, Resources][]) {
      if (!this.exists(`${section}.${probe}`, { lng })) this.addResourceBundle(lng, { [section]: strings });
    }
  }

  /** Shows `lng` (its strings must be loaded first: ensureLanguage) and tells every subscriber. */
  changeLanguage(lng: Language): void {
    if (lng === this.current) return;
    this.current = lng;
    for (const listener of [...this.listeners]) listener();
  }

  /** Called after every language change; returns the unsubscribe function. */
  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
}
