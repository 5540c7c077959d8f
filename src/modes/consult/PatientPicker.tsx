import { useEffect, useState } from 'react';
import { useTranslation } from '../../i18n/react.ts';
import { PATIENTS, type PatientId } from '../../core/ids.ts';
import { headAssetOrNull } from '../../scene/headAsset.ts';
import { useApp } from '../../state/context.tsx';

/**
 * "Patient: Woman / Man" — segmented buttons (aria-pressed) in the consult side panel. The other patient's model
 * loads on demand; while it does, the group says so (aria-busy and a short status line). Technique, step,
 * comparison and pen strokes stay: both patients share the skin's topology.
 */
export function PatientPicker() {
  const { t } = useTranslation();
  const patient = useApp((s) => s.patient);
  const setPatient = useApp((s) => s.setPatient);
  // The page's first patient loads under the viewer's own "Loading" message; only a switch is announced here.
  const [loaded, setLoaded] = useState<PatientId>(patient);
  useEffect(() => {
    let live = true;
    // Resolves with null on a failed download: the viewer shows the error and its "Try again".
    void headAssetOrNull(patient).then(() => {
      if (live) setLoaded(patient);
    });
    return () => {
      live = false;
    };
  }, [patient]);
  const loading = loaded !== patient;
  return (
    <div role="group" aria-label={t('consult.patient.label')} aria-busy={loading} className="tool-row patient-picker">
      <span className="muted small" aria-hidden="true">
        {t('consult.patient.label')}
      </span>
      {PATIENTS.map((id) => (
        <button key={id} type="button" aria-pressed={patient === id} data-patient={id} onClick={() => setPatient(id)}>
          {t(`consult.patient.${id}`)}
        </button>
      ))}
      {loading && (
        <span className="muted small" role="status">
          {t('consult.patient.loading')}
        </span>
      )}
    </div>
  );
}
