import { useEffect, useReducer } from 'react';
import { useThree } from '@react-three/fiber';
import type { BufferAttribute, BufferGeometry } from 'three';
import type { TechniqueId } from '../core/ids.ts';
import { MM_PER_GLTF_UNIT } from '../core/anatomy/headData.ts';
// From the engine's modules, not its index: the index brings the precompute, which runs in a Worker.
import { createDisplacements, evaluate } from '../core/tissue/solve.ts';
import { modelReady, paramsFrom, readyModel, solutionFor } from './tissueModel.ts';
import { useReadyHold } from './readyGate.ts';
import { skinCreases } from './creases.ts';
import type { AppState, AppStore } from '../state/store.ts';
import type { HeadAsset, MeshName } from './headAsset.ts';
import { nearestVertexMap } from './followLayer.ts';
import { loadChunk } from '../ui/lazyChunk.ts';
import { vertexNormalsInto } from '../core/geometry/surface.ts';

type LateDisplay = typeof import('./lateDisplay.ts');
// The months after a lift, the exaggeration and the heat map load on first use (a deep link, a slider, consult's
// heat-map switch), so the patient's first page stays small.
let late: LateDisplay | null = null;
let lateLoading: Promise<unknown> | null = null;

export interface TissueDeformerProps {
  readonly asset: HeadAsset;
  readonly deformed: Partial<Record<MeshName, BufferGeometry>>;
  readonly technique: TechniqueId;
  readonly store: AppStore;
  readonly fixedProgress?: number;
}

const LAYERS = ['skin', 'fat', 'smas'] as const;

/**
 * A deformed layer's normals, after each deformation: written in place (surface.ts vertexNormalsInto, the normals
 * three's computeVertexNormals gives, ~4× faster: the skin's 32k vertices 5.4 → 1.4 ms per frame warm on the test
 * machine, and on the first frame of a photo's head, still cold, three's took about half of a task that held the
 * page's thread ~100 ms). three's for a geometry without an index or a normal attribute.
 */
function normalsOf(geometry: BufferGeometry): void {
  const index = geometry.getIndex();
  const normal = geometry.getAttribute('normal') as BufferAttribute | undefined;
  if (!index || !normal || !(normal.array instanceof Float32Array)) return geometry.computeVertexNormals();
  vertexNormalsInto(geometry.getAttribute('position').array, index.array, normal.array);
  normal.needsUpdate = true;
}

/**
 * Moves the view's skin, fat and SMAS copies with the tissue engine whenever the technique, its parameters,
 * the sag, the months after or the timeline change — through the store's subscription, never React state per
 * frame. A "before" pane (fixedProgress 0) shows the face on the day of the operation, whatever the months.
 * Consult's exaggeration scales the movement on screen only; the heat map keeps true millimetres, and so do the
 * skin's creases (their depth: the skin's compression, core/tissue/wrinkles.ts).
 */
