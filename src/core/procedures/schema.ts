// Validation of technique data: a zod schema for shape, then semantic checks that the shape cannot express
// (contiguous steps, known landmarks, every action driven by a step, captions present).
import * as z from 'zod/mini';
import { LAYERS, TECHNIQUES, VIEWS } from '../ids.ts';
import { isLandmarkId } from '../anatomy/landmarks.ts';
import { ACTIONS, UNDERMINED_PLANES, type Procedure } from './types.ts';
import { CAPTIONS_EN } from './captions.en.ts';

// zod/mini keeps this in the page bundle at a few kB (the procedures are validated when the app loads).
const num = (min: number, max: number) => z.number().check(z.gte(min), z.lte(max));
const positive = (max: number) => z.number().check(z.gt(0), z.lte(max));

const landmarkName = z.string().check(z.refine((name) => isLandmarkId(name) || isLandmarkId(`${name}-l`), 'unknown landmark'));

const landmarkPoint = z.object({
  landmark: landmarkName,
  toward: z.optional(z.object({ landmark: landmarkName, fraction: num(0, 1) })),
  offsetMm: z.optional(z.tuple([z.number(), z.number(), z.number()])),
});

const traction = z
  .object({
    action: z.enum(ACTIONS),
    layer: z.enum(['skin', 'smas']),
    origin: landmarkPoint,
    gripStartMm: z.number().check(z.gte(0)),
    reachMm: positive(200),
    halfWidthMm: positive(60),
    angleOffsetDeg: num(-90, 90),
    takeUpShare: positive(1),
    aim: z.optional(z.object({ toward: landmarkPoint, atVectorDeg: num(0, 90) })),
  })
  .check(z.refine((t) => t.reachMm > t.gripStartMm + 5, 'grip must extend past its start'));

const step = z.object({
  id: z.string().check(z.regex(/^[a-z][a-z-]*$/)),
  start: num(0, 1),
  end: num(0, 1),
  layers: z.array(z.enum(LAYERS)).check(z.minLength(1)),
  focus: z.object({ view: z.enum(VIEWS), landmark: z.optional(z.string().check(z.refine(isLandmarkId))) }),
  moves: z.array(z.enum(ACTIONS)),
  shows: z.object({ incision: z.boolean(), threads: z.boolean(), vector: z.boolean() }),
});

const nonEmpty = () => z.string().check(z.minLength(1));

export const procedureSchema = z.object({
  id: z.enum(TECHNIQUES),
  nameKey: nonEmpty(),
  incisions: z.array(z.array(landmarkPoint).check(z.minLength(2))),
  anchor: landmarkPoint,
  entryPoints: z.array(landmarkPoint),
  defaults: z.object({ vectorAngleDeg: num(0, 90), liftMm: positive(30) }),
  tractions: z.array(traction).check(z.minLength(1)),
  tied: z.boolean(),
  undermining: z.nullable(
    z.object({
      planes: z.array(z.enum(UNDERMINED_PLANES)).check(z.minLength(1)),
      outline: z.array(landmarkPoint).check(z.minLength(3)),
    }),
  ),
  steps: z.array(step).check(z.minLength(2)),
  sources: z.object({ incision: nonEmpty(), vector: nonEmpty(), anchor: nonEmpty() }),
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
  // Undermining is what the "elevate" step does; threads are inserted without any dissection.
  const elevates = steps.some((s) => s.id === 'elevate');
  if (p.undermining && !elevates) problems.push(`${p.id}: undermining needs an "elevate" step`);
  if (!p.undermining && elevates) problems.push(`${p.id}: an "elevate" step needs an undermined area`);
  if (p.undermining && threadActions.length > 0) problems.push(`${p.id}: thread techniques do not undermine`);
  for (const t of p.tractions) {
    if (t.aim && t.aim.atVectorDeg !== p.defaults.vectorAngleDeg) problems.push(`${p.id}: a loop's aim must be given at the default vector`);
  }
  if (p.tied && p.tractions.length < 2) problems.push(`${p.id}: "tied" needs at least two tractions`);
  return problems;
}
