// prepareTraction computes a traction's unit response ahead of the solve (the measurements table spreads a
// technique's first solve over tasks with it): the solve that follows must be exactly the one made in one go.
// Real engine on the synthetic head.
import { describe, expect, it } from 'vitest';
import { createTissueModel, solveTechnique } from '../../../src/core/tissue/index.ts';
import { prepareTraction } from '../../../src/core/tissue/responses.ts';
import { PROCEDURES } from '../../../src/core/procedures/index.ts';
import { createSyntheticHead } from '../../fixtures/synthetic-head.ts';

describe('prepareTraction', () => {
  const head = createSyntheticHead();
  it('then the solve: the same solution as in one go, for a tied and an undermining technique', () => {
    for (const technique of ['thread', 'smile'] as const) {
      const params = { vectorAngleDeg: 50 };
      const direct = solveTechnique(createTissueModel(head), technique, params, 0.6);
      const model = createTissueModel(head);
      PROCEDURES[technique].tractions.forEach((_, i) => prepareTraction(model, technique, params, i));
      const prepared = solveTechnique(model, technique, params, 0.6);
      expect(prepared.actions.length).toBe(direct.actions.length);
      prepared.actions.forEach((a, k) => {
        expect(a.takeUpMm).toBeCloseTo(direct.actions[k]!.takeUpMm, 9);
        expect(Array.from(a.nodeField)).toEqual(Array.from(direct.actions[k]!.nodeField));
      });
    }
  });
  it('an index outside the technique’s tractions is a RangeError', () => {
    const model = createTissueModel(head);
    expect(() => prepareTraction(model, 'smile', {}, PROCEDURES.smile.tractions.length)).toThrow(RangeError);
  });
});
