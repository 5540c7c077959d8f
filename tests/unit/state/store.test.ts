import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createAppStore, EXAGGERATE_MAX, type StoreDefaults } from '../../../src/state/store.ts';
import { EXAGGERATE_MAX as CORE_EXAGGERATE_MAX } from '../../../src/core/tissue/exaggerate.ts';
import { syncUrl } from '../../../src/state/urlSync.ts';
import { parseDeepLink } from '../../../src/core/url/index.ts';

const defaults: StoreDefaults = { mode: 'web', technique: 'smile', lang: 'ko', sag: 0.7 };

function fakeBrowser(search: string) {
  const location = { pathname: '/app/', search, hash: '' };
  const history = {
    calls: 0,
    replaceState(_d: unknown, _u: string, url?: string | URL | null) {
      history.calls++;
      const u = new URL(String(url), 'http://x');
      location.search = u.search;
    },
  };
  return { location, history };
}

describe('app store', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('starts from the deep link and falls back to defaults', () => {
    const store = createAppStore(defaults, parseDeepLink('?technique=thread&lang=en&sag=0.2').link);
    const s = store.getState();
    expect([s.technique, s.lang, s.sag, s.mode, s.layers]).toEqual(['thread', 'en', 0.2, 'web', ['skin']]);
  });

  it('keeps layers in anatomical order and toggles them', () => {
    const store = createAppStore(defaults);
    store.getState().toggleLayer('bone');
    store.getState().toggleLayer('smas');
    expect(store.getState().layers).toEqual(['skin', 'smas', 'bone']);
    store.getState().toggleLayer('skin');
    expect(store.getState().layers).toEqual(['smas', 'bone']);
  });

  it('clamps progress and sag', () => {
    const store = createAppStore(defaults);
    store.getState().setProgress(3);
    store.getState().setSag(-1);
    expect([store.getState().progress, store.getState().sag]).toEqual([1, 0]);
    store.getState().setProgress(Number.NaN);
    expect(store.getState().progress).toBe(0);
  });

  it('layer opacity is clamped per layer and null returns a layer to its default; the cutaway toggles', () => {
    const store = createAppStore(defaults);
    const s = () => store.getState();
    expect(s().layerOpacity).toEqual({});
    expect(s().cutaway).toBe(true);
    s().setLayerOpacity('smas', 0.4);
    s().setLayerOpacity('bone', 7);
    s().setLayerOpacity('fat', Number.NaN);
    expect(s().layerOpacity).toEqual({ smas: 0.4, bone: 1, fat: 0 });
    s().setLayerOpacity('smas', null);
    expect(s().layerOpacity).toEqual({ bone: 1, fat: 0 });
    s().setCutaway(false);
    expect(s().cutaway).toBe(false);
    s().reset();
    expect(s().layerOpacity).toEqual({});
    expect(s().cutaway).toBe(true);
  });

  it('months start from the deep link, are clamped to the axis and reset to 0; exaggeration is clamped to ×1…×5', () => {
    const store = createAppStore(defaults, parseDeepLink('?months=6.5').link);
    const s = () => store.getState();
    expect(s().months).toBe(6.5);
    s().setMonths(40);
    expect(s().months).toBe(24);
    s().setMonths(-2);
    expect(s().months).toBe(0);
    s().setMonths(Number.NaN);
    expect(s().months).toBe(0);
    expect(s().exaggerate).toBe(1);
    expect(EXAGGERATE_MAX).toBe(CORE_EXAGGERATE_MAX);
    s().setExaggerate(9);
    expect(s().exaggerate).toBe(5);
    s().setExaggerate(0.2);
    expect(s().exaggerate).toBe(1);
    s().setMonths(12);
    s().setExaggerate(3);
    s().reset();
    expect([s().months, s().exaggerate]).toEqual([0, 1]);
  });

  it('switching technique restarts its timeline', () => {
    const store = createAppStore(defaults);
    store.getState().setProgress(0.8);
    store.getState().setStep(4);
    store.getState().setTechnique('traditional');
    expect([store.getState().progress, store.getState().step]).toEqual([0, 0]);
  });

  it('reset returns to defaults but keeps the mode and language', () => {
    const store = createAppStore({ ...defaults, mode: 'kiosk' }, { mode: 'kiosk' });
    store.getState().setLang('ja');
    store.getState().setTechnique('thread');
    store.getState().setCompare(['smile', 'traditional']);
    store.getState().reset();
    const s = store.getState();
    expect([s.mode, s.lang, s.technique, s.compare]).toEqual(['kiosk', 'ja', 'smile', []]);
  });
});

