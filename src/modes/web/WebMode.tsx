import { useTranslation } from 'react-i18next';
import { useApp, useAppContext } from '../../state/context.tsx';
import { ViewerForTechnique } from '../ViewerForTechnique.tsx';
import { TechniquePicker } from '../../ui/TechniquePicker.tsx';
import { PlaybackBar } from '../../ui/PlaybackBar.tsx';
import { LanguagePicker } from '../../ui/LanguagePicker.tsx';
import { Disclaimer } from '../../ui/Disclaimer.tsx';
import { PATIENT_TECHNIQUES } from '../techniqueSets.ts';

/** The patient's page (default mode): calm, phone-first. */
export default function WebMode() {
  const { t } = useTranslation();
  const { config } = useAppContext();
  const technique = useApp((s) => s.technique);
  const embed = useApp((s) => s.embed);
  return (
    <div className={`mode mode-web ${embed ? 'embed' : ''}`}>
      {!embed && (
        <header className="app-header">
          <h1>{config.clinicName}</h1>
          <LanguagePicker />
        </header>
      )}
      <main className="web-main">
        <TechniquePicker techniques={PATIENT_TECHNIQUES} />
        <ViewerForTechnique technique={technique} drivesPlayback lod />
        <PlaybackBar technique={technique} />
        <Disclaimer />
        {!embed && (
          <a className="cta" href={config.bookingUrl} target="_top" rel="noopener">
            {t('web.book')}
          </a>
        )}
      </main>
    </div>
  );
}
