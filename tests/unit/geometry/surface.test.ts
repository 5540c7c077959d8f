import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { BufferAttribute, BufferGeometry } from 'three';
import { TriangleGrid, closestBarycentric, polylineLength, surfacePosition, vertexNormals, vertexNormalsInto } from '../../../src/core/geometry/surface.ts';
import { createSyntheticHead } from '../../fixtures/synthetic-head.ts';

// A 10×10 grid of unit squares (two triangles each) in the z = 0 plane, spacing 2 mm.
function plane(n = 10, s = 2) {
  const positions: number[] = [];
  const indices: number[] = [];
  for (let j = 0; j <= n; j++) for (let i = 0; i <= n; i++) positions.push(i * s, j * s, 0);
  for (let j = 0; j < n; j++)
    for (let i = 0; i < n; i++) {
      const a = j * (n + 1) + i;
      indices.push(a, a + 1, a + n + 2, a, a + n + 2, a + n + 1);
    }
  return { positions: Float32Array.from(positions), indices: Uint32Array.from(indices) };
}

describe('closestBarycentric', () => {
  it.each([
    // point, expected weights: above the interior → the projection; beyond a vertex → that vertex;
    // beyond an edge → the edge point.
    [[0.25, 0.25, 5], [0.5, 0.25, 0.25]],
    [[-1, -1, 0], [1, 0, 0]],
    [[3, -1, 0], [0, 1, 0]],
    [[0.5, -2, 1], [0.5, 0.5, 0]],
  ])('p=%j → %j on the unit right triangle', (p, expected) => {
    const r = closestBarycentric(0, 0, 0, 1, 0, 0, 0, 1, 0, p[0]!, p[1]!, p[2]!);
    r.forEach((v, i) => expect(v).toBeCloseTo(expected[i]!, 6));
  });
});

describe('TriangleGrid', () => {
  it('glues a point to the surface below it and finds the same place again', () => {
    const { positions, indices } = plane();
    const grid = new TriangleGrid(positions, indices, 4);
    fc.assert(
      fc.property(fc.double({ min: 0, max: 20, noNaN: true }), fc.double({ min: 0, max: 20, noNaN: true }), fc.double({ min: -3, max: 3, noNaN: true }), (x, y, z) => {
        const hit = grid.attach(x, y, z);
        expect(hit.distance).toBeCloseTo(Math.abs(z), 5);
        const out = new Float64Array(3);
        surfacePosition(positions, indices, hit, out);
        expect(out[0]).toBeCloseTo(x, 5);
        expect(out[1]).toBeCloseTo(y, 5);
        expect(out[2]).toBeCloseTo(0, 5);
      }),
      { numRuns: 300 },
    );
  });

  it('follows the mesh when it deforms', () => {
    const { positions, indices } = plane();
    const hit = new TriangleGrid(positions, indices).attach(7.3, 5.1, 0.5);
    const moved = positions.map((v, i) => (i % 3 === 1 ? v + 4 : i % 3 === 2 ? v + 0.1 * positions[i - 2]! : v));
    const out = new Float64Array(3);
    surfacePosition(moved, indices, hit, out);
    expect([out[0], out[1], out[2]].map((v) => Number((v ?? NaN).toFixed(4)))).toEqual([7.3, 9.1, 0.73]);
  });
});

it('polylineLength sums segment lengths', () => {
  expect(polylineLength([0, 0, 0, 3, 4, 0, 3, 4, 12])).toBe(17);
});

describe('vertexNormalsInto (the deformed layers’ normals every frame)', () => {
  it('gives three’s computeVertexNormals on a deformed head’s skin, into the same array, with no stale sums', () => {
    const skin = createSyntheticHead().skin;
    // a bumpy deformation, so the normals are not the ellipsoid's
    const positions = skin.positions.map((v, i) => v + 3 * Math.sin(0.37 * i) * (i % 3 === 2 ? 1 : 0.3));
    const geometry = new BufferGeometry();
    geometry.setAttribute('position', new BufferAttribute(positions, 3));
    geometry.setIndex(new BufferAttribute(skin.indices, 1));
    geometry.computeVertexNormals();
    const expected = geometry.getAttribute('normal').array as Float32Array;
    // written over a previous frame's normals: the sums start from zero
    const out = new Float32Array(positions.length).fill(0.5);
    expect(vertexNormalsInto(positions, skin.indices, out)).toBe(out);
    let worst = 0;
    for (let i = 0; i < out.length; i++) worst = Math.max(worst, Math.abs(out[i]! - expected[i]!));
    expect(worst).toBeLessThan(1e-5);
    expect(vertexNormals(positions, skin.indices)).toEqual(out);
  });
});
