import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { DEFAULT_CONFIG, parseConfigText, validateConfig } from '../../../src/core/config/schema.ts';
import { LANGUAGES } from '../../../src/core/ids.ts';

describe('config validation', () => {
  it('accepts the shipped public/config.json without issues', () => {
    const { issues, config } = parseConfigText(readFileSync('public/config.json', 'utf8'));
    expect(issues).toEqual([]);
    expect(config.languages).toEqual(['ko', 'en', 'zh', 'ja']);
  });

  it('names each bad field and keeps the good ones', () => {
    const { config, issues } = validateConfig({
      clinicName: 'Seoul Clinic',
      bookingUrl: 'javascript:alert(1)',
      kioskIdleSeconds: 2,
      languages: ['en', 'ja'],
      defaultLanguage: 'ja',
    });
    expect(issues.map((i) => i.field)).toEqual(['bookingUrl', 'kioskIdleSeconds']);
    expect(config.clinicName).toBe('Seoul Clinic');
    expect(config.bookingUrl).toBe(DEFAULT_CONFIG.bookingUrl);
    expect(config.kioskIdleSeconds).toBe(60);
    expect(config.languages).toEqual(['en', 'ja']);
  });

  it('reports broken JSON and unknown settings', () => {
    expect(parseConfigText('{ "clinicName": ').issues).toEqual([{ field: 'config.json', message: 'is not valid JSON' }]);
    expect(validateConfig({ colour: 'red' }).issues.map((i) => i.field)).toEqual(['colour']);
    expect(validateConfig([1, 2]).issues[0]?.field).toBe('config.json');
  });

  it('moves the default language into the offered set', () => {
    const { config, issues } = validateConfig({ languages: ['zh'], defaultLanguage: 'ko' });
    expect(config.defaultLanguage).toBe('zh');
    expect(issues.map((i) => i.field)).toEqual(['defaultLanguage']);
  });

  it('never throws and never lets a value out of its set (fuzzed)', () => {
    const field = fc.oneof(fc.string(), fc.integer(), fc.double(), fc.boolean(), fc.constant(null), fc.array(fc.string()));
    const configLike = fc.oneof(
      fc.dictionary(
        fc.constantFrom('clinicName', 'logoUrl', 'bookingUrl', 'qrBaseUrl', 'languages', 'defaultLanguage', 'defaultTechnique', 'kioskIdleSeconds', 'kioskLanguageSeconds', 'embedOrigins', 'x'),
        fc.oneof(field, fc.array(fc.constantFrom(...LANGUAGES, 'fr'))),
      ),
      fc.anything(),
    );
    fc.assert(
      fc.property(configLike, (input) => {
        const { config } = validateConfig(input);
        expect(config.languages.length).toBeGreaterThan(0);
        expect(config.languages).toContain(config.defaultLanguage);
        expect(config.kioskIdleSeconds).toBeGreaterThanOrEqual(10);
        expect(config.bookingUrl).toMatch(/^(https:\/\/|\/)/);
      }),
      { numRuns: 1200 },
    );
    fc.assert(fc.property(fc.string(), (text) => void parseConfigText(text)), { numRuns: 1000 });
  });
});
