// Meshes that ride on a deformed layer without being part of the engine (the zygomaticus bellies ride on the SMAS):
// each vertex takes the displacement of the nearest rest vertex of the layer.

/**
 * For every point of `from` (xyz triplets), the index of the nearest point of `to` (both in the same units).
 * Uniform-grid search with cell size `cell`; falls back to growing rings until a point is found. Returns -1 only
 * when `to` is empty.
 */
export function nearestVertexMap(from: Float32Array, to: Float32Array, cell: number): Int32Array {
  const out = new Int32Array(from.length / 3).fill(-1);
  const n = to.length / 3;
  if (n === 0) return out;
  const key = (i: number, j: number, k: number): string => `${i},${j},${k}`;
  const grid = new Map<string, number[]>();
  for (let v = 0; v < n; v++) {
    const k = key(Math.floor(to[v * 3]! / cell), Math.floor(to[v * 3 + 1]! / cell), Math.floor(to[v * 3 + 2]! / cell));
    const list = grid.get(k);
    if (list) list.push(v);
    else grid.set(k, [v]);
  }
  for (let p = 0; p < out.length; p++) {
    const x = from[p * 3]!, y = from[p * 3 + 1]!, z = from[p * 3 + 2]!;
    const ci = Math.floor(x / cell), cj = Math.floor(y / cell), ck = Math.floor(z / cell);
    let best = -1, bestD = Infinity;
    for (let r = 0; r < 64 && (best < 0 || (r - 1) * cell < Math.sqrt(bestD)); r++) {
      for (let i = ci - r; i <= ci + r; i++)
        for (let j = cj - r; j <= cj + r; j++)
          for (let k = ck - r; k <= ck + r; k++) {
            if (Math.max(Math.abs(i - ci), Math.abs(j - cj), Math.abs(k - ck)) !== r) continue;
            for (const v of grid.get(key(i, j, k)) ?? []) {
              const d = (to[v * 3]! - x) ** 2 + (to[v * 3 + 1]! - y) ** 2 + (to[v * 3 + 2]! - z) ** 2;
              if (d < bestD) [best, bestD] = [v, d];
            }
          }
    }
    out[p] = best;
  }
  return out;
}
