import type { TechniqueId } from '../core/ids.ts';

/** The clinic's three techniques, in the order patients meet them. */
export const PATIENT_TECHNIQUES: readonly TechniqueId[] = ['traditional', 'smile', 'thread'];
/** Consult mode adds the comparison references. */
export const ALL_TECHNIQUES: readonly TechniqueId[] = ['traditional', 'smile', 'thread', 'thread-conventional', 'facelift'];
