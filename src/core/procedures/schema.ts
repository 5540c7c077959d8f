// Validation of technique data: a zod schema for shape, then semantic checks that the shape cannot express
// (contiguous steps, known landmarks, every action driven by a step, captions present).
import { z } from 'zod';
import { LAYERS, TECHNIQUES, VIEWS } from '../ids.ts';
import { isLandmarkId } from '../anatomy/landmarks.ts';
import { ACTIONS, type Procedure } from './types.ts';
import { CAPTIONS_EN } from './captions.en.ts';

const landmarkName = z.string().refine((name) => isLandmarkId(name) || isLandmarkId(`${name}-l`), {
  message: 'unknown landmark',
});

const landmarkPoint = z.object({
  landmark: landmarkName,
  toward: z.object({ landmark: landmarkName, fraction: z.number().min(0).max(1) }).optional(),
  offsetMm: z.tuple([z.number(), z.number(), z.number()]).optional(),
});

const traction = z
  .object({
    action: z.enum(ACTIONS),
    layer: z.enum(['skin', 'smas']),
    origin: landmarkPoint,
    gripStartMm: z.number().min(0),
    reachMm: z.number().positive().max(200),
    halfWidthMm: z.number().positive().max(60),
    angleOffsetDeg: z.number().min(-90).max(90),
    takeUpShare: z.number().positive().max(1),
  })
  .refine((t) => t.reachMm > t.gripStartMm + 5, { message: 'grip must extend past its start' });

const step = z.object({
  id: z.string().regex(/^[a-z][a-z-]*$/),
  start: z.number().min(0).max(1),
  end: z.number().min(0).max(1),
  layers: z.array(z.enum(LAYERS)).min(1),
  focus: z.object({ view: z.enum(VIEWS), landmark: z.string().refine(isLandmarkId).optional() }),
  moves: z.array(z.enum(ACTIONS)),
  shows: z.object({ incision: z.boolean(), threads: z.boolean(), vector: z.boolean() }),
});

export const procedureSchema = z.object({
  id: z.enum(TECHNIQUES),
  nameKey: z.string().min(1),
  incisions: z.array(z.array(landmarkPoint).min(2)),
  anchor: landmarkPoint,
  entryPoints: z.array(landmarkPoint),
  defaults: z.object({ vectorAngleDeg: z.number().min(0).max(90), liftMm: z.number().positive().max(30) }),
  tractions: z.array(traction).min(1),
  tied: z.boolean(),
  steps: z.array(step).min(2),
  sources: z.object({ incision: z.string().min(1), vector: z.string().min(1), anchor: z.string().min(1) }),
});

/** Returns a list of problems (empty when valid). */
export function validateProcedure(p: Procedure): string[] {
  const problems: string[] = [];
  const parsed = procedureSchema.safeParse(p);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) problems.push(`${p.id}: ${issue.path.join('.')}: ${issue.message}`);
    return problems;
  }
  const steps = p.steps;
  if (steps[0]!.start !== 0) problems.push(`${p.id}: first step must start at 0`);
  if (steps[steps.length - 1]!.end !== 1) problems.push(`${p.id}: last step must end at 1`);
  steps.forEach((s, k) => {
    if (!(s.end > s.start)) problems.push(`${p.id}: step ${s.id} is empty`);
    if (k > 0 && Math.abs(steps[k - 1]!.end - s.start) > 1e-9) problems.push(`${p.id}: gap before step ${s.id}`);
    if (!(`steps.${p.id}.${s.id}` in CAPTIONS_EN)) problems.push(`${p.id}: missing caption steps.${p.id}.${s.id}`);
  });
  if (new Set(steps.map((s) => s.id)).size !== steps.length) problems.push(`${p.id}: duplicate step ids`);
  if (steps[steps.length - 1]!.id !== 'result') problems.push(`${p.id}: last step must be "result"`);
  // Every traction must be ramped by exactly one step, or t = 1 would not be the solved result.
  for (const t of p.tractions) {
    const drivers = steps.filter((s) => s.moves.includes(t.action)).length;
    if (drivers !== 1) problems.push(`${p.id}: action ${t.action} is driven by ${drivers} steps (need 1)`);
  }
  for (const s of steps) {
    for (const a of s.moves) {
      if (!p.tractions.some((t) => t.action === a)) problems.push(`${p.id}: step ${s.id} moves unknown action ${a}`);
    }
  }
  const threadActions = p.tractions.filter((t) => t.action === 'dermal-thread' || t.action === 'fascial-thread');
  if (threadActions.length > 0 && p.incisions.length > 0) problems.push(`${p.id}: thread techniques have no incision`);
  if (threadActions.length > 0 && p.entryPoints.length === 0) problems.push(`${p.id}: threads need entry points`);
  if (p.tied && p.tractions.length < 2) problems.push(`${p.id}: "tied" needs at least two tractions`);
  return problems;
}
