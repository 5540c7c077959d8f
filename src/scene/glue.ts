// Gluing technique geometry (mm, rest pose) onto the head's layer meshes, cached per loaded head.
import { TriangleGrid, type SurfacePoint } from '../core/geometry/surface.ts';
import type { LayerMesh } from '../core/anatomy/headData.ts';

const grids = new WeakMap<LayerMesh, TriangleGrid>();

export function gridFor(mesh: LayerMesh): TriangleGrid {
  let grid = grids.get(mesh);
  if (!grid) {
    grid = new TriangleGrid(mesh.positions, mesh.indices);
    grids.set(mesh, grid);
  }
  return grid;
}

/** Glue a polyline (xyz triples, mm) onto a layer mesh. */
export function gluePolyline(mesh: LayerMesh, points: ArrayLike<number>): SurfacePoint[] {
  const grid = gridFor(mesh);
  const out: SurfacePoint[] = [];
  for (let i = 0; i + 2 < points.length; i += 3) {
    const { tri, u, v, w } = grid.attach(points[i]!, points[i + 1]!, points[i + 2]!);
    out.push({ tri, u, v, w });
  }
  return out;
}
