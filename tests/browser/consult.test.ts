// The consult room: technique switching, playback, comparison and the take-home snapshot, in the real app.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { canvasSignature, launch, meanAbsDiff, openPage, tissueColours, waitForQuietFrames, waitReady } from './harness.ts';

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

/**
 * Wait until the canvases stop drawing (camera flights, the cutaway's peel and the deferred engine precompute
 * end in quiet: frameloop="demand"), then return the index-th canvas's picture. (Two equal reads a moment
 * apart are not enough: on a busy machine a camera flight can go a while without a frame.)
 */
async function settled(page: import('playwright-core').Page, index = 0) {
  expect(await waitForQuietFrames(page, { timeout: 60_000 }), 'the canvases kept drawing for 60 s').toBe(true);
  return canvasSignature(page, index);
}

describe('consult mode', () => {
  it('switching technique changes the rendered face at the result step', async () => {
    const { page, rec } = await openPage(browser, '?mode=consult&lang=en&technique=traditional&progress=1&view=front&sag=1');
    await waitReady(page);
    const traditional = await settled(page);
    await page.getByRole('button', { name: 'Smile Mini Lift' }).click();
    await page.getByRole('slider', { name: 'Procedure progress' }).press('End');
    await page.getByRole('button', { name: 'Front', exact: true }).click();
    const smile = await settled(page);
    // Same camera, same sag, same progress: only the technique differs. The lifts differ by millimetres, so
    // the picture changes subtly; compare with the noise of re-rendering the same state (two settled reads).
    const again = await settled(page);
    const noise = meanAbsDiff(smile, again);
    expect(meanAbsDiff(traditional, smile)).toBeGreaterThan(Math.max(0.1, 5 * noise));
    expect(await page.locator('[role="img"]').first().getAttribute('aria-label')).toContain('Smile Mini Lift');
    expect(rec.pageErrors).toEqual([]);
    expect(rec.consoleErrors).toEqual([]);
    await page.context().close();
  });

  it('play advances the progress and pause stops it', async () => {
    const { page } = await openPage(browser, '?mode=consult&lang=en');
    await waitReady(page);
    const slider = page.getByRole('slider', { name: 'Procedure progress' });
    expect(Number(await slider.inputValue())).toBe(0);
    await page.getByRole('button', { name: 'Play' }).click();
    await expect.poll(async () => Number(await slider.inputValue()), { timeout: 30_000 }).toBeGreaterThan(30);
    await page.getByRole('button', { name: 'Pause' }).click();
    // Paused: the button offers Play again, and the canvas comes to rest (frames are drawn on demand: a
    // playback still running would keep drawing and never be quiet), with the progress where it stopped.
    await page.getByRole('button', { name: 'Play' }).waitFor();
    const paused = Number(await slider.inputValue());
    expect(await waitForQuietFrames(page, { quietMs: 1500 }), 'frames still drawn after Pause').toBe(true);
    expect(Number(await slider.inputValue())).toBe(paused);
    await page.context().close();
  });

  it('compare shows the techniques side by side, each labelled', async () => {
    const { page, rec } = await openPage(browser, '?mode=consult&lang=en&technique=smile');
    await waitReady(page);
    await page.getByRole('button', { name: 'Compare' }).click();
    await expect.poll(() => page.locator('.consult-stage [role="img"]').count()).toBe(3);
    await waitReady(page);
    const labels = await page.locator('.consult-stage [role="img"]').evaluateAll((els) => els.map((e) => e.getAttribute('aria-label')));
    expect(labels.some((l) => l?.includes('Smile Mini Lift'))).toBe(true);
    expect(labels.some((l) => l?.includes('Traditional mini lift'))).toBe(true);
    expect(labels.some((l) => l?.includes('Dual-layer thread lift'))).toBe(true);
    expect(new URL(page.url()).searchParams.get('compare')).toBe('smile,traditional,thread');
    expect(rec.pageErrors).toEqual([]);
    await page.context().close();
  });

  it('exports a PNG snapshot on the device', async () => {
    const { page } = await openPage(browser, '?mode=consult&lang=en&progress=1');
    await waitReady(page);
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Save snapshot (PNG)' }).click()]);
    expect(download.suggestedFilename()).toMatch(/^lift-smile-\d{4}-\d{2}-\d{2}\.png$/);
    const path = await download.path();
    const bytes = (await import('node:fs')).readFileSync(path);
    expect(bytes.subarray(1, 4).toString()).toBe('PNG');
    expect(bytes.length).toBeGreaterThan(20_000);
    await page.context().close();
  });

  it('keyboard: number keys pick techniques, space plays, ? opens the help', async () => {
    const { page } = await openPage(browser, '?mode=consult&lang=en');
    await waitReady(page);
    await page.locator('body').press('1');
    await expect.poll(() => new URL(page.url()).searchParams.get('technique')).toBe('traditional');
    await page.locator('body').press('?');
    expect(await page.getByRole('dialog', { name: 'Keyboard shortcuts' }).count()).toBe(1);
    await page.keyboard.press('Escape');
    expect(await page.getByRole('dialog').count()).toBe(0);
    await page.context().close();
  });

  it('the steps under the skin open a window over the cheek: SMAS in place, skin all around; layer opacity works', async () => {
    const { page, rec } = await openPage(browser, '?mode=consult&lang=en&technique=smile');
    await waitReady(page);
    await settled(page);
    const closed = await tissueColours(page);
    expect(closed.smas).toBeLessThan(0.006);
    // → → →: mark, incise, elevate, pull. The step shows skin, fat, SMAS, ligaments and bone.
    for (let i = 0; i < 3; i++) await page.locator('body').press('ArrowRight');
    await expect.poll(() => page.getByRole('button', { name: 'SMAS (fascia)' }).getAttribute('aria-pressed')).toBe('true');
    await settled(page);
    const open = await tissueColours(page);
    // (Closed, the only red is the incision marker and the step callout.)
    expect(open.smas).toBeGreaterThan(Math.max(0.01, 5 * closed.smas));
    // The skin is still there and opaque around the window (not a see-through head).
    expect(open.skin).toBeGreaterThan(0.5 * closed.skin);
    // The surgeon makes the SMAS faint from the panel: the window shows mostly what lies under it.
    const smasOpacity = page.locator('[id="Layer opacity.smas"]');
    await smasOpacity.fill('0.15');
    await smasOpacity.press('Enter');
    await settled(page);
    expect((await tissueColours(page)).smas).toBeLessThan(0.5 * open.smas);
    // (leva's button sits in the scrolled side panel; a DOM click is what a pointer click would do.)
    await page.locator('.tuning-panel').getByRole('button', { name: 'reset' }).evaluate((b: HTMLElement) => b.click());
    await settled(page);
    expect((await tissueColours(page)).smas).toBeGreaterThan(0.8 * open.smas);
    // C turns the cutaway off: the skin turns see-through instead, and the fat sheet under it hides most of the
    // SMAS that the window showed.
    await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    await page.locator('body').press('c');
    await expect.poll(() => page.getByRole('button', { name: 'Cutaway' }).getAttribute('aria-pressed')).toBe('false');
    await settled(page);
    expect((await tissueColours(page)).smas).toBeLessThan(0.5 * open.smas);
    await page.locator('body').press('c');
    // The result step shows the skin alone: the window is closed again.
    await page.getByRole('slider', { name: 'Procedure progress' }).press('End');
    await settled(page);
    expect((await tissueColours(page)).smas).toBeLessThan(0.3 * open.smas);
    expect(rec.pageErrors).toEqual([]);
    await page.context().close();
  });

  it('once the page is idle after loading, stepping through compiles no shader: the steps\' programs were warmed up', async () => {
    const { page, rec } = await openPage(browser, '?mode=consult&lang=en&technique=smile');
    await waitReady(page);
    await page.waitForFunction(() => performance.getEntriesByName('lift:warm-up').length > 0, undefined, { timeout: 60_000, polling: 100 });
    await settled(page);
    // warmed, the window is still closed: the rigged cutaway changed nothing on screen
    expect((await tissueColours(page)).smas).toBeLessThan(0.006);
    await page.evaluate(() => {
      const w = window as unknown as { __compiled: number };
      w.__compiled = 0;
      const compile = WebGL2RenderingContext.prototype.compileShader;
      WebGL2RenderingContext.prototype.compileShader = function (shader) {
        w.__compiled++;
        compile.call(this, shader);
      };
    });
    const progress = page.getByRole('slider', { name: 'Procedure progress' });
    let sawSmas = 0;
    for (let step = 1; step < 7; step++) {
      await page.locator('body').press('ArrowRight');
      await settled(page);
      sawSmas = Math.max(sawSmas, (await tissueColours(page)).smas);
    }
    expect(await progress.inputValue()).toBe('1000');
    // the steps did open the window onto the SMAS, with programs compiled before
    expect(sawSmas).toBeGreaterThan(0.01);
    expect(await page.evaluate(() => (window as unknown as { __compiled: number }).__compiled)).toBe(0);
    expect(rec.pageErrors).toEqual([]);
    await page.context().close();
  });

  it('compare: orbiting one pane turns the others with it', async () => {
    const { page, rec } = await openPage(browser, '?mode=consult&lang=en&technique=smile&compare=smile,traditional,thread&progress=1');
    await waitReady(page);
    const panes = page.locator('.consult-stage [role="img"]');
    await expect.poll(() => panes.count()).toBe(3);
    await settled(page, 2);
    const before = [await canvasSignature(page, 0), await canvasSignature(page, 1), await canvasSignature(page, 2)];
    const box = (await panes.nth(0).boundingBox())!;
    await page.mouse.move(box.x + box.width * 0.5, box.y + box.height * 0.5);
    await page.mouse.down();
    await page.mouse.move(box.x + box.width * 0.8, box.y + box.height * 0.5, { steps: 8 });
    await page.mouse.up();
    await settled(page, 2);
    const after = [await canvasSignature(page, 0), await canvasSignature(page, 1), await canvasSignature(page, 2)];
    for (let i = 0; i < 3; i++) expect(meanAbsDiff(before[i]!, after[i]!), `pane ${i}`).toBeGreaterThan(2);
    // The panes keep one framing: the head's outline (foreground silhouette) matches between panes.
    const silhouette = (sig: number[]) => sig.map((v) => (Math.abs(v - 240) > 12 ? 1 : 0));
    const [a, b, c] = after.map(silhouette) as [number[], number[], number[]];
    expect(meanAbsDiff(a, b)).toBeLessThan(0.06);
    expect(meanAbsDiff(a, c)).toBeLessThan(0.06);
    expect(rec.pageErrors).toEqual([]);
    await page.context().close();
  });

  it('the tuning panel follows the page language and keeps its values', async () => {
    const { page, rec } = await openPage(browser, '?mode=consult&lang=en&technique=smile&sag=0.35');
    await waitReady(page);
    const panel = page.locator('.tuning-panel');
    await expect.poll(() => panel.getByText('vector angle (°)').count()).toBe(1);
    await page.getByRole('combobox', { name: 'Language' }).selectOption('ko');
    await expect.poll(() => panel.getByText('벡터 각도 (°)').count()).toBe(1);
    expect(await panel.getByText('vector angle (°)').count()).toBe(0);
    // The sag from the link survives the panel being rebuilt in the new language.
    expect(await page.locator('[id="역학.sag"]').inputValue()).toBe('0.35');
    expect(rec.pageErrors).toEqual([]);
    await page.context().close();
  });
});
