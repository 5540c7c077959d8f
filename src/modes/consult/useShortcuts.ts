import { useEffect } from 'react';
import type { AppStore } from '../../state/store.ts';
import type { LayerId, TechniqueId, ViewId } from '../../core/ids.ts';
import { PROCEDURES } from '../../core/procedures/index.ts';
import { stepAt, stepStart } from '../../core/timeline/index.ts';

const LAYER_KEYS: Record<string, LayerId> = { s: 'skin', a: 'fat', m: 'smas', l: 'ligaments', b: 'bone' };

/** Consult keyboard shortcuts (listed in the help overlay). Ignored while typing in a field. */
export function useShortcuts(store: AppStore, techniques: readonly TechniqueId[], toggleHelp: () => void) {
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const target = e.target as HTMLElement | null;
      if (e.ctrlKey || e.metaKey || e.altKey) return;
      if (target && /^(INPUT|SELECT|TEXTAREA)$/.test(target.tagName) && e.key !== 'Escape') return;
      const s = store.getState();
      const procedure = PROCEDURES[s.technique];
      const { index } = stepAt(procedure, s.progress);
      const go = (i: number) => {
        const clamped = Math.min(procedure.steps.length - 1, Math.max(0, i));
        s.setPlaying(false);
        s.setProgress(clamped === procedure.steps.length - 1 ? 1 : stepStart(procedure, clamped));
      };
      const key = e.key.toLowerCase();
      const views: Record<string, ViewId> = {
        f: 'front',
        o: s.view === 'oblique-left' ? 'oblique-right' : 'oblique-left',
        p: s.view === 'profile-left' ? 'profile-right' : 'profile-left',
      };
      if (e.key === ' ' && !(target instanceof HTMLButtonElement)) {
        e.preventDefault();
        if (!s.playing && s.progress >= 1) s.setProgress(0);
        s.setPlaying(!s.playing);
      } else if (e.key === 'ArrowRight' && !(target instanceof HTMLInputElement)) go(index + 1);
      else if (e.key === 'ArrowLeft' && !(target instanceof HTMLInputElement)) go(index - 1);
      else if (/^[1-5]$/.test(e.key)) {
        const id = techniques[Number(e.key) - 1];
        if (id) s.setTechnique(id);
      } else if (views[key]) s.setView(views[key]);
      else if (LAYER_KEYS[key]) s.toggleLayer(LAYER_KEYS[key]);
      else if (key === 'c') s.setCutaway(!s.cutaway);
      else if (e.key === '?' || key === 'h') toggleHelp();
      else return;
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [store, techniques, toggleHelp]);
}
