// The boot guard: a tiny classic script (not a module) that the build writes next to index.html as
// boot-guard.js (vite.config.ts, from this function's source and the strings of src/i18n/update.ts). A classic
// script from the page's own directory loads where the app's module scripts cannot:
// - in an iframe sandboxed without allow-same-origin the document's origin is opaque ("null"): module scripts
//   are CORS requests, which a plain static server refuses, so the app never starts;
// - when the entry module itself cannot be loaded (an old cached index.html after a redeploy).
// Either way the poster would stay blank forever; the guard replaces it with a short, readable message.
// It must stay self-contained (no imports, no closures): it is serialised with Function.prototype.toString.

/** Message texts per language (ko, en, zh, ja), from src/i18n/update.ts. */
export interface BootGuardText {
  readonly sandbox: Readonly<Record<string, string>>;
  readonly update: Readonly<Record<string, { readonly available: string; readonly reload: string }>>;
}

/** Runs in the page (deferred, before the app's module script). Returns nothing; changes the DOM only. */
export function bootGuard(text: BootGuardText): void {
  const pick = (): string => {
    const asked = new URLSearchParams(location.search).get('lang');
    const wanted = [asked ?? '', ...(navigator.languages ?? [])].map((t) => t.toLowerCase().split('-')[0] ?? '');
    return wanted.find((l) => l in text.sandbox) ?? 'en';
  };
  // Styles through the CSSOM: the sandboxed page gets no stylesheet (also a CORS request) and the Content
  // Security Policy allows no inline style.
  const show = (message: string, reload?: string) => {
    const root = document.getElementById('root');
    if (!root || root.dataset.guard) return;
    root.dataset.guard = 'shown';
    const lang = pick();
    const box = document.createElement('div');
    box.setAttribute('role', 'alert');
    box.className = 'boot-guard';
    box.lang = lang === 'zh' ? 'zh-Hans' : lang;
    Object.assign(box.style, { maxWidth: '34rem', margin: '2rem auto', padding: '1rem 1.25rem', font: '16px/1.5 system-ui, sans-serif', color: '#1d2a33', background: '#fff8e1', border: '1px solid #e0c36a', borderRadius: '8px' });
    const p = document.createElement('p');
    p.style.margin = '0';
    p.textContent = message;
    box.append(p);
    if (reload) {
      const button = document.createElement('button');
      button.type = 'button';
      button.textContent = reload;
      Object.assign(button.style, { marginTop: '0.75rem', font: 'inherit', padding: '0.4rem 1rem' });
      button.addEventListener('click', () => location.reload());
      box.append(button);
    }
    root.replaceChildren(box);
  };

  // An opaque origin: a frame sandboxed without allow-same-origin (or a data:/srcdoc copy of the page).
  if (self.origin === 'null') {
    show(text.sandbox[pick()] ?? text.sandbox.en ?? '');
    return;
  }
  // The app's entry module failed to load: its files are gone (a redeploy) or the network is.
  window.addEventListener(
    'error',
    (e) => {
      const el = e.target;
      if (el instanceof HTMLScriptElement && el.type === 'module') {
        const t = text.update[pick()] ?? text.update.en;
        if (t) show(t.available, t.reload);
      }
    },
    true,
  );
}
