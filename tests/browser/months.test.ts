// The months after and the difference made plain (#13 items 4, 5): the months slider and deep link, the web
// flow's "after one year", consult's labelled exaggeration, the heat map's mm legend and the compare panes' mm.
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { canvasSignature, changedSamples, launch, meanAbsDiff, openPage, waitReady } from './harness.ts';

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

/** Wait until the canvas stops changing (camera flights, the deferred engine precompute, lazy chunks). */
async function settled(page: Page, index = 0): Promise<number[]> {
  let previous = await canvasSignature(page, index);
  for (let i = 0; i < 60; i++) {
    await page.waitForTimeout(250);
    const next = await canvasSignature(page, index);
    if (meanAbsDiff(previous, next) < 0.05) return next;
    previous = next;
  }
  return previous;
}

/** A 256-px greyscale copy of a canvas: small panes (the web's before/after) move by a pixel or two. */
async function fineSignature(page: Page, index: number): Promise<number[]> {
  return page.evaluate((i) => {
    const canvas = document.querySelectorAll('[role="img"] canvas')[i] as HTMLCanvasElement;
    const copy = document.createElement('canvas');
    copy.width = 256;
    copy.height = 256;
    const ctx = copy.getContext('2d')!;
    ctx.drawImage(canvas, 0, 0, 256, 256);
    const d = ctx.getImageData(0, 0, 256, 256).data;
    const out: number[] = [];
    for (let p = 0; p < d.length; p += 4) out.push((d[p]! + d[p + 1]! + d[p + 2]!) / 3);
    return out;
  }, index);
}

/** Share of pixels near the badge's magenta (#b2306b) in a rectangle of a PNG, read back through the page. */
async function magentaShare(page: Page, png: Buffer, rect: { x: number; y: number; w: number; h: number }): Promise<number> {
  return page.evaluate(
    async ({ b64, r }) => {
      const img = new Image();
      img.src = `data:image/png;base64,${b64}`;
      await img.decode();
      const c = document.createElement('canvas');
      c.width = img.width;
      c.height = img.height;
      const ctx = c.getContext('2d')!;
      ctx.drawImage(img, 0, 0);
      const d = ctx.getImageData(r.x, r.y, r.w, r.h).data;
      let n = 0;
      for (let p = 0; p < d.length; p += 4) if (Math.abs(d[p]! - 0xb2) + Math.abs(d[p + 1]! - 0x30) + Math.abs(d[p + 2]! - 0x6b) < 40) n++;
      return n / (d.length / 4);
    },
    { b64: png.toString('base64'), r: rect },
  );
}

