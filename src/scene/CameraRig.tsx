import { useEffect, useRef } from 'react';
import { useFrame, useThree } from '@react-three/fiber';
import { Vector3 } from 'three';
import type { ViewId } from '../core/ids.ts';
import { cameraDistance, viewPosition } from './views.ts';

export interface CameraRigProps {
  readonly view: ViewId;
  readonly center: readonly [number, number, number];
  readonly radius: number;
  /** Jump instead of flying (prefers-reduced-motion, first frame). */
  readonly instant?: boolean;
}

/** Flies the camera to a view preset when the preset changes; orbiting by hand is left alone otherwise. */
export function CameraRig({ view, center, radius, instant = false }: CameraRigProps) {
  const camera = useThree((s) => s.camera);
  const size = useThree((s) => s.size);
  const controls = useThree((s) => s.controls) as { target: Vector3; update: () => void } | null;
  const invalidate = useThree((s) => s.invalidate);
  const goal = useRef(new Vector3());
  const flying = useRef(false);
  const first = useRef(true);

  useEffect(() => {
    const [x, y, z] = viewPosition(view, center, cameraDistance(radius, size.width / Math.max(1, size.height)));
    goal.current.set(x, y, z);
    if (controls) controls.target.set(center[0], center[1], center[2]);
    if (instant || first.current) {
      camera.position.copy(goal.current);
      camera.lookAt(center[0], center[1], center[2]);
      controls?.update();
      first.current = false;
      flying.current = false;
    } else flying.current = true;
    invalidate();
  }, [view, center, radius, size.width, size.height, camera, controls, instant, invalidate]);

  useFrame((_, delta) => {
    if (!flying.current) return;
    // Exponential approach: frame-rate independent, settles in about half a second.
    const k = 1 - Math.exp(-delta * 8);
    camera.position.lerp(goal.current, k);
    camera.lookAt(center[0], center[1], center[2]);
    controls?.update();
    if (camera.position.distanceTo(goal.current) < 1e-4) {
      camera.position.copy(goal.current);
      flying.current = false;
    }
    invalidate();
  });
  return null;
}
