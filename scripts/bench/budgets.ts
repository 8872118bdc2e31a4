/**
 * Check a built site folder against the performance budgets (budgets.config.ts). Point it at any
 * folder: `dist/`, a benchmark build, or a fixture. Each violation names the page, the resource and,
 * where there is one, the figure, e.g.
 *
 *   themes/hate-crime/index.html: JS 17.2 KB gzip > 15.0 KB budget (largest: _astro/Figure.x1.js 9.1 KB)
 */
import { BUDGETS, type Budgets } from '../../budgets.config.ts';
import { analyseSite, type PageReport, type Problem, type SiteReport, type Size } from './analyse.ts';

export interface Violation {
  page: string;
  budget: keyof Budgets | 'missing';
  message: string;
}

export function kb(bytes: number): string {
  return `${(bytes / 1024).toFixed(1)} KB`;
}

interface Part {
  name: string;
  size: Size;
  figure?: string | undefined;
}

function largest(parts: Part[], count = 3): string {
  const top = [...parts].sort((a, b) => b.size.gzip - a.size.gzip).slice(0, count);
  if (top.length === 0) return '';
  const list = top.map((p) => `${p.name} ${kb(p.size.gzip)}${p.figure ? `, figure ${p.figure}` : ''}`).join('; ');
  return ` (largest: ${list})`;
}

function bytesViolation(
  page: PageReport,
  budget: 'jsGzip' | 'cssGzip' | 'htmlGzip',
  label: string,
  total: number,
  limit: number,
  parts: Part[],
): Violation | undefined {
  if (total <= limit) return undefined;
  return {
    page: page.page,
    budget,
    message: `${page.page}: ${label} ${kb(total)} gzip > ${kb(limit)} budget${largest(parts)}`,
  };
}

function countViolation(page: PageReport, budget: keyof Budgets, problems: Problem[], limit: number): Violation[] {
  if (problems.length <= limit) return [];
  return problems.map((p) => ({
    page: page.page,
    budget,
    message: `${page.page}: ${p.what}: ${p.resource}${p.figure ? ` (figure ${p.figure})` : ''}`,
  }));
}

/** The violations of one analysed page. */
export function pageViolations(page: PageReport, budgets: Budgets = BUDGETS): Violation[] {
  const out: (Violation | undefined)[] = [];
  const inline = (kind: 'js' | 'css'): Part[] =>
    page.inline
      .filter((i) => i.kind === kind)
      .map((i, n) => ({
        name: `inline ${kind === 'js' ? '<script>' : '<style>'} #${n + 1}`,
        size: i.size,
        figure: i.figure,
      }));
  const files = (kind: 'js' | 'css'): Part[] =>
    page.assets
      .filter((a) => a.kind === kind)
      .map((a) => ({ name: `${a.file}${a.lazy ? ' (lazy)' : ''}`, size: a.size, figure: a.figure }));
  out.push(bytesViolation(page, 'jsGzip', 'JS', page.js.gzip, budgets.jsGzip, [...files('js'), ...inline('js')]));
  out.push(bytesViolation(page, 'cssGzip', 'CSS', page.css.gzip, budgets.cssGzip, [...files('css'), ...inline('css')]));
  out.push(
    bytesViolation(
      page,
      'htmlGzip',
      'HTML',
      page.html.gzip,
      budgets.htmlGzip,
      page.svgs.map((s) => ({ name: `inline SVG ${s.figure}`, size: s.size })),
    ),
  );
  return [
    ...out.filter((v): v is Violation => v !== undefined),
    ...countViolation(page, 'webFonts', page.webFonts, budgets.webFonts),
    ...countViolation(page, 'imagesWithoutSize', page.imagesWithoutSize, budgets.imagesWithoutSize),
    ...countViolation(page, 'renderBlockingScripts', page.renderBlockingScripts, budgets.renderBlockingScripts),
    ...countViolation(page, 'thirdPartyRequests', page.thirdParty, budgets.thirdPartyRequests),
    ...(page.inlineHeadScript > budgets.inlineHeadScriptBytes
      ? [
          {
            page: page.page,
            budget: 'inlineHeadScriptBytes' as const,
            message: `${page.page}: inline scripts in <head> ${page.inlineHeadScript} bytes > ${budgets.inlineHeadScriptBytes} bytes budget (they run before first paint)`,
          },
        ]
      : []),
    ...page.missing.map((p) => ({
      page: page.page,
      budget: 'missing' as const,
      message: `${page.page}: ${p.what}: ${p.resource}${p.figure ? ` (figure ${p.figure})` : ''}`,
    })),
  ];
}

export interface BudgetResult {
  report: SiteReport;
  violations: Violation[];
}

/** Analyse a built site and check every page. `base` defaults to `BASE_PATH` from the environment, else `/`. */
export async function checkBudgets(
  folder: string,
  options: { base?: string; budgets?: Budgets } = {},
): Promise<BudgetResult> {
  const report = await analyseSite(folder, { base: options.base ?? process.env.BASE_PATH ?? '/' });
  const violations = report.pages.flatMap((p) => pageViolations(p, options.budgets ?? BUDGETS));
  return { report, violations };
}
