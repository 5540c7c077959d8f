// The face-mesh points carried between heads of one topology (src/core/face/facePoints.ts): the default head's 468
// points (public/models/head-face-landmarks.json) tied to her skin give them back on her, move rigidly with a
// rigidly moved skin, and land on the man's skin (head-male.glb) as they lie on hers.
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import type { HeadData } from '../../../src/core/anatomy/headData.ts';
import { FACE_MESH_POINTS, medianDistance, snapToMesh } from '../../../src/core/face/faceFit.ts';
import { placeFacePoints, tieFacePoints, type FacePointTies } from '../../../src/core/face/facePoints.ts';
import { loadCommittedHead, MALE_MODEL_PATH } from '../../fixtures/heads.ts';

let female: HeadData;
let male: HeadData;
let points: Float32Array;
let ties: FacePointTies;

beforeAll(async () => {
  const f = await loadCommittedHead();
  const m = await loadCommittedHead(MALE_MODEL_PATH);
  if (!f.head || !m.head) throw new Error(`the committed heads are needed: ${f.reason}; ${m.reason}`);
  female = f.head;
  male = m.head;
  points = Float32Array.from((JSON.parse(readFileSync('public/models/head-face-landmarks.json', 'utf8')) as { points: number[] }).points);
  ties = tieFacePoints(points, female.skin);
}, 120_000);

/** Distance of each point from its nearest skin point, mm. */
function offSkin(p: Float32Array, skin: HeadData['skin']): number[] {
  const on = snapToMesh(p, skin);
  return Array.from({ length: p.length / 3 }, (_, i) => Math.hypot(p[i * 3]! - on[i * 3]!, p[i * 3 + 1]! - on[i * 3 + 1]!, p[i * 3 + 2]! - on[i * 3 + 2]!));
}

describe('face-mesh points on another head of the same topology', () => {
  it('gives the default head her own points back', () => {
    const back = placeFacePoints(ties, female.skin.positions, female.skin.indices);
    expect(back.length).toBe(FACE_MESH_POINTS * 3);
    let worst = 0;
    for (let i = 0; i < back.length; i++) worst = Math.max(worst, Math.abs(back[i]! - points[i]!));
    expect(worst).toBeLessThan(1e-3);
  });

  it('moves the points with a turned and shifted skin', () => {
    const a = (20 * Math.PI) / 180, c = Math.cos(a), s = Math.sin(a), shift = [5, -3, 12];
    const turn = (p: ArrayLike<number>) => {
      const out = new Float32Array(p.length);
      for (let i = 0; i < p.length / 3; i++) {
        const x = p[i * 3]!, y = p[i * 3 + 1]!, z = p[i * 3 + 2]!;
        out.set([c * x + s * z + shift[0]!, y + shift[1]!, -s * x + c * z + shift[2]!], i * 3);
      }
      return out;
    };
    const placed = placeFacePoints(ties, turn(female.skin.positions), female.skin.indices);
    expect(medianDistance(placed, turn(points))).toBeLessThan(1e-3);
  });

  it('places them on the man as they lie on her: as far off his skin, and where his face differs from hers', () => {
    const his = placeFacePoints(ties, male.skin.positions, male.skin.indices);
    const median = (v: number[]) => v.sort((x, y) => x - y)[Math.floor(v.length / 2)]!;
    const hers = offSkin(points, female.skin), onHim = offSkin(his, male.skin);
    expect(Math.abs(median(onHim) - median(hers))).toBeLessThan(0.5);
    // his face is not hers (scripts/model/male.ts moves it by millimetres): the points moved with it
    expect(medianDistance(his, points)).toBeGreaterThan(2);
  });

  it('refuses a tie to a triangle the mesh does not have', () => {
    expect(() => placeFacePoints(ties, female.skin.positions, female.skin.indices.subarray(0, 30))).toThrow(/not in this mesh/);
  });
});
