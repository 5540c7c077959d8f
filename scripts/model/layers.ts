// Soft-tissue layer sheets derived from the skin, the bone fields, ligament bands and eyeballs.
import {
  BONE_DEPTH,
  DTF_DEPTH,
  EYEBALL_RADIUS,
  IRIS_RADIUS,
  LIGAMENT_BAND_WIDTH,
  SKIN_THICKNESS_CHEEK,
  SKIN_THICKNESS_TEMPLE,
  SMAS_DEPTH_BUCCAL,
  SMAS_DEPTH_LATERAL_NECK,
  SMAS_DEPTH_PREMASSETERIC,
  TPF_DEPTH_TEMPLE,
} from '../../src/core/anatomy/dimensions.ts';
import type { LandmarkId } from '../../src/core/anatomy/landmarks.ts';
import { type V3, add, clamp, compact, cross, lerp, mix3, norm, scale, smax, smoothstep, sub, sdSphere, vertexNormals } from './geom.ts';
import type { HeadField } from './head-sdf.ts';
import type { Landmarks } from './anatomy-map.ts';

export interface Sheet {
  positions: Float32Array;
  indices: Uint32Array;
  /** index of the source skin vertex per sheet vertex */
  source: Uint32Array;
}

/** Keeps the triangles whose three vertices pass `keep`, then offsets each vertex inward by depth(p). */
export function offsetSheet(positions: Float32Array, indices: Uint32Array, keep: (i: number) => boolean, depth: (i: number) => number): Sheet {
  const normals = vertexNormals(positions, indices);
  const tri: number[] = [];
  for (let t = 0; t < indices.length; t += 3) {
    const a = indices[t]!, b = indices[t + 1]!, c = indices[t + 2]!;
    if (keep(a) && keep(b) && keep(c)) tri.push(a, b, c);
  }
  const c = compact(positions, trimSpikes(Uint32Array.from(tri)));
  for (let i = 0; i < c.source.length; i++) {
    const s = c.source[i]!;
    const d = depth(s);
    for (let k = 0; k < 3; k++) c.positions[i * 3 + k] = positions[s * 3 + k]! - normals[s * 3 + k]! * d;
  }
  smoothBorder(c.positions, c.indices, 10);
  return { positions: c.positions, indices: c.indices, source: c.source };
}

const edgeKey = (a: number, b: number): number => (a < b ? a * 4194304 + b : b * 4194304 + a);

/** Drops triangles that stick out of a sheet's border (two or three border edges), a few passes. */
function trimSpikes(indices: Uint32Array): Uint32Array {
  let idx = indices;
  for (let pass = 0; pass < 3; pass++) {
    const use = new Map<number, number>();
    for (let t = 0; t < idx.length; t += 3)
      for (let e = 0; e < 3; e++) {
        const k = edgeKey(idx[t + e]!, idx[t + ((e + 1) % 3)]!);
        use.set(k, (use.get(k) ?? 0) + 1);
      }
    const keep: number[] = [];
    for (let t = 0; t < idx.length; t += 3) {
      let border = 0;
      for (let e = 0; e < 3; e++) if (use.get(edgeKey(idx[t + e]!, idx[t + ((e + 1) % 3)]!)) === 1) border++;
      if (border < 2) keep.push(idx[t]!, idx[t + 1]!, idx[t + 2]!);
    }
    if (keep.length === idx.length) break;
    idx = Uint32Array.from(keep);
  }
  return idx;
}

/** Smooths the sheet's open border as a curve (each border vertex toward the mean of its two border neighbours). */
function smoothBorder(positions: Float32Array, indices: Uint32Array, iterations: number): void {
  const use = new Map<number, number>();
  for (let t = 0; t < indices.length; t += 3)
    for (let e = 0; e < 3; e++) {
      const k = edgeKey(indices[t + e]!, indices[t + ((e + 1) % 3)]!);
      use.set(k, (use.get(k) ?? 0) + 1);
    }
  const nb = new Map<number, number[]>();
  for (let t = 0; t < indices.length; t += 3)
    for (let e = 0; e < 3; e++) {
      const a = indices[t + e]!, b = indices[t + ((e + 1) % 3)]!;
      if (use.get(edgeKey(a, b)) !== 1) continue;
      if (!nb.has(a)) nb.set(a, []);
      if (!nb.has(b)) nb.set(b, []);
      nb.get(a)!.push(b);
      nb.get(b)!.push(a);
    }
  const verts = [...nb.keys()].filter((v) => nb.get(v)!.length === 2).sort((a, b) => a - b);
  const next = new Float32Array(verts.length * 3);
  for (let it = 0; it < iterations; it++) {
    verts.forEach((v, j) => {
      const [a, b] = nb.get(v)!;
      for (let k = 0; k < 3; k++) next[j * 3 + k] = 0.5 * positions[v * 3 + k]! + 0.25 * (positions[a! * 3 + k]! + positions[b! * 3 + k]!);
    });
    verts.forEach((v, j) => {
      for (let k = 0; k < 3; k++) positions[v * 3 + k] = next[j * 3 + k]!;
    });
  }
}

