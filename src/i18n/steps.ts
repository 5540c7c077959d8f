// Step captions per language: `steps.<technique>.<stepId>`. English comes from the engine's own captions
// (src/core/procedures/captions.en.ts, flat keys); ko, zh and ja are translated here, keyed the same way.
// tests/unit/i18n fails when a caption is added to the engine without its translations (at run time the
// English caption is the fallback).

export type FlatCaptions = Readonly<Record<string, string>>;




export type StepCaptions = Record<string, Record<string, string>>;

/** `steps.smile.mark` → { smile: { mark: … } }, the nested shape the translator resolves `steps.smile.mark` in. */
export function nestCaptions(flat: FlatCaptions): StepCaptions {
  const out: StepCaptions = {};
  for (const [key, text] of Object.entries(flat)) {
    const [, technique, ...rest] = key.split('.');
    if (!technique || rest.length === 0) continue;
    (out[technique] ??= {})[rest.join('.')] = text;
  }
  return out;
}

/** A language's UI strings with its step captions (flat keys) nested under `steps`. */
export const withSteps = <T extends object>(table: T, captions: FlatCaptions) => ({ ...table, steps: nestCaptions(captions) });
