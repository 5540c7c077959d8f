// Browser half of `npm run bench`: medians of 5 runs in headless Chromium (software WebGL) of the time from
// navigation to data-ready per mode, and the bytes transferred. Figures only; budgets live in check:budgets.
import { existsSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { chromium } from 'playwright-core';
import { ensureChromium, CHROMIUM_ARGS } from './lib/chromium.mjs';
import { startStaticServer } from './lib/static-server.mjs';
import { waitForHeadReady } from './lib/ready.mjs';

const RUNS = Number(process.env.BENCH_RUNS ?? 5);
if (!existsSync('dist/index.html')) {
  if (spawnSync('npx', ['vite', 'build', '--logLevel', 'warn'], { stdio: 'inherit' }).status !== 0) process.exit(1);
}
const executablePath = await ensureChromium({ log: () => {} });
const { server, url } = await startStaticServer('dist');
const browser = await chromium.launch({ executablePath, args: CHROMIUM_ARGS });
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

console.log(`\nBrowser figures (median of ${RUNS} runs, headless Chromium, software WebGL)`);
console.log('mode      nav→data-ready   bytes transferred   JS heap');
for (const mode of ['web', 'consult', 'kiosk']) {
  const times = [];
  const bytes = [];
  const heaps = [];
  for (let i = 0; i < RUNS; i++) {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, serviceWorkers: 'block' });
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    await cdp.send('Network.enable');
    let transferred = 0;
    cdp.on('Network.loadingFinished', (e) => (transferred += e.encodedDataLength));
    const t0 = Date.now();
    await page.goto(`${url}?mode=${mode}&lang=en`);
    await waitForHeadReady(page, 180_000, 50);
    times.push(Date.now() - t0);
    bytes.push(transferred);
    heaps.push(await page.evaluate(() => performance.memory?.usedJSHeapSize ?? 0));
    await context.close();
  }
  console.log(
    `${mode.padEnd(9)} ${String(median(times)).padStart(8)} ms   ${String(Math.round(median(bytes) / 1024)).padStart(10)} kB   ${String(Math.round(median(heaps) / 1048576)).padStart(6)} MB`,
  );
}

// Photo → lifted face (issue #15): a front render of the default head is the photo; timed from handing the file
// to the page until the fitted face is drawn at the result step (landmarks, fit in the worker, the engine's
// precompute and solve, the first frames), with the longest main-thread task meanwhile (PerformanceObserver).
{
  const PHOTO_RUNS = Math.max(1, Math.min(RUNS, 3));
  const rows = [];
  for (let i = 0; i < PHOTO_RUNS; i++) {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, serviceWorkers: 'block' });
    const page = await context.newPage();
    await page.goto(`${url}?mode=consult&lang=en&view=front&technique=smile`);
    await waitForHeadReady(page, 180_000, 50);
    const box = await page.locator('[role="img"][data-ready]').first().boundingBox();
    const side = Math.min(box.width, box.height);
    const photo = await page.screenshot({ clip: { x: box.x + (box.width - side) / 2, y: box.y, width: side, height: side } });
    // the model is fetched when the panel opens (as for a user); a first photo pays its compile, later ones do not
    await page.locator('[data-photo-open]').click();
    await page.locator('[data-photo-input]').waitFor({ state: 'attached' });
    // Consult compiles the programs its steps will need once idle after the first frame (HeadScene's warm-up, a
    // one-off of the page, not of the photo): done long before a surgeon has opened the panel and taken a picture.
    await page.waitForFunction(() => performance.getEntriesByName('lift:warm-up').length > 0, undefined, { timeout: 60_000, polling: 50 });
    await page.evaluate(() => {
      window.__longest = 0;
      new PerformanceObserver((list) => {
        for (const e of list.getEntries()) window.__longest = Math.max(window.__longest, e.duration);
      }).observe({ type: 'longtask' });
    });
    const t0 = Date.now();
    await page.locator('[data-photo-input]').setInputFiles({ name: 'photo.png', mimeType: 'image/png', buffer: photo });
    await page.waitForFunction(() => Number(document.querySelector('.photo-panel')?.getAttribute('data-photo-runs')) > 0, undefined, { timeout: 180_000, polling: 20 });
    if ((await page.locator('.photo-panel').getAttribute('data-photo-status')) !== 'done') throw new Error('bench: the photo was refused');
    await page.evaluate(() => document.activeElement?.blur());
    await page.keyboard.press('End').catch(() => {});
    for (let k = 0; k < 8; k++) await page.keyboard.press('ArrowRight');
    await waitForHeadReady(page, 180_000, 20);
    const total = Date.now() - t0;
    const status = page.locator('.photo-status');
    rows.push({
      total,
      landmarks: Number(await status.getAttribute('data-landmarks-ms')),
      fit: Number(await status.getAttribute('data-fit-ms')),
      longest: await page.evaluate(() => window.__longest),
    });
    await context.close();
  }
  console.log('\nPhoto → lifted face (consult, smile result; front render of the default head as the photo)');
  console.log('run   total     landmarks   fit (worker)   longest main-thread task');
  rows.forEach((r, i) =>
    console.log(`${String(i + 1).padEnd(5)} ${String(r.total).padStart(6)} ms ${String(r.landmarks).padStart(8)} ms ${String(r.fit).padStart(10)} ms ${String(Math.round(r.longest)).padStart(12)} ms`),
  );
}

await browser.close();
server.close();
