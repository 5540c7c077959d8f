// Every `npm run` script must work on a fresh clone: each file a script runs (`node X`, `tsx X`) exists, and
// each command it starts is node/npm/npx or a binary that `npm ci` installs (node_modules/.bin).
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { scripts: Record<string, string> };

/** The commands of a script line (split at &&, ||, ; and |), each as its words. */
function commands(line: string): string[][] {
  return line
    .split(/&&|\|\||;|\|/)
    .map((c) => c.trim().split(/\s+/).filter(Boolean))
    .filter((words) => words.length > 0);
}

/** The script file a command runs: the first argument of node or tsx that is not an option. */
function scriptFile(words: string[]): string | null {
  if (words[0] !== 'node' && words[0] !== 'tsx') return null;
  return words.slice(1).find((w) => !w.startsWith('-')) ?? null;
}

describe('package.json scripts', () => {
  const entries = Object.entries(pkg.scripts);

  it('has scripts to check (and sees the files they run)', () => {
    expect(entries.length).toBeGreaterThan(5);
    const files = entries.flatMap(([, line]) => commands(line).map(scriptFile)).filter(Boolean);
    // node scripts/… and tsx scripts/…: the parser finds them (a parser that finds nothing would pass below).
    expect(files).toContain('scripts/test.mjs');
    expect(files).toContain('scripts/report.ts');
  });

  it.each(entries)('"%s" runs files that exist', (_name, line) => {
    for (const words of commands(line)) {
      const file = scriptFile(words);
      if (file) expect(existsSync(join(ROOT, file)), `${words.join(' ')}: ${file} does not exist`).toBe(true);
    }
  });

  it.each(entries)('"%s" starts commands that are installed', (_name, line) => {
    for (const [command] of commands(line)) {
      const known = ['node', 'npm', 'npx'].includes(command!) || existsSync(join(ROOT, 'node_modules', '.bin', command!));
      expect(known, `${command} is neither node/npm/npx nor in node_modules/.bin`).toBe(true);
    }
  });
});
