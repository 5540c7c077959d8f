// One camera for several canvases (the consult compare panes): whichever pane the surgeon orbits or zooms
// leads, and every other pane copies its camera position and orbit target, so the techniques stay seen from
// exactly the same angle. Presets and step flights already move every pane alike (CameraRig).
import { useEffect } from 'react';
import { useThree } from '@react-three/fiber';
import type { Camera, EventDispatcher, Vector3 } from 'three';

interface Pose {
  readonly position: readonly [number, number, number];
  readonly target: readonly [number, number, number];
}

type Follower = (pose: Pose) => void;

export interface CameraLinkGroup {
  /** The pane the surgeon last took hold of; only it publishes. */
  leader: symbol | null;
  readonly followers: Map<symbol, Follower>;
}

export function createCameraLinkGroup(): CameraLinkGroup {
  return { leader: null, followers: new Map() };
}

type Controls = EventDispatcher<{ start: object; change: object }> & { target: Vector3; update: () => void; enableDamping: boolean };

/** Joins this canvas's camera and orbit controls to the group (render inside the canvas). */
export function CameraLink({ group }: { readonly group: CameraLinkGroup }) {
  const camera = useThree((s) => s.camera) as Camera;
  const controls = useThree((s) => s.controls) as unknown as Controls | null;
  const invalidate = useThree((s) => s.invalidate);

  useEffect(() => {
    if (!controls) return;
    const id = Symbol('pane');
    // Linked panes follow the hand without inertia: damping would keep every pane redrawing for a hundred
    // frames after each release (per-frame, not per-second, decay), which software-rendered rooms feel.
    const damping = controls.enableDamping;
    controls.enableDamping = false;
    group.followers.set(id, (pose) => {
      camera.position.set(...pose.position);
      controls.target.set(...pose.target);
      camera.lookAt(controls.target);
      controls.update();
      invalidate();
    });
    const onStart = () => {
      group.leader = id;
    };
    // Every camera move of the leader (drag, wheel, damping after release) goes to the others.
    const onChange = () => {
      if (group.leader !== id) return;
      const pose: Pose = {
        position: [camera.position.x, camera.position.y, camera.position.z],
        target: [controls.target.x, controls.target.y, controls.target.z],
      };
      for (const [other, follow] of group.followers) if (other !== id) follow(pose);
    };
    controls.addEventListener('start', onStart);
    controls.addEventListener('change', onChange);
    return () => {
      controls.removeEventListener('start', onStart);
      controls.removeEventListener('change', onChange);
      controls.enableDamping = damping;
      group.followers.delete(id);
      if (group.leader === id) group.leader = null;
    };
  }, [group, camera, controls, invalidate]);
  return null;
}
