// Failures the field knows about (issue #14): a browser with WebGL 1 only, a GPU context that never comes back,
// WebAssembly refused by the page's own CSP, the system taking the screen wake lock away, a snapshot the device
// cannot make. Each is reproduced as a new user meets it; the app explains, keeps its controls and state, and
// never loops.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { appUrl, foregroundFraction, launch, waitReady } from './harness.ts';
import { DEFAULT_CONFIG } from '../../src/core/config/schema.ts';

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

interface Opened {
  readonly context: BrowserContext;
  readonly page: Page;
  readonly pageErrors: string[];
  readonly console: { type: string; text: string }[];
  readonly requests: string[];
}

/** A page with its errors, console and requests recorded; `init` runs before the app's first script. */
async function open(
  query: string,
  {
    init,
    viewport = { width: 1280, height: 800 },
    setup,
    config = {},
  }: { init?: () => void; viewport?: { width: number; height: number }; setup?: (page: Page) => Promise<unknown>; config?: Partial<typeof DEFAULT_CONFIG> } = {},
): Promise<Opened> {
  const context = await browser.newContext({ viewport, locale: 'en-US', hasTouch: query.includes('kiosk'), serviceWorkers: 'block' });
  if (init) await context.addInitScript(init);
  const page = await context.newPage();
  const pageErrors: string[] = [];
  const consoleMessages: { type: string; text: string }[] = [];
  const requests: string[] = [];
  page.on('pageerror', (e) => pageErrors.push(String(e)));
  page.on('console', (m) => consoleMessages.push({ type: m.type(), text: m.text() }));
  page.on('request', (r) => requests.push(r.url()));
  // The kiosk reads its language from the clinic's config: English, so the assertions can read the text.
  await page.route('**/config.json', (route) => route.fulfill({ contentType: 'application/json', body: JSON.stringify({ ...DEFAULT_CONFIG, defaultLanguage: 'en', languages: ['en'], ...config }) }));
  await setup?.(page);
  await page.goto(appUrl(query));
  return { context, page, pageErrors, console: consoleMessages, requests };
}

const modelRequests = (requests: readonly string[]) => requests.filter((u) => new URL(u).pathname.includes('/models/'));

/** WebGL 1 but no WebGL 2, as on older iPads and iPhones or Chromium with --disable-webgl2. */
const NO_WEBGL2 = () => {
  const real = HTMLCanvasElement.prototype.getContext;
  // @ts-expect-error test override of an overloaded DOM method
  HTMLCanvasElement.prototype.getContext = function (type: string, ...rest: unknown[]) {
    return type === 'webgl2' ? null : real.call(this, type as '2d', ...(rest as []));
  };
};

/** Lose the first viewer's GPU context for good (no restoreContext), marking that canvas so a new one can be told apart. */
async function loseContextForGood(page: Page, { noNewContexts }: { noNewContexts: boolean }) {
  await page.evaluate((blockNew) => {
    const canvas = document.querySelector('[role="img"] canvas') as HTMLCanvasElement & { __lost?: boolean };
    canvas.__lost = true;
    const gl = canvas.getContext('webgl2')!;
    if (blockNew) {
      // The GPU is gone for good: no canvas gets a WebGL context any more.
      const real = HTMLCanvasElement.prototype.getContext;
      // @ts-expect-error test override of an overloaded DOM method
      HTMLCanvasElement.prototype.getContext = function (this: HTMLCanvasElement & { __lost?: boolean }, type: string, ...rest: unknown[]) {
        if (/webgl/i.test(type) && !this.__lost) return null;
        return real.call(this, type as '2d', ...(rest as []));
      };
    }
    gl.getExtension('WEBGL_lose_context')!.loseContext();
  }, noNewContexts);
}

const politeText = (page: Page) => page.locator('[aria-live="polite"]').allTextContents().then((t) => t.join(' '));

