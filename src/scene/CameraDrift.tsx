import { useEffect, useRef } from 'react';
import { useFrame, useThree } from '@react-three/fiber';
import { Vector3 } from 'three';

export interface CameraDriftProps {
  /** Peak azimuth swing either side, radians. Design choice: ±7° moves every edge by tens of pixels. */
  readonly amplitude?: number;
  /** Seconds for one full swing. Design choice: slow enough to go unnoticed by a visitor. */
  readonly periodSeconds?: number;
  /** Redraws per second while drifting (the canvas renders on demand). Design choice: smooth yet cheap. */
  readonly fps?: number;
}

const UP = new Vector3(0, 1, 0);

/**
 * Unattended screens: swings the camera slowly about the orbit target so no edge of the head sits on the
 * same pixels for hours (burn-in). It rotates by the change of the swing each frame, so hand orbiting and
 * the view presets keep working. Rendering stays on demand at a low, fixed rate.
 */
export function CameraDrift({ amplitude = (7 * Math.PI) / 180, periodSeconds = 120, fps = 12 }: CameraDriftProps) {
  const camera = useThree((s) => s.camera);
  const controls = useThree((s) => s.controls) as { target: Vector3; update: () => void } | null;
  const invalidate = useThree((s) => s.invalidate);
  const elapsed = useRef(0);
  const lastAngle = useRef(0);
  const offset = useRef(new Vector3());

  useEffect(() => {
    const timer = setInterval(() => invalidate(), 1000 / fps);
    return () => clearInterval(timer);
  }, [invalidate, fps]);

  useFrame((_, delta) => {
    // Clamp: a hidden tab or a slow frame must not jump the swing.
    elapsed.current += Math.min(delta, 0.25);
    const angle = amplitude * Math.sin((2 * Math.PI * elapsed.current) / periodSeconds);
    const step = angle - lastAngle.current;
    lastAngle.current = angle;
    if (step === 0) return;
    const target = controls?.target;
    if (target) offset.current.copy(camera.position).sub(target);
    else offset.current.copy(camera.position);
    offset.current.applyAxisAngle(UP, step);
    if (target) camera.position.copy(target).add(offset.current);
    else camera.position.copy(offset.current);
    if (target) camera.lookAt(target);
    controls?.update();
  });
  return null;
}