describe('the months after', () => {
  it('consult: the "Months after" slider fades a conventional thread lift, shows its source, and goes into the URL', async () => {
    const { page, rec } = await openPage(browser, '?mode=consult&lang=en&technique=thread-conventional&progress=1&view=front&sag=1');
    await waitReady(page);
    const at0 = await settled(page);
    const again = await settled(page);
    const noise = meanAbsDiff(at0, again);
    const slider = page.getByRole('slider', { name: 'Months after' });
    expect(await slider.inputValue()).toBe('0');
    expect(await page.locator('[data-retention="thread-conventional"]').textContent()).toContain('Published: Contour');
    await slider.fill('12');
    await expect.poll(() => page.locator('.months-value').textContent()).toBe('12 months');
    const at12 = await settled(page);
    expect(meanAbsDiff(at0, at12)).toBeGreaterThan(Math.max(0.1, 5 * noise));
    expect(await page.locator('[data-retention="thread-conventional"]').textContent()).toContain('lift kept 0 %');
    await expect.poll(() => page.evaluate(() => location.search)).toContain('months=12');
    // The dual-layer thread's longer hold is labelled as the clinic's claim.
    await page.getByRole('button', { name: 'Dual-layer thread lift' }).click();
    expect(await page.locator('[data-retention="thread"]').textContent()).toContain("The clinic's claim");
    expect(rec.pageErrors).toEqual([]);
    expect(rec.consoleErrors).toEqual([]);
    await page.context().close();
  });

  it('deep link months=12 draws a different face from months=0; a bad months value is named in a notice', async () => {
    const query = '?mode=consult&lang=en&technique=thread-conventional&progress=1&view=front&sag=1';
    const a = await openPage(browser, query);
    await waitReady(a.page);
    const at0 = await settled(a.page);
    const noise = meanAbsDiff(at0, await settled(a.page));
    const b = await openPage(browser, `${query}&months=12`);
    await waitReady(b.page);
    const at12 = await settled(b.page);
    expect(meanAbsDiff(at0, at12)).toBeGreaterThan(Math.max(0.1, 5 * noise));
    expect(await b.page.getByRole('slider', { name: 'Months after' }).inputValue()).toBe('12');
    await a.page.context().close();
    await b.page.context().close();

    const bad = await openPage(browser, '?mode=consult&lang=en&months=30');
    await waitReady(bad.page);
    expect(await bad.page.locator('.notices').textContent()).toContain('months');
    expect(await bad.page.getByRole('slider', { name: 'Months after' }).inputValue()).toBe('0');
    expect(bad.rec.pageErrors).toEqual([]);
    await bad.page.context().close();
  });

  it('web: the before/after view offers "Right after" and "After one year" for the chosen technique', async () => {
    const { page, rec } = await openPage(browser, '?mode=web&lang=en&technique=thread&progress=1&view=front&sag=1');
    await waitReady(page);
    await page.getByRole('button', { name: 'Before / after' }).click();
    await waitReady(page);
    const rightAfter = page.getByRole('button', { name: 'Right after' });
    const oneYear = page.getByRole('button', { name: 'After one year' });
    await rightAfter.waitFor();
    expect(await rightAfter.getAttribute('aria-pressed')).toBe('true');
    await settled(page, 1);
    const after0 = await fineSignature(page, 1);
    const before0 = await fineSignature(page, 0);
    await settled(page, 1);
    const noise = meanAbsDiff(after0, await fineSignature(page, 1));
    await oneYear.click();
    expect(await oneYear.getAttribute('aria-pressed')).toBe('true');
    await expect.poll(() => page.evaluate(() => location.search)).toContain('months=12');
    await expect.poll(async () => meanAbsDiff(after0, await fineSignature(page, 1)), { timeout: 30_000 }).toBeGreaterThan(Math.max(0.02, 5 * noise));
    // The "before" pane is the face on the day of the operation: unchanged.
    expect(meanAbsDiff(before0, await fineSignature(page, 0))).toBeLessThanOrEqual(Math.max(0.01, 2 * noise));
    expect(await page.locator('.after-months [data-basis]').textContent()).toContain('The clinic says');
    expect(await page.locator('.viewer-badge').count()).toBe(0);
    expect(rec.pageErrors).toEqual([]);
    expect(rec.consoleErrors).toEqual([]);
    await page.context().close();
  });
});

