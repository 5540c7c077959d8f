// Consult's "exaggerate ×1 … ×5": a display scale of the movement, for making small differences visible. Never
// a result: the app labels the picture while it is above ×1 (canvas badge, snapshot) and measures in true mm.
import type { LayerDisplacements } from './api.ts';

// The engine's layers (model.ts ENGINE_LAYERS), listed here so the store can import the clamp without the engine.
const LAYERS = ['skin', 'fat', 'smas'] as const;

/** Largest exaggeration offered (design choice: enough to see a 1 mm difference as 5 mm). */
export const EXAGGERATE_MAX = 5;

/** A factor clamped to [1, EXAGGERATE_MAX]; NaN reads as 1. */
export function clampExaggeration(factor: number): number {
  return Number.isFinite(factor) ? Math.min(EXAGGERATE_MAX, Math.max(1, factor)) : 1;
}

/**
 * Scales, in place, every vertex's displacement away from the face before the operation (`before`, usually the
 * solution's sag field; mm per layer, xyz): out = before + factor × (out − before). Factor 1 leaves `out` as is.
 */
export function exaggerate(out: LayerDisplacements, before: LayerDisplacements, factor: number): void {
  const k = clampExaggeration(factor);
  if (k === 1) return;
  for (const ln of LAYERS) {
    const o = out[ln], b = before[ln];
    for (let i = 0; i < o.length; i++) o[i] = b[i]! + k * (o[i]! - b[i]!);
  }
}
