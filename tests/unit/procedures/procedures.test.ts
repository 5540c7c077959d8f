import { describe, expect, it } from 'vitest';
import { REGIONS, TECHNIQUES } from '../../../src/core/ids.ts';
import {
  PROCEDURES, incisionLength, resolveAnchor, resolveIncisions, resolveThreads, underminedWeight,
  type Procedure,
} from '../../../src/core/procedures/index.ts';
import { validateProcedure } from '../../../src/core/procedures/schema.ts';
import { CAPTIONS_EN } from '../../../src/core/procedures/captions.en.ts';
import { createSyntheticHead } from '../../fixtures/synthetic-head.ts';

const head = createSyntheticHead({ skinLat: 90, skinLon: 140, layerLat: 80, layerLon: 120 });

describe('technique data', () => {
  it.each(TECHNIQUES)('%s is valid, has its id and captions for every step', (id) => {
    const p = PROCEDURES[id];
    expect(p.id).toBe(id);
    expect(validateProcedure(p)).toEqual([]);
    for (const s of p.steps) expect(CAPTIONS_EN[`steps.${id}.${s.id}`]).toBeTruthy();
  });

  it('contains no per-region outcome numbers: no region id appears anywhere in technique data', () => {
    // Structural guard for the design rule: outcomes come from the solve, never from the data.
    const keys = new Set<string>();
    const walk = (v: unknown): void => {
      if (Array.isArray(v)) v.forEach(walk);
      else if (v && typeof v === 'object') {
        for (const [k, c] of Object.entries(v)) {
          keys.add(k);
          walk(c);
        }
      }
    };
    for (const p of Object.values(PROCEDURES)) walk(p);
    for (const r of REGIONS) expect(keys.has(r)).toBe(false);
  });

  it('the validator catches gaps, unknown landmarks and undriven tractions', () => {
    const base = PROCEDURES.smile;
    const gap: Procedure = { ...base, steps: base.steps.map((s, k) => (k === 2 ? { ...s, start: s.start + 0.01 } : s)) };
    expect(validateProcedure(gap).join()).toMatch(/gap before step/);
    const badLandmark = { ...base, anchor: { landmark: 'nowhere' } } as unknown as Procedure;
    expect(validateProcedure(badLandmark).join()).toMatch(/unknown landmark/);
    const undriven: Procedure = { ...base, steps: base.steps.map((s) => ({ ...s, moves: [] })) };
    expect(validateProcedure(undriven).join()).toMatch(/driven by 0 steps/);
  });

  it('encodes the clinic mechanics as data: vector, layer, anchor', () => {
    expect(PROCEDURES.traditional.defaults.vectorAngleDeg).toBe(90);
    expect(PROCEDURES.smile.defaults.vectorAngleDeg).toBeLessThan(75);
    expect(PROCEDURES.smile.anchor.landmark).toBe('deep-temporal-fascia-anchor');
    expect(PROCEDURES.thread.tractions.map((t) => t.layer).sort()).toEqual(['skin', 'smas']);
    expect(PROCEDURES.thread.tied).toBe(true);
    expect(PROCEDURES['thread-conventional'].tractions.map((t) => t.layer)).toEqual(['skin']);
    expect(PROCEDURES.thread.incisions).toEqual([]);
    // Undermining is part of the mechanics: incisional techniques elevate a flap, threads never do.
    expect(PROCEDURES.thread.undermining).toBeNull();
    expect(PROCEDURES['thread-conventional'].undermining).toBeNull();
    expect(PROCEDURES.traditional.undermining?.planes).toEqual(['sub-smas']);
    expect(PROCEDURES.smile.undermining?.planes).toEqual(['sub-smas']);
    expect(PROCEDURES.facelift.undermining?.planes).toContain('subcutaneous');
    // Traditional: two loops of one suspension (MACS/S-lift U and O), aimed at the angle and toward the jowl.
    const loops = PROCEDURES.traditional.tractions;
    expect(loops.map((t) => t.action)).toEqual(['smas-suspension', 'smas-suspension']);
    expect(loops.map((t) => t.aim?.toward.landmark)).toEqual(['mandibular-angle', 'mandibular-angle']);
    expect(loops[1]!.aim?.toward.toward?.landmark).toBe('jowl');
    expect(loops[1]!.halfWidthMm).toBeGreaterThan(loops[0]!.halfWidthMm); // the O is the wider loop
  });

  it('the validator ties undermining to the elevate step and keeps it away from threads', () => {
    const noElevate: Procedure = { ...PROCEDURES.traditional, undermining: null };
    expect(validateProcedure(noElevate).join()).toMatch(/"elevate" step needs an undermined area/);
    const threadCut: Procedure = { ...PROCEDURES.thread, undermining: PROCEDURES.smile.undermining };
    expect(validateProcedure(threadCut).join()).toMatch(/undermining needs an "elevate" step|do not undermine/);
  });
});

