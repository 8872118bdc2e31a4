/**
 * The model of the `/source/` page: the report's sections in reading order, each block with its
 * lines (number, text, page), the range anchors placed before the block where a cited range begins,
 * and beside each block the dataset rows whose `source_lines` start in it. Also the highlight rules:
 * a cited range `#L351-L352` lights up its lines with `:target ~` selectors (see rangeCss).
 */
import { formatChange, formatNumber, formatValue, type Unit } from '../lib/format.ts';
import { parseLineRanges } from '../lib/line-range.ts';
import { formatLineRange, type LineRange } from '../schemas/source-lines.ts';
import type { Catalog, LoadedDataset, LoadedRow } from './catalog.ts';
import { anchorKey } from './editions.ts';
import { SOURCE_LINES, sourceOf } from './provenance.ts';
import { blockLines, type Block, type BlockKind } from './reading-order.ts';
import { FIRST_SOURCE, isBlank, type Report } from './source.ts';
import { isInferred } from '../lib/basis.ts';
import { lineName } from '../lib/spending-lines.ts';

export interface SourceLine {
  n: number;
  text: string;
  page: number;
}

/** A dataset row citing lines that begin in a block. */
export interface Citation {
  dataset: string;
  datasetTitle: string;
  key: string;
  /** What the row takes from the lines: a value ("10,947"), a direction, or the row's name. */
  label: string;
  /** The measure or the row's description. */
  what: string;
  lines: string;
  /** The dataset whose pages use the row: the dataset itself, or for a claim the dataset it checks. */
  usedBy: string;
  /** For a row that is our reading (basis inferred), why: shown with the "our reading" mark. */
  note?: string;
}

export interface SourceBlock {
  kind: BlockKind;
  lines: SourceLine[];
  /** Ids of the multi-line ranges whose first line (in reading order) is in this block. */
  anchors: string[];
  citations: Citation[];
}

export interface SourceSection {
  id: string;
  title: string;
  page: number;
  depth: number;
  blocks: SourceBlock[];
}

export interface SourcePage {
  sections: SourceSection[];
  /** Every cited range of more than one line, with the non-blank lines it covers. */
  ranges: { id: string; lines: number[] }[];
}

function unitOf(u: string): Unit | 'percent-change' {
  return u as Unit | 'percent-change';
}

function formatCited(value: number, unit: string): string {
  const u = unitOf(unit);
  if (u === 'percent-change') return formatChange(value, 'percent');
  if (u === 'count' || u === 'percent' || u === 'gbp' || u === 'fte' || u === 'ratio') return formatValue(value, u);
  return formatNumber(value);
}

const FUNDERS: Record<string, string> = { 'wcc-public-health': 'paid by the county council (public health)', 'west-mercia-pcc': 'paid by the Police and Crime Commissioner' };

/** "Alcohol and Substance misuse contract, budget, paid by the Police and Crime Commissioner" (the report's line name). */
function spendingLabel(raw: Record<string, string | undefined>): string {
  return [lineName(raw.line ?? ''), raw.basis, FUNDERS[raw.funder ?? ''] ?? raw.funder].filter(Boolean).join(', ');
}

/**
 * Why a row is our reading, or undefined when it is the report's own: the `basis_note` of an inferred
 * activity or relationship, or the footnote of a spending row whose funder the report does not name
 * (a `*-funder-assumed` note: 2018/19's "plus £106,000", line 415). Wherever such a row is shown it
 * carries the "our reading" mark with this note (docs/data-rules.md, "Stated or inferred").
 */
export function readingNote(dataset: LoadedDataset, row: LoadedRow): string | undefined {
  const raw = row.raw;
  if (dataset.meta.kind === 'activities' || dataset.meta.kind === 'relationships') return isInferred(raw.basis) ? raw.basis_note : undefined;
  const ids = (raw.notes ?? '').split(';');
  return dataset.meta.footnotes.find((f) => f.id.endsWith('-funder-assumed') && ids.includes(f.id))?.text;
}

export function describeCitation(dataset: LoadedDataset, row: LoadedRow, measures: Map<string, string>): { label: string; what: string } {
  const v = row.value;
  const raw = row.raw;
  if (typeof v.value === 'number' && typeof v.unit === 'string') {
    const what = measures.get(raw.measure ?? '') ?? spendingLabel(raw);
    return { label: formatCited(v.value, v.unit), what: `${what}, ${raw.period}` };
  }
  if (dataset.meta.id === 'claims') {
    const label = typeof v.stated_value === 'number' ? formatCited(v.stated_value, String(v.unit)) : `${raw.stated_direction} (direction only)`;
    return { label, what: `as the report states it (claim ${raw.id}, checked against the figures)` };
  }
  const label = raw.name ?? raw.title ?? raw.id ?? [raw.from_body, raw.type, raw.to_body].filter(Boolean).join(' ');
  return { label: String(label), what: raw.description ?? dataset.meta.title };
}

