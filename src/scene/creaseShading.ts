// Wrinkles on the GPU (core/tissue/wrinkles.ts computes where and how deep): the skin material darkens a fine line
// wherever a vertex's crease coordinate crosses a crease, by the crease's current depth. Two vertex attributes carry
// it, for the pattern's two channels — `creasePattern` (per channel: phase in cycles, line half-width in cycles;
// static, shared by every view of a head) and `creaseDepth` (per channel 0…1, rewritten by TissueDeformer whenever
// the deformation changes, never per idle frame) — so the lines move with the tissue and cost no draw call. A
// geometry without them (the light skin, a view not deformed) reads 0 depth: no creases. The attributes are made
// in creases.ts.
import type { MeshStandardMaterial } from 'three';
import { addShaderPatch } from './shaderPatch.ts';

/**
 * How much a crease at full depth darkens the skin at its centre line (fraction of the lit colour). Design choice:
 * enough to read as a fine line on the 50–55-year-old face at sag 1 at 1440×900, not a drawn stroke.
 */
export const CREASE_DARKEN = 0.32;
/** The groove's shadow around the line: this many times the line's width, at this fraction of its darkening. Design choice. */
const CREASE_HALO = 3.0;
const CREASE_HALO_SHADE = 0.5;

/** The material's crease uniform: 1 shows creases, 0 hides them (the heat map shows colours untouched). */
export interface CreaseUniform {
  readonly strength: { value: number };
}

const VERTEX_DECLARE = 'attribute vec4 creasePattern;\nattribute vec2 creaseDepth;\nvarying vec4 vCreasePattern;\nvarying vec2 vCreaseDepth;\n';
const VERTEX_ASSIGN = '\nvCreasePattern = creasePattern;\nvCreaseDepth = creaseDepth;';
// The line: distance from the nearest crease centre (phase ≡ ½) in cycles, against its half-width, with a soft
// (quartic) profile, plus a faint shadow CREASE_HALO times as wide (the groove's sides), so it reads as a crease
// in the skin rather than a drawn stroke. A line thinner than a pixel is drawn a pixel wide and fainter in
// proportion (same ink), so phones show it faint, not broken.
const FRAGMENT_DECLARE = `uniform float creaseStrength;
varying vec4 vCreasePattern;
varying vec2 vCreaseDepth;
float creaseProfile(float dist, float halfWidth, float pixel) {
  float drawn = max(halfWidth, 0.5 * pixel);
  float x = min(1.0, dist / (drawn + 0.5 * pixel));
  return (halfWidth / drawn) * (1.0 - x * x) * (1.0 - x * x);
}
float creaseLine(float phase, float halfWidth) {
  float dist = abs(fract(phase) - 0.5);
  float pixel = fwidth(phase);
  // Lines closer than a few pixels apart (a far zoom) would shimmer as a moiré: they fade out instead.
  float resolved = 1.0 - smoothstep(0.2, 0.4, pixel);
  return resolved * (creaseProfile(dist, halfWidth, pixel) + ${CREASE_HALO_SHADE.toFixed(3)} * creaseProfile(dist, ${CREASE_HALO.toFixed(1)} * halfWidth, pixel));
}
`;
const FRAGMENT_APPLY = `
{
  vec2 creaseAmount = vCreaseDepth * creaseStrength;
  float creaseShade = 0.0;
  if (creaseAmount.x > 0.002) creaseShade += creaseAmount.x * creaseLine(vCreasePattern.x, vCreasePattern.y);
  if (creaseAmount.y > 0.002) creaseShade += creaseAmount.y * creaseLine(vCreasePattern.z, vCreasePattern.w);
  diffuseColor.rgb *= 1.0 - ${CREASE_DARKEN.toFixed(3)} * min(1.0, creaseShade);
}`;

/** Key of the crease patch in a material's program cache key (other patches, e.g. the cutaway, append theirs). */
export const CREASE_PROGRAM_KEY = 'crease';

/**
 * Patches the skin material to draw creases (onBeforeCompile; any patch already on the material runs first).
 * Returns the uniform that turns them on (1, default) and off (0). Idempotent per material.
 */
export function enableCreaseShading(material: MeshStandardMaterial): CreaseUniform {
  const existing = material.userData.crease as CreaseUniform | undefined;
  if (existing) return existing;
  const uniforms = { creaseStrength: { value: 1 } };
  addShaderPatch(material, CREASE_PROGRAM_KEY, (shader) => {
    Object.assign(shader.uniforms, uniforms);
    shader.vertexShader = shader.vertexShader
      .replace('#include <common>', `${VERTEX_DECLARE}#include <common>`)
      .replace('#include <begin_vertex>', `#include <begin_vertex>${VERTEX_ASSIGN}`);
    shader.fragmentShader = shader.fragmentShader
      .replace('#include <common>', `${FRAGMENT_DECLARE}#include <common>`)
      // Before the vertex colours are applied (a product, so the order does not change the colour): a patch that
      // REPLACES the colour after them (the cutaway's cut edge) then wins over the crease.
      .replace('#include <color_fragment>', `${FRAGMENT_APPLY}\n#include <color_fragment>`);
  });
  const handle: CreaseUniform = { strength: uniforms.creaseStrength };
  material.userData.crease = handle;
  return handle;
}
