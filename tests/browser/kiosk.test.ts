// The lobby kiosk: attract loop → touch → big controls → idle countdown → back to the loop (state reset);
// config errors on screen; lockdown; QR code; axe; offline reload through the service worker.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { appUrl, launch, waitReady } from './harness.ts';
import { seriousAxeViolations } from './axe.ts';
import { DEFAULT_CONFIG } from '../../src/core/config/schema.ts';

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

const LANDSCAPE = { width: 1920, height: 1080 };
const PORTRAIT = { width: 1080, height: 1920 };

interface Opened {
  readonly context: BrowserContext;
  readonly page: Page;
  readonly pageErrors: string[];
  readonly consoleErrors: string[];
  readonly requests: string[];
}

/** Open the kiosk with a test-only config.json (or the real one when `config` is undefined). */
async function openKiosk(query: string, config?: unknown, viewport = LANDSCAPE, serviceWorkers: 'allow' | 'block' = 'block'): Promise<Opened> {
  const context = await browser.newContext({ viewport, locale: 'en-US', hasTouch: true, serviceWorkers });
  const page = await context.newPage();
  const pageErrors: string[] = [];
  const consoleErrors: string[] = [];
  const requests: string[] = [];
  page.on('pageerror', (e) => pageErrors.push(String(e)));
  page.on('console', (m) => {
    if (m.type() === 'error') consoleErrors.push(m.text());
  });
  page.on('request', (r) => requests.push(r.url()));
  if (config !== undefined) {
    await page.route('**/config.json', (route) => route.fulfill({ contentType: 'application/json', body: typeof config === 'string' ? config : JSON.stringify(config) }));
  }
  await page.goto(appUrl(`?mode=kiosk${query}`));
  return { context, page, pageErrors, consoleErrors, requests };
}

const kioskState = (page: Page) => page.locator('[data-kiosk-state]').getAttribute('data-kiosk-state');

