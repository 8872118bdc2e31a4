/**
 * Status follows the report's verb: every activity's status is the one the verb table
 * (src/lib/status-verbs.ts, docs/data-rules.md) gives the words of its cited lines. A bullet split
 * into several rows (docs/data-rules.md, the split-bullet rule) may give each row the status of any
 * phrase in it. Proved to fail on a committed broken fixture of statuses that contradict the verbs.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readReport, sourceFileOf, type Report } from '../../src/data/source.ts';
import { parseLineRanges } from '../../src/lib/line-range.ts';
import {
  periodUnstated,
  shownPeriod,
  STATUS_LABELS,
  statusFromWords,
  VERB_STATUS,
  verbsIn,
} from '../../src/lib/status-verbs.ts';
import { parse } from 'csv-parse/sync';

const report = readReport(
  resolve(import.meta.dirname, '../../data'),
  sourceFileOf(resolve(import.meta.dirname, '../../data')),
)!;
const REVIEW = '2017/18';

interface StatusRow {
  id: string;
  period: string;
  status: string;
  source_lines: string;
  description?: string;
}

const parseCsv = (text: string) => parse(text, { columns: true, skip_empty_lines: true }) as StatusRow[];

function wordsOf(lines: string, r: Report): string {
  return (
    (parseLineRanges(lines) ?? [])
      .map((x) => r.lines.slice(x.start - 1, x.end).join(' '))
      .join(' ')
      .replace(/\s+/g, ' ')
      // A word broken at a line end ("re-" / "formed") is one word.
      .replace(/(\w)-\s+(\w)/g, '$1-$2')
  );
}

/**
 * Bullets with no verb: a 2018/19 current-activity column does not say whether the work is under way
 * or planned, and a 2017/18 list item with no verb ("Commissioning review of …") may name work
 * commissioned rather than done, so the status is our reading and the row's description says so
 * ("no verb ... our reading").
 */
function unsaidStatusReadings(rows: readonly StatusRow[], r: Report): string[] {
  return rows
    .filter((row) => verbsIn(wordsOf(row.source_lines, r)).length === 0)
    .filter((row) => !/\bno (main )?verb\b.*\bour reading\b/i.test(row.description ?? ''))
    .map(
      (row) => `${row.id}: ${row.status} from its column alone, and its description does not say that is our reading`,
    );
}

/** Rows whose status is not the one their words give: `id: status, the report's words say …`. */
function wrongStatuses(rows: readonly StatusRow[], r: Report): string[] {
  const shared = (lines: string) => rows.filter((x) => x.source_lines === lines).length > 1;
  return rows.flatMap((row) => {
    const text = wordsOf(row.source_lines, r);
    const column = row.period === REVIEW ? 'review' : 'current';
    const allowed = shared(row.source_lines)
      ? new Set([statusFromWords(text, column), ...verbsIn(text).map((v) => v.rule.status)])
      : new Set([statusFromWords(text, column)]);
    return allowed.has(row.status as never)
      ? []
      : [`${row.id}: ${row.status}, the report's words say ${[...allowed].join(' or ')}`];
  });
}

