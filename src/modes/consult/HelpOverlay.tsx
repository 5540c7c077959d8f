import { useEffect, useRef } from 'react';
import { useTranslation } from '../../i18n/react.ts';

const ROWS = [
  ['Space', 'space'],
  ['← →', 'arrows'],
  ['1 – 5', 'numbers'],
  ['F O P', 'views'],
  ['S A M L B', 'layers'],
  ['C', 'cutaway'],
  ['? H', 'help'],
] as const;

export function HelpOverlay({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const closeRef = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    closeRef.current?.focus();
    const onKey = (e: KeyboardEvent) => e.key === 'Escape' && onClose();
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [onClose]);
  return (
    <div className="overlay" role="dialog" aria-modal="true" aria-labelledby="help-title">
      <div className="overlay-card">
        <h2 id="help-title">{t('consult.help')}</h2>
        <dl className="shortcut-list">
          {ROWS.map(([keys, id]) => (
            <div key={id}>
              <dt>
                <kbd>{keys}</kbd>
              </dt>
              <dd>{t(`consult.shortcuts.${id}`)}</dd>
            </div>
          ))}
        </dl>
        <button ref={closeRef} type="button" onClick={onClose}>
          {t('consult.close')}
        </button>
      </div>
    </div>
  );
}
