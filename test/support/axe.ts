import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';

/** axe-core's own build, run in the page through the DevTools protocol (the pages' CSP forbids injected scripts, rightly). */
const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/** The serious and critical violations axe finds on the page as it is, with every <details> opened so nothing folded escapes. */
export async function axeViolations(page: Page): Promise<string[]> {
  await page.evaluate(`document.querySelectorAll('details').forEach((d) => { d.open = true; })`);
  await page.evaluate(AXE_SOURCE);
  const { violations } = await page.evaluate<{ violations: Array<{ id: string; impact: string | null; nodes: Array<{ target: unknown }> }> }>(
    'axe.run(document, { resultTypes: ["violations"] })',
  );
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact ?? ''}) at ${v.nodes.map((n) => JSON.stringify(n.target)).join(' ')}`);
}
