// The bone layer of head.glb is the scanned skull placed by facial soft-tissue thickness (sheet §4): measured on the
// committed meshes, every landmark's skin-to-bone distance is within 1 SD of its (sex-adjusted) mean, no bone lies
// outside the fat layer, and the zygomaticus major runs at the sourced angle.
import { readdirSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { readHeadDocument, readMesh } from '../../../scripts/lib/load-head.ts';
import { fatFloorDepth } from '../../../scripts/model/skull.ts';
import { MeshQuery as Query } from '../../../scripts/model/mesh-query.ts';
import { ZYGOMATICUS_MAJOR_TO_FH_DEG } from '../../../src/core/anatomy/dimensions.ts';
import { GLB_MESH_NAMES, MM_PER_GLTF_UNIT, type LayerMesh } from '../../../src/core/anatomy/headData.ts';
import {
  FSTT,
  FSTT_LANDMARK_IDS,
  fsttFor,
  vaultThickness,
  type FsttLandmarkId,
  type Sex,
} from '../../../src/core/anatomy/softTissueThickness.ts';
import type { P3 } from './helpers.ts';

// every patient's head file (head.glb, and any other head*.glb, e.g. the male patient's): each carries its own sex
const GLBS = readdirSync('public/models')
  .filter((f) => /^head.*\.glb$/.test(f))
  .sort()
  .map((f) => `public/models/${f}`);
interface Pair {
  id: string;
  bone: number[];
}
let skin: LayerMesh, cranium: LayerMesh, mandible: LayerMesh, musclesMesh: LayerMesh;
let skinQ: Query, boneQ: Query, cranQ: Query, mandQ: Query;
let pairs: Pair[];
let sex: Sex;
let muscles: { id: string; origin: number[]; insertion: number[] }[];
let landmarks: Record<string, number[]>;

const mm = (p: readonly number[]): P3 => [
  p[0]! * MM_PER_GLTF_UNIT,
  p[1]! * MM_PER_GLTF_UNIT,
  p[2]! * MM_PER_GLTF_UNIT,
];

describe.each(GLBS)('%s', (GLB) => {
  beforeAll(async () => {
    const doc = await readHeadDocument(GLB);
    skin = readMesh(doc, GLB_MESH_NAMES.skin);
    cranium = readMesh(doc, GLB_MESH_NAMES.skull);
    mandible = readMesh(doc, GLB_MESH_NAMES.mandible);
    musclesMesh = readMesh(doc, GLB_MESH_NAMES.muscles);
    const both = {
      positions: Float32Array.from([...cranium.positions, ...mandible.positions]),
      indices: Uint32Array.from([
        ...cranium.indices,
        ...Array.from(mandible.indices, (i) => i + cranium.positions.length / 3),
      ]),
    };
    skinQ = new Query(skin);
    boneQ = new Query(both);
    cranQ = new Query(cranium);
    mandQ = new Query(mandible);
    const extras = (doc.getRoot().getDefaultScene()?.getExtras() ?? {}) as {
      softTissue?: Pair[];
      sex?: Sex;
      muscles?: typeof muscles;
      landmarks?: Record<string, number[]>;
    };
    pairs = extras.softTissue ?? [];
    sex = extras.sex ?? 'female';
    muscles = extras.muscles ?? [];
    landmarks = extras.landmarks ?? {};
  });

  /** Base FSTT id of a stored pair id ("zygion-l" → "zygion"). */
  const base = (id: string): string => id.replace(/-(l|r)$/, '');

  describe('skull placed by soft-tissue thickness (outcomes sheet §4)', () => {
    it('carries ≥ 15 T-Table landmarks, each side of the paired ones', () => {
      const ids = new Set(pairs.map((p) => base(p.id)));
      const sourced = FSTT_LANDMARK_IDS.filter((id) => ids.has(id));
      expect(sourced.length).toBeGreaterThanOrEqual(15);
      for (const id of [
        'glabella',
        'nasion',
        'rhinion',
        'mid-philtrum',
        'prosthion',
        'infradentale',
        'pogonion',
        'menton',
        'supraorbital',
        'infraorbital',
        'zygion',
        'gonion',
        'mid-ramus',
        'supra-m2',
        'sub-m2',
        'vertex',
      ] as const) {
        expect(ids.has(id), id).toBe(true);
        if (FSTT[id].bilateral)
          for (const s of ['l', 'r'])
            expect(
              pairs.some((p) => p.id === `${id}-${s}`),
              `${id}-${s}`,
            ).toBe(true);
      }
    });

    it('puts every landmark on the bone surface, inside the skin', () => {
      for (const p of pairs) {
        const b = mm(p.bone);
        expect(boneQ.closest(b).distance, p.id).toBeLessThan(0.5);
        expect(skinQ.inside(b), p.id).toBe(true);
      }
    });

    it('has each skin-to-bone distance (bone landmark → nearest skin) within 1 SD of its sex-adjusted mean', () => {
      const misses: string[] = [];
      for (const p of pairs) {
        const id = base(p.id);
        const t = id in FSTT ? fsttFor(id as FsttLandmarkId, sex) : vaultThickness(id);
        const d = skinQ.closest(mm(p.bone)).distance;
        if (Math.abs(d - t.mean) > t.sd) misses.push(`${p.id}: ${d.toFixed(2)} mm vs ${t.mean} ± ${t.sd}`);
      }
      expect(misses).toEqual([]);
    });

    it('keeps every bone vertex under the skin and the superficial fat', () => {
      const bad: string[] = [];
      for (const mesh of [cranium, mandible]) {
        const b = mesh.positions;
        for (let i = 0; i < b.length; i += 3) {
          const v: P3 = [b[i]!, b[i + 1]!, b[i + 2]!];
          const c = skinQ.closest(v);
          const floor = fatFloorDepth(c.point);
          if (!skinQ.inside(v) || c.distance < floor - 0.1)
            bad.push(
              `${v.map((x) => x.toFixed(1)).join(',')}: ${c.distance.toFixed(2)} < ${floor.toFixed(2)}`,
            );
        }
      }
      expect(bad.slice(0, 10)).toEqual([]);
    });

    it('splits the mandible from the cranium: chin and angles on the mandible, vertex and orbits on the cranium', () => {
      expect(mandible.indices.length / 3).toBeGreaterThan(1500);
      for (const id of ['menton', 'pogonion', 'gonion-l', 'gonion-r', 'mid-ramus-l', 'sub-m2-r']) {
        const p = pairs.find((q) => q.id === id)!;
        expect(mandQ.closest(mm(p.bone)).distance, id).toBeLessThan(0.5);
      }
      for (const id of ['vertex', 'glabella', 'supraorbital-l', 'infraorbital-r', 'zygion-l', 'supra-m2-l']) {
        const p = pairs.find((q) => q.id === id)!;
        expect(cranQ.closest(mm(p.bone)).distance, id).toBeLessThan(0.5);
      }
    });
  });

  describe('zygomaticus major and minor (outcomes sheet §1)', () => {
    it('runs the major from the zygoma to lateral of the commissure at 59° ± 6° to the horizontal', () => {
      for (const side of ['l', 'r'] as const) {
        const m = muscles.find((x) => x.id === `zygomaticus-major-${side}`)!;
        const o = mm(m.origin),
          i = mm(m.insertion);
        expect(cranQ.closest(o).distance).toBeLessThan(1);
        const deg = (Math.atan2(o[1] - i[1], Math.abs(o[0]) - Math.abs(i[0])) * 180) / Math.PI;
        const [mean, sd] = ZYGOMATICUS_MAJOR_TO_FH_DEG;
        expect(Math.abs(deg - mean)).toBeLessThanOrEqual(sd);
        const com = mm(landmarks[`oral-commissure-${side}`]!);
        expect(Math.abs(i[0])).toBeGreaterThan(Math.abs(com[0]));
        expect(Math.hypot(i[0] - com[0], i[1] - com[1], i[2] - com[2])).toBeLessThan(20);
      }
    });

    it('draws the bellies as a mesh under the skin, the minor medial to the major', () => {
      const mesh = musclesMesh;
      expect(mesh.indices.length / 3).toBeGreaterThan(200);
      for (let v = 0; v < mesh.positions.length; v += 3 * 5)
        expect(skinQ.inside([mesh.positions[v]!, mesh.positions[v + 1]!, mesh.positions[v + 2]!])).toBe(true);
      const major = muscles.find((x) => x.id === 'zygomaticus-major-l')!,
        minor = muscles.find((x) => x.id === 'zygomaticus-minor-l')!;
      expect(Math.abs(mm(minor.origin)[0])).toBeLessThan(Math.abs(mm(major.origin)[0]));
    });
  });
});