describe('patient', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());
  it('consult starts with the linked patient and switches without losing technique, step, compare or strokes', () => {
    const store = createAppStore(defaults, parseDeepLink('?mode=consult&patient=male&technique=thread&step=2').link);
    expect(store.getState().patient).toBe('male');
    store.getState().setCompare(['thread', 'smile']);
    store.getState().addStroke([{ tri: 5, u: 0.2, v: 0.3, w: 0.5 }]);
    const before = store.getState();
    store.getState().setPatient('female');
    const s = store.getState();
    expect(s.patient).toBe('female');
    expect([s.technique, s.step, s.progress, s.compare, s.strokes]).toEqual([before.technique, before.step, before.progress, before.compare, before.strokes]);
  });

  it('web and kiosk keep the default patient whatever they are given', () => {
    for (const mode of ['web', 'kiosk'] as const) {
      const store = createAppStore({ ...defaults, mode }, { mode, patient: 'male' });
      expect(store.getState().patient).toBe('female');
      store.getState().setPatient('male');
      expect(store.getState().patient).toBe('female');
    }
  });

  it('the URL carries patient=male and leaves out the default', () => {
    const { location, history } = fakeBrowser('?mode=consult');
    const store = createAppStore(defaults, parseDeepLink(location.search).link);
    syncUrl(store, defaults, location, history);
    store.getState().setPatient('male');
    vi.advanceTimersByTime(500);
    expect(location.search).toBe('?mode=consult&patient=male');
    expect(createAppStore(defaults, parseDeepLink(location.search).link).getState().patient).toBe('male');
    store.getState().setPatient('female');
    vi.advanceTimersByTime(500);
    expect(location.search).toBe('?mode=consult');
  });
});

describe('URL sync', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('drops what the parser rejected and writes the state back', () => {
    const { location, history } = fakeBrowser('?technique=thread&view=sideways');
    const store = createAppStore(defaults, parseDeepLink(location.search).link);
    syncUrl(store, defaults, location, history);
    expect(location.search).toBe('?technique=thread');
  });

  it('follows state changes, coalescing bursts into one write', () => {
    const { location, history } = fakeBrowser('');
    const store = createAppStore(defaults);
    syncUrl(store, defaults, location, history);
    const before = history.calls;
    for (let i = 1; i <= 20; i++) store.getState().setProgress(i / 20);
    store.getState().setLang('en');
    store.getState().setCompare(['traditional', 'smile']);
    vi.advanceTimersByTime(500);
    expect(history.calls - before).toBe(1);
    expect(location.search).toBe('?compare=traditional,smile&progress=1&lang=en');
    // The written URL restores the same state.
    const restored = createAppStore(defaults, parseDeepLink(location.search).link).getState();
    expect([restored.progress, restored.lang, restored.compare]).toEqual([1, 'en', ['traditional', 'smile']]);
  });

  it('writes months to the URL (not the exaggeration) and reads them back', () => {
    const { location, history } = fakeBrowser('');
    const store = createAppStore(defaults);
    syncUrl(store, defaults, location, history);
    store.getState().setMonths(12);
    store.getState().setExaggerate(4);
    vi.advanceTimersByTime(500);
    expect(location.search).toBe('?months=12');
    expect(createAppStore(defaults, parseDeepLink(location.search).link).getState().months).toBe(12);
    store.getState().setMonths(0);
    vi.advanceTimersByTime(500);
    expect(location.search).toBe('');
  });

  it('stops writing after unsubscribe', () => {
    const { location, history } = fakeBrowser('');
    const store = createAppStore(defaults);
    const stop = syncUrl(store, defaults, location, history);
    stop();
    store.getState().setLang('zh');
    vi.advanceTimersByTime(500);
    expect(location.search).toBe('');
  });
});
