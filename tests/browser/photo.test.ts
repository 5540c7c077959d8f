// The patient's own face from a photo (issue #15): the app's own renders of the default head are the photos. The
// fit must land within 2 mm (median) of the head's own face-mesh points from the front and ±15°; each bad input
// shows its message and keeps the model; the photo's bytes are in no request and nothing is stored; the kiosk has
// no photo control.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { chromium } from 'playwright-core';
// @ts-expect-error plain ESM helper shared with the npm scripts
import { CHROMIUM_ARGS } from '../../scripts/lib/chromium.mjs';
import type { Browser, Page } from 'playwright-core';
import { appUrl, canvasSignature, foreignRequests, launch, meanAbsDiff, openPage, waitForQuietFrames, waitReady } from './harness.ts';
import { seriousAxeViolations } from './axe.ts';
import { FACE_MESH_POINTS, medianDistance, rigidAlign } from '../../src/core/face/faceFit.ts';
import { placeFacePoints, tieFacePoints } from '../../src/core/face/facePoints.ts';
import { loadCommittedHead, MALE_MODEL_PATH } from '../fixtures/heads.ts';

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

const viewer = (page: Page) => page.locator('[role="img"][data-ready]').first();

/** A PNG of the viewer as it is now (the app's renderer), turned by `yawDeg` with the orbit controls first. */
async function render(page: Page, yawDeg = 0): Promise<Buffer> {
  const box = (await viewer(page).boundingBox())!;
  if (yawDeg !== 0) {
    // OrbitControls: a drag of dx pixels turns by 2π·dx / height
    const dx = (box.height * yawDeg) / 360;
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    await page.mouse.down();
    await page.mouse.move(box.x + box.width / 2 + dx / 2, box.y + box.height / 2, { steps: 4 });
    await page.mouse.move(box.x + box.width / 2 + dx, box.y + box.height / 2, { steps: 4 });
    await page.mouse.up();
  }
  // the orbit's damping and the camera's flight settle before the picture is taken
  await waitForQuietFrames(page);
  // square crop around the face (the viewer is wider than tall)
  const side = Math.min(box.width, box.height);
  return page.screenshot({ clip: { x: box.x + (box.width - side) / 2, y: box.y, width: side, height: side } });
}

/** Derived test pictures, drawn in the page from a PNG: darker, blurred, two faces, tiny, blank. */
async function derive(page: Page, png: Buffer, kind: 'dark' | 'blur' | 'two' | 'tiny' | 'blank' | 'huge'): Promise<Buffer> {
  const dataUrl = await page.evaluate(
    async ({ b64, kind }) => {
      const img = new Image();
      img.src = `data:image/png;base64,${b64}`;
      await img.decode();
      const c = document.createElement('canvas');
      const ctx = c.getContext('2d')!;
      if (kind === 'two') {
        c.width = img.width * 2;
        c.height = img.height;
        ctx.drawImage(img, 0, 0);
        ctx.drawImage(img, img.width + img.width * 0.15, img.height * 0.15, img.width * 0.7, img.height * 0.7);
      } else if (kind === 'huge') {
        // 6000 × 6000 (36 megapixels): the feature must bring it down before anything else
        c.width = c.height = 6000;
        ctx.drawImage(img, 0, 0, 6000, 6000);
        return c.toDataURL('image/jpeg', 0.85);
      } else if (kind === 'tiny') {
        c.width = c.height = 96;
        ctx.drawImage(img, 0, 0, 96, 96);
      } else if (kind === 'blank') {
        c.width = 640;
        c.height = 480;
        const g = ctx.createLinearGradient(0, 0, 640, 480);
        g.addColorStop(0, '#d8c3b0');
        g.addColorStop(1, '#6d7f8c');
        ctx.fillStyle = g;
        ctx.fillRect(0, 0, 640, 480);
      } else {
        c.width = img.width;
        c.height = img.height;
        ctx.filter = kind === 'dark' ? 'brightness(0.12)' : 'blur(7px)';
        ctx.drawImage(img, 0, 0);
      }
      return c.toDataURL('image/png');
    },
    { b64: png.toString('base64'), kind },
  );
  return Buffer.from(dataUrl.split(',')[1]!, 'base64');
}

