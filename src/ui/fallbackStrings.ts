// The 2D illustration's one-line reasons, added to the translator when its chunk loads (only browsers that need the
// drawing download these strings). The type makes every language give every reason.
import type { Language } from '../core/ids.ts';
import type { FallbackReason } from '../scene/webgl.ts';

export const FALLBACK_STRINGS: Record<Language, Record<FallbackReason, string>> = {
  en: {
    'no-webgl': 'This device cannot show 3D graphics, so drawings are shown instead.',
    'no-webgl2': 'This browser does not support WebGL 2, which the 3D face needs, so drawings are shown instead.',
    'no-wasm': 'This browser blocks the decoder the 3D model needs (WebAssembly), so drawings are shown instead.',
    'gpu-lost': 'The graphics stopped working on this device, so drawings are shown instead.',
  },
  ko: {
    'no-webgl': '이 기기에서는 3D 그래픽을 표시할 수 없어 그림으로 보여 드립니다.',
    'no-webgl2': '이 브라우저는 3D 얼굴에 필요한 WebGL 2를 지원하지 않아 그림으로 보여 드립니다.',
    'no-wasm': '이 브라우저가 3D 모델에 필요한 디코더(WebAssembly)를 차단하여 그림으로 보여 드립니다.',
    'gpu-lost': '이 기기에서 그래픽이 작동을 멈추어 그림으로 보여 드립니다.',
  },
  zh: {
    'no-webgl': '此设备无法显示 3D 图形，改为显示示意图。',
    'no-webgl2': '此浏览器不支持 3D 面部所需的 WebGL 2，改为显示示意图。',
    'no-wasm': '此浏览器阻止了 3D 模型所需的解码器（WebAssembly），改为显示示意图。',
    'gpu-lost': '此设备上的图形已停止工作，改为显示示意图。',
  },
  ja: {
    'no-webgl': 'この端末では 3D を表示できないため、図で表示します。',
    'no-webgl2': 'このブラウザーは 3D の顔に必要な WebGL 2 に対応していないため、図で表示します。',
    'no-wasm': 'このブラウザーは 3D モデルに必要なデコーダー（WebAssembly）をブロックしているため、図で表示します。',
    'gpu-lost': 'この端末でグラフィックが停止したため、図で表示します。',
  },
};
