// The simulation meshes the precompute builds (model.ts): welding glTF seam copies, clustering the render mesh to
// the simulation lattice, and the cotangent-Laplacian operators. Only the precompute uses them, and it runs in a
// Worker (scene/tissue.worker.ts): their own module keeps them out of the page's bundle.
import type { ClusteredMesh, MeshOperators, WeldedMesh } from './geometry.ts';

/**
 * Merges vertices that share a position (glTF splits vertices on UV and normal seams). The engine works on
 * nodes so that a seam can never open when the two copies would otherwise be solved independently.
 */
export function weld(positions: Float32Array, indices: Uint32Array, toleranceMm = 1e-3): WeldedMesh {
  const n = positions.length / 3;
  const vertexToNode = new Int32Array(n);
  const key = new Map<string, number>();
  const nodePos: number[] = [];
  const q = 1 / toleranceMm;
  for (let i = 0; i < n; i++) {
    const x = positions[3 * i]!, y = positions[3 * i + 1]!, z = positions[3 * i + 2]!;
    const k = `${Math.round(x * q)},${Math.round(y * q)},${Math.round(z * q)}`;
    let node = key.get(k);
    if (node === undefined) {
      node = nodePos.length / 3;
      key.set(k, node);
      nodePos.push(x, y, z);
    }
    vertexToNode[i] = node;
  }
  const tris: number[] = [];
  for (let t = 0; t + 2 < indices.length; t += 3) {
    const a = vertexToNode[indices[t]!]!, b = vertexToNode[indices[t + 1]!]!, c = vertexToNode[indices[t + 2]!]!;
    if (a !== b && b !== c && a !== c) tris.push(a, b, c);
  }
  return {
    positions: Float64Array.from(nodePos),
    vertexToNode,
    triangles: Int32Array.from(tris),
    nodeCount: nodePos.length / 3,
  };
}



// Cotangents are clamped to [0, MAX_COT]. Negative weights (obtuse triangles) would make the stiffness matrix
// lose its M-matrix property and could pull neighbours the wrong way; very large ones come from slivers. The
// generated head meshes are decimated, so both happen; clamping trades a little consistency for robustness.
const MAX_COT = 5;

export function meshOperators(mesh: WeldedMesh): MeshOperators {
  const { positions: p, triangles: t, nodeCount } = mesh;
  const area = new Float64Array(nodeCount);
  const normals = new Float64Array(3 * nodeCount);
  const weights = new Map<number, number>();
  const addWeight = (a: number, b: number, w: number): void => {
    const lo = Math.min(a, b), hi = Math.max(a, b);
    const k = lo * nodeCount + hi;
    weights.set(k, (weights.get(k) ?? 0) + w);
  };
  for (let f = 0; f < t.length; f += 3) {
    const ids = [t[f]!, t[f + 1]!, t[f + 2]!] as const;
    const ax = p[3 * ids[0]]!, ay = p[3 * ids[0] + 1]!, az = p[3 * ids[0] + 2]!;
    const e1x = p[3 * ids[1]]! - ax, e1y = p[3 * ids[1] + 1]! - ay, e1z = p[3 * ids[1] + 2]! - az;
    const e2x = p[3 * ids[2]]! - ax, e2y = p[3 * ids[2] + 1]! - ay, e2z = p[3 * ids[2] + 2]! - az;
    const nx = e1y * e2z - e1z * e2y, ny = e1z * e2x - e1x * e2z, nz = e1x * e2y - e1y * e2x;
    const twiceArea = Math.hypot(nx, ny, nz);
    if (twiceArea < 1e-12) continue;
    for (let k = 0; k < 3; k++) {
      const v = ids[k]!;
      area[v]! += twiceArea / 6;
      normals[3 * v]! += nx;
      normals[3 * v + 1]! += ny;
      normals[3 * v + 2]! += nz;
    }
    // cot at corner k, weighting the opposite edge
    for (let k = 0; k < 3; k++) {
      const o = ids[k]!, i = ids[(k + 1) % 3]!, j = ids[(k + 2) % 3]!;
      const ux = p[3 * i]! - p[3 * o]!, uy = p[3 * i + 1]! - p[3 * o + 1]!, uz = p[3 * i + 2]! - p[3 * o + 2]!;
      const vx = p[3 * j]! - p[3 * o]!, vy = p[3 * j + 1]! - p[3 * o + 1]!, vz = p[3 * j + 2]! - p[3 * o + 2]!;
      const dot = ux * vx + uy * vy + uz * vz;
      const cot = dot / twiceArea;
      addWeight(i, j, 0.5 * Math.min(MAX_COT, Math.max(0, cot)));
    }
  }
  // Orientation: the generated meshes should wind outward, but a flipped export must not turn every normal
  // inward. Decide globally by the majority pointing away from the centroid.
  let cx = 0, cy = 0, cz = 0;
  for (let v = 0; v < nodeCount; v++) {
    cx += p[3 * v]!;
    cy += p[3 * v + 1]!;
    cz += p[3 * v + 2]!;
  }
  cx /= Math.max(1, nodeCount);
  cy /= Math.max(1, nodeCount);
  cz /= Math.max(1, nodeCount);
  let outward = 0;
  for (let v = 0; v < nodeCount; v++) {
    const len = Math.hypot(normals[3 * v]!, normals[3 * v + 1]!, normals[3 * v + 2]!) || 1;
    normals[3 * v]! /= len;
    normals[3 * v + 1]! /= len;
    normals[3 * v + 2]! /= len;
    const d =
      normals[3 * v]! * (p[3 * v]! - cx) + normals[3 * v + 1]! * (p[3 * v + 1]! - cy) + normals[3 * v + 2]! * (p[3 * v + 2]! - cz);
    outward += d > 0 ? 1 : -1;
  }
  if (outward < 0) for (let k = 0; k < normals.length; k++) normals[k] = -normals[k]!;

  const m = weights.size;
  const edgeA = new Int32Array(m), edgeB = new Int32Array(m), edgeWeight = new Float64Array(m);
  let e = 0;
  for (const [k, w] of weights) {
    edgeA[e] = Math.floor(k / nodeCount);
    edgeB[e] = k % nodeCount;
    edgeWeight[e] = w;
    e++;
  }
  return { edgeA, edgeB, edgeWeight, area, normals };
}


