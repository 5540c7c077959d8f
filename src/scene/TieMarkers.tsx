import { useEffect, useMemo, useRef } from 'react';
import { useFrame } from '@react-three/fiber';
import { MeshStandardMaterial, SphereGeometry, type BufferAttribute, type BufferGeometry, type Mesh } from 'three';
import { keptMaterial } from './materials.ts';
import { surfacePosition, type SurfacePoint } from '../core/geometry/surface.ts';

export interface TieMarkersProps {
  /** The surface the ties sit on (the SMAS: the dual-layer threads are tied at their midpoint and fixed). */
  readonly surface: BufferGeometry;
  readonly points: readonly SurfacePoint[];
  readonly color: string;
  readonly visible: boolean;
}

/** Knots where the dermal and fascial threads are tied together, riding the tissue like every overlay. */
export function TieMarkers({ surface, points, color, visible }: TieMarkersProps) {
  const geometry = useMemo(() => new SphereGeometry(0.0018, 16, 12), []);
  const material = keptMaterial(`knot:${color}`, () => new MeshStandardMaterial({ color, roughness: 0.35 }));
  useEffect(() => () => geometry.dispose(), [geometry]);
  const meshes = useRef<(Mesh | null)[]>([]);
  const scratch = useMemo(() => new Float64Array(3), []);
  const version = useRef(-1);
  useFrame(() => {
    const position = surface.getAttribute('position') as BufferAttribute;
    if (!visible || position.version === version.current) return;
    version.current = position.version;
    points.forEach((p, i) => {
      const m = meshes.current[i];
      if (!m) return;
      surfacePosition(position.array as Float32Array, surface.index!.array as Uint32Array, p, scratch);
      m.position.set(scratch[0]!, scratch[1]!, scratch[2]!);
    });
  });
  useEffect(() => {
    version.current = -1;
  }, [points, visible]);
  return (
    <group visible={visible}>
      {points.map((_, i) => (
        <mesh key={i} ref={(m) => void (meshes.current[i] = m)} geometry={geometry} material={material} renderOrder={22} />
      ))}
    </group>
  );
}
