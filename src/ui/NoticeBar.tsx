import { useTranslation } from '../i18n/react.ts';
import { useApp } from '../state/context.tsx';

/**
 * Small dismissible notices (ignored link settings, config problems, interrupted graphics, a failed snapshot, a
 * newer version with its Reload button) in a polite live region. Values are rendered as text only.
 */
export function NoticeBar() {
  const { t } = useTranslation();
  const notices = useApp((s) => s.notices);
  const dismiss = useApp((s) => s.dismissNotice);
  // Always in the page, even when empty: screen readers announce what is added to a live region that is
  // already there, and may miss one that arrives together with its first message.
  return (
    <div className="notices" role="status" aria-live="polite">
      {notices.map((n) => (
        <div key={n.id} className={`notice notice-${n.kind}`} data-notice={n.id}>
          <span>{t(n.key, n.values ?? {})}</span>
          {n.action === 'reload' && (
            <button type="button" className="notice-action" onClick={() => location.reload()}>
              {t('update.reload')}
            </button>
          )}
          <button type="button" className="notice-close" aria-label={t('control.dismiss')} onClick={() => dismiss(n.id)}>
            ×
          </button>
        </div>
      ))}
    </div>
  );
}
