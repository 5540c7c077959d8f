// axe-core in the page (injected from node_modules, no network): serious and critical violations only.
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';

let axeSource: string | undefined;

export interface AxeFinding {
  readonly id: string;
  readonly impact: string | null;
  readonly help: string;
  readonly targets: string[];
}

export async function seriousAxeViolations(page: Page): Promise<AxeFinding[]> {
  // The app's CSP (script-src 'self') blocks an inline <script> (page.addScriptTag), so evaluate the
  // library through the DevTools protocol instead, which the page's CSP does not govern.
  if (!(await page.evaluate(() => 'axe' in window))) {
    axeSource ??= readFileSync('node_modules/axe-core/axe.min.js', 'utf8');
    await page.evaluate(axeSource);
  }
  return page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (ctx: unknown, opts: unknown) => Promise<{ violations: { id: string; impact: string | null; help: string; nodes: { target: string[] }[] }[] }> } }).axe;
    const result = await axe.run(document, { resultTypes: ['violations'] });
    return result.violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => ({ id: v.id, impact: v.impact, help: v.help, targets: v.nodes.slice(0, 5).map((n) => n.target.join(' ')) }));
  });
}
