import { Component, type ErrorInfo, type ReactNode } from 'react';
import { useTranslation } from '../i18n/react.ts';
import type { Mode } from '../core/ids.ts';

/** Pause before the unattended kiosk reloads itself after an uncaught error. Design choice. */
export const KIOSK_ERROR_RELOAD_MS = 10_000;

function Fallback({ onRetry }: { onRetry: () => void }) {
  const { t } = useTranslation();
  return (
    <div role="alert" className="error-screen">
      <p>{t('notice.error')}</p>
      <button type="button" onClick={onRetry}>
        {t('control.retry')}
      </button>
    </div>
  );
}

interface Props {
  readonly mode: Mode;
  readonly children: ReactNode;
  /** Called before the children mount again after "Try again". */
  readonly onRetry?: () => void;
}

export class ErrorBoundary extends Component<Props, { failed: boolean }> {
  override state = { failed: false };
  private reloadTimer: ReturnType<typeof setTimeout> | undefined;

  static getDerivedStateFromError() {
    return { failed: true };
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
