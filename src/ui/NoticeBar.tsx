import { useTranslation } from 'react-i18next';
import { useApp } from '../state/context.tsx';

/**
 * Small dismissible notices (ignored link settings, config problems, a newer version with its Reload button).
 * Values are rendered as text only.
 */
export function NoticeBar() {
  const { t } = useTranslation();
  const notices = useApp((s) => s.notices);
  const dismiss = useApp((s) => s.dismissNotice);
  if (notices.length === 0) return null;
  return (
    <div className="notices" role="status">
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
