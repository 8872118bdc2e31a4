/**
 * Lighthouse (mobile: Moto G Power emulation, simulated slow 4G and 4x CPU slowdown, the package's
 * default config) over pages of a local build, in Debian's Chromium via chrome-launcher. The machine
 * may have no internet: everything Lighthouse loads comes from the local server; the run makes no
 * other request (no update checks; error reporting is off unless asked for).
 *
 * Each page is audited `runs` times and the median of each number is reported, as Lighthouse's own
 * docs advise: simulated timings still scale with how busy the machine's CPU is (see benchmarkIndex).
 */
import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';
import { median } from './charts.ts';

export const CHROME_PATH = process.env.CHROME_PATH ?? '/usr/bin/chromium';
const CHROME_FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-dev-shm-usage',
];

export interface LighthouseScores {
  url: string;
  runs: number;
  performance: number | null;
  accessibility: number | null;
  bestPractices: number | null;
  seo: number | null;
  /** Milliseconds. */
  fcp: number | null;
  /** Milliseconds. */
  lcp: number | null;
  cls: number | null;
  /** Milliseconds. */
  tbt: number | null;
  /** Lighthouse's CPU benchmark of this machine during the runs (median); a desktop scores ~1000-2000. */
  benchmarkIndex: number | null;
  /** DOM elements. */
  domSize: number | null;
  /** Main-thread work by category, ms (from the median run's breakdown), largest first. */
  mainThread: { group: string; ms: number }[];
  /** Weighted audits that did not score 100, with in how many runs (category/id: title). */
  failing: string[];
  /** Lighthouse run warnings. */
  warnings: string[];
}

interface Run {
  scores: Record<'performance' | 'accessibility' | 'best-practices' | 'seo', number | null>;
  fcp: number | null;
  lcp: number | null;
  cls: number | null;
  tbt: number | null;
  benchmarkIndex: number | null;
  domSize: number | null;
  mainThread: { group: string; ms: number }[];
  failing: string[];
  warnings: string[];
}

function medianOrNull(values: (number | null)[]): number | null {
  const xs = values.filter((v): v is number => v !== null);
  return xs.length ? median(xs) : null;
}

async function auditOnce(url: string, port: number): Promise<Run> {
  const result = await lighthouse(url, {
    port,
    output: 'json',
    logLevel: 'error',
    onlyCategories: ['performance', 'accessibility', 'best-practices', 'seo'],
  });
  if (!result) throw new Error(`Lighthouse returned no result for ${url}`);
  const { lhr } = result;
  if (lhr.runtimeError)
    throw new Error(`Lighthouse could not audit ${url}: ${lhr.runtimeError.code} ${lhr.runtimeError.message}`);
  const score = (id: string) => {
    const s = lhr.categories[id]?.score;
    return s === null || s === undefined ? null : Math.round(s * 100);
  };
  const metric = (id: string) => lhr.audits[id]?.numericValue ?? null;
  const failing: string[] = [];
  for (const category of Object.values(lhr.categories)) {
    for (const ref of category.auditRefs) {
      const audit = lhr.audits[ref.id];
      if (!audit || ref.weight === 0 || audit.score === null) continue;
      if (audit.score < 1) failing.push(`${category.id}/${ref.id}: ${audit.title}`);
    }
  }
  const details = lhr.audits['mainthread-work-breakdown']?.details as
    { items?: { groupLabel?: string; duration?: number }[] } | undefined;
  return {
    scores: {
      performance: score('performance'),
      accessibility: score('accessibility'),
      'best-practices': score('best-practices'),
      seo: score('seo'),
    },
    fcp: metric('first-contentful-paint'),
    lcp: metric('largest-contentful-paint'),
    cls: metric('cumulative-layout-shift'),
    tbt: metric('total-blocking-time'),
    benchmarkIndex: lhr.environment.benchmarkIndex ?? null,
    domSize: metric('dom-size'),
    mainThread: (details?.items ?? [])
      .map((i) => ({ group: i.groupLabel ?? '?', ms: i.duration ?? 0 }))
      .sort((a, b) => b.ms - a.ms),
    failing,
    warnings: lhr.runWarnings,
  };
}

export async function runLighthouse(urls: string[], runs = 3): Promise<LighthouseScores[]> {
  const chrome = await chromeLauncher.launch({
    chromePath: CHROME_PATH,
    chromeFlags: CHROME_FLAGS,
    logLevel: 'silent',
  });
  const results: LighthouseScores[] = [];
  try {
    for (const url of urls) {
      const all: Run[] = [];
      for (let i = 0; i < runs; i++) all.push(await auditOnce(url, chrome.port));
      const byPerf = [...all].sort((a, b) => (a.scores.performance ?? 0) - (b.scores.performance ?? 0));
      const mid = byPerf[Math.floor(byPerf.length / 2)]!;
      results.push({
        url,
        runs,
        performance: medianOrNull(all.map((r) => r.scores.performance)),
        accessibility: medianOrNull(all.map((r) => r.scores.accessibility)),
        bestPractices: medianOrNull(all.map((r) => r.scores['best-practices'])),
        seo: medianOrNull(all.map((r) => r.scores.seo)),
        fcp: medianOrNull(all.map((r) => r.fcp)),
        lcp: medianOrNull(all.map((r) => r.lcp)),
        cls: medianOrNull(all.map((r) => r.cls)),
        tbt: medianOrNull(all.map((r) => r.tbt)),
        benchmarkIndex: medianOrNull(all.map((r) => r.benchmarkIndex)),
        domSize: mid.domSize,
        mainThread: mid.mainThread,
        failing: [...new Set(all.flatMap((r) => r.failing))].map(
          (f) => `${f} (below 100 in ${all.filter((r) => r.failing.includes(f)).length} of ${runs} runs)`,
        ),
        warnings: [...new Set(all.flatMap((r) => r.warnings))],
      });
    }
  } finally {
    chrome.kill();
  }
  return results;
}
