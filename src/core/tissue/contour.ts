// The before-contour: the lines of the sagged face a lift is judged by — the jawline, the nasolabial folds and the
// profile silhouette — as chains of skin vertices, so the scene can draw them where the sagged (un-lifted) skin
// lies and lay them over the result. Pure: typed arrays in, typed arrays out.
import type { HeadData } from '../anatomy/headData.ts';
import type { LandmarkId } from '../anatomy/landmarks.ts';
import { PointGrid } from './geometry.ts';

/** Spacing of the samples along a contour, mm (design choice: finer than the skin's ~2–3 mm edges). */
const STEP_MM = 1.5;
/** Half-width of the midline band the profile silhouette is taken from, mm (design choice). */
const MIDLINE_BAND_MM = 2;

export interface BeforeContours {
  /** Skin vertex chains (indices into head.skin), each drawn as one polyline: the jawline and the two folds. */
  readonly chains: readonly Int32Array[];
  /**
   * The profile silhouette along the midline (indices into head.skin). Apart from the others because it only reads
   * as a contour from the side: seen from the front it is a line down the middle of the face.
   */
  readonly profile: Int32Array;
}

/** Cell of the skin's vertex grid, mm (design choice: a few of the skin's ~2–3 mm edges). */
const GRID_CELL_MM = 4;
/** Farthest a contour sample looks for a skin vertex, mm: the landmarks lie on the skin (design choice, generous). */
const SEARCH_MM = 64;

/** A chain through the landmarks: samples every STEP_MM along the polyline, snapped to the nearest skin vertex. */
function chainThrough(head: HeadData, skin: PointGrid, ids: readonly LandmarkId[]): Int32Array {
  const out: number[] = [];
  for (let k = 0; k + 1 < ids.length; k++) {
    const a = head.landmarks[ids[k]!], b = head.landmarks[ids[k + 1]!];
    const n = Math.max(1, Math.ceil(Math.hypot(b[0] - a[0], b[1] - a[1], b[2] - a[2]) / STEP_MM));
    for (let s = k === 0 ? 0 : 1; s <= n; s++) {
      const t = s / n;
      const v = skin.nearest(a[0] + t * (b[0] - a[0]), a[1] + t * (b[1] - a[1]), a[2] + t * (b[2] - a[2]), SEARCH_MM);
      if (v >= 0 && out[out.length - 1] !== v) out.push(v);
    }
  }
  return Int32Array.from(out);
}

/** The profile silhouette: per STEP_MM band of height, the most forward skin vertex near the midline, glabella → menton. */
function profileChain(head: HeadData): Int32Array {
  const pos = head.skin.positions;
  const top = head.landmarks.glabella[1] + 10, bottom = head.landmarks.menton[1] - 6;
  // Behind the menton lies the neck and the back of the head, never the facial profile (15 mm: design choice).
  const behind = head.landmarks.menton[2] - 15;
  const bins = Math.ceil((top - bottom) / STEP_MM);
  const best = new Int32Array(bins).fill(-1);
  for (let v = 0; v < pos.length / 3; v++) {
    const x = pos[3 * v]!, y = pos[3 * v + 1]!, z = pos[3 * v + 2]!;
    if (Math.abs(x) > MIDLINE_BAND_MM || y > top || y < bottom || z < behind) continue;
    const b = Math.min(bins - 1, Math.floor((top - y) / STEP_MM));
    if (best[b]! < 0 || z > pos[3 * best[b]! + 2]!) best[b] = v;
  }
  return Int32Array.from(best.filter((v) => v >= 0));
}

/**
 * The contours of `head`: the jawline from one mandibular angle through the jowls and the menton to the other, each
 * nasolabial fold (upper → lower landmark) and the profile silhouette along the midline. Computed once per head
 * (~200 nearest-vertex searches in a grid of the skin's vertices: a few ms; searched one by one over all of them it
 * was ~25 ms of the page's thread when a photo's head arrived).
 */
export function beforeContours(head: HeadData): BeforeContours {
  const skin = new PointGrid(head.skin.positions, GRID_CELL_MM);
  return {
    chains: [
      chainThrough(head, skin, ['mandibular-angle-r', 'jowl-r', 'menton', 'jowl-l', 'mandibular-angle-l']),
      chainThrough(head, skin, ['nasolabial-fold-upper-r', 'nasolabial-fold-lower-r']),
      chainThrough(head, skin, ['nasolabial-fold-upper-l', 'nasolabial-fold-lower-l']),
    ],
    profile: profileChain(head),
  };
}
