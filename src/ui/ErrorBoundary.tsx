import { Component, type ErrorInfo, type ReactNode } from 'react';
import { useTranslation } from '../i18n/react.ts';
import type { Mode } from '../core/ids.ts';
import { ChunkLoadError } from './lazyChunk.ts';

/** Pause before the unattended kiosk reloads itself after an uncaught error. Design choice. */
export const KIOSK_ERROR_RELOAD_MS = 10_000;

function Fallback({ onRetry, stale }: { onRetry: () => void; stale: boolean }) {
  const { t } = useTranslation();
  return (
    <div role="alert" className="error-screen">
      {/* A part of the page that is gone after a redeploy: reloading (same address, same deep link) fixes it. */}
      <p>{t(stale ? 'update.available' : 'notice.error')}</p>
      <div className="error-actions">
        {stale && (
          <button type="button" onClick={() => location.reload()}>
            {t('update.reload')}
          </button>
        )}
        <button type="button" onClick={onRetry}>
          {t('control.retry')}
        </button>
      </div>
    </div>
  );
}

interface Props {
  readonly mode: Mode;
  readonly children: ReactNode;
  /** Called before the children mount again after "Try again". */
  readonly onRetry?: () => void;
}

export class ErrorBoundary extends Component<Props, { failed: boolean; stale: boolean }> {
  override state = { failed: false, stale: false };
  private reloadTimer: ReturnType<typeof setTimeout> | undefined;

  static getDerivedStateFromError(error: unknown) {
    return { failed: true, stale: error instanceof ChunkLoadError };
  }

  override componentDidCatch(error: Error, info: ErrorInfo) {
    console.warn('[lift] recovered from a render error:', error.message, info.componentStack?.split('\n')[1] ?? '');
    if (this.props.mode === 'kiosk') this.reloadTimer = setTimeout(() => location.reload(), KIOSK_ERROR_RELOAD_MS);
  }

  override componentWillUnmount() {
    clearTimeout(this.reloadTimer);
  }

  override render() {
    if (this.state.failed)
      return (
        <Fallback
          stale={this.state.stale}
          onRetry={() => {
            // Someone pressed it: the kiosk's unattended reload is not needed any more.
            clearTimeout(this.reloadTimer);
            this.props.onRetry?.();
            this.setState({ failed: false });
          }}
        />
      );
    return this.props.children;
  }
}
