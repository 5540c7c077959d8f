// A new version for the unattended kiosk (a service worker waiting with a redeploy, or a lazily loaded chunk
// that is gone) is applied only in the attract loop: never in the middle of a visitor's visit.
import { useEffect, useState } from 'react';

/** The kiosk's phases, as in KioskMode: its loop, a visitor using it, the "Still there?" countdown. */
export type KioskPhase = 'attract' | 'interactive' | 'countdown';

/** How an update is applied: `sw` activates the waiting service worker, then reloads; `reload` reloads. */
export type PendingUpdate = { readonly kind: 'sw' | 'reload'; readonly apply: () => void };

/**
 * What to do about an update in a phase: nothing pending → 'none'; in the attract loop → 'apply' (nobody is
 * using the screen); otherwise → 'wait' (for the return to the loop, after the idle countdown or Start over).
 */
export function updateDecision(phase: KioskPhase, pending: boolean): 'none' | 'apply' | 'wait' {
  if (!pending) return 'none';
  return phase === 'attract' ? 'apply' : 'wait';
}

let pending: PendingUpdate | null = null;
const listeners = new Set<() => void>();

/**
 * Announce an update. A waiting service worker wins over a plain reload (a reload alone would keep the old
 * worker, and its old files, in charge).
 */
export function setPendingUpdate(update: PendingUpdate): void {
  if (pending?.kind === 'sw' && update.kind === 'reload') return;
  pending = update;
  for (const listener of listeners) listener();
}

/** Applies a pending update when `phase` allows it (updateDecision). Returns whether one is waiting. */
export function useKioskUpdate(phase: KioskPhase): boolean {
  const [waiting, setWaiting] = useState(() => pending !== null);
  useEffect(() => {
    const listener = () => setWaiting(pending !== null);
    listeners.add(listener);
    return () => {
      listeners.delete(listener);
    };
  }, []);
  useEffect(() => {
    if (updateDecision(phase, waiting) !== 'apply' || !pending) return;
    const update = pending;
    pending = null;
    console.info('[kiosk] applying an update in the attract loop');
    update.apply();
  }, [phase, waiting]);
  return waiting;
}

declare global {
  interface Window {
    __liftKiosk?: { updateDecision: typeof updateDecision };
  }
}
// For the browser tests: the decision itself, as the kiosk makes it.
if (typeof window !== 'undefined') window.__liftKiosk = { updateDecision };
