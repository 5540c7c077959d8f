import { createRoot } from 'react-dom/client';
import { boot } from './boot.ts';
import { App } from './App.tsx';
// Settles the model decoder's WebAssembly start-up in the page's first evaluation (see the module).
import './scene/decoder.ts';
import { LANGUAGES, type Language } from './core/ids.ts';
import { HTML_LANG } from './i18n/index.ts';
import { UPDATE_TEXT } from './i18n/update.ts';

/**
 * Boot could not finish: its language chunk is gone (an old page after a redeploy) even after a second try.
 * No strings are loaded, so the message comes from the small table bundled with the entry, in the visitor's
 * language when it is one of ours; Reload keeps the address (the deep link).
 */
function showBootFailure(container: HTMLElement) {
  const base = (navigator.languages ?? []).map((t) => t.toLowerCase().split('-')[0]);
  const lang: Language = LANGUAGES.find((l) => base.includes(l)) ?? 'en';
  const text = UPDATE_TEXT[lang];
  const box = document.createElement('div');
  box.className = 'error-screen';
  box.setAttribute('role', 'alert');
  box.lang = HTML_LANG[lang];
  const message = document.createElement('p');
  message.textContent = text.available;
  const button = document.createElement('button');
  button.type = 'button';
  button.textContent = text.reload;
  button.addEventListener('click', () => location.reload());
  box.append(message, button);
  container.replaceChildren(box);
}

const container = document.getElementById('root');
if (container) {
  boot(window).then(
    (ctx) => createRoot(container).render(<App ctx={ctx} />),
    (error: unknown) => {
      console.warn('[lift] the app could not start:', error instanceof Error ? error.message : error);
      showBootFailure(container);
    },
  );
}
