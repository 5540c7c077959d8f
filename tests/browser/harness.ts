// Shared browser-test plumbing: one headless Chromium per test file (software WebGL), pages that record
// console errors, page errors and every request, and helpers to wait for the head and inspect pixels.
import { inject } from 'vitest';
import { chromium, type Browser, type Page } from 'playwright-core';
// @ts-expect-error plain ESM helper shared with the npm scripts
import { CHROMIUM_ARGS } from '../../scripts/lib/chromium.mjs';
// @ts-expect-error plain ESM helper shared with the npm scripts
import { waitForQuietFrames as quietFrames } from '../../scripts/lib/ready.mjs';

export interface Recorded {
  readonly cspViolations: () => Promise<string[]>;
  readonly consoleErrors: string[];
  readonly pageErrors: string[];
  readonly requests: string[];
}

export async function launch(): Promise<Browser> {
  return chromium.launch({ executablePath: inject('chromiumPath'), args: CHROMIUM_ARGS as string[], headless: true });
}

export function appUrl(query = ''): string {
  return `${inject('baseUrl')}${query}`;
}

export async function openPage(
  browser: Browser,
  query: string,
  viewport = { width: 1280, height: 800 },
  options: { fakeClock?: boolean; reducedMotion?: 'reduce' | 'no-preference' } = {},
): Promise<{ page: Page; rec: Recorded }> {
  const context = await browser.newContext({ viewport, locale: 'en-US', ...(options.reducedMotion ? { reducedMotion: options.reducedMotion } : {}) });
  // Record Content-Security-Policy violations from the first script on.
  await context.addInitScript(() => {
    const list: string[] = [];
    (window as unknown as { __csp: string[] }).__csp = list;
    document.addEventListener('securitypolicyviolation', (e) => list.push(`${e.violatedDirective} ${e.blockedURI}`));
  });
  const page = await context.newPage();
  const rec: Recorded = {
    consoleErrors: [],
    pageErrors: [],
    requests: [],
    cspViolations: () => page.evaluate(() => (window as unknown as { __csp?: string[] }).__csp ?? []),
  };
  page.on('console', (m) => {
    if (m.type() === 'error') rec.consoleErrors.push(m.text());
  });
  page.on('pageerror', (e) => rec.pageErrors.push(String(e)));
  page.on('request', (r) => rec.requests.push(r.url()));
  // The page's timers, animation frames and clocks on playwright's fake clock (running until pauseClock).
  if (options.fakeClock) await page.clock.install();
  await page.goto(appUrl(query));
  return { page, rec };
}

/** Wait until every canvas wrapper on the page says it has drawn the head. */
export async function waitReady(page: Page, timeout = 120_000): Promise<void> {
  await page.waitForSelector('[role="img"][data-ready]', { timeout });
  await page.waitForFunction(
    () => {
      const all = [...document.querySelectorAll('[role="img"][data-ready]')];
      return all.length > 0 && all.every((el) => el.getAttribute('data-ready') === 'true');
    },
    undefined,
    { timeout, polling: 250 },
  );
}

/**
 * Stop the page's (installed, still running) fake clock: from here on its timers, animation frames and clocks
 * move only when the test advances them, so what the page does no longer depends on how fast the machine is.
 * (Pausing needs a moment still ahead of the page's running clock: on a busy machine a whole second can pass
 * between reading it and pausing.)
 */
export async function pauseClock(page: Page): Promise<void> {
  for (let attempt = 0; ; attempt++) {
    try {
      await page.clock.pauseAt((await page.evaluate(() => Date.now())) + 1000);
      return;
    } catch (error) {
      if (attempt === 4) throw error;
    }
  }
}

/** Frames drawn so far by every renderer on the page (window.__lift, src/scene/diagnostics.ts). */
export function framesDrawn(page: Page): Promise<number> {
  return page.evaluate(() => (window.__lift?.stats() ?? []).reduce((n, s) => n + s.frames, 0));
}

/**
 * Wait until the page has drawn no frame for `quietMs` (the canvases render on demand: camera flights, the
 * cutaway's peel and deferred engine work end in quiet). True when quiet, false if still drawing at `timeout`.
 */
export function waitForQuietFrames(page: Page, options: { quietMs?: number; timeout?: number } = {}): Promise<boolean> {
  return quietFrames(page, options) as Promise<boolean>;
}