describe('kiosk', () => {
  it('loops, wakes on a touch, and returns to the loop with state reset after the idle time', async () => {
    const { page, pageErrors, consoleErrors, requests } = await openKiosk('', { ...DEFAULT_CONFIG, kioskIdleSeconds: 10, defaultLanguage: 'ko' });
    await waitReady(page);
    expect(await kioskState(page)).toBe('attract');
    // The loop plays the first technique with its large caption.
    await expect.poll(() => page.locator('.attract-title').textContent()).toBe('전통 미니리프팅');
    await expect.poll(() => page.locator('input[type="range"]').count()).toBe(0);

    await page.touchscreen.tap(960, 400);
    await expect.poll(() => kioskState(page)).toBe('interactive');
    // Big controls.
    const sizes = await page.$$eval('.kiosk-panel button', (els) => els.map((e) => Math.min(e.getBoundingClientRect().width, e.getBoundingClientRect().height)));
    expect(Math.min(...sizes)).toBeGreaterThanOrEqual(64);
    // The visitor changes language and technique.
    await page.locator('[data-lang="en"]').tap();
    await page.getByRole('button', { name: 'Dual-layer thread lift', exact: true }).tap();
    await expect.poll(() => page.locator('.kiosk-title').textContent()).toBe('Dual-layer thread lift');
    await expect.poll(() => page.locator('.qr-code').getAttribute('data-qr-value')).toMatch(/\?mode=web&technique=thread&lang=en$/);

    // Left alone: "Still there?" after 10 s, then back to the loop 10 s later.
    await expect.poll(() => kioskState(page), { timeout: 20_000 }).toBe('countdown');
    expect(await page.getByRole('alertdialog').textContent()).toContain('Still there?');
    await expect.poll(() => kioskState(page), { timeout: 20_000 }).toBe('attract');
    // All state reset: default language, first technique of the loop.
    await expect.poll(() => page.evaluate(() => document.documentElement.lang)).toBe('ko');
    await expect.poll(() => page.locator('.attract-title').textContent()).toBe('전통 미니리프팅');
    expect(pageErrors).toEqual([]);
    expect(consoleErrors).toEqual([]);
    const own = new URL(appUrl('')).origin;
    expect(requests.filter((u) => !u.startsWith('data:') && !u.startsWith('blob:') && new URL(u).origin !== own)).toEqual([]);
    await page.context().close();
  });

  it('"Continue" keeps the visit going', async () => {
    const { page } = await openKiosk('', { ...DEFAULT_CONFIG, kioskIdleSeconds: 10 });
    await page.locator('[data-kiosk-state]').waitFor();
    await page.touchscreen.tap(500, 500);
    await expect.poll(() => kioskState(page)).toBe('interactive');
    await expect.poll(() => kioskState(page), { timeout: 20_000 }).toBe('countdown');
    await page.getByRole('button', { name: /계속 보기|Continue/ }).tap();
    await expect.poll(() => kioskState(page)).toBe('interactive');
    await page.context().close();
  });

  it('shows a config error on screen', async () => {
    const { page } = await openKiosk('', { ...DEFAULT_CONFIG, kioskIdleSeconds: 'soon', languages: [] });
    await page.locator('[data-kiosk-state]').waitFor();
    const notice = page.locator('[data-notice="config"]');
    await expect.poll(() => notice.isVisible()).toBe(true);
    expect(await notice.textContent()).toContain('kioskIdleSeconds');
    // Above the attract loop, not hidden behind it.
    const onTop = await page.evaluate(() => {
      const el = document.querySelector('[data-notice="config"]')!;
      const r = el.getBoundingClientRect();
      return el.contains(document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2));
    });
    expect(onTop).toBe(true);
    await page.context().close();
  });

  it('is locked down: no context menu, no ctrl+wheel zoom, links open nothing', async () => {
    const { page } = await openKiosk('&lang=en', { ...DEFAULT_CONFIG, defaultLanguage: 'en' });
    await page.locator('[data-kiosk-state]').waitFor();
    const prevented = await page.evaluate(() => {
      const ctx = new MouseEvent('contextmenu', { bubbles: true, cancelable: true });
      document.body.dispatchEvent(ctx);
      const wheel = new WheelEvent('wheel', { bubbles: true, cancelable: true, ctrlKey: true, deltaY: -100 });
      document.body.dispatchEvent(wheel);
      const a = document.createElement('a');
      a.href = 'https://example.com/';
      document.body.append(a);
      const click = new MouseEvent('click', { bubbles: true, cancelable: true });
      a.dispatchEvent(click);
      a.remove();
      return { ctx: ctx.defaultPrevented, wheel: wheel.defaultPrevented, link: click.defaultPrevented, select: getComputedStyle(document.body).userSelect };
    });
    expect(prevented).toEqual({ ctx: true, wheel: true, link: true, select: 'none' });
    expect(await page.locator('a[href]').count()).toBe(0);
    await page.context().close();
  });

  it.each([
    ['landscape', LANDSCAPE],
    ['portrait', PORTRAIT],
  ] as const)('has no serious or critical axe violations (%s, loop and interactive)', async (_name, viewport) => {
    const { page } = await openKiosk('', { ...DEFAULT_CONFIG, defaultLanguage: 'en' }, viewport);
    await waitReady(page);
    expect(await seriousAxeViolations(page)).toEqual([]);
    await page.touchscreen.tap(200, 200);
    await expect.poll(() => kioskState(page)).toBe('interactive');
    expect(await seriousAxeViolations(page)).toEqual([]);
    // The interactive panel fits the screen: nothing pushed off the bottom.
    const fits = await page.evaluate(() => [...document.querySelectorAll('.kiosk-panel button, .qr-code')].every((e) => e.getBoundingClientRect().bottom <= window.innerHeight + 1));
    expect(fits).toBe(true);
    await page.context().close();
  });

  it('retries a failed model load by itself: no touch, no "Try again", the loop keeps its place', async () => {
    const context = await browser.newContext({ viewport: LANDSCAPE, locale: 'en-US', hasTouch: true, serviceWorkers: 'block' });
    const page = await context.newPage();
    const pageErrors: string[] = [];
    page.on('pageerror', (e) => pageErrors.push(String(e)));
    // Any input would wake the loop ('interactive'): record every pointer and key event to prove none happened.
    await context.addInitScript(() => {
      const inputs: string[] = [];
      (window as unknown as { __inputs: string[] }).__inputs = inputs;
      for (const type of ['pointerdown', 'click', 'keydown', 'touchstart']) document.addEventListener(type, (e) => inputs.push(e.type), { capture: true });
    });
    // The model server fails twice (a 404, then corrupt bytes), then recovers.
    const served: { at: number; outcome: string }[] = [];
    await page.route('**/models/head.glb', (route) => {
      const n = served.length;
      served.push({ at: Date.now(), outcome: n === 0 ? '404' : n === 1 ? 'corrupt' : 'ok' });
      if (n === 0) return route.fulfill({ status: 404, body: 'nope' });
      if (n === 1) return route.fulfill({ status: 200, contentType: 'model/gltf-binary', body: Buffer.from('glTF-this-is-not-a-model') });
      return route.continue();
    });
    await page.route('**/config.json', (route) => route.fulfill({ contentType: 'application/json', body: JSON.stringify({ ...DEFAULT_CONFIG, defaultLanguage: 'en' }) }));
    await page.goto(appUrl('?mode=kiosk'));
    const alert = page.locator('.model-error[role="alert"]');
    await alert.waitFor({ timeout: 60_000 });
    expect(await alert.textContent()).toContain('could not be loaded');
    // The second attempt (no input in between) fails too: the message comes back and the kiosk keeps trying.
    await expect.poll(() => served.length, { timeout: 40_000, interval: 250 }).toBeGreaterThanOrEqual(2);
    await alert.waitFor({ timeout: 30_000 });
    // The third attempt succeeds: the head is drawn and the error is gone, still without any input.
    await waitReady(page, 120_000);
    expect(await alert.count()).toBe(0);
    expect(served.map((s) => s.outcome)).toEqual(['404', 'corrupt', 'ok']);
    // Retries are paced (KIOSK_MODEL_RETRY_MS, 15 s), not a tight loop hammering a failing server.
    expect(served[1]!.at - served[0]!.at).toBeGreaterThan(10_000);
    expect(served[2]!.at - served[1]!.at).toBeGreaterThan(10_000);
    expect(await page.evaluate(() => (window as unknown as { __inputs: string[] }).__inputs)).toEqual([]);
    expect(await kioskState(page)).toBe('attract');
    expect(pageErrors).toEqual([]);
    await context.close();
  }, 240_000);

  it('recovers from an uncaught error by reloading itself after a pause', async () => {
    const { page } = await openKiosk('', { ...DEFAULT_CONFIG, defaultLanguage: 'en' });
    await page.locator('[data-kiosk-state]').waitFor();
    await page.evaluate(() => {
      (window as unknown as { beforeReload: boolean }).beforeReload = true;
      window.dispatchEvent(new ErrorEvent('error', { message: 'simulated failure' }));
    });
    await expect.poll(() => page.locator('[data-notice="kiosk-error"]').count()).toBe(1);
    // KIOSK_ERROR_RELOAD_MS (10 s) later the page is a fresh one, back in its loop.
    await page.waitForFunction(() => !(window as unknown as { beforeReload?: boolean }).beforeReload, undefined, { timeout: 30_000, polling: 500 });
    await page.locator('[data-kiosk-state="attract"]').waitFor({ timeout: 60_000 });
    await page.context().close();
  });

  it('a render error shows the friendly message and the kiosk reloads itself after the pause', async () => {
    // A real render-time fault: the kiosk's chunk fails to load (twice: the first failure is retried at once),
    // so its lazy component throws while rendering. Nobody presses "Try again" or "Reload": ErrorBoundary
    // reloads the page KIOSK_ERROR_RELOAD_MS (10 s) later.
    const context = await browser.newContext({ viewport: LANDSCAPE, locale: 'en-US', hasTouch: true, serviceWorkers: 'block' });
    const page = await context.newPage();
    let chunkRequests = 0;
    await page.route('**/assets/KioskMode-*.js', (route) => (chunkRequests++ < 2 ? route.fulfill({ status: 503, body: '' }) : route.continue()));
    await page.route('**/config.json', (route) => route.fulfill({ contentType: 'application/json', body: JSON.stringify({ ...DEFAULT_CONFIG, defaultLanguage: 'en' }) }));
    const navigations: number[] = [];
    page.on('framenavigated', (frame) => {
      if (frame === page.mainFrame()) navigations.push(Date.now());
    });
    await page.goto(appUrl('?mode=kiosk'));
    const screen = page.locator('.error-screen[role="alert"]');
    await screen.waitFor({ timeout: 60_000 });
    const shownAt = Date.now();
    expect(await screen.textContent()).toContain('A newer version of this page is available.');
    expect(await screen.getByRole('button', { name: 'Try again' }).count()).toBe(1);
    await page.evaluate(() => ((window as unknown as { beforeReload: boolean }).beforeReload = true));
    // The reload: a fresh page (the marker is gone), back in its attract loop with the head drawn.
    await page.waitForFunction(() => !(window as unknown as { beforeReload?: boolean }).beforeReload, undefined, { timeout: 30_000, polling: 500 });
    const reloadedAfter = navigations.at(-1)! - shownAt;
    console.log(`[browser] kiosk reloaded ${reloadedAfter} ms after the error screen appeared`);
    expect(reloadedAfter).toBeGreaterThan(7_000); // a pause, not an instant reload loop
    await page.locator('[data-kiosk-state="attract"]').waitFor({ timeout: 60_000 });
    await waitReady(page);
    expect(chunkRequests).toBe(3);
    expect(await screen.count()).toBe(0);
    await context.close();
  }, 180_000);

  it('works offline after its first load (service worker)', async () => {
    const { context, page } = await openKiosk('&lang=en', undefined, LANDSCAPE, 'allow');
    await waitReady(page);
    await page.waitForFunction(() => navigator.serviceWorker?.controller != null, undefined, { timeout: 60_000, polling: 250 });
    await context.setOffline(true);
    await page.reload();
    await waitReady(page);
    expect(await kioskState(page)).toBe('attract');
    await context.setOffline(false);
    await context.close();
  });
});
