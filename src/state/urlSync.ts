// Keeps the address bar following the state (replaceState, never pushState: scrubbing a slider must
// not fill the back button's history). Only the deep-link fields are written; defaults are left out so a
// shared link stays short.
import { DEFAULT_PATIENT } from '../core/ids.ts';
import { serializeDeepLink, type DeepLink } from '../core/url/index.ts';
import type { AppState, AppStore, StoreDefaults } from './store.ts';
import { DEFAULT_LAYERS } from './store.ts';

export function linkFromState(s: AppState, defaults: StoreDefaults): DeepLink {
  const link: DeepLink = {};
  if (s.mode !== 'web') link.mode = s.mode;
  if (s.technique !== defaults.technique) link.technique = s.technique;
  if (s.compare.length > 0) link.compare = s.compare;
  if (s.step !== 0) link.step = s.step;
  if (s.progress !== 0) link.progress = Math.round(s.progress * 1000) / 1000;
  if (s.lang !== defaults.lang) link.lang = s.lang;
  if (s.layers.join(',') !== DEFAULT_LAYERS.join(',')) link.layers = s.layers;
  if (s.view !== 'oblique-left') link.view = s.view;
  if (s.sag !== defaults.sag) link.sag = Math.round(s.sag * 1000) / 1000;
  if (s.patient !== DEFAULT_PATIENT) link.patient = s.patient;
  if (s.embed) link.embed = true;
  if (s.months !== 0) link.months = Math.round(s.months * 1000) / 1000;
  return link;
}

export interface HistoryLike {
  replaceState(data: unknown, unused: string, url?: string | URL | null): void;
}
export interface LocationLike {
  readonly pathname: string;
  readonly search: string;
  readonly hash: string;
}

/** Start syncing; returns the unsubscribe function. Writes are coalesced to one per `delayMs`. */
export function syncUrl(
  store: AppStore,
  defaults: StoreDefaults,
  location: LocationLike,
  history: HistoryLike,
  delayMs = 150,
): () => void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const write = () => {
    timer = undefined;
    const search = serializeDeepLink(linkFromState(store.getState(), defaults));
    if (search !== location.search) history.replaceState(null, '', `${location.pathname}${search}${location.hash}`);
  };
  const unsubscribe = store.subscribe(() => {
    if (timer === undefined) timer = setTimeout(write, delayMs);
  });
  write();
  return () => {
    unsubscribe();
    if (timer !== undefined) clearTimeout(timer);
  };
}
