// A technique's unit responses solved on one thread (the tissue Worker) and used on another (the page): after
// structured clone with their buffers transferred and adopted into the receiving model, the technique's solution is
// the one the receiver would have solved itself, made from the adopted responses (no solve of its own); responses
// that do not fit are refused. Real engine, real structuredClone (Node's, the algorithm of postMessage).
import { describe, expect, it } from 'vitest';
import { TECHNIQUES } from '../../../src/core/ids.ts';
import { PROCEDURES } from '../../../src/core/procedures/index.ts';
import { createTissueModel, solveTechnique } from '../../../src/core/tissue/index.ts';
import { adoptUnitResponses, packUnitResponses, type PackedUnitResponses } from '../../../src/core/tissue/responses.ts';
import { packModel, reviveModel } from '../../../src/core/tissue/transfer.ts';
import { testHeads } from '../../fixtures/heads.ts';

const { name, head } = (await testHeads())[0]!;
const SAG = 0.4;
const LIFT = { liftMm: 8 };

describe(`unit responses sent to another thread, on the ${name} head`, () => {
  // The Worker's side: posts the model keeping all of it (it goes on to solve), then each technique's responses.
  const sender = createTissueModel(head);
  const { packed, transfer } = packModel(sender, 'everything');
  const receiver = reviveModel(structuredClone(packed, { transfer }), head);
  const reference = createTissueModel(head);

  it('the model is posted without moving any buffer, so the sender can still solve', () => {
    expect(transfer).toEqual([]);
    expect(sender.layers.skin.mesh.positions.length).toBeGreaterThan(0);
    expect(sender.factor.vals.length).toBeGreaterThan(0);
  });

  it.each(TECHNIQUES)('%s: the solution made from adopted responses is the one solved in place, and uses them', (technique) => {
    const angle = PROCEDURES[technique].defaults.vectorAngleDeg;
    const message = packUnitResponses(sender, technique, angle);
    expect(message.packed.responses).toHaveLength(PROCEDURES[technique].tractions.length);
    const arrived = structuredClone(message.packed, { transfer: message.transfer });
    // moved, not copied: the sender's fields are detached and it keeps no stale copy in its cache
    expect(message.packed.responses[0]!.field.length).toBe(0);
    expect(sender.cache.size).toBe(0);
    adoptUnitResponses(receiver, arrived);
    const params = { vectorAngleDeg: angle, ...LIFT };
    const adopted = solveTechnique(receiver, technique, params, SAG);
    const solved = solveTechnique(reference, technique, params, SAG);
    expect(adopted.actions.map((a) => a.gripNodes)).toEqual(arrived.responses.map((r) => r.gripNodes));
    adopted.actions.forEach((a, k) => {
      // the very arrays that arrived: the receiver did not solve them again
      expect(a.gripNodes).toBe(arrived.responses[k]!.gripNodes);
      expect(a.takeUpMm).toBeCloseTo(solved.actions[k]!.takeUpMm, 9);
      expect(a.nodeField).toEqual(solved.actions[k]!.nodeField);
    });
    // a real lift, not two empty fields that agree
    expect(Math.max(...solved.actions[0]!.nodeField.map(Math.abs))).toBeGreaterThan(0.5);
    // another vector angle is another response: solved here, not taken from the adopted ones
    const turned = solveTechnique(receiver, technique, { vectorAngleDeg: angle - 10, ...LIFT }, SAG);
    expect(turned.actions[0]!.gripNodes).not.toBe(arrived.responses[0]!.gripNodes);
  });

  it('responses that do not fit the technique or the model are refused with a message', () => {
    const message = packUnitResponses(sender, 'smile', PROCEDURES.smile.defaults.vectorAngleDeg).packed;
    const asThread: PackedUnitResponses = { ...message, technique: 'thread-conventional' };
    expect(() => adoptUnitResponses(receiver, asThread)).toThrow(/thread-conventional came with 2 tractions/);
    const asFacelift: PackedUnitResponses = { ...message, technique: 'facelift' };
    const before = [...receiver.cache.keys()];
    expect(() => adoptUnitResponses(receiver, asFacelift)).toThrow(/facelift traction \d \(\S+\) does not fit this model/);
    // none of them was kept, not even the first traction, whose action and size happen to fit
    expect([...receiver.cache.keys()]).toEqual(before);
    const shorter = message.responses.map((r) => ({ ...r, field: r.field.subarray(3) }));
    expect(() => adoptUnitResponses(receiver, { ...message, responses: shorter })).toThrow(/does not fit this model/);
  });
});
