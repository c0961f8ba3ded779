// Runs axe-core (the accessibility engine behind Lighthouse's audit) in a page: extension pages and
// listings alike, inside the overlays' open shadow roots too.
import axe from 'axe-core';
import type { Page } from '@playwright/test';

export interface AxeReport {
  /** One readable line per node of each serious or critical violation. */
  serious: string[];
  /** How many nodes axe examined inside Dogear's shadow roots: proof that it reached them. */
  inOurShadows: number;
}

export interface AuditOptions {
  /** Selectors of the parts to examine (default: the whole page). */
  include?: string[];
  /**
   * A site's page: its own markup is not ours to judge. Only our shadow roots count, and colour contrast
   * anywhere in `include` (the page CSS Dogear adds, its veil and highlights, changes how the site's text reads).
   */
  hostPage?: boolean;
}

/**
 * Audits `page` with axe-core. The source goes in through the debugging protocol, which extension
 * pages' content security policy does not stop (a script tag would be).
 */
export async function audit(page: Page, { include, hostPage = false }: AuditOptions = {}): Promise<AxeReport> {
  // axe-core's own source, as its package hands it out for injection.
  await page.evaluate(axe.source);
  return page.evaluate(
    async ([selectors, host]) => {
      const engine = (globalThis as unknown as { axe: typeof axe }).axe;
      const context = selectors ? { include: selectors.map((s) => [s]) } : document;
      // Every result type in full: the passes show which nodes were examined.
      const r = await engine.run(context as axe.ElementContext);
      // A node inside a shadow root has a target path through its host: [["… > dogear-card", "button"]].
      const inOurs = (n: axe.NodeResult) =>
        n.target.some((t) => Array.isArray(t) && /\bdogear-(card|help|keys)\b/.test(String(t[0] ?? '')));
      const where = (n: axe.NodeResult) => n.target.map((t) => (Array.isArray(t) ? t.join(' >>> ') : t)).join(' ');
      const serious = r.violations
        .filter((v) => v.impact === 'serious' || v.impact === 'critical')
        .flatMap((v) =>
          v.nodes
            .filter((n) => !host || v.id === 'color-contrast' || inOurs(n))
            .map((n) => `${v.id} (${v.impact}): ${v.help} — ${where(n)}\n    ${n.failureSummary ?? ''}`),
        );
      const inOurShadows = [...r.violations, ...r.passes, ...r.incomplete]
        .flatMap((v) => v.nodes)
        .filter(inOurs).length;
      return { serious, inOurShadows };
    },
    [include ?? null, hostPage] as const,
  );
}