describe('resolution onto a head', () => {
  it('undermined areas: a soft-edged zone on each side, traditional lower and more lateral than smile', () => {
    const trad = underminedWeight(head, PROCEDURES.traditional)!;
    const smile = underminedWeight(head, PROCEDURES.smile)!;
    expect(underminedWeight(head, PROCEDURES.thread)).toBeNull();
    const L = head.landmarks;
    // The parotid area between the tragus and the mandibular angle is in the traditional flap, on both sides.
    for (const side of ['l', 'r'] as const) {
      const t = L[`tragus-${side}`], an = L[`mandibular-angle-${side}`];
      const sx = side === 'l' ? 1 : -1;
      expect(trad((t[0] + an[0]) / 2 - sx * 4, (t[1] + an[1]) / 2, (t[2] + an[2]) / 2 + 8)).toBeGreaterThan(0.9);
    }
    // The lateral canthus region is in smile's (high) flap and not in traditional's; the forehead is in neither.
    const c = L['lateral-canthus-l'];
    expect(smile(c[0], c[1] - 12, c[2])).toBeGreaterThan(0.5);
    expect(trad(c[0], c[1] - 12, c[2])).toBe(0);
    const g = L.glabella;
    expect(trad(g[0] + 1, g[1] + 20, g[2])).toBe(0);
    expect(smile(g[0] + 1, g[1] + 20, g[2])).toBe(0);
  });

  it('incisions lie on the skin, mirrored on both sides', () => {
    const lines = resolveIncisions(head, 'smile');
    expect(lines).toHaveLength(2);
    const [l, r] = lines as [Float32Array, Float32Array];
    expect(l[0]!).toBeGreaterThan(0);
    expect(r[0]!).toBeLessThan(0);
    expect(Math.abs(l[1]! - r[1]!)).toBeLessThan(1);
    // smile ≈ the clinic's 2 cm; facelift several times longer
    expect(incisionLength(head, 'smile')).toBeGreaterThan(15);
    expect(incisionLength(head, 'smile')).toBeLessThan(26);
    expect(incisionLength(head, 'facelift')).toBeGreaterThan(100);
  });

  it('threads: dermis and SMAS paths for the dual-layer lift, dermis only for the conventional one', () => {
    const dual = resolveThreads(head, 'thread');
    expect(dual.map((t) => `${t.layer}-${t.side}`).sort()).toEqual(['dermis-l', 'dermis-r', 'smas-l', 'smas-r']);
    for (const t of dual) expect(t.points.length / 3).toBeGreaterThan(20);
    expect(resolveThreads(head, 'thread-conventional').map((t) => t.layer)).toEqual(['dermis', 'dermis']);
    expect(resolveThreads(head, 'smile')).toEqual([]);
    // Rotating the vector rotates the path about its entry point by the same angle (the thread is aimed at a
    // landmark at its default vector, so the default line need not be the bare vector).
    const frontalAngle = (p: Float32Array): number => {
      const last = p.length - 3;
      return (Math.atan2(p[1]! - p[last + 1]!, p[last]! - p[0]!) * 180) / Math.PI;
    };
    const at60 = resolveThreads(head, 'thread', { vectorAngleDeg: 60 })[0]!.points;
    const at80 = resolveThreads(head, 'thread', { vectorAngleDeg: 80 })[0]!.points;
    expect(Math.abs(at80[0]! - at60[0]!)).toBeLessThan(3);
    expect(Math.abs(at80[1]! - at60[1]!)).toBeLessThan(3);
    expect(Math.abs(frontalAngle(at60) - frontalAngle(at80))).toBeGreaterThan(15);
    expect(Math.abs(frontalAngle(at60) - frontalAngle(at80))).toBeLessThan(25);
  });

  it('anchors resolve on both sides', () => {
    const a = resolveAnchor(head, 'smile');
    expect(a.l[0]).toBeCloseTo(-a.r[0], 5);
  });
});
