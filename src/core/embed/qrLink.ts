// The link behind the kiosk's QR code: the web mode at the clinic's qrBaseUrl with the visitor's current
// technique and language, so the phone continues where the lobby screen was. Pure: no DOM.
import type { Language, TechniqueId } from '../ids.ts';

/**
 * `base` is config.qrBaseUrl (an https:// URL or a path on this site); a path is resolved against
 * `pageOrigin` (phones need an absolute URL). Existing query parameters of the base are kept, ours win.
 */
export function qrTargetUrl(base: string, pageOrigin: string, technique: TechniqueId, lang: Language): string {
  let url: URL;
  try {
    url = new URL(base, pageOrigin);
  } catch {
    url = new URL('/', pageOrigin);
  }
  url.hash = '';
  url.searchParams.set('mode', 'web');
  url.searchParams.set('technique', technique);
  url.searchParams.set('lang', lang);
  return url.toString();
}
