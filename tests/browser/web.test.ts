// The patient's web mode: guided flow in four languages, phone layout, embed postMessage API, axe.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { appUrl, foreignRequests, launch, openPage, waitReady } from './harness.ts';
import { seriousAxeViolations } from './axe.ts';
import { RESOURCES } from '../../src/i18n/resources.ts';
import { DEFAULT_CONFIG } from '../../src/core/config/schema.ts';
import { PROCEDURES } from '../../src/core/procedures/index.ts';

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

const PHONE = { width: 390, height: 844 };
const sliderValue = (page: Page) => page.locator('input[type="range"]').first().inputValue().then(Number);

describe.each(['en', 'ko', 'zh', 'ja'] as const)('web flow in %s', (lang) => {
  it('concern → technique shown → play advances progress', async () => {
    const t = RESOURCES[lang];
    const { page, rec } = await openPage(browser, `?lang=${lang}`, PHONE);
    await waitReady(page);
    expect(await page.evaluate(() => document.documentElement.lang)).toBe(lang === 'zh' ? 'zh-Hans' : lang);
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toContain(t.web.concern.heading);

    await page.getByRole('button', { name: t.web.concern.nasolabial, exact: true }).click();
    await expect.poll(() => page.locator('.clinic-says').textContent()).toContain(t.web.match.nasolabial);
    expect(await page.getByRole('button', { name: t.technique.smile, exact: true }).getAttribute('aria-pressed')).toBe('true');

    await page.getByRole('button', { name: t.web.concern.jawline, exact: true }).click();
    await expect.poll(() => page.getByRole('button', { name: t.technique.traditional, exact: true }).getAttribute('aria-pressed')).toBe('true');
    await expect.poll(() => page.locator('.stage-technique').textContent()).toBe(t.technique.traditional);
    await expect.poll(() => new URL(page.url()).searchParams.get('technique')).toBe('traditional');
    // The step list is there as text, in this language.
    expect(await page.locator('.web-steps li').count()).toBeGreaterThan(2);
    expect(await page.locator('.web-steps').textContent()).toContain(String(t.steps['traditional']?.['mark']));

    await waitReady(page);
    const before = await sliderValue(page);
    await page.getByRole('button', { name: t.control.play, exact: true }).click();
    await expect.poll(() => sliderValue(page), { timeout: 60_000 }).toBeGreaterThan(before);
    await page.getByRole('button', { name: t.control.pause, exact: true }).click();

    expect(await page.locator('.web-book a').getAttribute('href')).toBeTruthy();
    expect(rec.pageErrors).toEqual([]);
    expect(rec.consoleErrors).toEqual([]);
    expect(foreignRequests(rec)).toEqual([]);
    await page.context().close();
  });
});

describe('web layout', () => {
  it('on a phone the canvas is not full height and the page scrolls', async () => {
    const { page } = await openPage(browser, '?lang=en', PHONE);
    await waitReady(page);
    const m = await page.evaluate(() => ({
      viewer: document.querySelector('.viewer')!.getBoundingClientRect().height,
      inner: window.innerHeight,
      scroll: document.scrollingElement!.scrollHeight,
      overflowX: document.scrollingElement!.scrollWidth > window.innerWidth,
    }));
    expect(m.viewer).toBeLessThan(m.inner * 0.7);
    expect(m.scroll).toBeGreaterThan(m.inner * 1.5);
    expect(m.overflowX).toBe(false);
    await page.mouse.wheel(0, 600);
    await expect.poll(() => page.evaluate(() => window.scrollY)).toBeGreaterThan(100);
    await page.context().close();
  });

  it('before / after shows two labelled panes', async () => {
    const { page } = await openPage(browser, '?lang=en', { width: 1440, height: 900 });
    await waitReady(page);
    await page.getByRole('button', { name: 'Before / after', exact: true }).click();
    await expect.poll(() => page.locator('.web-viewers.split [role="img"]').count()).toBe(2);
    await waitReady(page);
    expect(await page.locator('.web-viewers figcaption').allTextContents()).toEqual(['Before', 'After']);
    await page.context().close();
  });

  it('has no serious or critical axe violations (phone and desktop)', async () => {
    for (const viewport of [PHONE, { width: 1440, height: 900 }]) {
      const { page } = await openPage(browser, '?lang=en', viewport);
      await waitReady(page);
      await page.getByRole('button', { name: 'Nasolabial folds', exact: true }).click();
      expect(await seriousAxeViolations(page)).toEqual([]);
      await page.context().close();
    }
  });

  it('with prefers-reduced-motion, Play jumps from step to step instead of animating', async () => {
    const context = await browser.newContext({ viewport: PHONE, locale: 'en-US', reducedMotion: 'reduce' });
    const page = await context.newPage();
    await page.goto(appUrl('?lang=en&technique=smile'));
    await waitReady(page);
    // Every position the slider shows from Play until the second step end, recorded by the page itself (no
    // change is missed, however slow the machine): only step ends, not the positions an animation passes.
    await page.evaluate(() => {
      const slider = document.querySelector<HTMLInputElement>('input[type="range"]')!;
      const seen = [Number(slider.value)];
      (window as unknown as { __seen: number[] }).__seen = seen;
      new MutationObserver(() => {
        if (Number(slider.value) !== seen.at(-1)) seen.push(Number(slider.value));
      }).observe(slider, { attributes: true });
      const poll = () => {
        if (Number(slider.value) !== seen.at(-1)) seen.push(Number(slider.value));
        requestAnimationFrame(poll);
      };
      poll();
    });
    await page.getByRole('button', { name: 'Play', exact: true }).click();
    const seen = () => page.evaluate(() => (window as unknown as { __seen: number[] }).__seen);
    await expect.poll(async () => (await seen()).length, { timeout: 30_000 }).toBeGreaterThanOrEqual(3);
    const ends = new Set([0, ...PROCEDURES.smile.steps.map((step) => Math.round(step.end * 1000))]);
    const positions = await seen();
    expect(positions.every((v) => ends.has(v)), `positions ${positions.join(', ')} are not all step ends`).toBe(true);
    await context.close();
  });

  it('is keyboard operable: Tab reaches the concern buttons and Enter picks one', async () => {
    const { page } = await openPage(browser, '?lang=en', PHONE);
    await waitReady(page);
    let found = false;
    for (let i = 0; i < 12 && !found; i++) {
      await page.keyboard.press('Tab');
      found = await page.evaluate(() => document.activeElement?.getAttribute('data-concern') === 'jawline');
    }
    expect(found).toBe(true);
    await page.keyboard.press('Enter');
    await expect.poll(() => page.locator('[data-concern="jawline"]').getAttribute('aria-pressed')).toBe('true');
    await page.context().close();
  });
});

