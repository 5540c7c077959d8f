// "Use a photo of the patient" (consult) / "Try it on my photo" (web): a file or the camera (live preview, a face
// guide, a shutter) → the head fitted to that face, shown by every view. The privacy line is on screen before the
// camera can open. Nothing is uploaded or stored; "Forget this photo" drops the photo and the head made from it.
// A lazy chunk (with its strings, the detector and the fit): web's first paint carries only the entry button.
import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from '../../i18n/react.ts';
import type { PhotoProblem } from '../../core/face/photoChecks.ts';
import { currentPhotoHead } from '../../scene/headAsset.ts';
import { useApp } from '../../state/context.tsx';
import { forgetPhoto, PhotoError, preloadFaceModel, applyPhoto } from './photo.ts';
import { PHOTO_STRINGS } from './strings.ts';

type Status =
  | { kind: 'idle' }
  | { kind: 'camera' }
  | { kind: 'working' }
  | { kind: 'done'; several: boolean; differenceMm: number; turnDeg: number; landmarksMs: number; fitMs: number }
  | { kind: 'error'; problem: PhotoProblem }
  | { kind: 'forgotten' };

function cameraProblem(error: unknown): PhotoProblem {
  const name = (error as { name?: string } | null)?.name ?? '';
  if (name === 'NotAllowedError' || name === 'SecurityError' || name === 'PermissionDeniedError') return 'camera-denied';
  return 'no-camera';
}

export interface PhotoPanelProps {
  /** consult: any camera; web: the front camera (a selfie), mirrored in the preview. */
  readonly mode: 'consult' | 'web';
  readonly onClose: () => void;
}

