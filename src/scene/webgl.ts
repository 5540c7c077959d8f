// What the browser's graphics can do, decided once before any 3D code or model is loaded.

/**
 * `webgl2`: three.js can render (it dropped WebGL 1 in r163). `webgl1`: only WebGL 1 (older iPads and iPhones,
 * some virtual or locked-down machines, Chromium with --disable-webgl2). `none`: no WebGL at all.
 */
export type GraphicsSupport = 'webgl2' | 'webgl1' | 'none';

let cachedSupport: GraphicsSupport | undefined;

/** Try one context type on a fresh canvas (a canvas keeps the first type it hands out) and free it at once. */
function probe(type: 'webgl2' | 'webgl'): boolean {
  try {
    const gl = document.createElement('canvas').getContext(type) as WebGLRenderingContext | null;
    if (!gl) return false;
    (gl.getExtension('WEBGL_lose_context') as { loseContext?: () => void } | null)?.loseContext?.();
    return true;
  } catch {
    return false;
  }
}

/** This browser's WebGL level (checked once per page, before mounting a canvas). */
export function graphicsSupport(): GraphicsSupport {
  cachedSupport ??= probe('webgl2') ? 'webgl2' : probe('webgl') ? 'webgl1' : 'none';
  return cachedSupport;
}

/** Why the 3D face gives way to the 2D illustration; each has a one-line explanation in every language (src/ui/fallbackStrings.ts). */
export type FallbackReason = 'no-webgl' | 'no-webgl2' | 'no-wasm' | 'gpu-lost';

/** Seconds a lost GPU context may take to come back before the renderer is rebuilt on a new canvas. Design choice. */
export const CONTEXT_RESTORE_WAIT_MS = 5000;

/** Renderer rebuilds tried after a lost context that never came back, before the 2D illustration. Design choice. */
export const MAX_RENDERER_REBUILDS = 1;
