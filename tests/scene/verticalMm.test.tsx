// The consult figures say which way the tissue moved: a result lower than the face before the operation reads "↓",
// never "↑ -0.2".
import { describe, expect, it } from 'vitest';
import { verticalMm } from '../../src/modes/consult/Measurements.tsx';

describe('verticalMm', () => {
  it('puts the arrow the way the tissue moved', () => {
    expect(verticalMm(2.38)).toBe('↑ 2.4');
    expect(verticalMm(-0.21)).toBe('↓ 0.2');
    expect(verticalMm(0.01)).toBe('0.0');
    expect(verticalMm(-0.04)).toBe('0.0');
    for (const v of [-3, -0.5, -0.06]) expect(verticalMm(v)).not.toMatch(/-/);
  });
});
