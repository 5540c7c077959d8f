// Warm-up of the GPU programs a consult's steps will need. A program is compiled the first time something is drawn
// with it: 0.2–0.5 s of the page's thread in software WebGL, tens of ms on a GPU, so the first step that opens the
// cutaway onto the SMAS stalled, and so did the result's before-contour. Once the head is drawn and the page is idle
// (HeadScene), the cutaway is rigged, closed (nothing changes on screen), and every layer's program, the cutaway's
// skin and the contour's are compiled in a scene of their own that is never drawn. With KHR_parallel_shader_compile
// (GPU browsers) the compile runs off the page's thread altogether (compileAsync).
import { BufferAttribute, BufferGeometry, Mesh, Scene, type Camera, type Material, type WebGLRenderer } from 'three';
import { rigCutaway, type CutawayRig } from './cutaway.ts';
import type { HeadAsset, MeshName } from './headAsset.ts';
import { createContourLineMaterial, keptMaterial } from './materials.ts';

/** Performance measure spanning each canvas's warm-up compile (DevTools; the bench waits for it). */
export const WARM_UP_MEASURE = 'lift:warm-up';

/**
 * Rigs the cutaway on `materials` (closed) and compiles, for `scene`'s lights, the programs of `meshes` (each layer's
 * geometry and material: hidden layers included) and of the before-contour's ribbons. Returns the rig for HeadScene to
 * keep. The compile resolves later; a measure named WARM_UP_MEASURE spans it.
 */
export function warmUpPrograms(
  gl: WebGLRenderer,
  camera: Camera,
  scene: Scene,
  asset: HeadAsset,
  deformed: Partial<Record<MeshName, BufferGeometry>>,
  materials: Record<MeshName, Material>,
  meshes: readonly (readonly [BufferGeometry | undefined, Material])[],
): CutawayRig {
  // Patched first (once per material): the programs compiled below are the ones the steps will use.
  const rig = rigCutaway(asset, deformed, materials);
  const offstage = new Scene();
  for (const [geometry, material] of meshes) if (geometry) offstage.add(new Mesh(geometry, material));
  // The contour's ribbons (a see-through sheet drawn from both faces: two programs) through a kept twin of their
  // material, which holds the programs for them; positions only, as theirs (normals would make another program).
  const ribbon = new BufferGeometry().setAttribute('position', new BufferAttribute(new Float32Array(9), 3));
  offstage.add(new Mesh(ribbon, keptMaterial('contour-line', createContourLineMaterial)));
  const start = performance.now();
  gl.compileAsync(offstage, camera, scene).then(
    () => {
      // A driver may link lazily (software WebGL does): three then waits for it at the program's first draw, in the
      // step's frame. Asking every program for its uniforms and attributes now waits here, in this idle task.
      for (const program of gl.info.programs ?? []) {
        program.getUniforms();
        program.getAttributes();
      }
      try {
        performance.measure(WARM_UP_MEASURE, { start, end: performance.now() });
      } catch {
        // an old browser without measure options: the figure is for DevTools and the bench only
      }
    },
    () => undefined,
  );
  return rig;
}
