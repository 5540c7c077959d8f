import { adoptUnitResponses } from '../../core/tissue/responses.ts';
import { solveInWorker } from '../../scene/tissueModel.ts';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from '../../i18n/react.ts';
import { useApp, useAppContext } from '../../state/context.tsx';
import { ViewerForTechnique } from '../ViewerForTechnique.tsx';
import { TechniquePicker } from '../../ui/TechniquePicker.tsx';
import { PlaybackBar } from '../../ui/PlaybackBar.tsx';
import { Disclaimer } from '../../ui/Disclaimer.tsx';
import { LanguageButtons } from '../../ui/LanguageButtons.tsx';
import { QrCode } from '../../ui/QrCode.tsx';
import { KioskAttract } from '../../ui/KioskAttract.tsx';
import { IdleCountdown } from '../../ui/IdleCountdown.tsx';
import { useStep } from '../../ui/useStep.ts';
import { useReducedMotion } from '../../ui/useReducedMotion.ts';
import { useSteppedPlayback } from '../../ui/useSteppedPlayback.ts';
import { qrTargetUrl } from '../../core/embed/qrLink.ts';
import { PATIENT_TECHNIQUES } from '../techniqueSets.ts';
import { useAttractLoop } from './useAttractLoop.ts';
import { useIdle } from './useIdle.ts';
import { useKioskLockdown } from './useKioskLockdown.ts';
import { useWakeLock } from './useWakeLock.ts';
import { useErrorRecovery } from './useErrorRecovery.ts';
import { reloadForGpu } from './gpuReload.ts';
import { registerKioskServiceWorker } from './registerServiceWorker.ts';
import { loadChunk, onChunkFailure } from '../../ui/lazyChunk.ts';
import { setPendingUpdate, useKioskUpdate, type KioskPhase } from './kioskUpdate.ts';

// The tissue Worker solves each head's unit responses too (the lobby: each technique of the loop comes without a pause in the camera drift).
solveInWorker(adoptUnitResponses);

/** Seconds before a failed model load retries by itself (nobody is there to press "Try again"). */
const KIOSK_MODEL_RETRY_MS = 15_000;
/** The "Still there?" countdown. Design choice: long enough to reach the button, short enough to free the screen. */
export const KIOSK_COUNTDOWN_SECONDS = 10;
/** A fresh page once a day (on the next return to the loop) keeps a week-long run free of slow leaks. Design choice. */
const KIOSK_DAILY_RELOAD_MS = 24 * 60 * 60 * 1000;
/** When this page started (module load = page load: the kiosk chunk loads once per page). */
const PAGE_STARTED_AT = Date.now();
/** A touch that wakes the kiosk must not also press whatever control appears under the finger. */
const WAKE_SWALLOW_MS = 600;

type Phase = KioskPhase;

