import { useEffect, useMemo, useReducer } from 'react';
import type { BufferGeometry } from 'three';
import type { TechniqueId } from '../core/ids.ts';
import { PROCEDURES, resolveIncisions, resolveThreads } from '../core/procedures/index.ts';
import type { ProcedureStep } from '../core/procedures/index.ts';
import type { HeadAsset, MeshName } from './headAsset.ts';
import { gluePolyline } from './glue.ts';
import type { SurfacePoint } from '../core/geometry/surface.ts';
import { SurfaceTubes } from './SurfaceTubes.tsx';
import { PullArrows } from './PullArrows.tsx';
import { TieMarkers } from './TieMarkers.tsx';
import { OVERLAY_COLOURS } from './overlayColours.ts';
import { useReadyHold } from './readyGate.ts';

export interface OverlaysProps {
  readonly asset: HeadAsset;
  readonly deformed: Partial<Record<MeshName, BufferGeometry>>;
  readonly technique: TechniqueId;
  readonly step: ProcedureStep;
  readonly vectorAngleDeg: number | null;
  /** Tissue progress 0..1, read inside frames (never a per-frame React prop). */
  readonly phase: () => number;
  readonly enabled: boolean;
}

interface GluedOverlays {
  readonly incisions: SurfacePoint[][];
  readonly dermal: SurfacePoint[][];
  readonly fascial: SurfacePoint[][];
  /** Midpoint ties of tied thread pairs, glued to the SMAS. */
  readonly ties: SurfacePoint[];
}

// Glued overlay geometry per head, technique and vector angle: switching back and forth between techniques
// (the consult room does it all day) costs nothing after the first time.
const glued = new WeakMap<HeadAsset, Map<string, GluedOverlays>>();

function gluedOverlays(asset: HeadAsset, technique: TechniqueId, vectorAngleDeg: number | null): GluedOverlays {
  let perHead = glued.get(asset);
  if (!perHead) glued.set(asset, (perHead = new Map()));
  const key = `${technique}|${vectorAngleDeg ?? ''}`;
  let result = perHead.get(key);
  if (!result) {
    const paths = resolveThreads(asset.data, technique, vectorAngleDeg !== null ? { vectorAngleDeg } : {});
    result = {
      incisions: resolveIncisions(asset.data, technique).map((line) => gluePolyline(asset.data.skin, line)),
      dermal: paths.filter((p) => p.layer === 'dermis').map((p) => gluePolyline(asset.data.skin, p.points)),
      fascial: paths.filter((p) => p.layer === 'smas').map((p) => gluePolyline(asset.data.smas, p.points)),
      // "Ties the midpoint and fixes it" (the clinic's dual method): one knot per fascial thread, halfway along.
      ties: PROCEDURES[technique].tied
        ? paths
            .filter((p) => p.layer === 'smas' && p.points.length >= 3)
            .flatMap((p) => {
              const mid = Math.floor(p.points.length / 6) * 3;
              return gluePolyline(asset.data.smas, p.points.subarray(mid, mid + 3));
            })
        : [],
    };
    // Bounded: five techniques at a handful of tuned angles.
    if (perHead.size > 40) perHead.delete(perHead.keys().next().value!);
    perHead.set(key, result);
  }
  return result;
}

/** Incision marks on the skin, threads in their layers and pull arrows, each shown by the step that needs it. */
export function Overlays({ asset, deformed, technique, step, vectorAngleDeg, phase, enabled }: OverlaysProps) {
  // A head shown for the first time (a photo's, the other patient) has its overlays glued in a task of their own, not
  // in the render that brings the head: that render was the page's longest task after a photo (issue 15). The viewer
  // is not ready until they are there.
  const seen = glued.has(asset);
  const [, glue] = useReducer((n: number) => n + 1, 0);
  const release = useReadyHold(asset);
  const overlays = useMemo(() => (seen ? gluedOverlays(asset, technique, vectorAngleDeg) : null), [seen, asset, technique, vectorAngleDeg]);
  useEffect(() => {
    if (seen) return release();
    const id = setTimeout(() => {
      gluedOverlays(asset, technique, vectorAngleDeg);
      glue();
    }, 0);
    return () => clearTimeout(id);
  }, [seen, asset, technique, vectorAngleDeg, release]);
  const skin = deformed.skin;
  const smas = deformed.smas;
  if (!overlays || !skin || !smas) return null;
  const { incisions, dermal, fascial, ties } = overlays;
  const threads = { dermal, fascial };
  const procedure = PROCEDURES[technique];
  return (
    <>
      <SurfaceTubes surface={skin} lines={incisions} color={OVERLAY_COLOURS.incision} radius={0.0007} visible={enabled && step.shows.incision} dashed />
      {/* The dermal thread runs ~1 mm under the skin surface; drawn just over it so it stays visible through skin. */}
      <SurfaceTubes surface={skin} lines={threads.dermal} color={OVERLAY_COLOURS.dermalThread} radius={0.0005} lift={0.0003} visible={enabled && step.shows.threads} />
      <SurfaceTubes surface={smas} lines={threads.fascial} color={OVERLAY_COLOURS.fascialThread} radius={0.0006} lift={0.0006} visible={enabled && step.shows.threads} />
      <TieMarkers surface={smas} points={ties} color={OVERLAY_COLOURS.tie} visible={enabled && step.shows.threads} />
      <PullArrows asset={asset} procedure={procedure} vectorAngleDeg={vectorAngleDeg ?? procedure.defaults.vectorAngleDeg} visible={enabled && step.shows.vector} phase={phase} />
    </>
  );
}
