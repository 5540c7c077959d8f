// The tissue engine's precompute runs off the page's thread (issue 15 item 3): for every head (here the second
// patient, chosen in consult) the model is built in a Worker and the page's thread is not blocked meanwhile; where
// the Worker cannot run, the page computes it itself, says so in the console, and keeps working.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { appUrl, launch, openPage, waitForQuietFrames, waitReady } from './harness.ts';

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

/** src/scene/tissueModel.ts PRECOMPUTE_MEASURE: one performance measure per head, spanning its precompute. */
const MEASURE = 'lift:tissue-precompute';

interface Precompute {
  readonly start: number;
  readonly duration: number;
  readonly thread: string;
}

const precomputes = (page: Page): Promise<Precompute[]> =>
  page.evaluate(
    (name) =>
      performance.getEntriesByName(name).map((e) => ({
        start: e.startTime,
        duration: e.duration,
        thread: String((e as PerformanceMeasure).detail?.thread),
      })),
    MEASURE,
  );

/** Records the page's long tasks (> 50 ms on its thread) from now on. */
async function watchLongTasks(page: Page): Promise<void> {
  await page.evaluate(() => {
    const w = window as unknown as { __longTasks: { start: number; duration: number }[] };
    w.__longTasks = [];
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) w.__longTasks.push({ start: e.startTime, duration: e.duration });
    }).observe({ type: 'longtask' });
  });
}

/** How much of the span `p` one task covers, ms. */
const covered = (t: { start: number; duration: number }, p: Precompute) =>
  Math.max(0, Math.min(t.start + t.duration, p.start + p.duration) - Math.max(t.start, p.start));

/** The tissue Worker's own chunk with the unit responses' code (src/scene/tissueSolves.ts). */
const WORKER_SOLVES = /\/tissueSolves-[^/]*\.js(\?|$)/;

const longTasks = (page: Page): Promise<{ start: number; duration: number }[]> =>
  page.evaluate(() => (window as unknown as { __longTasks: { start: number; duration: number }[] }).__longTasks);

/** A consult page (Smile Mini Lift, step 5) in `context` that records the console's warnings and the page's errors. */
async function consultWatched(context: BrowserContext): Promise<{ page: Page; warnings: string[]; pageErrors: string[] }> {
  const page = await context.newPage();
  const warnings: string[] = [];
  const pageErrors: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'warning') warnings.push(m.text());
  });
  page.on('pageerror', (e) => pageErrors.push(String(e)));
  await page.goto(appUrl('?mode=consult&lang=en&technique=smile&view=front&step=4'));
  return { page, warnings, pageErrors };
}

