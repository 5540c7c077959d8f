// The messages every language needs before (or without) its own strings: an old page whose lazily loaded
// parts are gone after a redeploy (src/ui/lazyChunk.ts), and a frame sandbox that stops the app from loading
// at all (src/bootGuard.ts, a classic script built from this table). Kept in this small module, bundled with
// the app's entry, so boot can show them before any language chunk has arrived; the language tables reuse
// UPDATE_TEXT.
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

/**
 * Said by the boot guard when the page runs in a sandboxed frame without `allow-same-origin` (an opaque
 * origin: every module script, the config and the model are refused). Names the tokens the host must add.
 */
export const SANDBOX_TEXT: Readonly<Record<Language, string>> = {
  en: 'This visualizer cannot run in this frame. The website that embeds it must allow it with: sandbox="allow-scripts allow-same-origin".',
  ko: '이 시각화 도구는 이 프레임에서 실행할 수 없습니다. 삽입한 웹사이트에서 다음과 같이 허용해야 합니다: sandbox="allow-scripts allow-same-origin".',
  zh: '此可视化工具无法在此框架中运行。嵌入它的网站必须这样允许：sandbox="allow-scripts allow-same-origin"。',
  ja: 'このビジュアライザーはこのフレーム内では動作できません。埋め込んでいるウェブサイトで次のように許可する必要があります：sandbox="allow-scripts allow-same-origin"。',
};
