import { useEffect, useMemo, useRef, useState } from 'react';
import { useThree } from '@react-three/fiber';
import { Mesh, MeshBasicMaterial, Raycaster, Vector2, type BufferGeometry } from 'three';
import type { SurfacePoint } from '../core/geometry/surface.ts';
import type { Stroke } from '../state/store.ts';
import { SurfaceTubes } from './SurfaceTubes.tsx';

export interface PenLayerProps {
  /** The deformed skin the strokes are drawn on and ride with. */
  readonly skin: BufferGeometry;
  readonly active: boolean;
  readonly strokes: readonly Stroke[];
  readonly onStroke: (stroke: Stroke) => void;
}

/** Minimum spacing of stroke samples on the screen, px. Design choice: smooth lines, few points. */
const MIN_STEP_PX = 4;
export const PEN_COLOUR = '#16324a';

/**
 * The surgeon's pen: pointer strokes on the face become glued surface points (triangle + barycentric),
 * drawn as thin tubes that follow the tissue as the technique plays. Orbiting is off while the pen is on.
 */
export function PenLayer({ skin, active, strokes, onStroke }: PenLayerProps) {
  const gl = useThree((s) => s.gl);
  const camera = useThree((s) => s.camera);
  const invalidate = useThree((s) => s.invalidate);
  const target = useMemo(() => new Mesh(skin, new MeshBasicMaterial()), [skin]);
  useEffect(() => () => (target.material as MeshBasicMaterial).dispose(), [target]);
  const [current, setCurrent] = useState<SurfacePoint[]>([]);
  const drawing = useRef<{ points: SurfacePoint[]; lastX: number; lastY: number } | null>(null);

  useEffect(() => {
    if (!active) return;
    const el = gl.domElement;
    const raycaster = new Raycaster();
    const ndc = new Vector2();
    const hit = (e: PointerEvent): SurfacePoint | null => {
      const rect = el.getBoundingClientRect();
      ndc.set(((e.clientX - rect.left) / rect.width) * 2 - 1, -((e.clientY - rect.top) / rect.height) * 2 + 1);
      raycaster.setFromCamera(ndc, camera);
      const first = raycaster.intersectObject(target, false)[0];
      if (!first || first.faceIndex == null || !first.barycoord) return null;
      return { tri: first.faceIndex, u: first.barycoord.x, v: first.barycoord.y, w: first.barycoord.z };
    };
    const down = (e: PointerEvent) => {
      const p = hit(e);
      if (!p) return;
      el.setPointerCapture(e.pointerId);
      drawing.current = { points: [p], lastX: e.clientX, lastY: e.clientY };
      setCurrent([p]);
    };
    const move = (e: PointerEvent) => {
      const d = drawing.current;
      if (!d || Math.hypot(e.clientX - d.lastX, e.clientY - d.lastY) < MIN_STEP_PX) return;
      const p = hit(e);
      if (!p) return;
      d.points.push(p);
      d.lastX = e.clientX;
      d.lastY = e.clientY;
      setCurrent([...d.points]);
      invalidate();
    };
    const up = () => {
      const d = drawing.current;
      drawing.current = null;
      if (d && d.points.length > 1) onStroke(d.points);
      setCurrent([]);
      invalidate();
    };
    el.addEventListener('pointerdown', down);
    el.addEventListener('pointermove', move);
    el.addEventListener('pointerup', up);
    el.addEventListener('pointercancel', up);
    el.style.cursor = 'crosshair';
    return () => {
      el.removeEventListener('pointerdown', down);
      el.removeEventListener('pointermove', move);
      el.removeEventListener('pointerup', up);
      el.removeEventListener('pointercancel', up);
      el.style.cursor = '';
    };
  }, [active, gl, camera, target, onStroke, invalidate]);

  const lines = useMemo(() => (current.length > 1 ? [...strokes, current] : strokes), [strokes, current]);
  return <SurfaceTubes surface={skin} lines={lines} color={PEN_COLOUR} radius={0.0006} lift={0.0005} visible={lines.length > 0} />;
}
