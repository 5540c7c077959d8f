// Mechanical constants of the layered model. Nearly all are DESIGN CHOICES: the literature gives layer order,
// thicknesses, ligament positions and a few force ratios, but no stiffness a linear membrane model could take
// verbatim. Each constant says what it encodes and what (if anything) it leans on.
//
// Units: membrane moduli are dimensionless multipliers of the cotangent Laplacian (energy μ ∫ |∇u|² dA);
// foundation stiffnesses are per mm² of node area. Their ratio sets the screened-Poisson decay length
// ℓ = √(μ / k) in mm over which a local pull spreads through a layer — that length is the intuition behind
// every number below.

/** Skin (dermis) membrane. Reference value; everything else is relative to it. */
export const SKIN_MODULUS = 1;
/** Subcutaneous fat: soft, carries little in-plane load (design choice). */
export const FAT_MODULUS = 0.15;
/**
 * SMAS: a fibrous/aponeurotic sheet that carries traction further than fat. Leans on the Korean cadaver study
 * (reference sheet §1.3): moving skin 2 mm needed ~2.2× the force when pulling the SMAS vs the fat — the SMAS
 * is the load-carrying layer. Factor 2 is a design choice.
 */
export const SMAS_MODULUS = 3;

/**
 * Retinacula (skin↔fat and fat↔SMAS coupling), per mm². Loose over the mobile malar, nasolabial and jowl
 * compartments, tight near ligaments and over the parotid ("fixed lateral SMAS", Jacono & Bryant; the force
 * study's sideburn > cheek). Loose gives ℓ ≈ 16 mm in skin, tight ≈ 4 mm. Design choices.
 */
export const COUPLING_LOOSE = 0.0015;
export const COUPLING_TIGHT = 0.06;

/** Sub-SMAS foundation (loose areolar plane / deep fascia) for the mobile medial SMAS: ℓ ≈ 20 mm. */
export const SMAS_GROUND_MOBILE = 0.012;
/** Sub-SMAS foundation over the parotid: the fixed lateral SMAS, ℓ ≈ 6 mm. */
export const SMAS_GROUND_FIXED = 0.06;
/**
 * Undermining (the "elevate" step): inside a technique's dissected area the attachment the dissection cuts keeps
 * this fraction of its stiffness — the sub-SMAS foundation for a SMAS flap, the skin–fat retinacula for a skin
 * flap. Not zero: a freed flap still lies on the deep fascia (friction, remaining fibrous strands, the edges of
 * the dissection), and a zero would leave the skin of a wide skin flap held only by its membrane. With 0.1 the
 * mobile SMAS decay length ℓ grows from ~16 mm to ~50 mm, i.e. the elevated flap moves as one sheet over the
 * size of a mini-lift dissection (4–6 cm) — which is what elevating it is for. Design choice; no source gives a
 * stiffness for a dissected plane. Retaining ligaments are NOT weakened by undermining; a technique that divides one
 * names it (`Undermining.releasedLigaments`: the facelift reference divides the mandibular ligament), and its ties
 * then keep this same fraction.
 */
export const UNDERMINED_ATTACHMENT_RESIDUAL = 0.1;
/** Fat and skin have no direct deep attachment where a deeper layer exists (tiny value keeps K definite). */
export const SKIN_GROUND_BASE = 1e-4;
export const FAT_GROUND_BASE = 1e-4;
/** Skin with no fat/SMAS beneath it in the model (scalp over galea, nose, ears): attached to deep structures. */
export const SKIN_GROUND_UNSUPPORTED = 0.03;
/** Skin further than this from any fat/SMAS node is held fixed (Dirichlet): scalp, occiput, far neck. */
export const FIXED_BEYOND_MM = 35;
/** Coupling springs connect layers whose nearest nodes are closer than this. */
export const COUPLING_SEARCH_MM = 10;

