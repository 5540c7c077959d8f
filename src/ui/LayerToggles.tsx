import { useTranslation } from '../i18n/react.ts';
import { LAYERS } from '../core/ids.ts';
import { useApp } from '../state/context.tsx';
import { LAYER_SWATCH } from './swatches.ts';

export function LayerToggles() {
  const { t } = useTranslation();
  const layers = useApp((s) => s.layers);
  const toggle = useApp((s) => s.toggleLayer);
  return (
    <div role="group" aria-label={t('control.layers')} className="layer-toggles">
      {LAYERS.map((id) => (
        <button key={id} type="button" aria-pressed={layers.includes(id)} data-layer={id} onClick={() => toggle(id)}>
          <span className="swatch" style={{ background: LAYER_SWATCH[id] }} aria-hidden="true" />
          {t(`layer.${id}`)}
        </button>
      ))}
    </div>
  );
}
