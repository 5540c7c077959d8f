// head.glb: closed manifold skin, budgets, landmarks against the reference sheet, nested layers.
import { statSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadHeadData, readHeadDocument, readMesh } from '../../../scripts/lib/load-head.ts';
import {
  BIZYGOMATIC_WIDTH_RANGE,
  MANDIBULAR_LIGAMENT_FROM_TRAGUS,
  MOL_ABOVE_BORDER,
  MZRL_FROM_TRAGUS,
  SMAS_DEPTH_BUCCAL,
  UMRL_FROM_TRAGUS,
  ZYGOMATIC_LIGAMENT_FROM_TRAGUS_TATLISUMAK,
} from '../../../src/core/anatomy/dimensions.ts';
import { GLB_MESH_NAMES, type HeadData } from '../../../src/core/anatomy/headData.ts';
import { LANDMARK_IDS, type LandmarkId } from '../../../src/core/anatomy/landmarks.ts';
import { REGIONS } from '../../../src/core/ids.ts';
import { MeshQuery, dist, edgeStats, type P3 } from './helpers.ts';

const GLB = 'public/models/head.glb';
let head: HeadData;
let doc: Awaited<ReturnType<typeof readHeadDocument>>;

beforeAll(async () => {
  head = await loadHeadData(GLB);
  doc = await readHeadDocument(GLB);
});

const range = ([mean, sd]: readonly [number, number]): [number, number] => [mean - sd, mean + sd];
const within = (v: number, [lo, hi]: readonly [number, number]): boolean => v >= lo && v <= hi;

describe('skin surface', () => {
  it('is one closed, consistently oriented 2-manifold', () => {
    const s = edgeStats(head.skin.indices);
    expect(s).toEqual({ boundary: 0, nonManifold: 0, sameDirection: 0 });
  });

  it('has the LOD closed as well and within budget', () => {
    const lod = readMesh(doc, GLB_MESH_NAMES.skinLod);
    expect(edgeStats(lod.indices)).toEqual({ boundary: 0, nonManifold: 0, sameDirection: 0 });
    expect(lod.indices.length / 3).toBeLessThanOrEqual(20_000);
  });

  it('stays within the triangle and vertex budgets', () => {
    const tris = head.skin.indices.length / 3;
    expect(tris).toBeGreaterThanOrEqual(40_000);
    expect(tris).toBeLessThanOrEqual(80_000);
    expect(head.skin.positions.length / 3).toBeLessThanOrEqual(40_000);
    for (const sheet of [head.fat, head.smas]) {
      const v = sheet.positions.length / 3;
      expect(v).toBeGreaterThanOrEqual(3_000);
      expect(v).toBeLessThanOrEqual(12_000);
    }
  });

  it('is outward facing (positive enclosed volume) and head-sized', () => {
    const p = head.skin.positions, idx = head.skin.indices;
    let vol = 0;
    for (let t = 0; t < idx.length; t += 3) {
      const a = idx[t]! * 3, b = idx[t + 1]! * 3, c = idx[t + 2]! * 3;
      vol += (p[a]! * (p[b + 1]! * p[c + 2]! - p[b + 2]! * p[c + 1]!) - p[a + 1]! * (p[b]! * p[c + 2]! - p[b + 2]! * p[c]!) + p[a + 2]! * (p[b]! * p[c + 1]! - p[b + 1]! * p[c]!)) / 6;
    }
    // a head + neck is a few litres
    expect(vol / 1e6).toBeGreaterThan(3);
    expect(vol / 1e6).toBeLessThan(9);
  });

  it('carries region weights in [0,1] with every region present', () => {
    const w = head.skin.regionWeights;
    expect(w.length).toBe((head.skin.positions.length / 3) * REGIONS.length);
    const max = new Array<number>(REGIONS.length).fill(0);
    for (let i = 0; i < w.length; i++) {
      expect(w[i]!).toBeGreaterThanOrEqual(0);
      expect(w[i]!).toBeLessThanOrEqual(1.0001);
      max[i % 6] = Math.max(max[i % 6]!, w[i]!);
    }
    for (const m of max) expect(m).toBeGreaterThan(0.9);
    for (const name of [GLB_MESH_NAMES.fat, GLB_MESH_NAMES.smas]) {
      const m = readMesh(doc, name, ['_REGION0', '_REGION1']);
      expect(m.attributes._REGION0!.length).toBe(m.positions.length);
    }
  });
});