/** How many of the labels laid over the picture (incision, fixation, callouts) a viewer can see right now. */
const visibleSceneLabels = (page: Page) =>
  page.locator('.viewer[role="img"] .scene-label').evaluateAll((els) => els.filter((el) => el.checkVisibility({ visibilityProperty: true, opacityProperty: true })).length);

describe('browser support', () => {
  it('WebGL 1 only (web): the 2D illustration with its reason and the same controls; the model is never requested', async () => {
    const { context, page, pageErrors, requests } = await open('?lang=en&technique=thread', { init: NO_WEBGL2, viewport: { width: 390, height: 844 } });
    await waitReady(page);
    const figure = page.locator('[role="img"] .fallback2d');
    await figure.waitFor({ timeout: 15_000 });
    expect(await page.locator('.viewer[role="img"]').getAttribute('data-fallback')).toBe('no-webgl2');
    expect(await figure.locator('figcaption').textContent()).toContain('WebGL 2');
    expect(await page.locator('[role="img"] canvas').count()).toBe(0);
    expect(await page.locator('.model-error').count()).toBe(0);
    // The same controls: another technique shows its own drawing, and Play runs the steps.
    await page.getByRole('button', { name: 'Smile Mini Lift', exact: true }).click();
    await expect.poll(() => page.locator('[role="img"][data-technique="smile"] .fallback2d').count()).toBe(1);
    const progress = page.getByRole('slider', { name: 'Procedure progress' });
    const before = Number(await progress.inputValue());
    await page.getByRole('button', { name: 'Play' }).first().click();
    await expect.poll(async () => Number(await progress.inputValue()), { timeout: 20_000 }).toBeGreaterThan(before);
    expect(modelRequests(requests)).toEqual([]);
    expect(pageErrors).toEqual([]);
    await context.close();
  });

  it('WebGL 1 only (kiosk): the 2D illustration, the attract loop moves on, no model request, no retry or reload', async () => {
    const { context, page, pageErrors, requests } = await open('?mode=kiosk', { init: NO_WEBGL2, viewport: { width: 1920, height: 1080 } });
    await page.locator('[data-kiosk-state="attract"]').waitFor({ timeout: 60_000 });
    await waitReady(page);
    await page.evaluate(() => ((window as unknown as { beforeReload: boolean }).beforeReload = true));
    expect(await page.locator('.viewer[role="img"]').getAttribute('data-fallback')).toBe('no-webgl2');
    const first = await page.locator('.viewer[role="img"]').getAttribute('data-technique');
    // The loop plays the technique through its steps and moves on to the next one (long before its 90 s safety).
    await expect.poll(() => page.locator('.viewer[role="img"]').getAttribute('data-technique'), { timeout: 60_000, interval: 500 }).not.toBe(first);
    expect(await page.locator('[data-kiosk-state]').getAttribute('data-kiosk-state')).toBe('attract');
    expect(await page.locator('.model-error, [data-notice="kiosk-error"]').count()).toBe(0);
    // Still the same page (no reload) and not a single request for the model.
    expect(await page.evaluate(() => (window as unknown as { beforeReload?: boolean }).beforeReload)).toBe(true);
    expect(modelRequests(requests)).toEqual([]);
    expect(pageErrors).toEqual([]);
    await context.close();
  }, 120_000);

  it('WebGL 1 only (consult): the 2D illustration in every compare pane, and Save snapshot says why it cannot save', async () => {
    const { context, page, pageErrors, requests } = await open('?mode=consult&lang=en&technique=smile', { init: NO_WEBGL2 });
    await waitReady(page);
    await page.getByRole('button', { name: 'Compare', exact: true }).click();
    await expect.poll(() => page.locator('.viewer[role="img"][data-fallback="no-webgl2"] .fallback2d').count()).toBe(3);
    await waitReady(page);
    const downloads: string[] = [];
    page.on('download', (d) => downloads.push(d.suggestedFilename()));
    // There is no 3D picture to compose: a polite message that says so (not silence, not "out of memory").
    await page.getByRole('button', { name: 'Save snapshot (PNG)' }).click();
    await expect.poll(() => politeText(page)).toContain('this device shows the 2D illustration');
    expect(await page.locator('[data-notice="snapshot"]').isVisible()).toBe(true);
    expect(downloads).toEqual([]);
    expect(await page.locator('.model-error, .error-screen').count()).toBe(0);
    // Consult's measurements read the model's data (no WebGL needed): fetched once at most, never retried.
    expect(modelRequests(requests).length).toBeLessThanOrEqual(1);
    expect(pageErrors).toEqual([]);
    await context.close();
  });

  it('a lost GPU context that never comes back: a polite message within 2 s, then a new canvas draws the face; state kept', async () => {
    const { context, page, pageErrors } = await open('?mode=consult&lang=en&technique=smile&step=2');
    await waitReady(page);
    await expect.poll(() => visibleSceneLabels(page)).toBeGreaterThan(0);
    const before = new URL(page.url()).searchParams;
    await loseContextForGood(page, { noNewContexts: false });
    await expect.poll(() => politeText(page), { timeout: 2000, interval: 100 }).toContain('The graphics were interrupted');
    // Not "ready" while the picture is gone, and no labels left floating over the empty pane.
    expect(await page.locator('.viewer[role="img"]').getAttribute('data-ready')).toBe('false');
    expect(await visibleSceneLabels(page)).toBe(0);
    // About 5 s later a new canvas with a new context draws the face again, and the message goes.
    await page.waitForFunction(() => {
      const canvas = document.querySelector('[role="img"] canvas') as (HTMLCanvasElement & { __lost?: boolean }) | null;
      return canvas !== null && !canvas.__lost;
    }, undefined, { timeout: 30_000, polling: 250 });
    await waitReady(page);
    expect(await foregroundFraction(page)).toBeGreaterThan(0.05);
    await expect.poll(() => politeText(page)).not.toContain('The graphics were interrupted');
    expect(await page.locator('.viewer[role="img"]').getAttribute('data-render')).toBe('3d');
    const after = new URL(page.url()).searchParams;
    for (const key of ['technique', 'step', 'lang', 'mode']) expect(after.get(key)).toBe(before.get(key));
    expect(pageErrors).toEqual([]);
    await context.close();
  });

  it('several compare panes lose their GPU contexts: the message stays until the last of them is back', async () => {
    const { context, page, pageErrors } = await open('?mode=consult&lang=en&technique=smile');
    await waitReady(page);
    await page.getByRole('button', { name: 'Compare', exact: true }).click();
    await expect.poll(() => page.locator('.viewer[role="img"] canvas').count()).toBe(3);
    await waitReady(page);
    // Watch the message: when it goes, is any pane still without its picture?
    await page.evaluate(() => {
      const w = window as unknown as { __gpuMessageGone?: { paneStillLost: boolean } };
      const notices = document.querySelector('.notices')!;
      let shown = false;
      new MutationObserver(() => {
        const there = notices.querySelector('[data-notice="gpu"]') !== null;
        if (there) shown = true;
        else if (shown && !w.__gpuMessageGone) w.__gpuMessageGone = { paneStillLost: document.querySelector('.viewer[data-gpu="lost"]') !== null };
      }).observe(notices, { childList: true, subtree: true });
    });
    // Two panes lose their contexts; the browser gives the first one back at once, the second never.
    await page.evaluate(() => {
      const canvases = [...document.querySelectorAll('.viewer[role="img"] canvas')] as HTMLCanvasElement[];
      const [first, second] = canvases.map((c) => c.getContext('webgl2')!.getExtension('WEBGL_lose_context')!);
      canvases[0]!.addEventListener('webglcontextlost', () => setTimeout(() => first!.restoreContext(), 0), { once: true });
      first!.loseContext();
      second!.loseContext();
    });
    // The second pane is rebuilt on a new canvas about 5 s later; only then may the message go (not when the
    // first pane is back, a moment after it came).
    await page.waitForFunction(() => (window as unknown as { __gpuMessageGone?: unknown }).__gpuMessageGone !== undefined, undefined, { timeout: 60_000, polling: 250 });
    expect(await page.evaluate(() => (window as unknown as { __gpuMessageGone: { paneStillLost: boolean } }).__gpuMessageGone)).toEqual({ paneStillLost: false });
    await waitReady(page);
    expect(await page.locator('.viewer[role="img"][data-render="3d"]').count()).toBe(3);
    expect(pageErrors).toEqual([]);
    await context.close();
  });

  it('a lost GPU context with no new one to be had: the 2D illustration with its reason; controls and state kept', async () => {
    const { context, page, pageErrors } = await open('?mode=consult&lang=en&technique=smile&step=2');
    await waitReady(page);
    const before = new URL(page.url()).searchParams;
    await loseContextForGood(page, { noNewContexts: true });
    await expect.poll(() => politeText(page), { timeout: 2000, interval: 100 }).toContain('The graphics were interrupted');
    await page.locator('[role="img"][data-fallback="gpu-lost"] .fallback2d').waitFor({ timeout: 30_000 });
    await waitReady(page);
    expect(await page.locator('[role="img"] figcaption').textContent()).toContain('graphics stopped working');
    expect(await page.locator('.model-error, .error-screen').count()).toBe(0);
    await expect.poll(() => politeText(page)).not.toContain('The graphics were interrupted');
    const after = new URL(page.url()).searchParams;
    for (const key of ['technique', 'step', 'lang', 'mode']) expect(after.get(key)).toBe(before.get(key));
    expect(after.get('step')).toBe('2');
    await page.getByRole('button', { name: 'Traditional mini lift', exact: true }).click();
    await expect.poll(() => page.locator('[role="img"][data-technique="traditional"] .fallback2d').count()).toBe(1);
    expect(pageErrors).toEqual([]);
    await context.close();
  });

  it('a lost GPU context with no new one to be had: the kiosk reloads itself and comes back in its loop', async () => {
    const { context, page } = await open('?mode=kiosk', { viewport: { width: 1920, height: 1080 } });
    await waitReady(page);
    await page.evaluate(() => ((window as unknown as { beforeReload: boolean }).beforeReload = true));
    await loseContextForGood(page, { noNewContexts: true });
    await page.waitForFunction(() => !(window as unknown as { beforeReload?: boolean }).beforeReload, undefined, { timeout: 60_000, polling: 500 });
    await page.locator('[data-kiosk-state="attract"]').waitFor({ timeout: 60_000 });
    await waitReady(page);
    expect(await page.locator('.viewer[role="img"]').getAttribute('data-render')).toBe('3d');
    // It was the GPU reload (remembered, so a GPU that dies again right away does not start a reload loop),
    // not the reload after an uncaught error.
    expect(Number(await page.evaluate(() => sessionStorage.getItem('lift.gpuReloadAt')))).toBeGreaterThan(0);
    await context.close();
  }, 180_000);

  it('a lost GPU context with no new one during a kiosk visit: the 2D illustration keeps the visitor\'s technique, step and language; the reload waits for the loop', async () => {
    const { context, page, pageErrors } = await open('?mode=kiosk', { viewport: { width: 1920, height: 1080 }, config: { languages: ['en', 'ko'], kioskIdleSeconds: 600 } });
    await page.locator('[data-kiosk-state="attract"]').waitFor({ timeout: 60_000 });
    await waitReady(page);
    await page.evaluate(() => ((window as unknown as { beforeReload: boolean }).beforeReload = true));
    // A visitor: wakes the kiosk, picks the thread lift, steps to its third step, switches to Korean.
    await page.touchscreen.tap(960, 400);
    await page.locator('[data-kiosk-state="interactive"]').waitFor();
    const thread = page.getByRole('button', { name: 'Dual-layer thread lift', exact: true });
    await expect.poll(async () => {
      await thread.tap();
      return page.locator('.viewer[role="img"]').getAttribute('data-technique');
    }).toBe('thread');
    for (let i = 0; i < 2; i++) await page.getByRole('button', { name: 'Next step' }).tap();
    await page.locator('[data-lang="ko"]').tap();
    await expect.poll(() => page.evaluate(() => document.documentElement.lang)).toBe('ko');
    // The address follows (its writes are coalesced): read it once it has both.
    await expect.poll(() => new URL(page.url()).searchParams.get('step')).toBe('2');
    await expect.poll(() => new URL(page.url()).searchParams.get('lang')).toBe('ko');
    const before = new URL(page.url()).searchParams;
    const title = await page.locator('.kiosk-title').textContent();
    await loseContextForGood(page, { noNewContexts: true });
    // Said at once, in the visitor's language (not a blank stage with nothing said).
    await expect.poll(() => politeText(page), { timeout: 2000, interval: 100 }).toContain('그래픽이 중단되었습니다');
    // No reload in the middle of the visit: the 2D illustration, and everything the visitor chose stays.
    await page.locator('[role="img"][data-fallback="gpu-lost"] .fallback2d').waitFor({ timeout: 30_000 });
    await waitReady(page);
    expect(await page.evaluate(() => (window as unknown as { beforeReload?: boolean }).beforeReload)).toBe(true);
    expect(await page.locator('[data-kiosk-state]').getAttribute('data-kiosk-state')).toBe('interactive');
    expect(await page.locator('.viewer[role="img"]').getAttribute('data-technique')).toBe('thread');
    expect(await page.locator('.kiosk-title').textContent()).toBe(title);
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('ko');
    const after = new URL(page.url()).searchParams;
    for (const key of ['technique', 'step', 'lang', 'mode']) expect(after.get(key)).toBe(before.get(key));
    // Back to the loop ("Start over"): now the kiosk reloads itself, and the new page draws in 3D again.
    await page.locator('.kiosk-restart').tap();
    await page.waitForFunction(() => !(window as unknown as { beforeReload?: boolean }).beforeReload, undefined, { timeout: 60_000, polling: 500 });
    await page.locator('[data-kiosk-state="attract"]').waitFor({ timeout: 60_000 });
    await waitReady(page);
    expect(await page.locator('.viewer[role="img"]').getAttribute('data-render')).toBe('3d');
    expect(Number(await page.evaluate(() => sessionStorage.getItem('lift.gpuReloadAt')))).toBeGreaterThan(0);
    expect(pageErrors).toEqual([]);
    await context.close();
  }, 180_000);

  it.each([
    ['web', '?lang=en'],
    ['kiosk', '?mode=kiosk'],
  ])('WebAssembly refused by the CSP (%s): the 2D illustration with a truthful reason, never "damaged", nothing uncaught, no re-download', async (mode, query) => {
    // Safari < 16 does not know 'wasm-unsafe-eval': our own policy then forbids the meshopt decoder's WebAssembly.
    const { context, page, pageErrors, requests } = await open(query, {
      viewport: { width: 1920, height: 1080 },
      setup: (p) =>
        p.route(
          (url) => url.pathname.endsWith('/') || url.pathname.endsWith('/index.html'),
          async (route) => {
            const response = await route.fetch();
            const html = (await response.text()).replace(/ ?'wasm-unsafe-eval'/g, '');
            await route.fulfill({ response, body: html });
          },
        ),
    });
    await page.locator('[role="img"][data-fallback="no-wasm"] .fallback2d').waitFor({ timeout: 60_000 });
    await waitReady(page);
    await page.evaluate(() => ((window as unknown as { beforeReload: boolean }).beforeReload = true));
    expect(await page.locator('[role="img"] figcaption').textContent()).toContain('blocks the decoder the 3D model needs');
    expect(await page.locator('body').textContent()).not.toMatch(/damaged|could not be loaded/);
    if (mode === 'kiosk') {
      // Longer than the kiosk's model retry (15 s) and its error reload (10 s): neither may happen.
      await page.waitForTimeout(20_000);
      expect(await page.locator('[data-kiosk-state]').getAttribute('data-kiosk-state')).toBe('attract');
      expect(await page.locator('[data-notice="kiosk-error"], .model-error').count()).toBe(0);
      expect(await page.evaluate(() => (window as unknown as { beforeReload?: boolean }).beforeReload)).toBe(true);
    }
    expect(modelRequests(requests).length).toBeLessThanOrEqual(1);
    expect(pageErrors).toEqual([]);
    await context.close();
  }, 120_000);

  it('the kiosk asks again for a screen wake lock the system released while visible, with a back-off and no noise', async () => {
    const FAKE_WAKE_LOCK = () => {
      const log = { requests: [] as number[], sentinels: [] as EventTarget[] };
      (window as unknown as { __wake: typeof log }).__wake = log;
      class Sentinel extends EventTarget {
        released = false;
        readonly type = 'screen';
        release() {
          if (!this.released) {
            this.released = true;
            this.dispatchEvent(new Event('release'));
          }
          return Promise.resolve();
        }
      }
      Object.defineProperty(Navigator.prototype, 'wakeLock', {
        configurable: true,
        get: () => ({
          request: () => {
            log.requests.push(performance.now());
            const s = new Sentinel();
            log.sentinels.push(s);
            return Promise.resolve(s);
          },
        }),
      });
    };
    const { context, page, console: messages } = await open('?mode=kiosk', { init: FAKE_WAKE_LOCK, viewport: { width: 1920, height: 1080 } });
    await page.locator('[data-kiosk-state="attract"]').waitFor({ timeout: 60_000 });
    const wake = () => page.evaluate(() => (window as unknown as { __wake: { requests: number[] } }).__wake.requests);
    await expect.poll(async () => (await wake()).length, { timeout: 30_000 }).toBe(1);
    expect(await page.evaluate(() => document.visibilityState)).toBe('visible');
    // The system takes the lock away (battery saver, power policy) while the page stays visible, three times.
    const releasedAt: number[] = [];
    for (let n = 1; n <= 3; n++) {
      releasedAt.push(
        await page.evaluate(() => {
          const log = (window as unknown as { __wake: { sentinels: { release(): Promise<void> }[] } }).__wake;
          void log.sentinels.at(-1)!.release();
          return performance.now();
        }),
      );
      await expect.poll(async () => (await wake()).length, { timeout: 30_000, interval: 200 }).toBe(n + 1);
    }
    const requests = await wake();
    // Asked again each time, after a pause that grows: 1 s, 2 s, 4 s (lower bounds only: load makes them longer).
    const waits = releasedAt.map((at, i) => requests[i + 1]! - at);
    console.log(`[browser] wake lock asked again after ${waits.map((w) => Math.round(w)).join(', ')} ms`);
    expect(waits[0]).toBeGreaterThanOrEqual(900);
    expect(waits[1]).toBeGreaterThanOrEqual(1900);
    expect(waits[2]).toBeGreaterThanOrEqual(3900);
    expect(messages.filter((m) => /wake/i.test(m.text))).toEqual([]);
    await context.close();
  });

  it('the kiosk asks again, with a back-off, for a screen wake lock the system refuses, quietly', async () => {
    // Battery saver or a power policy: the request itself is refused (NotAllowedError), twice, then granted.
    const REFUSING_WAKE_LOCK = () => {
      const log = { requests: [] as number[], granted: 0 };
      (window as unknown as { __wake: typeof log }).__wake = log;
      Object.defineProperty(Navigator.prototype, 'wakeLock', {
        configurable: true,
        get: () => ({
          request: () => {
            log.requests.push(performance.now());
            if (log.requests.length <= 2) return Promise.reject(new DOMException('Wake lock refused by the system', 'NotAllowedError'));
            log.granted++;
            const sentinel = new EventTarget();
            return Promise.resolve(Object.assign(sentinel, { released: false, type: 'screen', release: () => Promise.resolve() }));
          },
        }),
      });
    };
    const { context, page, pageErrors, console: messages } = await open('?mode=kiosk', { init: REFUSING_WAKE_LOCK, viewport: { width: 1920, height: 1080 } });
    await page.locator('[data-kiosk-state="attract"]').waitFor({ timeout: 60_000 });
    const wake = () => page.evaluate(() => (window as unknown as { __wake: { requests: number[]; granted: number } }).__wake);
    // Nobody touches the screen: the kiosk asks again by itself until the lock is granted, then stops asking.
    await expect.poll(async () => (await wake()).granted, { timeout: 30_000, interval: 200 }).toBe(1);
    const { requests } = await wake();
    expect(requests.length).toBe(3);
    // Pauses of at least 1 s, then 2 s (lower bounds only: load makes them longer).
    expect(requests[1]! - requests[0]!).toBeGreaterThanOrEqual(900);
    expect(requests[2]! - requests[1]!).toBeGreaterThanOrEqual(1900);
    expect(messages.filter((m) => /wake/i.test(m.text))).toEqual([]);
    expect(await page.locator('[data-notice="kiosk-error"]').count()).toBe(0);
    expect(pageErrors).toEqual([]);
    await context.close();
  });

  it('a snapshot the device cannot make: a polite message, nothing uncaught, the composed canvas released every time', async () => {
    const TRACK_TO_BLOB = () => {
      const w = window as unknown as { __snapshots: HTMLCanvasElement[]; __failToBlob: boolean };
      w.__snapshots = [];
      w.__failToBlob = false;
      const real = HTMLCanvasElement.prototype.toBlob;
      HTMLCanvasElement.prototype.toBlob = function (callback: BlobCallback, ...rest: unknown[]) {
        w.__snapshots.push(this);
        // iOS hands back null when it has no canvas memory left for the picture.
        if (w.__failToBlob) return void setTimeout(() => callback(null), 0);
        return real.call(this, callback, ...(rest as []));
      };
    };
    const { context, page, pageErrors } = await open('?mode=consult&lang=en', { init: TRACK_TO_BLOB });
    await waitReady(page);
    const released = () =>
      page.evaluate(() => (window as unknown as { __snapshots: HTMLCanvasElement[] }).__snapshots.map((c) => c.width === 0 && c.height === 0));
    const save = page.getByRole('button', { name: 'Save snapshot (PNG)' });
    // A save that works: downloaded, and its composed canvas released.
    await Promise.all([page.waitForEvent('download'), save.click()]);
    await expect.poll(released).toEqual([true]);
    // A save the device cannot make.
    await page.evaluate(() => ((window as unknown as { __failToBlob: boolean }).__failToBlob = true));
    await save.click();
    await expect.poll(() => politeText(page)).toContain('could not be saved');
    expect(await page.locator('[data-notice="snapshot"]').isVisible()).toBe(true);
    await expect.poll(released).toEqual([true, true]);
    // The app carries on: the face is still there and, once the message is dismissed, the next save works again.
    expect(await foregroundFraction(page)).toBeGreaterThan(0.05);
    await page.locator('[data-notice="snapshot"]').getByRole('button', { name: 'Dismiss' }).click();
    await page.evaluate(() => ((window as unknown as { __failToBlob: boolean }).__failToBlob = false));
    await Promise.all([page.waitForEvent('download'), save.click()]);
    await expect.poll(released).toEqual([true, true, true]);
    expect(pageErrors).toEqual([]);
    await context.close();
  });
});
