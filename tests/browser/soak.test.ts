// Soak: the consult room runs all day and the kiosk for days. Repeated switching must not grow GPU resources
// or the DOM: the consult room's technique switches, the kiosk's visitors, and the kiosk's own attract loop.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, CDPSession, Page } from 'playwright-core';
import { appUrl, launch, openPage, waitReady } from './harness.ts';
import { DEFAULT_CONFIG } from '../../src/core/config/schema.ts';

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

async function snapshot(page: Page) {
  return page.evaluate(() => {
    const stats = window.__lift?.stats() ?? [];
    return {
      geometries: stats.reduce((n, s) => n + s.geometries, 0),
      textures: stats.reduce((n, s) => n + s.textures, 0),
      domNodes: document.getElementsByTagName('*').length,
      heap: (performance as unknown as { memory?: { usedJSHeapSize: number } }).memory?.usedJSHeapSize ?? 0,
    };
  });
}

describe('soak', () => {
  it('200 technique switches in consult mode return GPU resources and DOM to their baseline', async () => {
    const { page, rec } = await openPage(browser, '?mode=consult&lang=en&progress=0.6');
    await waitReady(page);
    await page.waitForTimeout(1500);
    // Switch with the consult shortcuts 1–5 (the same store action as the buttons, without click overhead).
    const body = page.locator('body');
    // One warm-up round: each technique's solve, overlays and shader programs are created once.
    // (Long enough for each to render: GPU resources are uploaded on first draw, e.g. the thread tie knots.)
    // Each also plays through its pull step once, as the loop below does: the deeper layers, the cutaway and the
    // moving overlays are drawn (and uploaded) for the first time here, not counted as growth later.
    const playThroughPull = async () => {
      for (const key of ['ArrowRight', 'ArrowRight', 'ArrowRight', ' ']) await page.keyboard.press(key);
      await page.waitForTimeout(1200);
      await page.keyboard.press(' ');
    };
    for (const key of ['1', '2', '3', '4', '5', '2']) {
      await body.press(key);
      await page.waitForTimeout(1500);
      await playThroughPull();
    }
    await page.waitForTimeout(1500);
    const baseline = await snapshot(page);
    const frames = () => page.evaluate(() => (window.__lift?.stats() ?? []).reduce((n, s) => n + s.frames, 0));
    for (let i = 0; i < 200; i++) {
      const before = await frames();
      await page.keyboard.press(String((i % 5) + 1));
      // Each switch is drawn before the next (GPU resources are created and replaced when frames render:
      // switching faster than the canvas draws would skip exactly the work that could leak).
      await page.waitForFunction((n) => (window.__lift?.stats() ?? []).reduce((m, s) => m + s.frames, 0) > n, before, { timeout: 20_000, polling: 20 });
      // Every 10th switch the surgeon also plays through the pull step: the tissue moves under the incision and
      // thread overlays, which are rebuilt in place every frame (a leak per rebuild would show here, not only a
      // leak per switch).
      if (i % 10 === 9) await playThroughPull();
    }
    await page.keyboard.press('2');
    await page.waitForTimeout(2000);
    const after = await snapshot(page);
    console.log(`[soak] consult 200 switches: baseline ${JSON.stringify(baseline)} → after ${JSON.stringify(after)}`);
    expect(after.geometries).toBeLessThanOrEqual(baseline.geometries);
    expect(after.textures).toBeLessThanOrEqual(baseline.textures);
    expect(after.domNodes).toBeLessThanOrEqual(baseline.domNodes + 5);
    expect(rec.pageErrors).toEqual([]);
    await page.context().close();
  });
});

/** JS heap after a full garbage collection (precise, unlike performance.memory), in bytes. */
async function heapAfterGc(cdp: CDPSession): Promise<number> {
  await cdp.send('HeapProfiler.collectGarbage');
  return (await cdp.send('Runtime.getHeapUsage')).usedSize;
}

interface Shown {
  readonly technique: string;
  readonly lang: string;
  readonly step: string;
  readonly title: string;
}

