import { existsSync } from 'node:fs';
import { execSync } from 'node:child_process';
import type { TestProject } from 'vitest/node';
// @ts-expect-error plain ESM helper shared with the npm scripts
import { startStaticServer } from '../../scripts/lib/static-server.mjs';
// @ts-expect-error plain ESM helper shared with the npm scripts
import { ensureChromium } from '../../scripts/lib/chromium.mjs';

declare module 'vitest' {
  export interface ProvidedContext {
    baseUrl: string;
    chromiumPath: string;
  }
}

export default async function setup(project: TestProject) {
  if (!existsSync('dist/index.html')) {
    console.log('[browser tests] dist/ missing: building the app (vite build)…');
    execSync('npx vite build', { stdio: 'inherit' });
  }
  const chromiumPath: string = await ensureChromium();
  const { server, url } = (await startStaticServer('dist')) as { server: import('node:http').Server; url: string };
  console.log(`[browser tests] serving dist/ at ${url} with ${chromiumPath}`);
  project.provide('baseUrl', url);
  project.provide('chromiumPath', chromiumPath);
  return () => new Promise<void>((done) => server.close(() => done()));
}
