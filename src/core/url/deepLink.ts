// The deep-link contract of DESIGN.md: parse and serialize every parameter. Parsing never throws; an
// unknown or malformed value is dropped (the caller keeps its default) and reported for a notice.
import {
  DEFAULT_PATIENT,
  LANGUAGES,
  LAYERS,
  MODES,
  PATIENTS,
  TECHNIQUES,
  VIEWS,
  isOneOf,
  type Language,
  type LayerId,
  type Mode,
  type PatientId,
  type TechniqueId,
  type ViewId,
} from '../ids.ts';

/** Upper bound of `step`; no technique has more steps. Design choice: generous headroom over the longest (8). */
export const MAX_STEP = 15;
/** At most three techniques side by side (issue 5: "two or three"). */
export const MAX_COMPARE = 3;
/** Upper bound of `months` (the months axis of src/core/tissue/months.ts, kept here so the parser stays small). */
export const MAX_MONTHS = 24;
/** Longest raw value quoted back in a notice, so a pasted essay cannot flood the screen. */
const MAX_QUOTED = 40;

export interface DeepLink {
  mode?: Mode;
  technique?: TechniqueId;
  compare?: TechniqueId[];
  step?: number;
  progress?: number;
  lang?: Language;
  layers?: LayerId[];
  view?: ViewId;
  sag?: number;
  /** Which patient's head is shown (consult only; web and kiosk always show the default patient). */
  patient?: PatientId;
  embed?: boolean;
  /** Months after the operation, [0, MONTHS_MAX] (src/core/tissue/months.ts). */
  months?: number;
}

export type DeepLinkKey = keyof DeepLink;
export const DEEP_LINK_KEYS: readonly DeepLinkKey[] = [
  'mode',
  'technique',
  'compare',
  'step',
  'progress',
  'lang',
  'layers',
  'view',
  'sag',
  'patient',
  'embed',
  'months',
];

export interface DeepLinkIssue {
  readonly param: string;
  /** The raw value, shortened; always shown as text, never as HTML. */
  readonly value: string;
  /** `not-in-this-mode`: a valid value the link's mode does not offer (e.g. `patient=male` outside consult). */
  readonly reason: 'unknown-parameter' | 'invalid-value' | 'duplicate' | 'not-in-this-mode';
}

export interface ParsedDeepLink {
  readonly link: DeepLink;
  readonly issues: readonly DeepLinkIssue[];
}

/** Parameters other sites add to links (campaign tags, click ids); ignored without a notice. */
const FOREIGN_PARAMS = /^(utm_[a-z_]+|fbclid|gclid|msclkid|ref)$/i;

function quote(raw: string): string {
  return raw.length > MAX_QUOTED ? `${raw.slice(0, MAX_QUOTED)}…` : raw;
}

/** A strict decimal in [0, 1]: "0", "1", "0.25", ".5", "1.0". No exponents, hex, or whitespace. */
function parseUnit(raw: string): number | undefined {
  if (!/^(0|1|0?\.\d{1,6}|[01]\.\d{1,6})$/.test(raw)) return undefined;
  const value = Number(raw);
  return value >= 0 && value <= 1 ? value : undefined;
}

/** Months after the operation: "12", "0.5", "6.25" in [0, MAX_MONTHS]. No sign, exponent or whitespace. */
function parseMonths(raw: string): number | undefined {
  if (!/^\d{1,2}(\.\d{1,3})?$/.test(raw)) return undefined;
  const value = Number(raw);
  return value <= MAX_MONTHS ? value : undefined;
}

function parseStep(raw: string): number | undefined {
  if (!/^\d{1,2}$/.test(raw)) return undefined;
  const value = Number(raw);
  return value <= MAX_STEP ? value : undefined;
}

/** A comma list of distinct ids from `allowed`; any bad item makes the whole value invalid. */
function parseList<T extends string>(raw: string, allowed: readonly T[], max: number): T[] | undefined {
  if (raw === '') return [];
  const items = raw.split(',');
  if (items.length > max) return undefined;
  const out: T[] = [];
  for (const item of items) {
    if (!isOneOf(allowed, item) || out.includes(item)) return undefined;
    out.push(item);
  }
  return out;
}

