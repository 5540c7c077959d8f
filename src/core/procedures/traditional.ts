// Traditional mini lift, as the clinic describes it: a horizontal incision near the sideburn, the SMAS pulled
// from bottom to top (a vertical vector) over the lower face, mainly for the jawline.
//
// Mechanics encoded here (and nothing else): a SMAS flap elevated over the lateral lower face, then two suspension
// loops fixed over the zygomatic arch and aimed (at the vertical vector) at the mandibular angle and the jowl,
// biting the SMAS along their lines. Which regions rise, and by how much, is left to the solve.
import { layoutSteps, type Procedure } from './types.ts';

export const traditional: Procedure = {
  id: 'traditional',
  nameKey: 'techniques.traditional',
  // The clinic: a small HORIZONTAL incision near the sideburn (its general mini-lift figure is "about 2 cm"; no
  // sourced length, reference sheet §4.3). Design choice: one straight line at constant height, 4 mm above the
  // sideburn's lower end, running ~18 mm from just behind it forward through the lower sideburn. It used to start
  // at the helix root, which on the real head is ~30 mm behind the sideburn and made a 45 mm "mini" incision.
  incisions: [
    [
      { landmark: 'sideburn-bottom', offsetMm: [1, 4, -9] },
      { landmark: 'sideburn-bottom', offsetMm: [-2, 4, 9] },
    ],
  ],
  // Anterior zygomatic arch: over the "fixed lateral SMAS" (Jacono & Bryant), the usual plication anchor.
  anchor: { landmark: 'zygomatic-arch-mid', offsetMm: [-6, 4, 6] },
  entryPoints: [],
  // 15 mm take-up: design choice (no mm source for a short-scar lift, outcomes sheet §1) that lifts the jawline by
  // ≥ 3 mm, below the full facelift's jowl (calibration.ts), with some margin on the rebuilt head (13 mm gave 3.1 on
  // an earlier head; 14 mm gave 2.93 once her hair lay flatter at the temple corner, which moved the engine's skin).
  defaults: { vectorAngleDeg: 90, liftMm: 15 },
  // Two purse-string loops fixed at the same point and tightened together, as in the MACS lift and the S-lift
  // (reference sheet §4.1): a narrow, near-vertical U toward the mandibular angle (its lower bites take the
  // posterior platysma below the border) and a wider, more oblique O toward the jowl, biting along the posterior
  // mandibular border a third of the way from the angle to the jowl. Each is data about where the suture bites:
  // its line is aimed at a landmark at the default (vertical) vector and rotates rigidly when the surgeon
  // re-aims the vector. Widths and the O loop's aim point are design choices (U narrow, O wide, as named).
  tractions: [
    {
      action: 'smas-suspension',
      layer: 'smas',
      origin: { landmark: 'zygomatic-arch-mid', offsetMm: [-6, 4, 6] },
      aim: { toward: { landmark: 'mandibular-angle', offsetMm: [4, 4, 6] }, atVectorDeg: 90 },
      gripStartMm: 15,
      reachMm: 90,
      halfWidthMm: 8,
      angleOffsetDeg: 0,
      takeUpShare: 1,
    },
    {
      action: 'smas-suspension',
      layer: 'smas',
      origin: { landmark: 'zygomatic-arch-mid', offsetMm: [-6, 4, 6] },
      aim: { toward: { landmark: 'mandibular-angle', toward: { landmark: 'jowl', fraction: 0.35 } }, atVectorDeg: 90 },
      // The O loop stays on the lower face (MACS: "toward the jowl"): its upper stretch crosses the fixed lateral
      // SMAS over the zygoma without biting and its bites begin ~3 cm below the fixation, about the level of the
      // upper masseteric ligament. Starting them at 15 mm put them on the malar SMAS of a narrow face, where the
      // wide O band then also took the SMAS border at zygomaticus major and raised the midface. Design choice.
      gripStartMm: 30,
      reachMm: 95,
      halfWidthMm: 12,
      angleOffsetDeg: 0,
      takeUpShare: 1,
    },
  ],
  tied: false,
  // The "elevate" step: a SMAS flap raised in the sub-SMAS plane between the incision, the zygomatic arch (the
  // SMAS ends ~1 cm below it, Gosain 1993) and the mandibular border, forward over the masseter to the jowl —
  // the lateral face over the parotid and masseter, short of the zygomatic ligament (design choice of extent;
  // S-lift flaps are 3–4 cm, Fulton 2001). The skin is not redraped separately in this technique.
  undermining: {
    planes: ['sub-smas'],
    outline: [
      { landmark: 'tragus', offsetMm: [-4, 2, 8] },
      { landmark: 'zygomatic-arch-mid', offsetMm: [0, -6, 2] },
      { landmark: 'zygion', offsetMm: [-2, -8, 0] },
      { landmark: 'upper-masseteric-ligament-insertion', offsetMm: [4, 0, -6] },
      { landmark: 'jowl', offsetMm: [4, 6, -4] },
      { landmark: 'jowl', offsetMm: [0, -10, -4] },
      { landmark: 'mandibular-angle', offsetMm: [2, -14, -4] },
      { landmark: 'earlobe', offsetMm: [-4, -6, 6] },
    ],
  },
  steps: layoutSteps([
    { id: 'mark', weight: 1, layers: ['skin'], view: 'oblique-left', landmark: 'sideburn-bottom-l', shows: { incision: true } },
    { id: 'incise', weight: 1, layers: ['skin'], view: 'profile-left', landmark: 'sideburn-bottom-l', shows: { incision: true } },
    { id: 'elevate', weight: 1, layers: ['skin', 'fat', 'smas', 'ligaments', 'bone'], view: 'profile-left', landmark: 'mandibular-angle-l', shows: { incision: true, vector: true } },
    { id: 'pull', weight: 2, layers: ['skin', 'fat', 'smas', 'ligaments', 'bone'], view: 'oblique-left', landmark: 'jowl-l', moves: ['smas-suspension'], shows: { incision: true, vector: true } },
    { id: 'fix', weight: 1, layers: ['skin', 'fat', 'smas', 'ligaments', 'bone'], view: 'profile-left', landmark: 'zygomatic-arch-mid-l', shows: { incision: true, vector: true } },
    { id: 'close', weight: 1, layers: ['skin'], view: 'profile-left', landmark: 'sideburn-bottom-l', shows: { incision: true } },
    { id: 'result', weight: 1.5, layers: ['skin'], view: 'oblique-left' },
  ]),
  sources: {
    incision: 'Clinic description (horizontal, near the sideburn); length and exact path are design choices.',
    vector: 'Clinic: "bottom to top"; vertical vector as in MACS (Tonnard & Verpaele 2005).',
    anchor: 'Fixed lateral SMAS over the zygomatic arch (Jacono & Bryant, tier B); design choice of point.',
  },
};
