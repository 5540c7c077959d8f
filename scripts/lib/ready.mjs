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
