// The measurements table asks for every technique at once on a new head or a new sag; solutionsReady solves them
// one per task of the event loop so the page's thread is never held for all of them (issue 15: a photo head's first
// solves held it 80–90 ms in one task). Real engine on the synthetic head; no mocks.
import { describe, expect, it } from 'vitest';
import '../../src/core/tissue/index.ts';
import { createTissueModel } from '../../src/core/tissue/model.ts';
import type { TechniqueId } from '../../src/core/ids.ts';
import { solutionFor } from '../../src/scene/tissueModel.ts';
import { solutionsReady } from '../../src/modes/consult/solving.ts';
import { createSyntheticHead } from '../fixtures/synthetic-head.ts';

const nextTask = () => new Promise<void>((resolve) => setTimeout(resolve, 0));
const status = (p: Promise<void>) => (p as Promise<void> & { status?: string }).status;

describe('solutionsReady', () => {
  const model = createTissueModel(createSyntheticHead());
  const requests = (['traditional', 'smile', 'thread'] as TechniqueId[]).map((technique) => ({ technique, params: {} }));

  it('spreads the solves over tasks (a traction or a solution each), gives the same promise meanwhile, and is settled once all are cached', async () => {
    const ready = solutionsReady(model, requests, 0.8);
    expect(status(ready)).toBeUndefined();
    expect(solutionsReady(model, requests, 0.8)).toBe(ready);
    // nothing is solved in the caller's task
    expect(status(solutionsReady(model, [requests[0]!], 0.8))).toBeUndefined();
    // a technique's tractions, then its solution: three tasks for each of these
    for (let k = 0; k < 4; k++) await nextTask();
    // after the first tasks: some, not all
    const done = requests.filter((r) => status(solutionsReady(model, [r], 0.8)) === 'fulfilled').length;
    expect(done).toBeGreaterThanOrEqual(1);
    expect(done).toBeLessThan(requests.length);
    await ready;
    expect(status(ready)).toBe('fulfilled');
    // everything cached: settled at once, and the table's read solves nothing again
    expect(status(solutionsReady(model, requests, 0.8))).toBe('fulfilled');
    const first = solutionFor(model, 'smile', {}, 0.8);
    expect(solutionFor(model, 'smile', {}, 0.8)).toBe(first);
    expect(first.sag).toBe(0.8);
    // another sag is another set of solves
    expect(status(solutionsReady(model, requests, 0.3))).toBeUndefined();
  });

  it('no model: settled at once; an engine failure rejects with its error', async () => {
    expect(status(solutionsReady(null, requests, 1))).toBe('fulfilled');
    const broken = solutionsReady(model, [{ technique: 'no-such-technique' as TechniqueId, params: {} }], 1);
    await expect(broken).rejects.toThrow();
  });
});
