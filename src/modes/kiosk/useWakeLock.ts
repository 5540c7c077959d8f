import { useEffect } from 'react';

interface WakeLockSentinelLike {
  release(): Promise<void>;
  addEventListener(type: 'release', listener: () => void): void;
}
interface WakeLockLike {
  request(type: 'screen'): Promise<WakeLockSentinelLike>;
}

/** First pause before asking again for a lock the system took away while the page was visible. Design choice. */
export const WAKE_LOCK_RETRY_FIRST_MS = 1000;
/** The pause doubles on every lost or refused lock up to this cap. Design choice: a dark screen for at most a minute. */
export const WAKE_LOCK_RETRY_MAX_MS = 60_000;
/** A lock held this long counts as stable: the next loss starts the back-off from the beginning again. Design choice. */
export const WAKE_LOCK_STABLE_MS = 60_000;

/**
 * Keep the lobby screen on (Screen Wake Lock where the browser has it). The lock is dropped whenever the page is
 * hidden, so it is taken again on return; when the system releases it while the page is visible (battery saver,
 * a power-policy change), it is asked for again after 1 s, 2 s, 4 s … (capped), quietly.
 */
export function useWakeLock() {
  useEffect(() => {
    const wakeLock = (navigator as Navigator & { wakeLock?: WakeLockLike }).wakeLock;
    if (!wakeLock) return undefined;
    let sentinel: WakeLockSentinelLike | null = null;
    let disposed = false;
    let pending = false;
    let retry: ReturnType<typeof setTimeout> | undefined;
    let delay = WAKE_LOCK_RETRY_FIRST_MS;
    let heldSince = 0;
    const visible = () => document.visibilityState === 'visible';

    const scheduleRetry = () => {
      if (disposed || retry !== undefined || !visible()) return;
      retry = setTimeout(() => {
        retry = undefined;
        void acquire();
      }, delay);
      delay = Math.min(delay * 2, WAKE_LOCK_RETRY_MAX_MS);
    };

    const acquire = async () => {
      if (disposed || sentinel || pending || !visible()) return;
      pending = true;
      try {
        const s = await wakeLock.request('screen');
        if (disposed) {
          void s.release().catch(() => undefined);
          return;
        }
        sentinel = s;
        heldSince = Date.now();
        s.addEventListener('release', () => {
          if (sentinel !== s) return;
          sentinel = null;
          if (Date.now() - heldSince >= WAKE_LOCK_STABLE_MS) delay = WAKE_LOCK_RETRY_FIRST_MS;
          // Hidden: the browser released it as it always does; visibilitychange takes it again on return.
          // Visible: the system took it away; ask again after the back-off.
          scheduleRetry();
        });
      } catch {
        // Not allowed right now (no user activation yet, battery saver, policy): ask again later, quietly.
        scheduleRetry();
      } finally {
        pending = false;
      }
    };
    const onVisibility = () => {
      if (visible()) void acquire();
    };
    document.addEventListener('visibilitychange', onVisibility);
    // Some browsers grant the lock only after a user gesture: try again on the first touch too.
    document.addEventListener('pointerdown', onVisibility, { capture: true });
    void acquire();
    return () => {
      disposed = true;
      clearTimeout(retry);
      document.removeEventListener('visibilitychange', onVisibility);
      document.removeEventListener('pointerdown', onVisibility, { capture: true });
      void sentinel?.release().catch(() => undefined);
    };
  }, []);
}
