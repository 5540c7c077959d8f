// The surgeon's pen on a touch screen (issue #14): a stroke belongs to one finger; a second finger pinches or
// rotates the view instead of joining the stroke; a cancelled touch is never committed. Real touch input via
// the DevTools protocol (Input.dispatchTouchEvent), so the browser makes the pointer events itself: pointerType
// "touch", one pointerId per finger, implicit capture, pointercancel for a cancelled touch.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, CDPSession, Page } from 'playwright-core';
import { appUrl, canvasSignature, foregroundFraction, launch, meanAbsDiff, waitReady } from './harness.ts';

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

interface Finger {
  readonly id: number;
  x: number;
  y: number;
}

async function touch(cdp: CDPSession, type: 'touchStart' | 'touchMove' | 'touchEnd' | 'touchCancel', fingers: readonly Finger[]) {
  await cdp.send('Input.dispatchTouchEvent', { type, touchPoints: fingers.map((f) => ({ x: f.x, y: f.y, id: f.id, radiusX: 4, radiusY: 4, force: 1 })) });
}

/** Move `moving` to (x, y) in `steps` touchMove events, every finger in `all` still down. */
async function slide(cdp: CDPSession, all: Finger[], moving: Finger, x: number, y: number, steps = 8) {
  const x0 = moving.x, y0 = moving.y;
  for (let i = 1; i <= steps; i++) {
    moving.x = x0 + ((x - x0) * i) / steps;
    moving.y = y0 + ((y - y0) * i) / steps;
    await touch(cdp, 'touchMove', all);
  }
}

/** Wait until two consecutive canvas signatures agree (the camera's damping has settled). */
async function settled(page: Page) {
  let previous = await canvasSignature(page);
  for (let i = 0; i < 40; i++) {
    await page.waitForTimeout(250);
    const next = await canvasSignature(page);
    if (meanAbsDiff(previous, next) < 0.05) return next;
    previous = next;
  }
  return previous;
}

/** How many strokes are on the face: press Undo until it is disabled (the strokes are gone afterwards). */
async function countStrokesByUndo(page: Page): Promise<number> {
  const undo = page.getByRole('button', { name: 'Undo' });
  let n = 0;
  while (await undo.isEnabled()) {
    await undo.click();
    n++;
    if (n > 20) break;
  }
  return n;
}

async function penPage() {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'en-US', hasTouch: true });
  const page = await context.newPage();
  const pageErrors: string[] = [];
  page.on('pageerror', (e) => pageErrors.push(String(e)));
  await page.goto(appUrl('?mode=consult&lang=en&technique=smile&view=front'));
  await waitReady(page);
  await page.getByRole('button', { name: /Pen/ }).click();
  // The pen's code is a lazy chunk: wait until it has taken the canvas (its crosshair cursor).
  await page.waitForFunction(() => (document.querySelector('[role="img"] canvas') as HTMLElement | null)?.style.cursor === 'crosshair');
  const box = (await page.locator('[role="img"] canvas').first().boundingBox())!;
  const at = (fx: number, fy: number) => ({ x: box.x + box.width * fx, y: box.y + box.height * fy });
  const cdp = await context.newCDPSession(page);
  return { context, page, pageErrors, at, cdp };
}

describe('pen on a touch screen', () => {
  it('a second finger does not join the stroke, and the first finger\'s stroke is kept', async () => {
    const { context, page, pageErrors, at, cdp } = await penPage();
    const before = await settled(page);
    // Finger 1 draws across the cheek; finger 2 lands on the chin; both lift (nothing moves while both are down).
    const f1: Finger = { id: 1, ...at(0.44, 0.5) };
    await touch(cdp, 'touchStart', [f1]);
    await slide(cdp, [f1], f1, at(0.52, 0.52).x, at(0.52, 0.52).y);
    const f2: Finger = { id: 2, ...at(0.5, 0.62) };
    await touch(cdp, 'touchStart', [f1, f2]);
    await touch(cdp, 'touchEnd', []);
    const after = await settled(page);
    // The camera did not move (no finger moved while two were down): the picture changed only by the ink.
    expect(meanAbsDiff(before, after)).toBeLessThan(4);
    expect(meanAbsDiff(before, after)).toBeGreaterThan(0);
    // One stroke so far: finger 1's, ended where finger 2 came down (not lost, not restarted at finger 2).
    // The mouse still draws with the pen on (its main button belongs to the pen, not to the camera).
    await page.mouse.move(at(0.45, 0.4).x, at(0.45, 0.4).y);
    await page.mouse.down();
    await page.mouse.move(at(0.55, 0.4).x, at(0.55, 0.4).y, { steps: 8 });
    await page.mouse.up();
    expect(await countStrokesByUndo(page)).toBe(2);
    expect(pageErrors).toEqual([]);
    await context.close();
  });

  it('two fingers pinch the view and draw nothing', async () => {
    const { context, page, pageErrors, at, cdp } = await penPage();
    const before = await settled(page);
    const fgBefore = await foregroundFraction(page);
    const f1: Finger = { id: 1, ...at(0.46, 0.5) };
    const f2: Finger = { id: 2, ...at(0.54, 0.5) };
    await touch(cdp, 'touchStart', [f1]);
    await touch(cdp, 'touchStart', [f1, f2]);
    // Spread the fingers apart: zoom in.
    for (let i = 1; i <= 10; i++) {
      f1.x -= 12;
      f2.x += 12;
      await touch(cdp, 'touchMove', [f1, f2]);
    }
    await touch(cdp, 'touchEnd', []);
    const after = await settled(page);
    expect(meanAbsDiff(before, after)).toBeGreaterThan(2);
    expect(await foregroundFraction(page)).toBeGreaterThan(fgBefore);
    expect(await page.getByRole('button', { name: 'Undo' }).isEnabled()).toBe(false);
    expect(pageErrors).toEqual([]);
    await context.close();
  });

  it('a cancelled touch (pointercancel) is not committed', async () => {
    const { context, page, pageErrors, at, cdp } = await penPage();
    const before = await settled(page);
    const f1: Finger = { id: 1, ...at(0.44, 0.5) };
    await touch(cdp, 'touchStart', [f1]);
    await slide(cdp, [f1], f1, at(0.56, 0.5).x, at(0.56, 0.5).y);
    await touch(cdp, 'touchCancel', []);
    const after = await settled(page);
    expect(await page.getByRole('button', { name: 'Undo' }).isEnabled()).toBe(false);
    // Nothing of the cancelled stroke is left on the face.
    expect(meanAbsDiff(before, after)).toBeLessThan(0.05);
    expect(pageErrors).toEqual([]);
    await context.close();
  });
});
