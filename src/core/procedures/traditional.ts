// Traditional mini lift, as the clinic describes it: a horizontal incision near the sideburn, the SMAS pulled
// from bottom to top (a vertical vector) over the lower face, mainly for the jawline.
//
// Mechanics encoded here (and nothing else): a suspension suture fixed to the fixed lateral SMAS / fascia over
// the zygomatic arch, aimed straight up, biting the lower-face SMAS along its line. Which regions rise, and by
// how much, is left to the solve.
import { layoutSteps, type Procedure } from './types.ts';

export const traditional: Procedure = {
  id: 'traditional',
  nameKey: 'techniques.traditional',
  // Design choice (no sourced length): a short horizontal line from the helix root forward under the sideburn.
  incisions: [
    [
      { landmark: 'helix-root', offsetMm: [0, 3, 0] },
      { landmark: 'sideburn-bottom', offsetMm: [0, 3, 0] },
      { landmark: 'sideburn-bottom', offsetMm: [-6, 3, 10] },
    ],
  ],
  // Anterior zygomatic arch: over the "fixed lateral SMAS" (Jacono & Bryant), the usual plication anchor.
  anchor: { landmark: 'zygomatic-arch-mid', offsetMm: [-6, 4, 6] },
  entryPoints: [],
  defaults: { vectorAngleDeg: 90, liftMm: 8 },
  tractions: [
    {
      action: 'smas-suspension',
      layer: 'smas',
      origin: { landmark: 'zygomatic-arch-mid', offsetMm: [-6, 4, 6] },
      gripStartMm: 15,
      reachMm: 80,
      halfWidthMm: 14,
      angleOffsetDeg: 0,
      takeUpShare: 1,
    },
  ],
  tied: false,
  steps: layoutSteps([
    { id: 'mark', weight: 1, layers: ['skin'], view: 'oblique-left', landmark: 'sideburn-bottom-l', shows: { incision: true } },
    { id: 'incise', weight: 1, layers: ['skin'], view: 'profile-left', landmark: 'sideburn-bottom-l', shows: { incision: true } },
    { id: 'elevate', weight: 1, layers: ['smas', 'ligaments', 'bone'], view: 'profile-left', landmark: 'mandibular-angle-l', shows: { incision: true, vector: true } },
    { id: 'pull', weight: 2, layers: ['smas', 'ligaments', 'bone'], view: 'oblique-left', landmark: 'jowl-l', moves: ['smas-suspension'], shows: { incision: true, vector: true } },
    { id: 'fix', weight: 1, layers: ['smas', 'ligaments', 'bone'], view: 'profile-left', landmark: 'zygomatic-arch-mid-l', shows: { incision: true, vector: true } },
    { id: 'close', weight: 1, layers: ['skin'], view: 'profile-left', landmark: 'sideburn-bottom-l', shows: { incision: true } },
    { id: 'result', weight: 1.5, layers: ['skin'], view: 'oblique-left' },
  ]),
  sources: {
    incision: 'Clinic description (horizontal, near the sideburn); length and exact path are design choices.',
    vector: 'Clinic: "bottom to top"; vertical vector as in MACS (Tonnard & Verpaele 2005).',
    anchor: 'Fixed lateral SMAS over the zygomatic arch (Jacono & Bryant, tier B); design choice of point.',
  },
};
