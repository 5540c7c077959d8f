// Shared identifiers of the deep-link contract (DESIGN.md). Every other module imports these lists
// instead of repeating string literals, so an id added here flows to the URL parser, the store,
// the engine and the UI at once.

export const MODES = ['web', 'consult', 'kiosk'] as const;
export type Mode = (typeof MODES)[number];

export const TECHNIQUES = ['traditional', 'smile', 'thread', 'thread-conventional', 'facelift'] as const;
export type TechniqueId = (typeof TECHNIQUES)[number];

export const REGIONS = ['jawline', 'nasolabial', 'midface', 'periorbital', 'temple', 'neck'] as const;
export type RegionId = (typeof REGIONS)[number];

export const LAYERS = ['skin', 'fat', 'smas', 'ligaments', 'bone'] as const;
export type LayerId = (typeof LAYERS)[number];

export const VIEWS = ['front', 'oblique-left', 'oblique-right', 'profile-left', 'profile-right'] as const;
export type ViewId = (typeof VIEWS)[number];

/**
 * The patients the head can show (DESIGN.md "The face"): the clinic's typical patient, an East Asian woman of
 * about 50–55 (the default, the only one web and kiosk load), and a man of the same age on the same mesh topology.
 */
export const PATIENTS = ['female', 'male'] as const;
export type PatientId = (typeof PATIENTS)[number];
export const DEFAULT_PATIENT: PatientId = 'female';

export const LANGUAGES = ['ko', 'en', 'zh', 'ja'] as const;
export type Language = (typeof LANGUAGES)[number];

export function isOneOf<T extends string>(list: readonly T[], value: unknown): value is T {
  return typeof value === 'string' && (list as readonly string[]).includes(value);
}
