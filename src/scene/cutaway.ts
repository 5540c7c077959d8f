// The cutaway window over the cheek and temple (core/procedures/cutaway.ts) on the GPU: each skin and fat vertex
// carries its depth inside the window (mm) as the attribute `cutDepth`, and the fragment shader drops what lies
// deeper than the material's threshold and paints a thin band at the cut edge. Lowering the threshold from the
// window's deepest point to 0 opens the window from its centre outward (the peel). The attribute moves with the
// vertex, so the window stays on the same tissue while the engine deforms it.
// Loaded on first use (HeadScene): the patient's page needs it only once a step shows what is under the skin.
import { BufferAttribute, Color, type BufferGeometry, type Material, type MeshStandardMaterial } from 'three';
import { CUTAWAY_FAT_INSET_MM, cutawayDepth } from '../core/procedures/cutaway.ts';
import { MM_PER_GLTF_UNIT, type HeadData } from '../core/anatomy/headData.ts';
import type { HeadAsset, MeshName } from './headAsset.ts';
import { addShaderPatch } from './shaderPatch.ts';

/** Width of the painted cut edge, mm (design choice: reads as the thickness of the cut layer). */
const EDGE_MM = 1.6;
/** Threshold of a closed window: deeper than any point of the face. */
const CLOSED = 1e4;

/** Colours of the cut surfaces: dermis (deeper than the skin tone) and fat (deeper than the fat's). */
const CUT_EDGE = { skin: '#b5766a', fat: '#c99a2e' } as const;

interface CutawayUniform {
  /** Fragments deeper inside the window than this (mm) are cut away. */
  readonly threshold: { value: number };
}

/** Make a material cut-away-able; `edge` colours the cut surface. Returns the threshold to animate. */
function enableCutaway(material: MeshStandardMaterial, edge: string): CutawayUniform {
  // Once per material: a material kept for the next head drawn (Viewer.tsx) is rigged again for its geometry.
  const existing = material.userData.cutaway as CutawayUniform | undefined;
  if (existing) return existing;
  const uniforms = { cutThreshold: { value: CLOSED }, cutEdgeColor: { value: new Color(edge) } };
  // Another patch already on the material (the skin's creases, creaseShading.ts) runs first and stays.
  addShaderPatch(material, 'cutaway', (shader) => {
    Object.assign(shader.uniforms, uniforms);
    shader.vertexShader = shader.vertexShader
      .replace('#include <common>', 'attribute float cutDepth;\nvarying float vCutDepth;\n#include <common>')
      .replace('#include <begin_vertex>', '#include <begin_vertex>\nvCutDepth = cutDepth;');
    shader.fragmentShader = shader.fragmentShader
      .replace('#include <common>', 'uniform float cutThreshold;\nuniform vec3 cutEdgeColor;\nvarying float vCutDepth;\n#include <common>')
      .replace(
        '#include <clipping_planes_fragment>',
        `#include <clipping_planes_fragment>\nif (vCutDepth > cutThreshold) discard;`,
      )
      .replace(
        '#include <color_fragment>',
        `#include <color_fragment>\nif (vCutDepth > cutThreshold - ${EDGE_MM.toFixed(2)}) diffuseColor.rgb = cutEdgeColor;`,
      );
  });
  const handle: CutawayUniform = { threshold: uniforms.cutThreshold };
  material.userData.cutaway = handle;
  return handle;
}

const depths = new WeakMap<BufferGeometry, { attribute: BufferAttribute; deepest: number }>();

/**
 * Give a displayed geometry the window depth of its rest shape (`source`: the asset's pristine geometry, whose
 * vertex i is the displayed vertex i). Computed once per source and shared by every view.
 */
function attachCutDepth(head: HeadData, source: BufferGeometry, shown: BufferGeometry): number {
  let entry = depths.get(source);
  if (!entry) {
    const depth = cutawayDepth(head, source.getAttribute('position').array, MM_PER_GLTF_UNIT);
    entry = { attribute: new BufferAttribute(depth, 1), deepest: depth.reduce((a, b) => Math.max(a, b), 0) };
    depths.set(source, entry);
  }
  if (shown.getAttribute('cutDepth') !== entry.attribute) shown.setAttribute('cutDepth', entry.attribute);
  return entry.deepest;
}

/** Threshold at peel `amount` (0 closed … 1 open) for a window that ends `openAt` mm inside its outline. */
function cutThreshold(amount: number, deepest: number, openAt: number): number {
  if (amount <= 0) return CLOSED;
  const e = amount >= 1 ? 1 : amount * amount * (3 - 2 * amount);
  return (1 - e) * (deepest + EDGE_MM) + e * openAt;
}

export interface CutawayRig {
  /** The displayed geometries it was set up on. */
  readonly for: Partial<Record<MeshName, BufferGeometry>>;
  /** Set the peel: 0 closed … 1 open; the fat opens (a little smaller) only when `fat` is true. */
  readonly set: (amount: number, fat: boolean) => void;
}

/** Set up the cutaway on a view's skin and fat: shader patch on their materials, window depth on their vertices. */
export function rigCutaway(
  asset: HeadAsset,
  deformed: Partial<Record<MeshName, BufferGeometry>>,
  materials: Record<MeshName, Material>,
): CutawayRig {
  const skin = enableCutaway(materials.skin as MeshStandardMaterial, CUT_EDGE.skin);
  const fat = enableCutaway(materials.fat as MeshStandardMaterial, CUT_EDGE.fat);
  // The per-view deformed copies and the pristine light skin, which share the skin material.
  const deepest = { skin: 0, fat: 0 };
  for (const name of ['skin', 'skin_lod', 'fat'] as const) {
    const source = asset.geometries[name];
    if (!source) continue;
    const d = attachCutDepth(asset.data, source, deformed[name] ?? source);
    if (name === 'fat') deepest.fat = d;
    else deepest.skin = Math.max(deepest.skin, d);
  }
  return {
    for: deformed,
    set: (amount, withFat) => {
      skin.threshold.value = cutThreshold(amount, deepest.skin, 0);
      fat.threshold.value = cutThreshold(withFat ? amount : 0, deepest.fat, CUTAWAY_FAT_INSET_MM);
    },
  };
}
