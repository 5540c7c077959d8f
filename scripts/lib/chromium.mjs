// Finds a Chromium for the browser tests and screenshots; obtains one when absent, and says so:
// Debian → the `chromium` package (plus fonts-noto-cjk for Korean, Chinese and Japanese text);
// elsewhere → playwright's own Chromium download.
import { existsSync } from 'node:fs';
import { execSync } from 'node:child_process';

const CANDIDATES = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome', '/usr/bin/google-chrome-stable'];

export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--use-angle=swiftshader',
  '--enable-unsafe-swiftshader',
  '--ignore-gpu-blocklist',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
  '--disable-features=Translate,OptimizationHints,MediaRouter',
  '--disable-dev-shm-usage',
];

function found() {
  if (process.env.CHROMIUM_PATH && existsSync(process.env.CHROMIUM_PATH)) return process.env.CHROMIUM_PATH;
  return CANDIDATES.find((p) => existsSync(p));
}

export async function ensureChromium({ log = console.log } = {}) {
  let path = found();
  if (path) return path;
  const isDebian = existsSync('/etc/debian_version') && existsSync('/usr/bin/apt-get');
  if (isDebian) {
    log('[chromium] No Chromium found: installing Debian packages chromium and fonts-noto-cjk with apt-get…');
    const sudo = process.getuid?.() === 0 ? '' : 'sudo ';
    execSync(`${sudo}apt-get update -qq && ${sudo}env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium fonts-noto-cjk`, {
      stdio: 'inherit',
    });
    path = found();
  } else {
    log("[chromium] No Chromium found: downloading playwright's Chromium (npx playwright install chromium)…");
    execSync('npx -y playwright@1.65.1 install chromium', { stdio: 'inherit' });
    const { chromium } = await import('playwright-core');
    path = chromium.executablePath();
  }
  if (!path || !existsSync(path)) throw new Error('Could not obtain Chromium; set CHROMIUM_PATH to a Chromium or Chrome binary.');
  log(`[chromium] Using ${path}`);
  return path;
}
