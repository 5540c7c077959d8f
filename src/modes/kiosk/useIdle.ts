import { useEffect, useRef } from 'react';

const ACTIVITY = ['pointerdown', 'keydown', 'wheel', 'touchstart'] as const;

/** Calls `onIdle` after `idleMs` without any input while `active`; any input restarts the wait. */
export function useIdle(active: boolean, idleMs: number, onIdle: () => void) {
  const callback = useRef(onIdle);
  useEffect(() => {
    callback.current = onIdle;
  }, [onIdle]);
  useEffect(() => {
    if (!active) return undefined;
    let timer = setTimeout(() => callback.current(), idleMs);
    const restart = () => {
      clearTimeout(timer);
      timer = setTimeout(() => callback.current(), idleMs);
    };
    for (const type of ACTIVITY) document.addEventListener(type, restart, { capture: true, passive: true });
    return () => {
      clearTimeout(timer);
      for (const type of ACTIVITY) document.removeEventListener(type, restart, { capture: true });
    };
  }, [active, idleMs]);
}