/** Opens the photo panel (consult or web), gives it a file and waits for the outcome. */
async function feed(page: Page, file: { name: string; mimeType: string; buffer: Buffer }): Promise<{ status: string; problem: string | null; text: string; turnDeg: string | null }> {
  if ((await page.locator('.photo-panel').count()) === 0) await page.locator('[data-photo-open]').click();
  const panel = page.locator('.photo-panel');
  await panel.waitFor();
  const before = Number(await panel.getAttribute('data-photo-runs'));
  await page.locator('[data-photo-input]').setInputFiles(file);
  await page.waitForFunction((prev) => Number(document.querySelector('.photo-panel')?.getAttribute('data-photo-runs')) > prev, before, {
    timeout: 120_000,
    polling: 100,
  });
  return {
    turnDeg: await page.locator('.photo-status').getAttribute('data-turn-deg'),
    status: (await panel.getAttribute('data-photo-status'))!,
    problem: await panel.getAttribute('data-problem'),
    text: (await page.locator('.photo-status').textContent()) ?? '',
  };
}

/** A lazily made value shared by the tests that need it (renders are slow: each made once per file). */
function memo<T>(make: () => Promise<T>): () => Promise<T> {
  let p: Promise<T> | null = null;
  return () => (p ??= make());
}

/** The index-th viewer once it stops changing (camera flights, the engine's precompute on a new head, lazy chunks). */
async function settled(page: Page, index = 0): Promise<number[]> {
  await waitReady(page);
  await waitForQuietFrames(page);
  let previous = await canvasSignature(page, index);
  for (let i = 0; i < 60; i++) {
    await waitForQuietFrames(page, { quietMs: 300 });
    const next = await canvasSignature(page, index);
    if (meanAbsDiff(previous, next) < 0.05) return next;
    previous = next;
  }
  return previous;
}

/** A 96-px-wide greyscale signature of a PNG (a snapshot), decoded in the page. */
async function pngSignature(page: Page, png: Buffer): Promise<number[]> {
  return page.evaluate(async (b64) => {
    const img = new Image();
    img.src = `data:image/png;base64,${b64}`;
    await img.decode();
    const c = document.createElement('canvas');
    c.width = 96;
    c.height = Math.round((96 * img.height) / img.width);
    const ctx = c.getContext('2d')!;
    ctx.drawImage(img, 0, 0, c.width, c.height);
    const d = ctx.getImageData(0, 0, c.width, c.height).data;
    const out: number[] = [];
    for (let p = 0; p < d.length; p += 4) out.push((d[p]! + d[p + 1]! + d[p + 2]!) / 3);
    return out;
  }, png.toString('base64'));
}

/** The 468 face-mesh points of `patient`'s head as the page shows it now (the model, or the head fitted to a photo), mm. */
async function shownFacePoints(page: Page, ties: ReturnType<typeof tieFacePoints>, indices: Uint32Array, patient: 'female' | 'male' = 'female'): Promise<Float32Array> {
  const skin = Float32Array.from(await page.evaluate((p) => window.__lift!.skinMm(p), patient));
  return placeFacePoints(ties, skin, indices);
}

/** `a` moved onto `b` by the best rigid motion (no scaling), then their median distance (mm). */
function rigidMedian(a: Float32Array, b: Float32Array): number {
  const all = Array.from({ length: FACE_MESH_POINTS }, (_, i) => i);
  const { rotation: R, translation: t } = rigidAlign(a, b, all);
  const moved = new Float32Array(a.length);
  for (let i = 0; i < FACE_MESH_POINTS; i++) {
    const x = a[i * 3]!, y = a[i * 3 + 1]!, z = a[i * 3 + 2]!;
    moved.set([R[0] * x + R[1] * y + R[2] * z + t[0], R[3] * x + R[4] * y + R[5] * z + t[1], R[6] * x + R[7] * y + R[8] * z + t[2]], i * 3);
  }
  return medianDistance(moved, b);
}

/** The same, after `a` is scaled about its centroid to `b`'s RMS size: the difference in shape alone (mm). */
function shapeMedian(a: Float32Array, b: Float32Array): number {
  const centroid = (p: Float32Array) => [0, 1, 2].map((k) => p.filter((_, i) => i % 3 === k).reduce((x, y) => x + y, 0) / FACE_MESH_POINTS);
  const ca = centroid(a), cb = centroid(b);
  const rms = (p: Float32Array, c: number[]) => Math.sqrt(p.reduce((sum, v, i) => sum + (v - c[i % 3]!) ** 2, 0) / FACE_MESH_POINTS);
  const k = rms(b, cb) / rms(a, ca);
  return rigidMedian(a.map((v, i) => ca[i % 3]! + (v - ca[i % 3]!) * k), b);
}