function parseValue(key: DeepLinkKey, raw: string): DeepLink[DeepLinkKey] | undefined {
  switch (key) {
    case 'mode':
      return isOneOf(MODES, raw) ? raw : undefined;
    case 'technique':
      return isOneOf(TECHNIQUES, raw) ? raw : undefined;
    case 'compare':
      return parseList(raw, TECHNIQUES, MAX_COMPARE);
    case 'step':
      return parseStep(raw);
    case 'progress':
    case 'sag':
      return parseUnit(raw);
    case 'lang':
      return isOneOf(LANGUAGES, raw) ? raw : undefined;
    case 'layers':
      return parseList(raw, LAYERS, LAYERS.length);
    case 'view':
      return isOneOf(VIEWS, raw) ? raw : undefined;
    case 'patient':
      return isOneOf(PATIENTS, raw) ? raw : undefined;
    case 'months':
      return parseMonths(raw);
    case 'embed':
      return raw === '1' || raw === 'true' ? true : raw === '0' || raw === 'false' ? false : undefined;
  }
}

/** Parse a query string ("?a=b&…" or "a=b&…"). Never throws. */
export function parseDeepLink(search: string): ParsedDeepLink {
  const link: DeepLink = {};
  const issues: DeepLinkIssue[] = [];
  let params: URLSearchParams;
  try {
    params = new URLSearchParams(search.startsWith('?') ? search.slice(1) : search);
  } catch {
    return { link, issues: [{ param: '?', value: quote(String(search)), reason: 'invalid-value' }] };
  }
  const seen = new Set<string>();
  for (const [param, raw] of params) {
    if (FOREIGN_PARAMS.test(param)) continue;
    if (!isOneOf(DEEP_LINK_KEYS, param)) {
      issues.push({ param: quote(param), value: quote(raw), reason: 'unknown-parameter' });
      continue;
    }
    if (seen.has(param)) {
      issues.push({ param, value: quote(raw), reason: 'duplicate' });
      continue;
    }
    seen.add(param);
    const value = parseValue(param, raw.trim());
    if (value === undefined) issues.push({ param, value: quote(raw), reason: 'invalid-value' });
    else (link as Record<string, unknown>)[param] = value;
  }
  return { link, issues };
}

/**
 * Drops what the link's mode (default `web`) does not offer, with an issue each, so the caller's notice names it:
 * another patient than the default is consult-only (web and kiosk load only the default patient's model file).
 */
export function applyModeLimits(parsed: ParsedDeepLink): ParsedDeepLink {
  const { patient, ...rest } = parsed.link;
  if (patient === undefined || patient === DEFAULT_PATIENT || (parsed.link.mode ?? 'web') === 'consult') return parsed;
  return { link: rest, issues: [...parsed.issues, { param: 'patient', value: patient, reason: 'not-in-this-mode' }] };
}

function formatUnit(value: number): string {
  // Six decimals at most (what the parser accepts), trailing zeros trimmed.
  return String(Math.round(Math.min(1, Math.max(0, value)) * 1e6) / 1e6);
}

/** Serialize in a fixed key order; keys that are undefined are left out. Only ids and numbers are written. */
export function serializeDeepLink(link: DeepLink): string {
  const parts: string[] = [];
  for (const key of DEEP_LINK_KEYS) {
    const value = link[key];
    if (value === undefined) continue;
    let text: string;
    if (Array.isArray(value)) text = value.join(',');
    else if (typeof value === 'number') {
      text =
        key === 'step'
          ? String(Math.trunc(value))
          : key === 'months'
            ? String(Math.round(value * 1000) / 1000) // the store keeps months within [0, MAX_MONTHS]
            : formatUnit(value);
    }
    else if (typeof value === 'boolean') text = value ? '1' : '0';
    else text = value;
    // Ids and numbers contain only [a-z0-9.,-]; commas are kept readable.
    parts.push(`${key}=${encodeURIComponent(text).replace(/%2C/g, ',')}`);
  }
  return parts.length > 0 ? `?${parts.join('&')}` : '';
}
