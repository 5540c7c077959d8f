// A restrained colour code for the layers. Hues differ AND lightness steps differ, so the layers stay
// distinguishable for colour-blind viewers and in greyscale prints (design choice).
import { DoubleSide, MeshBasicMaterial, MeshStandardMaterial, type Material } from 'three';
import type { MeshName } from './headAsset.ts';
import { enableCreaseShading } from './creaseShading.ts';
import { enableHairShading } from './hairShading.ts';

export const LAYER_COLOURS = {
  skin: '#e3b8a0',
  fat: '#f0cf6e', // light
  smas: '#b5524c', // mid-dark
  deepTemporalFascia: '#8d9fc4',
  bone: '#efe9da', // lightest
  ligaments: '#1f6f8b', // dark, blue: separates from the warm layers for all common CVD types
  muscles: '#7a1f1c', // muscle red, darker than the SMAS so the zygomaticus reads against it in greyscale too
  eyes: '#f4f1ec',
} as const;

/**
 * The skin material's own colour: white, because the head file's vertex colours carry the skin, lip, brow and hair
 * tones (scripts/model/build-head.ts); a tinted material multiplied them into orange. LAYER_COLOURS.skin stays the
 * layer's swatch. Design choice.
 */
export const SKIN_MATERIAL_COLOUR = '#ffffff';

/** Opacity of the before-contour's drawn line (design choice). */
export const CONTOUR_LINE_OPACITY = 0.9;

/** A material for one ribbon of the before-contour (BeforeContour.tsx): dark blue, see-through, both faces. */
export function createContourLineMaterial(): MeshBasicMaterial {
  return new MeshBasicMaterial({ color: '#16324a', side: DoubleSide, transparent: true, opacity: CONTOUR_LINE_OPACITY });
}

const kept = new Map<string, Material>();

/**
 * An overlay material (arrows, incision and thread tubes, knots) made once per page and kept, never disposed: its
 * GPU program then stays in every renderer that drew it, and the next head's overlays (another patient, a photo head,
 * mounted anew) compile nothing — a compile is 0.1–0.4 s of the page's thread in software WebGL. A handful exist
 * (one per `key`); each renderer frees its programs with its context. Callers must not change a kept material.
 */
export function keptMaterial<T extends Material>(key: string, make: () => T): T {
  let material = kept.get(key);
  if (!material) kept.set(key, (material = make()));
  return material as T;
}

export function createLayerMaterials(): Record<MeshName, Material> {
  const skin = new MeshStandardMaterial({ color: SKIN_MATERIAL_COLOUR, roughness: 0.62, metalness: 0, vertexColors: true });
  // Crow's feet, nasolabial, marionette and neck creases whose depth the tissue engine sets (TissueDeformer).
  enableCreaseShading(skin);
  // Strands and the combed hair's highlight over the hair-bearing scalp (vertex data of the head file).
  enableHairShading(skin);
  const sheet = (color: string, roughness = 0.7) =>
    new MeshStandardMaterial({ color, roughness, metalness: 0, side: DoubleSide });
  return {
    skin,
    skin_lod: skin,
    fat: sheet(LAYER_COLOURS.fat),
    smas: sheet(LAYER_COLOURS.smas, 0.55),
    deep_temporal_fascia: sheet(LAYER_COLOURS.deepTemporalFascia),
    skull: sheet(LAYER_COLOURS.bone, 0.8),
    mandible: sheet(LAYER_COLOURS.bone, 0.8),
    ligaments: sheet(LAYER_COLOURS.ligaments, 0.5),
    muscles: sheet(LAYER_COLOURS.muscles, 0.5),
    eyes: new MeshStandardMaterial({ color: LAYER_COLOURS.eyes, roughness: 0.2, metalness: 0, vertexColors: true }),
  };
}
