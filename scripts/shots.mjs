// `npm run shots`: screenshots of every mode at the four target sizes (plus per-technique and per-language
// extras) into artifacts/shots/, printing their paths. Builds the app first when dist/ is missing.
// Usage: npm run shots [-- --only consult] [-- --extra] [-- --series] [-- --steps] [-- --photo] [-- --query '?mode=…' --name file [--keys ArrowRight,ArrowRight]]
//   --photo:  the patient's own face (issue 15), with a front render of the man as her photo: consult at the Smile
//             Mini Lift's result and its before / after, web on a phone with the panel's message and with the face
//             (photo-*.png; only these shots)
//   --steps: every technique at every step in consult (stepped with → as the surgeon does, so each step sets its
//            layers, close-up and cutaway), consult-<technique>-s<n>.png
//   --query: one ad-hoc shot at 1440×900 (keys pressed after the head is ready)
import { existsSync, mkdirSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { chromium } from 'playwright-core';
import { ensureChromium, CHROMIUM_ARGS } from './lib/chromium.mjs';
import { startStaticServer } from './lib/static-server.mjs';
import { framesDrawn, waitForHeadReady, waitForQuietFrames } from './lib/ready.mjs';

const args = process.argv.slice(2);
const only = args.includes('--only') ? args[args.indexOf('--only') + 1] : null;
const extra = args.includes('--extra');
const steps = args.includes('--steps');
// --series: only the same-camera series and the compare shot (what issue 13 is judged by).
const seriesOnly = args.includes('--series');
const argOf = (name) => (args.includes(name) ? args[args.indexOf(name) + 1] : null);
const adHoc = argOf('--query');
const photoOnly = args.includes('--photo');
if (!existsSync('dist/index.html') || args.includes('--build')) {
  const b = spawnSync('npx', ['vite', 'build', '--logLevel', 'warn'], { stdio: 'inherit' });
  if (b.status !== 0) process.exit(1);
}

const SIZES = [
  ['desktop', 1440, 900],
  ['phone', 390, 844],
  ['kiosk-landscape', 1920, 1080],
  ['kiosk-portrait', 1080, 1920],
];
const MODES = ['web', 'consult', 'kiosk'];
const shots = [];
const STEP_COUNTS = { traditional: 7, smile: 7, thread: 6, 'thread-conventional': 4, facelift: 8 };
if (photoOnly) {
  shots.push({ file: 'photo-consult-smile-result', query: '?mode=consult&lang=en&technique=smile&progress=1&view=front&sag=1', w: 1440, h: 900, photo: true });
  // the same photo as a surgeon would take it for a man: the Man chosen first, so the fit starts from his model
  shots.push({ file: 'photo-consult-man-smile-result', query: '?mode=consult&lang=en&technique=smile&progress=1&view=front&sag=1&patient=male', w: 1440, h: 900, photo: true });
  shots.push({ file: 'photo-consult-smile-before-after', query: '?mode=consult&lang=en&technique=smile&progress=1&view=front&sag=1', w: 1440, h: 900, photo: true, split: 'middle' });
  shots.push({ file: 'photo-web-phone-panel', query: '?mode=web&lang=en&technique=smile', w: 390, h: 844, photo: 'panel' });
  shots.push({ file: 'photo-web-phone', query: '?mode=web&lang=en&technique=smile', w: 390, h: 844, photo: true });
}
if (adHoc) shots.push({ file: argOf('--name') ?? 'adhoc', query: adHoc, w: 1440, h: 900, keys: argOf('--keys')?.split(',') ?? [] });
if (steps) {
  for (const [technique, n] of Object.entries(STEP_COUNTS)) {
    for (let i = 0; i < n; i++) {
      shots.push({ file: `consult-${technique}-s${i + 1}`, query: `?mode=consult&lang=en&technique=${technique}`, w: 1440, h: 900, keys: Array(i).fill('ArrowRight') });
    }
  }
}
for (const mode of MODES) {
  if (only && only !== mode) continue;
  if (adHoc || seriesOnly || photoOnly || (steps && !extra)) break;
  for (const [name, w, h] of SIZES) shots.push({ file: `${mode}-${name}`, query: `?mode=${mode}&lang=en&progress=0.5`, w, h });
}
if (extra) {
  for (const technique of ['traditional', 'smile', 'thread', 'thread-conventional', 'facelift']) {
    for (const progress of [0, 1]) {
      shots.push({ file: `consult-${technique}-p${progress}`, query: `?mode=consult&lang=en&technique=${technique}&progress=${progress}&view=front`, w: 1440, h: 900 });
    }
  }
  for (const lang of ['ko', 'zh', 'ja']) {
    shots.push({ file: `web-phone-${lang}`, query: `?lang=${lang}`, w: 390, h: 844 });
    shots.push({ file: `kiosk-${lang}`, query: `?mode=kiosk&lang=${lang}`, w: 1920, h: 1080 });
  }
  for (const layers of ['skin,smas', 'fat', 'smas', 'ligaments,bone', 'bone']) {
    shots.push({ file: `consult-layers-${layers.replace(',', '+')}`, query: `?mode=consult&lang=en&layers=${layers}&view=oblique-left`, w: 1440, h: 900 });
  }
}
if (extra || seriesOnly) {
  // The tissue series (issue 4): the same camera for the sagged faces and every technique's result, through
  // the consult before/after slider (its panes share one framing): slider at 100 % shows "before", at 0 % "after".
  for (const sag of [0, 1]) shots.push({ file: `series-sag${sag}`, query: `?mode=consult&lang=en&view=front&sag=${sag}`, w: 1440, h: 900, split: 'before' });
  for (const technique of ['traditional', 'smile', 'thread', 'thread-conventional', 'facelift']) {
    shots.push({ file: `series-${technique}-result`, query: `?mode=consult&lang=en&view=front&sag=1&technique=${technique}`, w: 1440, h: 900, split: 'after' });
    // A year on (issue 13 item 4): the same camera, each technique's result after its retention and the ageing meanwhile.
    shots.push({ file: `series-months12-${technique}-result`, query: `?mode=consult&lang=en&view=front&sag=1&months=12&technique=${technique}`, w: 1440, h: 900, split: 'after' });
  }
  shots.push({ file: 'consult-compare', query: '?mode=consult&lang=en&compare=traditional,smile,thread&progress=1', w: 1920, h: 1080 });
  shots.push({ file: 'consult-compare-months12', query: '?mode=consult&lang=en&compare=traditional,smile,thread-conventional&progress=1&months=12', w: 1920, h: 1080 });
}
if (extra) {
  shots.push({ file: 'web-nowebgl', query: '?lang=en', w: 390, h: 844, noWebGL: true });
}

// Makes the page believe the device has no WebGL (for the 2D fallback screenshot).
const DISABLE_WEBGL = `(() => { const real = HTMLCanvasElement.prototype.getContext;
  HTMLCanvasElement.prototype.getContext = function (type, ...rest) {
    return /webgl/i.test(type) ? null : real.call(this, type, ...rest); }; })();`;
const executablePath = await ensureChromium();
const { server, url } = await startStaticServer('dist');
const browser = await chromium.launch({ executablePath, args: CHROMIUM_ARGS });
mkdirSync('artifacts/shots', { recursive: true });

/** The "patient's photo" for --photo: the app's own render of the man from the front (there are no patient photos here). */
async function manPhoto() {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'en-US' });
  const page = await context.newPage();
  await page.goto(url + '?mode=consult&lang=en&view=front&technique=facelift&patient=male');
  await waitForHeadReady(page, 120_000);
  await waitForQuietFrames(page);
  const box = await page.locator('[role="img"][data-ready]').first().boundingBox();
  const side = Math.min(box.width, box.height);
  const png = await page.screenshot({ clip: { x: box.x + (box.width - side) / 2, y: box.y, width: side, height: side } });
  await context.close();
  return png;
}

