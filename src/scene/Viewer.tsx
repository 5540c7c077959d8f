import { Component, Fragment, Suspense, use, useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState, useSyncExternalStore, type ReactNode } from 'react';
import { addAfterEffect, type RootState } from '@react-three/fiber';
import { LiteCanvas } from './LiteCanvas.tsx';
import { OrbitControls } from '@react-three/drei';
import { useTranslation } from '../i18n/react.ts';
import { MOUSE, TOUCH, type BufferGeometry } from 'three';
import { DEFAULT_PATIENT, type TechniqueId, type ViewId, type LayerId, type PatientId } from '../core/ids.ts';
import type { LandmarkId } from '../core/anatomy/landmarks.ts';
import { clearHeadAsset, headAssetPromise, HeadAssetError, currentPhotoHead, onPhotoHeadChange, photoHeadVersion, type HeadAsset, type MeshName } from './headAsset.ts';
import { HeadScene } from './HeadScene.tsx';
import { StudioLights } from './StudioLights.tsx';
import { CameraRig } from './CameraRig.tsx';
import { CAMERA_FOV_DEG } from './views.ts';
import { CONTEXT_RESTORE_WAIT_MS, graphicsSupport, MAX_RENDERER_REBUILDS, type FallbackReason } from './webgl.ts';
import { registerRenderer } from './diagnostics.ts';
import { createLayerMaterials } from './materials.ts';
import { createReadyGate, ReadyGateContext } from './readyGate.ts';
import { ChunkLoadError, lazyChunk, retryFailedChunks } from '../ui/lazyChunk.ts';
// Only devices without WebGL need the drawings.
const Fallback2D = lazyChunk('2D drawings', async () => (await import('../ui/Fallback2D.tsx')).Fallback2D);

export interface ViewerProps {
  readonly technique: TechniqueId;
  readonly view: ViewId;
  readonly layers: readonly LayerId[];
  /** Whose head (default: the default patient). A change loads that patient's model and draws it anew. */
  readonly patient?: PatientId;
  /** Accessible description of what the picture shows (technique, step, view). */
  readonly label: string;
  /** Extra scene content (deformation, overlays) rendered with the loaded asset. */
  readonly children?: (asset: HeadAsset, deformed: Partial<Record<MeshName, BufferGeometry>>) => ReactNode;
  readonly lod?: boolean;
  readonly autoRetryMs?: number;
  readonly instantCamera?: boolean;
  /** A visible caption over the picture (compare panes); also used as the snapshot's pane title. */
  readonly title?: string;
  /** Landmark the current step frames, by id (resolved on the loaded head). */
  readonly focusLandmark?: LandmarkId | undefined;
  /** The surgeon's pen is on: one finger (or the main mouse button) draws, two fingers still pinch and rotate. */
  readonly penActive?: boolean;
  /** Hand orbiting (off where two canvases must keep one camera, e.g. the before/after slider). */
  readonly orbit?: boolean;
  readonly heatmap?: boolean;
  readonly layerOpacity?: Partial<Record<LayerId, number>>;
  readonly cutaway?: boolean;
  /**
   * Once the head is drawn, while the page is idle, compile the GPU programs the steps will need (the cutaway's skin,
   * the deeper layers) instead of when a step first shows them (HeadScene). Consult, where the surgeon steps through
   * at once; the patient's page leaves the cutaway's code unloaded until a step needs it.
   */
  readonly warmUp?: boolean;
  readonly highlightLigaments?: boolean;
  /**
   * Told when this viewer's GPU context is lost (true) and when the picture is back, or has given way to the 2D
   * illustration (false): the mode shows a polite message meanwhile.
   */
  readonly onGraphicsInterrupted?: (interrupted: boolean) => void;
  /**
   * Called when no GPU context can be had again; returns true when the mode deals with it itself (the kiosk
   * reloads the page), else the viewer shows the 2D illustration.
   */
  readonly onGpuFailure?: () => boolean;
  /** The 2D illustration drives the timeline step by step (the animating driver lives in the 3D canvas). */
  readonly fallbackPlayback?: boolean;
  /** DOM content laid over the picture inside the canvas wrapper (consult: exaggeration badge, per-pane mm). */
  readonly overlay?: ReactNode;
}