describe('the difference made plain', () => {
  it('web: the before/after view draws the sagged face\'s contour over the "after" pane, from its own chunk', async () => {
    const { page, rec } = await openPage(browser, '?mode=web&lang=en&technique=traditional&progress=1&view=front&sag=1');
    await waitReady(page);
    const chunk = page.waitForResponse((r) => /BeforeContour-[^/]*\.js$/.test(r.url()), { timeout: 60_000 });
    await page.getByRole('button', { name: 'Before / after' }).click();
    expect((await chunk).status()).toBe(200);
    await waitReady(page);
    // Both panes draw the same head with the same layers; the "after" one adds the contour's two ribbons (the jawline
    // and folds, and the profile faded out in this front view but still drawn).
    const calls = () => page.evaluate(() => (window.__lift?.stats() ?? []).map((s) => s.calls));
    await expect.poll(async () => { const [b, a] = await calls(); return (a ?? 0) - (b ?? 0); }, { timeout: 60_000 }).toBeGreaterThanOrEqual(2);
    expect(rec.pageErrors).toEqual([]);
    expect(rec.consoleErrors).toEqual([]);
    await page.context().close();
  });

  it('consult: exaggeration ×3 moves the picture more, is labelled on the canvas and in the snapshot, not in the URL', async () => {
    const { page, rec } = await openPage(browser, '?mode=consult&lang=en&technique=traditional&progress=1&view=front&sag=1');
    await waitReady(page);
    const x1 = await settled(page);
    const noise = meanAbsDiff(x1, await settled(page));
    expect(await page.locator('[role="img"] .viewer-badge').count()).toBe(0);
    const snap = async () => {
      const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Save snapshot (PNG)' }).click()]);
      return readFileSync(await download.path());
    };
    // The badge is drawn at the first pane's top-left (PAD 24 + 8, HEADER 64 + 8; 28 px tall).
    const badgeRect = { x: 34, y: 74, w: 60, h: 22 };
    const plain = await snap();
    await page.getByRole('slider', { name: 'Exaggerate movement' }).fill('3');
    const badge = page.locator('[role="img"] .viewer-badge');
    await badge.waitFor();
    expect(await badge.textContent()).toContain('×3');
    const x3 = await settled(page);
    expect(meanAbsDiff(x1, x3)).toBeGreaterThan(Math.max(0.1, 5 * noise));
    const marked = await snap();
    expect(await magentaShare(page, marked, badgeRect)).toBeGreaterThan(0.5);
    expect(await magentaShare(page, plain, badgeRect)).toBeLessThan(0.2);
    expect(await page.evaluate(() => location.search)).not.toContain('exagg');
    expect(rec.pageErrors).toEqual([]);
    await page.context().close();
  });

  it('web and kiosk offer no exaggeration', async () => {
    for (const mode of ['web', 'kiosk']) {
      const { page } = await openPage(browser, `?mode=${mode}&lang=en`);
      await waitReady(page);
      expect(await page.getByRole('slider', { name: 'Exaggerate movement' }).count()).toBe(0);
      expect(await page.locator('.viewer-badge').count()).toBe(0);
      await page.context().close();
    }
  });

  it('the heat map colours the skin and has a colour bar with labelled mm ticks, in each language; off restores the skin', async () => {
    for (const [lang, title, button] of [
      ['en', 'Displacement, mm', 'Heat map'],
      ['ko', '이동 거리, mm', '이동량 색상'],
    ] as const) {
      const { page, rec } = await openPage(browser, `?mode=consult&lang=${lang}&progress=1`);
      await waitReady(page);
      expect(await page.locator('[data-heat-legend]').count()).toBe(0);
      const plain = await settled(page);
      const noise = meanAbsDiff(plain, await settled(page));
      await page.getByRole('button', { name: button }).click();
      const legend = page.locator('[data-heat-legend]');
      await legend.waitFor();
      expect(await legend.locator('figcaption').textContent()).toBe(title);
      expect(await legend.locator('.heat-ticks li').allTextContents()).toEqual(['0', '2', '4', '6', '≥ 8']);
      // the painter is its own chunk (loaded on the switch): the skin takes the ramp's colours, and loses them again
      await expect.poll(async () => meanAbsDiff(plain, await canvasSignature(page, 0)), { timeout: 30_000 }).toBeGreaterThan(Math.max(1, 10 * noise));
      await page.getByRole('button', { name: button }).click();
      await expect.poll(async () => meanAbsDiff(plain, await canvasSignature(page, 0)), { timeout: 30_000 }).toBeLessThan(Math.max(0.2, 3 * noise));
      expect(rec.pageErrors).toEqual([]);
      await page.context().close();
    }
  });

  it('consult: the before-contour (sagged jawline, folds, profile) is drawn over the result by default and can be turned off', async () => {
    const { page, rec } = await openPage(browser, '?mode=consult&lang=en&technique=facelift&progress=1&view=oblique-left&sag=1');
    await waitReady(page);
    const toggle = page.getByRole('button', { name: 'Before contour' });
    expect(await toggle.getAttribute('aria-pressed')).toBe('true');
    await settled(page);
    const on = await fineSignature(page, 0); // a thin line: compare at 256 px
    await settled(page);
    const noise = changedSamples(on, await fineSignature(page, 0));
    await toggle.click();
    expect(await toggle.getAttribute('aria-pressed')).toBe('false');
    // The dashed line changes ~80 of the 65 536 samples (oblique view, 2026-11): count them, not a mean over all.
    await expect.poll(async () => changedSamples(on, await fineSignature(page, 0)), { timeout: 30_000 }).toBeGreaterThan(Math.max(30, 5 * noise));
    expect(rec.pageErrors).toEqual([]);
    expect(rec.consoleErrors).toEqual([]);
    await page.context().close();
  });

  it('compare: each pane shows its lift at the jawline, nasolabial fold and lid–cheek junction at the result step', async () => {
    const { page, rec } = await openPage(browser, '?mode=consult&lang=en&compare=traditional,smile,thread&progress=1&sag=1');
    await waitReady(page);
    const panes = page.locator('[role="img"]');
    await expect.poll(() => page.locator('[role="img"] .pane-lift').count(), { timeout: 60_000 }).toBe(3);
    const texts: string[] = [];
    for (let i = 0; i < 3; i++) {
      const box = panes.nth(i).locator('.pane-lift');
      const text = (await box.textContent()) ?? '';
      expect(text).toContain('Jawline');
      expect(text).toContain('Nasolabial fold');
      expect(text).toContain('Lid–cheek junction');
      expect(text.match(/\d+\.\d mm/g)?.length).toBe(3);
      texts.push(text);
    }
    expect(new Set(texts).size).toBe(3); // three techniques, three sets of figures
    // Not at the result step: no figures.
    await page.getByRole('slider', { name: 'Procedure progress' }).fill('0');
    await expect.poll(() => page.locator('[role="img"] .pane-lift').count()).toBe(0);
    expect(rec.pageErrors).toEqual([]);
    await page.context().close();
  });
});
