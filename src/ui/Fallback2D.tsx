import { useEffect } from 'react';
import { useTranslation } from '../i18n/react.ts';
import type { TechniqueId } from '../core/ids.ts';
import type { FallbackReason } from '../scene/webgl.ts';
import { FALLBACK_STRINGS } from './fallbackStrings.ts';
import { useSteppedPlayback } from './useSteppedPlayback.ts';

// Line drawings of an oblique face for browsers that cannot show the 3D face (see FallbackReason): each technique's incision (magenta dashes)
// and pull (teal arrows) in the same places as the 3D model. Coordinates are in a 300×360 drawing.
interface Overlay {
  readonly incisions: readonly string[];
  readonly vectors: readonly (readonly [number, number, number, number])[];
  readonly threads?: readonly string[];
}

const OVERLAYS: Record<TechniqueId, Overlay> = {
  traditional: { incisions: ['M214 128 h24'], vectors: [[196, 262, 204, 176], [176, 240, 184, 170]] },
  smile: { incisions: ['M222 104 l10 20'], vectors: [[170, 214, 214, 140], [188, 256, 224, 170]] },
  thread: { incisions: [], vectors: [[176, 230, 220, 120]], threads: ['M224 112 Q200 170 172 226', 'M228 116 Q206 180 182 238'] },
  'thread-conventional': { incisions: [], vectors: [[176, 230, 220, 120]], threads: ['M224 112 Q200 170 172 226'] },
  facelift: { incisions: ['M222 70 Q240 110 236 150 Q232 190 244 214 Q262 236 270 262'], vectors: [[170, 230, 226, 150], [196, 280, 250, 210]] },
};

/** The technique's drawing with a one-line reason why it replaces the 3D face. */
export function Fallback2D({
  technique,
  reason,
  onShown,
  playback = false,
}: {
  technique: TechniqueId;
  reason: FallbackReason;
  onShown?: (reasonText: string) => void;
  /** Drive the shared timeline step by step (the 3D canvas's animating driver is not there). */
  playback?: boolean;
}) {
  const { t, i18n } = useTranslation();
  useSteppedPlayback(technique, playback);
  i18n.addSection('fallback', reason, FALLBACK_STRINGS);
  const reasonText = t(`fallback.${reason}`);
  // The drawing is what "ready" means without the 3D face: tell the viewer once it is on the page.
  useEffect(() => onShown?.(reasonText), [onShown, reasonText]);
  const o = OVERLAYS[technique];
  return (
    <figure className="fallback2d">
      <svg viewBox="0 0 300 360" role="img" aria-label={t(`technique.${technique}`)}>
        <rect width="300" height="360" fill="#eef1f3" />
        <path d="M150 30c-62 0-96 48-96 110 0 40 8 70 24 100 18 32 40 52 62 60 14 4 28 2 42-8 22-16 42-44 54-76 10-28 14-52 14-76 0-66-38-110-100-110z" fill="#f1d7c6" stroke="#9c7462" strokeWidth="2" />
        <ellipse cx="238" cy="160" rx="12" ry="28" fill="#f1d7c6" stroke="#9c7462" strokeWidth="2" />
        <path d="M214 96 q12 30 10 70" stroke="#6b5a52" strokeOpacity=".35" strokeWidth="8" fill="none" />
        <path d="M96 146c10-8 24-8 34 0M160 146c10-8 24-8 34 0M150 156v42c-6 6-12 8-12 12 8 4 18 4 26 0M124 244c16 8 34 8 50 0" stroke="#6b5a52" strokeWidth="2.5" fill="none" strokeLinecap="round" />
        {o.threads?.map((d, i) => (
          <path key={`t${i}`} d={d} stroke={i === 0 ? '#7a4fa3' : '#2b6f3e'} strokeWidth="2.5" fill="none" />
        ))}
        {o.vectors.map(([x1, y1, x2, y2], i) => (
          <g key={`v${i}`} stroke="#1f6f8b" strokeWidth="4" strokeLinecap="round">
            <line x1={x1} y1={y1} x2={x2} y2={y2} />
            <circle cx={x2} cy={y2} r="4" fill="#1f6f8b" />
          </g>
        ))}
        {o.incisions.map((d, i) => (
          <path key={`i${i}`} d={d} stroke="#b2306b" strokeWidth="4" strokeDasharray="5 4" fill="none" strokeLinecap="round" />
        ))}
      </svg>
      <figcaption data-reason={reason}>{reasonText}</figcaption>
    </figure>
  );
}
