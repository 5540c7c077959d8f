// Embedded in an iframe (issue #14). A careful host sandboxes the frame with "allow-scripts" only: the page's
// origin is then opaque, every module script is a refused CORS request, and the app cannot start from a plain
// static server. It must never sit on a blank poster: the boot guard (src/bootGuard.ts, a classic script)
// says which sandbox tokens it needs. With "allow-scripts allow-same-origin" the embed works.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { appUrl, launch, waitReady } from './harness.ts';

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

/** A host page on the app's server (any page would do: the sandbox makes the frame's origin opaque anyway). */
async function hostPage(sandbox: string | null, query: string) {
  const context = await browser.newContext({ viewport: { width: 1000, height: 900 }, locale: 'en-US', serviceWorkers: 'block' });
  const page = await context.newPage();
  const pageErrors: string[] = [];
  page.on('pageerror', (e) => pageErrors.push(String(e)));
  const src = appUrl(query);
  await page.route('**/embed-host.html', (route) =>
    route.fulfill({
      contentType: 'text/html',
      body: `<!doctype html><html><body><h1>Clinic</h1><iframe title="Lift" width="900" height="760" ${sandbox === null ? '' : `sandbox="${sandbox}"`} src="${src}"></iframe></body></html>`,
    }),
  );
  await page.goto(appUrl('embed-host.html'));
  return { context, page, pageErrors };
}

describe('embedded in a sandboxed iframe', () => {
  it('sandbox="allow-scripts" only: a readable message naming the tokens it needs, not a blank poster', async () => {
    const { context, page } = await hostPage('allow-scripts', '?lang=en&embed=1');
    const frame = page.frameLocator('iframe');
    const alert = frame.locator('[role="alert"]');
    await alert.waitFor({ timeout: 30_000 });
    const text = (await alert.textContent()) ?? '';
    expect(text).toContain('allow-scripts allow-same-origin');
    expect(await frame.locator('.poster').count()).toBe(0);
    await context.close();
  });

  it('the message is in the language asked for', async () => {
    const { context, page } = await hostPage('allow-scripts', '?lang=ja&embed=1');
    const alert = page.frameLocator('iframe').locator('[role="alert"]');
    await alert.waitFor({ timeout: 30_000 });
    expect(await alert.textContent()).toContain('埋め込んでいるウェブサイト');
    expect(await alert.getAttribute('lang')).toBe('ja');
    await context.close();
  });

  it('sandbox="allow-scripts allow-same-origin": the embed works', async () => {
    const { context, page, pageErrors } = await hostPage('allow-scripts allow-same-origin', '?lang=en&embed=1&technique=thread');
    const frame = page.frames().find((f) => f !== page.mainFrame());
    expect(frame).toBeDefined();
    await frame!.waitForSelector('[role="img"][data-ready="true"]', { timeout: 120_000 });
    expect(await frame!.locator('[role="alert"]').count()).toBe(0);
    expect(pageErrors).toEqual([]);
    await context.close();
  });

  it('an entry script that is gone (an old cached page after a redeploy): a message with Reload', async () => {
    const context = await browser.newContext({ viewport: { width: 1000, height: 900 }, locale: 'en-US', serviceWorkers: 'block' });
    const page = await context.newPage();
    let broken = true;
    await page.route('**/assets/index-*.js', (route) => (broken ? route.fulfill({ status: 404, body: 'Not found' }) : route.continue()));
    await page.goto(appUrl('?lang=en&technique=thread'));
    const alert = page.locator('[role="alert"]');
    await alert.waitFor({ timeout: 30_000 });
    expect(await alert.textContent()).toContain('A newer version of this page is available.');
    broken = false;
    await Promise.all([page.waitForEvent('load'), page.getByRole('button', { name: 'Reload' }).click()]);
    await waitReady(page);
    expect(new URL(page.url()).searchParams.get('technique')).toBe('thread');
    await context.close();
  });
});
