// Displacement heat map: colour per skin vertex by how far the technique has moved it from the sagged face.
// A perceptually ordered, colour-blind-safe ramp (dark blue → teal → yellow, viridis-like control points),
// so "more" reads as "lighter" for every viewer and in greyscale.

/** Displacement shown at full colour, mm. Design choice: the larger techniques' result range. */
export const HEATMAP_MAX_MM = 8;

const STOPS: readonly (readonly [number, number, number])[] = [
  [0.267, 0.005, 0.329],
  [0.229, 0.322, 0.546],
  [0.128, 0.567, 0.551],
  [0.369, 0.789, 0.383],
  [0.993, 0.906, 0.144],
];

export function heatColour(mm: number, out: Float32Array, o: number): void {
  const t = Math.min(1, Math.max(0, mm / HEATMAP_MAX_MM)) * (STOPS.length - 1);
  const i = Math.min(STOPS.length - 2, Math.floor(t));
  const f = t - i;
  const a = STOPS[i]!;
  const b = STOPS[i + 1]!;
  out[o] = a[0] + (b[0] - a[0]) * f;
  out[o + 1] = a[1] + (b[1] - a[1]) * f;
  out[o + 2] = a[2] + (b[2] - a[2]) * f;
}

/** CSS gradient of the same ramp, for the legend. */
export const HEATMAP_CSS = `linear-gradient(to right, ${STOPS.map((c) => `rgb(${c.map((v) => Math.round(v * 255)).join(' ')})`).join(', ')})`;
