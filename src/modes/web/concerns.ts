import type { TechniqueId } from '../../core/ids.ts';
import type { ConcernId } from '../../ui/ConcernPicker.tsx';

/**
 * The clinic's own mapping (DESIGN.md, "What the clinic says"): the traditional mini lift mainly improves
 * the jawline; the Smile Mini Lift's diagonal pull addresses nasolabial folds and fine wrinkles around the
 * eyes (crow's feet come with the clinic's caveat, shown separately).
 */
export const TECHNIQUE_FOR_CONCERN: Record<ConcernId, TechniqueId> = {
  jawline: 'traditional',
  nasolabial: 'smile',
  crowsfeet: 'smile',
};
