import { createRoot } from 'react-dom/client';
import { boot } from './boot.ts';
import { App } from './App.tsx';
// Settles the model decoder's WebAssembly start-up in the page's first evaluation (see the module).
import './scene/decoder.ts';

const container = document.getElementById('root');
if (container) {
  void boot(window).then((ctx) => {
    createRoot(container).render(<App ctx={ctx} />);
  });
}
