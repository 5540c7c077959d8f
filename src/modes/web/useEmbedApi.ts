import { useEffect } from 'react';
import type { AppConfig } from '../../core/config/schema.ts';
import type { AppStore } from '../../state/store.ts';
import { loadChunk } from '../../ui/lazyChunk.ts';

/**
 * The embed API (embedApi.ts) when the page runs inside a frame and the clinic has named the sites that may
 * embed it; its code loads only then.
 */
export function useEmbedApi(store: AppStore, config: AppConfig) {
  useEffect(() => {
    if (window.parent === window || config.embedOrigins.length === 0) return undefined;
    let stop: (() => void) | undefined;
    let cancelled = false;
    // Without its code (reported: the page offers a reload) the page works, it just does not talk to the host.
    loadChunk('embed API', () => import('./embedApi.ts')).then(
      (m) => {
        if (!cancelled) stop = m.startEmbedApi(store, config);
      },
      () => undefined,
    );
    return () => {
      cancelled = true;
      stop?.();
    };
  }, [store, config]);
}