/** Deformable per-view copies of the layers the engine moves; the shared asset stays pristine. */
function useDeformableCopies(asset: HeadAsset, lod: boolean) {
  const copies = useMemo(() => {
    const out: Partial<Record<MeshName, BufferGeometry>> = {};
    for (const name of ['skin', 'fat', 'smas', 'muscles'] as const) {
      const g = asset.geometries[name];
      if (g) out[name] = g.clone();
    }
    void lod;
    return out;
  }, [asset, lod]);
  useEffect(() => () => Object.values(copies).forEach((g) => g.dispose()), [copies]);
  return copies;
}

interface StageCallbacks {
  /** The head has been drawn (first frame of a canvas, or the first frame after a restored context). */
  readonly onReady: () => void;
  /** The context was lost (true) or is back (false). */
  readonly onInterrupted: (interrupted: boolean) => void;
  /** No GPU context could be had again: the renderer could not be rebuilt, or lost its new context too. */
  readonly onGpuFailed: () => void;
}

/** A number per head asset: the key under which the scene's per-head parts are mounted. */
const assetKeys = new WeakMap<HeadAsset, number>();
let nextAssetKey = 1;
function assetKey(asset: HeadAsset): number {
  let key = assetKeys.get(asset);
  if (key === undefined) assetKeys.set(asset, (key = nextAssetKey++));
  return key;
}

/**
 * One canvas for every head the viewer shows in turn (a patient chosen, a photo applied or forgotten): the parts
 * drawn for a head mount anew under its key, but the renderer, its context and the layer materials stay, so
 * nothing is uploaded or compiled again that was already (a new context cost ~0.5–0.9 s of the page's thread in
 * software WebGL, bench "photo → lifted face").
 */
function Stage({ asset, props, callbacks }: { asset: HeadAsset; props: ViewerProps; callbacks: StageCallbacks }) {
  const deformed = useDeformableCopies(asset, props.lod ?? false);
  const materials = useMemo(() => createLayerMaterials(), []);
  useEffect(() => () => new Set(Object.values(materials)).forEach((m) => m.dispose()), [materials]);
  // Parts that still have to move the head (the tissue engine) hold the first "drawn" report (readyGate.ts).
  const gate = useMemo(() => createReadyGate(), []);
  const [restoreKey, setRestoreKey] = useState(0);
  // A new key mounts a new canvas with a new renderer: the way back from a context that never returns.
  const [canvasKey, setCanvasKey] = useState(0);
  const cleanups = useRef<(() => void)[]>([]);
  const restoreTimer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const latest = useRef(callbacks);
  useLayoutEffect(() => {
    latest.current = callbacks;
  });
  useEffect(
    () => () => {
      clearTimeout(restoreTimer.current);
      cleanups.current.forEach((f) => f());
      cleanups.current = [];
    },
    [canvasKey],
  );
  const onCreated = useCallback(
    (state: RootState) => {
      const canvas = state.gl.domElement;
      const gl = state.gl;
      cleanups.current.push(registerRenderer(gl, () => state.get().camera));
      // A canvas this stage has let go of (another patient, a rebuilt renderer, the viewer leaving) loses its
      // context on purpose as it is disposed, a moment later: that is not an interruption of the picture shown.
      const canvasState = { current: true };
      cleanups.current.push(() => (canvasState.current = false));

      canvas.addEventListener('webglcontextlost', (e) => {
        if (!canvasState.current) return;
        // preventDefault lets the browser restore the context; three restores buffers and programs itself.
        e.preventDefault();
        latest.current.onInterrupted(true);
        clearTimeout(restoreTimer.current);
        restoreTimer.current = setTimeout(() => {
          // Not back: a GPU reset that will not restore this context. A new canvas gets a new one, once.
          if (canvasKey < MAX_RENDERER_REBUILDS) setCanvasKey(canvasKey + 1);
          else latest.current.onGpuFailed();
        }, CONTEXT_RESTORE_WAIT_MS);
      });
      canvas.addEventListener('webglcontextrestored', () => {
        if (!canvasState.current) return;
        clearTimeout(restoreTimer.current);
        setRestoreKey((k) => k + 1);
        // With frameloop="demand" nothing redraws until asked; the picture is back once that frame is drawn.
        const unsubscribe = addAfterEffect(() => {
          unsubscribe();
          latest.current.onInterrupted(false);
          latest.current.onReady();
        });
        state.invalidate();
      });
    },
    [canvasKey],
  );
  // A rebuilt renderer that cannot get a context at all (the GPU is gone for good): the 2D illustration.
  const onRendererError = useCallback(() => latest.current.onGpuFailed(), []);
  const onFirstFrame = useCallback(() => {
    latest.current.onInterrupted(false);
    latest.current.onReady();
  }, []);
  return (
    <LiteCanvas
      key={canvasKey}
      frameloop="demand"
      dpr={[1, 2]}
      camera={{ fov: CAMERA_FOV_DEG, near: 0.02, far: 5, position: [0, 0, 0.7] }}
      gl={{ antialias: true, preserveDrawingBuffer: true, powerPreference: 'high-performance' }}
      onCreated={onCreated}
      onRendererError={onRendererError}
    >
      <color attach="background" args={['#eef1f3']} />
      <StudioLights key={restoreKey} />
      <ReadyGateContext.Provider value={gate}>
        <Fragment key={assetKey(asset)}>
          <HeadScene
            asset={asset}
            materials={materials}
            layers={props.layers}
            deformed={deformed}
            onFirstFrame={onFirstFrame}
            lod={props.lod ?? false}
            heatmap={props.heatmap ?? false}
            {...(props.layerOpacity ? { layerOpacity: props.layerOpacity } : {})}
            cutaway={props.cutaway ?? true}
            warmUp={props.warmUp ?? false}
            instant={props.instantCamera ?? false}
            highlightLigaments={props.highlightLigaments ?? false}
          />
          {props.children?.(asset, deformed)}
        </Fragment>
      </ReadyGateContext.Provider>
      <OrbitControls
        makeDefault
        enabled={props.orbit !== false}
        enablePan={false}
        minDistance={0.25}
        maxDistance={1.6}
        {...(props.penActive ? PEN_CONTROLS : ORBIT_CONTROLS)}
      />
      <CameraRig
        key={assetKey(asset)}
        view={props.view}
        center={asset.center}
        radius={asset.radius}
        focus={props.focusLandmark ? asset.landmarks[props.focusLandmark] : null}
        instant={props.instantCamera ?? false}
      />
    </LiteCanvas>
  );
}

