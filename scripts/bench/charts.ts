/**
 * Per-figure render time at build: load the figure registry (src/figures/index.ts) in this
 * process, as the build does, and time building each figure (every view in both layouts, plus its
 * table and summary) `runs` times. Each run imports a fresh instance of the registry module (a
 * distinct `?run=k` URL), so its per-build cache is empty and the figure is really rebuilt; the
 * datasets underneath are parsed once, before timing, as in a build.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

export interface FigureTiming {
  id: string;
  /** Views (charts) in the figure; each is rendered wide and narrow. */
  views: number;
  /** Raw bytes of all rendered SVG (both layouts). */
  svgBytes: number;
  /** The first build in this process (cold: JIT and Plot warm-up), ms. */
  firstMs: number;
  /** Median over `runs` builds, ms. */
  medianMs: number;
}

export interface ChartTimings {
  /** Time to load, parse and validate every dataset once, ms. */
  catalogMs: number;
  datasets: number;
  figures: FigureTiming[];
  runs: number;
}

interface Registry {
  FIGURE_IDS?: readonly string[];
  getFigure?: (id: string) => { views?: { svg: Record<string, string> }[] };
}

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** Time every registered figure, or say why there is nothing to time. */
export async function timeFigures(root: string, runs = 20): Promise<ChartTimings | string> {
  const registryPath = join(root, 'src/figures/index.ts');
  if (!existsSync(registryPath)) return 'no charts yet (no src/figures/index.ts)';
  const data = (await import(pathToFileURL(join(root, 'src/data/index.ts')).href)) as {
    getCatalog: () => Map<string, unknown>;
  };
  const started = performance.now();
  const catalog = data.getCatalog();
  const catalogMs = performance.now() - started;

  const url = pathToFileURL(registryPath).href;
  const first = (await import(`${url}?run=0`)) as Registry;
  if (!Array.isArray(first.FIGURE_IDS) || typeof first.getFigure !== 'function')
    return 'no charts yet (the registry exports no FIGURE_IDS and getFigure)';
  const ids = [...first.FIGURE_IDS];
  if (ids.length === 0) return 'no charts yet (the registry is empty)';

  const samples = new Map<string, number[]>(ids.map((id) => [id, []]));
  const shapes = new Map<string, { views: number; svgBytes: number }>();
  for (let run = 0; run < runs; run++) {
    const registry = run === 0 ? first : ((await import(`${url}?run=${run}`)) as Registry);
    for (const id of ids) {
      const t = performance.now();
      const spec = registry.getFigure!(id);
      samples.get(id)!.push(performance.now() - t);
      if (!shapes.has(id)) {
        const views = spec.views ?? [];
        shapes.set(id, {
          views: views.length,
          svgBytes: views.reduce((n, v) => n + Object.values(v.svg).reduce((m, s) => m + Buffer.byteLength(s), 0), 0),
        });
      }
    }
  }
  return {
    catalogMs,
    datasets: catalog.size,
    runs,
    figures: ids.map((id) => ({
      id,
      ...shapes.get(id)!,
      firstMs: samples.get(id)![0]!,
      medianMs: median(samples.get(id)!),
    })),
  };
}
