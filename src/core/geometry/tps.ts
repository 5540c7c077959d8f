// Moved from scripts/model/tps.ts (the photo feature fits the head at run time; one copy serves both).
// A small 3D thin-plate spline (biharmonic kernel U(r) = r), as used in template-based facial reconstruction to
// warp a reference skull onto target landmarks. Deterministic: plain Gaussian elimination with partial pivoting.
/** A point, mm (or any length unit used consistently). */
export type V3 = readonly [number, number, number];

export interface Tps {
  /** Maps a source point to the warped point. */
  apply(p: V3): [number, number, number];
  /**
   * Maps many points at once: n × xyz in, n × xyz out (same units). Equal to `apply` point by point up to rounding
   * (≈ 1e-12 mm), several times faster: the photo fit moves every vertex of every layer through it.
   */
  applyMany(points: ArrayLike<number>): Float32Array;
  /** Source control points. */
  readonly sources: readonly V3[];
}

/** Solves A x = B in place (A n×n row-major, B n×m); throws on a singular system. */
export function solveLinear(A: Float64Array, B: Float64Array, n: number, m: number): Float64Array {
  for (let c = 0; c < n; c++) {
    let piv = c;
    for (let r = c + 1; r < n; r++) if (Math.abs(A[r * n + c]!) > Math.abs(A[piv * n + c]!)) piv = r;
    if (Math.abs(A[piv * n + c]!) < 1e-12) throw new Error(`thin-plate spline: singular system (column ${c}); are control points coplanar or repeated?`);
    if (piv !== c) {
      for (let k = 0; k < n; k++) [A[c * n + k], A[piv * n + k]] = [A[piv * n + k]!, A[c * n + k]!];
      for (let k = 0; k < m; k++) [B[c * m + k], B[piv * m + k]] = [B[piv * m + k]!, B[c * m + k]!];
    }
    const d = A[c * n + c]!;
    for (let r = c + 1; r < n; r++) {
      const f = A[r * n + c]! / d;
      if (f === 0) continue;
      for (let k = c; k < n; k++) A[r * n + k] = A[r * n + k]! - f * A[c * n + k]!;
      for (let k = 0; k < m; k++) B[r * m + k] = B[r * m + k]! - f * B[c * m + k]!;
    }
  }
  const X = new Float64Array(n * m);
  for (let r = n - 1; r >= 0; r--)
    for (let k = 0; k < m; k++) {
      let s = B[r * m + k]!;
      for (let c = r + 1; c < n; c++) s -= A[r * n + c]! * X[c * m + k]!;
      X[r * m + k] = s / A[r * n + r]!;
    }
  return X;
}

/**
 * Fits the thin-plate spline f with f(sources[i]) ≈ targets[i]: f(p) = a0 + A p + Σ w_i |p − s_i|.
 * `regularization` λ ≥ 0 (units of the kernel, i.e. length) trades exact interpolation for smoothness: 0 interpolates.
 * Needs ≥ 4 non-coplanar sources. Throws if the lengths differ or the system is singular.
 */
export function fitTps(sources: readonly V3[], targets: readonly V3[], regularization = 0): Tps {
  const n = sources.length;
  if (targets.length !== n) throw new Error(`thin-plate spline: ${n} sources but ${targets.length} targets`);
  if (n < 4) throw new Error('thin-plate spline: needs at least 4 control points');
  const N = n + 4;
  const A = new Float64Array(N * N);
  const B = new Float64Array(N * 3);
  for (let i = 0; i < n; i++) {
    const s = sources[i]!;
    for (let j = 0; j < n; j++) {
      const t = sources[j]!;
      A[i * N + j] = Math.hypot(s[0] - t[0], s[1] - t[1], s[2] - t[2]);
    }
    // U(r) = r is conditionally NEGATIVE definite in 3D (−r is the positive-definite form), so smoothing subtracts λ
    A[i * N + i] = -regularization;
    const row = [1, s[0], s[1], s[2]];
    for (let k = 0; k < 4; k++) {
      A[i * N + n + k] = row[k]!;
      A[(n + k) * N + i] = row[k]!;
    }
    for (let k = 0; k < 3; k++) B[i * 3 + k] = targets[i]![k]!;
  }
  const X = solveLinear(A, B, N, 3);
  const w = X.subarray(0, n * 3);
  const a = X.subarray(n * 3);
  const flat = new Float64Array(n * 3);
  sources.forEach((s, i) => flat.set(s, i * 3));
  return {
    sources,
    applyMany(points) {
      const count = Math.floor(points.length / 3);
      const out = new Float32Array(count * 3);
      for (let v = 0; v < count; v++) {
        const x = points[v * 3]!, y = points[v * 3 + 1]!, z = points[v * 3 + 2]!;
        let ox = a[0]! + a[3]! * x + a[6]! * y + a[9]! * z;
        let oy = a[1]! + a[4]! * x + a[7]! * y + a[10]! * z;
        let oz = a[2]! + a[5]! * x + a[8]! * y + a[11]! * z;
        for (let i = 0; i < n; i++) {
          const dx = x - flat[i * 3]!, dy = y - flat[i * 3 + 1]!, dz = z - flat[i * 3 + 2]!;
          const r = Math.sqrt(dx * dx + dy * dy + dz * dz);
          ox += w[i * 3]! * r;
          oy += w[i * 3 + 1]! * r;
          oz += w[i * 3 + 2]! * r;
        }
        out[v * 3] = ox;
        out[v * 3 + 1] = oy;
        out[v * 3 + 2] = oz;
      }
      return out;
    },
    apply(p) {
      const out: [number, number, number] = [0, 0, 0];
      for (let k = 0; k < 3; k++) out[k] = a[k]! + a[3 + k]! * p[0] + a[6 + k]! * p[1] + a[9 + k]! * p[2];
      for (let i = 0; i < n; i++) {
        const s = sources[i]!;
        const r = Math.hypot(p[0] - s[0], p[1] - s[1], p[2] - s[2]);
        for (let k = 0; k < 3; k++) out[k] = out[k]! + w[i * 3 + k]! * r;
      }
      return out;
    },
  };
}
