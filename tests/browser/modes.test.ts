import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { foreignRequests, foregroundFraction, launch, openPage, waitReady } from './harness.ts';

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

describe.each(['web', 'consult', 'kiosk'] as const)('mode %s in headless Chromium', (mode) => {
  it('loads, draws the head, and stays free of errors and foreign requests', async () => {
    const { page, rec } = await openPage(browser, `?mode=${mode}&lang=en`);
    await waitReady(page);
    console.log(`[browser] loaded mode=${mode}: data-ready=true`);
    const wrapper = page.locator('[role="img"][data-ready="true"]').first();
    // The kiosk's attract loop rotates languages, so only web and consult are held to the English label.
    const label = await wrapper.getAttribute('aria-label');
    if (mode === 'kiosk') expect(label?.length).toBeGreaterThan(10);
    else expect(label).toMatch(/step \d+ of \d+/);
    // The canvas shows the head, not just the background.
    expect(await foregroundFraction(page)).toBeGreaterThan(0.05);
    // The most specific findings first: a foreign or blocked request also logs a console error.
    expect(foreignRequests(rec)).toEqual([]);
    expect(await rec.cspViolations()).toEqual([]);
    expect(rec.pageErrors).toEqual([]);
    expect(rec.consoleErrors).toEqual([]);
    // The built page carries the policy itself.
    expect(await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content')).toContain("script-src 'self'");
    expect(await page.evaluate(() => document.cookie)).toBe('');
    await page.context().close();
  });
});

describe('deep links in the browser', () => {
  it('ignores a malformed value with a notice, and the URL follows the state', async () => {
    const { page, rec } = await openPage(browser, '?mode=consult&lang=en&view=sideways&technique=thread');
    await waitReady(page);
    await expect.poll(() => page.locator('[data-notice="url"]').textContent()).toContain('view=sideways');
    await expect.poll(() => new URL(page.url()).search).toBe('?mode=consult&technique=thread&lang=en');
    await page.getByRole('button', { name: 'Smile Mini Lift', exact: true }).click();
    await expect.poll(() => new URL(page.url()).searchParams.get('technique')).toBe(null); // smile is the default
    await page.getByRole('button', { name: 'Traditional mini lift', exact: true }).click();
    await expect.poll(() => new URL(page.url()).searchParams.get('technique')).toBe('traditional');
    await page.getByRole('button', { name: 'Dismiss' }).click();
    expect(await page.locator('[data-notice="url"]').count()).toBe(0);
    expect(rec.pageErrors).toEqual([]);
    await page.context().close();
  });

  it('names the controls of the contract in English', async () => {
    const { page } = await openPage(browser, '?mode=consult&lang=en');
    await waitReady(page);
    for (const name of ['Traditional mini lift', 'Smile Mini Lift', 'Dual-layer thread lift', 'Play', 'Compare', 'Before / after', 'Skin', 'Fat', 'SMAS (fascia)', 'Retaining ligaments', 'Bone']) {
      expect(await page.getByRole('button', { name, exact: true }).count(), name).toBeGreaterThan(0);
    }
    expect(await page.getByRole('slider', { name: 'Procedure progress' }).count()).toBe(1);
    expect(await page.getByRole('combobox', { name: 'Language' }).count()).toBe(1);
    await page.context().close();
  });
});