// Without the pen: one finger or the main button orbits, two fingers pinch (three's defaults). With the pen:
// one finger and the main button belong to the pen (PenLayer; left out here, so the controls ignore them),
// two fingers pinch and rotate, the wheel zooms.
const ORBIT_CONTROLS = {
  mouseButtons: { LEFT: MOUSE.ROTATE, MIDDLE: MOUSE.DOLLY, RIGHT: MOUSE.PAN },
  touches: { ONE: TOUCH.ROTATE, TWO: TOUCH.DOLLY_PAN },
};
const PEN_CONTROLS = {
  mouseButtons: { MIDDLE: MOUSE.DOLLY, RIGHT: MOUSE.ROTATE },
  touches: { TWO: TOUCH.DOLLY_ROTATE },
};

/**
 * The head's asset, then the stage. Another head (a patient chosen, a photo applied or forgotten) is awaited while the
 * head shown stays on its canvas, with a loading line over it; the same canvas then draws the new one (Stage). A head
 * that cannot be had is thrown to the boundary (outside any concurrent render: React would retry and report it).
 */
function Loaded({ props, callbacks }: { props: ViewerProps; callbacks: StageCallbacks }) {
  const { t } = useTranslation();
  // Read on every render: the viewer renders again when the patient or the photo head changes.
  const wanted = headAssetPromise(props.patient ?? DEFAULT_PATIENT);
  const [shown, setShown] = useState<{ readonly promise: Promise<HeadAsset>; readonly asset: HeadAsset } | null>(null);
  const [failure, setFailure] = useState<{ readonly promise: Promise<HeadAsset>; readonly error: unknown } | null>(null);
  useEffect(() => {
    if (shown?.promise === wanted) return;
    let live = true;
    wanted.then(
      (asset) => live && setShown({ promise: wanted, asset }),
      (error: unknown) => live && setFailure({ promise: wanted, error }),
    );
    return () => {
      live = false;
    };
  }, [wanted, shown]);
  if (failure?.promise === wanted) throw failure.error;
  // The first head suspends (the boundary's loading line); later ones keep the last until they are in.
  const asset = shown ? shown.asset : use(wanted);
  return (
    <>
      <Stage asset={asset} props={props} callbacks={callbacks} />
      {shown && shown.promise !== wanted && (
        // Visual only: the control that asked for the head (the patient picker, the photo panel) says it is loading.
        <div className="viewer-loading viewer-loading-over" aria-hidden="true">
          {t('app.loading')}
        </div>
      )}
    </>
  );
}

