import { describe, expect, it } from 'vitest';
import { RESOURCES } from '../../../src/i18n/resources.ts';
import { en } from '../../../src/i18n/en.ts';
import { LANGUAGES } from '../../../src/core/ids.ts';

/** Flatten a nested string table to `a.b.c` → value. */
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

const enKeys = flatten(RESOURCES.en);
const interpolations = (s: string) => [...s.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]).sort();

describe.each(LANGUAGES)('locale %s', (lang) => {
  const table = flatten(RESOURCES[lang]);

  it('has every key of en', () => {
    const missing = [...enKeys.keys()].filter((k) => !table.has(k));
    expect(missing).toEqual([]);
  });

  it('has no empty or non-string value', () => {
    const bad = [...table].filter(([, v]) => typeof v !== 'string' || v.trim() === '').map(([k]) => k);
    expect(bad).toEqual([]);
  });

  it('has no key en lacks (stale keys)', () => {
    expect([...table.keys()].filter((k) => !enKeys.has(k))).toEqual([]);
  });

  it('keeps the interpolation placeholders of en', () => {
    const wrong = [...enKeys]
      .filter(([k, v]) => typeof v === 'string' && JSON.stringify(interpolations(v)) !== JSON.stringify(interpolations(String(table.get(k) ?? ''))))
      .map(([k]) => k);
    expect(wrong).toEqual([]);
  });

  it.runIf(lang !== 'en')('translates the patient-facing text (not a copy of en)', () => {
    // Brand-like strings may stay the same; whole sections must not.
    const same = [...flatten(RESOURCES[lang].web)].filter(([k, v]) => v === flatten(RESOURCES.en.web).get(k));
    expect(same).toEqual([]);
  });
});

describe('the accessible names of the deep-link contract (en)', () => {
  it.each([
    ['technique.traditional', 'Traditional mini lift'],
    ['technique.smile', 'Smile Mini Lift'],
    ['technique.thread', 'Dual-layer thread lift'],
    ['control.play', 'Play'],
    ['control.pause', 'Pause'],
    ['control.progress', 'Procedure progress'],
    ['control.compare', 'Compare'],
    ['control.beforeAfter', 'Before / after'],
    ['layer.skin', 'Skin'],
    ['layer.fat', 'Fat'],
    ['layer.smas', 'SMAS (fascia)'],
    ['layer.ligaments', 'Retaining ligaments'],
    ['layer.bone', 'Bone'],
    ['control.language', 'Language'],
  ])('%s is "%s"', (key, name) => {
    expect(flatten(en).get(key)).toBe(name);
  });
});

describe('medical terms in their usual local form', () => {
  it.each([
    ['ko', 'region.nasolabial', '팔자주름'],
    ['ko', 'region.jawline', '턱선'],
    ['ko', 'web.concern.crowsfeet', '눈가 주름'],
    ['ko', 'layer.smas', 'SMAS(근막)'],
    ['ja', 'region.nasolabial', 'ほうれい線'],
    ['zh', 'region.nasolabial', '法令纹'],
  ] as const)('%s %s contains %s', (lang, key, term) => {
    expect(String(flatten(RESOURCES[lang]).get(key))).toContain(term);
  });
});

describe('step captions of every procedure', () => {
  it.each(LANGUAGES)('exist in %s', async (lang) => {
    const { PROCEDURES } = await import('../../../src/core/procedures/index.ts');
    const steps = flatten(RESOURCES[lang]);
    const missing: string[] = [];
    for (const procedure of Object.values(PROCEDURES)) {
      for (const step of procedure.steps) {
        const key = `steps.${procedure.id}.${step.id}`;
        if (typeof steps.get(key) !== 'string') missing.push(key);
      }
    }
    expect(missing).toEqual([]);
  });
});