/** Skin surface → SMAS/TPF/platysma depth (mm) by region. Values from the sheet §1.2 (see dimensions.ts). */
export function smasDepth(p: V3, lm: Landmarks): number {
  const ax = Math.abs(p[0]);
  const temple = smoothstep(-2, 10, p[1]) * smoothstep(40, 55, ax);
  const neck = smoothstep(lm.menton[1] + 10, lm.menton[1] - 15, p[1]);
  const buccal = smoothstep(60, 40, ax); // anterior cheek (buccal) vs lateral (premasseteric)
  const cheek = lerp(SMAS_DEPTH_PREMASSETERIC, SMAS_DEPTH_BUCCAL, buccal);
  return lerp(lerp(cheek, SMAS_DEPTH_LATERAL_NECK, neck), TPF_DEPTH_TEMPLE, temple);
}

export function skinThickness(p: V3): number {
  const temple = smoothstep(-2, 10, p[1]);
  return lerp(SKIN_THICKNESS_CHEEK, SKIN_THICKNESS_TEMPLE, temple);
}

/**
 * SMAS / superficial-fascia extent (sheet §1.3): posteriorly to the parotid/preauricular skin, anteriorly to the
 * lateral border of zygomaticus major / orbicularis oculi (≈ a line from the lateral orbit to lateral of the
 * nasolabial fold), inferiorly continuous with the platysma, superiorly continuous with the TPF over the temple
 * (the continuity is disputed, sheet §8.1; we draw the continuous variant). Returns 1 inside.
 */
export function smasExtent(p: V3, lm: Landmarks): number {
  const ax = Math.abs(p[0]);
  const side = p[0] >= 0 ? 'l' : 'r';
  const nlfLow = lm[`nasolabial-fold-lower-${side}` as LandmarkId];
  const lc = lm[`lateral-canthus-${side}` as LandmarkId];
  // anterior border: lateral of a line from the lateral canthus (+6 mm) down to 6 mm lateral of the lower fold
  const t = clamp((lc[1] - p[1]) / (lc[1] - nlfLow[1]), 0, 1);
  const borderX = lerp(Math.abs(lc[0]) + 6, Math.abs(nlfLow[0]) + 6, t);
  const anterior = p[1] < lc[1] ? ax - borderX : ax - (Math.abs(lc[0]) + 8);
  const belowChin = p[1] < lm.menton[1] + 8 ? 1 : 0; // platysma wraps under the jaw
  const lateralFace = anterior > 0 || belowChin > 0 ? 1 : 0;
  const posterior = p[2] > -18 ? 1 : 0;
  const top = p[1] < 78 ? 1 : 0;
  // the SMAS over the parotid reaches the preauricular skin: only the auricle is left out, with 4 mm of skin in
  // front of its tragal plane at the tragus and none below it, over the parotid in front of the lobule (10 mm left
  // the sheet short of the cheek's lateral edge once the bulge in front of the lobe was removed, and the Smile
  // lift's lateral loop found nothing to grip at a vertical vector). Design choice.
  const earFront = p[1] < -8 ? 0 : 4;
  const notEar = !(ax > 66 && p[2] < earFront && p[2] > -45 && p[1] > -40 && p[1] < 42);
  const neckFront = p[1] < lm.menton[1] ? Math.abs(p[0]) > 6 || p[1] > -150 : true;
  return lateralFace && posterior && top && notEar && neckFront && p[1] > -170 ? 1 : 0;
}