class ModelBoundary extends Component<
  {
    children: ReactNode;
    render: (error: Error, retry: () => void) => ReactNode;
    /** The model is fine but this browser cannot decode it: no retry will help. */
    onUnsupported: () => void;
    /** Which head is asked for: another one (a patient, a photo) clears an error shown for the last. */
    resetKey: string;
  },
  { error: Error | null }
> {
  override state: { error: Error | null } = { error: null };
  static getDerivedStateFromError(error: Error) {
    return { error };
  }
  override componentDidUpdate(previous: { resetKey: string }) {
    if (previous.resetKey !== this.props.resetKey && this.state.error) this.setState({ error: null });
  }
  override componentDidCatch(error: Error) {
    if (isUnsupported(error)) this.props.onUnsupported();
  }
  retry = () => {
    clearHeadAsset();
    retryFailedChunks();
    this.setState({ error: null });
  };
  override render() {
    const { error } = this.state;
    if (!error) return this.props.children;
    // The viewer switches to the 2D illustration: never a "could not be loaded" or a retry for it.
    return isUnsupported(error) ? null : this.props.render(error, this.retry);
  }
}

const isUnsupported = (error: Error) => error instanceof HeadAssetError && error.reason === 'unsupported';

function ModelError({
  error,
  retry,
  autoRetryMs,
  onShown,
}: {
  error: Error;
  retry: () => void;
  autoRetryMs: number | undefined;
  /** The error is on screen: the wrapper must not say ready. */
  onShown: () => void;
}) {
  const { t } = useTranslation();
  useEffect(onShown, [onShown]);
  useEffect(() => {
    if (autoRetryMs === undefined) return;
    const timer = setTimeout(retry, autoRetryMs);
    return () => clearTimeout(timer);
  }, [retry, autoRetryMs]);
  const detail = error instanceof HeadAssetError ? error.message : '';
  // The viewer's own code is gone (an old page after a redeploy): say so, and offer the reload that fixes it.
  const stale = error instanceof ChunkLoadError;
  return (
    <div className="model-error" role="alert">
      <p>{t(stale ? 'update.available' : 'notice.model')}</p>
      {detail && <p className="detail">{detail}</p>}
      <div className="error-actions">
        {stale && (
          <button type="button" onClick={() => location.reload()}>
            {t('update.reload')}
          </button>
        )}
        <button type="button" onClick={retry}>
          {t('control.retry')}
        </button>
      </div>
    </div>
  );
}

/** The 3D face's wrapper state while it is not simply drawn: "lost" while a GPU context is away. */
type GpuState = 'ok' | 'lost';

/**
 * The canvas wrapper of the deep-link contract: role="img" with a label naming technique, step and view,
 * and data-ready="true" once the head has been drawn ("false" again while its GPU context is lost).
 *
 * WebGL 2 is decided here, before any model is requested: without it (or when the browser blocks the model's
 * WebAssembly decoder, or the GPU is gone for good) the 2D illustration is shown with a one-line reason, the
 * same controls around it, and `data-render="2d"`; its ready marker is the drawing being on the page.
 */
