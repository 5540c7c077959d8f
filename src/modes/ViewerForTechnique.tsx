import { createElement, useCallback, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import type { TechniqueId } from '../core/ids.ts';
import { actionActivation } from '../core/timeline/index.ts';
import { useApp, useAppContext } from '../state/context.tsx';
import { Viewer } from '../scene/Viewer.tsx';
import { PlaybackDriver } from '../scene/PlaybackDriver.tsx';
import { TissueDeformer } from '../scene/TissueDeformer.tsx';
import { Overlays } from '../scene/Overlays.tsx';
import { TechniqueLabels, type LabelTexts } from '../scene/TechniqueLabels.tsx';
import { useTranslation } from '../i18n/react.ts';
import { useViewerLabel } from '../ui/useViewerLabel.ts';
import { useStep } from '../ui/useStep.ts';
import { chunkLoader, FeatureBoundary, useChunk } from '../ui/lazyChunk.ts';

export interface ViewerForTechniqueProps {
  readonly technique: TechniqueId;
  /** The view that drives the shared timeline and the step's camera and layers (exactly one per mode). */
  readonly drivesPlayback?: boolean;
  /** Show a fixed progress instead of the store's (before/after panes). */
  readonly fixedProgress?: number;
  readonly autoRetryMs?: number;
  readonly title?: string;
  /** Draw incisions, threads and vectors (off for the plain "before" pane). */
  readonly overlays?: boolean;
  /** Show the surgeon's pen strokes and let the pen draw on this pane (consult). */
  readonly pen?: boolean;
  /** Compile what the steps will show while the page is idle after the first frame (consult: see Viewer's warmUp). */
  readonly warmUp?: boolean;
  /** Hand orbiting (off for the stacked before/after slider panes). */
  readonly orbit?: boolean;
  /** Steps may frame their region in close-up (off where two panes must share one framing). */
  readonly closeUps?: boolean;
  /** Frame the face rather than the whole head, the same for every step (narrow compare panes). */
  readonly frameFace?: boolean;
  /** Annotations over the picture: incision lengths, fixation, thread entry, the step's numbered callout. */
  readonly labels?: boolean;
  /** Slow camera swing against burn-in (the unattended kiosk). */
  readonly drift?: boolean;
  /** prefers-reduced-motion: the camera jumps, and the mode steps the playback itself (no animating driver). */
  readonly reducedMotion?: boolean;
  /** More scene content from the mode (e.g. the compare panes' camera link), rendered inside the canvas. */
  readonly sceneExtra?: ReactNode;
  /** No GPU context can be had again: return true when the mode handles it (the kiosk reloads), else the 2D illustration. */
  readonly onGpuFailure?: () => boolean;
  /** More DOM from the mode over the picture, inside the canvas wrapper (consult's badges and per-pane mm). */
  readonly overlay?: ReactNode;
}

/** The point a face framing leans toward: the base of the nose, on the midline (design choice). */
const FACE_LANDMARK = 'subnasale';

// The lobby's slow camera swing loads only in the kiosk.
const CAMERA_DRIFT = chunkLoader('camera drift', async () => (await import('../scene/CameraDrift.tsx')).CameraDrift);
// The pen is a consult tool: its code loads only where it is offered.
const PEN_LAYER = chunkLoader('pen', async () => (await import('../scene/PenLayer.tsx')).PenLayer);

/**
 * The viewers whose GPU context is away right now. The panes of one page share one message: it goes when the last
 * of them has its picture back (compare panes lose their contexts together and come back one by one).
 */
const interruptedViewers = new Set<object>();

/** The kiosk's camera drift, when its code is here (without it the camera just holds still). */
function Drift() {
  const CameraDrift = useChunk(CAMERA_DRIFT);
  // (A component from a loaded chunk, the same one on every render once it is here.)
  return CameraDrift ? createElement(CameraDrift) : null;
}

/** A viewer bound to the mode's store: the deformed head of one technique at the shared progress. */
export function ViewerForTechnique({
  technique,
  drivesPlayback = false,
  fixedProgress,
  autoRetryMs,
  title,
  overlays = true,
  drift = false,
  reducedMotion = false,
  pen = false,
  warmUp = false,
  labels = false,
  orbit = true,
  closeUps = true,
  frameFace = false,
  sceneExtra,
  onGpuFailure,
  overlay,
}: ViewerForTechniqueProps) {
  const { t } = useTranslation();
  const labelTexts = useMemo<LabelTexts>(
    () => ({
      incision: (cm) => t('label.incision', { cm }),
      fixation: t('label.fixation'),
      entry: t('label.entry'),
    }),
    [t],
  );
  const { store } = useAppContext();
  const view = useApp((s) => s.view);
  const layers = useApp((s) => s.layers);
  const patient = useApp((s) => s.patient);
  const vectorAngleDeg = useApp((s) => s.vectorAngleDeg);
  const penActive = useApp((s) => pen && s.penActive);
  const strokes = useApp((s) => s.strokes);
  const heatmap = useApp((s) => s.heatmap);
  const overlaysOn = useApp((s) => s.overlays);
  const layerOpacity = useApp((s) => s.layerOpacity);
  const cutaway = useApp((s) => s.cutaway);
  const addStroke = useApp((s) => s.addStroke);
  const label = useViewerLabel(technique);
  // Only where the pen is offered (consult); switching it on again after its code failed to load tries again.
  const PenLayer = useChunk(PEN_LAYER, penActive, pen);
  const { procedure, index, step } = useStep(technique);
  const shownStep =
    fixedProgress === undefined
      ? step
      : procedure.steps[fixedProgress >= 1 ? procedure.steps.length - 1 : 0]!;

  // Each step sets the layers and the camera it needs; the surgeon can change both until the next step.
  // The first step of a page load keeps what the deep link asked for.
  const lastStep = useRef<string | null>(null);
  useEffect(() => {
    if (!drivesPlayback) return;
    const key = `${technique}:${index}`;
    if (lastStep.current !== null && lastStep.current !== key) {
      const s = store.getState();
      s.setLayers(step.layers);
      s.setView(step.focus.view);
      s.setStep(index);
    }
    lastStep.current = key;
  }, [drivesPlayback, technique, index, step, store]);

  // A polite message while the picture is interrupted (lost GPU context), gone when every pane's picture is back.
  const [self] = useState(() => ({}));
  const onGraphicsInterrupted = useCallback(
    (interrupted: boolean) => {
      if (interrupted) {
        interruptedViewers.add(self);
        store.getState().addNotice({ id: 'gpu', kind: 'webgl', key: 'notice.contextLost' });
        return;
      }
      interruptedViewers.delete(self);
      if (interruptedViewers.size === 0) store.getState().dismissNotice('gpu');
    },
    [store, self],
  );

  return (
    <Viewer
      onGraphicsInterrupted={onGraphicsInterrupted}
      {...(onGpuFailure ? { onGpuFailure } : {})}
      fallbackPlayback={drivesPlayback && !reducedMotion}
      technique={technique}
      view={view}
      layers={layers}
      patient={patient}
      label={label}
      instantCamera={reducedMotion}
      focusLandmark={frameFace ? FACE_LANDMARK : drivesPlayback && closeUps ? step.focus.landmark : undefined}
      penActive={penActive}
      heatmap={heatmap}
      orbit={orbit}
      layerOpacity={layerOpacity}
      cutaway={cutaway}
      warmUp={warmUp}
      highlightLigaments={shownStep.moves.length > 0 && layers.includes('ligaments')}
      overlay={overlay}
      {...(autoRetryMs !== undefined ? { autoRetryMs } : {})}
      {...(title !== undefined ? { title } : {})}
    >
      {(asset, deformed) => (
        <>
          {drivesPlayback && !reducedMotion && <PlaybackDriver store={store} />}
          {/* Optional features: if their code cannot be loaded, they are missing and the face stays. */}
          {drift && (
            <FeatureBoundary>
              <Drift />
            </FeatureBoundary>
          )}
          {sceneExtra}
          <TissueDeformer
            asset={asset}
            deformed={deformed}
            technique={technique}
            store={store}
            {...(fixedProgress !== undefined ? { fixedProgress } : {})}
          />
          <Overlays
            asset={asset}
            deformed={deformed}
            technique={technique}
            step={shownStep}
            vectorAngleDeg={vectorAngleDeg}
            phase={() => {
              const first = procedure.tractions[0];
              return first
                ? actionActivation(procedure, first.action, fixedProgress ?? store.getState().progress)
                : 0;
            }}
            enabled={overlays && overlaysOn}
          />
          {labels && deformed.skin && (
            <TechniqueLabels
              asset={asset}
              skin={deformed.skin}
              technique={technique}
              step={shownStep}
              stepNumber={procedure.steps.indexOf(shownStep) + 1}
              texts={labelTexts}
              visible={overlays && overlaysOn}
            />
          )}
          {pen && deformed.skin && (
            <FeatureBoundary resetKey={penActive}>
              {PenLayer && createElement(PenLayer, { skin: deformed.skin, active: penActive, strokes, onStroke: addStroke })}
            </FeatureBoundary>
          )}
        </>
      )}
    </Viewer>
  );
}
