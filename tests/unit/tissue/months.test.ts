// The months after a lift: retention curves against their sources, and the months wiring on the real engine.
import { beforeAll, describe, expect, it } from 'vitest';
import { TECHNIQUES } from '../../../src/core/ids.ts';
import {
  createDisplacements, createTissueModel, evaluate, regionLift, solveTechnique, type TissueModel,
} from '../../../src/core/tissue/index.ts';
import {
  AGEING_SAG_PER_MONTH, MONTHS_MAX, RETENTION, ageingSag, applyMonths, curveAt, regionLiftAfter, retention, siteLiftAfter,
} from '../../../src/core/tissue/months.ts';
import { siteVertical } from '../../../src/core/tissue/sites.ts';
import { liftNodeField } from '../../../src/core/tissue/measures.ts';
import { exaggerate } from '../../../src/core/tissue/exaggerate.ts';
import { testHeads } from '../../fixtures/heads.ts';

const grid = Array.from({ length: 24 * 8 + 1 }, (_, i) => i / 8); // every 1/8 month over 0–24

describe('retention curves (data)', () => {
  it.each(TECHNIQUES)('%s: starts at 1 at month 0, never rises, stays in [0, 1], passes through its points', (technique) => {
    const curve = RETENTION[technique];
    expect(curve.points[0]).toEqual([0, 1]);
    let prev = retention(technique, 0);
    expect(prev).toBe(1);
    for (const m of grid) {
      const r = retention(technique, m);
      expect(r).toBeGreaterThanOrEqual(0);
      expect(r).toBeLessThanOrEqual(1);
      expect(r).toBeLessThanOrEqual(prev + 1e-12);
      prev = r;
    }
    for (const [m, f] of curve.points) expect(curveAt(curve, m)).toBeCloseTo(f, 12);
  });

  it('every curve says where its numbers come from; the dual-layer thread is the clinic\'s claim', () => {
    for (const technique of TECHNIQUES) {
      const c = RETENTION[technique];
      expect(c.note.length).toBeGreaterThan(20);
      if (c.basis === 'literature') expect(c.source.length).toBeGreaterThan(10);
    }
    expect(RETENTION.thread.basis).toBe('clinic-claim');
    expect(RETENTION.traditional.basis).toBe('design-choice');
    expect(RETENTION.smile.basis).toBe('design-choice');
    expect(RETENTION['thread-conventional'].basis).toBe('literature');
    expect(RETENTION.facelift.basis).toBe('literature');
  });

  it('conventional threads: back near baseline by 3 months (Contour, 90 days) and gone by a year (Bertossi)', () => {
    expect(retention('thread-conventional', 3)).toBeLessThanOrEqual(0.1 * retention('thread-conventional', 0));
    expect(retention('thread-conventional', 12)).toBe(0);
    // Bertossi: "improvement immediately and for 1 month"
    expect(retention('thread-conventional', 1)).toBeGreaterThanOrEqual(0.5);
  });

  it('full facelift keeps most of it (Jones & Lo: 21 % relapse at 5.5 years)', () => {
    expect(retention('facelift', 24)).toBeGreaterThanOrEqual(0.75);
    expect(retention('facelift', 66)).toBeCloseTo(0.79, 6);
  });

  it('ranking over time: facelift ≥ mini lifts ≥ dual-layer thread (clinic) ≥ conventional thread', () => {
    for (const m of grid) {
      expect(retention('facelift', m)).toBeGreaterThanOrEqual(retention('traditional', m) - 1e-12);
      expect(retention('traditional', m)).toBeGreaterThanOrEqual(retention('thread', m) - 1e-12);
      expect(retention('thread', m)).toBeGreaterThanOrEqual(retention('thread-conventional', m) - 1e-12);
    }
    // and the clinic's claim is visible: the dual-layer thread still holds a good part at a year
    expect(retention('thread', 12)).toBeGreaterThan(retention('thread-conventional', 12) + 0.3);
  });

  it('bad months read as month 0; beyond the last point the last value holds', () => {
    expect(retention('smile', Number.NaN)).toBe(1);
    expect(retention('smile', -3)).toBe(1);
    expect(retention('facelift', 1000)).toBeCloseTo(0.79, 12);
  });

  it('ageing goes on at the design-choice rate', () => {
    expect(ageingSag(0)).toBe(0);
    expect(ageingSag(-1)).toBe(0);
    expect(ageingSag(MONTHS_MAX)).toBeCloseTo(MONTHS_MAX * AGEING_SAG_PER_MONTH, 12);
    expect(ageingSag(12)).toBeGreaterThan(ageingSag(6));
  });
});

const heads = await testHeads();

