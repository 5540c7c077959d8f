import { describe, expect, it } from 'vitest';
import ReactThreeTestRenderer from '@react-three/test-renderer';
import { PlaneGeometry, type Mesh } from 'three';
import { SurfaceTubes } from '../../src/scene/SurfaceTubes.tsx';
import type { SurfacePoint } from '../../src/core/geometry/surface.ts';

// A flat surface and one glued polyline across it (barycentric points on its first two triangles).
const surface = new PlaneGeometry(0.1, 0.1, 2, 2);
const line: SurfacePoint[] = [
  { tri: 0, u: 0.6, v: 0.2, w: 0.2 },
  { tri: 0, u: 0.2, v: 0.6, w: 0.2 },
  { tri: 1, u: 0.2, v: 0.2, w: 0.6 },
];

const tubes = (renderer: Awaited<ReturnType<typeof ReactThreeTestRenderer.create>>) => renderer.scene.findAll((n) => n.type === 'Mesh').map((n) => n.instance as Mesh);

describe('<SurfaceTubes>', () => {
  it("keeps a shown tube's geometry across re-renders and frees it only when the tube goes away", async () => {
    const lines = [line, line];
    const r = await ReactThreeTestRenderer.create(<SurfaceTubes surface={surface} lines={lines} color="#b2306b" radius={0.001} visible />);
    await r.advanceFrames(1, 16);
    const [first, second] = tubes(r);
    let disposed = 0;
    first!.geometry.addEventListener('dispose', () => disposed++);
    const kept = second!.geometry;
    kept.addEventListener('dispose', () => disposed++);
    // A re-render with new props but the same lines (a language change, a new colour) must not touch the tubes.
    await r.update(<SurfaceTubes surface={surface} lines={lines} color="#b2306b" radius={0.001} visible={false} />);
    await r.update(<SurfaceTubes surface={surface} lines={lines} color="#b2306b" radius={0.001} visible />);
    expect(disposed).toBe(0);
    // One line fewer: the second tube's geometry is freed, the first is kept.
    await r.update(<SurfaceTubes surface={surface} lines={[line]} color="#b2306b" radius={0.001} visible />);
    expect(disposed).toBe(1);
    expect(tubes(r)).toHaveLength(1);
    await r.unmount();
  });
});
