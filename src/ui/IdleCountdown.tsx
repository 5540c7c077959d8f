import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from '../i18n/react.ts';

export interface IdleCountdownProps {
  readonly seconds: number;
  readonly onContinue: () => void;
  readonly onTimeout: () => void;
}

/** "Still there?": a short countdown before the kiosk returns to its loop; one big button keeps the visit going. */
export function IdleCountdown({ seconds, onContinue, onTimeout }: IdleCountdownProps) {
  const { t } = useTranslation();
  const titleId = useId();
  const descId = useId();
  const [left, setLeft] = useState(seconds);
  const button = useRef<HTMLButtonElement>(null);
  const timeout = useRef(onTimeout);
  useEffect(() => {
    timeout.current = onTimeout;
  }, [onTimeout]);
  useEffect(() => {
    button.current?.focus();
    const started = Date.now();
    const timer = setInterval(() => {
      const remaining = Math.max(0, seconds - Math.floor((Date.now() - started) / 1000));
      setLeft(remaining);
      if (remaining === 0) {
        clearInterval(timer);
        timeout.current();
      }
    }, 250);
    return () => clearInterval(timer);
  }, [seconds]);
  return (
    <div className="idle-backdrop">
      <div role="alertdialog" aria-modal="true" aria-labelledby={titleId} aria-describedby={descId} className="idle-dialog" data-idle-countdown>
        <h2 id={titleId}>{t('kiosk.stillThere')}</h2>
        <p id={descId}>{t('kiosk.countdown', { seconds: left })}</p>
        <div className="idle-ring" aria-hidden="true">
          {left}
        </div>
        <button ref={button} type="button" className="primary" onClick={onContinue}>
          {t('kiosk.continue')}
        </button>
      </div>
    </div>
  );
}
