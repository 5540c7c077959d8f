// Read-only counters for budgets, soak tests and the surgeon's "is it slow?" question: every live
// renderer's frame count, draw calls, triangles and GPU resources, and its camera (for the photo feature's
// calibration, scripts/face-calibrate.ts), and the skin of the head each patient is shown with (the photo feature's
// tests compare a head fitted to a photo with the head photographed). Exposed as `window.__lift`.
import type { Camera, WebGLRenderer } from 'three';
import type { PatientId } from '../core/ids.ts';
import { headAssetPromise } from './headAsset.ts';

export interface RendererStats {
  frames: number;
  calls: number;
  triangles: number;
  geometries: number;
  textures: number;
  programs: number;
}

const renderers = new Set<WebGLRenderer>();
const cameraOf = new Map<WebGLRenderer, () => Camera>();

/** Track a renderer (and, optionally, how to read its current camera) until the returned function is called. */
export function registerRenderer(gl: WebGLRenderer, camera?: () => Camera): () => void {
  renderers.add(gl);
  if (camera) cameraOf.set(gl, camera);
  return () => {
    renderers.delete(gl);
    cameraOf.delete(gl);
  };
}

/** Each renderer's camera now: projection and world matrices (column-major) and the canvas size in CSS pixels. */
export interface CameraState {
  projection: number[];
  world: number[];
  width: number;
  height: number;
}

export function cameraStates(): CameraState[] {
  return [...renderers].flatMap((gl) => {
    const camera = cameraOf.get(gl)?.();
    if (!camera) return [];
    camera.updateMatrixWorld();
    const canvas = gl.domElement;
    return [{ projection: [...camera.projectionMatrix.elements], world: [...camera.matrixWorld.elements], width: canvas.clientWidth, height: canvas.clientHeight }];
  });
}

export function rendererStats(): RendererStats[] {
  return [...renderers].map((gl) => ({
    // info.render.frame counts render() calls and, unlike calls/triangles, is never reset.
    frames: gl.info.render.frame,
    calls: gl.info.render.calls,
    triangles: gl.info.render.triangles,
    geometries: gl.info.memory.geometries,
    textures: gl.info.memory.textures,
    programs: gl.info.programs?.length ?? 0,
  }));
}

/**
 * The skin's vertex positions (mm, head frame, n × xyz) of the head the viewers show for `patient` (default: the
 * default patient): her model, or while a photo is applied, the head fitted to it (headAssetPromise).
 */
export async function skinPositionsMm(patient?: PatientId): Promise<number[]> {
  return Array.from((await headAssetPromise(patient)).data.skin.positions);
}

declare global {
  interface Window {
    __lift?: { stats: () => RendererStats[]; cameras: () => CameraState[]; skinMm: typeof skinPositionsMm };
  }
}
if (typeof window !== 'undefined') window.__lift = { stats: rendererStats, cameras: cameraStates, skinMm: skinPositionsMm };