/** Gives the page's photo panel the picture and waits for the fitted face on screen; `keepPanel` leaves the panel open. */
async function applyPhoto(page, png, keepPanel) {
  await page.locator('[data-photo-open]').dispatchEvent('click');
  await page.locator('.photo-panel').waitFor();
  await page.locator('[data-photo-input]').setInputFiles({ name: 'patient.png', mimeType: 'image/png', buffer: png });
  await page.waitForFunction(() => Number(document.querySelector('.photo-panel')?.getAttribute('data-photo-runs')) > 0, undefined, { timeout: 180_000 });
  const status = await page.locator('.photo-panel').getAttribute('data-photo-status');
  if (status !== 'done') console.warn(`[shots] the photo was not used: ${status} ${await page.locator('.photo-status').textContent()}`);
  if (!keepPanel) await page.locator('.photo-panel').getByRole('button', { name: 'Close', exact: true }).dispatchEvent('click');
  await waitForHeadReady(page, 120_000);
}
const photoPng = photoOnly ? await manPhoto() : null;

for (const s of shots) {
  const context = await browser.newContext({ viewport: { width: s.w, height: s.h }, locale: 'en-US' });
  const page = await context.newPage();
  if (s.noWebGL) await page.addInitScript(DISABLE_WEBGL);
  await page.goto(url + s.query);
  try {
    await waitForHeadReady(page, 120_000);
  } catch {
    console.warn(`[shots] ${s.file}: the head never reported ready; taking the screenshot anyway`);
  }
  if (s.photo) {
    await applyPhoto(page, photoPng, s.photo === 'panel');
    if (s.query.includes('mode=web')) {
      // stop the page's own playback at the result, the face in view (or the panel's message)
      await page.getByRole('slider', { name: 'Procedure progress' }).fill('1000');
      await page.evaluate(() => document.activeElement?.blur());
      if (s.photo === 'panel') await page.locator('.photo-panel').scrollIntoViewIfNeeded();
      else await page.locator('[role="img"][data-ready]').first().scrollIntoViewIfNeeded();
    }
  }
  if (s.split) {
    await page.getByRole('button', { name: 'Before / after', exact: true }).click();
    await waitForHeadReady(page, 120_000);
    if (s.split !== 'middle') await page.getByRole('slider', { name: 'Before / after' }).press(s.split === 'before' ? 'End' : 'Home');
    await waitForQuietFrames(page);
  }
  for (const key of s.keys ?? []) {
    const before = await framesDrawn(page);
    await page.keyboard.press(key);
    // Each step is drawn (its layers, close-up and cutaway set) before the next key; a camera flight runs on.
    await page
      .waitForFunction((n) => (window.__lift?.stats() ?? []).reduce((m, x) => m + x.frames, 0) > n, before, { timeout: 30_000 })
      .catch(() => console.warn(`[shots] ${s.file}: nothing drawn within 30 s after ${key}`));
  }
  // Camera flights, the cutaway's peel and deferred engine work end in quiet (the kiosk's camera drift never
  // rests: its wait ends at the timeout).
  if (!(await waitForQuietFrames(page, { timeout: s.query.includes('mode=kiosk') ? 3000 : 30_000 })) && !s.query.includes('mode=kiosk')) {
    console.warn(`[shots] ${s.file}: still drawing after 30 s; taking the screenshot anyway`);
  }
  const path = `artifacts/shots/${s.file}.png`;
  await page.screenshot({ path });
  console.log(path);
  await context.close();
}
await browser.close();
server.close();
