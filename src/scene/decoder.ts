// Whether three's meshopt decoder can work here. Imported by the entry (main.tsx): the decoder starts
// instantiating its WebAssembly when its chunk is evaluated, which is at page start, and a refusal (a CSP without
// 'wasm-unsafe-eval', as Safari < 16 reads ours) must be handled in that same evaluation or the browser reports
// it as an uncaught error.
import { MeshoptDecoder } from 'three/examples/jsm/libs/meshopt_decoder.module.js';

/** Whether the decoder's WebAssembly could be instantiated, settled once into true or false (never rejects). */
export const decoderWorks: Promise<boolean> =
  MeshoptDecoder.supported === false || !(MeshoptDecoder.ready as Promise<void> | undefined)
    ? Promise.resolve(false)
    : MeshoptDecoder.ready.then(
        () => true,
        () => false,
      );