/** Deep temporal fascia extent: temporal fossa above the arch, behind the lateral orbital rim. Design choice. */
export function dtfExtent(p: V3): number {
  const ax = Math.abs(p[0]);
  return ax > 45 && p[1] > 4 && p[1] < 72 && p[2] > -30 && p[2] < 62 && !(ax > 66 && p[2] < 8 && p[1] < 36) ? 1 : 0;
}
export const dtfDepth = (): number => DTF_DEPTH;

/** Soft-tissue thickness to bone. Design choice: not sourced (see BONE_DEPTH). */
export function boneDepth(p: V3, field: HeadField): number {
  const ax = Math.abs(p[0]);
  const y = p[1], z = p[2];
  const B = BONE_DEPTH;
  const eyeY = field.eyes[0].center[1];
  let t: number = B.scalp;
  if (z > 40) t = lerp(B.scalp, B.forehead, smoothstep(40, 70, z));
  // temple: temporalis muscle lies between DTF and bone
  t = lerp(t, B.temple, smoothstep(44, 58, ax) * smoothstep(-4, 10, y) * (1 - smoothstep(55, 75, y)) * smoothstep(-40, -20, z));
  // zygoma/cheek/lips/chin below the eyes
  const lowFace = smoothstep(eyeY - 2, eyeY - 14, y) * smoothstep(20, 45, z);
  const midCheek = lerp(B.zygoma, B.cheek, smoothstep(-5, -30, y));
  const lower = y < -45 ? lerp(B.lip, B.chin, smoothstep(-60, -85, y)) : midCheek;
  t = lerp(t, ax < 28 && y < -30 ? lower : lerp(lower, B.jaw, smoothstep(28, 50, ax)), lowFace);
  // nose: cartilage, not bone
  const nose = (1 - smoothstep(10, 20, ax)) * smoothstep(18, 8, y) * smoothstep(-40, -28, y) * smoothstep(90, 100, z);
  t = lerp(t, B.nose, nose);
  return t;
}

export interface BoneFields {
  skull: (x: number, y: number, z: number, head: number) => number;
  mandible: (x: number, y: number, z: number, head: number) => number;
}

/** Bone as offsets of the head field (head + soft-tissue depth), cut into a cranium-with-maxilla and a mandible. */
export function boneFields(field: HeadField, lm: Landmarks): BoneFields {
  const menY = lm.menton[1];
  const angle = lm['mandibular-angle-l'];
  const occlusal = (z: number): number => lerp(-30, lm.stomion[1] + 3, smoothstep(-20, 60, z));
  const skull = (x: number, y: number, z: number, head: number): number => {
    const p: V3 = [x, y, z];
    let d = head + boneDepth(p, field);
    d = smax(d, occlusal(z) - y, 3);
    for (const e of field.eyes) d = smax(d, -sdSphere(x, y, z, add(e.center, [0, 1, 3]), 17), 4);
    return d;
  };
  const mandible = (x: number, y: number, z: number, head: number): number => {
    const p: V3 = [x, y, z];
    const t = boneDepth(p, field);
    const outer = head + t;
    const shell = smax(outer, -(outer + 9), 1);
    const ax = Math.abs(x);
    // inferior border: menton → gonion
    const borderY = lerp(menY + 6, angle[1] + 2, smoothstep(70, 5, z));
    let d = smax(shell, borderY - y, 2);
    // top: below the occlusal plane for the body; rami rise to the condyle just in front of the tragus
    const ramus = smoothstep(36, 46, ax);
    const topY = lerp(occlusal(z) - 3, -6, ramus * smoothstep(45, 25, z));
    d = smax(d, y - topY, 2);
    d = smax(d, -4 - z, 2); // posterior border of the ramus
    return d;
  };
  return { skull, mandible };
}

/** A flat band (closed box) from a to b, `width` wide, 1.6 mm thick, width direction ⟂ to ab and to `across`. */
export function band(a: V3, b: V3, width: number, across: V3): { positions: number[]; indices: number[] } {
  const axis = norm(sub(b, a));
  const w = norm(cross(axis, across));
  const t = norm(cross(axis, w));
  const hw = width / 2, ht = 0.8;
  const pos: number[] = [];
  for (const end of [a, b])
    for (const [sw, st] of [
      [-1, -1],
      [1, -1],
      [1, 1],
      [-1, 1],
    ] as const)
      pos.push(...add(end, add(scale(w, sw * hw), scale(t, st * ht))));
  const idx = [0, 2, 1, 0, 3, 2, 4, 5, 6, 4, 6, 7, 0, 1, 5, 0, 5, 4, 1, 2, 6, 1, 6, 5, 2, 3, 7, 2, 7, 6, 3, 0, 4, 3, 4, 7];
  return { positions: pos, indices: idx };
}

