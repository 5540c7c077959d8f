// Dual-layer thread lift (clinic trade name "dual-method thread lifting"): no incision; threads enter at the
// temporal hairline, one runs in the dermis and one in the SMAS; they are tied at the midpoint and fixed to the
// deep temporal fascia. The reference sheet has no study comparing longevity by plane (§5.3) — the app shows
// the mechanics, not a durability claim.
//
// Mechanics encoded: two barbed threads along the same line, each gripping its own layer; `tied` makes the
// engine draw both by the same take-up at the fixation (they are one tension member after the tie).
import { layoutSteps, type Procedure, type Traction } from './types.ts';

// Thread length: 90 mm threads are described for dual-layer floating threads (Kang, Lee, Lam 2020, tier B).
const THREAD_LENGTH_MM = 90;
// Design choice: barbs engage tissue within a few millimetres of the thread.
const BARB_GRIP_HALF_WIDTH_MM = 6;

const threadLine = (action: Traction['action'], layer: Traction['layer']): Traction => ({
  action,
  layer,
  origin: { landmark: 'temporal-hairline-lower', offsetMm: [2, 0, -4] },
  gripStartMm: 15,
  reachMm: THREAD_LENGTH_MM,
  halfWidthMm: BARB_GRIP_HALF_WIDTH_MM,
  angleOffsetDeg: 0,
  takeUpShare: 1,
});

export const thread: Procedure = {
  id: 'thread',
  nameKey: 'techniques.thread',
  incisions: [],
  anchor: { landmark: 'deep-temporal-fascia-anchor' },
  entryPoints: [{ landmark: 'temporal-hairline-lower', offsetMm: [2, 0, -4] }],
  // Design choices: a superolateral line from the temporal hairline toward the midface; 5 mm take-up.
  defaults: { vectorAngleDeg: 60, liftMm: 5 },
  tractions: [threadLine('dermal-thread', 'skin'), threadLine('fascial-thread', 'smas')],
  tied: true,
  // Threads are inserted without any dissection: nothing is undermined.
  undermining: null,
  steps: layoutSteps([
    { id: 'mark-entry', weight: 1, layers: ['skin'], view: 'oblique-left', landmark: 'temporal-hairline-lower-l', shows: { threads: true, vector: true } },
    { id: 'insert-dermal', weight: 1.5, layers: ['skin', 'fat'], view: 'oblique-left', landmark: 'malar-eminence-l', shows: { threads: true } },
    { id: 'insert-fascial', weight: 1.5, layers: ['skin', 'fat', 'smas', 'ligaments', 'bone'], view: 'oblique-left', landmark: 'malar-eminence-l', shows: { threads: true } },
    { id: 'tie-midpoint', weight: 1, layers: ['skin', 'fat', 'smas', 'ligaments', 'bone'], view: 'profile-left', landmark: 'zygomatic-ligament-insertion-l', shows: { threads: true } },
    { id: 'fix', weight: 2, layers: ['skin', 'fat', 'smas', 'ligaments', 'bone'], view: 'oblique-left', landmark: 'deep-temporal-fascia-anchor-l', moves: ['dermal-thread', 'fascial-thread'], shows: { threads: true, vector: true } },
    { id: 'result', weight: 1.5, layers: ['skin'], view: 'front' },
  ]),
  sources: {
    incision: 'None (entry points only).',
    vector: 'Design choice; fascia-anchored threads (Yi & Oh 2024), dual-layer threads (Kang 2020, tier B).',
    anchor: 'Deep temporal fascia, safe zone 1–3 cm anterior to the tragus line (Yi & Oh 2024).',
  },
};
