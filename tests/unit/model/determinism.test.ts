// `npm run build:model` must regenerate the committed head.glb byte for byte.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { buildHead } from '../../../scripts/model/build-head.ts';

const sha = (b: Uint8Array): string => createHash('sha256').update(b).digest('hex');

describe('build:model', () => {
  it('reproduces public/models/head.glb exactly', { timeout: 900_000 } /* the bust's larger grid: ≈ 4–7 min on a loaded 2-core machine */, async () => {
    const fresh = await buildHead();
    expect(sha(fresh)).toBe(sha(readFileSync('public/models/head.glb')));
  });
});
