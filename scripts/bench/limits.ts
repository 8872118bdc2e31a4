/**
 * The limits run (part of `npm run bench -- --size`): peak memory at the largest inputs the site
 * accepts (src/data/limits.ts), to hold the build to a stated budget (docs/validation.md, "Limits").
 *
 * 1. The loader on one data file just under the 50 MB limit (the size run's synthetic rows).
 * 2. `npm run validate`'s checks (data, report, reading order, theme pages) on a copy of the real
 *    data and pages, with the report text padded to just under 1 MB (its reading order covering the
 *    new lines), every metadata file padded to just under 64 KB, and every theme page to just under
 *    256 KB.
 * 3. The full build (`scripts/build.ts`, Astro included) on that data folder (the pages it builds
 *    are the repository's; Astro reads content/themes/ from the project), measured with
 *    `/usr/bin/time` (peak RSS of the largest process in the tree).
 */
import { spawnSync } from 'node:child_process';
import {
  appendFileSync,
  cpSync,
  existsSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { MAX_DATA_FILE_BYTES, MAX_MDX_BYTES, MAX_META_BYTES, MAX_REPORT_BYTES } from '../../src/data/limits.ts';
import { sourceFileOf } from '../../src/data/source.ts';
import { sizeRun } from './size.ts';
import { table } from './table.ts';

const ROOT = resolve(import.meta.dirname, '../..');

/** How many synthetic rows (scripts/bench/size.ts) fit in the data-file limit. */
function rowsUnderLimit(): number {
  let bytes = 'area,period,measure,value,unit,status,notes,source_section\n'.length;
  let rows = 0;
  for (;;) {
    const line = `a,2017/18,m${rows},${rows},count,reported,,s\n`.length;
    if (bytes + line > MAX_DATA_FILE_BYTES - 1024) return rows;
    bytes += line;
    rows++;
  }
}

/** A copy of data/ and content/themes/ with every bounded input padded to just under its limit. */
export function paddedInputs(): { data: string; content: string } {
  const dir = mkdtempSync(join(tmpdir(), 'wcsn-limits-'));
  const data = join(dir, 'data');
  const content = join(dir, 'themes');
  cpSync(join(ROOT, 'data'), data, { recursive: true });
  cpSync(join(ROOT, 'content/themes'), content, { recursive: true });
  // The report: new lines, all placed in one block of the last section, so it still validates.
  const report = join(data, 'source', sourceFileOf(data));
  const before = readFileSync(report, 'utf8').replace(/\n$/, '').split('\n').length;
  const line = 'A line of padding added by the limits run, long enough to look like prose in a report.\n';
  const add = Math.floor((MAX_REPORT_BYTES - statSync(report).size - 64) / line.length);
  appendFileSync(report, line.repeat(add));
  const order = join(data, 'source/reading-order.csv');
  const section = readFileSync(order, 'utf8').trimEnd().split('\n').at(-1)!.split(',')[0]!;
  appendFileSync(order, `${section},${before + 1}-${before + add},paragraph\n`);
  // Metadata: whitespace (valid JSON) up to the limit.
  for (const name of readdirSync(data).filter((f) => f.endsWith('.meta.json'))) {
    const path = join(data, name);
    const text = readFileSync(path, 'utf8');
    writeFileSync(path, text.replace('{', `{${' '.repeat(MAX_META_BYTES - Buffer.byteLength(text) - 16)}`));
  }
  // Theme pages: plain prose paragraphs up to the limit.
  for (const name of readdirSync(content).filter((f) => f.endsWith('.mdx'))) {
    const path = join(content, name);
    const para = '\nA paragraph of padding added by the limits run, in plain words without any figures.\n';
    appendFileSync(path, para.repeat(Math.floor((MAX_MDX_BYTES - statSync(path).size - 64) / para.length)));
  }
  return { data, content };
}

function mb(bytes: number): string {
  return `${Math.round(bytes / 1024 / 1024)} MB`;
}

/** Run a command under /usr/bin/time; its peak RSS (largest process in the tree) and seconds. */
function timed(
  args: string[],
  env: NodeJS.ProcessEnv,
): { ok: boolean; maxRssBytes: number; seconds: number; tail: string } {
  const run = spawnSync('/usr/bin/time', ['-f', 'LIMITS %M %e', ...args], {
    cwd: ROOT,
    env,
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  const m = /LIMITS (\d+) ([\d.]+)/.exec(run.stderr ?? '');
  return {
    ok: run.status === 0,
    maxRssBytes: m ? Number(m[1]) * 1024 : NaN,
    seconds: m ? Number(m[2]) : NaN,
    tail: (run.stderr ?? '').trim().split('\n').slice(-3).join(' / '),
  };
}

export function limitsReport(options: { build?: boolean } = {}): string {
  const rows: string[][] = [];
  const big = sizeRun(rowsUnderLimit(), 15 * 60 * 1000);
  rows.push(
    'error' in big
      ? ['loader: one data file at the limit', '', '', big.error]
      : [
          `loader: one data file at the limit (${big.rows.toLocaleString('en-GB')} rows)`,
          `${(big.bytes / 1024 / 1024).toFixed(1)} MB`,
          `${(big.ms / 1000).toFixed(1)} s`,
          mb(big.maxRssBytes),
        ],
  );
  console.error(`  limits run: data file done`);
  const { data, content } = paddedInputs();
  const env = { ...process.env, DATA_DIR: data, CONTENT_DIR: content, ASTRO_TELEMETRY_DISABLED: '1' };
  const validate = timed([process.execPath, join(ROOT, 'scripts/validate-data.ts')], env);
  rows.push([
    'validate: report, metadata and pages at their limits',
    '1 MB + 64 KB each + 256 KB each',
    `${validate.seconds} s`,
    validate.ok ? mb(validate.maxRssBytes) : `failed: ${validate.tail}`,
  ]);
  console.error(`  limits run: validate done`);
  if (options.build !== false && existsSync('/usr/bin/time')) {
    const out = join(data, '..', 'dist');
    const build = timed([process.execPath, join(ROOT, 'scripts/build.ts')], { ...env, OUT_DIR: out });
    rows.push([
      'build: report and metadata at their limits (Astro)',
      '1 MB + 64 KB each',
      `${build.seconds} s`,
      build.ok ? mb(build.maxRssBytes) : `failed: ${build.tail}`,
    ]);
    console.error(`  limits run: build done`);
  }
  rmSync(join(data, '..'), { recursive: true, force: true });
  return table(['input', 'size', 'time', 'peak memory (RSS, largest process)'], rows);
}