// A parent page on another origin that embeds the app and records the messages it gets.
function parentHtml(src: string) {
  return `<!doctype html><html><head><title>parent</title></head><body>
<iframe id="app" src="${src}" width="420" height="800" title="Lift"></iframe>
<script>
window.__msgs = [];
window.addEventListener('message', (e) => window.__msgs.push({ origin: e.origin, data: e.data }));
</script></body></html>`;
}

/**
 * A real local server for the parent page (Chromium's local-network checks block a 127.0.0.1 frame inside
 * a page that only exists as a route), on its own port: another origin than the app's.
 */
async function parentServer(): Promise<{ server: Server; origin: string }> {
  const server = createServer((_req, res) => {
    res.setHeader('content-type', 'text/html; charset=utf-8');
    res.end(parentHtml(appUrl('?embed=1&lang=en&technique=smile')));
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  return { server, origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}` };
}

async function openEmbedded(parent: { origin: string }, allowed: string[]) {
  const context = await browser.newContext({ viewport: { width: 600, height: 900 }, locale: 'en-US' });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  await page.route('**/config.json', (route) =>
    route.fulfill({ contentType: 'application/json', body: JSON.stringify({ ...DEFAULT_CONFIG, embedOrigins: allowed }) }),
  );
  await page.goto(`${parent.origin}/clinic-page`);
  const frame = page.frameLocator('#app');
  await frame.locator('[role="img"][data-ready="true"]').waitFor({ timeout: 120_000 });
  return { page, frame, errors };
}

const messages = (page: Page) => page.evaluate(() => (window as unknown as { __msgs: { origin: string; data: unknown }[] }).__msgs);

describe('embed postMessage API', () => {
  let allowedParent: { server: Server; origin: string };
  let otherParent: { server: Server; origin: string };
  beforeAll(async () => {
    allowedParent = await parentServer();
    otherParent = await parentServer();
  });
  afterAll(() => {
    allowedParent?.server.close();
    otherParent?.server.close();
  });

  it('talks to an allowed parent: ready, settechnique, techniquechange', async () => {
    const appOrigin = new URL(appUrl('')).origin;
    const { page, frame, errors } = await openEmbedded(allowedParent, [allowedParent.origin]);
    // No page chrome when embedded.
    expect(await frame.locator('.app-header').count()).toBe(0);
    await expect.poll(() => messages(page), { timeout: 20_000 }).toContainEqual({ origin: appOrigin, data: { type: 'ready' } });
    await page.evaluate(() => (document.getElementById('app') as HTMLIFrameElement).contentWindow!.postMessage({ type: 'settechnique', technique: 'thread' }, '*'));
    await expect.poll(() => frame.locator('[data-technique="thread"][aria-pressed="true"]').count()).toBe(1);
    await expect.poll(() => messages(page)).toContainEqual({ origin: appOrigin, data: { type: 'techniquechange', technique: 'thread' } });
    // A change made inside the frame is reported too.
    await frame.getByRole('button', { name: 'Traditional mini lift', exact: true }).click();
    await expect.poll(() => messages(page)).toContainEqual({ origin: appOrigin, data: { type: 'techniquechange', technique: 'traditional' } });
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it('ignores another origin and never posts to it', async () => {
    const { page, frame, errors } = await openEmbedded(otherParent, [allowedParent.origin]);
    // A listener of the test's own inside the frame, added after the app's: once it has the message, the app's
    // listener has had it too (listeners run in the order they were added); two frames later, anything the app
    // did with it is rendered and any reply posted.
    const app = page.frame({ url: /embed=1/ })!;
    await app.evaluate(() => {
      (window as unknown as { __got: number }).__got = 0;
      window.addEventListener('message', () => (window as unknown as { __got: number }).__got++);
    });
    await page.evaluate(() => (document.getElementById('app') as HTMLIFrameElement).contentWindow!.postMessage({ type: 'settechnique', technique: 'thread' }, '*'));
    await app.waitForFunction(() => (window as unknown as { __got: number }).__got > 0);
    await app.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));
    await page.evaluate(() => new Promise((done) => setTimeout(done, 0)));
    expect(await frame.locator('[data-technique="smile"][aria-pressed="true"]').count()).toBe(1);
    expect(await frame.locator('[data-technique="thread"][aria-pressed="true"]').count()).toBe(0);
    expect(await messages(page)).toEqual([]);
    expect(errors).toEqual([]);
    await page.context().close();
  });
});
