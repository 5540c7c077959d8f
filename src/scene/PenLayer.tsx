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
 * drawn as thin tubes that follow the tissue as the technique plays. While the pen is on, one finger (or the
 * main mouse button) draws and two fingers pinch and rotate the view (the viewer's controls, see Viewer.tsx);
 * a cancelled touch (`pointercancel`) is dropped, never committed.
 */
export function PenLayer({ skin, active, strokes, onStroke }: PenLayerProps) {
  const gl = useThree((s) => s.gl);
  const camera = useThree((s) => s.camera);
  const invalidate = useThree((s) => s.invalidate);
  const target = useMemo(() => new Mesh(skin, new MeshBasicMaterial()), [skin]);
  useEffect(() => () => (target.material as MeshBasicMaterial).dispose(), [target]);
  const [current, setCurrent] = useState<SurfacePoint[]>([]);
  const drawing = useRef<{ pointerId: number; points: SurfacePoint[]; lastX: number; lastY: number } | null>(null);

  useEffect(() => {
    if (!active) return;
    const el = gl.domElement;
    const raycaster = new Raycaster();
    const ndc = new Vector2();
    // Every pointer down on the canvas (fingers on a touch screen). A stroke belongs to the first one alone;
    // once a second is down the fingers steer the camera (the viewer's controls: pinch, two-finger rotate)
    // and no stroke starts again until every finger is up.
    const down = new Set<number>();
    let gesture = false;
    const hit = (e: PointerEvent): SurfacePoint | null => {
      const rect = el.getBoundingClientRect();
      ndc.set(((e.clientX - rect.left) / rect.width) * 2 - 1, -((e.clientY - rect.top) / rect.height) * 2 + 1);
      raycaster.setFromCamera(ndc, camera);
      const first = raycaster.intersectObject(target, false)[0];
      if (!first || first.faceIndex == null || !first.barycoord) return null;
      return { tri: first.faceIndex, u: first.barycoord.x, v: first.barycoord.y, w: first.barycoord.z };
    };
    /** End the stroke in progress: kept when `commit` and it is a line, else dropped. */
    const finish = (commit: boolean) => {
      const d = drawing.current;
      drawing.current = null;
      if (commit && d && d.points.length > 1) onStroke(d.points);
      setCurrent([]);
      invalidate();
    };
    const onDown = (e: PointerEvent) => {
      down.add(e.pointerId);
      if (down.size > 1) {
        // A second finger: what the first one drew so far stays a stroke of its own; the fingers now orbit.
        gesture = true;
        finish(true);
        return;
      }
      // The main button only (a mouse's other buttons and a stylus's barrel button do not draw).
      if (gesture || e.button !== 0) return;
      const p = hit(e);
      if (!p) return;
      el.setPointerCapture(e.pointerId);
      drawing.current = { pointerId: e.pointerId, points: [p], lastX: e.clientX, lastY: e.clientY };
      setCurrent([p]);
    };
    const onMove = (e: PointerEvent) => {
      const d = drawing.current;
      if (!d || e.pointerId !== d.pointerId || Math.hypot(e.clientX - d.lastX, e.clientY - d.lastY) < MIN_STEP_PX) return;
      const p = hit(e);
      if (!p) return;
      d.points.push(p);
      d.lastX = e.clientX;
      d.lastY = e.clientY;
      setCurrent([...d.points]);
      invalidate();
    };
    const release = (e: PointerEvent, commit: boolean) => {
      down.delete(e.pointerId);
      if (down.size === 0) gesture = false;
      if (drawing.current?.pointerId === e.pointerId) finish(commit);
    };
    const onUp = (e: PointerEvent) => release(e, true);
    // The system took the touch over (a gesture, a palm, a call): the stroke in progress was never meant.
    const onCancel = (e: PointerEvent) => release(e, false);
    el.addEventListener('pointerdown', onDown);
    el.addEventListener('pointermove', onMove);
    // A finger may leave the canvas before it lifts: its end is heard on the document.
    const doc = el.ownerDocument;
    doc.addEventListener('pointerup', onUp);
    doc.addEventListener('pointercancel', onCancel);
    el.style.cursor = 'crosshair';
    return () => {
      el.removeEventListener('pointerdown', onDown);
      el.removeEventListener('pointermove', onMove);
      doc.removeEventListener('pointerup', onUp);
      doc.removeEventListener('pointercancel', onCancel);
      el.style.cursor = '';
      drawing.current = null;
      setCurrent([]);
    };
  }, [active, gl, camera, target, onStroke, invalidate]);

  const lines = useMemo(() => (current.length > 1 ? [...strokes, current] : strokes), [strokes, current]);
  return <SurfaceTubes surface={skin} lines={lines} color={PEN_COLOUR} radius={0.0006} lift={0.0005} visible={lines.length > 0} />;
}
