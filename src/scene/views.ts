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

/** How far below the menton the default framing reaches: the neck, the jawline and the top of the shoulders (metres). Design choice. */
export const FRAME_BELOW_MENTON = 0.085;

/**
 * The box the default views frame: from the top of the head down to FRAME_BELOW_MENTON below the menton (the
 * jawline, the neck and the top of the shoulders — where a lift shows), as wide as the head with its ears (the
 * shoulders are allowed to run out of the picture so they never shrink the face). `positions` are the skin's
 * xyz in metres; `mentonY` is the menton's height in metres. Returns the box centre and the radius of its
 * bounding sphere's fit (half its largest side), metres. Throws on an empty position array.
 */
export function headFraming(positions: ArrayLike<number>, mentonY: number): { center: [number, number, number]; radius: number } {
  if (positions.length < 3) throw new Error('headFraming: no skin vertices');
  const bottom = mentonY - FRAME_BELOW_MENTON;
  let halfWidth = 0, top = -Infinity;
  for (let i = 0; i + 2 < positions.length; i += 3) {
    const x = positions[i]!, y = positions[i + 1]!;
    if (y >= mentonY) halfWidth = Math.max(halfWidth, Math.abs(x));
    top = Math.max(top, y);
  }
  let zMin = Infinity, zMax = -Infinity, xMin = Infinity, xMax = -Infinity;
  for (let i = 0; i + 2 < positions.length; i += 3) {
    const x = positions[i]!, y = positions[i + 1]!, z = positions[i + 2]!;
    if (y < bottom || Math.abs(x) > halfWidth) continue;
    zMin = Math.min(zMin, z);
    zMax = Math.max(zMax, z);
    xMin = Math.min(xMin, x);
    xMax = Math.max(xMax, x);
  }
  const center: [number, number, number] = [(xMin + xMax) / 2, (top + bottom) / 2, (zMin + zMax) / 2];
  return { center, radius: Math.max(xMax - xMin, top - bottom, zMax - zMin) / 2 };
}

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
