import { use, useDeferredValue, useEffect, useMemo, useReducer } from 'react';
import { useTranslation } from '../../i18n/react.ts';
import { REGIONS, type TechniqueId } from '../../core/ids.ts';
import type { RegionLift } from '../../core/tissue/api.ts';
import { incisionLength } from '../../core/procedures/index.ts';
import { regionLiftAfter, siteLiftAfter } from '../../core/tissue/months.ts';
import type { SiteId } from '../../core/tissue/sites.ts';
import { headAssetOrNull, onHeadAssetCleared } from '../../scene/headAsset.ts';
import { modelReady, paramsFrom, solutionFor } from '../../scene/tissueModel.ts';
import { solutionsReady } from './solving.ts';
import { useApp } from '../../state/context.tsx';

/** One decimal, and "0.0" for anything under 0.05 mm either way (no "-0.0"). */
export const mm = (v: number) => (Math.abs(v) < 0.05 ? '0.0' : v.toFixed(1));
/**
 * A vertical movement for the eye, mm: "↑ 2.4" above, "↓ 0.2" below (a month-24 thread result lies lower than the
 * face before the operation: the ageing went on), "0.0" with no arrow when it rounds to nothing.
 */
export const verticalMm = (v: number) => (Math.abs(v) < 0.05 ? '0.0' : `${v > 0 ? '↑' : '↓'} ${Math.abs(v).toFixed(1)}`);

export interface TechniqueResult {
  readonly id: TechniqueId;
  /** Per-region lift at the result, `months` after the operation, relative to the face before it (mm). */
  readonly lift: RegionLift;
  /** Vertical lift at the measurement sites (jowl, lid–cheek junction), same reference and months, mm. */
  readonly sites: Readonly<Record<SiteId, number>>;
  /** Incision length per side, mm (0 for threads). */
  readonly incision: number;
}

/**
 * The engine's per-region lift for `techniques` at the store's sag, parameters and months (suspends until the
 * head is loaded; null without a model). Tuned parameters apply to the primary technique (the first) only; the
 * others show their own defaults.
 */
export function useTechniqueResults(techniques: readonly TechniqueId[]): readonly TechniqueResult[] | null {
  const [, reread] = useReducer((n: number) => n + 1, 0);
  useEffect(() => onHeadAssetCleared(reread), []);
  const patient = useApp((s) => s.patient);
  const asset = use(headAssetOrNull(patient));
  const sag = useApp((s) => s.sag);
  const months = useApp((s) => s.months);
  const vectorAngleDeg = useApp((s) => s.vectorAngleDeg);
  const liftMm = useApp((s) => s.liftMm);
  const primary = techniques[0];
  const key = techniques.join(',');
  // The engine's model and these techniques' factors come from a Worker (scene/tissueModel.ts): until they are
  // in, this suspends (the table's fallback says it is computing); once they are, `use` reads the settled promise
  // without suspending. Always through `use`: a render that suspended there and is replayed once the model is in
  // must call the same hooks in the same order (skipping `use` on the replay made React throw "update hook
  // called on initial render", recovered but reported as a page error).
  const ids = key.split(',') as TechniqueId[];
  const model = asset ? use(modelReady(asset, ids)) : null;
  // The techniques are solved one per task (solutionsReady), not all in this render: a new head or a new sag would
  // hold the page's thread for all of them at once. While a slider moves, the table keeps its last figures (deferred
  // inputs) until the new ones are solved; the first time, it suspends (its fallback says it is computing).
  const shownSag = useDeferredValue(sag);
  const shownAngle = useDeferredValue(vectorAngleDeg);
  const shownLift = useDeferredValue(liftMm);
  const requests = useMemo(
    () =>
      (key.split(',') as TechniqueId[]).map((technique) => ({
        technique,
        params: technique === primary ? paramsFrom({ vectorAngleDeg: shownAngle, liftMm: shownLift }) : {},
      })),
    [key, primary, shownAngle, shownLift],
  );
  use(solutionsReady(model, requests, shownSag));
  return useMemo(() => {
    if (!model) return null;
    return requests.map(({ technique: id, params }) => {
      const solution = solutionFor(model, id, params, shownSag);
      return { id, lift: regionLiftAfter(model, solution, months), sites: siteLiftAfter(model, solution, months), incision: incisionLength(model.head, id) };
    });
  }, [model, requests, shownSag, months]);
}

/** Per-region lift (mm, at the result) and incision length for the techniques on screen, from the engine. */
export function Measurements({ techniques }: { techniques: readonly TechniqueId[] }) {
  const { t } = useTranslation();
  const results = useTechniqueResults(techniques);
  const months = useApp((s) => s.months);

  if (!results) return null;
  return (
    <table className="measurements">
      <caption>
        {t('consult.measurements')}
        {months > 0 && ` · ${t('consult.months.value', { months: String(months) })}`}
      </caption>
      <thead>
        <tr>
          <th scope="col">{t('consult.region')}</th>
          {results.map((r) => (
            <th scope="col" key={r.id}>
              {t(`technique.${r.id}`)}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {REGIONS.map((region) => (
          <tr key={region}>
            <th scope="row">{t(`region.${region}`)}</th>
            {results.map((r) => (
              <td key={r.id} data-region={region} data-technique={r.id}>
                <span title={t('consult.vertical')}>{verticalMm(r.lift[region].vertical)}</span>{' '}
                <span className="muted" title={t('consult.alongPull')}>
                  ↗ {mm(r.lift[region].alongPull)}
                </span>
              </td>
            ))}
          </tr>
        ))}
        <tr>
          <th scope="row">{t('consult.incision')}</th>
          {results.map((r) => (
            <td key={r.id} data-incision={r.id}>
              {r.incision > 0 ? `${(r.incision / 10).toFixed(1)} cm` : t('consult.noIncision')}
            </td>
          ))}
        </tr>
      </tbody>
    </table>
  );
}
