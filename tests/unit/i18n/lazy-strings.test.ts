// The string tables that load with their lazy chunks (consult, the web flow's months) have every key in every
// language, non-empty, with the placeholders of en.
import { describe, expect, it } from 'vitest';
import { LANGUAGES } from '../../../src/core/ids.ts';
import { CONSULT_STRINGS } from '../../../src/modes/consult/strings.ts';
import { AFTER_MONTHS_STRINGS } from '../../../src/modes/web/afterMonthsStrings.ts';

function flatten(table: unknown, prefix = ''): Map<string, unknown> {
  const out = new Map<string, unknown>();
  if (typeof table !== 'object' || table === null) return out;
  for (const [k, v] of Object.entries(table)) {
    const key = prefix ? `${prefix}.${k}` : k;
    if (typeof v === 'object' && v !== null) for (const [kk, vv] of flatten(v, key)) out.set(kk, vv);
    else out.set(key, v);
  }
  return out;
}
const placeholders = (s: unknown) => [...String(s).matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]).sort().join(',');

describe.each([
  ['consult', CONSULT_STRINGS],
  ['web months', AFTER_MONTHS_STRINGS],
] as const)('%s strings', (_name, tables) => {
  const en = flatten(tables.en);
  it.each(LANGUAGES)('%s has exactly the keys of en, non-empty, same placeholders', (lang) => {
    const table = flatten(tables[lang]);
    expect([...table.keys()].sort()).toEqual([...en.keys()].sort());
    for (const [k, v] of table) {
      expect(typeof v === 'string' && v.trim() !== '', k).toBe(true);
      expect(placeholders(v), k).toBe(placeholders(en.get(k)));
      if (lang !== 'en' && String(en.get(k)).length > 12) expect(v, `${lang}.${k} is not translated`).not.toBe(en.get(k));
    }
  });
});
