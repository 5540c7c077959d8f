import { use, useEffect, useMemo, useReducer } from 'react';
import { useTranslation } from 'react-i18next';
import { REGIONS, type TechniqueId } from '../../core/ids.ts';
import { incisionLengthMm, regionLift } from '../../core/tissue/index.ts';
import { headAssetOrNull, onHeadAssetCleared } from '../../scene/headAsset.ts';
import { modelFor, paramsFrom, solutionFor } from '../../scene/tissueModel.ts';
import { useApp } from '../../state/context.tsx';

const mm = (v: number) => (Math.abs(v) < 0.05 ? '0.0' : v.toFixed(1));

/** Per-region lift (mm, at the result) and incision length for the techniques on screen, from the engine. */
export function Measurements({ techniques }: { techniques: readonly TechniqueId[] }) {
  const { t } = useTranslation();
  const [, reread] = useReducer((n: number) => n + 1, 0);
  useEffect(() => onHeadAssetCleared(reread), []);
  const patient = useApp((s) => s.patient);
  const asset = use(headAssetOrNull(patient));
  const sag = useApp((s) => s.sag);
  const vectorAngleDeg = useApp((s) => s.vectorAngleDeg);
  const liftMm = useApp((s) => s.liftMm);
  const results = useMemo(() => {
    if (!asset) return null;
    const model = modelFor(asset);
    return techniques.map((id) => {
      // Tuned parameters apply to the primary technique only; the others show their own defaults.
      const params = id === techniques[0] ? paramsFrom({ vectorAngleDeg, liftMm }) : {};
      return { id, lift: regionLift(model, solutionFor(model, id, params, sag)), incision: incisionLengthMm(model, id) };
    });
  }, [asset, techniques, sag, vectorAngleDeg, liftMm]);

  if (!results) return null;
  return (
    <table className="measurements">
      <caption>{t('consult.measurements')}</caption>
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
                <span title={t('consult.vertical')}>↑ {mm(r.lift[region].vertical)}</span>{' '}
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
