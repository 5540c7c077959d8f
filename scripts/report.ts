// Lift report: per-region lift (vertical and along the pull, mm) and incision length per technique, computed by
// the same engine the app runs, on the committed model (public/models/head.glb; with --patient male the man,
// public/models/head-male.glb). If the model or its loader is absent the synthetic test head is used and the
// output says so.
//
//   npm run report -- [--technique id] [--patient female|male] [--vector-angle deg] [--lift mm] [--sag 0..1] [--json]
import { DEFAULT_PATIENT, PATIENTS, TECHNIQUES, REGIONS, isOneOf, type PatientId, type TechniqueId } from '../src/core/ids.ts';
import type { HeadData } from '../src/core/anatomy/headData.ts';
import { createTissueModel, incisionLengthMm, regionLift, solveTechnique, type LiftParams } from '../src/core/tissue/index.ts';
import { MALE_MODEL_PATH, MODEL_PATH, loadCommittedHead } from '../tests/fixtures/heads.ts';
import { RETENTION, ageingSag, regionLiftAfter, retention } from '../src/core/tissue/months.ts';
import { OUTCOME_RELATIONS, OUTCOME_TARGETS, measureOutcomes } from '../src/core/tissue/calibration.ts';
import { SITES } from '../src/core/tissue/sites.ts';
import { siteVertical } from '../src/core/tissue/sites.ts';
import { liftNodeField } from '../src/core/tissue/measures.ts';

/** The months after at which the report prints the lift (issue 13 item 4). */
const REPORT_MONTHS = [0, 6, 12, 24] as const;
import { createSyntheticHead } from '../tests/fixtures/synthetic-head.ts';