export function Viewer(props: ViewerProps) {
  const { t } = useTranslation();
  const wrapper = useRef<HTMLDivElement>(null);
  const patient = props.patient ?? DEFAULT_PATIENT;
  const [fallback, setFallback] = useState<FallbackReason | null>(() => {
    const support = graphicsSupport();
    return support === 'webgl2' ? null : support === 'webgl1' ? 'no-webgl2' : 'no-webgl';
  });
  const [gpu, setGpu] = useState<GpuState>('ok');
  const setReady = useCallback((ready: boolean) => {
    if (wrapper.current) wrapper.current.dataset.ready = ready ? 'true' : 'false';
  }, []);
  const onReady = useCallback(() => setReady(true), [setReady]);
  const latestProps = useRef(props);
  useLayoutEffect(() => {
    latestProps.current = props;
  });
  const interrupted = useRef(false);
  const setInterrupted = useCallback(
    (value: boolean) => {
      if (value) setReady(false);
      setGpu(value ? 'lost' : 'ok');
      if (interrupted.current === value) return;
      interrupted.current = value;
      latestProps.current.onGraphicsInterrupted?.(value);
    },
    [setReady],
  );
  // Leaving while interrupted: the message must not outlive this viewer.
  useEffect(() => () => {
    if (interrupted.current) latestProps.current.onGraphicsInterrupted?.(false);
  }, []);
  const callbacks = useMemo<StageCallbacks>(
    () => ({
      onReady,
      onInterrupted: setInterrupted,
      onGpuFailed: () => {
        if (latestProps.current.onGpuFailure?.()) return;
        setInterrupted(false);
        setFallback('gpu-lost');
      },
    }),
    [onReady, setInterrupted],
  );
  const onUnsupported = useCallback(() => setFallback('no-wasm'), []);
  // The drawing's reason line is inside role="img" (not read out): the label carries it too.
  const [reasonText, setReasonText] = useState('');
  const onShown = useCallback(
    (reason: string) => {
      setReasonText(reason);
      setReady(true);
    },
    [setReady],
  );
  const label = fallback && reasonText ? `${props.label}. ${reasonText}` : props.label;
  // Another patient: the new head loads while the old one stays on the canvas (Loaded); the wrapper
  // is not ready again until the new head has been drawn. Before paint, so no test can read a stale "true".
  const shownPatient = useRef(patient);
  useLayoutEffect(() => {
    if (shownPatient.current === patient) return;
    shownPatient.current = patient;
    setReady(false);
    // Choosing a patient again after his download failed is a new attempt (loaded models stay cached).
    clearHeadAsset();
  }, [patient, setReady]);
  // A head fitted to a photo (or that photo forgotten): the same, keyed on its version.
  const photo = useSyncExternalStore(onPhotoHeadChange, photoHeadVersion);
  const shownPhoto = useRef(photo);
  useLayoutEffect(() => {
    if (shownPhoto.current === photo) return;
    shownPhoto.current = photo;
    setReady(false);
  }, [photo, setReady]);
  const onError = useCallback(() => setReady(false), [setReady]);
  return (
    <div
      ref={wrapper}
      className="viewer"
      role="img"
      aria-label={label}
      data-ready="false"
      data-technique={props.technique}
      data-patient={patient}
      data-face={currentPhotoHead(patient) ? 'photo' : 'model'}
      data-title={props.title ?? ''}
      data-render={fallback ? '2d' : '3d'}
      {...(fallback ? { 'data-fallback': fallback } : {})}
      {...(gpu === 'lost' ? { 'data-gpu': 'lost' } : {})}
    >
      {props.title && (
        <span className="viewer-title" aria-hidden="true">
          {props.title}
        </span>
      )}
      {props.overlay}
      {fallback ? (
        // Its own boundary (keyed): the 3D one may hold the error that brought the drawing here.
        <ModelBoundary
          key="2d"
          resetKey={`${patient}#${photo}`}
          onUnsupported={onUnsupported}
          render={(error, retry) => <ModelError error={error} retry={retry} autoRetryMs={props.autoRetryMs} onShown={onError} />}
        >
          <Suspense fallback={null}>
            <Fallback2D technique={props.technique} reason={fallback} onShown={onShown} playback={props.fallbackPlayback ?? false} />
          </Suspense>
        </ModelBoundary>
      ) : (
        <ModelBoundary
          key="3d"
          resetKey={`${patient}#${photo}`}
          onUnsupported={onUnsupported}
          render={(error, retry) => <ModelError error={error} retry={retry} autoRetryMs={props.autoRetryMs} onShown={onError} />}
        >
          <Suspense fallback={<div className="viewer-loading">{t('app.loading')}</div>}>
            <Loaded props={props} callbacks={callbacks} />
          </Suspense>
        </ModelBoundary>
      )}
    </div>
  );
}
