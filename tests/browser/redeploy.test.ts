// An old tab after a redeploy (issue #14): a lazily loaded chunk answers 404, or the server's HTML page. Every
// lazy chunk has one recovery path (src/ui/lazyChunk.ts): one more try at once, then "A newer version of this
// page is available — Reload" (same address, so the deep link is kept). The language select and <html lang>
// never disagree; a missing optional feature never takes the face away; data-ready is not "true" while an
// error is on screen; "Try again" requests the chunk again.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page, Route } from 'playwright-core';
import { appUrl, foregroundFraction, launch, waitReady } from './harness.ts';

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

const ANSWERS = {
  '404': (route: Route) => route.fulfill({ status: 404, contentType: 'text/plain', body: 'Not found' }),
  // A single-page-app host answers every unknown path with the (new) index.html.
  HTML: (route: Route) => route.fulfill({ status: 200, contentType: 'text/html', body: '<!doctype html><html><body><div id="root"></div></body></html>' }),
} as const;

/** Route `**\/assets/<chunk>-*.js` to a redeploy's answer, counting the requests. */
async function breakChunk(page: Page, chunk: string, answer: keyof typeof ANSWERS) {
  const counter = { requests: 0 };
  await page.route(`**/assets/${chunk}-*.js`, (route) => {
    counter.requests++;
    return ANSWERS[answer](route);
  });
  return counter;
}

async function newPage(options: { webgl?: boolean } = {}) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'en-US', serviceWorkers: 'block' });
  if (options.webgl === false) {
    await context.addInitScript(() => {
      const real = HTMLCanvasElement.prototype.getContext;
      // @ts-expect-error test override of an overloaded DOM method
      HTMLCanvasElement.prototype.getContext = function (type: string, ...rest: unknown[]) {
        return /webgl/i.test(type) ? null : real.call(this, type as '2d', ...(rest as []));
      };
    });
  }
  const page = await context.newPage();
  const pageErrors: string[] = [];
  page.on('pageerror', (e) => pageErrors.push(String(e)));
  return { context, page, pageErrors };
}

const updateNotice = (page: Page) => page.locator('[data-notice="update"]');

