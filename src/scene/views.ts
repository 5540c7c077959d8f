import type { ViewId } from '../core/ids.ts';

/** Camera azimuth per preset, radians about +y; 0 looks at the face. +x is the subject's left. */
export const VIEW_AZIMUTH: Record<ViewId, number> = {
  front: 0,
  'oblique-left': Math.PI / 4,
  'oblique-right': -Math.PI / 4,
  'profile-left': Math.PI / 2,
  'profile-right': -Math.PI / 2,
};

/** Slight elevation so the jawline and the neck read. Design choice. */
export const VIEW_ELEVATION = 0.08;

export const CAMERA_FOV_DEG = 26;

export function cameraDistance(radius: number, aspect: number): number {
  const half = (CAMERA_FOV_DEG * Math.PI) / 360;
  // Fit the head's bounding sphere in both the vertical and the horizontal field of view.
  const fitV = radius / Math.sin(half);
  const fitH = radius / Math.sin(Math.atan(Math.tan(half) * aspect));
  return Math.max(fitV, fitH) * 1.08;
}

export function viewPosition(
  view: ViewId,
  center: readonly [number, number, number],
  distance: number,
): [number, number, number] {
  const az = VIEW_AZIMUTH[view];
  return [
    center[0] + distance * Math.sin(az) * Math.cos(VIEW_ELEVATION),
    center[1] + distance * Math.sin(VIEW_ELEVATION),
    center[2] + distance * Math.cos(az) * Math.cos(VIEW_ELEVATION),
  ];
}
