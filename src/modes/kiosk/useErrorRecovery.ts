import { useEffect } from 'react';
import type { AppStore } from '../../state/store.ts';
import { KIOSK_ERROR_RELOAD_MS } from '../../ui/ErrorBoundary.tsx';

/** Browser noise that is not a failure of the app. */
const BENIGN = [/ResizeObserver loop/i];

/**
 * Nobody is at the lobby screen to press "Try again": an uncaught error or rejected promise anywhere
 * shows a short notice and reloads the page after a pause (render errors are handled by ErrorBoundary).
 */
const reloadPage = () => location.reload();

export function useErrorRecovery(store: AppStore, reload: () => void = reloadPage) {
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const fail = (message: string) => {
      if (BENIGN.some((re) => re.test(message))) return;
      console.warn('[kiosk] uncaught error; reloading in', KIOSK_ERROR_RELOAD_MS / 1000, 's:', message);
      if (timer !== undefined) return;
      store.getState().addNotice({ id: 'kiosk-error', kind: 'error', key: 'kiosk.restarting' });
      timer = setTimeout(reload, KIOSK_ERROR_RELOAD_MS);
    };
    const onError = (e: ErrorEvent) => fail(e.message || String(e.error));
    const onRejection = (e: PromiseRejectionEvent) => fail(e.reason instanceof Error ? e.reason.message : String(e.reason));
    window.addEventListener('error', onError);
    window.addEventListener('unhandledrejection', onRejection);
    return () => {
      window.removeEventListener('error', onError);
      window.removeEventListener('unhandledrejection', onRejection);
      if (timer !== undefined) clearTimeout(timer);
    };
  }, [store, reload]);
}
