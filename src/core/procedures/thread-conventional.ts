// Conventional thread lift, for the clinic's comparison: the same line as the dual-layer thread, but one thread
// in the dermis only. Caveat (reference sheet §5.3): published descriptions put conventional threads in the
// SUBCUTANEOUS layer, not the dermis; "dermis only" is the clinic's framing. Durability is not modelled.
import { layoutSteps, type Procedure } from './types.ts';
import { thread } from './thread.ts';

const dermal = thread.tractions.find((t) => t.action === 'dermal-thread')!;

export const threadConventional: Procedure = {
  id: 'thread-conventional',
  nameKey: 'techniques.thread-conventional',
  incisions: [],
  anchor: { landmark: 'temporal-hairline-lower', offsetMm: [2, 0, -4] },
  entryPoints: thread.entryPoints,
  defaults: thread.defaults,
  tractions: [dermal],
  tied: false,
  undermining: null,
  steps: layoutSteps([
    { id: 'mark-entry', weight: 1, layers: ['skin'], view: 'oblique-left', landmark: 'temporal-hairline-lower-l', shows: { threads: true, vector: true } },
    { id: 'insert-dermal', weight: 1.5, layers: ['skin', 'fat'], view: 'oblique-left', landmark: 'malar-eminence-l', shows: { threads: true } },
    { id: 'fix', weight: 2, layers: ['skin', 'fat', 'smas'], view: 'oblique-left', landmark: 'temporal-hairline-lower-l', moves: ['dermal-thread'], shows: { threads: true, vector: true } },
    { id: 'result', weight: 1.5, layers: ['skin'], view: 'front' },
  ]),
  sources: {
    incision: 'None (entry points only).',
    vector: 'Same line as the dual-layer thread, for comparison.',
    anchor: 'Clinic framing: not fixed to deep fascia; held by barbs in the dermis.',
  },
};
