/** Whether this browser can create a WebGL context at all (checked once, before mounting a canvas). */
let cachedSupport: boolean | undefined;
export function hasWebGL(): boolean {
  if (cachedSupport !== undefined) return cachedSupport;
  try {
    const canvas = document.createElement('canvas');
    const gl = canvas.getContext('webgl2') ?? canvas.getContext('webgl');
    cachedSupport = gl !== null;
    (gl?.getExtension('WEBGL_lose_context') as { loseContext?: () => void } | null)?.loseContext?.();
  } catch {
    cachedSupport = false;
  }
  return cachedSupport;
}
