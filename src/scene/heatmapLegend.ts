// The heat map's legend (consult only): the ramp of heatmap.ts as CSS, and its labelled ticks. Kept apart from
// heatmap.ts so the patient's page, which colours nothing, does not carry it.
import { HEATMAP_MAX_MM, HEATMAP_STOPS } from './heatmap.ts';

/** The ramp's control colours as CSS, evenly spaced from 0 to HEATMAP_MAX_MM (legend and snapshot). */
export const HEATMAP_STOPS_CSS: readonly string[] = HEATMAP_STOPS.map((c) => `rgb(${c.map((v) => Math.round(v * 255)).join(' ')})`);

/** CSS gradient of the same ramp, for the legend. */
export const HEATMAP_CSS = `linear-gradient(to right, ${HEATMAP_STOPS_CSS.join(', ')})`;

/** The legend's labelled ticks, mm: every 2 mm from 0 to HEATMAP_MAX_MM (design choice). */
export const HEATMAP_TICKS_MM: readonly number[] = Array.from({ length: Math.floor(HEATMAP_MAX_MM / 2) + 1 }, (_, i) => 2 * i);

export { HEATMAP_MAX_MM };
