// The photo fit off the main thread: the photo's landmarks
// placed in the head frame, the pose check, the bending spline applied to every mesh, and the photo's colours on
// the skin. Core code only (src/core/face); typed arrays in and out.
import { MAX_TURN_DEG, chooseFace, type PhotoProblem } from '../../core/face/photoChecks.ts';
import { alignPhoto, bendingSpline, landmarkIntercanthalMm, medianDistance, warpLandmarks, warpPositions, type FacePose } from '../../core/face/faceFit.ts';
import { photoSkinColours } from '../../core/face/photoColour.ts';
import type { HeadData } from '../../core/anatomy/headData.ts';
import { vertexNormals } from '../../core/geometry/surface.ts';

export interface FitRequest {
  readonly id: number;
  /** MediaPipe's 468 landmarks on the base head (mm, head frame: public/models/head-face-landmarks.json). */
  readonly headPoints: Float32Array;
  /** The base head (mm): the skin (for points and anchors) and its landmarks. */
  readonly head: Pick<HeadData, 'skin' | 'landmarks'>;
  /** Every mesh to bend, positions in the model's units (× mmPerUnit = mm); with its triangles when it has normals. */
  readonly meshes: readonly { readonly name: string; readonly positions: Float32Array; readonly indices?: ArrayLike<number> }[];
  /** Millimetres per model unit (MM_PER_GLTF_UNIT). */
  readonly mmPerUnit: number;
  /** Every face found in the photo, each 468 × xyz px, and its pixels: chooseFace picks the one to fit or refuses. */
  readonly faces: Float32Array[];
  readonly photo: { readonly width: number; readonly height: number; readonly rgba: Uint8ClampedArray };
  /** The skin's own colours, linear RGB (n × 3). */
  readonly skinColours: Float32Array;
}

export type FitResponse =
  | { readonly id: number; readonly ok: false; readonly problem: PhotoProblem; readonly detail?: string; readonly pose?: FacePose }
  | {
      readonly id: number;
      readonly ok: true;
      /** The bent meshes, positions in the model's units, normals recomputed where triangles were given. */
      readonly meshes: { name: string; positions: Float32Array; normals?: Float32Array }[];
      readonly landmarks: HeadData['landmarks'];
      readonly skinColours: Float32Array;
      readonly pose: FacePose;
      /** Faces in the picture (the largest was fitted when more than one). */
      readonly faceCount: number;
      /** Median distance (mm) between the fitted face's points and the base head's, after the best rigid placement. */
      readonly differenceMm: number;
      readonly headPoints: Float32Array;
      readonly fittedPoints: Float32Array;
      readonly ms: number;
    };

function handle(req: FitRequest): FitResponse {
  const t0 = performance.now();
  const { headPoints } = req;
  const choice = chooseFace(req.faces, req.photo);
  if (!choice.ok) return { id: req.id, ok: false, problem: choice.problem, ...(choice.detail ? { detail: choice.detail } : {}) };
  const landmarksPx = choice.landmarks;
  const aligned = alignPhoto(landmarksPx, headPoints, req.photo, landmarkIntercanthalMm(headPoints, req.head.landmarks));
  if (aligned.pose.turnDeg > MAX_TURN_DEG)
    return { id: req.id, ok: false, problem: 'turned', detail: `${aligned.pose.turnDeg.toFixed(0)}°`, pose: aligned.pose };
  const tps = bendingSpline(req.head.skin.positions, req.head.landmarks, headPoints, aligned.points);
  let skinMm: Float32Array | null = null;
  const meshes = req.meshes.map((m) => {
    const mm = new Float32Array(m.positions.length);
    for (let i = 0; i < mm.length; i++) mm[i] = m.positions[i]! * req.mmPerUnit;
    const bent = warpPositions(tps, mm);
    if (m.name === 'skin') skinMm = bent;
    const positions = new Float32Array(bent.length);
    for (let i = 0; i < bent.length; i++) positions[i] = bent[i]! / req.mmPerUnit;
    return { name: m.name, positions, ...(m.indices ? { normals: vertexNormals(positions, m.indices) } : {}) };
  });
  if (!skinMm) throw new Error('no skin mesh to fit');
  const skinColours = photoSkinColours({ positions: skinMm, indices: req.head.skin.indices }, req.skinColours, req.photo, aligned, landmarksPx);
  const fittedPoints = warpPositions(tps, headPoints);
  return {
    id: req.id,
    ok: true,
    meshes,
    landmarks: warpLandmarks(tps, req.head.landmarks),
    skinColours,
    pose: aligned.pose,
    faceCount: choice.faceCount,
    differenceMm: medianDistance(fittedPoints, headPoints),
    headPoints,
    fittedPoints,
    ms: performance.now() - t0,
  };
}

self.onmessage = (event: MessageEvent<FitRequest>) => {
  let response: FitResponse;
  try {
    response = handle(event.data);
  } catch (error) {
    response = { id: event.data.id, ok: false, problem: 'model-failed', detail: (error as Error).message };
  }
  const transfer: Transferable[] = [];
  if (response.ok) {
    for (const m of response.meshes) transfer.push(m.positions.buffer, ...(m.normals ? [m.normals.buffer] : []));
    transfer.push(response.skinColours.buffer);
  }
  (self as unknown as Worker).postMessage(response, transfer);
};