export default function PhotoPanel({ mode, onClose }: PhotoPanelProps) {
  const { t, i18n } = useTranslation();
  i18n.addSection('photoPanel', 'privacy', PHOTO_STRINGS);
  const [status, setStatus] = useState<Status>(() => (currentPhotoHead() ? { kind: 'done', several: false, differenceMm: NaN, turnDeg: NaN, landmarksMs: NaN, fitMs: NaN } : { kind: 'idle' }));
  const video = useRef<HTMLVideoElement>(null);
  const stream = useRef<MediaStream | null>(null);
  const file = useRef<HTMLInputElement>(null);
  // finished attempts (made or refused): lets a watcher tell one outcome from the next
  const [runs, setRuns] = useState(0);

  // the model starts loading when the panel opens, so the shutter does not wait for it
  useEffect(() => preloadFaceModel(), []);

  const stopCamera = useCallback(() => {
    stream.current?.getTracks().forEach((track) => track.stop());
    stream.current = null;
    if (video.current) video.current.srcObject = null;
  }, []);
  useEffect(() => stopCamera, [stopCamera]);

  // the photo is fitted from the patient chosen now (consult's picker; web: always the default)
  const patient = useApp((s) => s.patient);
  const run = useCallback(
    async (source: Blob | HTMLVideoElement | HTMLCanvasElement) => {
      setStatus({ kind: 'working' });
      try {
        const outcome = await applyPhoto(source, patient);
        setStatus({
          kind: 'done',
          several: outcome.faceCount > 1,
          differenceMm: outcome.differenceMm,
          turnDeg: outcome.pose.turnDeg,
          landmarksMs: outcome.timings.landmarksMs,
          fitMs: outcome.timings.fitMs,
        });
      } catch (error) {
        setStatus({ kind: 'error', problem: error instanceof PhotoError ? error.problem : 'model-failed' });
        if (!(error instanceof PhotoError)) console.warn('[lift] photo', error);
      }
      setRuns((n) => n + 1);
    },
    [patient],
  );

  const openCamera = useCallback(async () => {
    if (!navigator.mediaDevices?.getUserMedia) {
      setStatus({ kind: 'error', problem: 'no-camera' });
      return;
    }
    try {
      const s = await navigator.mediaDevices.getUserMedia({
        video: mode === 'web' ? { facingMode: 'user', width: { ideal: 1280 } } : { width: { ideal: 1280 } },
        audio: false,
      });
      stream.current = s;
      setStatus({ kind: 'camera' });
    } catch (error) {
      setStatus({ kind: 'error', problem: cameraProblem(error) });
    }
  }, [mode]);

  // attach the stream once the <video> is on the page
  useEffect(() => {
    if (status.kind === 'camera' && video.current && stream.current && video.current.srcObject !== stream.current) {
      video.current.srcObject = stream.current;
      void video.current.play().catch(() => undefined);
    }
  }, [status.kind]);

  const shutter = useCallback(() => {
    const v = video.current;
    if (!v || v.videoWidth === 0) return;
    // a still frame (not the mirrored preview: the video's own pixels), then the camera closes
    const frame = document.createElement('canvas');
    frame.width = v.videoWidth;
    frame.height = v.videoHeight;
    frame.getContext('2d')!.drawImage(v, 0, 0);
    stopCamera();
    void run(frame);
  }, [run, stopCamera]);

  const forget = useCallback(() => {
    stopCamera();
    forgetPhoto();
    if (file.current) file.current.value = '';
    setStatus({ kind: 'forgotten' });
  }, [stopCamera]);

  const working = status.kind === 'working';
  return (
    <section className="photo-panel" aria-label={t('photoPanel.title')} data-photo-status={status.kind} data-photo-runs={runs} {...(status.kind === 'error' ? { 'data-problem': status.problem } : {})}>
      <h2 className="photo-title">{t('photoPanel.title')}</h2>
      <p className="photo-privacy">{t('photoPanel.privacy')}</p>
      {status.kind === 'camera' ? (
        <div className="photo-camera">
          <div className="photo-preview">
            <video ref={video} muted playsInline autoPlay className={mode === 'web' ? 'mirrored' : undefined} aria-label={t('photoPanel.guide')} />
            <div className="photo-guide" aria-hidden="true" />
          </div>
          <p className="hint">{t('photoPanel.guide')}</p>
          <div className="tool-row">
            <button type="button" className="primary" onClick={shutter}>
              {t('photoPanel.shutter')}
            </button>
            <button
              type="button"
              onClick={() => {
                stopCamera();
                setStatus({ kind: 'idle' });
              }}
            >
              {t('photoPanel.cancel')}
            </button>
          </div>
        </div>
      ) : (
        <div className="tool-row">
          <label className={`button-like${working ? ' disabled' : ''}`}>
            {t('photoPanel.chooseFile')}
            <input
              ref={file}
              type="file"
              accept="image/*"
              className="visually-hidden"
              disabled={working}
              data-photo-input=""
              onChange={(e) => {
                const f = e.currentTarget.files?.[0];
                if (f) void run(f);
              }}
            />
          </label>
          <button type="button" onClick={() => void openCamera()} disabled={working} data-photo-camera="">
            {t('photoPanel.useCamera')}
          </button>
        </div>
      )}
      <p role="status" aria-live="polite" className="photo-status" {...(status.kind === 'done'
          ? {
              'data-difference-mm': status.differenceMm.toFixed(2),
              'data-turn-deg': status.turnDeg.toFixed(1),
              'data-landmarks-ms': status.landmarksMs.toFixed(0),
              'data-fit-ms': status.fitMs.toFixed(0),
            }
          : {})}>
        {status.kind === 'working' && t('photoPanel.working')}
        {status.kind === 'done' && t('photoPanel.done')}
        {status.kind === 'done' && status.several && ` ${t('photoPanel.several')}`}
        {status.kind === 'forgotten' && t('photoPanel.forgotten')}
        {status.kind === 'error' && t(`photoPanel.problem.${status.problem}`)}
      </p>
      <div className="tool-row">
        {(status.kind === 'done' || currentPhotoHead()) && (
          <button type="button" onClick={forget} data-photo-forget="">
            {t('photoPanel.forget')}
          </button>
        )}
        <button
          type="button"
          onClick={() => {
            stopCamera();
            onClose();
          }}
        >
          {t('photoPanel.close')}
        </button>
      </div>
    </section>
  );
}
