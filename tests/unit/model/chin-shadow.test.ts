// The chin–neck junction reads as a soft shadow, not a pen stroke (issue 12): the app has no shadow maps, so the
// chin's and the jaw's shadow on the neck is baked into the skin's vertex colours (scripts/model/chin-shadow.ts).
// Checked on each patient's committed skin: the front of the neck just under the chin is darker than the neck lower
// down, the shadow fades gradually (no step), the face above the jaw's border keeps its colour, and the bake's light
// is the app's key light. Before the bake the neck's colour was uniform (ratio 1): the only dark at the junction was
// the chin's underside seen edge-on, a thin dark line against a fully lit neck.
// HEAD_GLB / HEAD_MALE_GLB point the test at other files (e.g. an older build, to see it fail).
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadHeadData, readHeadDocument, readMesh } from '../../../scripts/lib/load-head.ts';
import { KEY_LIGHT_DIRECTION } from '../../../scripts/model/chin-shadow.ts';

const FILES = { female: process.env.HEAD_GLB ?? 'public/models/head.glb', male: process.env.HEAD_MALE_GLB ?? 'public/models/head-male.glb' } as const;

const luminance = (c: Float32Array, i: number): number => 0.2126 * c[3 * i]! + 0.7152 * c[3 * i + 1]! + 0.0722 * c[3 * i + 2]!;

/** The skin's colour luminance along the front of the neck's midline, (mm below the menton, luminance), top first. */
async function neckProfile(file: string): Promise<{ below: number; lum: number }[]> {
  const head = await loadHeadData(file);
  const skin = readMesh(await readHeadDocument(file), 'skin', ['COLOR_0']);
  const colour = skin.attributes.COLOR_0!;
  const me = head.landmarks.menton;
  // the front-most skin within 4 mm of the midline, per 1 mm of height, from the menton to 80 mm below it
  const front = new Map<number, { z: number; lum: number }>();
  for (let i = 0; i < skin.positions.length / 3; i++) {
    const x = skin.positions[3 * i]!, y = skin.positions[3 * i + 1]!, z = skin.positions[3 * i + 2]!;
    const below = Math.round(me[1] - y);
    if (Math.abs(x) > 4 || below < 0 || below > 80 || z < 0 || z > me[2] - 25) continue; // the neck's front, not the chin's
    const cur = front.get(below);
    if (!cur || z > cur.z) front.set(below, { z, lum: luminance(colour, i) });
  }
  return [...front.entries()].sort((a, b) => a[0] - b[0]).map(([below, v]) => ({ below, lum: v.lum }));
}

describe('the chin’s soft shadow on the neck', () => {
  it('is cast from the app’s key light (StudioLights.tsx, its first directional light)', () => {
    const src = readFileSync('src/scene/StudioLights.tsx', 'utf8');
    const m = /<directionalLight position=\{\[([^\]]+)\]\}/.exec(src);
    expect(m).not.toBeNull();
    expect(m![1]!.split(',').map(Number)).toEqual([...KEY_LIGHT_DIRECTION]);
  });

  for (const patient of Object.keys(FILES) as (keyof typeof FILES)[]) {
    it(`darkens the ${patient === 'female' ? 'woman' : 'man'}’s upper neck under the chin, fading down the neck without a step`, async () => {
      const prof = await neckProfile(FILES[patient]);
      const at = (lo: number, hi: number): number[] => prof.filter((p) => p.below >= lo && p.below <= hi).map((p) => p.lum);
      const mean = (v: number[]): number => v.reduce((a, b) => a + b, 0) / v.length;
      const upper = at(8, 20), lower = at(65, 80);
      expect(upper.length).toBeGreaterThan(3);
      expect(lower.length).toBeGreaterThan(3);
      // shadowed: the upper neck ≤ 80 % of the lower neck (before the bake: 100 %)
      expect(mean(upper) / mean(lower)).toBeLessThanOrEqual(0.8);
      // soft: from 5 to 80 mm below the menton no 1 mm of height changes it by more than 5 % of the lower neck's
      const run = prof.filter((p) => p.below >= 5);
      for (let k = 1; k < run.length; k++) {
        const dmm = run[k]!.below - run[k - 1]!.below;
        expect(Math.abs(run[k]!.lum - run[k - 1]!.lum) / dmm).toBeLessThanOrEqual(0.05 * mean(lower));
      }
    });
  }

  it('leaves the woman’s face above the jaw’s border as it was (the chin’s front keeps the skin tone)', async () => {
    const head = await loadHeadData(FILES.female);
    const skin = readMesh(await readHeadDocument(FILES.female), 'skin', ['COLOR_0']);
    const c = skin.attributes.COLOR_0!;
    const pg = head.landmarks.pogonion;
    let near = -1, best = Infinity;
    for (let i = 0; i < skin.positions.length / 3; i++) {
      const d = Math.hypot(skin.positions[3 * i]! - pg[0], skin.positions[3 * i + 1]! - pg[1], skin.positions[3 * i + 2]! - pg[2]);
      if (d < best) [best, near] = [d, i];
    }
    const prof = await neckProfile(FILES.female);
    const lower = prof.filter((p) => p.below >= 65).map((p) => p.lum);
    // 0.85: the bare face's own mottling (skin-tone.ts, ±12 %) varies the chin's front; the shadow would take 40–60 %
    expect(luminance(c, near)).toBeGreaterThanOrEqual(0.85 * Math.max(...lower));
  });
});
