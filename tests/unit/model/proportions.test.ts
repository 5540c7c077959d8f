// The default patient's face against the sourced norms the build targets (norms sheet §5 via dimensions.ts),
// measured on the committed head.glb's skin: landmarks (scene extras `landmarks`) and the measuring points of
// scene extras `measures` (trichion, alare), each first checked to lie on the skin.
import { beforeAll, describe, expect, it } from 'vitest';
import { loadHeadData, readHeadDocument } from '../../../scripts/lib/load-head.ts';
import {
  ALAR_WIDTH_RANGE,
  FACE_WIDTH_RANGE,
  FACIAL_THIRD_TOLERANCE,
  INTERCANTHAL_WIDTH_RANGE,
  LOWER_THIRD_FEMALE,
  MANDIBULAR_WIDTH_RANGE,
  MIDDLE_THIRD_FEMALE,
  MOUTH_WIDTH_RANGE,
  PALPEBRAL_FISSURE_LENGTH_RANGE,
  UPPER_THIRD_FEMALE,
} from '../../../src/core/anatomy/dimensions.ts';
import { MM_PER_GLTF_UNIT, type HeadData } from '../../../src/core/anatomy/headData.ts';
import type { LandmarkId } from '../../../src/core/anatomy/landmarks.ts';
import { MeshQuery, dist, type P3 } from './helpers.ts';

const GLB = process.env.HEAD_GLB ?? 'public/models/head.glb';
let head: HeadData;
let measures: Record<string, P3>;
let skin: MeshQuery;

beforeAll(async () => {
  head = await loadHeadData(GLB);
  const doc = await readHeadDocument(GLB);
  const raw = (doc.getRoot().listScenes()[0]!.getExtras() as { measures?: Record<string, number[]> }).measures ?? {};
  measures = Object.fromEntries(Object.entries(raw).map(([k, v]) => [k, [v[0]! * MM_PER_GLTF_UNIT, v[1]! * MM_PER_GLTF_UNIT, v[2]! * MM_PER_GLTF_UNIT] as P3]));
  skin = new MeshQuery(head.skin);
});

const L = (id: LandmarkId): P3 => head.landmarks[id];
const inRange = (v: number, [lo, hi]: readonly [number, number]): void => {
  expect(v).toBeGreaterThanOrEqual(lo);
  expect(v).toBeLessThanOrEqual(hi);
};

describe('default patient proportions (norms sheet §5)', () => {
  it('has its measuring points on the skin', () => {
    for (const id of ['trichion', 'alare-l', 'alare-r']) {
      expect(measures[id], id).toBeDefined();
      expect(skin.distance(measures[id]!)).toBeLessThan(1);
    }
  });

  it('has an intercanthal width within the pooled Asian mean ± 1 SD', () => {
    inRange(dist(L('medial-canthus-l'), L('medial-canthus-r')), INTERCANTHAL_WIDTH_RANGE);
  });

  it('has palpebral fissures within Kim 2018 mean ± 1 SD', () => {
    for (const s of ['l', 'r'] as const) inRange(dist(L(`medial-canthus-${s}`), L(`lateral-canthus-${s}`)), PALPEBRAL_FISSURE_LENGTH_RANGE);
  });

  it('has an alar width between the two Korean sources', () => {
    inRange(Math.abs(measures['alare-l']![0] - measures['alare-r']![0]), ALAR_WIDTH_RANGE);
  });

  it('has a mouth width between the young norm and its widening with age', () => {
    inRange(dist(L('oral-commissure-l'), L('oral-commissure-r')), MOUTH_WIDTH_RANGE);
  });

  it('has a face width (zygion–zygion) near the Korean women mean', () => {
    inRange(Math.abs(L('zygion-l')[0] - L('zygion-r')[0]), FACE_WIDTH_RANGE);
  });

  it('has a mandible narrower than a man’s (gonion–gonion on the skin)', () => {
    inRange(Math.abs(L('mandibular-angle-l')[0] - L('mandibular-angle-r')[0]), MANDIBULAR_WIDTH_RANGE);
  });

  it('has facial thirds within 5 % of their targets, the lower third the longest', () => {
    const upper = measures.trichion![1] - L('glabella')[1];
    const middle = L('glabella')[1] - L('subnasale')[1];
    const lower = L('subnasale')[1] - L('menton')[1];
    for (const [v, t] of [
      [upper, UPPER_THIRD_FEMALE],
      [middle, MIDDLE_THIRD_FEMALE],
      [lower, LOWER_THIRD_FEMALE],
    ] as const) inRange(v, [t * (1 - FACIAL_THIRD_TOLERANCE), t * (1 + FACIAL_THIRD_TOLERANCE)]);
    // Kwon 2021: the older face's lower third outgrows the upper
    expect(lower).toBeGreaterThan(upper);
  });

  it('shows the ear and the temple: the sideburn lies in front of the tragus and above the earlobe', () => {
    for (const s of ['l', 'r'] as const) {
      expect(L(`sideburn-bottom-${s}`)[2]).toBeGreaterThan(L(`tragus-${s}`)[2] + 8);
      expect(L(`sideburn-bottom-${s}`)[1]).toBeGreaterThan(L(`earlobe-${s}`)[1]);
      expect(L(`temporal-hairline-upper-${s}`)[1]).toBeGreaterThan(L(`sideburn-top-${s}`)[1]);
    }
  });
});