describe('file', () => {
  it('fits the 800 KB budget and uses meshopt compression', () => {
    expect(statSync(GLB).size).toBeLessThanOrEqual(800 * 1024);
    const used = doc.getRoot().listExtensionsUsed().map((e) => e.extensionName);
    expect(used).toContain('EXT_meshopt_compression');
    expect(used).not.toContain('KHR_draco_mesh_compression');
  });

  it('names every mesh node per the contract', () => {
    const names = doc.getRoot().listNodes().map((n) => n.getName());
    for (const n of Object.values(GLB_MESH_NAMES)) expect(names).toContain(n);
  });
});

describe('landmarks (reference sheet §2.1, §7)', () => {
  const L = (id: LandmarkId): P3 => head.landmarks[id];
  it('stores every typed landmark id (≥ 30)', () => {
    expect(LANDMARK_IDS.length).toBeGreaterThanOrEqual(30);
    for (const id of LANDMARK_IDS) expect(head.landmarks[id]).toHaveLength(3);
  });

  it('puts the origin between the tragi', () => {
    const l = L('tragus-l'), r = L('tragus-r');
    expect(Math.abs((l[0] + r[0]) / 2)).toBeLessThan(0.5);
    expect(Math.abs((l[1] + r[1]) / 2)).toBeLessThan(1.5);
    expect(Math.abs((l[2] + r[2]) / 2)).toBeLessThan(1.5);
    expect(l[0]).toBeGreaterThan(0); // +x is the subject's left
  });

  it('has a bizygomatic width of 125–145 mm', () => {
    const w = dist(L('zygion-l'), L('zygion-r'));
    expect(within(w, BIZYGOMATIC_WIDTH_RANGE)).toBe(true);
  });

  it('places the ligaments at the sourced distances from the tragus', () => {
    for (const side of ['l', 'r'] as const) {
      const tragus = L(`tragus-${side}`);
      const zyg = dist(tragus, L(`zygomatic-ligament-insertion-${side}`));
      // two sourced definitions: MZRL 44.91 ± 9.72 (Alghoul) or zygomatic lig. 66.5 ± 10.78 (Tatlisumak)
      expect(within(zyg, range(MZRL_FROM_TRAGUS)) || within(zyg, range(ZYGOMATIC_LIGAMENT_FROM_TRAGUS_TATLISUMAK))).toBe(true);
      expect(within(dist(tragus, L(`upper-masseteric-ligament-insertion-${side}`)), range(UMRL_FROM_TRAGUS))).toBe(true);
      // The mandibular ligament is placed by Kang 2016 (51.1 ± 4.5 mm from the midline along the border, 9.1 ± 3.1 mm
      // above it: checked below and in skull.test.ts); on this small (Korean female) head that point lies ≈ 100 mm from
      // the tragus, inside 2 SD but not 1 SD of Tatlisumak's cadaver mean (114.8 ± 9.76): the two sources disagree here.
      const [mlMean, mlSd] = MANDIBULAR_LIGAMENT_FROM_TRAGUS;
      expect(within(dist(tragus, L(`mandibular-ligament-insertion-${side}`)), [mlMean - 2 * mlSd, mlMean + 2 * mlSd])).toBe(true);
      // UMRL lies below the zygomatic ligament
      expect(L(`upper-masseteric-ligament-insertion-${side}`)[1]).toBeLessThan(L(`zygomatic-ligament-insertion-${side}`)[1]);
    }
  });

  it('anchors the mandibular ligament on bone above the mandibular border', () => {
    const bone = head.bone.positions;
    for (const side of ['l', 'r'] as const) {
      const o = L(`mandibular-ligament-origin-${side}`);
      let lowest = Infinity;
      for (let i = 0; i < bone.length; i += 3)
        if (Math.abs(bone[i]! - o[0]) < 4 && Math.abs(bone[i + 2]! - o[2]) < 8) lowest = Math.min(lowest, bone[i + 1]!);
      const above = o[1] - lowest;
      expect(above).toBeGreaterThan(0);
      const [m, sd] = MOL_ABOVE_BORDER;
      expect(above).toBeGreaterThanOrEqual(m - 2 * sd);
      expect(above).toBeLessThanOrEqual(m + 2 * sd);
    }
  });

  it('roots every ligament on bone (the upper masseteric on the masseteric fascia) and inserts it near the skin', () => {
    const bone = new MeshQuery(head.bone);
    const skin = new MeshQuery(head.skin);
    for (const id of LANDMARK_IDS.filter((i) => i.endsWith('-origin-l') || i.endsWith('-origin-r'))) {
      // sheet §2.1: the UMRL is fasciocutaneous (parotid-masseteric fascia → SMAS/dermis), the others osteocutaneous
      if (id.startsWith('upper-masseteric')) {
        expect(bone.distance(L(id))).toBeGreaterThan(2);
        expect(skin.inside(L(id))).toBe(true);
        expect(skin.distance(L(id))).toBeGreaterThan(SMAS_DEPTH_BUCCAL);
      } else expect(bone.distance(L(id))).toBeLessThan(1.5);
      const ins = id.replace('-origin-', '-insertion-') as LandmarkId;
      expect(skin.distance(L(ins))).toBeLessThan(3);
      expect(dist(L(id), L(ins))).toBeGreaterThan(SMAS_DEPTH_BUCCAL - 1);
    }
  });
});

