// The gonial angle of each patient's placed mandible against the Korean CBCT norms (norms sheet §5, "Sex contrasts,
// bone"): women 117.0 ± 4.0°, men 113.8 ± 3.3°, measured on the committed files' meshes by scripts/model/gonial.ts.
import { beforeAll, describe, expect, it } from 'vitest';
import { readHeadDocument, readMesh } from '../../../scripts/lib/load-head.ts';
import { GONIAL_ANGLE_NORMS, gonialAngle } from '../../../scripts/model/gonial.ts';
import { GLB_MESH_NAMES, MM_PER_GLTF_UNIT } from '../../../src/core/anatomy/headData.ts';
import { HEAD_FILES } from '../../../src/core/model/patients.ts';

type V3 = [number, number, number];

describe('gonialAngle (the measurement)', () => {
  /** A sagittal "L" of points: a ramus leaning back by `lean`° from vertical and a lower border falling `drop`° forward. */
  const jaw = (lean: number, drop: number): Float32Array => {
    const r = (d: number) => (d * Math.PI) / 180;
    const pts: number[] = [];
    for (let x = 0; x <= 30; x += 3) {
      for (let t = 0; t <= 60; t += 0.5) pts.push(x, t * Math.cos(r(lean)), -t * Math.sin(r(lean))); // ramus, up and back
      for (let t = 0; t <= 80; t += 0.5) pts.push(x, -t * Math.sin(r(drop)), t * Math.cos(r(drop))); // border, forward and down
      for (let t = 2; t <= 50; t += 2) pts.push(x, 20, 10 + t * 0.5); // bone in front of the ramus and above the border
    }
    return Float32Array.from(pts);
  };
  it.each([
    [5, 20, 115],
    [0, 30, 120],
    [-5, 5, 90],
  ])('reads a ramus leaning %i° back over a border falling %i° forward as %i°', (lean, drop, expected) => {
    const r = (d: number) => (d * Math.PI) / 180;
    const menton: V3 = [0, -80 * Math.sin(r(drop)), 80 * Math.cos(r(drop))];
    expect(gonialAngle(jaw(lean, drop), menton, [10, 0, 0], 1).degrees).toBeCloseTo(expected, 0);
  });
  it('refuses a mesh with no ramus', () => {
    expect(() => gonialAngle(Float32Array.from([0, 0, 0, 1, 1, 1]), [0, -20, 80], [10, 0, 0], 1)).toThrow(/mandible/);
  });
});

describe.each([
  ['female', `public/models/${HEAD_FILES.female}`],
  ['male', `public/models/${HEAD_FILES.male}`],
] as const)('%s patient: gonial angle of the placed mandible', (sex, glb) => {
  const angles: number[] = [];
  beforeAll(async () => {
    const doc = await readHeadDocument(glb);
    const mandible = readMesh(doc, GLB_MESH_NAMES.mandible);
    const extras = (doc.getRoot().getDefaultScene()?.getExtras() ?? {}) as { softTissue?: { id: string; bone: number[] }[]; sex?: string };
    expect(extras.sex).toBe(sex);
    const bone = (id: string): V3 => {
      const b = extras.softTissue?.find((p) => p.id === id)?.bone;
      if (!b) throw new Error(`${glb}: no bone landmark ${id}`);
      return [b[0]! * MM_PER_GLTF_UNIT, b[1]! * MM_PER_GLTF_UNIT, b[2]! * MM_PER_GLTF_UNIT];
    };
    for (const [side, s] of [['l', 1], ['r', -1]] as const) angles.push(gonialAngle(mandible.positions, bone('menton'), bone(`gonion-${side}`), s).degrees);
  });
  it(`is within 1 SD of the ${sex} mean (both sides' mean), each side within 2 SD`, () => {
    const [mean, sd] = GONIAL_ANGLE_NORMS[sex];
    const avg = (angles[0]! + angles[1]!) / 2;
    expect(Math.abs(avg - mean), `gonial angles ${angles.map((a) => a.toFixed(1)).join(' / ')}°`).toBeLessThanOrEqual(sd);
    for (const a of angles) expect(Math.abs(a - mean)).toBeLessThanOrEqual(2 * sd);
  });
});
