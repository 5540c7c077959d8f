import { useEffect } from 'react';

const ZOOM_KEYS = new Set(['+', '-', '=', '_', '0']);

/**
 * The lobby screen is locked down: no text selection, context menu, drag, pinch or page zoom, and no
 * navigation away (links open nothing). CSS (body[data-mode='kiosk']) does touch-action and user-select;
 * these listeners catch what CSS cannot (ctrl+wheel, keyboard zoom, Safari gesture events, link clicks).
 */
export function useKioskLockdown() {
  useEffect(() => {
    const prevent = (e: Event) => e.preventDefault();
    const onWheel = (e: WheelEvent) => {
      if (e.ctrlKey || e.metaKey) e.preventDefault();
    };
    const onKey = (e: KeyboardEvent) => {
      if ((e.ctrlKey || e.metaKey) && ZOOM_KEYS.has(e.key)) e.preventDefault();
      // Back/forward shortcuts would leave the kiosk page.
      if (e.altKey && (e.key === 'ArrowLeft' || e.key === 'ArrowRight')) e.preventDefault();
    };
    const onTouchMove = (e: TouchEvent) => {
      if (e.touches.length > 1) e.preventDefault();
    };
    const onClick = (e: MouseEvent) => {
      const target = e.target instanceof Element ? e.target.closest('a[href]') : null;
      if (target) e.preventDefault();
    };
    const nonPassive = { passive: false, capture: true } as const;
    const opts = { capture: true } as const;
    document.addEventListener('contextmenu', prevent, opts);
    document.addEventListener('selectstart', prevent, opts);
    document.addEventListener('dragstart', prevent, opts);
    document.addEventListener('gesturestart', prevent, nonPassive);
    document.addEventListener('gesturechange', prevent, nonPassive);
    document.addEventListener('wheel', onWheel, nonPassive);
    document.addEventListener('keydown', onKey, opts);
    document.addEventListener('touchmove', onTouchMove, nonPassive);
    document.addEventListener('click', onClick, opts);
    document.addEventListener('auxclick', prevent, opts);
    return () => {
      document.removeEventListener('contextmenu', prevent, opts);
      document.removeEventListener('selectstart', prevent, opts);
      document.removeEventListener('dragstart', prevent, opts);
      document.removeEventListener('gesturestart', prevent, nonPassive);
      document.removeEventListener('gesturechange', prevent, nonPassive);
      document.removeEventListener('wheel', onWheel, nonPassive);
      document.removeEventListener('keydown', onKey, opts);
      document.removeEventListener('touchmove', onTouchMove, nonPassive);
      document.removeEventListener('click', onClick, opts);
      document.removeEventListener('auxclick', prevent, opts);
    };
  }, []);
}