/**
 * The nasolabial fold line is a tether of dermis to the deep layer (the fold persists while the cheek descends
 * over it, Gosain 1996). Stiffness and width are design choices: ℓ = √(1/0.02) ≈ 7 mm in skin, tight enough that
 * the cheek at full sag descends ~2 mm more than the fold line beside it (the fold deepens), loose enough that a
 * pull beside the fold still lifts it (SMAS traction effaces the fold, Sundine & Connell 2010; a thread lifts it
 * ~2.3 mm, Contour 2008 — calibration.ts). The earlier 0.03 over 3.5 mm held the fold so hard that no technique
 * lifted the nasolabial region by more than 1.3 mm.
 */
export const FOLD_TETHER = 0.02;
export const FOLD_TETHER_WIDTH_MM = 3;
/**
 * The marionette (labiomandibular) line: the same kind of dermal tether, from the mouth corner down to the
 * mandibular border just medial to the jowl (the depressor anguli oris and the mandibular septum; the jowl
 * descends lateral to it, anatomy sheet §2.2). Its end this far medial to the jowl landmark and its strength as a
 * share of the fold tether are design choices.
 */
export const MARIONETTE_MEDIAL_TO_JOWL_MM = 8;
export const MARIONETTE_TETHER_SHARE = 0.8;

/**
 * The SMAS–zygomaticus–LLSAN functional unit (Gassner 2008, tier A; reference sheet §1.3): the SMAS (MSF) ends
 * anteriorly at the zygomaticus major, which it envelops (P45 plastination), and does not form an investing layer in
 * the midface; medially the zygomatici and the levator labii run on from the zygoma to their dermal insertions at
 * the modiolus and the upper lip along the nasolabial fold. A head whose SMAS mesh stops at that border would
 * otherwise leave the fold region joined to the SMAS only through soft fat and skin. We model the muscles as ties,
 * per mm² of the tied fat node's area, from each fat node in a muscle's band (fat with no SMAS beneath it, i.e.
 * medial to the SMAS border) to the nearest SMAS node — the muscle's lateral, SMAS-enveloped belly. Where the mesh's
 * SMAS already covers the band (no fat node lacks an SMAS partner) nothing is added. Stiffness (a medium retinaculum)
 * and band width (a muscle belly ~1 cm wide) are design choices; no source gives either.
 */
export const MIMETIC_UNIT_TIE = 0.02;
export const MIMETIC_BAND_WIDTH_MM = 6;
/** Farthest SMAS node a muscle band reaches back to (the SMAS border lies 10–20 mm lateral to the fold). */
export const MIMETIC_REACH_MM = 40;

/**
 * Retaining ligaments as stiff ties from bone (origin, never moves) through the layers they pierce to the
 * insertion. Per-mm² stiffness, design choices ordered by the descriptions in reference sheet §2.1: the
 * zygomatic (McGregor's patch) and mandibular ligaments are the strong osteocutaneous ones, the masseteric are
 * "false" fascial ligaments, the orbicularis retaining ligament is weak centrally and lax laterally.
 */
export const LIGAMENTS = [
  { name: 'zygomatic', stiffness: 0.5, radiusMm: 6 },
  { name: 'upper-masseteric', stiffness: 0.25, radiusMm: 6 },
  { name: 'mandibular', stiffness: 0.4, radiusMm: 5 },
  { name: 'orbital-retaining', stiffness: 0.15, radiusMm: 5 },
] as const;
export type LigamentName = (typeof LIGAMENTS)[number]['name'];
/**
 * The mental ligament, a true osteocutaneous ligament of the chin: 9.1 ± 2.8 mm lateral to the midline and
 * 8.4 ± 3.8 mm above the mandibular border (Kang et al. 2016, anatomy sheet §2.1). The head carries no landmark
 * for it, so it is placed from the menton by those means and ties the skin and fat of the chin to bone (no SMAS
 * there). It holds the chin while the jowl beside it descends — the break in the jawline contour (prejowl
 * sulcus) that makes a jowl visible. Stiffness and radius as the mandibular ligament's (design choice).
 */
/**
 * Lower-eyelid vertical height before a midface lift, mm: lid margin (≈ the canthal line) to the lid–cheek
 * junction (Ransom, Stong, Jacono, Aesthetic Plast Surg 2012: 11.8 mm, 50 women, mean 54 y; outcomes sheet §1).
 * The lid–cheek junction lies this far below the canthal line (sites.ts, and the orbital rim tie below).
 */
