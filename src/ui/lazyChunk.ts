// The one recovery path for every lazily loaded chunk (modes, languages, pen, consult panel, cutaway, 2D
// drawings, camera drift, embed API). A chunk can fail to load: a network blip, or an old tab after a
// redeploy whose chunk files are gone (404) or answered with the new index.html (HTML, not JavaScript).
// - loadChunk: try once more at once (a blip), then give up with a ChunkLoadError and tell the app, which
//   offers "A newer version of this page is available — Reload" (the URL keeps the deep link).
// - lazyChunk: React.lazy keeps a failed load forever; this one forgets it on retryFailedChunks(), so "Try
//   again" (or a feature asked for again) really requests the chunk again.
// - chunkLoader + useChunk: the same for optional features inside the 3D canvas (pen, camera drift), without
//   throwing: missing, they render nothing and the face stays.
// - FeatureBoundary: an optional feature that fails (its chunk, or its own render) renders nothing and leaves
//   the rest (the face) alone.
import { Component, createElement, lazy, useEffect, useState, type ComponentType, type ReactNode } from 'react';

/** A chunk that failed to load twice in a row. `chunk` names the feature (for the console, not for users). */
export class ChunkLoadError extends Error {
  override readonly name = 'ChunkLoadError';
  constructor(
    readonly chunk: string,
    options?: { cause?: unknown },
  ) {
    super(`the ${chunk} code could not be loaded (a newer version of the page may have replaced it)`, options);
  }
}

type FailureListener = (error: ChunkLoadError) => void;
const listeners = new Set<FailureListener>();
/** Failures seen before anyone listened (a language chunk during boot): replayed to the first listener. */
const missed: ChunkLoadError[] = [];

/** Hear about every chunk that failed for good. Returns the unsubscribe function. */
export function onChunkFailure(listener: FailureListener): () => void {
  listeners.add(listener);
  for (const error of missed.splice(0)) listener(error);
  return () => listeners.delete(listener);
}

function report(error: ChunkLoadError) {
  console.warn('[lift]', error.message, error.cause instanceof Error ? error.cause.message : '');
  if (listeners.size === 0) missed.push(error);
  for (const listener of listeners) listener(error);
}

/**
 * Load a chunk through `load` (a function calling `import()`), trying a second time at once if the first
 * attempt fails. Resolves with the module; rejects with a ChunkLoadError (reported to onChunkFailure
 * listeners) when both attempts fail. Never caches: every call requests again.
 */
export async function loadChunk<T>(chunk: string, load: () => Promise<T>): Promise<T> {
  try {
    return await load();
  } catch {
    try {
      return await load();
    } catch (cause) {
      const error = new ChunkLoadError(chunk, { cause });
      report(error);
      throw error;
    }
  }
}

/** Lazy components whose load failed, each with the function that gives it a fresh start. */
const failedLazies = new Set<() => void>();

/**
 * Forget every failed lazy load, so the next render requests those chunks again. Called by the boundaries'
 * "Try again" (and by a feature boundary when its feature is asked for again), never during rendering: React
 * renders a failed tree a second time before showing its boundary, and a fresh request there would loop.
 */
export function retryFailedChunks(): void {
  for (const restart of [...failedLazies]) restart();
  failedLazies.clear();
}

/**
 * React.lazy over loadChunk that does not keep a failure forever: after retryFailedChunks() the next render
 * starts a new request. Use inside a boundary (ErrorBoundary for a mode, FeatureBoundary for an optional
 * feature, the viewer's own for the 2D drawings), whose "Try again" calls retryFailedChunks().
 */
export function lazyChunk<P extends object>(chunk: string, load: () => Promise<ComponentType<P>>): ComponentType<P> {
  const fresh = () =>
    lazy(() =>
      loadChunk(chunk, load).then(
        (component) => ({ default: component }),
        (error: unknown) => {
          failedLazies.add(restart);
          throw error;
        },
      ),
    );
  const restart = () => {
    current = fresh();
  };
  let current = fresh();
  function LazyChunk(props: P) {
    return createElement(current as ComponentType<P>, props);
  }
  LazyChunk.displayName = `LazyChunk(${chunk})`;
  return LazyChunk;
}

/** A chunk loaded on demand by a hook (useChunk), its value kept once it has arrived. */
export interface ChunkLoader<T> {
  readonly chunk: string;
  /** The loaded value, once a load has succeeded. */
  loaded: T | undefined;
  /** Load (through loadChunk: one retry, then reported); resolves with the value and keeps it. */
  load(): Promise<T>;
}

export function chunkLoader<T>(chunk: string, load: () => Promise<T>): ChunkLoader<T> {
  const loader: ChunkLoader<T> = {
    chunk,
    loaded: undefined,
    load: () =>
      loadChunk(chunk, load).then((value) => {
        loader.loaded = value;
        return value;
      }),
  };
  return loader;
}

/**
 * The value of an optional chunk, or undefined while it loads or after it failed; never throws, so it suits
 * the inside of a 3D canvas, whose renderer reports every error a boundary catches as an uncaught one (and
 * the kiosk reloads on those). A change of `retryKey` after a failure requests the chunk again. Nothing is requested
 * while `wanted` is false (a feature this page does not offer).
 */
export function useChunk<T>(loader: ChunkLoader<T>, retryKey?: unknown, wanted = true): T | undefined {
  const [value, setValue] = useState<T | undefined>(() => loader.loaded);
  useEffect(() => {
    if (value !== undefined || !wanted) return undefined;
    let live = true;
    loader.load().then(
      (v) => {
        if (live) setValue(() => v);
      },
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, [loader, retryKey, value, wanted]);
  return value ?? loader.loaded;
}

interface FeatureBoundaryProps {
  readonly children: ReactNode;
  /** Shown instead of the feature while it has failed (default: nothing). */
  readonly fallback?: ReactNode;
  /** A change of this value tries the feature again (for example the pen being switched on again). */
  readonly resetKey?: unknown;
}

/**
 * Contains an optional feature's failure (its chunk missing, or its own render error) to that feature:
 * the fallback (default nothing) shows instead and the rest of the page, the face included, carries on.
 * Chunk failures are already reported by loadChunk; other errors are logged here.
 */
export class FeatureBoundary extends Component<FeatureBoundaryProps, { failed: boolean; key: unknown }> {
  override state = { failed: false, key: this.props.resetKey };
  static getDerivedStateFromError() {
    return { failed: true };
  }
  static getDerivedStateFromProps(props: FeatureBoundaryProps, state: { failed: boolean; key: unknown }) {
    if (props.resetKey === state.key) return null;
    // Asked for again after a failure: request the missing code again.
    if (state.failed) retryFailedChunks();
    return { failed: false, key: props.resetKey };
  }
  override componentDidCatch(error: Error) {
    if (!(error instanceof ChunkLoadError)) console.warn('[lift] an optional feature failed:', error.message);
  }
  override render() {
    return this.state.failed ? (this.props.fallback ?? null) : this.props.children;
  }
}