/** The lobby touch screen: attract loop → big touch controls → "Still there?" → back to the loop. */
export default function KioskMode() {
  const { t } = useTranslation();
  const { store, config } = useAppContext();
  const technique = useApp((s) => s.technique);
  const lang = useApp((s) => s.lang);
  const reduced = useReducedMotion();
  const [phase, setPhase] = useState<Phase>('attract');
  const swallowUntil = useRef(0);
  const { step } = useStep(technique);

  useKioskLockdown();
  useWakeLock();
  useErrorRecovery(store);
  useEffect(() => registerKioskServiceWorker(), []);
  // A part of the page gone after a redeploy: nobody will press Reload, so the kiosk reloads in its loop.
  useEffect(() => onChunkFailure(() => setPendingUpdate({ kind: 'reload', apply: () => location.reload() })), []);
  const updateWaiting = useKioskUpdate(phase);
  // The loop reaches the cutaway steps within seconds, unattended: fetch its code with the page (it is cached
  // for offline use anyway) rather than in the middle of a step.
  useEffect(() => {
    // A prefetch only: a failure is reported (the kiosk reloads in its loop) and the scene tries again itself.
    loadChunk('cutaway', () => import('../../scene/cutaway.ts')).catch(() => undefined);
  }, []);
  // A GPU gone for good: in the loop a fresh page at once (nobody is watching, reloadForGpu keeps it to once in a
  // while); during a visit the 2D illustration with the visitor's technique, step and language, and the reload
  // once the kiosk is back in its loop (like an update: never in the middle of a visit).
  const phaseNow = useRef(phase);
  useEffect(() => {
    phaseNow.current = phase;
  }, [phase]);
  const onGpuFailure = useCallback(() => {
    if (phaseNow.current === 'attract') return reloadForGpu();
    setPendingUpdate({ kind: 'reload', apply: () => void reloadForGpu() });
    return false;
  }, []);
  useAttractLoop(phase === 'attract');
  useSteppedPlayback(technique, reduced);

  const toLoop = useCallback(() => {
    if (Date.now() - PAGE_STARTED_AT > KIOSK_DAILY_RELOAD_MS) location.reload();
    setPhase('attract');
  }, []);
  const onIdle = useCallback(() => setPhase('countdown'), []);
  useIdle(phase === 'interactive', config.kioskIdleSeconds * 1000, onIdle);

  // Any touch or key wakes the kiosk from its loop (and dismisses "Still there?").
  useEffect(() => {
    if (phase === 'interactive') return undefined;
    const wake = (e: Event) => {
      if (phase === 'attract') {
        swallowUntil.current = Date.now() + WAKE_SWALLOW_MS;
        if (e.type === 'pointerdown') e.preventDefault();
        store.getState().setPlaying(false);
      }
      setPhase('interactive');
    };
    document.addEventListener('pointerdown', wake, { capture: true });
    document.addEventListener('keydown', wake, { capture: true });
    return () => {
      document.removeEventListener('pointerdown', wake, { capture: true });
      document.removeEventListener('keydown', wake, { capture: true });
    };
  }, [phase, store]);
  useEffect(() => {
    const swallow = (e: MouseEvent) => {
      if (Date.now() < swallowUntil.current) {
        e.preventDefault();
        e.stopPropagation();
      }
    };
    document.addEventListener('click', swallow, { capture: true });
    return () => document.removeEventListener('click', swallow, { capture: true });
  }, []);

  const qrUrl = useMemo(() => qrTargetUrl(config.qrBaseUrl, location.origin, technique, lang), [config.qrBaseUrl, technique, lang]);
  const tagline = technique === 'traditional' || technique === 'smile' || technique === 'thread' ? t(`kiosk.tagline.${technique}`) : '';

  return (
    <div
      className={`mode mode-kiosk kiosk-phase-${phase === 'attract' ? 'attract' : 'interactive'}`}
      data-kiosk-state={phase}
      data-update={updateWaiting ? 'waiting' : undefined}
    >
      <main className="kiosk-stage">
        <ViewerForTechnique technique={technique} drivesPlayback reducedMotion={reduced} autoRetryMs={KIOSK_MODEL_RETRY_MS} drift={!reduced} onGpuFailure={onGpuFailure} />
      </main>
      {phase === 'attract' ? (
        <div className="kiosk-attract-wrap">
          <KioskAttract technique={technique} clinicName={config.clinicName} onStart={() => setPhase('interactive')} />
          <Disclaimer className="kiosk-disclaimer" />
        </div>
      ) : (
        <aside className="kiosk-panel" aria-label={config.clinicName}>
          <div className="kiosk-panel-top">
            <LanguageButtons className="big" />
            <button type="button" className="kiosk-restart" onClick={toLoop}>
              {t('kiosk.restart')}
            </button>
          </div>
          <h1 className="kiosk-title">{t(`technique.${technique}`)}</h1>
          {tagline && <p className="kiosk-tagline">{tagline}</p>}
          <TechniquePicker techniques={PATIENT_TECHNIQUES} className="big" />
          <p className="kiosk-caption" aria-hidden="true">
            {t(`steps.${technique}.${step.id}`)}
          </p>
          <PlaybackBar technique={technique} showSteps={false} />
          <div className="kiosk-qr">
            <QrCode value={qrUrl} label={t('kiosk.qrLabel')} />
            <div>
              <h2>{t('kiosk.qrHeading')}</h2>
              <p>{t('kiosk.qrHint')}</p>
            </div>
          </div>
          <Disclaimer className="kiosk-disclaimer" />
        </aside>
      )}
      {phase === 'countdown' && <IdleCountdown seconds={KIOSK_COUNTDOWN_SECONDS} onContinue={() => setPhase('interactive')} onTimeout={toLoop} />}
    </div>
  );
}
