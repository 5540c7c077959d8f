import { Component, Suspense, use, useCallback, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import type { RootState } from '@react-three/fiber';
import { LiteCanvas } from './LiteCanvas.tsx';
import { OrbitControls } from '@react-three/drei';
import { useTranslation } from 'react-i18next';
import { MOUSE, TOUCH, type BufferGeometry } from 'three';
import type { TechniqueId, ViewId, LayerId } from '../core/ids.ts';
import type { LandmarkId } from '../core/anatomy/landmarks.ts';
import { clearHeadAsset, headAssetPromise, HeadAssetError, type HeadAsset, type MeshName } from './headAsset.ts';
import { HeadScene } from './HeadScene.tsx';
import { StudioLights } from './StudioLights.tsx';
import { CameraRig } from './CameraRig.tsx';
import { CAMERA_FOV_DEG } from './views.ts';
import { hasWebGL } from './webgl.ts';
import { registerRenderer } from './diagnostics.ts';
import { ChunkLoadError, lazyChunk, retryFailedChunks } from '../ui/lazyChunk.ts';
// Only devices without WebGL need the drawings.
const Fallback2D = lazyChunk('2D drawings', async () => (await import('../ui/Fallback2D.tsx')).Fallback2D);

export interface ViewerProps {
  readonly technique: TechniqueId;
  readonly view: ViewId;
  readonly layers: readonly LayerId[];
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
  readonly highlightLigaments?: boolean;
}

/** Deformable per-view copies of the layers the engine moves; the shared asset stays pristine. */
function useDeformableCopies(asset: HeadAsset, lod: boolean) {
  const copies = useMemo(() => {
    const out: Partial<Record<MeshName, BufferGeometry>> = {};
    for (const name of ['skin', 'fat', 'smas'] as const) {
      const g = asset.geometries[name];
      if (g) out[name] = g.clone();
    }
    void lod;
    return out;
  }, [asset, lod]);
  useEffect(() => () => Object.values(copies).forEach((g) => g.dispose()), [copies]);
  return copies;
}

function Stage({ asset, props, onReady }: { asset: HeadAsset; props: ViewerProps; onReady: () => void }) {
  const deformed = useDeformableCopies(asset, props.lod ?? false);
  const [restoreKey, setRestoreKey] = useState(0);
  const cleanups = useRef<(() => void)[]>([]);
  useEffect(() => () => cleanups.current.forEach((f) => f()), []);
  const onCreated = useCallback((state: RootState) => {
    const canvas = state.gl.domElement;
    const gl = state.gl;
    cleanups.current.push(registerRenderer(gl));

    // three restores buffers and programs itself; with frameloop="demand" nothing redraws until asked.
    canvas.addEventListener('webglcontextlost', (e) => e.preventDefault());
    canvas.addEventListener('webglcontextrestored', () => {
      setRestoreKey((k) => k + 1);
      state.invalidate();
    });
  }, []);
  return (
    <LiteCanvas
      frameloop="demand"
      dpr={[1, 2]}
      camera={{ fov: CAMERA_FOV_DEG, near: 0.02, far: 5, position: [0, 0, 0.7] }}
      gl={{ antialias: true, preserveDrawingBuffer: true, powerPreference: 'high-performance' }}
      onCreated={onCreated}
    >
      <color attach="background" args={['#eef1f3']} />
      <StudioLights key={restoreKey} />
      <HeadScene
        asset={asset}
        layers={props.layers}
        deformed={deformed}
        onFirstFrame={onReady}
        lod={props.lod ?? false}
        heatmap={props.heatmap ?? false}
        {...(props.layerOpacity ? { layerOpacity: props.layerOpacity } : {})}
        cutaway={props.cutaway ?? true}
        instant={props.instantCamera ?? false}
        highlightLigaments={props.highlightLigaments ?? false}
      />
      {props.children?.(asset, deformed)}
      <OrbitControls
        makeDefault
        enabled={props.orbit !== false}
        enablePan={false}
        minDistance={0.25}
        maxDistance={1.6}
        {...(props.penActive ? PEN_CONTROLS : ORBIT_CONTROLS)}
      />
      <CameraRig
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

function Loaded({ props, onReady }: { props: ViewerProps; onReady: () => void }) {
  const asset = use(headAssetPromise());
  return <Stage asset={asset} props={props} onReady={onReady} />;
}

class ModelBoundary extends Component<
  { children: ReactNode; render: (error: Error, retry: () => void) => ReactNode },
  { error: Error | null }
> {
  override state: { error: Error | null } = { error: null };
  static getDerivedStateFromError(error: Error) {
    return { error };
  }
  retry = () => {
    clearHeadAsset();
    retryFailedChunks();
    this.setState({ error: null });
  };
  override render() {
    return this.state.error ? this.props.render(this.state.error, this.retry) : this.props.children;
  }
}

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

/**
 * The canvas wrapper of the deep-link contract: role="img" with a label naming technique, step and view,
 * and data-ready="true" once the head has been drawn. Without WebGL it shows the 2D illustrations.
 */
export function Viewer(props: ViewerProps) {
  const { t } = useTranslation();
  const wrapper = useRef<HTMLDivElement>(null);
  const webgl = useMemo(() => hasWebGL(), []);
  const onReady = useCallback(() => {
    if (wrapper.current) wrapper.current.dataset.ready = 'true';
  }, []);
  const onError = useCallback(() => {
    if (wrapper.current) wrapper.current.dataset.ready = 'false';
  }, []);
  return (
    <div
      ref={wrapper}
      className="viewer"
      role="img"
      aria-label={props.label}
      data-ready="false"
      data-technique={props.technique}
      data-title={props.title ?? ''}
    >
      {props.title && (
        <span className="viewer-title" aria-hidden="true">
          {props.title}
        </span>
      )}
      {webgl ? (
        <ModelBoundary render={(error, retry) => <ModelError error={error} retry={retry} autoRetryMs={props.autoRetryMs} onShown={onError} />}>
          <Suspense fallback={<div className="viewer-loading">{t('app.loading')}</div>}>
            <Loaded props={props} onReady={onReady} />
          </Suspense>
        </ModelBoundary>
      ) : (
        <ModelBoundary render={(error, retry) => <ModelError error={error} retry={retry} autoRetryMs={props.autoRetryMs} onShown={onError} />}>
          <Suspense fallback={null}>
            <Fallback2D technique={props.technique} onShown={onReady} />
          </Suspense>
        </ModelBoundary>
      )}
    </div>
  );
}
