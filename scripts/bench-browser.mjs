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
await browser.close();
server.close();
