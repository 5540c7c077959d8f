// Anatomical dimensions (millimetres) used to build and check the head model. Each constant names its source
// in the reference sheet (/work/shared/reference/anatomy-and-procedures.md, "sheet §x"); numbers that are
// modelling decisions rather than sourced facts say so ("Design choice: not sourced.").
// Pure data: no three.js, no DOM.

// ---- §7 anthropometry ----

/** Bizygomatic width zy–zy. Sheet §7: 139.1 mm (Farkas via Torch FaceModel.h, tier C); unverified Korean table 130.1–133.8 mm. */
export const BIZYGOMATIC_WIDTH_FARKAS = 139.1;
/** Acceptance band for the model's bizygomatic width. Design choice: not sourced (brackets the sheet's §7 values 130.1–139.1). */
export const BIZYGOMATIC_WIDTH_RANGE = [125, 145] as const;
/** Intercanthal distance en–en, Asian pooled mean. Sheet §7 / norms sheet §5: 36.4 ± 1.6 mm (systematic review PMC9029890, tier A). */
export const INTERCANTHAL_WIDTH = 36.4;
/** Acceptance band for en–en: pooled Asian mean ± 1 SD (norms sheet §5, PMC9029890); Kim 2018's Korean women 36.7 ± 3.1 lie inside. */
export const INTERCANTHAL_WIDTH_RANGE = [34.8, 38.0] as const;
/** Biocular width ex–ex. Sheet §7: 91.2 mm (Farkas, tier C). */
export const BIOCULAR_WIDTH_FARKAS = 91.2;
/**
 * Palpebral fissure length ex–en. Norms sheet §5: Korean young women 26.3 ± 1.6 mm (Kim YC 2018); women 60–79
 * have a narrower fissure than women 20–39 (Kwon 2021, direction only) → 25.8 for 50–55. The 0.5 mm narrowing
 * is a design choice.
 */
export const PALPEBRAL_FISSURE_LENGTH = 25.8;
/** Acceptance band for the fissure length: Kim 2018's mean ± 1 SD (norms sheet §5). */
export const PALPEBRAL_FISSURE_LENGTH_RANGE = [24.7, 27.9] as const;
/** Palpebral fissure height. Norms sheet §5: 9.1 ± 1.2 mm (Kim 2018), narrowed 0.5 mm for age (Kwon 2021 direction; amount a design choice). */
export const PALPEBRAL_FISSURE_HEIGHT = 8.6;
/** Lateral canthus above medial canthus (positive canthal tilt). Design choice: not sourced. */
export const CANTHAL_RISE = 2.5;
/** Mouth width ch–ch. Sheet §7: 54.4 mm (Farkas, tier C, mixed sexes, not Korean); kept for reference only. */
export const MOUTH_WIDTH = 54.4;

// ---- norms sheet §5 (outcomes-and-face-norms.md): the default patient, a Korean woman of 50–55 ----
// Korean women 60–79 differ from women 20–39 in direction only (Kwon et al. 2021: shorter upper face, narrower
// palpebral fissure, wider nose, longer lower face, longer and wider philtrum, thinner lower lip, wider mouth; no mm).
// A woman of 50–55 is modelled as the young norms moved a fraction of the way in those directions; every such
// amount below is a design choice and says so.

/** Mouth width ch–ch target. Norms sheet §5: Korean women 20–29 43.87 mm (Song & Park 2004, no SD); wider with age (Kwon 2021) → +2.1 mm, a design choice. */
export const MOUTH_WIDTH_FEMALE = 46.0;
/** Acceptance band for ch–ch: Song 2004's young mean up to +6 mm for age. Design choice (the sheet has no SD or older value). */
export const MOUTH_WIDTH_RANGE = [43.87, 49.9] as const;
/**
 * Alar width al–al target. Norms sheet §5: Korean young women 39.5 ± 2.2 (Kim 2018) and 33.93 (Song 2004, no SD) —
 * the two Korean sources disagree; wider with age (Kwon 2021); smaller than a man's (Pongsri 2025). 37.5 mm between
 * them is a design choice.
 */
