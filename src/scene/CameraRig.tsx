import { useEffect, useRef } from 'react';
import { useFrame, useThree } from '@react-three/fiber';
import { Vector3 } from 'three';
import type { ViewId } from '../core/ids.ts';
import { cameraDistance, viewPosition } from './views.ts';

export interface CameraRigProps {
  readonly view: ViewId;
  readonly center: readonly [number, number, number];
  readonly radius: number;
  /** A point to frame more closely (the step's landmark), metres; null frames the whole head. */
  readonly focus?: readonly [number, number, number] | null;
  /** Jump instead of flying (prefers-reduced-motion, first frame). */
  readonly instant?: boolean;
}

/**
 * How far a step's close-up moves toward its landmark (sideways, and less so vertically so the jawline and the
 * neck stay in the picture even for a temple landmark), and how much closer it gets. Design choices.
 */
const FOCUS_PULL = 0.45;
const FOCUS_PULL_VERTICAL = 0.2;
const FOCUS_ZOOM = 0.86;

/** Flies the camera (and the orbit target) to a view preset or a step's close-up when either changes. */
export function CameraRig({ view, center, radius, focus = null, instant = false }: CameraRigProps) {
  const camera = useThree((s) => s.camera);
  const size = useThree((s) => s.size);
  const controls = useThree((s) => s.controls) as unknown as { target: Vector3; update: () => void } | null;
  const invalidate = useThree((s) => s.invalidate);
  const goal = useRef(new Vector3());
  const goalTarget = useRef(new Vector3());
  const target = useRef(new Vector3(center[0], center[1], center[2]));
  const flying = useRef(false);
  const first = useRef(true);
  const fx = focus?.[0];
  const fy = focus?.[1];
  const fz = focus?.[2];

  useEffect(() => {
    const aim: [number, number, number] =
      fx === undefined || fy === undefined || fz === undefined
        ? [center[0], center[1], center[2]]
        : [center[0] + (fx - center[0]) * FOCUS_PULL, center[1] + (fy - center[1]) * FOCUS_PULL_VERTICAL, center[2] + (fz - center[2]) * FOCUS_PULL];
    const zoom = fx === undefined ? 1 : FOCUS_ZOOM;
    const [x, y, z] = viewPosition(view, aim, cameraDistance(radius, size.width / Math.max(1, size.height)) * zoom);
    goal.current.set(x, y, z);
    goalTarget.current.set(aim[0], aim[1], aim[2]);
    if (instant || first.current) {
      camera.position.copy(goal.current);
      target.current.copy(goalTarget.current);
      camera.lookAt(target.current);
      if (controls) {
        controls.target.copy(target.current);
        controls.update();
      }
      first.current = false;
      flying.current = false;
    } else flying.current = true;
    invalidate();
  }, [view, center, radius, fx, fy, fz, size.width, size.height, camera, controls, instant, invalidate]);

  useFrame((_, delta) => {
    if (!flying.current) return;
    // Exponential approach: frame-rate independent, settles in about half a second.
    const k = 1 - Math.exp(-Math.min(delta, 0.1) * 7);
    camera.position.lerp(goal.current, k);
    target.current.lerp(goalTarget.current, k);
    camera.lookAt(target.current);
    if (controls) {
      controls.target.copy(target.current);
      controls.update();
    }
    if (camera.position.distanceTo(goal.current) < 2e-4 && target.current.distanceTo(goalTarget.current) < 2e-4) {
      camera.position.copy(goal.current);
      flying.current = false;
    }
    invalidate();
  });
  return null;
}
