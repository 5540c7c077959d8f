// The cutaway window over the cheek and temple, on the final head: where it opens and where it must not.
import { beforeAll, describe, expect, it } from 'vitest';
import { loadHeadData } from '../../../scripts/lib/load-head.ts';
import type { HeadData } from '../../../src/core/anatomy/headData.ts';
import type { LandmarkId } from '../../../src/core/anatomy/landmarks.ts';
import { CUTAWAY_FAT_INSET_MM, cutawayDepth } from '../../../src/core/procedures/cutaway.ts';
import { resolveIncisions } from '../../../src/core/procedures/index.ts';
import { TECHNIQUES } from '../../../src/core/ids.ts';

let head: HeadData;
beforeAll(async () => {
  head = await loadHeadData();
});

const depthAt = (points: readonly (readonly [number, number, number])[]) => [...cutawayDepth(head, points.flat())];
const landmarks = (ids: readonly string[]) => ids.map((id) => head.landmarks[id as LandmarkId]!);

describe('cutaway window', () => {
  it('opens over the cheek and temple on both sides, over the ligaments the lifts act through', () => {
    const inside = ['malar-eminence', 'zygomatic-ligament-insertion', 'upper-masseteric-ligament-insertion', 'zygion'];
    for (const side of ['l', 'r']) {
      const depths = depthAt(landmarks(inside.map((id) => `${id}-${side}`)));
      depths.forEach((d, i) => expect(d, `${inside[i]}-${side}`).toBeGreaterThan(3));
    }
  });

  it('keeps the eyes, nose, lips, ears and midline closed', () => {
    const outside = ['pronasale', 'subnasale', 'stomion', 'pogonion', 'nasion', 'glabella', 'vertex', 'medial-canthus-l', 'oral-commissure-l', 'tragus-l', 'earlobe-l', 'helix-root-l', 'tragus-r'];
    depthAt(landmarks(outside)).forEach((d, i) => expect(d, outside[i]).toBeLessThan(0));
  });

  it('leaves every incision on intact skin, so the marker line never hangs over the hole', () => {
    for (const technique of TECHNIQUES) {
      for (const line of resolveIncisions(head, technique)) {
        const points: [number, number, number][] = [];
        for (let i = 0; i < line.length; i += 3) points.push([line[i]!, line[i + 1]!, line[i + 2]!]);
        const deepest = Math.max(...depthAt(points));
        expect(deepest, technique).toBeLessThan(0);
      }
    }
  });

  it('marks the same area on the skin and on the fat under it, with room for the fat rim', () => {
    // Skin vertices inside the window have fat under them that is inside too (the layers unroll alike).
    const skin = cutawayDepth(head, head.skin.positions);
    const fat = cutawayDepth(head, head.fat.positions);
    const deepSkin = skin.reduce((a, b) => Math.max(a, b), 0);
    const deepFat = fat.reduce((a, b) => Math.max(a, b), 0);
    expect(deepSkin).toBeGreaterThan(2 * CUTAWAY_FAT_INSET_MM);
    expect(Math.abs(deepFat - deepSkin)).toBeLessThan(0.25 * deepSkin);
    // Some skin is cut, most is not: a window, not a peeled face.
    const cutShare = skin.filter((d) => d > 0).length / skin.length;
    expect(cutShare).toBeGreaterThan(0.02);
    expect(cutShare).toBeLessThan(0.2);
  });
});
