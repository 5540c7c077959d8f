// Displacement heat map: colour per skin vertex by how far the technique has moved it from the sagged face.
// A perceptually ordered, colour-blind-safe ramp (dark blue → teal → yellow, viridis-like control points),
// so "more" reads as "lighter" for every viewer and in greyscale.
import type { BufferAttribute, BufferGeometry } from 'three';

/** Displacement shown at full colour, mm. Design choice: the larger techniques' result range. */
export const HEATMAP_MAX_MM = 8;

/** The ramp's control colours (linear RGB 0–1), evenly spaced from 0 to HEATMAP_MAX_MM. */
export const HEATMAP_STOPS: readonly (readonly [number, number, number])[] = [
  [0.267, 0.005, 0.329],
  [0.229, 0.322, 0.546],
  [0.128, 0.567, 0.551],
  [0.369, 0.789, 0.383],
  [0.993, 0.906, 0.144],
];

export function heatColour(mm: number, out: Float32Array, o: number): void {
  const t = Math.min(1, Math.max(0, mm / HEATMAP_MAX_MM)) * (HEATMAP_STOPS.length - 1);
  const i = Math.min(HEATMAP_STOPS.length - 2, Math.floor(t));
  const f = t - i;
  const a = HEATMAP_STOPS[i]!;
  const b = HEATMAP_STOPS[i + 1]!;
  out[o] = a[0] + (b[0] - a[0]) * f;
  out[o + 1] = a[1] + (b[1] - a[1]) * f;
  out[o + 2] = a[2] + (b[2] - a[2]) * f;
}

const heated = new WeakSet<BufferAttribute>();

/**
 * Colours the skin copy by the lift's displacement (|current − sagged|, mm) while the heat map is on, and
 * restores the model's own colours (hairline, lips) when it is switched off.
 */
export function paintHeatmap(
  on: boolean,
  skin: BufferGeometry | undefined,
  rest: BufferGeometry | undefined,
  disp: Float32Array,
  sagged: Float32Array,
): void {
  const colour = skin?.getAttribute('color') as BufferAttribute | undefined;
  const original = rest?.getAttribute('color') as BufferAttribute | undefined;
  if (!colour || !original || colour.itemSize < 3) return;
  const c = colour.array as Float32Array;
  const size = colour.itemSize;
  if (!on) {
    if (heated.has(colour)) {
      c.set(original.array as Float32Array);
      heated.delete(colour);
      colour.needsUpdate = true;
    }
    return;
  }
  const n = disp.length / 3;
  for (let i = 0; i < n; i++) {
    const dx = disp[3 * i]! - sagged[3 * i]!;
    const dy = disp[3 * i + 1]! - sagged[3 * i + 1]!;
    const dz = disp[3 * i + 2]! - sagged[3 * i + 2]!;
    heatColour(Math.sqrt(dx * dx + dy * dy + dz * dz), c, i * size);
  }
  heated.add(colour);
  colour.needsUpdate = true;
}
