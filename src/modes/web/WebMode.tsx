import { Suspense, useCallback, useId, useRef, useState } from 'react';
import { useTranslation } from '../../i18n/react.ts';
import { useApp, useAppContext } from '../../state/context.tsx';
import { ViewerForTechnique } from '../ViewerForTechnique.tsx';
import { TechniquePicker } from '../../ui/TechniquePicker.tsx';
import { PlaybackBar } from '../../ui/PlaybackBar.tsx';
import { LanguagePicker } from '../../ui/LanguagePicker.tsx';
import { Disclaimer } from '../../ui/Disclaimer.tsx';
import { About } from '../../ui/About.tsx';
import { ConcernPicker, type ConcernId } from '../../ui/ConcernPicker.tsx';
import { PhotoButton } from '../../ui/photo/PhotoButton.tsx';
import { StepList } from '../../ui/StepList.tsx';
import { useReducedMotion } from '../../ui/useReducedMotion.ts';
import { useSteppedPlayback } from '../../ui/useSteppedPlayback.ts';
import { PATIENT_TECHNIQUES } from '../techniqueSets.ts';
import { TECHNIQUE_FOR_CONCERN } from './concerns.ts';
import { useEmbedApi } from './useEmbedApi.ts';
import { FeatureBoundary, lazyChunk } from '../../ui/lazyChunk.ts';

// "Right after" / "after one year": loaded with the before/after view.
const AfterMonths = lazyChunk('after one year', async () => (await import('./AfterMonths.tsx')).default);
// The sagged face's jawline and folds dashed over the "after" pane: loaded with the before/after view (the first
// page's budget), drawn into the canvas.
const BeforeContour = lazyChunk('before contour', async () => (await import('../../scene/BeforeContour.tsx')).BeforeContour);

