import type { LayerId } from '../core/ids.ts';

/** Same colour code as the scene's layer materials (src/scene/materials.ts), for legends and toggles. */
export const LAYER_SWATCH: Record<LayerId, string> = {
  skin: '#e3b8a0',
  fat: '#f0cf6e',
  smas: '#b5524c',
  ligaments: '#1f6f8b',
  bone: '#efe9da',
};
