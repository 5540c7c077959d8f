import { describe, expect, it } from 'vitest';
import { PROCEDURES } from '../../../src/core/procedures/index.ts';
import { actionActivation, easeInOutCubic, stepAt, stepStart } from '../../../src/core/timeline/index.ts';

const smile = PROCEDURES.smile;

describe('timeline', () => {
  it('maps progress to steps and local progress', () => {
    expect(stepAt(smile, 0)).toMatchObject({ index: 0, local: 0 });
    expect(stepAt(smile, 1).index).toBe(smile.steps.length - 1);
    expect(stepAt(smile, 1).local).toBe(1);
    const s2 = smile.steps[2]!;
    const mid = stepAt(smile, (s2.start + s2.end) / 2);
    expect(mid.index).toBe(2);
    expect(mid.local).toBeCloseTo(0.5, 6);
    expect(stepAt(smile, s2.start).index).toBe(2); // a step owns its start
  });

  it.each([-1, Number.NaN, 2])('clamps malformed progress %s', (p) => {
    const s = stepAt(smile, p);
    expect(s.local).toBeGreaterThanOrEqual(0);
    expect(s.local).toBeLessThanOrEqual(1);
  });

  it('stepStart inverts stepAt', () => {
    smile.steps.forEach((_, i) => expect(stepAt(smile, stepStart(smile, i)).index).toBe(i));
    expect(stepStart(smile, 99)).toBe(smile.steps[smile.steps.length - 1]!.start);
    expect(stepStart(smile, -3)).toBe(0);
  });

  it('actions ramp from 0 to 1 during their step only', () => {
    const pull = smile.steps.find((s) => s.id === 'pull')!;
    expect(actionActivation(smile, 'smas-suspension', pull.start)).toBe(0);
    expect(actionActivation(smile, 'smas-suspension', pull.end)).toBe(1);
    expect(actionActivation(smile, 'smas-suspension', 1)).toBe(1);
    let last = 0;
    for (let t = pull.start; t <= pull.end; t += 0.01) {
      const a = actionActivation(smile, 'smas-suspension', t);
      expect(a).toBeGreaterThanOrEqual(last);
      last = a;
    }
    expect(easeInOutCubic(0.5)).toBeCloseTo(0.5, 9);
  });
});
