// The clinic's public/config.json, validated field by field: a bad field is named in an on-screen
// notice and replaced by its default, while every good field is kept. The app never stops for config.
import * as z from 'zod/mini';
import { LANGUAGES, TECHNIQUES } from '../ids.ts';

const httpsOrRelativeUrl = z.string().check(
  z.maxLength(2000),
  z.refine((v) => /^(https:\/\/|\/)[^\s<>"']*$/.test(v), 'must be an https:// URL or a path on this site'),
);
const origin = z.string().check(z.refine((v) => /^https?:\/\/[a-z0-9.-]+(:\d{1,5})?$/i.test(v), 'must be an origin'));

export const CONFIG_FIELDS = {
  clinicName: z.string().check(z.minLength(1), z.maxLength(80)),
  /** A logo on this site (same origin), shown in the header and the kiosk. */
  logoUrl: z.nullable(z.string().check(z.refine((v) => /^\/[^\s<>"']*$/.test(v), 'must be a path on this site'))),
  bookingUrl: httpsOrRelativeUrl,
  /** Base of the link the kiosk's QR code opens on the visitor's phone (the web mode). */
  qrBaseUrl: httpsOrRelativeUrl,
  languages: z.array(z.enum(LANGUAGES)).check(z.minLength(1)),
  defaultLanguage: z.enum(LANGUAGES),
  defaultTechnique: z.enum(TECHNIQUES),
  kioskIdleSeconds: z.number().check(z.gte(10), z.lte(3600)),
  kioskLanguageSeconds: z.number().check(z.gte(3), z.lte(600)),
  embedOrigins: z.array(origin).check(z.maxLength(50)),
} as const;

export type AppConfig = { -readonly [K in keyof typeof CONFIG_FIELDS]: z.infer<(typeof CONFIG_FIELDS)[K]> };

export const DEFAULT_CONFIG: AppConfig = {
  clinicName: 'Lift Visualizer',
  logoUrl: null,
  bookingUrl: '/',
  qrBaseUrl: '/',
  languages: ['ko', 'en', 'zh', 'ja'],
  defaultLanguage: 'ko',
  defaultTechnique: 'smile',
  kioskIdleSeconds: 60,
  kioskLanguageSeconds: 12,
  embedOrigins: [],
};

export interface ConfigIssue {
  readonly field: string;
  readonly message: string;
}

export interface ValidatedConfig {
  readonly config: AppConfig;
  readonly issues: readonly ConfigIssue[];
}

/** Validate untrusted JSON (already parsed). Never throws. */
export function validateConfig(input: unknown): ValidatedConfig {
  const config: AppConfig = { ...DEFAULT_CONFIG, languages: [...DEFAULT_CONFIG.languages] };
  const issues: ConfigIssue[] = [];
  if (typeof input !== 'object' || input === null || Array.isArray(input)) {
    return { config, issues: [{ field: 'config.json', message: 'is not a JSON object' }] };
  }
  const record = input as Record<string, unknown>;
  for (const key of Object.keys(CONFIG_FIELDS) as (keyof AppConfig)[]) {
    if (!(key in record)) continue;
    const result = CONFIG_FIELDS[key].safeParse(record[key]);
    if (result.success) (config as Record<string, unknown>)[key] = result.data;
    else issues.push({ field: key, message: result.error.issues[0]?.message ?? 'is invalid' });
  }
  for (const key of Object.keys(record)) {
    if (!(key in CONFIG_FIELDS) && !key.startsWith('$') && !key.startsWith('_')) {
      issues.push({ field: key.slice(0, 40), message: 'is not a known setting' });
    }
  }
  // Cross-field rules: the default language must be one of the offered languages.
  if (!config.languages.includes(config.defaultLanguage)) {
    issues.push({ field: 'defaultLanguage', message: 'is not in languages' });
    config.defaultLanguage = config.languages[0] ?? DEFAULT_CONFIG.defaultLanguage;
  }
  config.languages = [...new Set(config.languages)];
  return { config, issues };
}

/** Parse the raw text of config.json. Never throws. */
export function parseConfigText(text: string): ValidatedConfig {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return { config: validateConfig({}).config, issues: [{ field: 'config.json', message: 'is not valid JSON' }] };
  }
  return validateConfig(json);
}