/**
 * Vertex-clustering simplification for the SIMULATION mesh: vertices are binned into cubic cells of `cellMm`,
 * each cell becomes a node at the mean of its vertices, triangles that keep three distinct cells survive.
 * Why: the mechanics vary over several millimetres (decay lengths ≥ 4 mm), while the render mesh is denser
 * than that; solving on a ~3–4 mm lattice keeps the factorisation well inside the precompute budget whatever
 * the exported resolution. Render vertices get their displacement back through a smooth interpolation over
 * their own node and its neighbours (topologically local, so lips or eyelids never borrow from the other side
 * of a gap wider than a cell).
 */
export function clusterMesh(positions: Float32Array, indices: Uint32Array, cellMm: number): ClusteredMesh {
  const n = positions.length / 3;
  const vertexToNode = new Int32Array(n);
  const key = new Map<number, number>();
  const sums: number[] = [];
  const counts: number[] = [];
  // Cell keys from integer coordinates; offsets keep them positive for heads within ±2 m.
  for (let v = 0; v < n; v++) {
    const cx = Math.floor(positions[3 * v]! / cellMm) + 1024;
    const cy = Math.floor(positions[3 * v + 1]! / cellMm) + 1024;
    const cz = Math.floor(positions[3 * v + 2]! / cellMm) + 1024;
    const k = (cx * 2048 + cy) * 2048 + cz;
    let node = key.get(k);
    if (node === undefined) {
      node = counts.length;
      key.set(k, node);
      sums.push(0, 0, 0);
      counts.push(0);
    }
    vertexToNode[v] = node;
    sums[3 * node]! += positions[3 * v]!;
    sums[3 * node + 1]! += positions[3 * v + 1]!;
    sums[3 * node + 2]! += positions[3 * v + 2]!;
    counts[node]!++;
  }
  const nodeCount = counts.length;
  const nodePos = new Float64Array(3 * nodeCount);
  for (let k = 0; k < nodeCount; k++) {
    for (let a = 0; a < 3; a++) nodePos[3 * k + a] = sums[3 * k + a]! / counts[k]!;
  }
  const seen = new Set<number>();
  const tris: number[] = [];
  const adjacency: Array<Set<number>> = Array.from({ length: nodeCount }, () => new Set<number>());
  for (let t = 0; t + 2 < indices.length; t += 3) {
    const a = vertexToNode[indices[t]!]!, b = vertexToNode[indices[t + 1]!]!, c = vertexToNode[indices[t + 2]!]!;
    if (a === b || b === c || a === c) {
      // A collapsed triangle still tells us which clusters touch.
      const link = (u: number, w: number): void => {
        if (u === w) return;
        adjacency[u]!.add(w);
        adjacency[w]!.add(u);
      };
      link(a, b);
      link(b, c);
      link(a, c);
      continue;
    }
    const lo = Math.min(a, b, c), hi = Math.max(a, b, c), mid = a + b + c - lo - hi;
    const triKey = (lo * nodeCount + mid) * nodeCount + hi;
    if (seen.has(triKey)) continue;
    seen.add(triKey);
    tris.push(a, b, c);
    adjacency[a]!.add(b).add(c);
    adjacency[b]!.add(a).add(c);
    adjacency[c]!.add(a).add(b);
  }
  const sigma2 = 2 * (0.6 * cellMm) ** 2;
  const interpStart = new Int32Array(n + 1);
  const interpNode: number[] = [];
  const interpWeight: number[] = [];
  for (let v = 0; v < n; v++) {
    const own = vertexToNode[v]!;
    const candidates = [own, ...adjacency[own]!];
    let total = 0;
    const start = interpNode.length;
    for (const c of candidates) {
      const d2 = (positions[3 * v]! - nodePos[3 * c]!) ** 2 + (positions[3 * v + 1]! - nodePos[3 * c + 1]!) ** 2 + (positions[3 * v + 2]! - nodePos[3 * c + 2]!) ** 2;
      const w = Math.exp(-d2 / sigma2);
      if (w < 1e-3 && c !== own) continue;
      interpNode.push(c);
      interpWeight.push(w);
      total += w;
    }
    for (let k = start; k < interpNode.length; k++) interpWeight[k]! /= total || 1;
    interpStart[v + 1] = interpNode.length;
  }
  return {
    positions: nodePos,
    vertexToNode,
    triangles: Int32Array.from(tris),
    nodeCount,
    interpStart,
    interpNode: Int32Array.from(interpNode),
    interpWeight: Float32Array.from(interpWeight),
  };
}
