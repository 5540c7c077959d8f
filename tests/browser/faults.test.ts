// Bad input and failures: the app explains and keeps working (DESIGN.md: "Bad input gets a clear message").
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { foregroundFraction, launch, openPage, waitReady } from './harness.ts';

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

const DISABLE_WEBGL = () => {
  const real = HTMLCanvasElement.prototype.getContext;
  // @ts-expect-error test override of an overloaded DOM method
  HTMLCanvasElement.prototype.getContext = function (type: string, ...rest: unknown[]) {
    return /webgl/i.test(type) ? null : real.call(this, type as '2d', ...(rest as []));
  };
};

describe('faults', () => {
  it('without WebGL shows the 2D illustration with the same controls', async () => {
    const context = await browser.newContext({ viewport: { width: 390, height: 844 } });
    await context.addInitScript(DISABLE_WEBGL);
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(String(e)));
    await page.goto(`${(await import('./harness.ts')).appUrl('?lang=en&technique=thread')}`);
    await waitReady(page);
    // The wrapper says ready as soon as it knows there is no WebGL; the drawings arrive with their own chunk.
    await page.locator('.fallback2d svg').waitFor({ timeout: 15_000 });
    expect(await page.locator('.fallback2d svg').count()).toBe(1);
    expect(await page.locator('canvas').count()).toBe(0);
    await page.getByRole('button', { name: 'Smile Mini Lift', exact: true }).click();
    await expect.poll(() => page.locator('[role="img"][data-technique="smile"] .fallback2d').count()).toBe(1);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('brings the picture back within 2 s after a lost GPU context', async () => {
    const { page, rec } = await openPage(browser, '?mode=consult&lang=en');
    await waitReady(page);
    expect(await foregroundFraction(page)).toBeGreaterThan(0.05);
    // A simulated loss may leave the last picture on screen, so the pixels alone cannot tell whether the app
    // redrew (a real GPU reset leaves the canvas empty until something renders): count draw calls made on the
    // restored context too. (three's own counters restart with the restored context, so they cannot tell.)
    await page.evaluate(async () => {
      const canvas = document.querySelector('[role="img"] canvas') as HTMLCanvasElement;
      const gl = (canvas.getContext('webgl2') ?? canvas.getContext('webgl')) as WebGLRenderingContext & { drawsSinceRestore?: number };
      for (const name of ['drawElements', 'drawArrays', 'drawElementsInstanced', 'drawArraysInstanced'] as const) {
        const real = (gl as unknown as Record<string, (...a: unknown[]) => void>)[name];
        if (!real) continue;
        (gl as unknown as Record<string, unknown>)[name] = function (this: unknown, ...a: unknown[]) {
          if (gl.drawsSinceRestore !== undefined) gl.drawsSinceRestore++;
          return real.apply(this, a);
        };
      }
      const ext = gl.getExtension('WEBGL_lose_context')!;
      // Restoring before the loss has been delivered (and its default prevented by the app) is ignored by the
      // browser: wait for the event, then for the task after its dispatch.
      const lost = new Promise((r) => canvas.addEventListener('webglcontextlost', r, { once: true }));
      ext.loseContext();
      await lost;
      await new Promise((r) => setTimeout(r, 0));
      gl.drawsSinceRestore = 0;
      ext.restoreContext();
    });
    const drawsSinceRestore = () =>
      page.evaluate(() => {
        const canvas = document.querySelector('[role="img"] canvas') as HTMLCanvasElement;
        const gl = canvas.getContext('webgl2') as (WebGL2RenderingContext & { drawsSinceRestore?: number }) | null;
        return gl && !gl.isContextLost() ? (gl.drawsSinceRestore ?? 0) : 0;
      });
    const t0 = Date.now();
    await expect.poll(drawsSinceRestore, { timeout: 2000, interval: 100 }).toBeGreaterThan(0);
    await expect.poll(() => foregroundFraction(page), { timeout: 2000, interval: 100 }).toBeGreaterThan(0.05);
    console.log(`[browser] picture back ${Date.now() - t0} ms after restoreContext()`);
    expect(rec.pageErrors).toEqual([]);
    await page.context().close();
  });

  it.each([
    ['missing (404)', (route: import('playwright-core').Route) => route.fulfill({ status: 404, body: 'nope' })],
    ['corrupt', (route: import('playwright-core').Route) => route.fulfill({ status: 200, body: Buffer.from('glTF-this-is-not-a-model') })],
  ])('explains a %s model and recovers with "Try again"', async (_name, handler) => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(String(e)));
    await page.route('**/models/head.glb', handler);
    await page.goto((await import('./harness.ts')).appUrl('?mode=consult&lang=en'));
    const alert = page.locator('.model-error[role="alert"]');
    await alert.waitFor({ timeout: 60_000 });
    expect(await alert.textContent()).toContain('could not be loaded');
    // The controls still work while the model is missing.
    await page.getByRole('button', { name: 'Traditional mini lift', exact: true }).click();
    await page.unroute('**/models/head.glb');
    await page.getByRole('button', { name: 'Try again' }).click();
    await waitReady(page);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('a render error shows the friendly message, and "Try again" brings the app back', async () => {
    // A real render-time fault: the web mode's chunk fails to load (network blip, redeploy), so its lazy
    // component throws while rendering. The first two requests fail (the first is retried at once, see
    // src/ui/lazyChunk.ts); "Try again" must fetch it again.
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'en-US', serviceWorkers: 'block' });
    const page = await context.newPage();
    const pageErrors: string[] = [];
    page.on('pageerror', (e) => pageErrors.push(String(e)));
    let chunkRequests = 0;
    await page.route('**/assets/WebMode-*.js', (route) => (chunkRequests++ < 2 ? route.fulfill({ status: 503, body: '' }) : route.continue()));
    await page.goto((await import('./harness.ts')).appUrl('?lang=en&technique=thread'));
    const screen = page.locator('.error-screen[role="alert"]');
    await screen.waitFor({ timeout: 60_000 });
    expect(await screen.textContent()).toContain('A newer version of this page is available.');
    expect(await page.locator('[role="img"]').count()).toBe(0);
    await page.getByRole('button', { name: 'Try again' }).click();
    await waitReady(page);
    expect(await screen.count()).toBe(0);
    expect(chunkRequests).toBe(3);
    // The page state survived: the deep link's technique is still the one shown.
    expect(await page.locator('[role="img"]').getAttribute('data-technique')).toBe('thread');
    expect(await foregroundFraction(page)).toBeGreaterThan(0.05);
    expect(pageErrors).toEqual([]);
    await context.close();
  });

  it('never renders URL or config strings as HTML', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    const page = await context.newPage();
    await page.route('**/config.json', (route) =>
      route.fulfill({
        status: 200,
        contentType: 'application/json',
        body: JSON.stringify({ clinicName: '<img src=x onerror="window.__xss=1">Clinic', bookingUrl: 'javascript:window.__xss=2' }),
      }),
    );
    const evil = encodeURIComponent('<script>window.__xss=3</script><img src=x onerror="window.__xss=4">');
    await page.goto((await import('./harness.ts')).appUrl(`?lang=en&view=${evil}&${evil}=1`));
    await waitReady(page);
    // Both strings are on the page (as text) before anything is checked: the URL's in the notices, the config's
    // reported. (An injected <img src=x> would be in the DOM from then on, and its onerror follow its request.)
    await expect.poll(() => page.locator('.notices').textContent()).toContain('<script>');
    // The bad booking URL was replaced by the default and reported.
    await expect.poll(() => page.locator('[data-notice="config"]').textContent()).toContain('bookingUrl');
    expect(await page.locator('img[src="x"]').count()).toBe(0);
    expect(await page.locator('script:not([src])').count()).toBe(0);
    expect(await page.evaluate(() => (window as { __xss?: number }).__xss)).toBeUndefined();
    await context.close();
  });
});
