import { useEffect, useRef } from 'react';
import { useAppContext } from '../../state/context.tsx';
import { PATIENT_TECHNIQUES } from '../techniqueSets.ts';

/** Pause on the finished result before the next technique. Design choice. */
export const ATTRACT_HOLD_MS = 4000;
/**
 * Longest a technique may take in the loop before moving on anyway (a slow or failed model never reaches
 * the end of its timeline: the loop must not stall). Design choice, well above an 18 s timeline.
 */
export const ATTRACT_MAX_MS = 90_000;

/**
 * The lobby's attract loop: from a reset store, play traditional → smile → thread in turn, each to its
 * end, and rotate the caption language every config.kioskLanguageSeconds through config.languages.
 * Playback itself is the store's (animated by the viewer, or stepped under reduced motion).
 */
export function useAttractLoop(active: boolean) {
  const { store, config } = useAppContext();
  const firstLoop = useRef(true);
  useEffect(() => {
    if (!active) return undefined;
    // The first loop after a page load starts in the page's language (a deep link's lang=, else the
    // clinic's default); every later return to the loop starts from the clinic's default.
    const lang = firstLoop.current ? store.getState().lang : config.defaultLanguage;
    firstLoop.current = false;
    store.getState().reset();
    store.getState().setLang(lang);
    let index = -1;
    let hold: ReturnType<typeof setTimeout> | undefined;
    let safety: ReturnType<typeof setTimeout> | undefined;
    const next = () => {
      clearTimeout(hold);
      clearTimeout(safety);
      index = (index + 1) % PATIENT_TECHNIQUES.length;
      const s = store.getState();
      s.setTechnique(PATIENT_TECHNIQUES[index]!);
      s.setProgress(0);
      s.setPlaying(true);
      safety = setTimeout(next, ATTRACT_MAX_MS);
    };
    const unsubscribe = store.subscribe((s, prev) => {
      if (prev.playing && !s.playing && s.progress >= 1) {
        clearTimeout(hold);
        hold = setTimeout(next, ATTRACT_HOLD_MS);
      }
    });
    next();
    const languages = config.languages;
    const rotate =
      languages.length > 1
        ? setInterval(() => {
            const s = store.getState();
            const i = languages.indexOf(s.lang);
            s.setLang(languages[(i + 1) % languages.length]!);
          }, config.kioskLanguageSeconds * 1000)
        : undefined;
    return () => {
      unsubscribe();
      clearTimeout(hold);
      clearTimeout(safety);
      if (rotate !== undefined) clearInterval(rotate);
      store.getState().setPlaying(false);
    };
  }, [active, store, config]);
}
