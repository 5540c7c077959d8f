// `npm run test:browser`: the browser tier alone — the built app served on 127.0.0.1 and driven in headless
// Chromium (tests/browser). Obtains Chromium first when none is installed (as `npm test` does), rebuilds the
// app when dist/ is missing or older than its sources, then runs `vitest run --project browser`.
//   npm run test:browser                               every browser test file
//   npm run test:browser -- tests/browser/soak.test.ts  some files (any further vitest arguments pass through)
//   npm run test:browser -- --build                    rebuild first in any case
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { ensureChromium } from './lib/chromium.mjs';

/** What the production build is made from (a change to any of these makes dist/ stale). */
const SOURCES = ['src', 'public', 'index.html', 'vite.config.ts', 'tsconfig.json', 'package.json', 'package-lock.json'];

/** Newest modification time (ms) of a file or of any file under a directory; 0 when absent. */
function newest(path) {
  if (!existsSync(path)) return 0;
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return readdirSync(path).reduce((m, name) => Math.max(m, newest(join(path, name))), stat.mtimeMs);
}

const args = process.argv.slice(2);
const forceBuild = args.includes('--build');
const vitestArgs = args.filter((a) => a !== '--build');

process.env.CHROMIUM_PATH = await ensureChromium();
console.log(`[test:browser] Chromium: ${process.env.CHROMIUM_PATH}`);

const built = existsSync('dist/index.html') ? statSync('dist/index.html').mtimeMs : 0;
const sources = Math.max(...SOURCES.map(newest));
if (forceBuild || built === 0 || sources > built) {
  console.log(`[test:browser] ${built === 0 ? 'dist/ missing' : forceBuild ? '--build' : 'dist/ older than its sources'}: building the app (vite build)…`);
  const build = spawnSync('npx', ['vite', 'build', '--logLevel', 'warn'], { stdio: 'inherit', env: process.env });
  if (build.status !== 0) {
    console.error('[test:browser] the build failed: no browser tests run');
    process.exit(build.status ?? 1);
  }
}

const run = spawnSync('npx', ['vitest', 'run', '--project', 'browser', ...vitestArgs], { stdio: 'inherit', env: process.env });
process.exit(run.status ?? 1);
