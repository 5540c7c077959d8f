// A lean stand-in for R3F's <Canvas>: the stock component registers the whole THREE namespace
// (extend(THREE)), which defeats tree-shaking and costs ~57 kB gzip on the patient's phone. This one
// registers only the elements our scene uses, and otherwise does what <Canvas> does: size tracking,
// pointer events, a render root, and errors rethrown into the DOM tree's error boundaries.
import { Component, useEffect, useLayoutEffect, useReducer, useRef, useState, type ReactNode } from 'react';
import { createRoot, events as createPointerEvents, extend, type ReconcilerRoot, type RenderProps } from '@react-three/fiber';
import { AmbientLight, Color, DirectionalLight, Group, HemisphereLight, Mesh } from 'three';

extend({ AmbientLight, Color, DirectionalLight, Group, HemisphereLight, Mesh });

class RootBoundary extends Component<{ onError: (e: Error) => void; children: ReactNode }, { failed: boolean }> {
  override state = { failed: false };
  static getDerivedStateFromError() {
    return { failed: true };
  }
  override componentDidCatch(error: Error) {
    this.props.onError(error);
  }
  override render() {
    return this.state.failed ? null : this.props.children;
  }
}

export type LiteCanvasProps = Pick<RenderProps<HTMLCanvasElement>, 'camera' | 'gl' | 'frameloop' | 'dpr' | 'onCreated'> & {
  readonly children: ReactNode;
  /**
   * The renderer could not be created (no WebGL context to be had). Without this handler the error is thrown
   * into the DOM tree's error boundaries like any other.
   */
  readonly onRendererError?: (error: Error) => void;
};

export function LiteCanvas({ children, camera, gl, frameloop, dpr, onCreated, onRendererError }: LiteCanvasProps) {
  const divRef = useRef<HTMLDivElement>(null);
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const root = useRef<ReconcilerRoot<HTMLCanvasElement> | null>(null);
  const [size, setSize] = useState({ width: 0, height: 0, top: 0, left: 0 });
  const [error, setError] = useState<Error | null>(null);
  const [, rerender] = useReducer((n: number) => n + 1, 0);
  // A renderer that cannot be created goes to its own handler when there is one (configure() and its ready
  // promise may both report it: the handler must take being called twice).
  const rendererFailed = onRendererError ?? setError;
  if (error) throw error;

  useLayoutEffect(() => {
    const div = divRef.current!;
    // Only the drawing-buffer size matters: every setSize reallocates the buffer (seconds under software
    // WebGL), so a page-layout shift that moves the canvas without resizing it must not trigger one. Pointer
    // events use offsets relative to the canvas, so top/left stay 0.
    const measure = () => {
      const r = div.getBoundingClientRect();
      const width = Math.round(r.width);
      const height = Math.round(r.height);
      setSize((s) => (s.width === width && s.height === height ? s : { width, height, top: 0, left: 0 }));
    };
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(div);
    return () => observer.disconnect();
  }, []);

  useLayoutEffect(() => {
    const canvas = canvasRef.current;
    if (!canvas || size.width === 0 || size.height === 0) return;
    root.current ??= createRoot(canvas);
    const r = root.current;
    r.configure({
      events: createPointerEvents,
      size,
      ...(camera !== undefined ? { camera } : {}),
      ...(gl !== undefined ? { gl } : {}),
      ...(frameloop !== undefined ? { frameloop } : {}),
      ...(dpr !== undefined ? { dpr } : {}),
      onCreated: (state) => {
        state.events.connect?.(divRef.current!);
        onCreated?.(state);
      },
    }).catch(rendererFailed);
    const ready = (r as unknown as { ready: { status: string } & PromiseLike<unknown> }).ready;
    if (ready.status === 'fulfilled') r.render(<RootBoundary onError={setError}>{children}</RootBoundary>);
    else if (ready.status === 'pending') ready.then(rerender, rendererFailed);
  }, [size, camera, gl, frameloop, dpr, children, onCreated, rendererFailed]);

  useEffect(
    () => () => {
      root.current?.unmount();
      root.current = null;
    },
    [],
  );

  return (
    // Absolutely filling its (positioned) parent: the canvas must take its size from the layout and never
    // feed it back — an in-flow canvas grew the page a few pixels per resize, forever.
    <div ref={divRef} style={{ position: 'absolute', inset: 0, overflow: 'hidden' }}>
      <canvas ref={canvasRef} style={{ display: 'block', width: '100%', height: '100%' }} />
    </div>
  );
}
