import { useEffect, useMemo, useRef } from 'react';
import { useFrame } from '@react-three/fiber';
import { ConeGeometry, CylinderGeometry, MeshStandardMaterial, Quaternion, Vector3, type Mesh } from 'three';
import { keptMaterial } from './materials.ts';
import { drapeFrontal, gripLine, SIDES, type Procedure } from '../core/procedures/index.ts';
import type { HeadAsset } from './headAsset.ts';
import { OVERLAY_COLOURS } from './overlayColours.ts';

export interface PullArrowsProps {
  readonly asset: HeadAsset;
  readonly procedure: Procedure;
  readonly vectorAngleDeg: number;
  readonly visible: boolean;
  /** Tissue progress 0..1, read each frame: the arrow's tail follows the tissue as it is taken up. */
  readonly phase: () => number;
}

/** Clearance of the arrows in front of the skin, mm. Design choice: visible, yet clearly "on" the face. */
const ARROW_CLEARANCE_MM = 5;

/** One arrow per traction and side, from the gripped tissue toward the fixation, floating over the face. */
export function PullArrows({ asset, procedure, vectorAngleDeg, visible, phase }: PullArrowsProps) {
  const material = keptMaterial('pull-arrow', () => new MeshStandardMaterial({ color: OVERLAY_COLOURS.vector, roughness: 0.4, transparent: true, opacity: 0.92 }));
  const shaft = useMemo(() => new CylinderGeometry(0.0012, 0.0012, 1, 10), []);
  const head = useMemo(() => new ConeGeometry(0.0035, 0.009, 14), []);
  useEffect(
    () => () => {
      shaft.dispose();
      head.dispose();
    },
    [shaft, head],
  );

  const arrows = useMemo(() => {
    const out: { tail: Vector3; tip: Vector3; sign: number }[] = [];
    for (const traction of procedure.tractions) {
      for (const side of SIDES) {
        const line = gripLine(asset.data, traction, vectorAngleDeg, side);
        const back: [number, number, number] = [-line.pull[0], -line.pull[1], -line.pull[2]];
        const mid = (line.start + line.end) / 2;
        const path = drapeFrontal(asset.data.skin.positions, line.origin, back, line.start * 0.6, mid, (mid - line.start * 0.6) / 4);
        if (path.length < 6) continue;
        const n = path.length / 3;
        const tail = new Vector3(path[(n - 1) * 3]!, path[(n - 1) * 3 + 1]!, path[(n - 1) * 3 + 2]! + ARROW_CLEARANCE_MM).multiplyScalar(0.001);
        const tip = new Vector3(path[0]!, path[1]!, path[2]! + ARROW_CLEARANCE_MM).multiplyScalar(0.001);
        out.push({ tail, tip, sign: side === 'l' ? 1 : -1 });
      }
    }
    return out;
  }, [asset, procedure, vectorAngleDeg]);

  const shafts = useRef<(Mesh | null)[]>([]);
  const heads = useRef<(Mesh | null)[]>([]);
  const scratch = useMemo(() => ({ start: new Vector3(), dir: new Vector3(), up: new Vector3(0, 1, 0), q: new Quaternion() }), []);
  const lastPhase = useRef(-1);
  useEffect(() => {
    lastPhase.current = -1; // new arrows: place them on the next frame
  }, [arrows]);

  useFrame(({ camera }) => {
    if (!visible) return;
    // Arrows on the far side would float across the face: show each side's arrows only while the camera
    // sees that side (both in the front view). 15 mm of tolerance keeps both in a near-front view.
    arrows.forEach(({ sign }, i) => {
      const facing = sign * camera.position.x > -0.015;
      if (shafts.current[i]) shafts.current[i]!.visible = facing;
      if (heads.current[i]) heads.current[i]!.visible = facing;
    });
    const p = Math.min(1, Math.max(0, phase()));
    if (p === lastPhase.current && shafts.current.length === arrows.length) return;
    lastPhase.current = p;
    arrows.forEach(({ tail, tip }, i) => {
      const shaft = shafts.current[i];
      const cone = heads.current[i];
      if (!shaft || !cone) return;
      // The tail advances toward the tip as the tissue is taken up (at most 40 % of the way).
      const { start, dir, up, q } = scratch;
      start.copy(tail).lerp(tip, 0.4 * p);
      dir.copy(tip).sub(start);
      const length = Math.max(dir.length(), 1e-6);
      dir.divideScalar(length);
      q.setFromUnitVectors(up, dir);
      shaft.quaternion.copy(q);
      shaft.scale.set(1, Math.max(0.001, length - 0.009), 1);
      shaft.position.copy(start).addScaledVector(dir, (length - 0.009) / 2);
      cone.quaternion.copy(q);
      cone.position.copy(tip).addScaledVector(dir, -0.0045);
    });
  });

  return (
    <group visible={visible}>
      {arrows.map((_, i) => (
        <group key={i}>
          <mesh ref={(m) => void (shafts.current[i] = m)} geometry={shaft} material={material} renderOrder={21} />
          <mesh ref={(m) => void (heads.current[i] = m)} geometry={head} material={material} renderOrder={21} />
        </group>
      ))}
    </group>
  );
}
