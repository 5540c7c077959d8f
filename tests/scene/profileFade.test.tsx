// The before-contour's profile line shows only where it reads as a profile: from the side, not down the middle of a
// front view.
import { describe, expect, it } from 'vitest';
import { PerspectiveCamera } from 'three';
import { profileFade } from '../../src/scene/BeforeContour.tsx';

const at = (x: number, z: number) => {
  const c = new PerspectiveCamera();
  c.position.set(x, 0.1, z);
  return c;
};
const centre = { x: 0, z: 0.09 };

describe('profileFade', () => {
  it('hides the profile from the front and shows it whole from the side and at 45°', () => {
    expect(profileFade(at(0, 0.6), centre)).toBe(0);
    expect(profileFade(at(0.1, 0.6), centre)).toBe(0);
    expect(profileFade(at(0.6, centre.z), centre)).toBe(1);
    expect(profileFade(at(-0.42, centre.z + 0.42), centre)).toBe(1);
  });
  it('turns in steadily between', () => {
    const yaws = [15, 22, 28, 35, 42].map((d) => (d * Math.PI) / 180);
    const f = yaws.map((a) => profileFade(at(0.5 * Math.sin(a), centre.z + 0.5 * Math.cos(a)), centre));
    for (let k = 1; k < f.length; k++) expect(f[k]!).toBeGreaterThanOrEqual(f[k - 1]!);
    expect(f[0]).toBe(0);
    expect(f[2]!).toBeGreaterThan(0);
    expect(f[2]!).toBeLessThan(1);
  });
});
