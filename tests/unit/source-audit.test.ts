/**
 * docs/source-audit.md cannot drift from the data: its page table, its tables of printed numbers and
 * its statements about rows, claims, activities and bodies are checked against the report's text and
 * the datasets here.
 */
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { factKey } from '../../src/data/catalog.ts';
import { loadCatalog } from '../../src/data/load.ts';
import { blockLines, parseReadingOrder, READING_ORDER_FILE } from '../../src/data/reading-order.ts';
import { FIRST_SOURCE, isBlank, parseReport, printedAs, printedNumbers, sourceFileOf } from '../../src/data/source.ts';

/** The first report's text, as data/sources.csv names it. */
const REPORT_FILE = `source/${sourceFileOf(resolve(import.meta.dirname, '../../data'))}`;
import { parseLineRanges } from '../../src/lib/line-range.ts';
import { DATASET_SCHEMAS, isReportDrawn } from '../../src/schemas/index.ts';
import { parseLineRange } from '../../src/schemas/source-lines.ts';

const ROOT = resolve(import.meta.dirname, '../..');
const DATA = join(ROOT, 'data');
const audit = readFileSync(join(ROOT, 'docs/source-audit.md'), 'utf8');
const catalog = loadCatalog(DATA, DATASET_SCHEMAS);
const report = parseReport(readFileSync(join(DATA, REPORT_FILE), 'utf8'), REPORT_FILE);
const sectionOfLine = new Map<number, string>();
for (const b of parseReadingOrder(readFileSync(join(DATA, READING_ORDER_FILE), 'utf8'), READING_ORDER_FILE).blocks)
  for (const n of blockLines(b)) sectionOfLine.set(n, b.section);

/** The rows of the markdown table under a heading, as arrays of trimmed cells. */
function table(heading: string): string[][] {
  const start = audit.indexOf(`\n${heading}\n`);
  if (start < 0) throw new Error(`no heading ${heading} in docs/source-audit.md`);
  const rows: string[][] = [];
  let seen = false;
  for (const line of audit.slice(start + heading.length + 2).split('\n')) {
    if (line.startsWith('|')) {
      seen = true;
      if (/^\|[-| ]+\|$/.test(line)) continue;
      rows.push(
        line
          .slice(1, -1)
          .split(/(?<!\\)\|/)
          .map((c) => c.trim()),
      );
    } else if (seen) break;
  }
  return rows.slice(1); // drop the header row
}

function lines(cell: string): number[] {
  const m = /^(\d+)(?:[–-](\d+))?$/.exec(cell);
  if (!m) return [];
  const a = Number(m[1]);
  const b = m[2] ? Number(m[2]) : a;
  return Array.from({ length: b - a + 1 }, (_, i) => a + i);
}

const rowsByKey = (id: string) => {
  const d = catalog.get(id)!;
  return new Map(d.rows.map((r) => [factKey(r.raw, d.meta.primaryKey), r]));
};

