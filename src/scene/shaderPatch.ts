// Several features patch the skin's built-in shader (the creases, the cutaway). Each patch runs after the ones
// already on the material and adds its own part to the program's cache key, so they stack in any order.
import type { MeshStandardMaterial, WebGLProgramParametersWithUniforms } from 'three';

/**
 * Adds `patch` to `material`'s shader compilation after any patch already there, and `key` to its program cache key
 * (materials with the same patches share one program). Marks the material for recompilation.
 */
export function addShaderPatch(material: MeshStandardMaterial, key: string, patch: (shader: WebGLProgramParametersWithUniforms) => void): void {
  const previous = material.onBeforeCompile;
  const previousKey = material.customProgramCacheKey;
  material.onBeforeCompile = (shader, renderer) => {
    previous.call(material, shader, renderer);
    patch(shader);
  };
  material.customProgramCacheKey = () => `${previousKey.call(material)}|${key}`;
  material.needsUpdate = true;
}