describe('photo of the patient', () => {
  // The man on the same topology: his 468 points are hers (head-face-landmarks.json) tied to her skin and placed on
  // his (src/core/face/facePoints.ts); the fitted head is compared with them after the best rigid placement (the
  // photo fixes neither where the face is nor its scale: the fit puts it onto her points at the norm's size).
  const manRenders = memo(async () => {
    const shots: Buffer[] = [];
    for (const yaw of [0, 15, -15]) {
      const r = await openPage(browser, '?mode=consult&lang=en&view=front&technique=facelift&patient=male');
      await waitReady(r.page);
      expect(await viewer(r.page).getAttribute('data-patient')).toBe('male');
      shots.push(await render(r.page, yaw));
      await r.page.context().close();
    }
    return shots;
  });
  const manPoints = memo(async () => {
    const [her, him] = await Promise.all([loadCommittedHead(), loadCommittedHead(MALE_MODEL_PATH)]);
    if (!her.head || !him.head) throw new Error(`the committed heads are needed: ${her.reason}; ${him.reason}`);
    const herPoints = Float32Array.from((JSON.parse(readFileSync('public/models/head-face-landmarks.json', 'utf8')) as { points: number[] }).points);
    const ties = tieFacePoints(herPoints, her.head.skin);
    return { ties, herPoints, hisPoints: placeFacePoints(ties, him.head.skin.positions, him.head.skin.indices), indices: her.head.skin.indices };
  });

  /**
   * Feeds the man's renders (front, +15°, −15°) to a consult page showing `patient`; for each, the fitted face's median
   * distance (mm) from his own points after the best rigid placement, and in shape alone (best similarity). (Bent from
   * the default patient's head instead, his renders come out 1.2–1.4 mm from his shape, but her own face is only
   * 1.1 mm from it once scaled: the two heads differ mostly in size, which a photo does not carry. The fit's power to
   * take another shape is tested in tests/unit/face/faceFit.test.ts with a face 3 mm and more away.)
   */
  async function fitTheMan(patient: 'female' | 'male'): Promise<{ placed: number; shape: number }[]> {
    const [shots, { ties, herPoints, hisPoints, indices }] = await Promise.all([manRenders(), manPoints()]);
    const { page, rec } = await openPage(browser, `?mode=consult&lang=en&view=front&technique=facelift&patient=${patient}`);
    await waitReady(page);
    // before any photo the page's head is that patient's model, point for point (the measure reads what is shown)
    expect(medianDistance(await shownFacePoints(page, ties, indices, patient), patient === 'male' ? hisPoints : herPoints)).toBeLessThan(0.01);
    const out: { placed: number; shape: number }[] = [];
    for (const i of [0, 1, 2]) {
      const outcome = await feed(page, { name: `him-${i}.png`, mimeType: 'image/png', buffer: shots[i]! });
      expect(outcome, `render ${i}`).toMatchObject({ status: 'done' });
      await waitReady(page);
      expect(await viewer(page).getAttribute('data-face')).toBe('photo');
      expect(await viewer(page).getAttribute('data-patient')).toBe(patient);
      const fitted = await shownFacePoints(page, ties, indices, patient);
      // the head shown is the fitted one, not the model (whose points these are exactly)
      expect(medianDistance(fitted, patient === 'male' ? hisPoints : herPoints)).toBeGreaterThan(0.1);
      const r = { placed: rigidMedian(fitted, hisPoints), shape: shapeMedian(fitted, hisPoints) };
      console.info(
        `[photo] the man ${['front', '+15°', '−15°'][i]} on ${patient === 'male' ? 'his' : 'her'} model: fitted face ${r.placed.toFixed(2)} mm ` +
          `(median, best rigid placement), ${r.shape.toFixed(2)} mm in shape, from his own points; turn ${outcome.turnDeg}°`,
      );
      out.push(r);
    }
    expect(foreignRequests(rec)).toEqual([]);
    expect(rec.pageErrors).toEqual([]);
    await page.context().close();
    return out;
  }

  it('fits the man (chosen in consult) to renders of him within 2 mm of his own points (front, +15°, −15°)', async () => {
    const fits = await fitTheMan('male');
    fits.forEach((f, i) => expect(f.placed, `${['front', '+15°', '−15°'][i]}: median distance of the fitted face from his own points`).toBeLessThan(2));
  }, 600_000);

  it('consult on the fitted face: each Smile step, before/after, the months slider, compare and the snapshot show it; neither photo nor snapshot is in any request', async () => {
    // the photo: the man from the front, a face clearly not the default patient's (shape and skin)
    const photo = (await manRenders())[0]!;
    const { page, rec } = await openPage(browser, '?mode=consult&lang=en&technique=smile&view=front&sag=1');
    const withBody: string[] = [];
    page.on('request', (r) => {
      if (r.postDataBuffer()) withBody.push(r.url());
    });
    await waitReady(page);
    const stepButtons = page.locator('.step-list li button');
    const steps = await stepButtons.count();
    expect(steps).toBeGreaterThan(3);
    const months = page.getByRole('slider', { name: 'Months after' });
    const compare = page.getByRole('button', { name: 'Compare', exact: true });
    const beforeAfter = page.getByRole('button', { name: 'Before / after', exact: true });
    const snapshot = async (): Promise<number[]> => {
      const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Save snapshot (PNG)' }).click()]);
      return pngSignature(page, readFileSync((await download.path())!));
    };
    /** The same walk through the consult room, on whatever head the page shows. */
    const walk = async () => {
      const perStep: number[][] = [];
      // come to the first step from the second on both walks, so its camera (and close-up) is the same each time
      await stepButtons.nth(1).click();
      await settled(page);
      for (let i = 0; i < steps; i++) {
        await stepButtons.nth(i).click();
        perStep.push(await settled(page));
      }
      // at the result: a year later, then back
      await months.fill('12');
      const year = await settled(page);
      await months.fill('0');
      const result = await settled(page);
      const snap = await snapshot();
      // before / after: the sagged face (pane 0) under the result (pane 1), one camera
      await beforeAfter.click();
      await page.waitForFunction(() => document.querySelectorAll('[role="img"][data-ready]').length === 2);
      const before = await settled(page, 0);
      const after = await settled(page, 1);
      await beforeAfter.click();
      await page.waitForFunction(() => document.querySelectorAll('[role="img"][data-ready]').length === 1);
      await compare.click();
      await page.waitForFunction(() => document.querySelectorAll('[role="img"][data-ready]').length === 3);
      const panes = [await settled(page, 0), await settled(page, 1), await settled(page, 2)];
      const faces = await page.locator('[role="img"][data-ready]').evaluateAll((els) => els.map((e) => e.getAttribute('data-face')));
      await compare.click();
      await page.waitForFunction(() => document.querySelectorAll('[role="img"][data-ready]').length === 1);
      return { perStep, year, result, snap, before, after, panes, faces };
    };
    const model = await walk();
    // what "unchanged" looks like: the same view drawn again, the same snapshot saved again
    const noise = Math.max(meanAbsDiff(model.result, await settled(page)), 0.02);
    const snapNoise = Math.max(meanAbsDiff(model.snap, await snapshot()), 0.02);

    const requestsBefore = rec.requests.length;
    const outcome = await feed(page, { name: 'patient.png', mimeType: 'image/png', buffer: photo });
    expect(outcome, JSON.stringify(outcome)).toMatchObject({ status: 'done' });
    await page.locator('.photo-panel').getByRole('button', { name: 'Close', exact: true }).click();
    await waitReady(page);
    expect(await viewer(page).getAttribute('data-face')).toBe('photo');
    const fitted = await walk();

    const differs = (a: number[], b: number[]) => meanAbsDiff(a, b);
    const report = {
      noise,
      snapNoise,
      stepVsModel: fitted.perStep.map((f, i) => differs(f, model.perStep[i]!)),
      stepToStep: fitted.perStep.slice(1).map((f, i) => differs(f, fitted.perStep[i]!)),
      yearVsResult: differs(fitted.year, fitted.result),
      yearVsModel: differs(fitted.year, model.year),
      beforeVsAfter: differs(fitted.before, fitted.after),
      beforeVsModel: differs(fitted.before, model.before),
      panesVsModel: fitted.panes.map((f, i) => differs(f, model.panes[i]!)),
      snapVsModel: differs(fitted.snap, model.snap),
    };
    console.info(`[photo] consult on the fitted face: ${JSON.stringify(report, (_, v: unknown) => (typeof v === 'number' ? Number(v.toFixed(3)) : v))}`);
    const clearly = Math.max(0.5, 5 * noise);
    // (a) every step is drawn on the fitted face, and each step changes the picture
    for (const [i, d] of report.stepVsModel.entries()) expect(d, `step ${i + 1}: fitted face vs the model`).toBeGreaterThan(clearly);
    for (const [i, d] of report.stepToStep.entries()) expect(d, `step ${i + 1} → ${i + 2} on the fitted face`).toBeGreaterThan(clearly);
    // (b) the months slider moves the fitted face, which is not the model's a year on
    expect(report.yearVsResult, '12 months vs right after, fitted face').toBeGreaterThan(Math.max(0.1, 5 * noise));
    expect(report.yearVsModel, '12 months: fitted face vs the model').toBeGreaterThan(clearly);
    // before / after on the fitted face
    expect(report.beforeVsAfter, 'before vs after, fitted face').toBeGreaterThan(Math.max(0.1, 5 * noise));
    expect(report.beforeVsModel, 'before: fitted face vs the model').toBeGreaterThan(clearly);
    // (c) compare: three panes, each the fitted face
    expect(model.faces).toEqual(['model', 'model', 'model']);
    expect(fitted.faces).toEqual(['photo', 'photo', 'photo']);
    for (const [i, d] of report.panesVsModel.entries()) expect(d, `compare pane ${i + 1}: fitted face vs the model`).toBeGreaterThan(clearly);
    // (d) the snapshot shows the fitted face, not the model
    expect(report.snapVsModel, 'snapshot of the fitted face vs the snapshot of the model').toBeGreaterThan(Math.max(0.3, 5 * snapNoise));
    // nothing carries the photo or a snapshot: no request has a body, none leaves the origin, none after the photo
    // but the feature's own code and model files (and the page's favicon, which headless Chromium re-requests during
    // the walk: 11 times in one run, same origin, no body)
    expect(withBody).toEqual([]);
    expect(foreignRequests(rec)).toEqual([]);
    const after = rec.requests.slice(requestsBefore);
    console.info(`[photo] requests after the photo was chosen: ${JSON.stringify(after)}`);
    expect(after.filter((u) => !/\/(facemodel\/[\w.]+|assets\/[\w.-]+|models\/[\w.-]+\.(json|glb)|favicon\.svg)$/.test(u))).toEqual([]);
    expect(rec.pageErrors).toEqual([]);
    await page.context().close();
  }, 900_000);

  it('web on a phone (390 × 844): the fitted face through the steps, before / after and "after one year"; the photo is in no request', async () => {
    const photo = (await manRenders())[0]!;
    const { page, rec } = await openPage(browser, '?mode=web&lang=en&technique=smile', { width: 390, height: 844 });
    const withBody: string[] = [];
    page.on('request', (r) => {
      if (r.postDataBuffer()) withBody.push(r.url());
    });
    await waitReady(page);
    // the page plays the technique on its own: moving to the start stops it (then each step is still)
    const progress = page.getByRole('slider', { name: 'Procedure progress' });
    const next = page.getByRole('button', { name: 'Next step' });
    const beforeAfter = page.getByRole('button', { name: 'Before / after', exact: true });
    const look = async (index = 0) => {
      await viewer(page).scrollIntoViewIfNeeded();
      return settled(page, index);
    };
    const walk = async () => {
      await progress.fill('0');
      const perStep = [await look()];
      while (await next.isEnabled()) {
        await next.dispatchEvent('click');
        perStep.push(await look());
      }
      await beforeAfter.dispatchEvent('click');
      await page.waitForFunction(() => document.querySelectorAll('[role="img"][data-ready]').length === 2);
      const before = await look(0);
      const after = await look(1);
      await page.getByRole('button', { name: 'After one year' }).dispatchEvent('click');
      const year = await look(1);
      await page.getByRole('button', { name: 'Right after' }).dispatchEvent('click');
      await look(1);
      const faces = await page.locator('[role="img"][data-ready]').evaluateAll((els) => els.map((e) => e.getAttribute('data-face')));
      await beforeAfter.dispatchEvent('click');
      await page.waitForFunction(() => document.querySelectorAll('[role="img"][data-ready]').length === 1);
      return { perStep, before, after, year, faces };
    };
    const model = await walk();
    const noise = Math.max(meanAbsDiff(model.perStep.at(-1)!, await look()), 0.02);
    const requestsBefore = rec.requests.length;
    const outcome = await feed(page, { name: 'selfie.png', mimeType: 'image/png', buffer: photo });
    expect(outcome, JSON.stringify(outcome)).toMatchObject({ status: 'done' });
    await page.locator('.photo-panel').getByRole('button', { name: 'Close', exact: true }).dispatchEvent('click');
    await waitReady(page);
    expect(await viewer(page).getAttribute('data-face')).toBe('photo');
    const fitted = await walk();
    const report = {
      noise,
      steps: [model.perStep.length, fitted.perStep.length],
      stepVsModel: fitted.perStep.map((f, i) => meanAbsDiff(f, model.perStep[i]!)),
      stepToStep: fitted.perStep.slice(1).map((f, i) => meanAbsDiff(f, fitted.perStep[i]!)),
      beforeVsAfter: meanAbsDiff(fitted.before, fitted.after),
      beforeVsModel: meanAbsDiff(fitted.before, model.before),
      yearVsAfter: meanAbsDiff(fitted.year, fitted.after),
      yearVsModel: meanAbsDiff(fitted.year, model.year),
    };
    console.info(`[photo] web phone on the fitted face: ${JSON.stringify(report, (_, v: unknown) => (typeof v === 'number' ? Number(v.toFixed(3)) : v))}`);
    const clearly = Math.max(0.5, 5 * noise);
    expect(fitted.perStep.length).toBe(model.perStep.length);
    expect(fitted.perStep.length).toBeGreaterThan(3);
    for (const [i, d] of report.stepVsModel.entries()) expect(d, `step ${i + 1}: fitted face vs the model`).toBeGreaterThan(clearly);
    for (const [i, d] of report.stepToStep.entries()) expect(d, `step ${i + 1} → ${i + 2} on the fitted face`).toBeGreaterThan(Math.max(0.1, 5 * noise));
    expect(model.faces).toEqual(['model', 'model']);
    expect(fitted.faces).toEqual(['photo', 'photo']);
    expect(report.beforeVsAfter, 'before vs after, fitted face').toBeGreaterThan(Math.max(0.1, 5 * noise));
    expect(report.beforeVsModel, 'before: fitted face vs the model').toBeGreaterThan(clearly);
    expect(report.yearVsAfter, 'after one year vs right after, fitted face').toBeGreaterThan(Math.max(0.1, 5 * noise));
    expect(report.yearVsModel, 'after one year: fitted face vs the model').toBeGreaterThan(clearly);
    expect(withBody).toEqual([]);
    expect(foreignRequests(rec)).toEqual([]);
    const after = rec.requests.slice(requestsBefore);
    expect(after.filter((u) => !/\/(facemodel\/[\w.]+|assets\/[\w.-]+|models\/[\w.-]+\.(json|glb)|favicon\.svg)$/.test(u))).toEqual([]);
    expect(rec.pageErrors).toEqual([]);
    await page.context().close();
  }, 900_000);

  it('fits the default head to renders of itself within 2 mm (front, +15°, −15°), and the viewer shows the fitted head', async () => {
    // each render from a fresh page, so every turn starts from the front view
    const shots: Buffer[] = [];
    for (const yaw of [0, 15, -15]) {
      const r = await openPage(browser, '?mode=consult&lang=en&view=front&technique=facelift');
      await waitReady(r.page);
      shots.push(await render(r.page, yaw));
      await r.page.context().close();
    }
    const { page, rec } = await openPage(browser, '?mode=consult&lang=en&view=front&technique=facelift');
    await waitReady(page);
    for (const [i, buffer] of shots.entries()) {
      const outcome = await feed(page, { name: `render-${i}.png`, mimeType: 'image/png', buffer });
      expect(outcome, `render ${i}`).toMatchObject({ status: 'done' });
      const mm = Number(await page.locator('.photo-status').getAttribute('data-difference-mm'));

      console.info(`[photo] render ${['front', '+15°', '−15°'][i]}: fitted face ${mm} mm (median) from the head's own points; turn ${outcome.turnDeg}°`);
      expect(mm, `render ${i}: median distance of the fitted face from the head's own points`).toBeLessThan(2);
      // the turned renders really are turned (the camera's own elevation adds a few degrees of pitch)
      if (i > 0) expect(Number(outcome.turnDeg)).toBeGreaterThan(12);
      expect(await viewer(page).getAttribute('data-face')).toBe('photo');
      await waitReady(page);
    }
    // the photo replaces the default patient: the man stays himself, and back to her shows the photo's face
    await page.locator('button[data-patient="male"]').dispatchEvent('click');
    await page.waitForFunction(() => document.querySelector('[role="img"][data-ready]')?.getAttribute('data-patient') === 'male');
    await waitReady(page);
    expect(await viewer(page).getAttribute('data-face')).toBe('model');
    await page.locator('button[data-patient="female"]').dispatchEvent('click');
    await page.waitForFunction(() => document.querySelector('[role="img"][data-ready]')?.getAttribute('data-patient') === 'female');
    await waitReady(page);
    expect(await viewer(page).getAttribute('data-face')).toBe('photo');
    expect(foreignRequests(rec)).toEqual([]);
    expect(await rec.cspViolations()).toEqual([]);
    expect(rec.pageErrors).toEqual([]);
    await page.context().close();
  }, 600_000);

  it('refuses bad pictures with their message and keeps the model on screen', async () => {
    const { page, rec } = await openPage(browser, '?mode=consult&lang=en&view=front&technique=facelift');
    await waitReady(page);
    const face = await render(page, 0);
    const cases: [string, { name: string; mimeType: string; buffer: Buffer }, string][] = [
      ['not-image', { name: 'notes.txt', mimeType: 'text/plain', buffer: Buffer.from('not a picture') }, 'not a picture'],
      ['not-image', { name: 'broken.png', mimeType: 'image/png', buffer: Buffer.from('garbage, not a PNG') }, 'not a picture'],
      ['too-small', { name: 'tiny.png', mimeType: 'image/png', buffer: await derive(page, face, 'tiny') }, 'too small'],
      ['no-face', { name: 'wall.png', mimeType: 'image/png', buffer: await derive(page, face, 'blank') }, 'No face'],
      ['too-dark', { name: 'dark.png', mimeType: 'image/png', buffer: await derive(page, face, 'dark') }, 'too dark'],
      ['blurred', { name: 'blur.png', mimeType: 'image/png', buffer: await derive(page, face, 'blur') }, 'blurred'],
      ['turned', { name: 'turned.png', mimeType: 'image/png', buffer: await render(page, 45) }, 'turned too far'],
    ];
    for (const [problem, file, words] of cases) {
      const outcome = await feed(page, file);
      expect(outcome, file.name).toMatchObject({ status: 'error', problem });
      expect(outcome.text).toContain(words);
      expect(await viewer(page).getAttribute('data-face'), file.name).toBe('model');
    }
    expect(rec.pageErrors).toEqual([]);
    await page.context().close();
  }, 600_000);

  it('uses the largest of several faces and says so; a 36-megapixel photo is brought down and used', async () => {
    const { page } = await openPage(browser, '?mode=consult&lang=en&view=front&technique=facelift');
    await waitReady(page);
    const face = await render(page, 0);
    const two = await derive(page, face, 'two');
    const outcome = await feed(page, { name: 'two.png', mimeType: 'image/png', buffer: two });
    expect(outcome).toMatchObject({ status: 'done' });
    expect(outcome.text).toContain('Several faces');
    const huge = await feed(page, { name: 'huge.jpg', mimeType: 'image/jpeg', buffer: await derive(page, face, 'huge') });
    expect(huge, JSON.stringify(huge)).toMatchObject({ status: 'done' });
    expect(huge.text).not.toContain('Several faces');
    await page.context().close();
  }, 300_000);

  it('web: the photo is in no request and nothing is stored; "Forget this photo" brings the model back', async () => {
    // the photo: a front render from consult (web opens on an oblique view, which the feature rightly refuses as turned)
    const consult = await openPage(browser, '?mode=consult&lang=en&view=front&technique=facelift');
    await waitReady(consult.page);
    const face = await render(consult.page, 0);
    await consult.page.context().close();
    const { page, rec } = await openPage(browser, '?mode=web&lang=en');
    await waitReady(page);
    const bodies: Buffer[] = [];
    page.on('request', (r) => {
      const body = r.postDataBuffer();
      if (body) bodies.push(body);
    });
    const start = rec.requests.length;
    const outcome = await feed(page, { name: 'me.png', mimeType: 'image/png', buffer: face });
    expect(outcome, JSON.stringify(outcome)).toMatchObject({ status: 'done' });
    await waitReady(page);
    expect(await viewer(page).getAttribute('data-face')).toBe('photo');
    // the open panel (privacy line, buttons, status, Forget) passes axe like the rest of the page
    expect(await seriousAxeViolations(page)).toEqual([]);
    // no request carries a body, all stay on the origin, none names the photo
    expect(bodies).toEqual([]);
    expect(foreignRequests(rec)).toEqual([]);
    const during = rec.requests.slice(start);
    expect(during.filter((u) => /me\.png|blob:|data:/.test(u))).toEqual([]);
    // only the feature's own code and model files
    expect(during.filter((u) => !/\/(facemodel\/[\w.]+|assets\/[\w.-]+|models\/head-face-landmarks\.json)$/.test(u))).toEqual([]);
    const stored = await page.evaluate(async () => ({
      local: localStorage.length,
      session: sessionStorage.length,
      caches: 'caches' in window ? (await caches.keys()).length : 0,
      idb: indexedDB.databases ? (await indexedDB.databases()).length : 0,
    }));
    expect(stored).toEqual({ local: 0, session: 0, caches: 0, idb: 0 });
    // (the web page's playing viewer keeps the layout moving: a plain click waits for it to be still forever)
    await page.locator('[data-photo-forget]').dispatchEvent('click');
    await waitReady(page);
    expect(await viewer(page).getAttribute('data-face')).toBe('model');
    expect(await page.locator('.photo-status').textContent()).toContain('forgotten');
    expect(rec.pageErrors).toEqual([]);
    await page.context().close();
  }, 300_000);

  it('the camera refused or absent gets its message; the privacy line is on screen before the camera is asked for', async () => {
    for (const [name, problem, words] of [
      ['NotAllowedError', 'camera-denied', 'not allowed'],
      ['NotFoundError', 'no-camera', 'No camera'],
    ] as const) {
      const { page } = await openPage(browser, '?mode=consult&lang=en&view=front&technique=facelift');
      await page.evaluate((errorName) => {
        // the browser's answer to a refused permission / a device without camera
        (window as unknown as { __asked: boolean }).__asked = false;
        navigator.mediaDevices.getUserMedia = () => {
          (window as unknown as { __asked: boolean; __privacyShown: boolean }).__asked = true;
          (window as unknown as { __privacyShown: boolean }).__privacyShown = !!document.querySelector('.photo-privacy')?.textContent?.includes('stays on this device');
          return Promise.reject(new DOMException('test', errorName));
        };
      }, name);
      await page.locator('[data-photo-open]').click();
      await page.locator('[data-photo-camera]').click();
      await page.waitForFunction(() => document.querySelector('.photo-panel')?.getAttribute('data-photo-status') === 'error');
      expect(await page.locator('.photo-panel').getAttribute('data-problem')).toBe(problem);
      expect(await page.locator('.photo-status').textContent()).toContain(words);
      expect(await page.evaluate(() => (window as unknown as { __privacyShown: boolean }).__privacyShown)).toBe(true);
      await page.context().close();
    }
  }, 120_000);

  it('camera: the live preview with its face guide, the shutter, and the face from the frame (the fake camera of Chromium playing a render)', async () => {
    // the "camera" plays an MJPEG of the default head rendered from the front
    const { page: renderPage } = await openPage(browser, '?mode=consult&lang=en&view=front&technique=facelift');
    await waitReady(renderPage);
    const png = await render(renderPage, 0);
    const jpeg = await renderPage.evaluate(async (b64) => {
      const img = new Image();
      img.src = `data:image/png;base64,${b64}`;
      await img.decode();
      const c = document.createElement('canvas');
      c.width = Math.floor(img.width / 2) * 2;
      c.height = Math.floor(img.height / 2) * 2;
      c.getContext('2d')!.drawImage(img, 0, 0);
      return c.toDataURL('image/jpeg', 0.92).split(',')[1]!;
    }, png.toString('base64'));
    await renderPage.context().close();
    const dir = mkdtempSync(join(tmpdir(), 'lift-camera-'));
    const video = join(dir, 'face.mjpeg');
    writeFileSync(video, Buffer.concat(Array.from({ length: 30 }, () => Buffer.from(jpeg, 'base64'))));
    const camBrowser = await chromium.launch({
      executablePath: inject('chromiumPath'),
      args: [...(CHROMIUM_ARGS as string[]), '--use-fake-ui-for-media-stream', '--use-fake-device-for-media-stream', `--use-file-for-fake-video-capture=${video}`],
      headless: true,
    });
    try {
      const context = await camBrowser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'en-US', permissions: ['camera'] });
      const page = await context.newPage();
      await page.goto(appUrl('?mode=consult&lang=en&view=front&technique=facelift'));
      await waitReady(page);
      await page.locator('[data-photo-open]').click();
      await page.locator('[data-photo-camera]').click();
      await page.waitForFunction(
        () => {
          const v = document.querySelector<HTMLVideoElement>('.photo-preview video');
          return v !== null && v.videoWidth > 0;
        },
        undefined,
        { timeout: 60_000 },
      );
      expect(await page.locator('.photo-guide').count()).toBe(1);
      expect(await page.locator('.photo-privacy').textContent()).toContain('stays on this device');
      await page.getByRole('button', { name: 'Take the photo' }).click();
      await page.waitForFunction(() => Number(document.querySelector('.photo-panel')?.getAttribute('data-photo-runs')) > 0, undefined, { timeout: 120_000 });
      expect(await page.locator('.photo-panel').getAttribute('data-photo-status')).toBe('done');
      // the camera is closed after the shutter
      expect(await page.locator('.photo-preview video').count()).toBe(0);
      await waitReady(page);
      expect(await viewer(page).getAttribute('data-face')).toBe('photo');
      await context.close();
    } finally {
      await camBrowser.close();
      rmSync(dir, { recursive: true, force: true });
    }
  }, 300_000);

  it('the kiosk has no photo control, whatever the link says', async () => {
    const { page, rec } = await openPage(browser, '?mode=kiosk&lang=en&photo=1&camera=1');
    await waitReady(page);
    expect(await page.locator('[data-photo-open], .photo-panel').count()).toBe(0);
    expect(rec.requests.filter((u) => u.includes('/facemodel/'))).toEqual([]);
    await page.context().close();
  }, 120_000);
});
