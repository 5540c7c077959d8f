// The face-landmark runtime the build serves (scripts/face-model.mjs): made eval-free for the CSP, and able to take
// images in a Worker; a package whose text no longer matches stops the build instead of shipping a broken runtime.
import { describe, expect, it } from 'vitest';
// @ts-expect-error plain ESM build helper
import { evalFreeGlue, faceMeshFiles, workerReadySolution } from '../../../scripts/face-model.mjs';

type Files = [string, Uint8Array][];

describe('face model files', () => {
  const files = new Map((faceMeshFiles() as Files).map(([path, bytes]) => [path, Buffer.from(bytes).toString('latin1')]));

  it('serves the runtime, the graph and the packed networks under facemodel/', () => {
    for (const name of ['face_mesh.js', 'face_mesh.binarypb', 'face_mesh_solution_packed_assets.data', 'face_mesh_solution_simd_wasm_bin.wasm'])
      expect(files.has(`facemodel/${name}`)).toBe(true);
  });

  it('builds no function from text in the WebAssembly glue (the CSP has no unsafe-eval)', () => {
    for (const name of ['face_mesh_solution_simd_wasm_bin.js', 'face_mesh_solution_wasm_bin.js']) {
      const glue = files.get(`facemodel/${name}`)!;
      expect(glue).not.toMatch(/new Function/);
      expect(glue).toContain('function craftInvokerFunction(');
    }
  });

  it('keeps the WebGL context the solution creates in a Worker, and refuses a package it does not recognise', () => {
    expect(files.get('facemodel/face_mesh.js')).toContain('a.h.GL.makeContextCurrent(g);a.J=a.h.ctx;');
    expect(() => workerReadySolution('var x = 1;')).toThrow(/worker branch/);
    expect(() => evalFreeGlue('var x = 1;')).toThrow(/not found exactly once/);
  });
});
