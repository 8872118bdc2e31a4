/**
 * Revised values beside the figure that shows them (issue #23): where a later edition prints a
 * different value for a fact an earlier one printed, the figure draws the later value and says, in its
 * text summary and under its table, "340 (revised from 338 in <earlier source title>)", linked to the
 * passage of each edition.
 */
import { revisionsOf } from '../data/editions.ts';
import { getCatalog, getDataset } from '../data/index.ts';
import { getSources } from '../data/source-index.ts';
import { formatValue, type Unit } from '../lib/format.ts';
import type { FigureRevision } from './types.ts';

interface Shown {
  area?: string;
  measure?: string;
  period?: { label: string };
  value?: unknown;
  unit?: string;
}

/** A cell of a reference row by its id ("north-worcestershire" -> its name). */
function label(dataset: string, id: string, column: string): string {
  return getDataset(dataset).rows.find((r) => r.raw.id === id)?.raw[column] ?? id;
}

/** What a row is about, in words: "North Worcestershire hate offences, 2017/18". */
function factWords(row: Shown): string {
  const what = [
    row.area ? label('areas', row.area, 'name') : '',
    row.measure ? label('measures', row.measure, 'label').toLowerCase() : '',
  ]
    .filter(Boolean)
    .join(' ');
  return [what, row.period?.label].filter(Boolean).join(', ');
}

/** Every revised value among the rows a figure shows (its current rows), earliest revision first. */
export function revisionsFor(dataset: string, shown: readonly object[]): FigureRevision[] {
  const loaded = getDataset(dataset);
  const catalog = getCatalog();
  const titles = new Map(getSources().map((s) => [s.id, s.title]));
  const byValue = new Map<unknown, (typeof loaded.rows)[number]>(loaded.rows.map((r) => [r.value, r]));
  return shown.flatMap((value) => {
    const row = byValue.get(value);
    if (!row) return [];
    const now = value as Shown;
    // A percentage change has no unit of its own here: its revision is said as a number.
    const unit: Unit = now.unit === 'percent-change' ? 'count' : ((now.unit ?? 'count') as Unit);
    return revisionsOf(loaded, row, catalog).map((r) => {
      const title = titles.get(r.source) ?? r.source;
      return {
        text: `${factWords(now)}: ${formatValue(Number(now.value), unit)} (revised from ${formatValue(r.value, unit)} in ${title})`,
        now: {
          lines: row.raw.source_lines ?? '',
          source: row.raw.source ?? '',
          title: titles.get(row.raw.source ?? '') ?? '',
        },
        before: { lines: r.row.raw.source_lines ?? '', source: r.source, title },
      };
    });
  });
}
