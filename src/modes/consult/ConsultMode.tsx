import { adoptUnitResponses } from '../../core/tissue/responses.ts';
import { solveInWorker } from '../../scene/tissueModel.ts';
import { Suspense, useCallback, useState } from 'react';
import { useTranslation } from '../../i18n/react.ts';
import { useApp, useAppContext } from '../../state/context.tsx';
import { ViewerForTechnique } from '../ViewerForTechnique.tsx';
import { TechniquePicker } from '../../ui/TechniquePicker.tsx';
import { PlaybackBar } from '../../ui/PlaybackBar.tsx';
import { LanguagePicker } from '../../ui/LanguagePicker.tsx';
import { LayerToggles } from '../../ui/LayerToggles.tsx';
import { ViewPicker } from '../../ui/ViewPicker.tsx';
import { Disclaimer } from '../../ui/Disclaimer.tsx';
import { About } from '../../ui/About.tsx';
import { paneAnnotations, saveSnapshot, visibleLabels } from '../../ui/snapshot.ts';
import { ALL_TECHNIQUES } from '../techniqueSets.ts';
import type { TechniqueId } from '../../core/ids.ts';
import { CONSULT_STRINGS } from './strings.ts';
import { Measurements } from './Measurements.tsx';
import { PatientPicker } from './PatientPicker.tsx';
import { PhotoButton } from '../../ui/photo/PhotoButton.tsx';
import { useShortcuts } from './useShortcuts.ts';
import { HelpOverlay } from './HelpOverlay.tsx';
import { HEATMAP_MAX_MM, HEATMAP_STOPS_CSS, HEATMAP_TICKS_MM } from '../../scene/heatmapLegend.ts';
import { EXAGGERATE_MAX } from '../../core/tissue/exaggerate.ts';
import { HeatLegend } from './HeatLegend.tsx';
import { MonthsControl } from './MonthsControl.tsx';
import { ExaggerationBadge, PaneLift } from './PaneOverlays.tsx';
import { BeforeContour } from '../../scene/BeforeContour.tsx';
import { FeatureBoundary, lazyChunk } from '../../ui/lazyChunk.ts';
import { CameraLink, createCameraLinkGroup } from '../../scene/CameraLink.tsx';

// The tissue Worker solves each head's unit responses too (the consult room: its measurements table solves every technique of each head).
solveInWorker(adoptUnitResponses);

const ConsultPanel = lazyChunk('consult panel', async () => (await import('./ConsultPanel.tsx')).default);

