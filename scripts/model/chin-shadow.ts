// The soft shadow where the chin and the jaw meet the neck, baked into the skin's vertex colours at build time.
//
// Why: the app lights the head with hand-placed lights and no shadow maps (src/scene/StudioLights.tsx), so nothing
// darkens the upper neck under the chin. In the front view the only dark there was the chin's underside, seen at a
// grazing angle: a band ≈ 1–4 mm high on screen between the lit chin and the lit neck, which read as a pen stroke
// along the mandibular border (measured on the committed skin: the midline's normal turns 35° within 2.5 mm at the
// menton, and the underside behind it faces straight down, lit by the hemisphere's dark ground colour only). In a
// photograph lit from above-front the chin and the jaw's border cast a soft shadow onto the neck below them, which
// that dark band continues into; this bakes that shadow.
//
// How: from each skin vertex below the jaw's border, rays toward the key light over a cone (an area light, so the
// shadow has a wide penumbra); the fraction the head's own skin blocks darkens the vertex colour. Rays leaving
// below the vertex's own tangent plane are not counted (the lights' own n·l already darkens a surface turned away).
// Pure geometry on the build's meshes; deterministic (a fixed ray set, no randomness).
import { DoubleSide, Ray, Vector3 } from 'three';
import { MeshQuery, type TriangleMesh } from './mesh-query.ts';
import { add, cross, dot, norm, scale, smoothstep, type V3 } from './geom.ts';
import { vertexNormals } from '../../src/core/geometry/surface.ts';

/**
 * The key light's direction (toward the light), the head's frame: src/scene/StudioLights.tsx's key directional
 * light position [0.6, 0.9, 1.2]. Kept in step by tests/unit/model/chin-shadow.test.ts.
 */
export const KEY_LIGHT_DIRECTION: V3 = [0.6, 0.9, 1.2];

/**
 * Design choices: the cone's half-angle (a soft box's size seen from the face: the penumbra's width), rays per
 * vertex, how far an occluder counts (mm: the chin and jaw, not the shoulders' far side) and how much a fully
 * shadowed vertex is darkened (fraction of its colour: the hemisphere and fill lights still reach it).
 */
export const CHIN_SHADOW = { coneHalfAngleDeg: 22, rays: 64, reachMm: 90, darken: 0.6 } as const;

/** Landmarks the region is bounded by (mm, head frame). */
export interface ChinShadowLandmarks {
  readonly menton: readonly number[];
  readonly 'mandibular-angle-l': readonly number[];
}

/**
 * Where the shadow may fall, 0…1: below the mandibular border (a parabola in x from the menton up to the angle of
 * the mandible, plus 4 mm, fading over 10 mm above it) and on the front and sides of the neck (not its back, under
 * the hair). The face above the jaw's border is never changed. Design choices, from the head's landmarks.
 */
export function chinShadowRegion(p: V3, lm: ChinShadowLandmarks): number {
  const me = lm.menton, ang = lm['mandibular-angle-l'];
  const t = Math.min(1, Math.abs(p[0]) / ang[0]!);
  const border = me[1]! + (ang[1]! - me[1]!) * t * t + 4;
  return (1 - smoothstep(border, border + 10, p[1])) * smoothstep(ang[2]! - 40, ang[2]! - 20, p[2]);
}

/** Unit directions over a cone of half-angle `deg` about `axis` (a Fibonacci spiral: even and deterministic). */
export function coneDirections(axis: V3, deg: number, count: number): V3[] {
  const w = norm(axis);
  const u = norm(cross(w, Math.abs(w[0]) < 0.9 ? [1, 0, 0] : [0, 1, 0]));
  const v = cross(w, u);
  const cosMax = Math.cos((deg * Math.PI) / 180);
  const golden = Math.PI * (3 - Math.sqrt(5));
  const out: V3[] = [];
  for (let i = 0; i < count; i++) {
    const c = 1 - ((i + 0.5) / count) * (1 - cosMax); // uniform in solid angle
    const s = Math.sqrt(1 - c * c), phi = i * golden;
    const a = s * Math.cos(phi), b = s * Math.sin(phi);
    out.push(add(add(scale(w, c), scale(u, a)), scale(v, b)));
  }
  return out;
}

/**
 * Per vertex of `mesh`, the factor its colour is multiplied by: 1 − darken × region × (fraction of the key light's
 * cone that `occluder` blocks within reachMm). 1 outside the region. `mesh` and `occluder` in mm, head frame
 * (the occluder is usually the full skin, so the phones' lighter skin copy gets the same shadow).
 */
export function chinShadow(mesh: TriangleMesh, occluder: TriangleMesh, lm: ChinShadowLandmarks): Float32Array {
  const n = mesh.positions.length / 3;
  const out = new Float32Array(n).fill(1);
  const normals = vertexNormals(mesh.positions, mesh.indices);
  const dirs = coneDirections(KEY_LIGHT_DIRECTION, CHIN_SHADOW.coneHalfAngleDeg, CHIN_SHADOW.rays);
  const q = new MeshQuery(occluder);
  const ray = new Ray(new Vector3(), new Vector3(0, 0, 1));
  for (let i = 0; i < n; i++) {
    const p: V3 = [mesh.positions[3 * i]!, mesh.positions[3 * i + 1]!, mesh.positions[3 * i + 2]!];
    const w = chinShadowRegion(p, lm);
    if (w <= 0) continue;
    const nv: V3 = [normals[3 * i]!, normals[3 * i + 1]!, normals[3 * i + 2]!];
    // start just off the surface so the ray does not hit the vertex's own triangles
    const o = add(p, scale(nv, 0.6));
    let counted = 0, blocked = 0;
    for (const d of dirs) {
      if (dot(d, nv) <= 0) continue;
      counted++;
      ray.origin.set(o[0], o[1], o[2]);
      ray.direction.set(d[0], d[1], d[2]);
      const hit = q.bvh.raycastFirst(ray, DoubleSide);
      if (hit && hit.distance < CHIN_SHADOW.reachMm) blocked++;
    }
    if (counted > 0) out[i] = 1 - CHIN_SHADOW.darken * w * (blocked / counted);
  }
  return out;
}
