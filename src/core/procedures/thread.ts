// Dual-layer thread lift (clinic trade name "dual-method thread lifting"): no incision; threads enter at the
// temporal hairline, one runs in the dermis and one in the SMAS; they are tied at the midpoint and fixed to the
// deep temporal fascia. The reference sheet has no study comparing longevity by plane (§5.3) — the app shows
// the mechanics, not a durability claim.
//
// Mechanics encoded: two barbed threads along the same line, each gripping its own layer; `tied` makes the
// engine draw both by the same take-up at the fixation (they are one tension member after the tie).
import { layoutSteps, type Procedure, type Traction } from './types.ts';

// Thread length: 90 mm and 115 mm threads are described for dual-layer floating threads (Kang, Lee, Lam 2020,
// tier B, reference sheet §5.2); the longer one reaches from the temporal hairline to beside the mouth corner.
const THREAD_LENGTH_MM = 115;
// Design choice: barbs engage tissue within a few millimetres of the thread.
const BARB_GRIP_HALF_WIDTH_MM = 6;
// The barbed (cog) segment: the distal part of the thread, from this far beyond the entry to its tip; the proximal
// part runs smooth from the fixation over the zygoma. Design choice (barbed threads carry their cogs on the part
// that engages the tissue to be lifted; no source gives the split). With barbs from the entry on, the grip fell
// on the temple and malar skin and the fold, which the thread is placed for, barely moved.
const BARBED_FROM_MM = 60;
// Where the thread ends at the default vector: 1 cm lateral to the mouth corner, as the first of the three threads
// placed from a single temple entry in Yi, Lee, Lee (Front Med 2026, reference sheet §5.2). The line from the entry
// toward it crosses the midface and runs down beside the nasolabial fold — the fold the Contour study measured
// (§1). Re-aiming the vector rotates the line about the entry.
const THREAD_END = { landmark: 'oral-commissure', offsetMm: [10, 0, -3] } as const;

const threadLine = (action: Traction['action'], layer: Traction['layer']): Traction => ({
  action,
  layer,
  origin: { landmark: 'temporal-hairline-lower', offsetMm: [2, 0, -4] },
  aim: { toward: THREAD_END, atVectorDeg: 60 },
  gripStartMm: BARBED_FROM_MM,
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
  // Design choices: a superolateral line from the temporal hairline toward the midface and the fold; 5.5 mm
  // take-up, which lifts the fold by about the Contour study's 2.3 mm with the conventional (dermal) thread
  // (calibration.ts; outcomes sheet §1) and keeps the dual-layer thread below the Smile Mini Lift (surgical above
  // threads, §1).
  defaults: { vectorAngleDeg: 60, liftMm: 5.5 },
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