describe('status follows the report’s verb', () => {
  it('reads the table’s phrases in order, the longest at one place', () => {
    expect(statusFromWords('A scheme in Malvern is being considered.', 'review')).toBe('planned');
    expect(statusFromWords('The memorandum is being reviewed to ensure', 'current')).toBe('underway');
    expect(statusFromWords('A draft strategy to be developed for consultation', 'current')).toBe('planned');
    expect(statusFromWords('PH are developing a Strategic Drugs Plan', 'current')).toBe('underway');
    expect(statusFromWords('Monitoring of the annual CSA action plan.', 'review')).toBe('done');
    expect(statusFromWords('Membership of the new group.', 'current')).toBe('underway');
  });

  it('every activity in data/activities.csv has the status its words give', () => {
    const rows = parseCsv(readFileSync(resolve(import.meta.dirname, '../../data/activities.csv'), 'utf8'));
    expect(rows.length).toBeGreaterThan(40);
    expect(wrongStatuses(rows, report)).toEqual([]);
  });

  it('fails each status that contradicts its verb (committed broken fixture)', () => {
    const rows = parseCsv(
      readFileSync(resolve(import.meta.dirname, '../fixtures/status-verbs/activities-wrong-status.csv'), 'utf8'),
    );
    expect(wrongStatuses(rows, report)).toEqual([
      "a-2018-19-pcp-napfcp-membership: underway, the report's words say done",
      "a-2018-19-prevent-action-plan: underway, the report's words say done",
      "a-2018-19-drive-project: done, the report's words say underway",
    ]);
  });

  it('a bullet with no verb says its status is our reading (and the check fails without)', () => {
    const rows = parseCsv(readFileSync(resolve(import.meta.dirname, '../../data/activities.csv'), 'utf8'));
    expect(unsaidStatusReadings(rows, report)).toEqual([]);
    const stripped = rows.map((row) => ({
      ...row,
      description: (row.description ?? '').replace(/ The report gives no.*$/, ''),
    }));
    const failed = unsaidStatusReadings(stripped, report);
    expect(failed).toHaveLength(10);
    expect(failed).toContain(
      'a-2018-19-socjag-membership: underway from its column alone, and its description does not say that is our reading',
    );
    expect(failed).toContain(
      'a-2017-18-modern-slavery-commissioning-review: done from its column alone, and its description does not say that is our reading',
    );
  });

  it('work the report places over a year it does not name shows no year beside it', () => {
    expect(periodUnstated('Campaigns have been delivered throughout the year')).toBe(true);
    expect(periodUnstated('Hate Crime week campaign October 2017.')).toBe(false);
    const rows = parseCsv(readFileSync(resolve(import.meta.dirname, '../../data/activities.csv'), 'utf8'));
    const unstated = rows.filter((x) => periodUnstated(wordsOf(x.source_lines, report)));
    expect(unstated.map((x) => x.id)).toEqual(['a-2018-19-da-campaigns']);
    expect(unstated.map((x) => shownPeriod(x.period, wordsOf(x.source_lines, report)))).toEqual([
      'period not stated exactly',
    ]);
    const dated = rows.find((x) => x.id === 'a-2017-18-hate-crime-week')!;
    expect(shownPeriod(dated.period, wordsOf(dated.source_lines, report))).toBe('2017/18');
  });
});

const ROOT = resolve(import.meta.dirname, '../..');

/** Every status label typed in a file (`planned: 'Planned'`) instead of taken from STATUS_LABELS. */
function typedStatusLabels(path: string): string[] {
  const text = readFileSync(path, 'utf8');
  return [...text.matchAll(/\b(done|underway|planned)\s*:\s*['"`]/g)].map(
    (m) => `${relative(ROOT, path)}:${text.slice(0, m.index).split('\n').length}: ${m[1]}`,
  );
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.(ts|astro)$/.test(name) ? [path] : [];
  });
}

describe('one label per status', () => {
  it('names every kind of phrase that gives the status ("is being considered" is planned)', () => {
    for (const rule of VERB_STATUS)
      if (/considered/.test(rule.words)) expect(STATUS_LABELS[rule.status]).toMatch(/being considered/);
  });

  it('no file under src/ types a status label outside src/lib/status-verbs.ts', () => {
    const files = sourceFiles(join(ROOT, 'src')).filter((f) => relative(ROOT, f) !== 'src/lib/status-verbs.ts');
    expect(files.length).toBeGreaterThan(50);
    expect(files.flatMap(typedStatusLabels)).toEqual([]);
  });

  it('flags a typed label (committed broken fixture)', () => {
    expect(typedStatusLabels(join(ROOT, 'tests/fixtures/status-verbs/typed-labels.ts'))).toEqual([
      'tests/fixtures/status-verbs/typed-labels.ts:3: done',
      'tests/fixtures/status-verbs/typed-labels.ts:3: underway',
      'tests/fixtures/status-verbs/typed-labels.ts:3: planned',
    ]);
  });
});
