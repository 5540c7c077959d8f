// The contract between the tissue engine (src/core/tissue, src/core/procedures) and its callers
// (scene, UI, report CLI, tests). Pure types: no react, three or DOM.
import type { RegionId, LayerId, ViewId } from '../ids.ts';
import type { LandmarkId } from '../anatomy/landmarks.ts';

/** Per-technique parameters the surgeon can tune; omitted fields use the technique's own defaults. */
export interface LiftParams {
  /** Pull angle above the horizontal in the frontal plane, degrees (90 = straight up). */
  readonly vectorAngleDeg?: number;
  /** Pull at the fixation point, millimetres. */
  readonly liftMm?: number;
}

/** Ageing severity in [0, 1]. */
export type Sag = number;

/** Displacements per layer, xyz per vertex in millimetres, same vertex order as HeadData. */
export interface LayerDisplacements {
  readonly skin: Float32Array;
  readonly fat: Float32Array;
  readonly smas: Float32Array;
}

export type RegionLift = Readonly<Record<RegionId, { readonly vertical: number; readonly alongPull: number }>>;

export interface StepInfo {
  /** Stable id, also the i18n caption key suffix: `steps.<technique>.<id>`. */
  readonly id: string;
  /** Progress interval of this step on the technique's timeline, [start, end) within [0, 1]. */
  readonly start: number;
  readonly end: number;
  /** Layers that should be visible during the step. */
  readonly layers: readonly LayerId[];
  /** Where the camera should look. */
  readonly focus: { readonly view: ViewId; readonly landmark?: LandmarkId };
}
