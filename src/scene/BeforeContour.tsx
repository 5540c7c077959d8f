import { use, useEffect, useMemo, useState } from 'react';
import { useThree } from '@react-three/fiber';
import { BufferAttribute, BufferGeometry, Mesh, type MeshBasicMaterial, type Object3D } from 'three';
import type { TechniqueId } from '../core/ids.ts';
import { beforeContours } from '../core/tissue/contour.ts';
import { unitSagField } from '../core/tissue/months.ts';
import type { TissueModel } from '../core/tissue/model.ts';
import { useStore } from 'zustand';
import { PROCEDURES } from '../core/procedures/index.ts';
import { stepAt } from '../core/timeline/index.ts';
import type { AppStore } from '../state/store.ts';
import { headAssetOrNull } from './headAsset.ts';
import { modelReady, readyModel } from './tissueModel.ts';
import { useReadyHold } from './readyGate.ts';
import { CONTOUR_LINE_OPACITY, createContourLineMaterial } from './materials.ts';

export interface BeforeContourProps {
  /** The mode's store (passed in: React context does not cross into the canvas). */
  readonly store: AppStore;
  readonly technique: TechniqueId;
  /** Show whatever the step (the "after" pane of before/after); otherwise only at the technique's result step. */
  readonly always?: boolean;
  readonly enabled: boolean;
}

/** Millimetres per scene unit (MM_PER_GLTF_UNIT of core/anatomy/headData.ts; repeated to keep that module's export
 * out of the shared chunk the patient's page loads). */
const MM_PER_M = 1000;
/** Lift off the skin along its normal so the line is not buried in the surface it was taken from, m (design choice). */
const LIFT_OFF_M = 0.0008;
/** Half the width of the drawn line, m (design choice: thin, ~0.7 mm on the face). */
const HALF_WIDTH_M = 0.00035;
/** Dash pattern along a chain of ~1.5 mm steps: two steps drawn, one left out (design choice). */
const DASH_ON = 2, DASH_PERIOD = 3;
/** Passes of a [1 2 1]/4 smoothing along each chain: irons out the vertex snapping over ~5 samples (design choice). */
const SMOOTHING_PASSES = 3;
/**
 * How much of the profile line shows for a camera looking at `from` (the profile's centre, world metres): 0 while
 * the view is within ~20° of the front, all of it from ~45° to the side (the sine of the view's yaw between 0.35
 * and 0.7; design choice).
 */
export function profileFade(camera: Object3D, from: { x: number; z: number }): number {
  const dx = camera.position.x - from.x, dz = camera.position.z - from.z;
  const side = Math.abs(dx) / (Math.hypot(dx, dz) || 1);
  const t = Math.min(1, Math.max(0, (side - 0.35) / 0.35));
  return t * t * (3 - 2 * t);
}

/**
 * The sagged face's jawline, nasolabial folds and profile silhouette as a thin dashed line over the result: where
 * the skin lay before the operation (rest + sag × the engine's unit sag field, un-lifted), so the lift reads as the
 * distance between the line and the skin. Follows the sag setting; drawn into the canvas, so snapshots carry it.
 */
