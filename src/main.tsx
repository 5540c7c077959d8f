import { createRoot } from 'react-dom/client';
import { boot } from './boot.ts';
import { App } from './App.tsx';

const container = document.getElementById('root');
if (container) {
  void boot(window).then((ctx) => {
    createRoot(container).render(<App ctx={ctx} />);
  });
}