export function ligamentMesh(lm: Landmarks): { positions: Float32Array; indices: Uint32Array } {
  const pos: number[] = [];
  const idx: number[] = [];
  const names = ['zygomatic-ligament', 'upper-masseteric-ligament', 'mandibular-ligament', 'orbital-retaining-ligament'];
  for (const side of ['l', 'r'])
    for (const n of names) {
      const o = lm[`${n}-origin-${side}` as LandmarkId];
      const i = lm[`${n}-insertion-${side}` as LandmarkId];
      const across: V3 = n === 'orbital-retaining-ligament' ? [0, 1, 0] : [0, 0, 1];
      const b = band(o, i, LIGAMENT_BAND_WIDTH * (n === 'orbital-retaining-ligament' ? 1.6 : 1), across);
      const base = pos.length / 3;
      pos.push(...b.positions);
      idx.push(...b.indices.map((k) => k + base));
    }
  return { positions: Float32Array.from(pos), indices: Uint32Array.from(idx) };
}

/** Two UV-sphere eyeballs with sclera / iris / pupil vertex colours. */
export function eyeMesh(field: HeadField): { positions: Float32Array; indices: Uint32Array; colors: Float32Array } {
  const pos: number[] = [];
  const col: number[] = [];
  const idx: number[] = [];
  const rings = 36, segs = 32;
  for (const e of field.eyes) {
    const base = pos.length / 3;
    const f = e.forward, r = e.right, u = e.up;
    for (let i = 0; i <= rings; i++) {
      const th = Math.pow(i / rings, 1.5) * Math.PI; // 0 at the front pole; rings denser over the iris
      for (let j = 0; j <= segs; j++) {
        const ph = (j / segs) * Math.PI * 2;
        const dir = add(scale(f, Math.cos(th)), add(scale(r, Math.sin(th) * Math.cos(ph)), scale(u, Math.sin(th) * Math.sin(ph))));
        // slight corneal bulge over the iris
        const rad = EYEBALL_RADIUS + 0.9 * Math.max(0, Math.cos(th) - 0.85) / 0.15;
        pos.push(...add(e.center, scale(dir, rad)));
        const ring = EYEBALL_RADIUS * Math.sin(th);
        const front = Math.cos(th) > 0;
        // design choices: a soft off-white sclera, a dark brown East Asian iris (the pupil barely stands out from
        // it, so the eye does not stare) darkening to a limbal ring at its edge
        let c: V3 = [0.8, 0.76, 0.72];
        if (front && ring < IRIS_RADIUS + 0.5) {
          const t = ring / IRIS_RADIUS;
          c = ring < 1.7 ? [0.022, 0.017, 0.015] : t < 0.85 ? mix3([0.07, 0.045, 0.032], [0.12, 0.075, 0.048], (t - 0.29) / 0.56) : mix3([0.06, 0.04, 0.03], [0.5, 0.45, 0.42], smoothstep(1, 1.08, t));
        }
        col.push(...c);
      }
    }
    for (let i = 0; i < rings; i++)
      for (let j = 0; j < segs; j++) {
        const a = base + i * (segs + 1) + j, b = a + segs + 1;
        if (i !== 0) idx.push(a, b, a + 1);
        if (i !== rings - 1) idx.push(a + 1, b, b + 1);
      }
  }
  // orient triangles outward
  const P = (k: number): V3 => [pos[k * 3]!, pos[k * 3 + 1]!, pos[k * 3 + 2]!];
  for (let t = 0; t < idx.length; t += 3) {
    const a = P(idx[t]!), b = P(idx[t + 1]!), c = P(idx[t + 2]!);
    const e = field.eyes[a[0] > 0 ? 0 : 1];
    const n = cross(sub(b, a), sub(c, a));
    const out = sub(a, e.center);
    if (n[0] * out[0] + n[1] * out[1] + n[2] * out[2] < 0) {
      const tmp = idx[t + 1]!;
      idx[t + 1] = idx[t + 2]!;
      idx[t + 2] = tmp;
    }
  }
  return { positions: Float32Array.from(pos), indices: Uint32Array.from(idx), colors: Float32Array.from(col) };
}
