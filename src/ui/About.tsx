import { useTranslation } from '../i18n/react.ts';

/** Credits and licences (also in the README). Licence names and project names are not translated; the skull's
 * CC BY 3.0 credit line (../shared/data/skull/README.md) is, with its indication of changes. */
const CREDITS: readonly (readonly [string, string])[] = [
  ['Face geometry: MediaPipe Face Mesh canonical model (© Google)', 'Apache-2.0'],
  ['Face landmarks from a photo: MediaPipe Face Mesh runtime and networks (© Google), served from this site', 'Apache-2.0'],
  ['three.js and its meshopt decoder', 'MIT'],
  ['React, React Three Fiber, drei, zustand', 'MIT'],
  ['zod, leva, qrcode-generator', 'MIT'],
  ['vite-plugin-pwa, Workbox', 'MIT'],
];

export function About() {
  const { t } = useTranslation();
  return (
    <details className="about">
      <summary>{t('app.about')}</summary>
      <p>{t('app.aboutText')}</p>
      <ul>
        <li>{t('app.skullCredit')}</li>
        {CREDITS.map(([what, licence]) => (
          <li key={what}>
            {what} — {licence}
          </li>
        ))}
      </ul>
    </details>
  );
}
