// Read-only counters for budgets, soak tests and the surgeon's "is it slow?" question: every live
// renderer's frame count, draw calls, triangles and GPU resources. Exposed as `window.__lift`.
import type { WebGLRenderer } from 'three';

export interface RendererStats {
  frames: number;
  calls: number;
  triangles: number;
  geometries: number;
  textures: number;
  programs: number;
}

const renderers = new Set<WebGLRenderer>();

export function registerRenderer(gl: WebGLRenderer): () => void {
  renderers.add(gl);
  return () => {
    renderers.delete(gl);
  };
}

export function rendererStats(): RendererStats[] {
  return [...renderers].map((gl) => ({
    // info.render.frame counts render() calls and, unlike calls/triangles, is never reset.
    frames: gl.info.render.frame,
    calls: gl.info.render.calls,
    triangles: gl.info.render.triangles,
    geometries: gl.info.memory.geometries,
    textures: gl.info.memory.textures,
    programs: gl.info.programs?.length ?? 0,
  }));
}

declare global {
  interface Window {
    __lift?: { stats: () => RendererStats[] };
  }
}
if (typeof window !== 'undefined') window.__lift = { stats: rendererStats };
