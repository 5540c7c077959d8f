// Displacement heat map: colour per skin vertex by how far the technique has moved it from the sagged face.
// A perceptually ordered, colour-blind-safe ramp (dark blue → teal → yellow, viridis-like control points),
// so "more" reads as "lighter" for every viewer and in greyscale.

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