/**
 * On a paused fake clock: advance it in small steps until the renderers have drawn a frame after `before`
 * (what was just asked of the page is on the canvas). Throws if 10 s of page time pass without a frame.
 */
export async function advanceUntilDrawn(page: Page, before: number, stepMs = 20): Promise<void> {
  for (let ms = 0; ms < 10_000; ms += stepMs) {
    await page.clock.runFor(stepMs);
    if ((await framesDrawn(page)) > before) return;
  }
  throw new Error('no frame drawn within 10 s of page time');
}

/**
 * RGBA pixels of a scaled copy of the index-th viewer canvas: `width` wide, and `height` tall (default: the
 * canvas's aspect). null when there is no such canvas.
 */
async function thumbnail(page: Page, index: number, width: number, height?: number): Promise<number[] | null> {
  return page.evaluate(
    ({ i, w, h }) => {
      const canvas = document.querySelectorAll('[role="img"] canvas')[i] as HTMLCanvasElement | undefined;
      if (!canvas) return null;
      const copy = document.createElement('canvas');
      copy.width = w;
      copy.height = h ?? Math.max(1, Math.round((w * canvas.height) / canvas.width));
      const ctx = copy.getContext('2d')!;
      ctx.drawImage(canvas, 0, 0, copy.width, copy.height);
      return Array.from(ctx.getImageData(0, 0, copy.width, copy.height).data);
    },
    { i: index, w: width, h: height },
  );
}

/** Fraction of canvas pixels that differ clearly from the background colour (page background #eef1f3). */
export async function foregroundFraction(page: Page, index = 0): Promise<number> {
  const data = await thumbnail(page, index, 160);
  if (!data) return -1;
  let fg = 0;
  for (let p = 0; p < data.length; p += 4) {
    const d = Math.abs(data[p]! - 0xee) + Math.abs(data[p + 1]! - 0xf1) + Math.abs(data[p + 2]! - 0xf3);
    if (d > 30) fg++;
  }
  return fg / (data.length / 4);
}

/**
 * Shares of the canvas in the SMAS's red (green and blue about equal and under half of red: not the hair's
 * brown, green ≈ 0.6 red and blue well under green, nor the incision marker's magenta, blue over green) and in
 * skin tones (warm, green 65–92 % of red), on a 160-px-wide copy.
 */
export async function tissueColours(page: Page, index = 0): Promise<{ smas: number; skin: number }> {
  const data = (await thumbnail(page, index, 160)) ?? [];
  let smas = 0;
  let skin = 0;
  for (let p = 0; p < data.length; p += 4) {
    const r = data[p]!, g = data[p + 1]!, b = data[p + 2]!;
    if (r < 60) continue;
    if (g < 0.52 * r && b < 0.55 * r && b > 0.75 * g) smas++;
    else if (g > 0.65 * r && g < 0.92 * r && b < g) skin++;
  }
  const n = Math.max(1, data.length / 4);
  return { smas: smas / n, skin: skin / n };
}

/** A small greyscale thumbnail of a canvas, to compare two renders. */
export async function canvasSignature(page: Page, index = 0): Promise<number[]> {
  const data = (await thumbnail(page, index, 64, 64)) ?? [];
  const out: number[] = [];
  for (let p = 0; p < data.length; p += 4) out.push((data[p]! + data[p + 1]! + data[p + 2]!) / 3);
  return out;
}

export function meanAbsDiff(a: number[], b: number[]): number {
  let sum = 0;
  for (let i = 0; i < a.length; i++) sum += Math.abs((a[i] ?? 0) - (b[i] ?? 0));
  return sum / a.length;
}

/**
 * How many samples of two signatures differ by more than `levels` grey levels: a thin line (a contour, a crease)
 * changes few pixels by a lot, which a mean over the whole canvas drowns.
 */
export function changedSamples(a: number[], b: number[], levels = 12): number {
  let n = 0;
  for (let i = 0; i < a.length; i++) if (Math.abs((a[i] ?? 0) - (b[i] ?? 0)) > levels) n++;
  return n;
}

/** Requests to any origin other than the app's own. */
export function foreignRequests(rec: Recorded): string[] {
  const own = new URL(inject('baseUrl')).origin;
  return rec.requests.filter((u) => !u.startsWith('data:') && !u.startsWith('blob:') && new URL(u).origin !== own);
}
