import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { DEEP_LINK_KEYS, MAX_MONTHS, MAX_STEP, applyModeLimits, parseDeepLink, serializeDeepLink } from '../../../src/core/url/index.ts';
import { LANGUAGES, LAYERS, MODES, PATIENTS, TECHNIQUES, VIEWS } from '../../../src/core/ids.ts';

describe('parseDeepLink', () => {
  it('reads every parameter of the contract', () => {
    const { link, issues } = parseDeepLink(
      '?mode=consult&technique=smile&compare=traditional,thread&step=3&progress=0.25&lang=en&layers=skin,smas&view=oblique-left&sag=1&patient=male&embed=1&months=12',
    );
    expect(issues).toEqual([]);
    expect(link).toEqual({
      mode: 'consult',
      technique: 'smile',
      compare: ['traditional', 'thread'],
      step: 3,
      progress: 0.25,
      lang: 'en',
      layers: ['skin', 'smas'],
      view: 'oblique-left',
      sag: 1,
      patient: 'male',
      embed: true,
      months: 12,
    });
  });

  it('treats an empty query as all defaults', () => {
    expect(parseDeepLink('')).toEqual({ link: {}, issues: [] });
    expect(parseDeepLink('?')).toEqual({ link: {}, issues: [] });
  });

  it.each([
    ['mode', 'admin'],
    ['technique', 'facelift2'],
    ['compare', 'smile,smile'], // duplicates are not a comparison
    ['compare', 'smile,traditional,thread,facelift'], // more than three side by side
    ['step', '-1'],
    ['step', String(MAX_STEP + 1)],
    ['step', '1.5'],
    ['progress', '1.01'],
    ['progress', 'NaN'],
    ['progress', '1e-3'], // exponents are not part of the contract
    ['lang', 'fr'],
    ['layers', 'skin,muscle'],
    ['view', 'top'],
    ['sag', '2'],
    ['embed', 'yes'],
    ['patient', 'man'], // the contract's ids are female|male
    ['patient', 'MALE'],
    ['patient', 'female,male'],
    ['patient', ''],
    ['months', '25'], // beyond the months axis
    ['months', '24.5'],
    ['months', '-1'],
    ['months', '1e1'],
    ['months', '6,5'],
    ['months', 'twelve'],
    ['months', ''],
  ])('rejects %s=%s and reports it', (param, value) => {
    const { link, issues } = parseDeepLink(`?${param}=${encodeURIComponent(value)}`);
    expect(link).toEqual({});
    expect(issues).toEqual([{ param, value, reason: 'invalid-value' }]);
  });

  it.each([
    ['0', 0],
    ['12', 12],
    ['24', 24],
    ['6.5', 6.5],
    ['0.25', 0.25],
    ['03', 3],
  ])('reads months=%s as %d', (raw, value) => {
    expect(parseDeepLink(`?months=${raw}`)).toEqual({ link: { months: value }, issues: [] });
  });

  it('keeps the good parameters when others are bad', () => {
    const { link, issues } = parseDeepLink('?technique=thread&view=upside-down&lang=ja');
    expect(link).toEqual({ technique: 'thread', lang: 'ja' });
    expect(issues.map((i) => i.param)).toEqual(['view']);
  });

  it('reports unknown parameters but not campaign tags', () => {
    const { issues } = parseDeepLink('?foo=bar&utm_source=mail&fbclid=abc');
    expect(issues).toEqual([{ param: 'foo', value: 'bar', reason: 'unknown-parameter' }]);
  });

  it('reports a repeated parameter and keeps the first', () => {
    const { link, issues } = parseDeepLink('?lang=ko&lang=en');
    expect(link).toEqual({ lang: 'ko' });
    expect(issues).toEqual([{ param: 'lang', value: 'en', reason: 'duplicate' }]);
  });

  it('shortens long values in reports and keeps markup as plain text', () => {
    const evil = '<img src=x onerror=alert(1)>'.repeat(5);
    const { issues } = parseDeepLink(`?view=${encodeURIComponent(evil)}`);
    expect(issues[0]?.value.length).toBeLessThanOrEqual(41);
    expect(issues[0]?.value.startsWith('<img')).toBe(true);
  });
});

describe('patient', () => {
  it.each(PATIENTS)('reads patient=%s', (patient) => {
    expect(parseDeepLink(`?mode=consult&patient=${patient}`)).toEqual({ link: { mode: 'consult', patient }, issues: [] });
  });

  it('is consult-only: web and kiosk drop another patient with a notice, consult keeps it', () => {
    for (const query of ['?patient=male', '?mode=web&patient=male', '?mode=kiosk&patient=male&lang=en']) {
      const limited = applyModeLimits(parseDeepLink(query));
      expect(limited.link.patient).toBeUndefined();
      expect(limited.issues).toEqual([{ param: 'patient', value: 'male', reason: 'not-in-this-mode' }]);
    }
    expect(applyModeLimits(parseDeepLink('?mode=consult&patient=male'))).toEqual({ link: { mode: 'consult', patient: 'male' }, issues: [] });
    // The default patient is what web and kiosk show anyway: nothing to report.
    expect(applyModeLimits(parseDeepLink('?mode=web&patient=female'))).toEqual({ link: { mode: 'web', patient: 'female' }, issues: [] });
  });

  it('is written after sag and before embed, and round-trips', () => {
    const text = serializeDeepLink({ embed: true, patient: 'male', sag: 0.5, mode: 'consult' });
    expect(text).toBe('?mode=consult&sag=0.5&patient=male&embed=1');
    expect(parseDeepLink(text).link).toEqual({ mode: 'consult', sag: 0.5, patient: 'male', embed: true });
  });
});