describe('an old tab after a redeploy', () => {
  it.each(['404', 'HTML'] as const)('a language chunk answering %s: the select goes back, <html lang> agrees, Reload keeps the deep link', async (answer) => {
    const { context, page, pageErrors } = await newPage();
    const ja = await breakChunk(page, 'ja', answer);
    await page.goto(appUrl('?lang=en&technique=thread&step=2'));
    await waitReady(page);
    await page.getByRole('combobox', { name: 'Language' }).selectOption('ja');
    await updateNotice(page).waitFor({ timeout: 30_000 });
    expect(await updateNotice(page).textContent()).toContain('A newer version of this page is available.');
    // One retry, no more.
    expect(ja.requests).toBe(2);
    // The page is still in English, and everything says so.
    await expect.poll(() => page.getByRole('combobox', { name: 'Language' }).inputValue()).toBe('en');
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('en');
    expect(await page.getByRole('button', { name: 'Reload' }).isVisible()).toBe(true);
    expect(pageErrors).toEqual([]);
    // Reload: the same address (technique and step kept), the new deployment's chunks.
    const before = new URL(page.url());
    await page.unroute('**/assets/ja-*.js');
    await Promise.all([page.waitForEvent('load'), page.getByRole('button', { name: 'Reload' }).click()]);
    await waitReady(page);
    const after = new URL(page.url());
    for (const param of ['technique', 'lang', 'progress']) expect(after.searchParams.get(param)).toBe(before.searchParams.get(param));
    expect(after.searchParams.get('technique')).toBe('thread');
    expect(await updateNotice(page).count()).toBe(0);
    await context.close();
  });

  it('a missing language chunk at start: a readable message with Reload, never the bare poster', async () => {
    const { context, page, pageErrors } = await newPage();
    await breakChunk(page, 'ja', '404');
    await page.goto(appUrl('?lang=ja&technique=thread'));
    const alert = page.locator('[role="alert"]');
    await alert.waitFor({ timeout: 30_000 });
    expect(await alert.textContent()).toContain('A newer version of this page is available.');
    await page.unroute('**/assets/ja-*.js');
    await Promise.all([page.waitForEvent('load'), page.getByRole('button', { name: 'Reload' }).click()]);
    await waitReady(page);
    expect(new URL(page.url()).searchParams.get('technique')).toBe('thread');
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('ja');
    expect(pageErrors).toEqual([]);
    await context.close();
  });

  it.each([
    // chunk, deep link, how to ask for the feature, how to ask again (Try again for an optional feature)
    ['PenLayer', '?mode=consult&lang=en', async (page: Page) => page.getByRole('button', { name: /Pen/ }).click()],
    ['cutaway', '?mode=consult&lang=en&technique=smile', async (page: Page) => {
      for (let i = 0; i < 3; i++) await page.locator('body').press('ArrowRight');
    }],
    ['ConsultPanel', '?mode=consult&lang=en', async () => undefined],
    // The months and exaggeration display (asked for by a months= link) and the web mode's "after one year".
    ['lateDisplay', '?mode=consult&lang=en&technique=smile&months=12', async () => undefined],
    ['AfterMonths', '?lang=en&technique=smile', async (page: Page) => page.getByRole('button', { name: 'Before / after' }).click()],
  ] as const)('a missing optional feature (%s) never takes the face away', async (chunk, query, ask) => {
    const { context, page, pageErrors } = await newPage();
    const broken = await breakChunk(page, chunk, '404');
    await page.goto(appUrl(query));
    await waitReady(page);
    await ask(page);
    await updateNotice(page).waitFor({ timeout: 30_000 });
    // Retried once (the pen's code is fetched when consult opens, and once more when the pen is asked for).
    expect(broken.requests).toBeGreaterThanOrEqual(2);
    // The face is still there, drawn, ready, with no error over it.
    expect(await page.locator('.model-error, .error-screen').count()).toBe(0);
    await waitReady(page);
    expect(await foregroundFraction(page)).toBeGreaterThan(0.05);
    expect(await page.getByRole('button', { name: 'Smile Mini Lift' }).first().isVisible()).toBe(true);
    expect(pageErrors).toEqual([]);
    await context.close();
  });

  it('the pen, missing once, loads when it is switched on again', async () => {
    const { context, page, pageErrors } = await newPage();
    const broken = await breakChunk(page, 'PenLayer', '404');
    await page.goto(appUrl('?mode=consult&lang=en'));
    await waitReady(page);
    const pen = page.getByRole('button', { name: /Pen/ });
    await pen.click();
    await updateNotice(page).waitFor({ timeout: 30_000 });
    await page.unroute('**/assets/PenLayer-*.js');
    await pen.click(); // off
    await pen.click(); // on: tries again
    await page.waitForFunction(() => (document.querySelector('[role="img"] canvas') as HTMLElement | null)?.style.cursor === 'crosshair');
    expect(broken.requests).toBeGreaterThanOrEqual(2);
    expect(pageErrors).toEqual([]);
    await context.close();
  });

  it('a missing mode chunk: "newer version" with Reload, and Try again requests the chunk again', async () => {
    const { context, page, pageErrors } = await newPage();
    const web = await breakChunk(page, 'WebMode', 'HTML');
    await page.goto(appUrl('?lang=en&technique=thread'));
    const screen = page.locator('.error-screen[role="alert"]');
    await screen.waitFor({ timeout: 60_000 });
    expect(await screen.textContent()).toContain('A newer version of this page is available.');
    expect(web.requests).toBe(2);
    await page.getByRole('button', { name: 'Try again' }).click();
    await expect.poll(() => web.requests).toBe(4);
    await page.unroute('**/assets/WebMode-*.js');
    await page.getByRole('button', { name: 'Try again' }).click();
    await waitReady(page);
    expect(await page.locator('[role="img"]').getAttribute('data-technique')).toBe('thread');
    expect(pageErrors).toEqual([]);
    await context.close();
  });

  it('the 2D drawings missing on a device without WebGL: the viewer says so (not ready), the controls stay', async () => {
    const { context, page, pageErrors } = await newPage({ webgl: false });
    await breakChunk(page, 'Fallback2D', '404');
    await page.goto(appUrl('?lang=en&technique=thread'));
    const alert = page.locator('[role="img"] [role="alert"]');
    await alert.waitFor({ timeout: 30_000 });
    expect(await alert.textContent()).toContain('A newer version of this page is available.');
    expect(await page.locator('[role="img"]').getAttribute('data-ready')).not.toBe('true');
    // The rest of the page works: choose another technique.
    await page.getByRole('button', { name: 'Smile Mini Lift', exact: true }).click();
    await expect.poll(() => page.locator('[role="img"]').getAttribute('data-technique')).toBe('smile');
    await page.unroute('**/assets/Fallback2D-*.js');
    await page.locator('[role="img"]').getByRole('button', { name: 'Try again' }).click();
    await page.locator('.fallback2d svg').waitFor({ timeout: 30_000 });
    await waitReady(page);
    expect(pageErrors).toEqual([]);
    await context.close();
  });
});
