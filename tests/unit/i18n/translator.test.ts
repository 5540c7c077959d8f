import { describe, expect, it } from 'vitest';
import { Translator } from '../../../src/i18n/translator.ts';

describe('Translator', () => {
  const en = { app: { title: 'Lift', count: '{{n}} of {{total}} steps', raw: 'keep {{unknown}}' } };
  const ko = { app: { title: '리프트' } };

  it('resolves dotted keys in the language shown and interpolates every {{name}}', () => {
    const i18n = new Translator('en', en);
    expect(i18n.t('app.title')).toBe('Lift');
    expect(i18n.t('app.count', { n: 2, total: 7 })).toBe('2 of 7 steps');
    // a placeholder with no value stays visible rather than turning into "undefined"
    expect(i18n.t('app.raw', { n: 1 })).toBe('keep {{unknown}}');
    // a missing key (or a key naming a section, not a string) comes back as the key
    expect(i18n.t('app.nothing')).toBe('app.nothing');
    expect(i18n.t('app')).toBe('app');
  });

  it('returns text, never markup: values are inserted verbatim for React to escape', () => {
    const i18n = new Translator('en', { a: { b: 'x {{v}} y' } });
    expect(i18n.t('a.b', { v: '<img src=x onerror=alert(1)>' })).toBe('x <img src=x onerror=alert(1)> y');
  });

  it('switches language only when told, notifies subscribers, and hands out one t per language', () => {
    const i18n = new Translator('en', en);
    i18n.addResourceBundle('ko', ko);
    const tEn = i18n.fixedT('en');
    let calls = 0;
    const off = i18n.subscribe(() => calls++);
    i18n.changeLanguage('ko');
    i18n.changeLanguage('ko'); // no change, no call
    expect(calls).toBe(1);
    expect(i18n.language).toBe('ko');
    expect(i18n.t('app.title')).toBe('리프트');
    expect(tEn('app.title')).toBe('Lift');
    expect(i18n.fixedT('en')).toBe(tEn);
    expect(i18n.fixedT('ko')).not.toBe(tEn);
    off();
    i18n.changeLanguage('en');
    expect(calls).toBe(1);
  });

  it('merges a chunk section into each language once, keeping strings already there', () => {
    const i18n = new Translator('en', en);
    i18n.addSection('consult', 'export', { en: { export: 'Save', extra: 'More' }, ko: { export: '저장' } });
    expect(i18n.t('consult.export')).toBe('Save');
    expect(i18n.t('app.title')).toBe('Lift'); // the base table survives the merge
    expect(i18n.exists('consult.export', { lng: 'ko' })).toBe(true);
    i18n.addSection('consult', 'export', { en: { export: 'Changed' } });
    expect(i18n.t('consult.export')).toBe('Save');
    i18n.addResourceBundle('en', { consult: { export: 'Changed' } }, true);
    expect(i18n.t('consult.export')).toBe('Changed');
    expect(i18n.t('consult.extra')).toBe('More');
  });
});
