// Technique data and its resolution onto a head. See types.ts for what technique data may contain.
import type { HeadData } from '../anatomy/headData.ts';
import type { TechniqueId } from '../ids.ts';
import type { LiftParams } from '../tissue/api.ts';
import { polylineLength } from '../tissue/geometry.ts';
import { facelift } from './facelift.ts';
import { resolveIncisionsOf, resolvePoint } from './resolve.ts';
import { resolveThreadsOf } from './tractionLines.ts';
import { smile } from './smile.ts';
import { threadConventional } from './thread-conventional.ts';
import { thread } from './thread.ts';
import { traditional } from './traditional.ts';
import type { Procedure } from './types.ts';

export const PROCEDURES: Readonly<Record<TechniqueId, Procedure>> = {
  traditional,
  smile,
  thread,
  'thread-conventional': threadConventional,
  facelift,
};

// The data is static: tests/unit/procedures validates every technique (validateProcedure), so a bad edit fails
// CI; the page does not re-validate it on every load (and does not ship the schema).

/** Incision polylines (xyz, mm, on the skin): each incision on the left side, then on the right. */
export function resolveIncisions(head: HeadData, technique: TechniqueId): Float32Array[] {
  return resolveIncisionsOf(head, PROCEDURES[technique]);
}

/** Thread paths (xyz, mm) for thread techniques; empty for the others. */
export function resolveThreads(
  head: HeadData,
  technique: TechniqueId,
  params: LiftParams = {},
): Array<{ layer: 'dermis' | 'smas'; side: 'l' | 'r'; points: Float32Array }> {
  return resolveThreadsOf(head, PROCEDURES[technique], params);
}

/** The anchor (fixation) point on each side, mm. */
export function resolveAnchor(head: HeadData, technique: TechniqueId): { l: [number, number, number]; r: [number, number, number] } {
  const a = PROCEDURES[technique].anchor;
  return { l: resolvePoint(head, a, 'l'), r: resolvePoint(head, a, 'r') };
}

/** Length of one side's incision line(s) on the skin, mm (the mean of both sides). 0 for threads. */
export function incisionLength(head: HeadData, technique: TechniqueId): number {
  const lines = resolveIncisions(head, technique);
  if (lines.length === 0) return 0;
  return lines.reduce((sum, l) => sum + polylineLength(l), 0) / 2;
}

// The schema (tests/unit/procedures) and the English captions (i18n) are imported from their own files, so
// the page's bundle carries neither unless it needs them.
export { resolvePoint, sideSign, SIDES, unrolledFace, underminedWeight, outlineDistance, UNDERMINING_EDGE_MM } from './resolve.ts';
export { pullDirection, gripLine, drapeFrontal } from './tractionLines.ts';
export type { ThreadPath } from './tractionLines.ts';
export * from './types.ts';