describe('serializeDeepLink', () => {
  it('writes keys in the contract order and leaves out undefined ones', () => {
    expect(serializeDeepLink({ lang: 'zh', mode: 'kiosk', progress: 0.5 })).toBe('?mode=kiosk&progress=0.5&lang=zh');
    expect(serializeDeepLink({})).toBe('');
  });
  it('writes months as a plain decimal within the axis', () => {
    expect(serializeDeepLink({ months: 12 })).toBe('?months=12');
    expect(serializeDeepLink({ months: 6.125 })).toBe('?months=6.125');
    expect(serializeDeepLink({ months: MAX_MONTHS })).toBe(`?months=${MAX_MONTHS}`);
  });
  it('writes lists with readable commas', () => {
    expect(serializeDeepLink({ compare: ['smile', 'thread-conventional'] })).toBe(
      '?compare=smile,thread-conventional',
    );
  });
});

// Arbitrary query strings: a mix of real keys, real values, near-misses and junk.
const anyValue = fc.oneof(
  fc.constantFrom(...MODES, ...TECHNIQUES, ...LANGUAGES, ...LAYERS, ...VIEWS, ...PATIENTS, 'man', 'Female', '0', '1', '0.5', '1', 'true', '12', '24', '6.25', '24.001'),
  fc.double({ min: 0, max: 30, noNaN: true }).map((x) => x.toFixed(3)),
  fc.string({ maxLength: 30 }),
  fc.double({ noNaN: false }).map(String),
  fc.integer({ min: -5, max: 40 }).map(String),
  fc.array(fc.constantFrom(...TECHNIQUES, ...LAYERS, 'x'), { maxLength: 5 }).map((a) => a.join(',')),
);
const anyKey = fc.oneof(fc.constantFrom(...DEEP_LINK_KEYS), fc.string({ maxLength: 12 }));
const anyQuery = fc.oneof(
  fc
    .array(fc.tuple(anyKey, anyValue), { maxLength: 12 })
    .map((pairs) => '?' + pairs.map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(v)}`).join('&')),
  fc.string({ maxLength: 80 }), // raw junk, including stray % and &
);

describe('deep-link properties (fast-check)', () => {
  const runs = { numRuns: 1500 };

  it('parse never throws', () => {
    fc.assert(
      fc.property(anyQuery, (q) => {
        parseDeepLink(q);
      }),
      runs,
    );
  });

  it('serialize ∘ parse is stable: parsing the serialized link gives the same link and no issues', () => {
    fc.assert(
      fc.property(anyQuery, (q) => {
        const first = parseDeepLink(q).link;
        const again = parseDeepLink(serializeDeepLink(first));
        expect(again.issues).toEqual([]);
        expect(again.link).toEqual(first);
        expect(serializeDeepLink(again.link)).toBe(serializeDeepLink(first));
      }),
      runs,
    );
  });

  it('no value escapes its allowed set', () => {
    fc.assert(
      fc.property(anyQuery, (q) => {
        const { link } = parseDeepLink(q);
        if (link.mode !== undefined) expect(MODES).toContain(link.mode);
        if (link.technique !== undefined) expect(TECHNIQUES).toContain(link.technique);
        if (link.lang !== undefined) expect(LANGUAGES).toContain(link.lang);
        if (link.view !== undefined) expect(VIEWS).toContain(link.view);
        if (link.patient !== undefined) expect(PATIENTS).toContain(link.patient);
        for (const t of link.compare ?? []) expect(TECHNIQUES).toContain(t);
        for (const l of link.layers ?? []) expect(LAYERS).toContain(l);
        expect(new Set(link.compare ?? []).size).toBe((link.compare ?? []).length);
        for (const n of [link.progress, link.sag]) if (n !== undefined) expect(n >= 0 && n <= 1).toBe(true);
        if (link.months !== undefined) expect(link.months >= 0 && link.months <= MAX_MONTHS).toBe(true);
        if (link.step !== undefined) expect(Number.isInteger(link.step) && link.step >= 0 && link.step <= MAX_STEP).toBe(true);
        expect(Object.keys(link).every((k) => (DEEP_LINK_KEYS as readonly string[]).includes(k))).toBe(true);
      }),
      runs,
    );
  });

  it('mode limits never let web or kiosk keep another patient, and only ever remove', () => {
    fc.assert(
      fc.property(anyQuery, (q) => {
        const parsed = parseDeepLink(q);
        const limited = applyModeLimits(parsed);
        if ((limited.link.mode ?? 'web') !== 'consult') expect(limited.link.patient ?? 'female').toBe('female');
        expect({ ...limited.link, patient: parsed.link.patient }).toEqual({ ...parsed.link, patient: parsed.link.patient });
        expect(limited.issues.slice(0, parsed.issues.length)).toEqual(parsed.issues);
      }),
      runs,
    );
  });
});
