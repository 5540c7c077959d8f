// The source tree's import graph stays a DAG: modules that import each other (as Overlays.tsx and PullArrows.tsx
// once did, for a colour table) cannot be read, tested or lazily split on their own.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const SRC = resolve('src');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.(ts|tsx)$/.test(name) && !name.endsWith('.d.ts') ? [path] : [];
  });
}

/** Relative imports of one file (static `import … from`, `export … from` and dynamic `import()`), resolved to paths. */
function relativeImports(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  const specs = [...text.matchAll(/(?:from\s+|import\s*\(\s*)['"](\.{1,2}\/[^'"]+)['"]/g)].map((m) => m[1]!);
  return specs.map((s) => resolve(dirname(file), s));
}

/** Every cycle (as the files on it) in the graph `importsOf` spans over `files`, by depth-first search. */
function importCycles(files: ReadonlySet<string>, importsOf: (file: string) => string[]): string[][] {
  const state = new Map<string, 'open' | 'done'>();
  const stack: string[] = [];
  const cycles: string[][] = [];
  const visit = (f: string): void => {
    state.set(f, 'open');
    stack.push(f);
    for (const g of importsOf(f).filter((x) => files.has(x))) {
      if (state.get(g) === 'open') cycles.push(stack.slice(stack.indexOf(g)).map((p) => p.slice(SRC.length + 1)));
      else if (!state.has(g)) visit(g);
    }
    stack.pop();
    state.set(f, 'done');
  };
  for (const f of files) if (!state.has(f)) visit(f);
  return cycles;
}

const FILES = new Set(sourceFiles(SRC));

describe('source layout', () => {
  it('reports two modules that import each other (the check itself can fail)', () => {
    const overlays = join(SRC, 'scene', 'Overlays.tsx');
    const arrows = join(SRC, 'scene', 'PullArrows.tsx');
    expect(relativeImports(overlays)).toContain(arrows);
    const withBackEdge = (f: string): string[] => (f === arrows ? [...relativeImports(f), overlays] : relativeImports(f));
    expect(importCycles(FILES, withBackEdge)).toContainEqual(['scene/Overlays.tsx', 'scene/PullArrows.tsx']);
  });

  it('has no import cycles in src/ (static and dynamic imports)', () => {
    expect(importCycles(FILES, relativeImports)).toEqual([]);
  });
});