describe('the tissue engine precompute', () => {
  it('switching to the second patient builds his model in the Worker: no task of the page’s thread spans his precompute', async () => {
    const { page, rec } = await openPage(browser, '?mode=consult&lang=en&technique=smile&view=front');
    await waitReady(page);
    // the first head's model came from the Worker too
    expect((await precomputes(page)).map((p) => p.thread)).toEqual(['worker']);
    await watchLongTasks(page);
    const t0 = await page.evaluate(() => performance.now());
    await page.getByRole('button', { name: 'Man', exact: true }).click();
    await waitReady(page);
    expect(await page.locator('[role="img"]').first().getAttribute('data-patient')).toBe('male');
    const his = (await precomputes(page)).filter((p) => p.start >= t0);
    expect(his.map((p) => p.thread)).toEqual(['worker']);
    const { duration } = his[0]!;
    expect(duration).toBeGreaterThan(0);
    // Run on the page's thread, the precompute is one task spanning its whole time. Here the page's thread did
    // other things meanwhile (his head's first frame, reading his model: long tasks of their own), but no task of
    // its thread spans the precompute.
    const tasks = await longTasks(page);
    const most = Math.max(0, ...tasks.map((t) => covered(t, his[0]!)));
    console.log(`his precompute in the Worker: ${duration.toFixed(0)} ms; the page's long tasks meanwhile: ${tasks.filter((t) => covered(t, his[0]!) > 0).map((t) => `${covered(t, his[0]!).toFixed(0)} ms`).join(', ') || 'none'}`);
    expect(most).toBeLessThan(0.95 * duration);
    // the measurements table is computed from his model, for the technique shown
    await expect.poll(() => page.locator('td[data-region="jawline"][data-technique="smile"]').textContent()).toMatch(/\d\.\d/);
    expect(rec.pageErrors).toEqual([]);
    expect(rec.consoleErrors).toEqual([]);
    await page.context().close();
  });

  it('in consult the Worker solves the techniques’ unit responses with a chunk of its own, which the web mode’s first load never fetches', async () => {
    const { page, rec } = await openPage(browser, '?mode=consult&lang=en&technique=smile&view=front');
    await waitReady(page);
    await expect.poll(() => page.locator('td[data-region="jawline"][data-technique="smile"]').textContent()).toMatch(/\d\.\d/);
    expect(rec.requests.filter((u) => WORKER_SOLVES.test(u))).toHaveLength(1);
    expect(rec.pageErrors).toEqual([]);
    expect(rec.consoleErrors).toEqual([]);
    await page.context().close();
    // the patient's page solves its one technique on its own thread: the chunk is not part of its first load
    const web = await openPage(browser, '?mode=web&lang=en&technique=smile');
    await waitReady(web.page);
    await waitForQuietFrames(web.page, { timeout: 60_000 });
    expect(web.rec.requests.some((u) => /tissue\.worker-/.test(u))).toBe(true);
    expect(web.rec.requests.filter((u) => WORKER_SOLVES.test(u))).toEqual([]);
    await web.page.context().close();
  });

  it('when the Worker cannot load its unit responses’ chunk, the page solves them itself: the lifted face and the table still come', async () => {
    const context: BrowserContext = await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'en-US' });
    let refused = 0;
    await context.route(WORKER_SOLVES, (route) => {
      refused++;
      return route.fulfill({ status: 404, body: 'gone' });
    });
    const { page, warnings, pageErrors } = await consultWatched(context);
    await waitReady(page);
    await expect.poll(() => page.locator('td[data-region="jawline"][data-technique="smile"]').textContent()).toMatch(/\d\.\d/);
    expect(refused).toBeGreaterThan(0);
    expect(warnings.some((w) => /tissue engine Worker: smile failed .*computing on the page's thread instead/.test(w))).toBe(true);
    await page.keyboard.press('5');
    await waitReady(page);
    await expect.poll(() => page.locator('td[data-region="jawline"][data-technique="facelift"]').textContent()).toMatch(/\d\.\d/);
    expect(pageErrors).toEqual([]);
    await context.close();
  });

  it('when the Worker’s script cannot be loaded, the page computes the model itself, warns, and draws the lifted face', async () => {
    const context: BrowserContext = await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'en-US' });
    // a stale deployment or a blocking policy: the Worker's script is not there
    await context.route(/tissue\.worker-[^/]*\.js(\?|$)/, (route) => route.fulfill({ status: 404, body: 'gone' }));
    await context.addInitScript(() => {
      const w = window as unknown as { __longTasks: { start: number; duration: number }[] };
      w.__longTasks = [];
      new PerformanceObserver((list) => {
        for (const e of list.getEntries()) w.__longTasks.push({ start: e.startTime, duration: e.duration });
      }).observe({ type: 'longtask' });
    });
    const { page, warnings, pageErrors } = await consultWatched(context);
    await waitReady(page);
    expect(warnings.some((w) => /tissue engine Worker: .*computing on the page's thread instead/.test(w))).toBe(true);
    const here = await precomputes(page);
    expect(here.map((p) => p.thread)).toEqual(['main']);
    // … and on this thread it is one task spanning all of it (what the first test requires never to happen)
    expect(Math.max(0, ...(await longTasks(page)).map((t) => covered(t, here[0]!)))).toBeGreaterThanOrEqual(0.95 * here[0]!.duration);
    await expect.poll(() => page.locator('td[data-region="jawline"][data-technique="smile"]').textContent()).toMatch(/\d\.\d/);
    // every technique still solves (their factors are made on this thread on first use)
    await page.keyboard.press('5');
    await waitReady(page);
    await expect.poll(() => page.locator('td[data-region="jawline"][data-technique="facelift"]').textContent()).toMatch(/\d\.\d/);
    expect(pageErrors).toEqual([]);
    await context.close();
  });
});
