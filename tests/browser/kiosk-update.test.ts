// The kiosk's service worker (issue #14): config.json is fetched network-first (the last copy when offline),
// so a clinic's edit on the server shows on the next load; a redeploy's new worker waits until the kiosk is
// back in its attract loop before it takes over and reloads, never in the middle of a visit. Each test serves
// its own copy of dist/ so it can edit files on the server between loads, as a clinic or a deploy would.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Server } from 'node:http';
import type { Browser, Page } from 'playwright-core';
import { launch, waitReady } from './harness.ts';
// @ts-expect-error plain ESM helper shared with the npm scripts
import { startStaticServer } from '../../scripts/lib/static-server.mjs';

let browser: Browser;
const servers: { server: Server; dir: string }[] = [];
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
  for (const { server, dir } of servers) {
    await new Promise((done) => server.close(done));
    rmSync(dir, { recursive: true, force: true });
  }
});

/** A copy of dist/ on its own server: the "deployment" a test may edit. */
async function deployment(): Promise<{ dir: string; url: string }> {
  const dir = mkdtempSync(join(tmpdir(), 'lift-deploy-'));
  cpSync('dist', dir, { recursive: true });
  // A visit that does not time out while the test looks at it (slow machines): the idle countdown would
  // return to the loop by itself, which is the other way an update gets applied.
  const config = join(dir, 'config.json');
  writeFileSync(config, JSON.stringify({ ...JSON.parse(readFileSync(config, 'utf8')), kioskIdleSeconds: 3600 }));
  const { server, url } = (await startStaticServer(dir)) as { server: Server; url: string };
  servers.push({ server, dir });
  return { dir, url };
}

const kioskState = (page: Page) => page.locator('[data-kiosk-state]').getAttribute('data-kiosk-state');
const controlled = (page: Page) => page.waitForFunction(() => navigator.serviceWorker?.controller != null, undefined, { timeout: 60_000, polling: 250 });

async function openKiosk(url: string) {
  const context = await browser.newContext({ viewport: { width: 1920, height: 1080 }, locale: 'en-US', hasTouch: true, serviceWorkers: 'allow' });
  const page = await context.newPage();
  const pageErrors: string[] = [];
  page.on('pageerror', (e) => pageErrors.push(String(e)));
  await page.goto(`${url}?mode=kiosk&lang=en`);
  await waitReady(page);
  await controlled(page);
  return { context, page, pageErrors };
}

describe('kiosk service worker', () => {
  it('config.json is network-first: an edit shows on the next load, the last copy offline', async () => {
    const { dir, url } = await deployment();
    const { context, page, pageErrors } = await openKiosk(url);
    // The worker keeps a copy of the config for an offline start.
    await expect
      .poll(() => page.evaluate(async () => (await (await caches.open('lift-config')).match('config.json')) !== undefined), { timeout: 30_000, interval: 250 })
      .toBe(true);

    // The clinic edits its settings on the server (no rebuild, no redeploy).
    const file = join(dir, 'config.json');
    const edited = { ...JSON.parse(readFileSync(file, 'utf8')), clinicName: 'Edited Clinic 42' };
    writeFileSync(file, JSON.stringify(edited));
    await page.reload();
    await waitReady(page);
    await expect.poll(() => page.locator('body').textContent()).toContain('Edited Clinic 42');

    // Offline: the last copy fetched, not the one of the deployment and not the defaults.
    await context.setOffline(true);
    await page.reload();
    await waitReady(page);
    await expect.poll(() => page.locator('body').textContent()).toContain('Edited Clinic 42');
    expect(await page.locator('[data-notice="config"]').count()).toBe(0);
    await context.setOffline(false);
    expect(pageErrors).toEqual([]);
    await context.close();
  });

  it('a redeploy waits while a visitor uses the kiosk, and takes over back in the attract loop', async () => {
    const { dir, url } = await deployment();
    const { context, page, pageErrors } = await openKiosk(url);
    // The decision, as the kiosk makes it.
    expect(await page.evaluate(() => window.__liftKiosk?.updateDecision('interactive', true))).toBe('wait');
    expect(await page.evaluate(() => window.__liftKiosk?.updateDecision('countdown', true))).toBe('wait');
    expect(await page.evaluate(() => window.__liftKiosk?.updateDecision('attract', true))).toBe('apply');

    await page.touchscreen.tap(700, 500);
    await expect.poll(() => kioskState(page)).toBe('interactive');
    const firstController = await page.evaluate(() => navigator.serviceWorker.controller!.scriptURL);
    // A marker that a reload would wipe.
    await page.evaluate(() => ((window as unknown as { visit: number }).visit = 1));

    // Redeploy: a new service worker (any byte change makes it new), found by the kiosk's update check.
    writeFileSync(join(dir, 'sw.js'), `${readFileSync(join(dir, 'sw.js'), 'utf8')}\n// redeploy ${Date.now()}\n`);
    await page.evaluate(async () => (await navigator.serviceWorker.getRegistration())?.update());
    // Installed and waiting, or (the fault) already reloading the page in the visitor's face.
    const settledState = () =>
      page
        .evaluate(async () => ({
          visit: (window as unknown as { visit?: number }).visit ?? 0,
          waiting: (await navigator.serviceWorker.getRegistration())?.waiting != null,
          flagged: document.querySelector('[data-update="waiting"]') !== null,
        }))
        .catch(() => ({ visit: 0, waiting: false, flagged: false })); // (a navigation in progress)
    await expect.poll(async () => {
      const s = await settledState();
      return s.visit !== 1 || (s.waiting && s.flagged);
    }, { timeout: 60_000, interval: 250 }).toBe(true);
    expect(await page.evaluate(() => (window as unknown as { visit?: number }).visit)).toBe(1);
    expect(await kioskState(page)).toBe('interactive');
    expect(await page.locator('[data-update="waiting"]').count()).toBe(1);

    // Back to the loop (the visitor presses Start over; the idle countdown does the same): the update applies.
    const reloaded = page.waitForEvent('load', { timeout: 60_000 });
    await page.locator('.kiosk-restart').click(); // "Start over" (the loop rotates the language)
    await reloaded;
    await waitReady(page);
    expect(await page.evaluate(() => (window as unknown as { visit?: number }).visit)).toBeUndefined();
    expect(await kioskState(page)).toBe('attract');
    const after = await page.evaluate(async () => {
      const registration = await navigator.serviceWorker.getRegistration();
      return { waiting: registration?.waiting != null, controller: navigator.serviceWorker.controller?.scriptURL };
    });
    expect(after.waiting).toBe(false);
    expect(after.controller).toBe(firstController); // same URL, the new worker behind it
    expect(pageErrors).toEqual([]);
    await context.close();
  });
});
