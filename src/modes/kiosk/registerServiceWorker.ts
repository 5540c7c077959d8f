/// <reference types="vite-plugin-pwa/client" />
// Offline after the first load (the kiosk only: patients' phones should not download the whole app and
// model in the background). The register code is bundled by vite-plugin-pwa; nothing comes from a CDN.
// A new deployment installs in the background and waits ('prompt' mode, no skipWaiting): the kiosk activates
// it and reloads only when it is back in its attract loop (kioskUpdate.ts), never in the middle of a visit.
import { registerSW } from 'virtual:pwa-register';
import { setPendingUpdate } from './kioskUpdate.ts';

/** Check for a new deployment every hour. Design choice. */
const UPDATE_CHECK_MS = 60 * 60 * 1000;

let registered = false;

export function registerKioskServiceWorker() {
  if (registered || !('serviceWorker' in navigator)) return;
  registered = true;
  let registration: ServiceWorkerRegistration | undefined;
  // Activate the waiting worker and reload once it is in charge, so the page comes from the new deployment.
  // The message goes straight to the worker that is waiting now (the generated worker skips waiting on
  // SKIP_WAITING): workbox-window's own helper only knows a worker it saw install, and one found by a check it
  // did not start could be missed, leaving the kiosk on the old version. If the new worker has not taken over
  // within a few seconds (design choice: 8 s), reload anyway: the next load asks again, still in the loop.
  const apply = () => {
    const waiting = registration?.waiting;
    if (!waiting) {
      location.reload();
      return;
    }
    navigator.serviceWorker.addEventListener('controllerchange', () => location.reload(), { once: true });
    waiting.postMessage({ type: 'SKIP_WAITING' });
    setTimeout(() => location.reload(), 8000);
  };
  registerSW({
    immediate: true,
    onNeedRefresh() {
      setPendingUpdate({ kind: 'sw', apply });
    },
    onRegisteredSW(_url, r) {
      registration = r;
      if (!r) return;
      const check = r;
      setInterval(() => {
        if (navigator.onLine) void check.update().catch(() => undefined);
      }, UPDATE_CHECK_MS);
    },
    onRegisterError(error: unknown) {
      console.warn('[kiosk] service worker not registered:', error);
    },
  });
}