const numberTables = [...table('## Digit sequences'), ...table('## Numbers written as words')];
/** `hate-crime`: `north-worcestershire\|2016/17\|hate-offences` = 318 */
const ROW_MENTION = /`([a-z-]+)`: `([^`]+)` = (-?[\d.]+)/g;

describe('docs/source-audit.md against the report and the data', () => {
  it('gives each page the lines the text puts on it', () => {
    const rows = audit
      .split('\n')
      .filter((l) => /^\| \d \| \d+–\d+ \|/.test(l))
      .map((l) => l.split('|').map((c) => c.trim()));
    const actual = [...new Set(report.pages)].map((p) => {
      const on = report.lines
        .map((t, i) => ({ n: i + 1, t }))
        .filter((x) => report.pages[x.n - 1] === p && !isBlank(x.t));
      return `${p}:${on[0]!.n}–${on.at(-1)!.n}`;
    });
    expect(rows.map((r) => `${r[1]}:${r[2]}`)).toEqual(actual);
  });

  it('quotes each number on the line it gives, in the section that line belongs to', () => {
    expect(numberTables.length).toBeGreaterThan(90);
    for (const [n, printed, line, section] of numberTables) {
      const at = lines(line!);
      if (at.length === 0) continue; // "various"
      const token = /`([^`]+)`|"([^"]+)"/.exec(printed!);
      const quoted = (token?.[1] ?? token?.[2] ?? '').replace(/\\\|/g, '|');
      const text = at.map((i) => report.lines[i - 1]).join(' ');
      expect(text.replace(/\s+/g, ' '), `row ${n}: ${quoted} on ${line}`).toContain(quoted.replace(/\s+/g, ' '));
      const id = /`([a-z0-9-]+)`/.exec(section!)?.[1];
      if (id) expect(sectionOfLine.get(at[0]!) ?? id, `row ${n}: section of line ${at[0]}`).toBe(id);
    }
  });

  it('states each dataset row with its value, unit and status as the data has them, and within its source_lines', () => {
    for (const [n, , line, , where] of numberTables) {
      for (const m of (where ?? '').matchAll(ROW_MENTION)) {
        const [, dataset, key, value] = m;
        const row = rowsByKey(dataset!).get(key!.replace(/\\\|/g, '|'));
        expect(row, `row ${n}: ${dataset} ${key}`).toBeDefined();
        const v = row!.value as { value: number; unit: string; status: string };
        expect(v.value, `row ${n}: value of ${key}`).toBe(Number(value));
        const unit = /unit `?([a-z-]+)`?/.exec(where!)?.[1];
        if (unit) expect(v.unit, `row ${n}: unit of ${key}`).toBe(unit);
        const status = /status `([a-z-]+)`/.exec(where!)?.[1];
        if (status) expect(v.status, `row ${n}: status of ${key}`).toBe(status);
        const cited = parseLineRange(row!.raw.source_lines!)!;
        for (const at of lines(line!))
          expect(at >= cited.start && at <= cited.end, `row ${n}: line ${at} inside ${row!.raw.source_lines}`).toBe(
            true,
          );
      }
    }
  });

  it("lists every number a figure dataset takes from the report, on a line inside the row's source_lines", () => {
    // Derived from the data, so a new figure dataset drawn from this report needs no edit here: each
    // of its values must be one of the numbers this audit lists (every number the report prints), on
    // a line its row cites. "Where it went" is the editors' record of the first data release.
    const printed = numberTables.flatMap(([n, as, line]) => {
      const token = /`([^`]+)`|"([^"]+)"/.exec(as ?? '');
      const numbers = printedNumbers(token?.[1] ?? token?.[2] ?? '');
      return lines(line!).map((at) => ({ n, at, numbers }));
    });
    const figures = [...catalog.values()].filter(
      (d) => (d.meta.kind === 'observations' || d.meta.kind === 'spending') && isReportDrawn(d.meta.kind),
    );
    expect(figures.length).toBeGreaterThanOrEqual(7);
    let checked = 0;
    for (const d of figures) {
      for (const row of d.rows) {
        if (row.raw.source !== FIRST_SOURCE) continue;
        const v = row.value as { value: number; unit: string };
        const cited = parseLineRanges(row.raw.source_lines!)!;
        const listed = printed.some(
          (p) =>
            cited.some((r) => p.at >= r.start && p.at <= r.end) && p.numbers.some((x) => printedAs(x, v.value, v.unit)),
        );
        expect(listed, `${d.meta.id} ${row.raw.source_lines}: ${v.value} (${v.unit}) is not in the audit`).toBe(true);
        checked += 1;
      }
    }
    expect(checked).toBeGreaterThan(30);
  });

  it('recomputes every claim the data holds, with the stated figure the data has', () => {
    const claims = rowsByKey('claims');
    const rows = table('## Claims recomputed by hand');
    expect(rows.map((r) => r[0]!.replace(/`/g, '')).sort()).toEqual([...claims.keys()].sort());
    for (const [id, , , stated] of rows) {
      const claim = claims.get(id!.replace(/`/g, ''))!.value as { stated_value?: number; stated_direction?: string };
      const figure = /^[+−-]?[\d.]+/.exec(stated!.replace('£106k', '106000'))?.[0]?.replace('−', '-');
      if (claim.stated_value !== undefined) expect(Number(figure), id).toBe(claim.stated_value);
      else expect(stated, id).toMatch(new RegExp(claim.stated_direction!));
    }
  });

  it('says what the data says about activity statuses, periods and dates, and body types', () => {
    const activities = new Map(catalog.get('activities')!.rows.map((r) => [r.raw.id!, r.raw]));
    const bodies = new Map(catalog.get('bodies')!.rows.map((r) => [r.raw.id!, r.raw]));
    // "`a-2017-18-best-bar-none-malvern`, status `planned`"
    const statuses = [...audit.matchAll(/`(a-[a-z0-9-]+)`(?: \([^)]*\))?, status `([a-z]+)`/g)];
    expect(statuses.length).toBeGreaterThanOrEqual(3);
    for (const m of statuses) expect(activities.get(m[1]!)?.status, m[0]).toBe(m[2]);
    // "`period` = `2017/18` for activities `a-…`, `a-…`" and "`activities.date` = `2018-09` for `a-…`"
    const periodsAndDates = [
      ...audit.matchAll(
        /`(period|activities\.date)` = `([^`]+)` for (?:activities |the [^`]*)?((?:`a-[a-z0-9-]+`(?:, | and )?)+)/g,
      ),
    ];
    expect(periodsAndDates.length).toBeGreaterThanOrEqual(8);
    for (const m of periodsAndDates) {
      for (const id of m[3]!.match(/a-[a-z0-9-]+/g)!) {
        const a = activities.get(id);
        expect(a, `${id} (${m[0].slice(0, 60)})`).toBeDefined();
        expect(m[1] === 'period' ? a!.period : a!.date, `${id}: ${m[1]}`).toBe(m[2]);
      }
    }
    // "`worcestershire-county-council` and `surrey-county-council` are typed `council`"
    const typed = [...audit.matchAll(/((?:`[a-z0-9-]+`(?:, | and )?)+) (?:is|are) typed `([a-z-]+)`/g)];
    expect(typed.length).toBeGreaterThan(0);
    for (const m of typed)
      for (const id of [...m[1]!.matchAll(/`([a-z0-9-]+)`/g)].map((x) => x[1]!))
        expect(bodies.get(id)?.type, `${id} typed`).toBe(m[2]);
  });
});