describe.each(heads)('months wiring on the real engine ($name head)', ({ head }) => {
  let model: TissueModel;
  beforeAll(() => {
    model = createTissueModel(head);
  });

  it('month 0 leaves the engine output exactly as it is', () => {
    const sol = solveTechnique(model, 'smile', {}, 0.7);
    const a = createDisplacements(model), b = createDisplacements(model);
    evaluate(model, sol, 1, a);
    evaluate(model, sol, 1, b);
    applyMonths(model, sol, 0, b);
    expect(b.skin).toEqual(a.skin);
  });

  it('a conventional thread lift is all but gone at 12 months: the skin is back at the (slightly older) sagged face', () => {
    const sol = solveTechnique(model, 'thread-conventional', {}, 0.7);
    const at0 = createDisplacements(model), at12 = createDisplacements(model);
    evaluate(model, sol, 1, at0);
    evaluate(model, sol, 1, at12);
    applyMonths(model, sol, 12, at12);
    const older = solveTechnique(model, 'thread-conventional', {}, 0.7 + ageingSag(12));
    const sagged12 = createDisplacements(model);
    evaluate(model, older, 0, sagged12);
    let liftedAway = 0, fromSagged = 0;
    for (let i = 0; i < at0.skin.length; i++) {
      liftedAway = Math.max(liftedAway, Math.abs(at0.skin[i]! - sol.sagField.skin[i]!));
      fromSagged = Math.max(fromSagged, Math.abs(at12.skin[i]! - sagged12.skin[i]!));
    }
    expect(liftedAway).toBeGreaterThan(0.5); // the thread did move the skin at month 0
    expect(fromSagged).toBeLessThan(1e-3); // and a year later the face is the aged, un-lifted face
  });

  it('months change the engine output by retention × lift + ageing, per vertex', () => {
    const sol = solveTechnique(model, 'facelift', {}, 0.7);
    const at0 = createDisplacements(model), at24 = createDisplacements(model);
    evaluate(model, sol, 1, at0);
    evaluate(model, sol, 1, at24);
    applyMonths(model, sol, 24, at24);
    const older = solveTechnique(model, 'facelift', {}, 0.7 + ageingSag(24));
    const r = retention('facelift', 24);
    let worst = 0, changed = 0;
    for (let i = 0; i < at0.skin.length; i++) {
      const expected = older.sagField.skin[i]! + r * (at0.skin[i]! - sol.sagField.skin[i]!);
      worst = Math.max(worst, Math.abs(at24.skin[i]! - expected));
      changed = Math.max(changed, Math.abs(at24.skin[i]! - at0.skin[i]!));
    }
    expect(worst).toBeLessThan(1e-3);
    expect(changed).toBeGreaterThan(0.05);
  });

  it('region lift after months: equals regionLift at 0, fades for threads, holds for the facelift', () => {
    const conv = solveTechnique(model, 'thread-conventional', {}, 1);
    const face = solveTechnique(model, 'facelift', {}, 1);
    const conv0 = regionLift(model, conv), face0 = regionLift(model, face);
    expect(regionLiftAfter(model, conv, 0).nasolabial.vertical).toBeCloseTo(conv0.nasolabial.vertical, 9);
    const conv12 = regionLiftAfter(model, conv, 12);
    expect(Math.abs(conv12.nasolabial.vertical)).toBeLessThan(0.25 * Math.abs(conv0.nasolabial.vertical) + 0.5);
    // ageing meanwhile: a year later the untreated part of the face has descended (vertical < 0) at the jowl
    expect(conv12.jawline.vertical).toBeLessThan(0);
    const face24 = regionLiftAfter(model, face, 24);
    expect(face24.jawline.vertical).toBeGreaterThan(0.6 * face0.jawline.vertical);
  });

  it('site lift after months (lid–cheek junction, jowl): the month-0 lift at 0, then retention × lift + ageing', () => {
    const smile = solveTechnique(model, 'smile', {}, 1);
    const at0 = siteVertical(model, liftNodeField(smile));
    expect(siteLiftAfter(model, smile, 0)['lid-cheek-junction']).toBeCloseTo(at0['lid-cheek-junction'], 9);
    const ageing = siteVertical(model, model.sagUnit);
    const at12 = siteLiftAfter(model, smile, 12);
    expect(at12['lid-cheek-junction']).toBeCloseTo(retention('smile', 12) * at0['lid-cheek-junction'] + ageingSag(12) * ageing['lid-cheek-junction'], 9);
    expect(at12.jowl).toBeLessThan(at0.jowl); // some lift lost and the face aged meanwhile
  });

  it('exaggeration scales the movement from the face before the operation, and ×1 changes nothing', () => {
    const sol = solveTechnique(model, 'traditional', {}, 0.7);
    const a = createDisplacements(model), b = createDisplacements(model);
    evaluate(model, sol, 1, a);
    evaluate(model, sol, 1, b);
    exaggerate(b, sol.sagField, 1);
    expect(b.skin).toEqual(a.skin);
    exaggerate(b, sol.sagField, 3);
    for (let i = 0; i < a.skin.length; i += 97) {
      expect(b.skin[i]! - sol.sagField.skin[i]!).toBeCloseTo(3 * (a.skin[i]! - sol.sagField.skin[i]!), 3);
    }
  });
});
