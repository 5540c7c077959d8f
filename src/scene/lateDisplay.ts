// What the deformer applies after the engine's evaluation only on demand — the months after (src/core/tissue/
// months.ts), consult's exaggeration and its heat map — loaded as one lazy chunk on first use.
export { applyMonths } from '../core/tissue/months.ts';
export { exaggerate } from '../core/tissue/exaggerate.ts';
export { paintHeatmap } from './heatmap.ts';
