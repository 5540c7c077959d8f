// Smile Mini Lift (the clinic's trade name; no peer-reviewed description exists — reference sheet §4.4).
// The clinic: a small incision near the sideburn inside the scalp, the SMAS pulled diagonally (superolateral)
// and fixed to the deep temporal fascia, holding the central midface (nasolabial fold, periorbital region,
// jawline). Closest published analogues: temporal-incision "super-high SMAS" and DTF-anchored malar suspension.
//
// Mechanics encoded: two suture loops fixed to the deep temporal fascia and tightened together — the main one aimed
// along a diagonal (toward the lower nasolabial fold at the default vector), so its bites fall on the SMAS of the
// malar/midface and its border at zygomaticus major rather than on the lateral lower face, and a lower one toward
// the cheek above the jawline; a flap raised high in the sub-SMAS plane with the orbicularis retaining ligament
// released. The nasolabial, lid–cheek and jawline effects are NOT written here; they follow from where those lines
// run on the head and what holds the tissue there.
import { layoutSteps, type Procedure } from './types.ts';

/** Where the lower loop's bites begin along its line from the fixation, mm (below the malar SMAS). Design choice. */
const SMILE_JOWL_LOOP_FROM_MM = 35;

export const smile: Procedure = {
  id: 'smile',
  nameKey: 'techniques.smile',
  // The clinic's figure: "about 2 cm", inside the scalp behind the temporal hairline near the sideburn. Not a
  // sourced length (reference sheet §4.3) — the two points are placed ~20 mm apart to match the clinic.
  incisions: [
    [
      { landmark: 'sideburn-top', offsetMm: [2, 4, -6] },
      { landmark: 'sideburn-top', offsetMm: [4, 23, -10] },
    ],
  ],
  anchor: { landmark: 'deep-temporal-fascia-anchor' },
  entryPoints: [],
  // Design choice: 60° above horizontal. Sourced context: the "ageing counter-vector" is ~51–55° (Azevedo 2023,
  // tier B); 60° aims a DTF-anchored line from the temple through the malar SMAS toward the fold.
  // 14 mm take-up, design choice: what lifts the lid–cheek junction by about the 2.5 mm of the transtemporal midface
  // lift (outcomes sheet §1, calibration.ts). The traditional lift's take-up is set by its own criterion (a jawline
  // lift ≥ 3 mm, traditional.ts), not by this one's.
  defaults: { vectorAngleDeg: 60, liftMm: 14 },
  tractions: [
    {
      action: 'smas-suspension',
      layer: 'smas',
      origin: { landmark: 'deep-temporal-fascia-anchor' },
      // "Holding the central midface": at the default diagonal the suture line runs from the DTF fixation across
      // the malar SMAS and down the SMAS border at zygomaticus major (where the SMAS–zygomaticus–LLSAN unit carries
      // on to the fold, tissue/constants.ts MIMETIC_UNIT_TIE) toward the lower nasolabial fold — the bites of the
      // super-high SMAS flap (medially to zygomaticus major, anchored to DTF) and of the X-MACS malar loop, §4.1.
      // Aiming at a landmark instead of taking the bare 60° keeps the bites on the midface on a narrow head, where a
      // fixed 60° line from the more lateral DTF crossed only the lateral cheek. Re-aiming the vector rotates the
      // line rigidly about the fixation (a vertical vector puts it on the lateral cheek). Design choice of aim point.
      aim: { toward: { landmark: 'nasolabial-fold-lower' }, atVectorDeg: 60 },
      gripStartMm: 20,
      reachMm: 85,
      halfWidthMm: 14,
      angleOffsetDeg: 0,
      takeUpShare: 1,
    },
    {
      // The second, lower loop: the clinic's lift "holds the central midface … and the jawline" (§4.4). From the
      // same DTF fixation a loop aimed at the lower cheek between the mandibular angle and the jowl, as the X-MACS
      // pairs its malar loop with loops toward the jowl and the angle (§4.1) — here the malar loop comes first
      // and the lower one is added. The two loops are tightened together at one fixation (solve.ts: joint
      // take-up). Without it the diagonal lift moved the jawline ~0.3 mm, a fifth of what "also holds the
      // jawline" needs (calibration.ts: ≥ 40 % of the traditional lift's). Aim, reach and width are design choices.
      action: 'smas-suspension',
      layer: 'smas',
      origin: { landmark: 'deep-temporal-fascia-anchor' },
      aim: { toward: { landmark: 'mandibular-angle', toward: { landmark: 'jowl', fraction: 0.4 } }, atVectorDeg: 60 },
      gripStartMm: SMILE_JOWL_LOOP_FROM_MM,
      reachMm: 100,
      halfWidthMm: 13,
      angleOffsetDeg: 0,
      takeUpShare: 1,
    },
  ],
  tied: false,
  // The "elevate" step, as in the temporal-incision "super-high SMAS" lift (§4.1): the SMAS raised from the
  // temple, below the lateral canthus and across the malar area medially toward zygomaticus major, down to the
  // zygomatic ligament — higher and more medial than the traditional flap. The zygomatic ligament itself is not
  // divided. Extent is a design choice after that description.
  undermining: {
    planes: ['sub-smas'],
    outline: [
      { landmark: 'sideburn-top', offsetMm: [-2, 0, 6] },
      { landmark: 'lateral-canthus', offsetMm: [4, 14, -8] },
      { landmark: 'lateral-canthus', offsetMm: [0, -10, 0] },
      { landmark: 'malar-eminence', toward: { landmark: 'nasolabial-fold-upper', fraction: 0.45 } },
      { landmark: 'zygomatic-ligament-insertion', offsetMm: [-4, -14, 4] },
      { landmark: 'upper-masseteric-ligament-insertion', offsetMm: [4, -4, -6] },
      { landmark: 'zygomatic-arch-mid', offsetMm: [0, -10, 0] },
      { landmark: 'sideburn-bottom', offsetMm: [-2, 0, 4] },
    ],
    // The orbicularis retaining ligament is released from the lateral approach, as in the temple-incision midface
    // lifts that raise the lid–cheek junction (Ransom 2012: the lower-lid height −2.5 mm, outcomes sheet §1; ORL
    // release treats the tear trough, Muzaffar 2002, anatomy sheet §2.2). Without it the junction, tied to the rim,
    // could not rise. Design choice: no source describes the clinic's dissection.
    releasedLigaments: ['orbital-retaining'],
  },
  steps: layoutSteps([
    { id: 'mark', weight: 1, layers: ['skin'], view: 'oblique-left', landmark: 'sideburn-top-l', shows: { incision: true, vector: true } },
    { id: 'incise', weight: 1, layers: ['skin'], view: 'profile-left', landmark: 'sideburn-top-l', shows: { incision: true } },
    { id: 'elevate', weight: 1, layers: ['skin', 'fat', 'smas', 'ligaments', 'bone'], view: 'oblique-left', landmark: 'malar-eminence-l', shows: { incision: true, vector: true } },
    { id: 'pull', weight: 2, layers: ['skin', 'fat', 'smas', 'ligaments', 'bone'], view: 'oblique-left', landmark: 'nasolabial-fold-upper-l', moves: ['smas-suspension'], shows: { incision: true, vector: true } },
    { id: 'fix', weight: 1, layers: ['skin', 'fat', 'smas', 'ligaments', 'bone'], view: 'profile-left', landmark: 'deep-temporal-fascia-anchor-l', shows: { incision: true, vector: true } },
    { id: 'close', weight: 1, layers: ['skin'], view: 'profile-left', landmark: 'sideburn-top-l', shows: { incision: true } },
    { id: 'result', weight: 1.5, layers: ['skin'], view: 'front' },
  ]),
  sources: {
    incision: "Clinic's figure (~2 cm, inside the scalp near the sideburn); not found in any source.",
    vector: 'Clinic: diagonal pull; counter-vector ~51–55° (Azevedo 2023, tier B); 60° is a design choice.',
    anchor: 'Deep temporal fascia (as in MACS / super-high SMAS, §4.1; safe zone Yi & Oh 2024).',
  },
};
