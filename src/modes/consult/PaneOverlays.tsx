// DOM laid over a consult pane's picture, inside its canvas wrapper (so it is part of what the pane shows and
// what the snapshot reads back): the exaggeration badge and, in compare, the pane's lift in mm at the result.
import { Suspense } from 'react';
import { useTranslation } from '../../i18n/react.ts';
import type { RegionId, TechniqueId } from '../../core/ids.ts';
import { SITES, type SiteId } from '../../core/tissue/sites.ts';
import { useApp } from '../../state/context.tsx';
import { useStep } from '../../ui/useStep.ts';
import { useTechniqueResults, verticalMm } from './Measurements.tsx';

/**
 * What a compare pane reports: the jawline and nasolabial fold (the engine's regions) and the lid–cheek junction
 * (the engine's measurement site of that name, core/tissue/sites.ts — the same figure the report calibrates to the
 * transtemporal midface lift's 2.5 mm).
 */
export const PANE_REGIONS: readonly (readonly [label: string, region: RegionId | SiteId])[] = [
  ['jawline', 'jawline'],
  ['nasolabial', 'nasolabial'],
  ['lidCheek', 'lid-cheek-junction'],
];

const isSite = (r: RegionId | SiteId): r is SiteId => (SITES as readonly string[]).includes(r);

/** "Movement exaggerated ×k — not to scale", always on the picture while the consult scale is above ×1. */
export function ExaggerationBadge() {
  const { t } = useTranslation();
  const factor = useApp((s) => s.exaggerate);
  if (factor <= 1) return null;
  return (
    <span className="viewer-badge" data-exaggerate={factor}>
      {t('consult.exaggerated', { factor: String(factor) })}
    </span>
  );
}

function PaneLiftFigures({ technique, techniques }: { technique: TechniqueId; techniques: readonly TechniqueId[] }) {
  const { t } = useTranslation();
  const results = useTechniqueResults(techniques);
  const result = results?.find((r) => r.id === technique);
  if (!result) return null;
  return (
    <dl className="pane-lift" data-pane-lift={technique}>
      {PANE_REGIONS.map(([label, region]) => (
        <div key={label} data-region={region}>
          <dt>{t(`consult.paneRegion.${label}`)}</dt>
          <dd>{verticalMm(isSite(region) ? result.sites[region] : result.lift[region].vertical)} mm</dd>
        </div>
      ))}
    </dl>
  );
}

/**
 * A compare pane's lift at the jawline, nasolabial fold and lid–cheek junction (vertical, mm, from the engine,
 * at the store's months), shown at the result step. `techniques` is the compared set (the first one carries the
 * tuned parameters, as in the measurements table).
 */
export function PaneLift({ technique, techniques }: { technique: TechniqueId; techniques: readonly TechniqueId[] }) {
  const { index, count } = useStep(technique);
  if (index < count - 1) return null;
  return (
    <Suspense fallback={null}>
      <PaneLiftFigures technique={technique} techniques={techniques} />
    </Suspense>
  );
}
