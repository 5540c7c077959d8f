import { use, useEffect, useMemo, useState } from 'react';
import { useThree } from '@react-three/fiber';
import { BufferAttribute, BufferGeometry, LineDashedMaterial, LineSegments } from 'three';
import type { TechniqueId } from '../core/ids.ts';
import { MM_PER_GLTF_UNIT } from '../core/anatomy/headData.ts';
import { beforeContours } from '../core/tissue/contour.ts';
import { unitSagField } from '../core/tissue/months.ts';
import type { TissueModel } from '../core/tissue/index.ts';
import { useStore } from 'zustand';
import { PROCEDURES } from '../core/procedures/index.ts';
import { stepAt } from '../core/timeline/index.ts';
import type { AppStore } from '../state/store.ts';
import { headAssetPromise } from './headAsset.ts';
import { modelFor } from './tissueModel.ts';

export interface BeforeContourProps {
  /** The mode's store (passed in: React context does not cross into the canvas). */
  readonly store: AppStore;
  readonly technique: TechniqueId;
  /** Show whatever the step (the "after" pane of before/after); otherwise only at the technique's result step. */
  readonly always?: boolean;
  readonly enabled: boolean;
}

/** Lift off the skin along its normal so the line is not buried in the surface it was taken from, m (design choice). */
const LIFT_OFF_M = 0.0008;

/**
 * The sagged face's jawline, nasolabial folds and profile silhouette as a thin dashed line over the result: where
 * the skin lay before the operation (rest + sag × the engine's unit sag field, un-lifted), so the lift reads as the
 * distance between the line and the skin. Follows the sag setting; drawn into the canvas, so snapshots carry it.
 */
export function BeforeContour({ store, technique, always = false, enabled }: BeforeContourProps) {
  const asset = use(headAssetPromise());
  const invalidate = useThree((s) => s.invalidate);
  const procedure = PROCEDURES[technique];
  const atResult = useStore(store, (s) => stepAt(procedure, s.progress).index === procedure.steps.length - 1);
  const visible = enabled && (always || atResult);
  const [model, setModel] = useState<TissueModel | null>(null);
  useEffect(() => {
    const timer = setTimeout(() => setModel(modelFor(asset)), 0);
    return () => clearTimeout(timer);
  }, [asset]);
  const chains = useMemo(() => beforeContours(asset.data).chains, [asset]);
  const line = useMemo(() => {
    const pairs: number[] = [];
    for (const c of chains) for (let k = 0; k + 1 < c.length; k++) pairs.push(c[k]!, c[k + 1]!);
    const geometry = new BufferGeometry();
    geometry.setAttribute('position', new BufferAttribute(new Float32Array(3 * pairs.length), 3));
    const material = new LineDashedMaterial({ color: '#16324a', dashSize: 0.0025, gapSize: 0.0018, transparent: true, opacity: 0.9 });
    const segments = new LineSegments(geometry, material);
    segments.renderOrder = 21;
    segments.frustumCulled = false;
    return { segments, vertices: Int32Array.from(pairs) };
  }, [chains]);
  useEffect(
    () => () => {
      line.segments.geometry.dispose();
      (line.segments.material as LineDashedMaterial).dispose();
    },
    [line],
  );
  useEffect(() => {
    const skin = asset.geometries.skin;
    if (!model || !skin) return;
    const unit = unitSagField(model).skin;
    const rest = skin.getAttribute('position').array as Float32Array;
    const normal = skin.getAttribute('normal')?.array as Float32Array | undefined;
    const attr = line.segments.geometry.getAttribute('position') as BufferAttribute;
    const out = attr.array as Float32Array;
    const write = (sag: number) => {
      line.vertices.forEach((v, i) => {
        for (let a = 0; a < 3; a++) {
          out[3 * i + a] = rest[3 * v + a]! + (sag * unit[3 * v + a]!) / MM_PER_GLTF_UNIT + (normal ? LIFT_OFF_M * normal[3 * v + a]! : 0);
        }
      });
      attr.needsUpdate = true;
      line.segments.geometry.computeBoundingSphere();
      line.segments.computeLineDistances();
      invalidate();
    };
    write(store.getState().sag);
    return store.subscribe((s, prev) => {
      if (s.sag !== prev.sag) write(s.sag);
    });
  }, [model, asset, line, store, invalidate]);
  useEffect(() => invalidate(), [visible, invalidate]);
  return <primitive object={line.segments} visible={visible && model !== null} />;
}
