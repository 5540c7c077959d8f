// The one message every language needs even when its own strings could not be loaded: an old page whose
// lazily loaded parts are gone after a redeploy (src/ui/lazyChunk.ts). Kept in this small module, bundled with
// the app's entry, so boot can show it before any language chunk has arrived; the language tables reuse it.
import type { Language } from '../core/ids.ts';

export interface UpdateText {
  /** Said when a part of the page could not be loaded twice in a row. */
  readonly available: string;
  /** The action: reload this page at the same address (the deep link keeps the state). */
  readonly reload: string;
}

export const UPDATE_TEXT: Readonly<Record<Language, UpdateText>> = {
  en: { available: 'A newer version of this page is available.', reload: 'Reload' },
  ko: { available: '이 페이지의 새 버전이 있습니다.', reload: '새로고침' },
  zh: { available: '此页面有新版本。', reload: '重新加载' },
  ja: { available: 'このページの新しいバージョンがあります。', reload: '再読み込み' },
};
