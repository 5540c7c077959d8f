import { useId } from 'react';
import { useTranslation } from '../i18n/react.ts';
import type { TechniqueId } from '../core/ids.ts';
import { stepStart } from '../core/timeline/index.ts';
import { PROCEDURES } from '../core/procedures/index.ts';
import { useApp } from '../state/context.tsx';
import { useStep } from './useStep.ts';

export interface PlaybackBarProps {
  readonly technique: TechniqueId;
  readonly showSteps?: boolean;
}

/** Play/Pause, previous/next step and the "Procedure progress" slider, plus the current step's caption. */
export function PlaybackBar({ technique, showSteps = true }: PlaybackBarProps) {
  const { t } = useTranslation();
  const sliderId = useId();
  const progress = useApp((s) => s.progress);
  const playing = useApp((s) => s.playing);
  const setPlaying = useApp((s) => s.setPlaying);
  const setProgress = useApp((s) => s.setProgress);
  const { index, step, count } = useStep(technique);
  const procedure = PROCEDURES[technique];

  const goToStep = (i: number) => {
    const clamped = Math.min(count - 1, Math.max(0, i));
    setPlaying(false);
    // Land on the step's end state, except the first step which starts the timeline.
    setProgress(clamped === count - 1 ? 1 : stepStart(procedure, clamped));
  };
  const togglePlay = () => {
    if (!playing && progress >= 1) setProgress(0);
    setPlaying(!playing);
  };

  return (
    <div className="playback">
      <div className="playback-row">
        <button type="button" onClick={() => goToStep(index - 1)} aria-label={t('control.stepBack')} disabled={index === 0}>
          ‹
        </button>
        <button type="button" className="play" onClick={togglePlay} aria-label={playing ? t('control.pause') : t('control.play')}>
          {playing ? '❚❚' : '▶'}
        </button>
        <button type="button" onClick={() => goToStep(index + 1)} aria-label={t('control.stepForward')} disabled={index >= count - 1}>
          ›
        </button>
        <label htmlFor={sliderId} className="visually-hidden">
          {t('control.progress')}
        </label>
        <input
          id={sliderId}
          type="range"
          min={0}
          max={1000}
          step={1}
          value={Math.round(progress * 1000)}
          aria-valuetext={`${Math.round(progress * 100)}% · ${t(`steps.${technique}.${step.id}`)}`}
          onChange={(e) => {
            setPlaying(false);
            setProgress(Number(e.target.value) / 1000);
          }}
        />
      </div>
      {showSteps && (
        <ol className="step-list" aria-label={t(`technique.${technique}`)}>
          {procedure.steps.map((s, i) => (
            <li key={s.id} aria-current={i === index ? 'step' : undefined}>
              <button type="button" onClick={() => goToStep(i)}>
                <span className="step-number">{i + 1}</span> {t(`steps.${technique}.${s.id}`)}
              </button>
            </li>
          ))}
        </ol>
      )}
      <p className="visually-hidden" aria-live="polite">
        {t(`steps.${technique}.${step.id}`)}
      </p>
    </div>
  );
}
