// Waits until every canvas wrapper on the page reports data-ready="true" (the deep-link contract's signal
// that the head has been drawn). Shared by the screenshots, the budgets and the browser benchmark.
export function waitForHeadReady(page, timeout = 180_000, polling = 250) {
  return page.waitForFunction(
    () => {
      const all = [...document.querySelectorAll('[role="img"][data-ready]')];
      return all.length > 0 && all.every((e) => e.getAttribute('data-ready') === 'true');
    },
    undefined,
    { timeout, polling },
  );
}

/** Frames drawn so far by every renderer on the page (window.__lift, src/scene/diagnostics.ts). */
export function framesDrawn(page) {
  return page.evaluate(() => (window.__lift?.stats() ?? []).reduce((n, s) => n + s.frames, 0));
}

/**
 * Wait until the page stops drawing: `quietFrames` animation frames in a row, spanning at least `quietMs`, with
 * no frame rendered (the canvases render on demand, so camera flights, the cutaway's peel and deferred engine
 * work end in quiet). Counted in the page's own animation frames: a page starved of CPU on a busy machine gets
 * no animation frames either, so it is not mistaken for a quiet one. Resolves true when quiet, false when the
 * page was still drawing after `timeout` ms (a scene that never rests, e.g. the kiosk's camera drift).
 */
export async function waitForQuietFrames(page, { quietMs = 500, quietFrames = 10, timeout = 30_000 } = {}) {
  const state = () => {
    const frames = (window.__lift?.stats() ?? []).reduce((n, s) => n + s.frames, 0);
    window.__quiet = { frames, ticks: 0, since: performance.now() };
  };
  await page.evaluate(state);
  try {
    await page.waitForFunction(
      ({ ms, n }) => {
        const q = window.__quiet;
        const frames = (window.__lift?.stats() ?? []).reduce((m, s) => m + s.frames, 0);
        if (frames !== q.frames) {
          Object.assign(q, { frames, ticks: 0, since: performance.now() });
          return false;
        }
        q.ticks++;
        return q.ticks >= n && performance.now() - q.since >= ms;
      },
      { ms: quietMs, n: quietFrames },
      { polling: 'raf', timeout },
    );
    return true;
  } catch (error) {
    if (error?.name === 'TimeoutError') return false;
    throw error;
  }
}
