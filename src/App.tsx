import { Suspense, useEffect } from 'react';
import { I18nProvider } from './i18n/react.ts';
import type { AppContext } from './boot.ts';
import { AppProvider, useApp } from './state/context.tsx';
import { ErrorBoundary } from './ui/ErrorBoundary.tsx';
import { NoticeBar } from './ui/NoticeBar.tsx';
import { lazyChunk, onChunkFailure, retryFailedChunks } from './ui/lazyChunk.ts';

// A mode's chunk can fail to load (a network blip, a redeploy that replaced the file): lazyChunk retries once,
// then the error boundary says a newer version is available; its "Try again" requests the chunk again.
const MODES = {
  web: lazyChunk('web mode', async () => (await import('./modes/web/WebMode.tsx')).default),
  consult: lazyChunk('consult mode', async () => (await import('./modes/consult/ConsultMode.tsx')).default),
  kiosk: lazyChunk('kiosk mode', async () => (await import('./modes/kiosk/KioskMode.tsx')).default),
};

function ModeRouter() {
  const Mode = MODES[useApp((s) => s.mode)];
  return <Mode />;
}

export function App({ ctx }: { ctx: AppContext }) {
  // Any lazily loaded part that could not be had (twice): one notice with a Reload action, whatever the part.
  useEffect(
    () =>
      onChunkFailure(() =>
        ctx.store.getState().addNotice({ id: 'update', kind: 'update', key: 'update.available', action: 'reload' }),
      ),
    [ctx.store],
  );
  return (
    <AppProvider ctx={ctx}>
      <I18nProvider i18n={ctx.i18n}>
        <ErrorBoundary mode={ctx.store.getState().mode} onRetry={retryFailedChunks}>
          <NoticeBar />
          <Suspense fallback={<div className="poster" aria-busy="true" />}>
            <ModeRouter />
          </Suspense>
        </ErrorBoundary>
      </I18nProvider>
    </AppProvider>
  );
}
