// The model crosses a thread boundary (the precompute runs in a Worker): after structured clone with its buffers
// transferred, and revived, it must solve every technique exactly as the model that never moved. Real engine,
// real structuredClone (Node's, the same algorithm as postMessage), on every test head.
import { describe, expect, it } from 'vitest';
import { TECHNIQUES } from '../../../src/core/ids.ts';
import { PROCEDURES } from '../../../src/core/procedures/index.ts';
import { createDisplacements, createTissueModel, evaluate, solveTechnique, techniqueFactor } from '../../../src/core/tissue/index.ts';
import { adoptTechniqueFactor, packModel, packTechniqueFactor, reviveModel, type PackedTissueModel } from '../../../src/core/tissue/transfer.ts';
import { testHeads } from '../../fixtures/heads.ts';

const heads = await testHeads();
const PARAMS = { vectorAngleDeg: 55, liftMm: 7 };
const SAG = 0.7;

describe.each(heads)('a tissue model sent to another thread, on the $name head', ({ head }) => {
  it('revived after structuredClone (buffers transferred), it gives the same solutions for every technique', () => {
    const reference = createTissueModel(head);
    // The sending side (a Worker): posts the model, keeps what refactorisation needs, then posts each factor.
    const sender = createTissueModel(head);
    const { packed, transfer } = packModel(sender, 'refactor-inputs');
    expect(transfer.length).toBeGreaterThan(10);
    const clone = structuredClone(packed, { transfer });
    // moved, not copied: the sender's transferred arrays are detached
    expect(sender.sagUnit.length).toBe(0);
    expect(sender.layers.skin.mesh.positions.length).toBe(0);
    // … except the inputs of a later refactorisation, which the sender still uses
    expect(sender.matrix.vals.length).toBeGreaterThan(0);
    const model = reviveModel(clone, head);
    expect(model.head).toBe(head);
    for (const technique of TECHNIQUES) {
      if (!PROCEDURES[technique].undermining) continue;
      const factor = techniqueFactor(sender, technique);
      const message = packTechniqueFactor(technique, factor, 1);
      const adopted = adoptTechniqueFactor(model, structuredClone(message.packed, { transfer: message.transfer }));
      expect(techniqueFactor(model, technique)).toBe(adopted); // no refactorisation on the receiving side
    }
    for (const technique of TECHNIQUES) {
      const a = solveTechnique(reference, technique, PARAMS, SAG);
      const b = solveTechnique(model, technique, PARAMS, SAG);
      expect(b.actions.length).toBe(a.actions.length);
      const outA = createDisplacements(reference), outB = createDisplacements(model);
      evaluate(reference, a, 1, outA);
      evaluate(model, b, 1, outB);
      for (const layer of ['skin', 'fat', 'smas'] as const) {
        expect(b.sagField[layer]).toEqual(a.sagField[layer]);
        expect(outB[layer]).toEqual(outA[layer]);
      }
      // and the result is a real lift, not two empty fields that agree
      expect(outA.skin.some((v, i) => Math.abs(v - a.sagField.skin[i]!) > 0.1)).toBe(true);
    }
  });

  it('a clone that is not revived has lost its grids’ methods, and a clone of another head is refused', () => {
    const { packed, transfer } = packModel(createTissueModel(head), 'nothing');
    const clone = structuredClone(packed, { transfer }) as PackedTissueModel;
    expect(typeof (clone.layers.skin.grid as { nearest?: unknown }).nearest).toBe('undefined');
    const other = { ...head, fat: { ...head.fat, positions: head.fat.positions.slice(3) } };
    expect(() => reviveModel(clone, other)).toThrow(/fat layer has \d+ vertices, the head \d+/);
    expect(() => reviveModel({} as PackedTissueModel, head)).toThrow(/not a tissue model/);
  });
});
