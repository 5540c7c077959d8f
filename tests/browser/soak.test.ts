// Soak: the consult room runs all day and the kiosk for days. Repeated switching must not grow GPU resources
// or the DOM. (The kiosk's attract-loop soak lives in kiosk.test.ts.)
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launch, openPage, waitReady } from './harness.ts';

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

async function snapshot(page: Page) {
  return page.evaluate(() => {
    const stats = window.__lift?.stats() ?? [];
    return {
      geometries: stats.reduce((n, s) => n + s.geometries, 0),
      textures: stats.reduce((n, s) => n + s.textures, 0),
      domNodes: document.getElementsByTagName('*').length,
      heap: (performance as unknown as { memory?: { usedJSHeapSize: number } }).memory?.usedJSHeapSize ?? 0,
    };
  });
}

describe('soak', () => {
  it('200 technique switches in consult mode return GPU resources and DOM to their baseline', async () => {
    const { page, rec } = await openPage(browser, '?mode=consult&lang=en&progress=0.6');
    await waitReady(page);
    await page.waitForTimeout(1500);
    // Switch with the consult shortcuts 1–5 (the same store action as the buttons, without click overhead).
    const body = page.locator('body');
    // One warm-up round: each technique's solve, overlays and shader programs are created once.
    // (Long enough for each to render: GPU resources are uploaded on first draw, e.g. the thread tie knots.)
    for (const key of ['1', '2', '3', '4', '5', '2']) {
      await body.press(key);
      await page.waitForTimeout(1500);
    }
    await page.waitForTimeout(1500);
    const baseline = await snapshot(page);
    for (let i = 0; i < 200; i++) {
      await page.keyboard.press(String((i % 5) + 1));
      if (i % 10 === 0) await page.waitForTimeout(50); // let frames render in between
    }
    await page.keyboard.press('2');
    await page.waitForTimeout(2000);
    const after = await snapshot(page);
    console.log(`[soak] consult 200 switches: baseline ${JSON.stringify(baseline)} → after ${JSON.stringify(after)}`);
    expect(after.geometries).toBeLessThanOrEqual(baseline.geometries);
    expect(after.textures).toBeLessThanOrEqual(baseline.textures);
    expect(after.domNodes).toBeLessThanOrEqual(baseline.domNodes + 5);
    expect(rec.pageErrors).toEqual([]);
    await page.context().close();
  });
});

describe('kiosk soak', () => {
  it('50 visitor cycles (wake → three techniques → start over → attract loop) keep GPU resources and DOM flat', async () => {
    const { page, rec } = await openPage(browser, '?mode=kiosk&lang=en', { width: 960, height: 540 });
    await waitReady(page);
    const cycle = async () => {
      await page.mouse.click(200, 200); // wake the loop
      await page.waitForSelector('[data-kiosk-state="interactive"]', { timeout: 10_000 });
      await page.waitForTimeout(650); // the waking touch is swallowed briefly
      for (const id of ['traditional', 'smile', 'thread']) await page.locator(`button[data-technique="${id}"]`).first().click();
      await page.locator('.kiosk-restart').click();
      await page.waitForSelector('[data-kiosk-state="attract"]', { timeout: 10_000 });
    };
    await cycle(); // warm-up: every technique's solve and overlays exist once
    await page.waitForTimeout(1000);
    const baseline = await snapshot(page);
    for (let i = 0; i < 50; i++) await cycle();
    await page.waitForTimeout(1500);
    const after = await snapshot(page);
    console.log(`[soak] kiosk 50 cycles: baseline ${JSON.stringify(baseline)} → after ${JSON.stringify(after)}`);
    expect(after.geometries).toBeLessThanOrEqual(baseline.geometries);
    expect(after.textures).toBeLessThanOrEqual(baseline.textures);
    expect(after.domNodes).toBeLessThanOrEqual(baseline.domNodes + 10);
    expect(rec.pageErrors).toEqual([]);
    await page.context().close();
  }, 600_000);
});