describe('layers are nested (sheet §1.1 order, §1.2 depths)', () => {
  it('SMAS lies 3–6 mm inside the skin over the cheek, fat between skin and SMAS, bone deeper', () => {
    const skin = new MeshQuery(head.skin);
    const bone = new MeshQuery(head.bone);
    const fat = new MeshQuery(head.fat);
    const p = head.smas.positions;
    let checked = 0;
    for (let i = 0; i < p.length; i += 3 * 5) {
      const v: P3 = [p[i]!, p[i + 1]!, p[i + 2]!];
      const cheek = Math.abs(v[0]) > 38 && Math.abs(v[0]) < 66 && v[1] < -12 && v[1] > -70 && v[2] > 20;
      if (!cheek) continue;
      checked++;
      expect(skin.inside(v)).toBe(true);
      const d = skin.distance(v);
      expect(d).toBeGreaterThanOrEqual(3);
      expect(d).toBeLessThanOrEqual(6);
      // the fat sheet is nearer the skin than the SMAS is, and bone is deeper than the SMAS
      expect(fat.distance(v)).toBeLessThan(d);
      expect(bone.distance(v)).toBeGreaterThan(1);
    }
    expect(checked).toBeGreaterThan(50);
  });

  it('keeps bone inside the skin and inside the SMAS depth everywhere sampled', () => {
    const skin = new MeshQuery(head.skin);
    const b = head.bone.positions;
    let n = 0;
    for (let i = 0; i < b.length; i += 3 * 13) {
      const v: P3 = [b[i]!, b[i + 1]!, b[i + 2]!];
      expect(skin.inside(v)).toBe(true);
      expect(skin.distance(v)).toBeGreaterThan(SMAS_DEPTH_BUCCAL - 1.5);
      n++;
    }
    expect(n).toBeGreaterThan(100);
  });
});
