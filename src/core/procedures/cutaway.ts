// The anatomical cutaway: a window cut through the skin (and, a little smaller, through the subcutaneous fat)
// over the cheek and temple, so the SMAS, the retaining ligaments and the threads are seen in place, under
// intact skin all around, during the steps that act on them (those steps also show the bone, which backs the
// window where the SMAS sheet ends). Like an anatomy-atlas dissection, not like surgery:
// mini lifts reach these layers through the small incision without removing any skin.
import type { HeadData } from '../anatomy/headData.ts';
import { outlineDistance } from './resolve.ts';
import type { LandmarkPoint } from './types.ts';

/**
 * The window's outline on the left side (mirrored for the right), in order around it: from the temple above the
 * zygomatic arch, in front of the sideburn and the ear (the incisions stay on intact skin), down over the
 * cheek to just above the jawline, and back up lateral to the nasolabial fold and below the lower eyelid. It
 * covers the temporal SMAS (temporoparietal fascia), the malar and lateral cheek, and the zygomatic and upper
 * masseteric ligaments (reference sheet §1). Extent and offsets are a design choice.
 */
export const CUTAWAY_WINDOW: readonly LandmarkPoint[] = [
  { landmark: 'temporal-hairline-lower', offsetMm: [0, 26, 26] },
  { landmark: 'lateral-canthus', offsetMm: [0, 26, -14] },
  { landmark: 'lateral-canthus', offsetMm: [0, -12, -4] },
  { landmark: 'malar-eminence', toward: { landmark: 'nasolabial-fold-upper', fraction: 0.55 } },
  { landmark: 'jowl', toward: { landmark: 'nasolabial-fold-lower', fraction: 0.35 }, offsetMm: [0, 10, 0] },
  { landmark: 'jowl', offsetMm: [0, 0, -8] },
  { landmark: 'mandibular-angle', offsetMm: [0, 8, 12] },
  { landmark: 'earlobe', offsetMm: [0, 2, 14] },
  // In front of the traditional incision's forward end (over the arch), then up in front of the sideburn.
  { landmark: 'sideburn-bottom', offsetMm: [0, -4, 13] },
  { landmark: 'zygomatic-arch-mid', offsetMm: [0, -2, 7] },
  { landmark: 'sideburn-top', offsetMm: [0, 2, 9] },
];

/**
 * How much smaller the window in the fat is than the skin's, mm: a rim of fat shows between the cut skin edge and
 * the SMAS, the layer order of the reference sheet §1.1. Design choice.
 */
export const CUTAWAY_FAT_INSET_MM = 5;

/**
 * Per vertex, how far inside the cutaway window it lies, mm (negative outside). `positions` are xyz triples in
 * any unit; `mmPerUnit` converts them to the head's millimetres.
 */
export function cutawayDepth(head: HeadData, positions: ArrayLike<number>, mmPerUnit = 1): Float32Array {
  const distance = outlineDistance(head, CUTAWAY_WINDOW);
  const out = new Float32Array(positions.length / 3);
  for (let i = 0; i < out.length; i++) {
    out[i] = distance(positions[3 * i]! * mmPerUnit, positions[3 * i + 1]! * mmPerUnit, positions[3 * i + 2]! * mmPerUnit);
  }
  return out;
}
