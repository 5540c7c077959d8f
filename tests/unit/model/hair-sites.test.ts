// Issue #12: "the incisions inside the scalp near the sideburn must visibly sit inside the hair-bearing skin", and
// the temple and the front of the ear stay bare. Measured on each committed patient file: the skin's own vertex
// colours (hair is near-black, skin is not) under the Smile Mini Lift's incision and at the bare sites.
import { beforeAll, describe, expect, it } from 'vitest';
import { loadHeadData, readHeadDocument, readMesh } from '../../../scripts/lib/load-head.ts';
import { GLB_MESH_NAMES, type HeadData } from '../../../src/core/anatomy/headData.ts';
import type { LandmarkId } from '../../../src/core/anatomy/landmarks.ts';
import { resolveIncisions } from '../../../src/core/procedures/index.ts';
import { COMMITTED_PATIENTS } from './helpers.ts';

/** Relative luminance below which a skin vertex's colour is hair (hair ≈ 0.03–0.06, bare skin ≈ 0.5). Design choice. */
const HAIR_LUMINANCE = 0.2;

describe.each(COMMITTED_PATIENTS)('%s patient: hair-bearing and bare surgical sites', (_sex, glb) => {
  let head: HeadData;
  let positions: Float32Array;
  let colour: Float32Array;
  /** Luminance of the skin's colour at the vertex nearest to p (mm). */
  const lum = (p: readonly number[]): number => {
    let best = 0, bd = Infinity;
    for (let i = 0; i < positions.length; i += 3) {
      const d = (positions[i]! - p[0]!) ** 2 + (positions[i + 1]! - p[1]!) ** 2 + (positions[i + 2]! - p[2]!) ** 2;
      if (d < bd) [best, bd] = [i, d];
    }
    return 0.2126 * colour[best]! + 0.7152 * colour[best + 1]! + 0.0722 * colour[best + 2]!;
  };
  /**
   * Luminance of the skin seen from the side at p: the vertex on p's side nearest in height and depth (y, z), the
   * lateral offset weighted down. The bare points are placed from landmarks that stand off the cheek (the tragus
   * projects ≈ 7–10 mm lateral of the skin in front of it), and the vertex nearest in 3D to such a point can be one
   * higher up, in the sideburn, instead of the skin at the point's height.
   */
  const lumFromSide = (p: readonly number[]): number => {
    let best = 0, bd = Infinity;
    for (let i = 0; i < positions.length; i += 3) {
      if (Math.sign(positions[i]!) !== Math.sign(p[0]!)) continue;
      const d = (positions[i + 1]! - p[1]!) ** 2 + (positions[i + 2]! - p[2]!) ** 2 + 0.1 * (positions[i]! - p[0]!) ** 2;
      if (d < bd) [best, bd] = [i, d];
    }
    return 0.2126 * colour[best]! + 0.7152 * colour[best + 1]! + 0.0722 * colour[best + 2]!;
  };
  beforeAll(async () => {
    head = await loadHeadData(glb);
    const skin = readMesh(await readHeadDocument(glb), GLB_MESH_NAMES.skin, ['COLOR_0']);
    positions = skin.positions;
    colour = skin.attributes.COLOR_0!;
    expect(colour.length / 3).toBe(positions.length / 3);
  });

  it('puts every point of the Smile Mini Lift incision (inside the scalp near the sideburn) in hair', () => {
    const lines = resolveIncisions(head, 'smile');
    expect(lines.length).toBeGreaterThan(0);
    for (const line of lines)
      for (let i = 0; i < line.length; i += 3) {
        const p = [line[i]!, line[i + 1]!, line[i + 2]!];
        expect(lum(p), `incision point ${p.map((v) => v.toFixed(1)).join(',')}`).toBeLessThan(HAIR_LUMINANCE);
      }
  });

  it('leaves the temple in front of the hairline, the skin in front of the ear below the sideburn and the cheek bare', () => {
    for (const s of ['l', 'r'] as const) {
      const L = (id: string) => head.landmarks[`${id}-${s}` as LandmarkId];
      const t = L('tragus');
      const tu = L('temporal-hairline-upper'), tl = L('temporal-hairline-lower');
      // 10 mm in front of the temporal hairline, halfway up it; 8 mm in front of the ear, 12 mm below the tragus
      // (under the sideburn's lower end); the malar eminence
      const temple = [(tu[0] + tl[0]) / 2, (tu[1] + tl[1]) / 2, (tu[2] + tl[2]) / 2 + 10];
      const pretragal = [t[0], t[1] - 12, t[2] + 8];
      for (const p of [temple, pretragal, L('malar-eminence')]) expect(lumFromSide(p), `bare point ${p.map((v) => v.toFixed(1)).join(',')}`).toBeGreaterThan(HAIR_LUMINANCE);
    }
  });
});
