import type { AppConfig } from '../../core/config/schema.ts';
import {
  parseIncomingMessage,
  postTargets,
  readyMessage,
  techniqueChangeMessage,
  type OutgoingEmbedMessage,
} from '../../core/embed/messages.ts';
import type { AppStore } from '../../state/store.ts';

/**
 * The embed API when the page runs inside a frame: tell the parent when the head is drawn and when the
 * technique changes; accept "settechnique" from the configured origins only. Messages go to those origins
 * only (a target origin that does not match the parent is dropped by the browser), never to '*'.
 * Loaded by useEmbedApi only inside a frame of a configured site. Returns the cleanup.
 */
export function startEmbedApi(store: AppStore, config: AppConfig): () => void {
  const parent = window.parent;
  // The parent's origin where the browser tells it: post to it alone (no console noise about mismatches).
  const parentOrigin = window.location.ancestorOrigins?.[0] ?? null;
  const targets = postTargets(config.embedOrigins, parentOrigin);
  const post = (message: OutgoingEmbedMessage) => {
    for (const origin of targets) {
      try {
        parent.postMessage(message, origin);
      } catch {
        // A malformed origin cannot reach here (validated config), but never let the embed API throw.
      }
    }
  };

  let readySent = false;
  const checkReady = () => {
    if (readySent) return;
    if (document.querySelector('[role="img"][data-ready="true"]')) {
      readySent = true;
      observer.disconnect();
      post(readyMessage());
    }
  };
  const observer = new MutationObserver(checkReady);
  observer.observe(document.body, {
    subtree: true,
    attributes: true,
    attributeFilter: ['data-ready'],
    childList: true,
  });
  checkReady();

  const unsubscribe = store.subscribe((s, prev) => {
    if (s.technique !== prev.technique) post(techniqueChangeMessage(s.technique));
  });
  const onMessage = (event: MessageEvent) => {
    if (event.source !== parent) return;
    const message = parseIncomingMessage(event.origin, event.data, config.embedOrigins);
    if (message) store.getState().setTechnique(message.technique);
  };
  window.addEventListener('message', onMessage);
  return () => {
    observer.disconnect();
    unsubscribe();
    window.removeEventListener('message', onMessage);
  };
}
