// three's meshopt decoder, as the model reader uses it, with its WebAssembly failure made a plain answer.
// Imported by the entry (main.tsx): the decoder starts instantiating its WebAssembly when its chunk is evaluated,
// which is at page start, and a refusal (a CSP without 'wasm-unsafe-eval', as Safari < 16 reads ours) must be
// handled in that same evaluation or the browser reports it as an uncaught error.
import { MeshoptDecoder } from 'three/examples/jsm/libs/meshopt_decoder.module.js';

/** The meshopt decoder could not be instantiated (WebAssembly missing or refused). */
export class DecoderUnavailableError extends Error {}

/** Whether the decoder's WebAssembly could be instantiated, settled once into true or false (never rejects). */
export const decoderWorks: Promise<boolean> =
  MeshoptDecoder.supported === false || !(MeshoptDecoder.ready as Promise<void> | undefined)
    ? Promise.resolve(false)
    : MeshoptDecoder.ready.then(
        () => true,
        () => false,
      );

/** The decoder as readGlb sees it: `ready` rejects with DecoderUnavailableError when it cannot work. */
export const decoder = {
  get ready(): Promise<void> {
    return decoderWorks.then((ok) => {
      if (!ok) throw new DecoderUnavailableError('WebAssembly cannot be instantiated');
    });
  },
  decodeGltfBuffer: (...args: Parameters<typeof MeshoptDecoder.decodeGltfBuffer>) => MeshoptDecoder.decodeGltfBuffer(...args),
};
