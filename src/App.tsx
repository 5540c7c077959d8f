import { lazy, Suspense } from 'react';
import { I18nextProvider } from 'react-i18next';
import type { AppContext } from './boot.ts';
import { AppProvider, useApp } from './state/context.tsx';
import { ErrorBoundary } from './ui/ErrorBoundary.tsx';
import { NoticeBar } from './ui/NoticeBar.tsx';

const WebMode = lazy(() => import('./modes/web/WebMode.tsx'));
const ConsultMode = lazy(() => import('./modes/consult/ConsultMode.tsx'));
const KioskMode = lazy(() => import('./modes/kiosk/KioskMode.tsx'));

function ModeRouter() {
  const mode = useApp((s) => s.mode);
  switch (mode) {
    case 'consult':
      return <ConsultMode />;
    case 'kiosk':
      return <KioskMode />;
    case 'web':
      return <WebMode />;
  }
}

export function App({ ctx }: { ctx: AppContext }) {
  return (
    <AppProvider ctx={ctx}>
      <I18nextProvider i18n={ctx.i18n}>
        <ErrorBoundary mode={ctx.store.getState().mode}>
          <NoticeBar />
          <Suspense fallback={<div className="poster" aria-busy="true" />}>
            <ModeRouter />
          </Suspense>
        </ErrorBoundary>
      </I18nextProvider>
    </AppProvider>
  );
}
