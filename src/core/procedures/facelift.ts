// Full facelift, the reference the patient compares against: the long temple – preauricular – retroauricular
// incision (path: reference sheet §4.5, tier C), an SMAS suspension and a separate skin redrape.
import { layoutSteps, type Procedure } from './types.ts';

export const facelift: Procedure = {
  id: 'facelift',
  nameKey: 'techniques.facelift',
  incisions: [
    [
      { landmark: 'temporal-hairline-upper', offsetMm: [8, 12, -14] },
      { landmark: 'sideburn-top', offsetMm: [4, 2, -8] },
      { landmark: 'helix-root', offsetMm: [-1, 0, 3] },
      { landmark: 'tragus', offsetMm: [-1, 0, 3] },
      { landmark: 'earlobe', offsetMm: [-2, -2, 4] },
      { landmark: 'earlobe', offsetMm: [1, -8, -8] },
      { landmark: 'earlobe', offsetMm: [2, 12, -22] },
      { landmark: 'earlobe', offsetMm: [0, 16, -38] },
      { landmark: 'earlobe', offsetMm: [-4, -6, -58] },
    ],
  ],
  anchor: { landmark: 'zygomatic-arch-mid', offsetMm: [0, 4, 2] },
  entryPoints: [],
  // Design choices: a superolateral SMAS vector; 13 mm take-up, which with the mandibular ligament divided (below)
  // lifts the jowl by about Jones & Lo's 6 mm (outcomes sheet §1; calibration.ts).
  defaults: { vectorAngleDeg: 65, liftMm: 13 },
  tractions: [
    {
      action: 'smas-suspension',
      layer: 'smas',
      origin: { landmark: 'zygomatic-arch-mid', offsetMm: [0, 4, 2] },
      gripStartMm: 12,
      reachMm: 95,
      halfWidthMm: 24,
      angleOffsetDeg: 0,
      takeUpShare: 1,
    },
    {
      // The skin is redraped separately, more vertically/posteriorly, and its excess excised at the incision.
      action: 'skin-redrape',
      layer: 'skin',
      origin: { landmark: 'tragus', offsetMm: [-4, 0, 8] },
      gripStartMm: 10,
      reachMm: 90,
      halfWidthMm: 30,
      angleOffsetDeg: 15,
      takeUpShare: 0.6,
    },
  ],
  tied: false,
  // A full SMAS facelift elevates a wide skin flap (subcutaneous) from the whole incision forward over the cheek
  // and into the neck, and a SMAS flap beneath it (reference sheet §4.1; the extent is a design choice). Both
  // planes are opened, and the mandibular ligament is divided (see `releasedLigaments`); the others are kept.
  undermining: {
    planes: ['sub-smas', 'subcutaneous'],
    outline: [
      { landmark: 'sideburn-top', offsetMm: [-2, 8, 6] },
      { landmark: 'lateral-canthus', offsetMm: [2, -8, -2] },
      { landmark: 'malar-eminence', toward: { landmark: 'nasolabial-fold-upper', fraction: 0.35 } },
      { landmark: 'nasolabial-fold-lower', offsetMm: [10, -4, -6] },
      { landmark: 'jowl', offsetMm: [-2, -12, -2] },
      { landmark: 'mandibular-angle', offsetMm: [-6, -30, 6] },
      { landmark: 'earlobe', offsetMm: [2, -30, -10] },
      { landmark: 'tragus', offsetMm: [-3, 2, 6] },
    ],
    // The mandibular ligament is divided as in extended-SMAS / deep-plane facelifts, which release the retaining
    // ligaments to move the composite flap (anatomy sheet §4.1, "Deep plane / extended deep plane"); the jowl lies
    // over its posterior part (Minelli 2023, §2.1). With the ligament intact the jowl, pinned beside it, rose
    // ~3 mm of the 6 mm Jones & Lo measured. Which ligament is released is a design choice for the reference lift;
    // the mini lifts divide none.
    releasedLigaments: ['mandibular'],
  },
  steps: layoutSteps([
    { id: 'mark', weight: 1, layers: ['skin'], view: 'profile-left', landmark: 'tragus-l', shows: { incision: true } },
    { id: 'incise', weight: 1, layers: ['skin'], view: 'profile-left', landmark: 'tragus-l', shows: { incision: true } },
    { id: 'elevate', weight: 1, layers: ['skin', 'fat', 'smas', 'ligaments', 'bone'], view: 'oblique-left', landmark: 'malar-eminence-l', shows: { incision: true, vector: true } },
    { id: 'pull', weight: 2, layers: ['skin', 'fat', 'smas', 'ligaments', 'bone'], view: 'oblique-left', landmark: 'jowl-l', moves: ['smas-suspension'], shows: { incision: true, vector: true } },
    { id: 'fix', weight: 1, layers: ['skin', 'fat', 'smas', 'ligaments', 'bone'], view: 'profile-left', landmark: 'zygomatic-arch-mid-l', shows: { incision: true, vector: true } },
    { id: 'redrape', weight: 1.5, layers: ['skin'], view: 'profile-left', landmark: 'tragus-l', moves: ['skin-redrape'], shows: { incision: true, vector: true } },
    { id: 'close', weight: 1, layers: ['skin'], view: 'profile-left', landmark: 'earlobe-l', shows: { incision: true } },
    { id: 'result', weight: 1.5, layers: ['skin'], view: 'oblique-left' },
  ]),
  sources: {
    incision: 'Temple (in hair) – preauricular – around the lobe – retroauricular (reference sheet §4.5, tier C).',
    vector: 'Design choice (superolateral SMAS, more vertical skin redrape).',
    anchor: 'Preauricular fixed SMAS / zygomatic arch; design choice of point.',
  },
};
