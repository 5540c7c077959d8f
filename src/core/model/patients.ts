// Each patient's model file name under public/models/ (the page loads models/<file>, the Node tools read
// public/models/<file>). One list, so the app, the build, the report and the tests agree on the names.
import type { PatientId } from '../ids.ts';

/**
 * The default patient keeps the historic name `head.glb` (web and kiosk load only it, and the service worker
 * precaches only it); the man, built from her by a displacement field (scripts/model/male.ts), is `head-male.glb`.
 */
export const HEAD_FILES: Readonly<Record<PatientId, string>> = { female: 'head.glb', male: 'head-male.glb' };
