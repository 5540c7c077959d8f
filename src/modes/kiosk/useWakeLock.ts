import { useEffect } from 'react';

interface WakeLockSentinelLike {
  release(): Promise<void>;
  addEventListener(type: 'release', listener: () => void): void;
}
interface WakeLockLike {
  request(type: 'screen'): Promise<WakeLockSentinelLike>;
}

/** Keep the lobby screen on (Screen Wake Lock where the browser has it); the lock is dropped whenever the page is hidden, so take it again on return. */
export function useWakeLock() {
  useEffect(() => {
    const wakeLock = (navigator as Navigator & { wakeLock?: WakeLockLike }).wakeLock;
    if (!wakeLock) return undefined;
    let sentinel: WakeLockSentinelLike | null = null;
    let disposed = false;
    const acquire = async () => {
      if (disposed || sentinel || document.visibilityState !== 'visible') return;
      try {
        const s = await wakeLock.request('screen');
        if (disposed) {
          void s.release();
          return;
        }
        sentinel = s;
        s.addEventListener('release', () => {
          if (sentinel === s) sentinel = null;
        });
      } catch {
        // Not allowed (no user activation, battery saver, policy): the screen's own settings apply.
      }
    };
    const onVisibility = () => void acquire();
    document.addEventListener('visibilitychange', onVisibility);
    // Some browsers grant the lock only after a user gesture: try again on the first touch too.
    document.addEventListener('pointerdown', onVisibility, { capture: true });
    void acquire();
    return () => {
      disposed = true;
      document.removeEventListener('visibilitychange', onVisibility);
      document.removeEventListener('pointerdown', onVisibility, { capture: true });
      void sentinel?.release().catch(() => undefined);
    };
  }, []);
}
