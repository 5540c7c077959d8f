// The relations of calibration.ts come from the techniques' mechanics, not from their names: swap two techniques'
// vectors — direction and magnitude: each traction's origin, aim and angle, the default angle and the default lift
// (take-up) — while layer, grip and dissection stay,
// and the relation must break. The conventional thread's SMAS share depends on the layer its barbs grip, not on
// its vector (it runs on the dual-layer thread's line), so for it the layer is swapped. Real engine, committed head;
// the technique data is swapped in place and restored after each case (this file's own module instance).
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { TechniqueId } from '../../../src/core/ids.ts';
import { PROCEDURES } from '../../../src/core/procedures/index.ts';
import type { Procedure, Traction } from '../../../src/core/procedures/types.ts';
import { OUTCOME_RELATIONS, measureOutcomes, type Outcomes } from '../../../src/core/tissue/calibration.ts';
import { createTissueModel } from '../../../src/core/tissue/index.ts';
import { loadCommittedHead } from '../../fixtures/heads.ts';

const committed = await loadCommittedHead();
if (!committed.head) throw new Error(`calibration tests need the committed head: ${committed.reason}`);
const head = committed.head;

type Mutable = { -readonly [K in keyof Procedure]: Procedure[K] };
const saved = new Map<TechniqueId, Procedure>();
const edit = (id: TechniqueId): Mutable => {
  if (!saved.has(id)) saved.set(id, { ...PROCEDURES[id] });
  return PROCEDURES[id] as Mutable;
};
afterEach(() => {
  for (const [id, p] of saved) Object.assign(PROCEDURES[id] as Mutable, p);
  saved.clear();
});

function swapVectors(a: TechniqueId, b: TechniqueId): void {
  const A = edit(a), B = edit(b);
  // The line of `from` on the grip (layer, extents, width, share) of `onto`; an un-aimed line drops the aim.
  const withLine = (onto: Traction, from: Traction): Traction => {
    const { aim: _drop, ...rest } = onto;
    void _drop;
    return { ...rest, origin: from.origin, angleOffsetDeg: from.angleOffsetDeg, ...(from.aim ? { aim: from.aim } : {}) };
  };
  const n = Math.min(A.tractions.length, B.tractions.length);
  const ta = A.tractions.map((t, i) => (i < n ? withLine(t, B.tractions[i]!) : t));
  const tb = B.tractions.map((t, i) => (i < n ? withLine(t, A.tractions[i]!) : t));
  const [da, db] = [A.defaults, B.defaults];
  [A.tractions, B.tractions] = [ta, tb];
  A.defaults = { ...da, vectorAngleDeg: db.vectorAngleDeg, liftMm: db.liftMm };
  B.defaults = { ...db, vectorAngleDeg: da.vectorAngleDeg, liftMm: da.liftMm };
}

function swapGrippedLayer(a: TechniqueId, b: TechniqueId): void {
  const A = edit(a), B = edit(b);
  const la = A.tractions[0]!.layer, lb = B.tractions[B.tractions.length - 1]!.layer;
  A.tractions = A.tractions.map((t, i) => (i === 0 ? { ...t, layer: lb } : t));
  B.tractions = B.tractions.map((t, i, all) => (i === all.length - 1 ? { ...t, layer: la } : t));
}

const CASES: readonly (readonly [relationId: string, what: string, swap: () => void])[] = [
  ['traditional-jawline', "traditional's and smile's vectors", () => swapVectors('traditional', 'smile')],
  ['smile-nasolabial', "traditional's and smile's vectors", () => swapVectors('traditional', 'smile')],
  ['smile-jawline', "smile's and the dual-layer thread's vectors", () => swapVectors('smile', 'thread')],
  ['thread-below-smile', "smile's and the dual-layer thread's vectors", () => swapVectors('smile', 'thread')],
  ['conventional-thread-smas', "the conventional and dual-layer threads' gripped layer", () => swapGrippedLayer('thread-conventional', 'thread')],
];

let unswapped: Outcomes;
beforeAll(() => {
  unswapped = measureOutcomes(createTissueModel(head));
}, 120_000);

describe('each relation breaks when the mechanics behind it are swapped', () => {
  it('every relation has a case', () => {
    expect(CASES.map(([id]) => id).sort()).toEqual(OUTCOME_RELATIONS.map((r) => r.id).sort());
  });

  it.each(CASES.map(([id, what, swap]) => [`${id}, swapping ${what}`, id, swap] as const))('%s', (_name, id, swap) => {
    const relation = OUTCOME_RELATIONS.find((r) => r.id === id)!;
    expect(relation.holds(unswapped)).toBe(true);
    swap();
    const swapped = measureOutcomes(createTissueModel(head));
    expect(relation.holds(swapped), `${relation.text} still holds: ${relation.sides(swapped).map((x) => x.toFixed(2)).join(' vs ')}`).toBe(false);
  });
});