describe('kiosk soak', () => {
  // The real attract loop, unattended, 50 times round (traditional → smile → thread, languages rotating).
  // One loop lasts about 70 s of wall time, so the page runs on playwright's fake clock and the test
  // advances it: every timer of the loop (step holds, the pause on each result, the language rotation)
  // fires in order, and every frame the loop asks for is rendered. The kiosk is opened with
  // prefers-reduced-motion, its real stepped playback (each step's end state, held STEP_HOLD_MS): the
  // animated playback ticks with rendered frames (about 1100 per technique), far too many for software GL.
  // The clinic's config sets the shortest language rotation it allows (3 s), so each technique is shown in
  // several languages.
  it('50 attract-loop cycles (3 techniques, rotating languages) keep GPU resources, DOM and JS heap flat', async () => {
    const context = await browser.newContext({ viewport: { width: 640, height: 360 }, locale: 'en-US', reducedMotion: 'reduce', serviceWorkers: 'block' });
    const page = await context.newPage();
    const pageErrors: string[] = [];
    page.on('pageerror', (e) => pageErrors.push(String(e)));
    await page.route('**/config.json', (route) =>
      route.fulfill({ contentType: 'application/json', body: JSON.stringify({ ...DEFAULT_CONFIG, languages: ['ko', 'en', 'zh', 'ja'], kioskLanguageSeconds: 3 }) }),
    );
    // Every change of what the loop shows: technique of the picture, page language, step, caption.
    await context.addInitScript(() => {
      const shown: Shown[] = [];
      (window as unknown as { __shown: Shown[] }).__shown = shown;
      let last = '';
      new MutationObserver(() => {
        const now = {
          technique: document.querySelector('[role="img"]')?.getAttribute('data-technique') ?? '',
          lang: document.documentElement.lang,
          step: document.querySelector('.attract-step-num')?.textContent ?? '',
          title: document.querySelector('.attract-title')?.textContent ?? '',
        };
        const key = JSON.stringify(now);
        if (key !== last && now.title) shown.push(now);
        last = key;
      }).observe(document, { subtree: true, childList: true, attributes: true, characterData: true });
    });
    await page.clock.install();
    await page.goto(appUrl('?mode=kiosk'));
    await waitReady(page);
    // From here on, time moves only when the test moves it. (Pausing needs a moment still ahead of the page's
    // running clock: on a busy machine a whole second can pass between reading it and pausing.)
    for (let attempt = 0; ; attempt++) {
      try {
        await page.clock.pauseAt((await page.evaluate(() => Date.now())) + 1000);
        break;
      } catch (error) {
        if (attempt === 4) throw error;
      }
    }
    const cdp = await context.newCDPSession(page);
    const takeShown = () => page.evaluate(() => (window as unknown as { __shown: Shown[] }).__shown.splice(0));

    /**
     * Run the loop until it starts traditional again and reaches that technique's second step (a fixed
     * point of the loop, where every cycle is compared); returns what was shown on the way.
     */
    const runCycle = async () => {
      const seen: Shown[] = [];
      let left = false;
      for (let tick = 0; tick < 400; tick++) {
        await page.clock.runFor(500);
        seen.push(...(await takeShown()));
        const now = seen.at(-1);
        // (Nothing shown yet is not "left": a quiet first tick used to end the cycle at once.)
        if (now && now.technique !== 'traditional') left = true;
        else if (now && left && now.step.startsWith('2 /')) break;
      }
      // Frames for whatever the last commit asked for, still within step 2 (held 3.5 s).
      await page.clock.runFor(1000);
      seen.push(...(await takeShown()));
      return seen;
    };
    const snapshot = async () => ({
      ...(await page.evaluate(() => {
        const stats = window.__lift?.stats() ?? [];
        return {
          geometries: stats.reduce((n, s) => n + s.geometries, 0),
          textures: stats.reduce((n, s) => n + s.textures, 0),
          domNodes: document.getElementsByTagName('*').length,
          frames: stats.reduce((n, s) => n + s.frames, 0),
        };
      })),
      heap: await heapAfterGc(cdp),
    });

    await runCycle(); // warm-up: every technique's solve, overlays and shader programs exist once
    const baseline = await snapshot();
    const t0 = Date.now();
    for (let cycle = 0; cycle < 50; cycle++) {
      const seen = await runCycle();
      // The cycle really walked the loop: the three techniques in order, each stepping through its steps
      // and captioned in more than one language, the caption following the language.
      const order = seen.map((s) => s.technique).filter((t, i, all) => t !== all[i - 1]);
      expect(order, `cycle ${cycle}`).toEqual(['traditional', 'smile', 'thread', 'traditional']);
      for (const technique of ['smile', 'thread']) {
        const during = seen.filter((s) => s.technique === technique);
        expect(new Set(during.map((s) => s.lang)).size, `${technique} languages, cycle ${cycle}`).toBeGreaterThanOrEqual(2);
        expect(new Set(during.map((s) => s.title)).size, `${technique} captions, cycle ${cycle}`).toBeGreaterThanOrEqual(2);
        expect(new Set(during.map((s) => s.step)).size, `${technique} steps, cycle ${cycle}`).toBeGreaterThanOrEqual(5);
      }
    }
    const after = await snapshot();
    console.log(`[soak] kiosk 50 attract cycles in ${Math.round((Date.now() - t0) / 1000)} s: baseline ${JSON.stringify(baseline)} → after ${JSON.stringify(after)}`);
    // Frames were drawn all along (the loop is not just timers firing).
    expect(after.frames - baseline.frames).toBeGreaterThan(50 * 20);
    expect(after.geometries).toBeLessThanOrEqual(baseline.geometries);
    expect(after.textures).toBeLessThanOrEqual(baseline.textures);
    expect(after.domNodes).toBeLessThanOrEqual(baseline.domNodes + 5);
    // Generous: a collected heap wanders by a few MB; one leaked mesh or language per cycle is far more.
    expect(after.heap).toBeLessThan(baseline.heap * 1.25 + 8_000_000);
    expect(pageErrors).toEqual([]);
    await context.close();
  }, 400_000);

  // The attract loop itself is soaked above; this covers what visitors add (waking, the touch panel, starting
  // over). 25 cycles: any per-cycle leak shows against the strict baseline, in half the time of 50.
  it('25 visitor cycles (wake → three techniques → start over → attract loop) keep GPU resources and DOM flat', async () => {
    const { page, rec } = await openPage(browser, '?mode=kiosk&lang=en', { width: 960, height: 540 });
    await waitReady(page);
    const cycle = async () => {
      await page.mouse.click(200, 200); // wake the loop
      await page.waitForSelector('[data-kiosk-state="interactive"]', { timeout: 10_000 });
      await page.waitForTimeout(650); // the waking touch is swallowed briefly
      for (const id of ['traditional', 'smile', 'thread']) await page.locator(`button[data-technique="${id}"]`).first().click();
      await page.locator('.kiosk-restart').click();
      await page.waitForSelector('[data-kiosk-state="attract"]', { timeout: 10_000 });
    };
    await cycle(); // warm-up: every technique's solve and overlays exist once
    await page.waitForTimeout(1000);
    const baseline = await snapshot(page);
    for (let i = 0; i < 25; i++) await cycle();
    await page.waitForTimeout(1500);
    const after = await snapshot(page);
    console.log(`[soak] kiosk 25 visitor cycles: baseline ${JSON.stringify(baseline)} → after ${JSON.stringify(after)}`);
    expect(after.geometries).toBeLessThanOrEqual(baseline.geometries);
    expect(after.textures).toBeLessThanOrEqual(baseline.textures);
    expect(after.domNodes).toBeLessThanOrEqual(baseline.domNodes + 10);
    expect(rec.pageErrors).toEqual([]);
    await page.context().close();
  }, 600_000);
});