export function BeforeContour({ store, technique, always = false, enabled }: BeforeContourProps) {
  // The canvas is only drawn once the head has loaded, so the shared load has succeeded here. The patient shown
  // (the store's) is the head this canvas draws: never fetch the other one.
  const patient = useStore(store, (s) => s.patient);
  const asset = use(headAssetOrNull(patient));
  const invalidate = useThree((s) => s.invalidate);
  const procedure = PROCEDURES[technique];
  const atResult = useStore(store, (s) => stepAt(procedure, s.progress).index === procedure.steps.length - 1);
  const visible = enabled && (always || atResult);
  // The engine's model comes from a Worker (tissueModel.ts); until the line is drawn the viewer is not "ready".
  const [model, setModel] = useState<TissueModel | null>(() => (asset ? readyModel(asset, []) : null));
  const release = useReadyHold(asset);
  useEffect(() => {
    if (!asset) return release();
    let live = true;
    // A head the engine cannot model has no sagged contour: nothing drawn (the deformer reports the failure).
    modelReady(asset, []).then((m) => live && setModel(m), () => live && release());
    return () => {
      live = false;
    };
  }, [asset, release]);
  const contours = useMemo(() => (asset ? beforeContours(asset.data) : null), [asset]);
  // Drawn as thin ribbons on the skin (two triangles per dash step) with classes the app already loads: a dashed
  // line material would add its shader code to the three.js chunk every mode downloads. The profile is its own
  // ribbon, faded in as the view turns to the side (from the front it is only a line down the middle of the face).
  const lines = useMemo(() => {
    const ribbon = (chains: readonly Int32Array[], profile: boolean) => {
      let dashes = 0;
      for (const c of chains) for (let k = 0; k + 1 < c.length; k++) if (k % DASH_PERIOD < DASH_ON) dashes++;
      const geometry = new BufferGeometry();
      geometry.setAttribute('position', new BufferAttribute(new Float32Array(dashes * 18), 3));
      const material = createContourLineMaterial();
      const mesh = new Mesh(geometry, material);
      mesh.renderOrder = 21;
      mesh.frustumCulled = false;
      if (profile) {
        mesh.onBeforeRender = (_r, _s, camera) => {
          material.opacity = CONTOUR_LINE_OPACITY * profileFade(camera, geometry.boundingSphere?.center ?? { x: 0, z: 0 });
        };
      }
      return { mesh, chains };
    };
    return [ribbon(contours?.chains ?? [], false), ribbon(contours ? [contours.profile] : [], true)];
  }, [contours]);
  useEffect(
    () => () => {
      for (const line of lines) {
        line.mesh.geometry.dispose();
        (line.mesh.material as MeshBasicMaterial).dispose();
      }
    },
    [lines],
  );
  useEffect(() => {
    const skin = asset?.geometries.skin;
    if (!model || !skin) {
      if (model) release(); // no skin to draw on: nothing to wait for
      return;
    }
    const unit = unitSagField(model).skin;
    const rest = skin.getAttribute('position').array as Float32Array;
    const normal = skin.getAttribute('normal')?.array as Float32Array | undefined;
    const longest = Math.max(0, ...lines.flatMap((l) => l.chains.map((c) => c.length)));
    const points = new Float64Array(3 * longest), smoothed = new Float64Array(3 * longest);
    // A chain's points where the sagged skin lies, lifted off it along the normal, then smoothed: the chain snaps to
    // skin vertices, which zig-zag by up to an edge's length across the line (a jagged jawline in the shots).
    const chainPoints = (c: Int32Array, sag: number) => {
      for (let i = 0; i < c.length; i++) {
        const v = c[i]!;
        for (let k = 0; k < 3; k++) {
          points[3 * i + k] = rest[3 * v + k]! + (sag * unit[3 * v + k]!) / MM_PER_M + (normal ? LIFT_OFF_M * normal[3 * v + k]! : 0);
        }
      }
      for (let pass = 0; pass < SMOOTHING_PASSES; pass++) {
        smoothed.set(points.subarray(0, 3 * c.length));
        for (let i = 1; i + 1 < c.length; i++) {
          for (let k = 0; k < 3; k++) points[3 * i + k] = (smoothed[3 * i - 3 + k]! + 2 * smoothed[3 * i + k]! + smoothed[3 * i + 3 + k]!) / 4;
        }
      }
    };
    const write = (sag: number) => {
      for (const line of lines) writeLine(line, sag);
      invalidate();
    };
    const writeLine = (line: (typeof lines)[number], sag: number) => {
      const attr = line.mesh.geometry.getAttribute('position') as BufferAttribute;
      const out = attr.array as Float32Array;
      let o = 0;
      for (const c of line.chains) {
        chainPoints(c, sag);
        for (let i = 0; i + 1 < c.length; i++) {
          if (i % DASH_PERIOD >= DASH_ON) continue;
          const a = 3 * i, b = 3 * i + 3, nv = 3 * c[i]!;
          const nx = normal ? normal[nv]! : 0, ny = normal ? normal[nv + 1]! : 0, nz = normal ? normal[nv + 2]! : 1;
          // Across the line, in the skin's tangent plane: normal × direction, scaled to the half width.
          const dx = points[b]! - points[a]!, dy = points[b + 1]! - points[a + 1]!, dz = points[b + 2]! - points[a + 2]!;
          let sx = ny * dz - nz * dy, sy = nz * dx - nx * dz, sz = nx * dy - ny * dx;
          const len = Math.hypot(sx, sy, sz) || 1;
          sx *= HALF_WIDTH_M / len;
          sy *= HALF_WIDTH_M / len;
          sz *= HALF_WIDTH_M / len;
          for (const [p, sign] of [[a, 1], [a, -1], [b, 1], [b, 1], [a, -1], [b, -1]] as const) {
            out[o++] = points[p]! + sign * sx;
            out[o++] = points[p + 1]! + sign * sy;
            out[o++] = points[p + 2]! + sign * sz;
          }
        }
      }
      attr.needsUpdate = true;
      line.mesh.geometry.computeBoundingSphere();
    };
    write(store.getState().sag);
    release();
    return store.subscribe((s, prev) => {
      if (s.sag !== prev.sag) write(s.sag);
    });
  }, [model, asset, lines, store, invalidate, release]);
  useEffect(() => invalidate(), [visible, invalidate]);
  return (
    <>
      {lines.map((line, k) => (
        <primitive key={k} object={line.mesh} visible={visible && model !== null} />
      ))}
    </>
  );
}
