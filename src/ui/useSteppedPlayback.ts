import { useEffect } from 'react';
import type { TechniqueId } from '../core/ids.ts';
import { PROCEDURES } from '../core/procedures/index.ts';
import { useAppContext } from '../state/context.tsx';

/** Seconds each step is held when playback jumps instead of animating. Design choice: time to read a caption. */
export const STEP_HOLD_MS = 3500;

/**
 * Reduced-motion playback: while the store says "playing", jump from one step's end state to the next
 * every STEP_HOLD_MS instead of animating (the viewer is mounted without the animating driver then).
 */
export function useSteppedPlayback(technique: TechniqueId, enabled: boolean) {
  const { store } = useAppContext();
  useEffect(() => {
    if (!enabled) return undefined;
    const steps = PROCEDURES[technique].steps;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const tick = () => {
      timer = undefined;
      const s = store.getState();
      if (!s.playing) return;
      const next = steps.find((step) => step.end > s.progress + 1e-6);
      if (!next || next.end >= 1) {
        s.setProgress(1);
        s.setPlaying(false);
        return;
      }
      s.setProgress(next.end);
      timer = setTimeout(tick, STEP_HOLD_MS);
    };
    const schedule = () => {
      if (store.getState().playing && timer === undefined) timer = setTimeout(tick, STEP_HOLD_MS / 3);
      if (!store.getState().playing && timer !== undefined) {
        clearTimeout(timer);
        timer = undefined;
      }
    };
    schedule();
    const unsubscribe = store.subscribe((s, prev) => {
      if (s.playing !== prev.playing) schedule();
    });
    return () => {
      unsubscribe();
      if (timer !== undefined) clearTimeout(timer);
    };
  }, [store, technique, enabled]);
}