export const ALAR_WIDTH_FEMALE = 37.5;
/** Acceptance band for al–al: from Song 2004's mean to Kim 2018's mean + 1 SD (norms sheet §5). */
export const ALAR_WIDTH_RANGE = [33.93, 41.7] as const;
/** Face width zy–zy target. Norms sheet §5: Korean women 20–29 134.90 mm (Song & Park 2004). */
export const FACE_WIDTH_FEMALE = 134.9;
/** Acceptance band for zy–zy: Song 2004's mean ± Kim 2018's midfacial-width SD 5.2 mm (norms sheet §5; the pairing is a design choice). */
export const FACE_WIDTH_RANGE = [129.7, 140.1] as const;
/** Upper third trichion–glabella. Norms sheet §5: 59.82 mm (Song 2004); shorter upper face with age (Kwon 2021) → −1.3 mm, a design choice. */
export const UPPER_THIRD_FEMALE = 58.5;
/** Middle third glabella–subnasale. Norms sheet §5: 60.82 mm (Song 2004); shortened 0.8 mm with the upper face (Kwon 2021 direction; amount a design choice). */
export const MIDDLE_THIRD_FEMALE = 60.0;
/** Lower third subnasale–menton. Norms sheet §5: 61.76 mm (Song 2004); longer lower face with age (Kwon 2021) → +2.2 mm, a design choice. */
export const LOWER_THIRD_FEMALE = 64.0;
/** Acceptance band for each facial third: its target ± 5 % (Song 2004 gives no SD; design choice). */
export const FACIAL_THIRD_TOLERANCE = 0.05;
/** Mandibular (bigonial) width target. Norms sheet §5: women 113.8 vs men 124.4 mm (Pongsri 2025, Thai 3D). */
export const MANDIBULAR_WIDTH_FEMALE = 113.8;
/** Acceptance band for go–go on the skin. Design choice: ±6 mm around Pongsri's women's mean, clear of the men's 124.4. */
export const MANDIBULAR_WIDTH_RANGE = [107.8, 119.8] as const;
/** Gonial angle. Norms sheet §5: Korean women 117.0 ± 4.0° vs men 113.8 ± 3.3° (Korean J Orthod 2013, CBCT). */
export const GONIAL_ANGLE_FEMALE = [117.0, 4.0] as const;
/** Nose length n–prn. Norms sheet §5: women 37.9 vs men 43.7 mm (Pongsri 2025). */
export const NOSE_LENGTH_FEMALE = 37.9;
/** Upper-lip fullness added at the vermilion (women's fuller upper lip, Pongsri/sheet §5 direction). Design choice: 1.5 mm. */
export const UPPER_LIP_FULLNESS = 1.5;
/** Lower-lip thinning with age (Kwon 2021 direction). Design choice: 0.9 mm off the lower vermilion height. */
export const LOWER_LIP_THINNING = 0.9;
/** Forehead convexity added over the upper forehead (women's more convex forehead, Pongsri 2025 direction). Design choice: 3 mm. */
export const FOREHEAD_CONVEXITY = 3.0;
/** Brow-ridge softening (women's softer supraorbital ridge; glabellar angle 72.7° vs 61.7°, Paskhover 2017). Design choice: 1.6 mm. */
export const BROW_RIDGE_SOFTENING = 1.6;
/** Vertex–menton head height. Sheet §7: Korean 20s women 223 mm, men 236 mm (Size Korea 2004, tier C); we aim between. */
export const HEAD_HEIGHT_RANGE = [223, 236] as const;
/** Eyeball radius. Design choice: not sourced (typical adult axial length ≈ 24 mm). */
export const EYEBALL_RADIUS = 12;
/** Iris radius. Design choice: not sourced. */
export const IRIS_RADIUS = 5.9;

// ---- frame construction (design) ----

/** Scale applied to MediaPipe's canonical face (cm) → mm. Design choice: fitted so the canonical mask's en–en ≈ 36 mm (sheet §7 Asian 36.4). */
export const MASK_MM_PER_CM = 9.6;
/** Tragus position in the canonical mask frame (cm); becomes the origin (with x = ±TRAGUS_HALF_WIDTH). Design choice: not sourced. */
export const MASK_TRAGUS_YZ_CM = [1.3, -4.5] as const;
/** Half the bitragal width. Design choice: not sourced. */
export const TRAGUS_HALF_WIDTH = 72;
/** Vertex height above the tragus (auricular height). Design choice: not sourced (gives vertex–menton ≈ 229 mm, inside §7's 223–236). */
export const VERTEX_HEIGHT = 126;
/** Neck base (flat, rounded rim) below the tragus. Design choice: not sourced. */
export const NECK_BASE_Y = -205;
/** The bust's flat cut through the upper chest, below the tragus. Design choice: not sourced (≈ 75 mm below the suprasternal notch). */
export const BUST_CUT_Y = -252;
/** Half the shoulder breadth of the bust (acromion to acromion ≈ 330 mm for a woman). Design choice: not sourced. */
export const SHOULDER_HALF_WIDTH = 165;

// ---- §1.2 layer depths ----

