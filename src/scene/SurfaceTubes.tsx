import { useEffect, useLayoutEffect, useMemo, useRef } from 'react';
import { useFrame } from '@react-three/fiber';
import { BufferAttribute, BufferGeometry, CatmullRomCurve3, MeshStandardMaterial, TubeGeometry, Vector3, type Mesh } from 'three';
import { keptMaterial } from './materials.ts';
import { surfaceNormal, surfacePosition, type SurfacePoint } from '../core/geometry/surface.ts';

export interface SurfaceTubesProps {
  /** The surface the points are glued to (deformed in place by the engine). */
  readonly surface: BufferGeometry;
  /** One glued polyline per tube. */
  readonly lines: readonly (readonly SurfacePoint[])[];
  readonly color: string;
  /** Tube radius, metres. */
  readonly radius: number;
  /** Lift off the surface along its normal, metres (negative sinks it in: threads under the skin). */
  readonly lift?: number;
  readonly visible: boolean;
  readonly dashed?: boolean;
}

/**
 * Tubes that ride a deforming surface: rebuilt whenever the surface's positions change version, inside the
 * frame that draws them. The tube geometry is small (tens of points), so rebuilding is cheaper than skinning.
 */
export function SurfaceTubes({ surface, lines, color, radius, lift = 0.0004, visible, dashed = false }: SurfaceTubesProps) {
  const material = keptMaterial(`tube:${color}`, () => new MeshStandardMaterial({ color, roughness: 0.45, metalness: 0 }));
  const meshes = useRef<(Mesh | null)[]>([]);
  const version = useRef(-1);
  const scratch = useMemo(() => new Float64Array(6), []);

  useEffect(() => {
    version.current = -1; // new lines: rebuild on the next frame
  }, [lines]);

  useFrame(({ invalidate }) => {
    const position = surface.getAttribute('position') as BufferAttribute;
    if (!visible || position.version === version.current) return;
    version.current = position.version;
    const pos = position.array as Float32Array;
    const index = surface.index!.array as Uint32Array;
    lines.forEach((line, k) => {
      const mesh = meshes.current[k];
      if (!mesh || line.length < 2) return;
      mesh.geometry.dispose();
      mesh.geometry = buildTube(line, pos, index, scratch, lift, radius, dashed);
    });
    invalidate();
  });


  return (
    <group visible={visible}>
      {lines.map((_, k) => (
        <Tube key={k} index={k} meshes={meshes} material={material} />
      ))}
    </group>
  );
}

/**
 * One tube's mesh. Its geometry is assigned imperatively (the frame loop rebuilds it as the surface moves), so it
 * is freed here, once, when the tube really goes away (a technique with fewer lines than the last one). An inline
 * ref callback did this before, but React detaches a new inline callback with null on every re-render (a language
 * rotation, a label change): the tube's geometry was disposed and uploaded again while still on screen.
 */
function Tube({ index, meshes, material }: { index: number; meshes: { current: (Mesh | null)[] }; material: MeshStandardMaterial }) {
  const ref = useRef<Mesh>(null);
  useLayoutEffect(() => {
    const mesh = ref.current;
    const list = meshes.current;
    list[index] = mesh;
    return () => {
      mesh?.geometry.dispose();
      if (list[index] === mesh) list[index] = null;
    };
  }, [index, meshes]);
  return <mesh ref={ref} material={material} renderOrder={20} />;
}

/** A tube along glued points on the current surface (allocates: called only when the surface changed). */
function buildTube(
  line: readonly SurfacePoint[],
  pos: Float32Array,
  index: Uint32Array,
  scratch: Float64Array,
  lift: number,
  radius: number,
  dashed: boolean,
): BufferGeometry {
  const pts = line.map((p) => {
    surfacePosition(pos, index, p, scratch, 0);
    surfaceNormal(pos, index, p, scratch, 3);
    return new Vector3(scratch[0]! + scratch[3]! * lift, scratch[1]! + scratch[4]! * lift, scratch[2]! + scratch[5]! * lift);
  });
  return dashed ? dashedTube(pts, radius) : new TubeGeometry(new CatmullRomCurve3(pts), Math.max(8, pts.length * 2), radius, 6, false);
}

/** Surgical-marker dashes: alternate segments of the polyline as separate tube pieces merged into one geometry. */
function dashedTube(points: Vector3[], radius: number): BufferGeometry {
  const pieces: TubeGeometry[] = [];
  for (let i = 0; i + 1 < points.length; i += 2) {
    const a = points[i]!;
    const b = points[i + 1]!;
    pieces.push(new TubeGeometry(new CatmullRomCurve3([a, b]), 2, radius, 6, false));
  }
  return mergeTubes(pieces);
}

function mergeTubes(pieces: TubeGeometry[]): BufferGeometry {
  let vertexCount = 0;
  let indexCount = 0;
  for (const p of pieces) {
    vertexCount += p.getAttribute('position').count;
    indexCount += p.index!.count;
  }
  const positions = new Float32Array(vertexCount * 3);
  const normals = new Float32Array(vertexCount * 3);
  const indices = new Uint32Array(indexCount);
  let vo = 0;
  let io = 0;
  for (const p of pieces) {
    positions.set(p.getAttribute('position').array as Float32Array, vo * 3);
    normals.set(p.getAttribute('normal').array as Float32Array, vo * 3);
    const idx = p.index!.array;
    for (let i = 0; i < idx.length; i++) indices[io + i] = idx[i]! + vo;
    vo += p.getAttribute('position').count;
    io += idx.length;
    p.dispose();
  }
  const g = new BufferGeometry();
  g.setAttribute('position', new BufferAttribute(positions, 3));
  g.setAttribute('normal', new BufferAttribute(normals, 3));
  g.setIndex(new BufferAttribute(indices, 1));
  return g;
}
