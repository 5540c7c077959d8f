// "The head has been drawn" (the canvas wrapper's data-ready, Viewer.tsx) means the DEFORMED head: the tissue
// engine's model arrives asynchronously (scene/tissueModel.ts), so the undeformed head paints first and parts of
// the scene that still have to move it hold the report back until their first result is on the geometry.
import { createContext, useCallback, useContext, useLayoutEffect, useRef } from 'react';

/** Holds the stage's first "drawn" report while anything still has to change the picture. */
export interface ReadyGate {
  /** Holds until the returned function is called (calling it again does nothing). */
  hold(): () => void;
  /** Something still holds. */
  readonly held: boolean;
}

/** A gate: its `held` is true while any hold is out. */
export function createReadyGate(): ReadyGate {
  let holds = 0;
  return {
    hold() {
      holds++;
      let released = false;
      return () => {
        if (released) return;
        released = true;
        holds--;
      };
    },
    get held() {
      return holds > 0;
    },
  };
}

/** The stage's gate (provided inside the canvas by Viewer.tsx); null outside a viewer (tests, thumbnails). */
export const ReadyGateContext = createContext<ReadyGate | null>(null);

/**
 * Holds the stage's readiness from before its first frame until the returned `release` is called (or the
 * component leaves, or `key` changes and a new hold starts). Call `release` right after the first result has
 * been written to the geometry (and a frame invalidated).
 */
export function useReadyHold(key: unknown): () => void {
  const gate = useContext(ReadyGateContext);
  const release = useRef<() => void>(() => {});
  useLayoutEffect(() => {
    if (!gate) return;
    const r = gate.hold();
    release.current = r;
    return r;
  }, [gate, key]);
  return useCallback(() => release.current(), []);
}
