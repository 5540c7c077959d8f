// The embed API of the web mode (`&embed=1` inside a clinic's page): a tiny postMessage protocol.
// Outgoing: {type:'ready'} once the head is drawn, {type:'techniquechange', technique} on every change.
// Incoming: {type:'settechnique', technique}. Only origins listed in config.embedOrigins are trusted,
// and messages are only ever posted to those origins (never '*'). Pure: no DOM.
import { isOneOf, TECHNIQUES, type TechniqueId } from '../ids.ts';

export type OutgoingEmbedMessage = { readonly type: 'ready' } | { readonly type: 'techniquechange'; readonly technique: TechniqueId };
export type IncomingEmbedMessage = { readonly type: 'settechnique'; readonly technique: TechniqueId };

/** Exact origin match against the allow-list (scheme, host and port; case-insensitive host). */
export function isAllowedOrigin(origin: unknown, allowed: readonly string[]): boolean {
  if (typeof origin !== 'string' || origin === '' || origin === 'null') return false;
  const o = origin.toLowerCase();
  return allowed.some((a) => a.toLowerCase() === o);
}

/**
 * Validate an incoming message event's origin and data. Returns the message, or null when it is not
 * ours, comes from an origin not on the list, or is malformed (unknown type, unknown technique, extra junk
 * is ignored). Never throws, even on hostile getters.
 */
export function parseIncomingMessage(origin: unknown, data: unknown, allowed: readonly string[]): IncomingEmbedMessage | null {
  if (!isAllowedOrigin(origin, allowed)) return null;
  try {
    if (typeof data !== 'object' || data === null || Array.isArray(data)) return null;
    const record = data as Record<string, unknown>;
    if (record['type'] !== 'settechnique') return null;
    const technique = record['technique'];
    if (!isOneOf(TECHNIQUES, technique)) return null;
    return { type: 'settechnique', technique };
  } catch {
    return null;
  }
}

/** The outgoing messages as plain, structured-clone-safe objects. */
export const readyMessage = (): OutgoingEmbedMessage => ({ type: 'ready' });
export const techniqueChangeMessage = (technique: TechniqueId): OutgoingEmbedMessage => ({ type: 'techniquechange', technique });

/**
 * Where to post. When the parent's origin is known (location.ancestorOrigins in Chromium and Safari), only
 * to it, and only if it is allowed; otherwise to each allowed origin (a target origin that does not match
 * the parent is dropped by the browser). Never '*'.
 */
export function postTargets(allowed: readonly string[], parentOrigin?: string | null): readonly string[] {
  if (typeof parentOrigin === 'string' && parentOrigin !== '') {
    return isAllowedOrigin(parentOrigin, allowed) ? [parentOrigin] : [];
  }
  return [...new Set(allowed.filter((a) => a !== '*' && isAllowedOrigin(a, allowed)))];
}
