// `npm test`: every tier — type check, lint, unit, scene and browser tests (the built app in headless
// Chromium). Obtains Chromium first when none is installed, and says so. Ends with "N passed, N failed".
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, existsSync } from 'node:fs';
import { ensureChromium } from './lib/chromium.mjs';

const run = (cmd, args) => spawnSync(cmd, args, { stdio: 'inherit', env: process.env }).status ?? 1;

let passed = 0;
let failed = 0;
const gate = (name, status) => {
  if (status === 0) passed++;
  else {
    failed++;
    console.error(`[test] ${name} FAILED`);
  }
};

process.env.CHROMIUM_PATH = await ensureChromium();
console.log(`[test] Chromium: ${process.env.CHROMIUM_PATH}`);

gate('typecheck (tsc --noEmit)', run('npx', ['tsc', '--noEmit']));
gate('lint (eslint)', run('npx', ['eslint', '.', '--max-warnings', '0']));
const built = run('npx', ['vite', 'build', '--logLevel', 'warn']);
gate('production build (vite build)', built);

// Deterministic budgets on the built app (bundle bytes, model bytes, triangles, draw calls, idle frames).
if (built === 0) gate('budgets (npm run check:budgets)', run('node', ['scripts/check-budgets.mjs']));

mkdirSync('artifacts', { recursive: true });
const report = 'artifacts/test-results.json';
const projects = built === 0 ? [] : ['--project', 'unit', '--project', 'scene'];
const vitest = run('npx', ['vitest', 'run', ...projects, '--reporter=default', '--reporter=json', `--outputFile.json=${report}`]);
if (existsSync(report)) {
  const json = JSON.parse(readFileSync(report, 'utf8'));
  passed += json.numPassedTests ?? 0;
  failed += (json.numFailedTests ?? 0) + (vitest !== 0 && (json.numFailedTests ?? 0) === 0 ? 1 : 0);
} else if (vitest !== 0) failed++;

console.log(`${passed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);