/** The surgeon's full-control view beside the patient. */
export default function ConsultMode() {
  const { t, i18n } = useTranslation();
  const { store } = useAppContext();
  // Consult strings load with this chunk only.
  i18n.addSection('consult', 'export', CONSULT_STRINGS);
  const technique = useApp((s) => s.technique);
  const compare = useApp((s) => s.compare);
  const setCompare = useApp((s) => s.setCompare);
  const beforeAfter = useApp((s) => s.beforeAfter);
  const setBeforeAfter = useApp((s) => s.setBeforeAfter);
  const [help, setHelp] = useState(false);
  const penActive = useApp((s) => s.penActive);
  const setPenActive = useApp((s) => s.setPenActive);
  const strokeCount = useApp((s) => s.strokes.length);
  const undoStroke = useApp((s) => s.undoStroke);
  const clearStrokes = useApp((s) => s.clearStrokes);
  const heatmap = useApp((s) => s.heatmap);
  const setHeatmap = useApp((s) => s.setHeatmap);
  const cutaway = useApp((s) => s.cutaway);
  const setCutaway = useApp((s) => s.setCutaway);
  const exaggeration = useApp((s) => s.exaggerate);
  const setExaggerate = useApp((s) => s.setExaggerate);
  const [cameraGroup] = useState(createCameraLinkGroup);
  // The sagged face's contour over the result: on by default, a view setting of this room (not in the URL).
  const [contour, setContour] = useState(true);
  const toggleHelp = useCallback(() => setHelp((h) => !h), []);
  useShortcuts(store, ALL_TECHNIQUES, toggleHelp);

  const comparing = compare.length > 1;
  const shown: readonly TechniqueId[] = comparing ? compare : [technique];

  const exportPng = async () => {
    const panes = [...document.querySelectorAll<HTMLElement>('.consult-stage [role="img"]')].flatMap((wrapper) => {
      const canvas = wrapper.querySelector('canvas');
      return canvas ? [{ canvas, title: wrapper.dataset.title ?? '', labels: visibleLabels(wrapper, canvas), ...paneAnnotations(wrapper) }] : [];
    });
    if (panes.length === 0) {
      // The 2D illustration (no WebGL 2, or a GPU gone for good) has no picture to compose: say so, never nothing.
      store.getState().addNotice({ id: 'snapshot', kind: 'error', key: 'consult.snapshotNo3d' });
      return;
    }
    const date = new Date().toISOString().slice(0, 10);
    const legend = heatmap
      ? { title: t('consult.legendTitle'), caption: t('consult.heatmapLegend'), colours: HEATMAP_STOPS_CSS, ticksMm: HEATMAP_TICKS_MM, maxMm: HEATMAP_MAX_MM }
      : undefined;
    try {
      const blob = await saveSnapshot(panes, { heading: t('consult.snapshotTitle'), date, disclaimer: t('app.disclaimer'), ...(legend ? { legend } : {}) }, `lift-${shown.join('-')}-${date}.png`);
      document.body.dataset.lastSnapshotBytes = String(blob.size);
      store.getState().dismissNotice('snapshot');
    } catch (error) {
      // Out of canvas memory (iOS) or any other failure to make the picture: say so; nothing else is lost.
      console.warn('[lift] snapshot failed:', (error as Error).message);
      store.getState().addNotice({ id: 'snapshot', kind: 'error', key: 'consult.snapshotFailed' });
    }
  };

  return (
    <div className="mode mode-consult">
      <header className="app-header">
        <h1>{t('app.title')}</h1>
        <div className="header-tools">
          <button
            type="button"
            aria-pressed={comparing}
            onClick={() =>
              setCompare(comparing ? [] : [technique, ...(['traditional', 'smile', 'thread'] as const).filter((x) => x !== technique)])
            }
          >
            {t('control.compare')}
          </button>
          <button type="button" aria-pressed={beforeAfter !== null} onClick={() => setBeforeAfter(beforeAfter === null ? 0.5 : null)}>
            {t('control.beforeAfter')}
          </button>
          <button type="button" onClick={() => void exportPng()}>
            {t('consult.export')}
          </button>
          <button type="button" className="help-button" onClick={toggleHelp} aria-expanded={help}>
            {t('consult.help')}
          </button>
          <LanguagePicker />
        </div>
      </header>
      <aside className="consult-side">
        <PatientPicker />
        <PhotoButton mode="consult" />
        <TechniquePicker techniques={ALL_TECHNIQUES} className="vertical" />
        <LayerToggles />
        <div className="tool-row">
          <button type="button" aria-pressed={cutaway} onClick={() => setCutaway(!cutaway)}>
            {t('consult.cutaway')}
          </button>
          <button type="button" aria-pressed={contour} onClick={() => setContour(!contour)}>
            {t('consult.beforeContour')}
          </button>
        </div>
        <ViewPicker />
        <div role="group" aria-label={t('consult.pen')} className="tool-row">
          <button type="button" aria-pressed={penActive} onClick={() => setPenActive(!penActive)}>
            ✎ {t('consult.pen')}
          </button>
          <button type="button" onClick={undoStroke} disabled={strokeCount === 0}>
            {t('consult.undo')}
          </button>
          <button type="button" onClick={clearStrokes} disabled={strokeCount === 0}>
            {t('consult.clear')}
          </button>
        </div>
        <div className="tool-row">
          <button type="button" aria-pressed={heatmap} onClick={() => setHeatmap(!heatmap)}>
            {t('consult.heatmap')}
          </button>
          {heatmap && <HeatLegend />}
        </div>
        <MonthsControl techniques={shown} />
        <label className="exaggerate-control">
          <span>{t('consult.exaggerate')}</span>
          <input
            type="range"
            min={1}
            max={EXAGGERATE_MAX}
            step={1}
            value={exaggeration}
            aria-label={t('consult.exaggerate')}
            aria-valuetext={`×${exaggeration}`}
            onChange={(e) => setExaggerate(Number(e.target.value))}
          />
          <output>×{exaggeration}</output>
        </label>
        {/* Without a model there is nothing to measure: the viewer explains and offers a retry. */}
        <Suspense fallback={<p className="muted">{t('consult.computing')}</p>}>
          <Measurements techniques={shown} />
        </Suspense>
        <p className="muted small">{t('consult.designNote')}</p>
        <About />
        {/* The tuning panel is optional: without its code the rest of consult works (a language change tries again). */}
        <FeatureBoundary resetKey={i18n.language}>
          <Suspense fallback={null}>
            <ConsultPanel key={i18n.language} store={store} />
          </Suspense>
        </FeatureBoundary>
      </aside>
      <main className={`consult-stage panes-${beforeAfter !== null ? 1 : shown.length}`}>
        {beforeAfter !== null ? (
          // The result laid over the sagged face, revealed by the slider. One camera for both: hand orbiting
          // is off here (the view presets still move both).
          <div className="before-after">
            <div className="ba-layer">
              <ViewerForTechnique key="pane-0" pen warmUp labels orbit={false} closeUps={false} overlays={false} technique={technique} fixedProgress={0} title={t('consult.before')} overlay={<ExaggerationBadge />} />
            </div>
            <div className="ba-layer" style={{ clipPath: `inset(0 0 0 ${Math.round(beforeAfter * 1000) / 10}%)` }}>
              <ViewerForTechnique key="pane-1" pen warmUp orbit={false} closeUps={false} overlays={false} technique={technique} fixedProgress={1} drivesPlayback title={t('consult.after')} overlay={<ExaggerationBadge />} sceneExtra={<BeforeContour store={store} technique={technique} always enabled={contour} />} />
            </div>
            <div className="ba-handle" style={{ left: `${beforeAfter * 100}%` }} aria-hidden="true" />
            <input
              className="ba-slider"
              type="range"
              min={0}
              max={100}
              value={Math.round(beforeAfter * 100)}
              aria-label={t('control.beforeAfter')}
              aria-valuetext={`${t('consult.before')} ${Math.round(beforeAfter * 100)}% · ${t('consult.after')} ${100 - Math.round(beforeAfter * 100)}%`}
              onChange={(e) => setBeforeAfter(Number(e.target.value) / 100)}
            />
          </div>
        ) : (
          // Panes are keyed by position, not technique: switching technique keeps the pane's WebGL context.
          // Compared panes share one camera: hand orbiting is linked, and no pane flies to its own close-up.
          shown.map((id, i) => (
            <ViewerForTechnique
              key={`pane-${i}`}
              pen
              warmUp
              labels
              technique={id}
              drivesPlayback={i === 0}
              closeUps={!comparing}
              frameFace={comparing}
              title={t(`technique.${id}`)}
              sceneExtra={
                <>
                  {comparing && <CameraLink group={cameraGroup} />}
                  <BeforeContour store={store} technique={id} enabled={contour} />
                </>
              }
              overlay={
                <>
                  <ExaggerationBadge />
                  {comparing && <PaneLift technique={id} techniques={shown} />}
                </>
              }
            />
          ))
        )}
      </main>
      <footer className="consult-bottom">
        <PlaybackBar technique={shown[0] ?? technique} />
        <Disclaimer />
      </footer>
      {help && <HelpOverlay onClose={toggleHelp} />}
    </div>
  );
}
