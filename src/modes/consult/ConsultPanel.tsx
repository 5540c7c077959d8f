// The surgeon's tuning panel (leva). Loaded lazily and only by consult mode, so leva's bytes and its
// runtime stylesheet never reach the patient's page or the kiosk.
import { useEffect } from 'react';
import { button, Leva, useControls } from 'leva';
import { useTranslation } from '../../i18n/react.ts';
import { LAYERS } from '../../core/ids.ts';
import { PROCEDURES } from '../../core/procedures/index.ts';
import type { AppStore } from '../../state/store.ts';
import { useApp } from '../../state/context.tsx';

export interface ConsultPanelProps {
  readonly store: AppStore;
}

/**
 * Labels and folder names follow the page's language; the mode remounts the panel when the language changes
 * (key), so leva builds its folders anew with the store's current values.
 */
export default function ConsultPanel({ store }: ConsultPanelProps) {
  const { t } = useTranslation();
  const technique = useApp((s) => s.technique);
  const procedure = PROCEDURES[technique];
  const s = store.getState();
  const defaultsOf = () => PROCEDURES[store.getState().technique].defaults;
  const [, set] = useControls(
    t('consult.panel.mechanics'),
    () => ({
      vectorAngle: {
        label: t('consult.panel.vectorAngle'),
        value: s.vectorAngleDeg ?? procedure.defaults.vectorAngleDeg,
        min: 0,
        max: 90,
        step: 1,
        onChange: (v: number, _path: string, ctx: { initial: boolean }) => {
          // The technique's own default is stored as null (= "default"), so programmatic resets on a
          // technique switch do not look like a new parameter and do not trigger another solve.
          if (!ctx.initial) store.getState().setLiftParams({ vectorAngleDeg: v === defaultsOf().vectorAngleDeg ? null : v });
        },
      },
      lift: {
        label: t('consult.panel.lift'),
        value: s.liftMm ?? procedure.defaults.liftMm,
        min: 0,
        max: 20,
        step: 0.5,
        onChange: (v: number, _path: string, ctx: { initial: boolean }) => {
          if (!ctx.initial) store.getState().setLiftParams({ liftMm: v === defaultsOf().liftMm ? null : v });
        },
      },
      sag: {
        label: t('consult.panel.sag'),
        value: s.sag,
        min: 0,
        max: 1,
        step: 0.05,
        onChange: (v: number, _path: string, ctx: { initial: boolean }) => {
          if (!ctx.initial) store.getState().setSag(v);
        },
      },
      speed: {
        label: t('consult.panel.speed'),
        value: s.speed,
        min: 0.25,
        max: 4,
        step: 0.25,
        onChange: (v: number, _path: string, ctx: { initial: boolean }) => {
          if (!ctx.initial) store.getState().setSpeed(v);
        },
      },
    }),
    [technique],
  );
  // Display settings do not depend on the technique: their own folders, created once.
  const [, setDisplay] = useControls(t('consult.panel.display'), () => ({
    overlays: {
      label: t('consult.panel.overlays'),
      value: s.overlays,
      onChange: (v: boolean, _path: string, ctx: { initial: boolean }) => {
        if (!ctx.initial) store.getState().setOverlays(v);
      },
    },
    cutaway: {
      label: t('consult.panel.cutaway'),
      value: s.cutaway,
      onChange: (v: boolean, _path: string, ctx: { initial: boolean }) => {
        if (!ctx.initial) store.getState().setCutaway(v);
      },
    },
  }));
  const [, setOpacity] = useControls(t('consult.panel.opacity'), () => ({
    ...Object.fromEntries(
      LAYERS.map((layer) => [
        layer,
        {
          label: t(`layer.${layer}`),
          value: s.layerOpacity[layer] ?? 1,
          min: 0,
          max: 1,
          step: 0.05,
          onChange: (v: number, _path: string, ctx: { initial: boolean }) => {
            if (!ctx.initial && (store.getState().layerOpacity[layer] ?? 1) !== v) store.getState().setLayerOpacity(layer, v);
          },
        },
      ]),
    ),
    // Back to the defaults, including the skin's automatic see-through without the cutaway.
    [t('consult.panel.reset')]: button(() => {
      for (const layer of LAYERS) store.getState().setLayerOpacity(layer, null);
    }),
  }));
  // The side panel's buttons and the shortcuts change the same settings: keep the panel showing them.
  useEffect(
    () =>
      store.subscribe((now, before) => {
        if (now.overlays !== before.overlays || now.cutaway !== before.cutaway) setDisplay({ overlays: now.overlays, cutaway: now.cutaway });
        if (now.layerOpacity !== before.layerOpacity) setOpacity(Object.fromEntries(LAYERS.map((l) => [l, now.layerOpacity[l] ?? 1])));
      }),
    [store, setDisplay, setOpacity],
  );

  // A technique switch resets its parameters to the technique's own defaults (store.setTechnique).
  useEffect(() => {
    set({ vectorAngle: procedure.defaults.vectorAngleDeg, lift: procedure.defaults.liftMm });
  }, [procedure, set]);

  return (
    <div className="tuning-panel">
      <Leva fill flat hideCopyButton titleBar={false} />
    </div>
  );
}
