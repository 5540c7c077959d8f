import { useTranslation } from 'react-i18next';
import { useApp } from '../../state/context.tsx';
import { ViewerForTechnique } from '../ViewerForTechnique.tsx';
import { TechniquePicker } from '../../ui/TechniquePicker.tsx';
import { PlaybackBar } from '../../ui/PlaybackBar.tsx';
import { LanguagePicker } from '../../ui/LanguagePicker.tsx';
import { LayerToggles } from '../../ui/LayerToggles.tsx';
import { ViewPicker } from '../../ui/ViewPicker.tsx';
import { Disclaimer } from '../../ui/Disclaimer.tsx';
import { ALL_TECHNIQUES } from '../techniqueSets.ts';
import type { TechniqueId } from '../../core/ids.ts';

/** The surgeon's full-control view beside the patient. */
export default function ConsultMode() {
  const { t } = useTranslation();
  const technique = useApp((s) => s.technique);
  const compare = useApp((s) => s.compare);
  const setCompare = useApp((s) => s.setCompare);
  const beforeAfter = useApp((s) => s.beforeAfter);
  const setBeforeAfter = useApp((s) => s.setBeforeAfter);
  const comparing = compare.length > 1;
  const shown: readonly TechniqueId[] = comparing ? compare : [technique];

  return (
    <div className="mode mode-consult">
      <header className="app-header">
        <h1>{t('app.title')}</h1>
        <div className="header-tools">
          <button
            type="button"
            aria-pressed={comparing}
            onClick={() => setCompare(comparing ? [] : [technique, ...(['traditional', 'smile', 'thread'] as const).filter((x) => x !== technique)].slice(0, 3))}
          >
            {t('control.compare')}
          </button>
          <button type="button" aria-pressed={beforeAfter !== null} onClick={() => setBeforeAfter(beforeAfter === null ? 0.5 : null)}>
            {t('control.beforeAfter')}
          </button>
          <LanguagePicker />
        </div>
      </header>
      <aside className="consult-side">
        <TechniquePicker techniques={ALL_TECHNIQUES} className="vertical" />
        <LayerToggles />
        <ViewPicker />
      </aside>
      <main className={`consult-stage panes-${beforeAfter !== null ? 2 : shown.length}`}>
        {beforeAfter !== null ? (
          <>
            <ViewerForTechnique key="before" technique={technique} fixedProgress={0} />
            <ViewerForTechnique key="after" technique={technique} fixedProgress={1} drivesPlayback />
          </>
        ) : (
          shown.map((id, i) => <ViewerForTechnique key={id} technique={id} drivesPlayback={i === 0} />)
        )}
      </main>
      <footer className="consult-bottom">
        <PlaybackBar technique={shown[0] ?? technique} />
        <Disclaimer />
      </footer>
    </div>
  );
}
