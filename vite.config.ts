import { defineConfig, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';
import { VitePWA } from 'vite-plugin-pwa';
import { bootGuard } from './src/bootGuard.ts';
import { SANDBOX_TEXT, UPDATE_TEXT } from './src/i18n/update.ts';

// The Content Security Policy ships in the built index.html (and is documented in the README for servers
// that prefer a header). Not applied to the dev server, whose HMR client needs inline code.
// - script-src 'self' + 'wasm-unsafe-eval': the meshopt decoder compiles a bundled WebAssembly module;
//   no 'unsafe-eval'.
// - style-src without 'unsafe-inline': React sets style props through the CSSOM (not governed by CSP), and
//   leva's runtime (stitches) inserts one EMPTY <style> element and then fills it with insertRule (CSSOM);
//   the hash is that empty element's. Anything else inline is blocked — and the browser tests watch for it.
// - connect-src/img-src 'self' (+ data:/blob: for snapshots and leva icons): nothing leaves the origin.
export const CSP = [
  "default-src 'self'",
  "script-src 'self' 'wasm-unsafe-eval'",
  "style-src 'self' 'sha256-47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU='",
  "img-src 'self' data: blob:",
  "connect-src 'self'",
  "font-src 'self'",
  "worker-src 'self'",
  "manifest-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'none'",
].join('; ');

function cspMeta(): Plugin {
  return {
    name: 'lift-csp-meta',
    apply: 'build',
    transformIndexHtml(html) {
      return html.replace(
        '<meta charset="UTF-8" />',
        `<meta charset="UTF-8" />\n    <meta http-equiv="Content-Security-Policy" content="${CSP}" />`,
      );
    },
  };
}

/**
 * boot-guard.js next to index.html: a classic script (src/bootGuard.ts) that replaces the blank poster with a
 * readable message where the app's module scripts cannot load (a frame sandboxed without allow-same-origin, an
 * entry file gone after a redeploy). Loaded deferred, before the app's module script, from the same directory
 * without `crossorigin` (no CORS request), so the CSP's script-src 'self' covers it; no inline script.
 */
function bootGuardScript(): Plugin {
  const source = `(${bootGuard.toString()})(${JSON.stringify({ sandbox: SANDBOX_TEXT, update: UPDATE_TEXT })});\n`;
  return {
    name: 'lift-boot-guard',
    apply: 'build',
    generateBundle() {
      this.emitFile({ type: 'asset', fileName: 'boot-guard.js', source });
    },
    transformIndexHtml: {
      order: 'post',
      handler: (html) => html.replace('<link rel="icon"', '<script defer src="./boot-guard.js"></script>\n    <link rel="icon"'),
    },
  };
}

export default defineConfig({
  base: './',
  plugins: [
    react(),
    cspMeta(),
    bootGuardScript(),
    // Offline after the first load for the lobby kiosk. The service worker is registered only by the kiosk
    // (src/modes/kiosk/registerServiceWorker.ts, bundled register code: injectRegister false); workbox runs
    // from a file generated next to sw.js ('production' mode, no CDN), so no request leaves the origin.
    VitePWA({
      strategies: 'generateSW',
      registerType: 'autoUpdate',
      injectRegister: false,
      mode: 'production',
      manifest: {
        name: 'Lift Visualizer',
        short_name: 'Lift',
        start_url: './?mode=kiosk',
        scope: './',
        display: 'fullscreen',
        background_color: '#eef1f3',
        theme_color: '#1f5f74',
        icons: [{ src: 'favicon.svg', sizes: 'any', type: 'image/svg+xml' }],
      },
      includeManifestIcons: false,
      workbox: {
        // The app, the head model and the clinic's config: everything the kiosk needs to start offline.
        globPatterns: ['**/*.{js,css,html,svg,png,json,glb,webmanifest}'],
        maximumFileSizeToCacheInBytes: 6 * 1024 * 1024,
        // Deep links (?mode=kiosk&lang=…) are navigations to index.html with a query string.
        navigateFallback: 'index.html',
        cleanupOutdatedCaches: true,
        clientsClaim: true,
        skipWaiting: true,
        sourcemap: false,
      },
    }),
  ],
  build: {
    target: 'es2022',
    sourcemap: false,
    chunkSizeWarningLimit: 1200,
    rolldownOptions: {
      output: {
        codeSplitting: {
          groups: [
            { name: 'three', test: /node_modules[\\/]three[\\/]/, priority: 30 },
            { name: 'react', test: /node_modules[\\/](react|react-dom|scheduler)[\\/]/, priority: 20 },
            { name: 'r3f', test: /node_modules[\\/]@react-three[\\/]/, priority: 10 },
          ],
        },
      },
    },
  },
  server: { host: '127.0.0.1' },
  preview: { host: '127.0.0.1' },
});
