// The photo panel's strings (src/ui/photo/strings.ts) exist in all four languages, one message per photo problem.
import { describe, expect, it } from 'vitest';
import { PHOTO_STRINGS } from '../../../src/ui/photo/strings.ts';
import type { PhotoProblem } from '../../../src/core/face/photoChecks.ts';

const PROBLEMS: readonly PhotoProblem[] = [
  'not-image',
  'too-small',
  'face-too-small',
  'no-face',
  'turned',
  'too-dark',
  'blurred',
  'camera-denied',
  'no-camera',
  'model-failed',
];

const keys = (o: object, prefix = ''): string[] =>
  Object.entries(o).flatMap(([k, v]) => (typeof v === 'object' && v !== null ? keys(v as object, `${prefix}${k}.`) : [`${prefix}${k}`]));

describe('photo strings', () => {
  it('every language has every string, non-empty, and a message for every problem', () => {
    const en = keys(PHOTO_STRINGS.en).sort();
    for (const lang of ['ko', 'zh', 'ja'] as const) expect(keys(PHOTO_STRINGS[lang]).sort(), lang).toEqual(en);
    for (const lang of ['en', 'ko', 'zh', 'ja'] as const) {
      for (const p of PROBLEMS) expect(PHOTO_STRINGS[lang].problem[p].length, `${lang} ${p}`).toBeGreaterThan(5);
      expect(Object.keys(PHOTO_STRINGS[lang].problem).sort()).toEqual([...PROBLEMS].sort());
    }
  });
});
