// The before-contour's chains follow the landmarks they are drawn through, on every available head.
import { describe, expect, it } from 'vitest';
import { beforeContours } from '../../../src/core/tissue/contour.ts';
import { testHeads } from '../../fixtures/heads.ts';

const heads = await testHeads();

describe.each(heads)('before-contour on the $name head', ({ head }) => {
  const { chains, profile } = beforeContours(head);
  const pos = head.skin.positions;
  const at = (v: number) => [pos[3 * v]!, pos[3 * v + 1]!, pos[3 * v + 2]!] as const;
  const dist = (a: readonly number[], b: readonly number[]) => Math.hypot(a[0]! - b[0]!, a[1]! - b[1]!, a[2]! - b[2]!);

  it('has the jawline, both nasolabial folds and the profile, each a connected chain of skin vertices', () => {
    expect(chains).toHaveLength(3);
    for (const c of [...chains, profile]) {
      expect(c.length).toBeGreaterThan(5);
      for (let k = 1; k < c.length; k++) expect(dist(at(c[k - 1]!), at(c[k]!))).toBeLessThan(12);
    }
  });

  it('the jawline runs from one mandibular angle through the menton to the other', () => {
    const jaw = chains[0]!;
    expect(dist(at(jaw[0]!), head.landmarks['mandibular-angle-r'])).toBeLessThan(8);
    expect(dist(at(jaw[jaw.length - 1]!), head.landmarks['mandibular-angle-l'])).toBeLessThan(8);
    expect(Math.min(...[...jaw].map((v) => dist(at(v), head.landmarks.menton)))).toBeLessThan(5);
  });

  it('the nasolabial chains end at their fold landmarks; the profile runs down the midline, forehead to chin', () => {
    for (const [c, s] of [[chains[1]!, 'r'], [chains[2]!, 'l']] as const) {
      expect(dist(at(c[0]!), head.landmarks[`nasolabial-fold-upper-${s}`])).toBeLessThan(6);
      expect(dist(at(c[c.length - 1]!), head.landmarks[`nasolabial-fold-lower-${s}`])).toBeLessThan(6);
    }
    for (let k = 1; k < profile.length; k++) expect(at(profile[k]!)[1]).toBeLessThan(at(profile[k - 1]!)[1]);
    for (const v of profile) expect(Math.abs(at(v)[0])).toBeLessThanOrEqual(2);
    expect(at(profile[0]!)[1]).toBeGreaterThan(head.landmarks.glabella[1]);
    expect(at(profile[profile.length - 1]!)[1]).toBeLessThan(head.landmarks.menton[1] + 5);
  });
});
