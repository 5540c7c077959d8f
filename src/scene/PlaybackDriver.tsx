import { useEffect } from 'react';
import { useFrame, useThree } from '@react-three/fiber';
import type { AppStore } from '../state/store.ts';

/** Seconds for a whole procedure at speed 1. Design choice: long enough to read each step's caption. */
export const TIMELINE_SECONDS = 18;

/**
 * Advances the store's progress while playing. Runs inside the canvas so it ticks only with rendered
 * frames (frameloop="demand": nothing renders, and nothing ticks, while paused).
 */
export function PlaybackDriver({ store }: { store: AppStore }) {
  const invalidate = useThree((s) => s.invalidate);
  useEffect(
    () =>
      store.subscribe((s, prev) => {
        if (s.playing && !prev.playing) invalidate();
      }),
    [store, invalidate],
  );
  useFrame((_, delta) => {
    const s = store.getState();
    if (!s.playing) return;
    // Clamp delta: a backgrounded tab must not jump to the end on return.
    const next = s.progress + (Math.min(delta, 0.1) * s.speed) / TIMELINE_SECONDS;
    if (next >= 1) {
      s.setProgress(1);
      s.setPlaying(false);
    } else s.setProgress(next);
    invalidate();
  });
  return null;
}
