// The entry to the photo feature: one button in the first-paint bundle; the panel, its strings, the detector and
// the fit load only when it is pressed (lazyChunk). Consult and web only: the kiosk never renders this (a lobby
// screen must not photograph passers-by), and no deep-link parameter turns it on.
import { Suspense, useState } from 'react';
import { useTranslation } from '../../i18n/react.ts';
import { FeatureBoundary, lazyChunk } from '../lazyChunk.ts';

const PhotoPanel = lazyChunk('photo panel', async () => (await import('./PhotoPanel.tsx')).default);

export function PhotoButton({ mode }: { readonly mode: 'consult' | 'web' }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  return (
    <div className="photo-entry">
      <button type="button" aria-expanded={open} onClick={() => setOpen((o) => !o)} data-photo-open="">
        {t(mode === 'consult' ? 'photo.consult' : 'photo.web')}
      </button>
      {open && (
        <FeatureBoundary resetKey={open}>
          <Suspense fallback={<p className="muted small">{t('app.loading')}</p>}>
            <PhotoPanel mode={mode} onClose={() => setOpen(false)} />
          </Suspense>
        </FeatureBoundary>
      )}
    </div>
  );
}
