// Named anatomical landmarks stored in head.glb (scene extras `landmarks`, metres) and used by the
// procedures and the engine (millimetres). Bilateral points carry a side suffix: `-l` is the subject's
// left (+x), `-r` the subject's right (-x).

const BILATERAL = [
  'tragus',
  'helix-root',
  'sideburn-top',
  'sideburn-bottom',
  'temporal-hairline-upper',
  'temporal-hairline-lower',
  'lateral-canthus',
  'medial-canthus',
  'alar-base',
  'oral-commissure',
  'nasolabial-fold-upper',
  'nasolabial-fold-lower',
  'jowl',
  'mandibular-angle',
  'zygion',
  'zygomatic-arch-mid',
  'malar-eminence',
  'zygomatic-ligament-origin',
  'zygomatic-ligament-insertion',
  'upper-masseteric-ligament-origin',
  'upper-masseteric-ligament-insertion',
  'mandibular-ligament-origin',
  'mandibular-ligament-insertion',
  'orbital-retaining-ligament-origin',
  'orbital-retaining-ligament-insertion',
  'deep-temporal-fascia-anchor',
  'earlobe',
] as const;

const MIDLINE = ['glabella', 'nasion', 'pronasale', 'subnasale', 'stomion', 'pogonion', 'menton', 'vertex'] as const;

export type BilateralLandmark = (typeof BILATERAL)[number];
export type Side = 'l' | 'r';
export type LandmarkId = (typeof MIDLINE)[number] | `${BilateralLandmark}-${Side}`;

export const LANDMARK_IDS: readonly LandmarkId[] = [
  ...MIDLINE,
  ...BILATERAL.flatMap((name) => [`${name}-l`, `${name}-r`] as const),
];

export function isLandmarkId(value: string): value is LandmarkId {
  return (LANDMARK_IDS as readonly string[]).includes(value);
}
