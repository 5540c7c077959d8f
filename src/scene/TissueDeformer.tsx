import { useEffect, useState } from 'react';
import { useThree } from '@react-three/fiber';
import type { BufferAttribute, BufferGeometry } from 'three';
import type { TechniqueId } from '../core/ids.ts';
import { MM_PER_GLTF_UNIT } from '../core/anatomy/headData.ts';
import { createDisplacements, evaluate, type TissueModel } from '../core/tissue/index.ts';
import { modelFor, paramsFrom, solutionFor } from './tissueModel.ts';
import type { AppState, AppStore } from '../state/store.ts';
import type { HeadAsset, MeshName } from './headAsset.ts';

export interface TissueDeformerProps {
  readonly asset: HeadAsset;
  readonly deformed: Partial<Record<MeshName, BufferGeometry>>;
  readonly technique: TechniqueId;
  readonly store: AppStore;
  readonly fixedProgress?: number;
}

const LAYERS = ['skin', 'fat', 'smas'] as const;

/**
 * Moves the view's skin, fat and SMAS copies with the tissue engine whenever the technique, its parameters,
 * the sag or the timeline change — through the store's subscription, never React state per frame.
 */
export function TissueDeformer({ asset, deformed, technique, store, fixedProgress }: TissueDeformerProps) {
  const invalidate = useThree((s) => s.invalidate);
  const [model, setModel] = useState<TissueModel | null>(null);

  useEffect(() => {
    // The precompute takes a moment: let the undeformed head paint first.
    const timer = setTimeout(() => setModel(modelFor(asset)), 0);
    return () => clearTimeout(timer);
  }, [asset]);

  useEffect(() => {
    if (!model) return;
    const out = createDisplacements(model);
    const apply = (s: AppState) => {
      const solution = solutionFor(model, technique, paramsFrom(s), s.sag);
      // The engine ramps each traction within the step that moves it: timeline progress goes in as is.
      evaluate(model, solution, fixedProgress ?? s.progress, out);
      for (const layer of LAYERS) {
        const geometry = deformed[layer];
        const rest = asset.geometries[layer]?.getAttribute('position').array as Float32Array | undefined;
        if (!geometry || !rest) continue;
        const position = geometry.getAttribute('position') as BufferAttribute;
        const target = position.array as Float32Array;
        const disp = out[layer];
        for (let i = 0; i < target.length; i++) target[i] = rest[i]! + disp[i]! / MM_PER_GLTF_UNIT;
        position.needsUpdate = true;
        geometry.computeVertexNormals();
      }
      invalidate();
    };
    apply(store.getState());
    return store.subscribe((s, prev) => {
      if (
        s.progress !== prev.progress ||
        s.sag !== prev.sag ||
        s.vectorAngleDeg !== prev.vectorAngleDeg ||
        s.liftMm !== prev.liftMm
      ) {
        apply(s);
      }
    });
  }, [model, technique, store, asset, deformed, fixedProgress, invalidate]);

  return null;
}
