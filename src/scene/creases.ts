// The skin's creases on the CPU side: the head's crease pattern calibrated on its model's ageing field
// (core/tissue/wrinkles.ts), the vertex attributes the skin material's crease patch reads (creaseShading.ts), and
// the per-deformation depth. Not a lazy chunk: web shows the creases as soon as the engine runs, and the budget
// counts every script web loads (a separate chunk measured 0.8 kB gzip more).
import { BufferAttribute, type BufferGeometry } from 'three';
import type { TissueModel } from '../core/tissue/model.ts';
import { CREASE_CHANNELS, creaseDepth, skinPositions, wrinklesOfModel, type Wrinkles } from '../core/tissue/wrinkles.ts';

const wrinkles = new WeakMap<TissueModel, Wrinkles>();

/**
 * The head's crease pattern, calibrated on the model's ageing field: once per model, shared by every view; the one
 * the tissue Worker made (provideWrinkles) when it did, else computed here.
 */
export function wrinklesFor(model: TissueModel): Wrinkles {
  let w = wrinkles.get(model);
  if (!w) {
    w = wrinklesOfModel(model);
    wrinkles.set(model, w);
  }
  return w;
}

/** Gives `model` the crease pattern the tissue Worker made of it (scene/tissueSolves.ts), for wrinklesFor. */
export function provideWrinkles(model: TissueModel, w: Wrinkles): void {
  wrinkles.set(model, w);
}

const patterns = new WeakMap<Wrinkles, BufferAttribute>();

/** The static `creasePattern` attribute of a head's wrinkles (one per head, shared by every view). */
function patternAttribute(wrinkles: Wrinkles): BufferAttribute {
  let attribute = patterns.get(wrinkles);
  if (!attribute) {
    const { phase, halfWidth } = wrinkles.pattern;
    const data = new Float32Array(2 * phase.length);
    for (let k = 0; k < phase.length; k++) {
      data[2 * k] = phase[k]!;
      data[2 * k + 1] = halfWidth[k]!;
    }
    patterns.set(wrinkles, (attribute = new BufferAttribute(data, 2 * CREASE_CHANNELS)));
  }
  return attribute;
}

/**
 * Gives a view's deformed skin the crease attributes: the shared pattern and its own depth (zeros until the first
 * deformation is written). Returns the depth attribute to write `creaseDepth`'s output into (CREASE_CHANNELS per
 * vertex; set `needsUpdate` after writing), or null when the geometry is not the engine's skin (another vertex
 * count): then it gets no creases.
 */
export function attachCreases(geometry: BufferGeometry, wrinkles: Wrinkles): BufferAttribute | null {
  const count = geometry.getAttribute('position').count;
  if (count * CREASE_CHANNELS !== wrinkles.pattern.phase.length) return null;
  geometry.setAttribute('creasePattern', patternAttribute(wrinkles));
  let depth = geometry.getAttribute('creaseDepth') as BufferAttribute | undefined;
  if (!depth || depth.count !== count) {
    depth = new BufferAttribute(new Float32Array(CREASE_CHANNELS * count), CREASE_CHANNELS);
    geometry.setAttribute('creaseDepth', depth);
  }
  return depth;
}

/**
 * A view's skin creases: call `write` with the skin's TRUE displacement (mm, per vertex xyz) after each deformation,
 * and the displacement of the face before the operation (the solution's sag field): no crease is drawn deeper than
 * on that face (creaseDepth's ceiling).
 */
export interface SkinCreases {
  readonly write: (skinDisplacement: Float32Array, beforeDisplacement: Float32Array) => void;
}

/**
 * Sets up a view's deformed skin for creases (attributes attached at once; depth 0 until the first `write`); null
 * when the geometry is not the model's skin.
 */
export function skinCreases(model: TissueModel, geometry: BufferGeometry): SkinCreases | null {
  const w = wrinklesFor(model);
  const depth = attachCreases(geometry, w);
  if (!depth) return null;
  const rest = model.head.skin.positions;
  const now = new Float32Array(rest.length);
  const ceiling = new Float32Array(depth.array.length);
  let ceilingOf: Float32Array | null = null;
  return {
    write: (displacement, before) => {
      if (before !== ceilingOf) {
        // The face before the operation changes only with the sag: its depth is computed once per sag field.
        skinPositions(rest, before, now);
        creaseDepth(w, now, ceiling);
        ceilingOf = before;
      }
      skinPositions(rest, displacement, now);
      creaseDepth(w, now, depth.array as Float32Array, ceiling);
      depth.needsUpdate = true;
    },
  };
}
