// Every language's strings at once (tests and tooling). The app itself loads only the language in use
// (src/i18n/index.ts), so a Korean patient's phone does not download English, Chinese and Japanese.
import { en } from './en.ts';
import { ko } from './ko.ts';
import { zh } from './zh.ts';
import { ja } from './ja.ts';
import { withSteps } from './steps.ts';
import { CAPTIONS_EN } from '../core/procedures/captions.en.ts';
import { CAPTIONS_KO } from './steps.ko.ts';
import { CAPTIONS_ZH } from './steps.zh.ts';
import { CAPTIONS_JA } from './steps.ja.ts';

/** Every language's strings, with the procedures' step captions under `steps.<technique>.<stepId>`. */
export const RESOURCES = {
  en: withSteps(en, CAPTIONS_EN),
  ko: withSteps(ko, CAPTIONS_KO),
  zh: withSteps(zh, CAPTIONS_ZH),
  ja: withSteps(ja, CAPTIONS_JA),
} as const;
