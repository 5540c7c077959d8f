// The second patient (issue 12 item 3): consult chooses him (control and patient=male), web and kiosk never
// request his file, a switch keeps the surgeon's work and data-ready stays honest, a failed download is handled.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page, Route } from 'playwright-core';
import { appUrl, canvasSignature, foregroundFraction, launch, meanAbsDiff, openPage, waitReady } from './harness.ts';

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

const MALE = /\/models\/head-male\.glb(\?|$)/;
const FEMALE = /\/models\/head\.glb(\?|$)/;
const readyOf = (page: Page) => page.locator('[role="img"]').first().getAttribute('data-ready');

describe('second patient', () => {
  it('web never requests the male file, even when the link asks for him, and says the setting was ignored', async () => {
    const { page, rec } = await openPage(browser, '?mode=web&lang=en&patient=male');
    await waitReady(page);
    expect(rec.requests.filter((u) => MALE.test(u))).toEqual([]);
    expect(rec.requests.some((u) => FEMALE.test(u))).toBe(true);
    expect(await page.locator('[data-notice="url"]').textContent()).toContain('patient=male');
    expect(await page.getByRole('group', { name: 'Patient' }).count()).toBe(0);
    expect(rec.pageErrors).toEqual([]);
    await page.context().close();
  });

  it('the kiosk never requests the male file, neither the page nor its service worker precache', async () => {
    const context = await browser.newContext({ viewport: { width: 1920, height: 1080 }, locale: 'en-US', hasTouch: true, serviceWorkers: 'allow' });
    const requests: string[] = [];
    // context-wide: includes what the service worker fetches for its precache
    context.on('request', (r) => requests.push(r.url()));
    const page = await context.newPage();
    await page.goto(appUrl('?mode=kiosk&lang=en&patient=male'));
    await waitReady(page);
    await page.waitForFunction(() => navigator.serviceWorker?.controller != null, undefined, { timeout: 60_000, polling: 250 });
    expect(requests.some((u) => FEMALE.test(u))).toBe(true);
    expect(requests.filter((u) => MALE.test(u))).toEqual([]);
    expect(await page.getByRole('group', { name: 'Patient' }).count()).toBe(0);
    await context.close();
  });

  it('consult with patient=male requests only his file and draws him', async () => {
    const { page, rec } = await openPage(browser, '?mode=consult&lang=en&patient=male&view=front');
    await waitReady(page);
    expect(rec.requests.some((u) => MALE.test(u))).toBe(true);
    expect(rec.requests.filter((u) => FEMALE.test(u))).toEqual([]);
    expect(await page.locator('[role="img"]').first().getAttribute('data-patient')).toBe('male');
    expect(await page.getByRole('button', { name: 'Man', exact: true }).getAttribute('aria-pressed')).toBe('true');
    expect(await foregroundFraction(page)).toBeGreaterThan(0.05);
    expect(rec.pageErrors).toEqual([]);
    expect(rec.consoleErrors).toEqual([]);
    await page.context().close();
  });

  it('switching in consult keeps technique, step and pen strokes; not ready until he is drawn', async () => {
    const { page, rec } = await openPage(browser, '?mode=consult&lang=en&technique=thread&step=2&view=front');
    await waitReady(page);
    const viewer = page.locator('[role="img"]').first();
    const labelBefore = await viewer.getAttribute('aria-label');
    // a pen stroke across the face
    await page.getByRole('button', { name: /Pen/ }).click();
    const box = (await viewer.boundingBox())!;
    await page.mouse.move(box.x + box.width * 0.45, box.y + box.height * 0.45);
    await page.mouse.down();
    await page.mouse.move(box.x + box.width * 0.55, box.y + box.height * 0.5, { steps: 10 });
    await page.mouse.up();
    const undo = page.getByRole('button', { name: 'Undo' });
    await expect.poll(() => undo.isEnabled()).toBe(true);
    await page.getByRole('button', { name: /Pen/ }).click();
    const woman = await canvasSignature(page);

    // hold his download until the "not ready" state has been seen
    let release: () => void = () => {};
    const held = new Promise<void>((r) => (release = r));
    await page.route(MALE, async (route: Route) => {
      await held;
      await route.continue();
    });
    await page.getByRole('button', { name: 'Man', exact: true }).click();
    expect(await readyOf(page)).toBe('false');
    await page.getByRole('group', { name: 'Patient' }).locator('[role="status"]').waitFor();
    expect(await page.getByRole('group', { name: 'Patient' }).getAttribute('aria-busy')).toBe('true');
    expect(await readyOf(page)).toBe('false');
    release();
    await waitReady(page);
    expect(await viewer.getAttribute('data-patient')).toBe('male');
    expect(await viewer.getAttribute('aria-label')).toBe(labelBefore);
    expect(await undo.isEnabled()).toBe(true);
    // The address follows the state a moment later (writes are coalesced): wait for it, never read it mid-way.
    const linkOf = () => {
      const url = new URL(page.url());
      return [url.searchParams.get('patient'), url.searchParams.get('technique')];
    };
    await expect.poll(linkOf).toEqual(['male', 'thread']);
    expect(meanAbsDiff(woman, await canvasSignature(page))).toBeGreaterThan(1);

    // and back: her model is still loaded, nothing lost
    await page.getByRole('button', { name: 'Woman', exact: true }).click();
    await waitReady(page);
    expect(await viewer.getAttribute('aria-label')).toBe(labelBefore);
    expect(await undo.isEnabled()).toBe(true);
    await expect.poll(linkOf).toEqual([null, 'thread']);
    expect(rec.requests.filter((u) => FEMALE.test(u))).toHaveLength(1);
    expect(rec.pageErrors).toEqual([]);
    await page.context().close();
  });

  it('a switch draws the next head on the same canvas: no new GPU context, no shader compiled again', async () => {
    const { page, rec } = await openPage(browser, '?mode=consult&lang=en&view=front&technique=smile&step=3', undefined, { reducedMotion: 'reduce' });
    await waitReady(page);
    const viewer = page.locator('[role="img"]').first();
    // consult's own warm-up compiles the steps' programs once idle after the first frame: counted out (it is not a switch)
    await page.waitForFunction(() => performance.getEntriesByName('lift:warm-up').length > 0, undefined, { timeout: 60_000, polling: 100 });
    // every shader compiled from now on, in any WebGL 2 context of the page (three uses WebGL 2 only)
    await page.evaluate(() => {
      const w = window as unknown as { __compiled: number; __canvas: Element | null };
      w.__compiled = 0;
      w.__canvas = document.querySelector('[role="img"] canvas');
      const compile = WebGL2RenderingContext.prototype.compileShader;
      WebGL2RenderingContext.prototype.compileShader = function (shader) {
        w.__compiled++;
        compile.call(this, shader);
      };
    });
    const programs = async () => (await page.evaluate(() => window.__lift!.stats()))[0]!.programs;
    const programsBefore = await programs();
    const woman = await canvasSignature(page);
    await page.getByRole('button', { name: 'Man', exact: true }).click();
    await waitReady(page);
    expect(await viewer.getAttribute('data-patient')).toBe('male');
    expect(meanAbsDiff(woman, await canvasSignature(page))).toBeGreaterThan(1);
    await page.getByRole('button', { name: 'Woman', exact: true }).click();
    await waitReady(page);
    expect(await viewer.getAttribute('data-patient')).toBe('female');
    const after = await page.evaluate(() => {
      const w = window as unknown as { __compiled: number; __canvas: Element | null };
      return { sameCanvas: document.querySelector('[role="img"] canvas') === w.__canvas, compiled: w.__compiled };
    });
    expect(after).toEqual({ sameCanvas: true, compiled: 0 });
    expect(await programs()).toBe(programsBefore);
    // her picture is back as it was (the cutaway of step 3 open again on her head, nothing left of his)
    expect(meanAbsDiff(woman, await canvasSignature(page))).toBeLessThan(1);
    expect(rec.pageErrors).toEqual([]);
    await page.context().close();
  });

  it('a failed download of his file is explained, the woman stays available, and choosing him again retries', async () => {
    const { page, rec } = await openPage(browser, '?mode=consult&lang=en');
    await waitReady(page);
    await page.route(MALE, (route: Route) => route.fulfill({ status: 404, body: 'nope' }));
    await page.getByRole('button', { name: 'Man', exact: true }).click();
    const alert = page.locator('.model-error[role="alert"]');
    await alert.waitFor({ timeout: 60_000 });
    expect(await alert.textContent()).toContain('could not be loaded');
    expect(await readyOf(page)).toBe('false');
    await page.getByRole('button', { name: 'Woman', exact: true }).click();
    await waitReady(page);
    await page.unroute(MALE);
    await page.getByRole('button', { name: 'Man', exact: true }).click();
    await waitReady(page);
    expect(await page.locator('[role="img"]').first().getAttribute('data-patient')).toBe('male');
    expect(rec.pageErrors).toEqual([]);
    await page.context().close();
  });
});