/** The patient's page (default mode): a calm guided explanation, phone first. */
export default function WebMode() {
  const { t } = useTranslation();
  const { config, store } = useAppContext();
  const technique = useApp((s) => s.technique);
  const embed = useApp((s) => s.embed);
  const beforeAfter = useApp((s) => s.beforeAfter);
  const setBeforeAfter = useApp((s) => s.setBeforeAfter);
  const setTechnique = useApp((s) => s.setTechnique);
  const reduced = useReducedMotion();
  const [concern, setConcern] = useState<ConcernId | null>(null);
  const stageRef = useRef<HTMLElement>(null);
  const matchRef = useRef<HTMLElement>(null);
  const ids = {
    concern: useId(),
    match: useId(),
    stage: useId(),
    steps: useId(),
    compare: useId(),
    crows: useId(),
    threads: useId(),
    note: useId(),
    book: useId(),
  };

  useEmbedApi(store, config);
  useSteppedPlayback(technique, reduced);

  const scrollTo = useCallback(
    (el: HTMLElement | null) => el?.scrollIntoView({ behavior: reduced ? 'auto' : 'smooth', block: 'start' }),
    [reduced],
  );
  const chooseConcern = (c: ConcernId) => {
    setConcern(c);
    setTechnique(TECHNIQUE_FOR_CONCERN[c]);
    scrollTo(matchRef.current);
  };
  const showIn3D = (id: typeof technique) => {
    if (id !== technique) setTechnique(id);
    scrollTo(stageRef.current);
  };

  return (
    <div className={`mode mode-web ${embed ? 'embed' : ''}`}>
      {!embed && (
        <header className="app-header web-header">
          <p className="clinic-name">{config.clinicName}</p>
          <LanguagePicker />
        </header>
      )}
      <main className="web-main" aria-label={t('web.flowLabel')}>
        <section className="web-section web-intro" aria-labelledby={ids.concern}>
          <p className="lead">{t('web.intro')}</p>
          <h1 id={ids.concern}>
            <span className="flow-num" aria-hidden="true">1</span>
            {t('web.concern.heading')}
          </h1>
          <p className="hint">{t('web.concern.hint')}</p>
          <ConcernPicker value={concern} onChange={chooseConcern} headingId={ids.concern} />
        </section>

        <section ref={matchRef} className="web-section web-match" aria-labelledby={ids.match}>
          <h2 id={ids.match}>
            <span className="flow-num" aria-hidden="true">2</span>
            {t('web.match.heading')}
          </h2>
          {concern && (
            <div className="clinic-says">
              <p className="clinic-says-label">{t('web.match.clinicSays')}</p>
              <p>{t(`web.match.${concern}`)}</p>
            </div>
          )}
          <ul className="technique-cards">
            {PATIENT_TECHNIQUES.map((id) => (
              <li key={id} className={id === technique ? 'current' : ''} data-card={id}>
                <h3>{t(`technique.${id}`)}</h3>
                <p>{t(`web.summary.${id}`)}</p>
                <button type="button" className="link-button" onClick={() => showIn3D(id)}>
                  {t('web.match.show')}
                  <span className="visually-hidden">: {t(`technique.${id}`)}</span>
                </button>
              </li>
            ))}
          </ul>
        </section>

        <section ref={stageRef} className="web-section web-stage" aria-labelledby={ids.stage}>
          <h2 id={ids.stage}>
            <span className="flow-num" aria-hidden="true">3</span>
            {t('web.animation.heading')}: <span className="stage-technique">{t(`technique.${technique}`)}</span>
          </h2>
          <TechniquePicker techniques={PATIENT_TECHNIQUES} className="web-techniques" />
          {/* Full-resolution skin, not the lighter skin_lod: only the full skin is moved by the tissue engine, so with
              skin_lod the patient saw the undeformed face in every pane (before = after). */}
          <div className={`web-viewers ${beforeAfter !== null ? 'split' : ''}`}>
            {beforeAfter !== null ? (
              <>
                <figure className="pane">
                  <ViewerForTechnique key="before" technique={technique} fixedProgress={0} overlays={false} />
                  <figcaption>{t('web.animation.before')}</figcaption>
                </figure>
                <figure className="pane">
                  <ViewerForTechnique
                    key="after"
                    labels
                    technique={technique}
                    fixedProgress={1}
                    drivesPlayback
                    reducedMotion={reduced}
                    sceneExtra={
                      <FeatureBoundary resetKey={technique}>
                        <Suspense fallback={null}>
                          <BeforeContour store={store} technique={technique} always enabled />
                        </Suspense>
                      </FeatureBoundary>
                    }
                  />
                  <figcaption>{t('web.animation.after')}</figcaption>
                </figure>
              </>
            ) : (
              <ViewerForTechnique key="single" labels technique={technique} drivesPlayback reducedMotion={reduced} />
            )}
          </div>
          <div className="web-controls">
            <PlaybackBar technique={technique} showSteps={false} />
            <button type="button" className="before-after" aria-pressed={beforeAfter !== null} onClick={() => setBeforeAfter(beforeAfter === null ? 0.5 : null)}>
              {t('control.beforeAfter')}
            </button>
          </div>
          {beforeAfter !== null && (
            <FeatureBoundary resetKey={technique}>
              <Suspense fallback={null}>
                <AfterMonths technique={technique} />
              </Suspense>
            </FeatureBoundary>
          )}
          <p className="hint">{t('web.animation.hint')}</p>
          <PhotoButton mode="web" />
          <h3 id={ids.steps} className="steps-heading">
            {t('web.animation.steps')}
          </h3>
          <StepList technique={technique} labelId={ids.steps} />
        </section>

        <section className="web-section web-compare" aria-labelledby={ids.compare}>
          <h2 id={ids.compare}>
            <span className="flow-num" aria-hidden="true">4</span>
            {t('web.compare.heading')}
          </h2>
          <p>{t('web.compare.intro')}</p>
          <table className="compare-table">
            <thead>
              <tr>
                <th scope="col">{t('web.compare.aspect')}</th>
                <th scope="col">{t('web.compare.mini')}</th>
                <th scope="col">{t('web.compare.facelift')}</th>
              </tr>
            </thead>
            <tbody>
              {(['incision', 'procedure', 'recovery'] as const).map((row) => {
                const cap = row.charAt(0).toUpperCase() + row.slice(1);
                return (
                  <tr key={row}>
                    <th scope="row">{t(`web.compare.${row}`)}</th>
                    <td data-label={t('web.compare.mini')}>{t(`web.compare.mini${cap}`)}</td>
                    <td data-label={t('web.compare.facelift')}>{t(`web.compare.facelift${cap}`)}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
          <p className="ranges-note">{t('web.compare.rangesNote')}</p>
        </section>

        <section className="web-section web-caveat" aria-labelledby={ids.crows}>
          <h2 id={ids.crows}>
            <span className="flow-num" aria-hidden="true">5</span>
            {t('web.crowsfeet.heading')}
          </h2>
          <p>{t('web.crowsfeet.text')}</p>
        </section>

        <section className="web-section web-threads" aria-labelledby={ids.threads}>
          <h2 id={ids.threads}>
            <span className="flow-num" aria-hidden="true">6</span>
            {t('web.threads.heading')}
          </h2>
          <p>{t('web.threads.intro')}</p>
          <div className="thread-cards">
            <div className="thread-card">
              <h3>{t('web.threads.conventional')}</h3>
              <p>{t('web.threads.conventionalText')}</p>
            </div>
            <div className="thread-card dual">
              <h3>{t('web.threads.dual')}</h3>
              <p>{t('web.threads.dualText')}</p>
            </div>
          </div>
          <p className="ranges-note">{t('web.threads.recovery')}</p>
          <button type="button" className="link-button" onClick={() => showIn3D('thread')}>
            {t('web.threads.show')}
          </button>
        </section>

        <section className="web-section web-note" aria-labelledby={ids.note}>
          <h2 id={ids.note}>
            <span className="flow-num" aria-hidden="true">7</span>
            {t('web.disclaimerHeading')}
          </h2>
          <Disclaimer />
          <About />
        </section>

        {!embed && (
          <section className="web-section web-book" aria-labelledby={ids.book}>
            <h2 id={ids.book}>
              <span className="flow-num" aria-hidden="true">8</span>
              {t('web.bookHeading')}
            </h2>
            <p>{t('web.bookText')}</p>
            <a className="cta" href={config.bookingUrl} target="_top" rel="noopener">
              {t('web.book')}
            </a>
          </section>
        )}
      </main>
    </div>
  );
}
