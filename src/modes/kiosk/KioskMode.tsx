import { useTranslation } from 'react-i18next';
import { useApp } from '../../state/context.tsx';
import { ViewerForTechnique } from '../ViewerForTechnique.tsx';
import { TechniquePicker } from '../../ui/TechniquePicker.tsx';
import { PlaybackBar } from '../../ui/PlaybackBar.tsx';
import { LanguagePicker } from '../../ui/LanguagePicker.tsx';
import { Disclaimer } from '../../ui/Disclaimer.tsx';
import { PATIENT_TECHNIQUES } from '../techniqueSets.ts';

/** Seconds before a failed model load retries by itself (nobody is there to press "Try again"). */
const KIOSK_MODEL_RETRY_MS = 15_000;

/** The lobby touch screen. */
export default function KioskMode() {
  const { t } = useTranslation();
  const technique = useApp((s) => s.technique);
  return (
    <div className="mode mode-kiosk">
      <header className="app-header">
        <h1>{t(`technique.${technique}`)}</h1>
        <LanguagePicker />
      </header>
      <main className="kiosk-stage">
        <ViewerForTechnique technique={technique} drivesPlayback autoRetryMs={KIOSK_MODEL_RETRY_MS} />
      </main>
      <footer className="kiosk-controls">
        <TechniquePicker techniques={PATIENT_TECHNIQUES} className="big" />
        <PlaybackBar technique={technique} showSteps={false} />
        <Disclaimer />
      </footer>
    </div>
  );
}