/** Skin surface → superficial fascia (SMAS), buccal. Sheet §1.2: 4.82 ± 0.9 mm (Casabona/Cotofana 2019). */
export const SMAS_DEPTH_BUCCAL = 4.82;
/** Skin surface → SMAS, premasseteric. Sheet §1.2: 4.25 ± 0.6 mm. */
export const SMAS_DEPTH_PREMASSETERIC = 4.25;
/** Skin surface → superficial fascia (platysma), lateral neck. Sheet §1.2: 3.71 ± 0.5 mm. */
export const SMAS_DEPTH_LATERAL_NECK = 3.71;
/** Full-thickness skin, cheek. Sheet §1.2: F 1.90–2.12, M 2.43–2.53 mm (50 MHz US); 3D-scan 1.51–1.97 mm. */
export const SKIN_THICKNESS_CHEEK = 2.0;
/** Skin thickness, temple (between radix 1.51 and infraorbital 1.97 per sheet §1.2 ordering). Design choice within the sourced range. */
export const SKIN_THICKNESS_TEMPLE = 1.7;
/** Temporoparietal fascia thickness. Sheet §1.2: ≈ 2–3 mm (StatPearls TPF). */
export const TPF_THICKNESS = 2.5;
/** Skin surface → TPF in the temple. Design choice: not sourced (skin 1.7 + temple superficial fat; §1.2 gives only the ordering). */
export const TPF_DEPTH_TEMPLE = 3.6;
/** Skin surface → deep temporal fascia. Design choice: not sourced (TPF depth + TPF thickness + loose areolar plane). */
export const DTF_DEPTH = 7.0;
/** Soft-tissue thickness over bone (skin surface → bone). Design choice: not sourced (the sheet has no bone depths). */
export const BONE_DEPTH = { scalp: 7, forehead: 7, temple: 14, zygoma: 9, cheek: 16, lip: 13, chin: 11, jaw: 12, nose: 28 } as const;

// ---- §2.1 retaining ligaments (distances from the tragus) ----

/** Zygomatic ligament (McGregor's patch) → tragus. Sheet §2.1: 66.50 ± 10.78 mm (Tatlisumak & Yoleri 2016, formalin). */
export const ZYGOMATIC_LIGAMENT_FROM_TRAGUS_TATLISUMAK = [66.5, 10.78] as const;
/** Main zygomatic retaining ligament → tragus. Sheet §2.1: 44.91 ± 9.72 mm (Alghoul 2013, fresh). */
export const MZRL_FROM_TRAGUS = [44.91, 9.72] as const;
/** Upper masseteric retaining ligament → tragus. Sheet §2.1: 46.35 ± 8.34 mm (Alghoul 2013). */
export const UMRL_FROM_TRAGUS = [46.35, 8.34] as const;
/** Vertical distance MZRL–UMRL. Sheet §2.1: 10.95 ± 4.07 mm (Alghoul 2013). */
export const MZRL_UMRL_VERTICAL = [10.95, 4.07] as const;
/** Mandibular ligament → tragus. Sheet §2.1: 114.80 ± 9.76 mm (Tatlisumak & Yoleri 2016). */
export const MANDIBULAR_LIGAMENT_FROM_TRAGUS = [114.8, 9.76] as const;
/** Mandibular osteocutaneous ligament above the inferior mandibular border. Sheet §2.1: 9.1 ± 3.1 mm (Kang 2016). */
export const MOL_ABOVE_BORDER = [9.1, 3.1] as const;
/** Mandibular osteocutaneous ligament lateral to the midline. Sheet §2.1: 51.1 ± 4.5 mm (Kang 2016). */
export const MOL_LATERAL = [51.1, 4.5] as const;
/** Safe DTF anchoring zone: 10–30 mm anterior to a vertical line through the tragus. Sheet §4.3 (Yi & Oh 2024). */
export const DTF_ANCHOR_ANTERIOR_RANGE = [10, 30] as const;
/** MACS anchor 1 cm in front of the helix, above the arch. Sheet §4.3 (MACS chapter). */
export const MACS_ANCHOR_IN_FRONT_OF_HELIX = 10;
/** Ligament band width (the bands the app draws). Design choice: not sourced. */
export const LIGAMENT_BAND_WIDTH = 7;

// ---- mimetic muscles (outcomes sheet §1) ----

/** Zygomaticus major direction to the Frankfort horizontal. Outcomes sheet §1: 59° (SD 6°, range 41–72°), Aesthet Surg J 2020;40:351 (200 hemifaces, abstract). */
export const ZYGOMATICUS_MAJOR_TO_FH_DEG = [59, 6] as const;
