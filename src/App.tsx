import { lazy, Suspense } from 'react';
import { I18nProvider } from './i18n/react.ts';
import type { AppContext } from './boot.ts';
import { AppProvider, useApp } from './state/context.tsx';
import { ErrorBoundary } from './ui/ErrorBoundary.tsx';
import { NoticeBar } from './ui/NoticeBar.tsx';

const loadModes = () => ({
  web: lazy(() => import('./modes/web/WebMode.tsx')),
  consult: lazy(() => import('./modes/consult/ConsultMode.tsx')),
  kiosk: lazy(() => import('./modes/kiosk/KioskMode.tsx')),
});
// A mode's chunk can fail to load (a network blip, a redeploy that replaced the file). React.lazy keeps that
// failure forever, so "Try again" starts fresh lazy components, which fetch the chunk again.
let modes = loadModes();
const reloadModes = () => {
  modes = loadModes();
};

function ModeRouter() {
  const Mode = modes[useApp((s) => s.mode)];
  return <Mode />;
}

export function App({ ctx }: { ctx: AppContext }) {
  return (
    <AppProvider ctx={ctx}>
      <I18nProvider i18n={ctx.i18n}>
        <ErrorBoundary mode={ctx.store.getState().mode} onRetry={reloadModes}>
          <NoticeBar />
          <Suspense fallback={<div className="poster" aria-busy="true" />}>
            <ModeRouter />
          </Suspense>
        </ErrorBoundary>
      </I18nProvider>
    </AppProvider>
  );
}