function parseArgs(argv: readonly string[]): { techniques: TechniqueId[]; patient: PatientId; params: LiftParams; sag: number; json: boolean } {
  const value = (flag: string): string | undefined => {
    const i = argv.indexOf(flag);
    if (i >= 0) return argv[i + 1];
    const eq = argv.find((a) => a.startsWith(`${flag}=`));
    return eq?.slice(flag.length + 1);
  };
  const num = (flag: string): number | undefined => {
    const raw = value(flag);
    if (raw === undefined) return undefined;
    const n = Number(raw);
    if (!Number.isFinite(n)) throw new Error(`${flag}: not a number: ${raw}`);
    return n;
  };
  const technique = value('--technique');
  if (technique !== undefined && !isOneOf(TECHNIQUES, technique)) {
    throw new Error(`--technique must be one of ${TECHNIQUES.join(', ')}`);
  }
  const patient = value('--patient') ?? DEFAULT_PATIENT;
  if (!isOneOf(PATIENTS, patient)) throw new Error(`--patient must be one of ${PATIENTS.join(', ')}`);
  const angle = num('--vector-angle');
  const lift = num('--lift');
  const sag = num('--sag') ?? 1;
  if (sag < 0 || sag > 1) throw new Error('--sag must be in [0, 1]');
  const params: LiftParams = { ...(angle !== undefined ? { vectorAngleDeg: angle } : {}), ...(lift !== undefined ? { liftMm: lift } : {}) };
  return { techniques: technique ? [technique] : [...TECHNIQUES], patient, params, sag, json: argv.includes('--json') };
}

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2));
  const male = args.patient === 'male';
  const committed = await loadCommittedHead(male ? MALE_MODEL_PATH : MODEL_PATH);
  let head: HeadData;
  let source: string;
  if (committed.head) {
    head = committed.head;
    source = male
      ? 'committed model public/models/head-male.glb (patient male)'
      : process.env.LIFT_HEAD_GLB ? `model ${MODEL_PATH} (LIFT_HEAD_GLB)` : 'committed model public/models/head.glb';
  } else if (male) {
    // The man is a patient of his own: never stand in another head for him.
    throw new Error(`the male patient's model cannot be read: ${committed.reason} (npm run build:model writes it)`);
  } else {
    head = createSyntheticHead();
    source = `SYNTHETIC test head (${committed.reason})`;
  }
  const t0 = performance.now();
  const model = createTissueModel(head);
  const precomputeMs = performance.now() - t0;

  const result: Record<string, { sites: Record<string, number>; regions: Record<string, { vertical: number; alongPull: number }>; incisionMm: number; vectorAngleDeg: number; liftMm: number; months: Record<string, { retention: number; vertical: Record<string, number> }> }> = {};
  for (const technique of args.techniques) {
    const solution = solveTechnique(model, technique, args.params, args.sag);
    const lift = regionLift(model, solution);
    const round = (x: number): number => Math.round(x * 100) / 100;
    const sites = siteVertical(model, liftNodeField(solution));
    result[technique] = {
      sites: Object.fromEntries(SITES.map((site) => [site, round(sites[site])])),
      regions: Object.fromEntries(REGIONS.map((r) => [r, { vertical: round(lift[r].vertical), alongPull: round(lift[r].alongPull) }])),
      incisionMm: round(incisionLengthMm(model, technique)),
      vectorAngleDeg: solution.params.vectorAngleDeg,
      liftMm: solution.params.liftMm,
      months: Object.fromEntries(
        REPORT_MONTHS.map((m) => {
          const after = regionLiftAfter(model, solution, m);
          return [String(m), { retention: round(retention(technique, m)), vertical: Object.fromEntries(REGIONS.map((r) => [r, round(after[r].vertical)])) }];
        }),
      ),
    };
  }

  if (args.json) {
    // Shape: { technique: { region: { vertical, alongPull }, incisionMm } } plus a `_meta` entry.
    const out: Record<string, unknown> = {};
    for (const [t, r] of Object.entries(result)) out[t] = { ...r.regions, sites: r.sites, incisionMm: r.incisionMm, months: r.months };
    out._meta = { source, patient: args.patient, sag: args.sag, params: Object.fromEntries(Object.entries(result).map(([t, r]) => [t, { vectorAngleDeg: r.vectorAngleDeg, liftMm: r.liftMm }])) };
    process.stdout.write(`${JSON.stringify(out, null, 2)}\n`);
    return;
  }
  const lines: string[] = [];
  lines.push(`Lift report — ${source}`);
  lines.push(`sag ${args.sag}; per-region lift at the end of the procedure relative to the sagged face, mm (vertical / along the pull);`);
  lines.push(`incision length per side on the skin. Precompute ${precomputeMs.toFixed(0)} ms; vertices skin ${model.stats.vertexCounts.skin}, fat ${model.stats.vertexCounts.fat}, smas ${model.stats.vertexCounts.smas}.`);
  lines.push('');
  const header = ['technique'.padEnd(20), 'angle', ' lift', ...REGIONS.map((r) => r.padStart(13)), ...SITES.map((s) => s.padStart(19)), 'incision'.padStart(10)];
  lines.push(header.join(' '));
  for (const [t, r] of Object.entries(result)) {
    const cells = REGIONS.map((reg) => `${r.regions[reg]!.vertical.toFixed(1)}/${r.regions[reg]!.alongPull.toFixed(1)}`.padStart(13));
    const siteCells = SITES.map((site) => r.sites[site]!.toFixed(1).padStart(19));
    lines.push([t.padEnd(20), `${r.vectorAngleDeg}°`.padStart(5), r.liftMm.toFixed(1).padStart(5), ...cells, ...siteCells, `${r.incisionMm.toFixed(1)} mm`.padStart(10)].join(' '));
  }
  lines.push('(jowl, lid-cheek-junction: sites from landmarks, vertical mm; src/core/tissue/sites.ts)');
  // Issue 13 item 3: the sourced figures and the relations, always at the defaults (any --lift/--vector-angle
  // above does not apply here) at sag 1, month 0.
  const o = measureOutcomes(model);
  lines.push('');
  lines.push(`Calibration at each technique's defaults, sag 1, month 0 (vertical mm; issue 13 sets them for the default patient, this is ${args.patient}):`);
  for (const target of OUTCOME_TARGETS) {
    const v = o[target.technique][target.measure];
    const ok = v >= target.min && v <= target.max;
    lines.push(`  ${ok ? 'PASS' : 'FAIL'}  ${target.technique} ${target.measure} ${v.toFixed(2)} in [${target.min}, ${target.max}] (source ${target.figure}) — ${target.source}`);
  }
  for (const rel of OUTCOME_RELATIONS) {
    const [a, b] = rel.sides(o);
    lines.push(`  ${rel.holds(o) ? 'PASS' : 'FAIL'}  ${rel.text}: ${a.toFixed(2)} vs ${b.toFixed(2)} — ${rel.source}`);
  }
  lines.push('');
  lines.push(`The months after: vertical lift per region relative to the face BEFORE the operation, mm — retention × the month-0`);
  lines.push(`lift plus the ageing meanwhile (sag +${ageingSag(24).toFixed(2)} by month 24; rate a design choice). Retention sources: src/core/tissue/months.ts.`);
  lines.push(['technique'.padEnd(20), 'month', ' kept', ...REGIONS.map((r) => r.padStart(11)), '  basis'].join(' '));
  for (const [t, r] of Object.entries(result)) {
    for (const m of REPORT_MONTHS) {
      const row = r.months[String(m)]!;
      const cells = REGIONS.map((reg) => (Math.abs(row.vertical[reg]!) < 0.05 ? 0 : row.vertical[reg]!).toFixed(1).padStart(11));
      const basis = m === 0 ? `  ${RETENTION[t as TechniqueId].basis}` : '';
      lines.push([(m === 0 ? t : '').padEnd(20), String(m).padStart(5), `${Math.round(row.retention * 100)}%`.padStart(5), ...cells, basis].join(' '));
    }
  }
  process.stdout.write(`${lines.join('\n')}\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`report: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