/** The page of one source: only rows citing `source` (rows with no `source` column cite the first report). */
export function buildSourcePage(catalog: Catalog, report: Report, blocks: Block[], source: string = FIRST_SOURCE): SourcePage {
  const sectionsRows = catalog.get('sections')?.rows ?? [];
  const sectionInfo = new Map(sectionsRows.map((r) => [r.raw.id!, r.raw]));
  const depth = (id: string): number => {
    let d = 0;
    for (let p = sectionInfo.get(id)?.parent; p; p = sectionInfo.get(p)?.parent) d += 1;
    return d;
  };
  const measures = new Map((catalog.get('measures')?.rows ?? []).map((r) => [r.raw.id!, r.raw.label!]));

  // Where each line sits in reading order.
  const order = new Map<number, number>();
  blocks.forEach((b, i) => blockLines(b).forEach((n) => order.set(n, i)));
  const firstBlock = (r: LineRange): number => {
    let best = Infinity;
    for (let n = r.start; n <= r.end; n++) best = Math.min(best, order.get(n) ?? Infinity);
    return best;
  };

  const anchors = new Map<number, Set<string>>();
  const citations = new Map<number, Citation[]>();
  const ranges = new Map<string, number[]>();
  for (const [id, dataset] of catalog) {
    if (!dataset.meta.columns.some((c) => c.name === SOURCE_LINES)) continue;
    for (const row of dataset.rows) {
      if (sourceOf(row) !== source) continue;
      // A cell may cite several passages (`19-21;122;152-155`): the row is listed beside each.
      for (const r of parseLineRanges(row.raw[SOURCE_LINES] ?? '') ?? []) {
        const at = firstBlock(r);
        if (at === Infinity) continue;
        const lines = formatLineRange(r);
        if (r.end > r.start) {
          const anchor = `L${r.start}-L${r.end}`;
          if (!ranges.has(anchor)) {
            const covered: number[] = [];
            for (let n = r.start; n <= r.end; n++) if (!isBlank(report.lines[n - 1] ?? '')) covered.push(n);
            ranges.set(anchor, covered);
          }
          if (!anchors.has(at)) anchors.set(at, new Set());
          anchors.get(at)!.add(anchor);
        }
        const list = citations.get(at) ?? [];
        const usedBy = id === 'claims' ? (row.raw.dataset ?? id) : id;
        const note = readingNote(dataset, row);
        list.push({ dataset: id, datasetTitle: dataset.meta.title, key: anchorKey(dataset, row, catalog), lines, usedBy, ...describeCitation(dataset, row, measures), ...(note ? { note } : {}) });
        citations.set(at, list);
      }
    }
  }

  const sections: SourceSection[] = [];
  blocks.forEach((block, i) => {
    let section = sections.at(-1);
    if (!section || section.id !== block.section) {
      const info = sectionInfo.get(block.section);
      section = { id: block.section, title: info?.title ?? block.section, page: Number(info?.page ?? 0), depth: depth(block.section), blocks: [] };
      sections.push(section);
    }
    const lines = blockLines(block)
      .filter((n) => !isBlank(report.lines[n - 1] ?? ''))
      .map((n) => ({ n, text: report.lines[n - 1]!, page: report.pages[n - 1]! }));
    section.blocks.push({ kind: block.kind, lines, anchors: [...(anchors.get(i) ?? [])].sort(), citations: citations.get(i) ?? [] });
  });
  return { sections, ranges: [...ranges].map(([id, lines]) => ({ id, lines })).sort((a, b) => a.id.localeCompare(b.id)) };
}

/**
 * The stylesheet that highlights a cited range. The anchor `<span id="L351-L352">` sits before the
 * first block holding the range, as a sibling of the blocks, so `#L351-L352:target ~ * [data-l="351"]`
 * reaches every line of the range that follows it in reading order.
 */
export function rangeCss(page: SourcePage): string {
  const rules = page.ranges.map(({ id, lines }) => `${lines.map((n) => `#${id}:target ~ * [data-l="${n}"]`).join(',\n')} {\n  background: var(--source-highlight);\n  box-shadow: -0.5rem 0 0 var(--source-highlight-edge);\n}`);
  return `/* Generated from the data's source_lines (src/data/source-page.ts): one rule per cited range. */\n${rules.join('\n')}\n`;
}