export const LOWER_LID_HEIGHT_MM = 11.8;
/**
 * The orbicularis retaining ligament along the inferior orbital rim: circumferential, from the rim's periosteum to
 * the orbicularis (Muzaffar 2002, anatomy sheet §2.1). The head's landmarks place only its lateral part (LIGAMENTS
 * 'orbital-retaining'); this ties the skin and fat along the lid–cheek junction line, from a quarter of the way out
 * from the medial canthus to below the lateral canthus, to bone. It is why the junction stays where it is while the
 * cheek below descends (Lambros 2007: the lid–cheek junction is stable over decades and shows by contrast, §2.2).
 * Stiffness as the landmark ORL's (weak), width a design choice.
 */
export const ORBITAL_RIM_TIE = { stiffness: 0.15, radiusMm: 3 } as const;
export const MENTAL_LIGAMENT = { lateralMm: 9.1, aboveBorderMm: 8.4, stiffness: 0.2, radiusMm: 4 } as const;

/**
 * Ageing. The direction is sourced: a main inferomedial ageing vector whose counter-vector is ~51–55° above
 * the horizontal (Azevedo 2023, tier B) — we use 52.5°, projected onto each node's tangent plane (the
 * compartments slide down over the deeper layer; they are not pressed into it). The MAGNITUDE is not sourced: no
 * source gives mm of descent per decade (outcomes sheet §3). DESIGN CHOICE: the full sag (sag = 1) descends the
 * jowl by 6 mm, comparable to what a full facelift corrects there (Jones & Lo 2012: +6 mm at the jowl, outcomes
 * sheet §1) — the figure §3 names as plausible, and of the order of the only quantified soft-tissue excursion,
 * upright ↔ supine (≤ 5.7 mm vertical, See 2008; gravity reversal, not ageing). So a facelift at its defaults
 * roughly undoes the full sag at the jowl. The sag field is linear in sag (sag × sagUnit; months.ts relies on it).
 */
export const AGEING_VECTOR_BELOW_HORIZONTAL_DEG = 52.5;
export const JOWL_DESCENT_AT_FULL_SAG_MM = 6;
/**
 * Ligament laxity: at sag = 1 each ligament's tie rests this much lower along the ageing vector (its
 * elongation). Design choice. Keeping laxity as a shifted rest length rather than a softer spring keeps the
 * stiffness matrix independent of sag, so a sag change never refactorises.
 */
export const LIGAMENT_ELONGATION_AT_FULL_SAG_MM = 2.5;
/**
 * Superficial compartments that descend (Schenck 2018: nasolabial, middle cheek and jowl compartments displace
 * inferiorly; lateral cheek and temporal do not) and how much of the gravity-like load acts per layer.
 * Fat carries most of it (volume shift, Cenkeri 2020). Design choices.
 */
export const SAG_LAYER_SHARE = { skin: 0.4, fat: 1, smas: 0.5 } as const;
/**
 * Descending fat accumulates at the lower border of its compartment and bulges outward (Cenkeri 2020: inferior
 * volume shift; Barton: the buccal fat accumulates as the jowl, the anterior cheek hangs over the fold, anatomy
 * sheet §2.2): an outward load, as a fraction of the descending load, where the jowl, the nasolabial compartment's
 * lower edge and the submental fat lie (model.ts `anatomyAt().bulge`). Raised from 0.35, with which the jowl, the
 * cheek and the malar skin at full sag sank INTO the face (the untangential ageing vector pressed them inward)
 * and the sag-1 face looked like the sag-0 face. Design choice.
 */
export const SAG_BULGE_FRACTION = 1;

/**
 * Simulation lattice: render meshes are clustered to nodes of about this spacing before assembly (see
 * clusterMesh). 4 mm resolves the narrowest mechanical feature we model (the fold tether, ligament ties,
 * thread grip bands of ±6 mm) and keeps the factorisation well under the 1.5 s precompute budget.
 */
export const SIM_CELL_MM = 4;