export function TissueDeformer({ asset, deformed, technique, store, fixedProgress }: TissueDeformerProps) {
  const invalidate = useThree((s) => s.invalidate);
  // The model (and this technique's undermined stiffness) come from a Worker (tissueModel.ts): the undeformed
  // head paints first, and the viewer does not say "ready" until the deformed one has been drawn.
  const [, arrived] = useReducer((n: number) => n + 1, 0);
  const model = readyModel(asset, [technique]);
  const release = useReadyHold(technique);

  useEffect(() => {
    if (model) return;
    let live = true;
    modelReady(asset, [technique]).then(
      () => live && arrived(),
      (error: unknown) => {
        // The engine cannot model this head: the face stays undeformed and the viewer still becomes ready (usable).
        console.error('[lift] the tissue engine failed on this head:', error);
        if (live) release();
      },
    );
    return () => {
      live = false;
    };
  }, [asset, technique, model, release]);

  useEffect(() => {
    if (!model) return;
    const out = createDisplacements(model);
    // the zygomaticus bellies lie in the SMAS layer: they ride on the nearest SMAS vertex (design choice)
    const muscleRest = asset.geometries.muscles?.getAttribute('position').array as Float32Array | undefined;
    const smasRest = asset.geometries.smas?.getAttribute('position').array as Float32Array | undefined;
    let muscleToSmas: Int32Array | null = null;
    // Creases: their depth follows the skin's compression in the true (not exaggerated) deformation, like the heat map.
    let creases: ReturnType<typeof skinCreases> = null;
    let live = true;
    let unsubscribe = () => {};
    const apply = (s: AppState) => {
      const solution = solutionFor(model, technique, paramsFrom(s), s.sag);
      // The engine ramps each traction within the step that moves it: timeline progress goes in as is.
      evaluate(model, solution, fixedProgress ?? s.progress, out);
      const months = fixedProgress === 0 ? 0 : s.months;
      const scale = s.mode === 'consult' ? s.exaggerate : 1;
      if ((months > 0 || scale > 1 || s.heatmap) && !late) {
        lateLoading ??= loadChunk('months and exaggeration', () => import('./lateDisplay.ts')).then(
          (m) => (late = m),
          () => (lateLoading = null), // offline or a stale deploy: the next change tries again; the plain result stays
        );
        void lateLoading.then(() => live && late && apply(store.getState()));
      }
      late?.applyMonths(model, solution, months, out);
      late?.paintHeatmap(s.heatmap, deformed.skin, asset.geometries.skin, out.skin, solution.sagField.skin);
      creases?.write(out.skin, solution.sagField.skin);
      late?.exaggerate(out, solution.sagField, scale);
      for (const layer of LAYERS) {
        const geometry = deformed[layer];
        const rest = asset.geometries[layer]?.getAttribute('position').array as Float32Array | undefined;
        if (!geometry || !rest) continue;
        const position = geometry.getAttribute('position') as BufferAttribute;
        const target = position.array as Float32Array;
        const disp = out[layer];
        for (let i = 0; i < target.length; i++) target[i] = rest[i]! + disp[i]! / MM_PER_GLTF_UNIT;
        position.needsUpdate = true;
        normalsOf(geometry);
      }
      const muscles = deformed.muscles;
      if (muscles && muscleRest && muscleToSmas) {
        const position = muscles.getAttribute('position') as BufferAttribute;
        const target = position.array as Float32Array;
        for (let v = 0; v < muscleToSmas.length; v++) {
          const s = muscleToSmas[v]!;
          for (let k = 0; k < 3; k++) target[v * 3 + k] = muscleRest[v * 3 + k]! + (s >= 0 ? out.smas[s * 3 + k]! : 0) / MM_PER_GLTF_UNIT;
        }
        position.needsUpdate = true;
        normalsOf(muscles);
      }
      invalidate();
    };
    const onChange = (s: AppState, prev: AppState) => {
      if (
        s.progress !== prev.progress ||
        s.sag !== prev.sag ||
        (s.months !== prev.months && fixedProgress !== 0) ||
        s.exaggerate !== prev.exaggerate ||
        s.vectorAngleDeg !== prev.vectorAngleDeg ||
        s.liftMm !== prev.liftMm ||
        s.heatmap !== prev.heatmap
      ) {
        apply(s);
      }
    };
    // A head's first showing is three tasks of the event loop, not one: the muscles' map, the creases' pattern (its
    // first computation for a head, ~60 ms on the test machine), then the first evaluation and its normals (their
    // code still cold). In one task they held the page's thread ~120–250 ms after a photo (issue 15).
    const stages = [
      () => void (muscleToSmas = muscleRest && smasRest ? nearestVertexMap(muscleRest, smasRest, 0.008) : null),
      () => void (creases = deformed.skin ? skinCreases(model, deformed.skin) : null),
      () => {
        apply(store.getState());
        release();
        unsubscribe = store.subscribe(onChange);
      },
    ];
    const next = (k: number) => {
      if (!live || k === stages.length) return;
      stages[k]!();
      setTimeout(() => next(k + 1), 0);
    };
    next(0);
    return () => {
      live = false;
      unsubscribe();
    };
  }, [model, technique, store, asset, deformed, fixedProgress, invalidate, release]);

  return null;
}
