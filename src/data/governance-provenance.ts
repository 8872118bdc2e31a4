/**
 * Provenance of the governance rows, beyond "the lines exist": a `stated` relationship's lines name
 * both bodies (by the name or short name in bodies.csv); an activity's `date` agrees with a date its
 * lines print; a `basis_note` is a sentence, not a placeholder. Called by src/data/provenance.ts for
 * every row that cites a source it could read.
 */
import { parseLineRanges } from '../lib/line-range.ts';
import type { Catalog, LoadedDataset, LoadedRow } from './catalog.ts';
import type { Problem } from './problems.ts';
import { rangeText } from './source.ts';
import type { SourceText } from './sources.ts';

export interface GovernanceContext {
  /** Body id -> the ways the report may name it (name, short name, aliases), normalised. */
  names: Map<string, string[]>;
}

const MONTHS = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];

/** Lower case, one space between words, `&` as "and", no bullet marks or quotes: how names are compared. */
export function normalise(text: string): string {
  return text
    .toLowerCase()
    .replace(/[\uF0B7•’'"“”(),:;.]/g, ' ')
    .replace(/&/g, ' and ')
    .replace(/\s+/g, ' ')
    .trim();
}

export function governanceContext(catalog: Catalog): GovernanceContext {
  const names = new Map<string, string[]>();
  for (const row of catalog.get('bodies')?.rows ?? []) {
    const forms = [row.raw.name, row.raw.short_name, ...(row.raw.aliases ?? '').split(';')].filter((x): x is string => Boolean(x)).map(normalise);
    names.set(row.raw.id!, forms);
  }
  return { names };
}

/** Placeholders that are not a reason: "TBC", "n/a", "see above", "-", "todo", "none". */
const PLACEHOLDER = /^(tbc|tbd|todo|n\/?a|none|see (above|below|notes?)|-+|\?+|x+|\.+)$/i;

/** Why a basis note is not a sentence, or undefined when it is one. */
export function notASentence(note: string): string | undefined {
  const words = note.split(/\s+/).filter((w) => /[A-Za-z]/.test(w));
  if (PLACEHOLDER.test(note.trim())) return 'a placeholder';
  if (!/^[A-Z‘“"(]/.test(note)) return 'text that does not start with a capital letter';
  if (!/[.!?][)’”"]?$/.test(note)) return 'text that does not end with a full stop';
  if (words.length < 4) return `${words.length} word${words.length === 1 ? '' : 's'}`;
  return undefined;
}

function cited(row: LoadedRow, text: SourceText): string {
  const ranges = parseLineRanges(row.raw.source_lines ?? '') ?? [];
  return ranges.map((r) => rangeText(text.report!, r)).join(' ');
}

/** Whether the lines print the date: `2018` as the year; `2018-09` as "September 2018" or "Sept 2018", or the month alone where the year is in the lines' own financial year. */
function printsDate(body: string, date: string): boolean {
  const [year, month] = date.split('-');
  const flat = normalise(body);
  if (!month) return flat.includes(year!);
  const name = MONTHS[Number(month) - 1]!;
  const monthNamed = new RegExp(`\\b${name.slice(0, 3)}(${name.slice(3)}|t)?\\b\\.?`).test(flat);
  return monthNamed && (flat.includes(year!) || !/\b(19|20)\d\d\b/.test(flat));
}

export function checkGovernanceRow(dataset: LoadedDataset, row: LoadedRow, text: SourceText, context: GovernanceContext): Problem[] {
  const names = dataset.meta.columns.map((c) => c.name);
  const at = (column: string) => ({ file: dataset.path, line: row.line, column, columnNumber: names.indexOf(column) + 1 });
  const problems: Problem[] = [];
  const raw = row.raw;
  if (raw.basis_note !== undefined) {
    const why = notASentence(raw.basis_note);
    if (why) problems.push({ ...at('basis_note'), expected: 'a sentence saying why we read it this way (a capital letter, four words or more, a full stop)', found: `${why}: ${JSON.stringify(raw.basis_note.slice(0, 60))}` });
  }
  if (dataset.meta.kind === 'relationships' && raw.basis === 'stated') {
    const body = normalise(cited(row, text));
    for (const column of ['from_body', 'to_body']) {
      const id = raw[column]!;
      const forms = context.names.get(id) ?? [];
      if (forms.length > 0 && !forms.some((f) => body.includes(f)))
        problems.push({ ...at('source_lines'), expected: `lines that name ${column} "${id}" (${forms.join(' or ')}), since the relationship is stated`, found: `lines ${raw.source_lines} of ${text.report!.path}, which do not; cite the lines that name both bodies, or make the row inferred with a basis_note` });
    }
  }
  if (dataset.meta.kind === 'activities' && raw.date) {
    if (!printsDate(cited(row, text), raw.date))
      problems.push({ ...at('date'), expected: `a date that lines ${raw.source_lines} of ${text.report!.path} print`, found: `${raw.date}, which they do not` });
  }
  return problems;
}
