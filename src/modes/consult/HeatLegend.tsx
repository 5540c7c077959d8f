import { useTranslation } from '../../i18n/react.ts';
import { HEATMAP_CSS, HEATMAP_MAX_MM, HEATMAP_TICKS_MM } from '../../scene/heatmapLegend.ts';

/** The heat map's colour bar with labelled millimetre ticks (the same ramp as the skin colours). */
export function HeatLegend() {
  const { t } = useTranslation();
  return (
    <figure className="heat-legend" data-heat-legend="">
      <figcaption>{t('consult.legendTitle')}</figcaption>
      <div className="heat-bar">
        <span className="heat-ramp" style={{ background: HEATMAP_CSS }} aria-hidden="true" />
        <ol className="heat-ticks" aria-label={t('consult.legendTitle')}>
          {HEATMAP_TICKS_MM.map((v) => (
            <li key={v} style={{ left: `${(v / HEATMAP_MAX_MM) * 100}%` }}>
              {v === HEATMAP_MAX_MM ? `≥ ${v}` : v}
            </li>
          ))}
        </ol>
      </div>
      <p className="heat-caption">{t('consult.heatmapLegend')}</p>
    </figure>
  );
}
