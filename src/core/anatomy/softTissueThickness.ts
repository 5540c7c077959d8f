// Facial soft-tissue thickness (FSTT, skin surface → bone) at craniometric landmarks, for placing a skull under a
// face the way template-based facial reconstruction does. Pure data: no three.js, no DOM.
//
// Source: ../shared/reference/outcomes-and-face-norms.md §4 — the global pooled "T-Table" (Hona & Stephan,
// Int J Legal Med 2024;138:519, doi 10.1007/s00414-023-03087-x; 139 studies, > 19,500 adults), values via a public
// transcription: tier C. Mean ± SD in millimetres; n per landmark is not given.

/** Patient sex, for the sex directions of the FSTT table (sheet §4). */
export type Sex = 'female' | 'male';

/** Landmarks of the T-Table that the model places (sheet §4 names in the docstrings). */
export const FSTT_LANDMARK_IDS = [
  'vertex',
  'glabella',
  'nasion',
  'mid-nasal',
  'rhinion',
  'subspinale',
  'mid-philtrum',
  'prosthion',
  'infradentale',
  'mentolabial-sulcus',
  'pogonion',
  'gnathion',
  'menton',
  'opisthocranion',
  'supraorbital',
  'infraorbital',
  'zygion',
  'supra-m2',
  'sub-m2',
  'mid-ramus',
  'gonion',
  'mid-mandibular-border',
] as const;
export type FsttLandmarkId = (typeof FSTT_LANDMARK_IDS)[number];

/** Which sex the sheet says is thicker at a landmark ('none' where it gives no direction). */
export type SexDirection = 'male-thicker' | 'female-thicker' | 'none';

export interface FsttRow {
  /** Mean skin-to-bone distance, mm. */
  readonly mean: number;
  /** Standard deviation, mm. */
  readonly sd: number;
  /** The sheet's name of the row ("bone → skin"). */
  readonly row: string;
  /** true for the paired (left/right) landmarks. */
  readonly bilateral: boolean;
  readonly sex: SexDirection;
}

/**
 * Sheet §4 (Hona & Stephan 2024, tier C), mean ± SD mm. Sex directions, same section (Hwang et al. 2012; Cha 2013,
 * Korean CBCT/CT): men thicker in the midline (glabella, nasion, rhinion, philtrum, supradentale ≈ prosthion);
 * women thicker over the zygoma (zygion), lateral orbit, inferior malar area (nearest T-Table row: infraorbital)
 * and gonion.
 */
export const FSTT: Readonly<Record<FsttLandmarkId, FsttRow>> = {
  vertex: { mean: 5, sd: 1.5, row: 'vertex', bilateral: false, sex: 'none' },
  glabella: { mean: 5.5, sd: 1, row: 'glabella', bilateral: false, sex: 'male-thicker' },
  nasion: { mean: 6, sd: 1.5, row: 'nasion → soft sellion', bilateral: false, sex: 'male-thicker' },
  'mid-nasal': { mean: 4.5, sd: 1.5, row: 'mid-nasal', bilateral: false, sex: 'none' },
  rhinion: { mean: 3, sd: 1, row: 'rhinion', bilateral: false, sex: 'male-thicker' },
  subspinale: { mean: 13.5, sd: 3.5, row: 'subspinale → subnasale', bilateral: false, sex: 'none' },
  'mid-philtrum': { mean: 11.5, sd: 2.5, row: 'mid-philtrum', bilateral: false, sex: 'male-thicker' },
  prosthion: { mean: 12, sd: 3, row: 'prosthion → labrale superius', bilateral: false, sex: 'male-thicker' },
  infradentale: { mean: 13.5, sd: 3, row: 'infradentale → labrale inferius', bilateral: false, sex: 'none' },
  'mentolabial-sulcus': { mean: 11, sd: 2, row: 'mentolabial sulcus', bilateral: false, sex: 'none' },
  pogonion: { mean: 11, sd: 2.5, row: 'pogonion', bilateral: false, sex: 'none' },
  gnathion: { mean: 7.5, sd: 2.5, row: 'gnathion', bilateral: false, sex: 'none' },
  menton: { mean: 7, sd: 2.5, row: 'menton', bilateral: false, sex: 'none' },
  opisthocranion: { mean: 6, sd: 2, row: 'opisthocranion', bilateral: false, sex: 'none' },
  supraorbital: { mean: 7, sd: 2, row: 'supraorbital (mid)', bilateral: true, sex: 'none' },
  infraorbital: { mean: 6.5, sd: 3, row: 'infraorbital (mid)', bilateral: true, sex: 'female-thicker' },
  zygion: { mean: 7.5, sd: 3, row: 'zygion', bilateral: true, sex: 'female-thicker' },
  'supra-m2': { mean: 26, sd: 7, row: 'supra-M2 (buccal)', bilateral: true, sex: 'none' },
  'sub-m2': { mean: 22, sd: 6.5, row: 'sub-M2', bilateral: true, sex: 'none' },
  'mid-ramus': { mean: 19.5, sd: 5, row: 'mid-ramus (masseter)', bilateral: true, sex: 'none' },
  gonion: { mean: 12.5, sd: 6, row: 'gonion', bilateral: true, sex: 'female-thicker' },
  'mid-mandibular-border': { mean: 11, sd: 4, row: 'mid-mandibular border', bilateral: true, sex: 'none' },
};

/**
 * How far each sex's mean is moved from the pooled mean, in SDs, where the sheet gives a direction.
 * Design choice, derived from the sheet §4 statement that sex explains < 6 % of FSTT variance (Stephan 2005): two
 * groups ± 0.25 SD apart from the pooled mean differ by d = 0.5 SD, and d = 0.5 explains d²/(d² + 4) ≈ 5.9 % of the
 * variance — the most the sheet allows.
 */
export const FSTT_SEX_SD_FRACTION = 0.25;

/** The FSTT target (mean, SD; mm) at a landmark for one sex: the pooled mean moved by ± FSTT_SEX_SD_FRACTION·SD. */
export function fsttFor(id: FsttLandmarkId, sex: Sex): { mean: number; sd: number } {
  const r = FSTT[id];
  const sign = r.sex === 'none' ? 0 : (r.sex === 'male-thicker') === (sex === 'male') ? 1 : -1;
  return { mean: r.mean + sign * FSTT_SEX_SD_FRACTION * r.sd, sd: r.sd };
}

/**
 * Vault and temple points the T-Table does not list, used so the cranium follows the head (design choices, not
 * sourced): scalp over the frontal, parietal and occipital bones as the vertex/opisthocranion rows (5–6 mm);
 * the side of the vault (eurion) under the deep temporal fascia (the model's DTF_DEPTH 7 mm) and a thin temporalis,
 * 9 ± 2 mm; temporal fossa 14 mm ± 3 (skin, the temporal subcutaneous tissue of middle-aged women 8.4 mm —
 * Wysong 2013, sheet §3 — the deep temporal fascia and the temporalis; the value is the former model's design choice).
 */
export const VAULT_THICKNESS = { scalp: { mean: 5.5, sd: 1.5 }, vaultSide: { mean: 9, sd: 2 }, temporalFossa: { mean: 14, sd: 3 } } as const;

/** Design-choice target (mean, SD; mm) of a vault/temple landmark that has no T-Table row. */
export function vaultThickness(id: string): { mean: number; sd: number } {
  return id === 'temporal-fossa' ? VAULT_THICKNESS.temporalFossa : id === 'eurion' ? VAULT_THICKNESS.vaultSide : VAULT_THICKNESS.scalp;
}
