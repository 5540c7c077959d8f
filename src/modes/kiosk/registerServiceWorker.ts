/// <reference types="vite-plugin-pwa/client" />
// Offline after the first load (the kiosk only: patients' phones should not download the whole app and
// model in the background). The register code is bundled by vite-plugin-pwa; nothing comes from a CDN.
import { registerSW } from 'virtual:pwa-register';

/** Check for a new deployment every hour; with autoUpdate a new version activates and the page reloads. */
const UPDATE_CHECK_MS = 60 * 60 * 1000;

let registered = false;

export function registerKioskServiceWorker() {
  if (registered || !('serviceWorker' in navigator)) return;
  registered = true;
  registerSW({
    immediate: true,
    onRegisteredSW(_url, registration) {
      if (!registration) return;
      setInterval(() => {
        if (navigator.onLine) void registration.update().catch(() => undefined);
      }, UPDATE_CHECK_MS);
    },
    onRegisterError(error: unknown) {
      console.warn('[kiosk] service worker not registered:', error);
    },
  });
}
