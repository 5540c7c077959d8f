// Technique data: what a surgeon (or a thread) does to the tissue, never what the tissue does in response.
// The engine (src/core/tissue) turns these into loads; every per-region outcome comes out of the solve.
import type { LayerId, TechniqueId, ViewId } from '../ids.ts';
import type { BilateralLandmark, LandmarkId, Side } from '../anatomy/landmarks.ts';
import type { StepInfo } from '../tissue/api.ts';
import type { LigamentName } from '../tissue/constants.ts';

export type MidlineLandmark = Exclude<LandmarkId, `${BilateralLandmark}-${Side}`>;

/**
 * A point defined relative to the head's landmarks, written for the subject's LEFT side (+x is lateral there)
 * and mirrored (x offset negated, `-r` landmarks) for the right side. Midline landmarks are not mirrored.
 */
export interface LandmarkPoint {
  readonly landmark: BilateralLandmark | MidlineLandmark;
  /** Optional blend toward a second landmark (0 = first, 1 = second) before the offset is applied. */
  readonly toward?: { readonly landmark: BilateralLandmark | MidlineLandmark; readonly fraction: number };
  /** Millimetres, left-side frame: +x lateral, +y up, +z forward. */
  readonly offsetMm?: readonly [number, number, number];
}

/** A mechanical action that loads the tissue; steps ramp actions up, the engine solves each action once. */
export const ACTIONS = ['smas-suspension', 'skin-redrape', 'dermal-thread', 'fascial-thread'] as const;
export type ActionId = (typeof ACTIONS)[number];

/** Where and how a suture or thread grips tissue and pulls it toward its fixation. */
export interface Traction {
  readonly action: ActionId;
  /** The layer the suture bites or the thread's barbs engage. */
  readonly layer: 'skin' | 'smas';
  /**
   * Start of the grip line: the fixation for sutures, the entry point for threads. The line runs from here
   * AGAINST the pull vector (i.e. toward the tissue that is pulled up), so rotating the vector moves the
   * grip onto different tissue — as it does when a surgeon re-aims a suspension suture.
   */
  readonly origin: LandmarkPoint;
  /** Grip begins this far along the line (the stretch near the fixation is undermined or thread-free). */
  readonly gripStartMm: number;
  /** Grip ends this far along the line (suture reach or thread length). */
  readonly reachMm: number;
  /** Half-width (1/e falloff) of the gripped band either side of the line. */
  readonly halfWidthMm: number;
  /** Pull direction relative to the technique's vector, degrees (positive = more vertical). */
  readonly angleOffsetDeg: number;
  /**
   * Optional aim of a suture loop: at the technique's vector `atVectorDeg` the grip line runs from the origin
   * toward this point (e.g. a MACS loop toward the mandibular angle); any other vector rotates the line about the
   * origin by the difference, exactly as an un-aimed traction rotates. Replaces the vector as the base direction;
   * `angleOffsetDeg` still applies on top. It says where the suture bites, not how the tissue responds.
   */
  readonly aim?: { readonly toward: LandmarkPoint; readonly atVectorDeg: number };
  /** Fraction of the lift (take-up at the fixation) this action draws. */
  readonly takeUpShare: number;
}

/** Surgical planes a dissection can open (see reference sheet §1.1 for the layers). */
export const UNDERMINED_PLANES = ['sub-smas', 'subcutaneous'] as const;
export type UnderminedPlane = (typeof UNDERMINED_PLANES)[number];

/**
 * The area elevated in the "elevate" step: the flap is freed from what holds it in the given planes, which the
 * engine turns into a weaker attachment there (model.ts, `UNDERMINED_ATTACHMENT_RESIDUAL`). This is a description
 * of the dissection, never of a regional outcome.
 */
export interface Undermining {
  /**
   * `sub-smas`: the SMAS is lifted off the parotid-masseteric fascia / deep plane (the sub-SMAS foundation).
   * `subcutaneous`: the skin is lifted off the SMAS with a thin layer of fat (the skin–fat retinacula).
   */
  readonly planes: readonly UnderminedPlane[];
  /**
   * Outline of the undermined area on the left side (mirrored for the right), in order around it. Membership is
   * tested on the face unrolled around the vertical head axis (procedures/resolve.ts), so the outline may wrap from
   * the preauricular area onto the cheek.
   */
  readonly outline: readonly LandmarkPoint[];
  /**
   * Retaining ligaments divided in the dissection (both sides): their ties to bone keep only
   * `UNDERMINED_ATTACHMENT_RESIDUAL` of their stiffness for this technique. Omitted: none is divided.
   */
  readonly releasedLigaments?: readonly LigamentName[];
}

export interface ProcedureStep extends StepInfo {
  /** Actions whose traction ramps from 0 to 1 during this step (all earlier actions stay at 1). */
  readonly moves: readonly ActionId[];
  /** What the scene should draw as overlays. */
  readonly shows: {
    readonly incision: boolean;
    readonly threads: boolean;
    readonly vector: boolean;
  };
}

export interface ProcedureSources {
  /** How the incision geometry was chosen: a sourced path, the clinic's own figure, or a design choice. */
  readonly incision: string;
  readonly vector: string;
  readonly anchor: string;
}

export interface Procedure {
  readonly id: TechniqueId;
  /** i18n key of the technique's display name. */
  readonly nameKey: string;
  /** Incision polylines, each resolved on both sides. Empty for thread techniques. */
  readonly incisions: readonly (readonly LandmarkPoint[])[];
  /** Where the pull is fixed (deep temporal fascia, preauricular fixed SMAS …). */
  readonly anchor: LandmarkPoint;
  /** Thread entry points (thread techniques only). */
  readonly entryPoints: readonly LandmarkPoint[];
  readonly defaults: { readonly vectorAngleDeg: number; readonly liftMm: number };
  readonly tractions: readonly Traction[];
  /**
   * Tractions tied together (dual-layer threads tied at the midpoint and fixed as one): the engine constrains
   * them to the same take-up jointly instead of scaling each on its own.
   */
  readonly tied: boolean;
  /** The area freed before the pull (null: no undermining — thread techniques). */
  readonly undermining: Undermining | null;
  readonly steps: readonly ProcedureStep[];
  readonly sources: ProcedureSources;
}

export interface StepSpec {
  readonly id: string;
  /** Relative duration; normalised over the procedure. */
  readonly weight: number;
  readonly layers: readonly LayerId[];
  readonly view: ViewId;
  readonly landmark?: LandmarkId;
  readonly moves?: readonly ActionId[];
  readonly shows?: Partial<ProcedureStep['shows']>;
}

/** Lays steps end to end on [0, 1] in proportion to their weights. */
export function layoutSteps(specs: readonly StepSpec[]): ProcedureStep[] {
  const total = specs.reduce((sum, s) => sum + s.weight, 0);
  let at = 0;
  return specs.map((s, k) => {
    const start = at;
    at = k === specs.length - 1 ? 1 : at + s.weight / total;
    return {
      id: s.id,
      start,
      end: at,
      layers: s.layers,
      focus: s.landmark ? { view: s.view, landmark: s.landmark } : { view: s.view },
      moves: s.moves ?? [],
      shows: { incision: false, threads: false, vector: false, ...s.shows },
    };
  });
}
