/**
 * Dataset metadata is written once for every edition (issue #23): no title, description, column
 * description, caveat, geography or section name may name a period (a year, a financial year, a
 * quarter) or a source document (its id, file or title), since the next edition would make it wrong.
 * What does depend on the edition is derived from the rows at load: the period (widened to the rows)
 * and the source document (`source.document`, from the sources the rows cite).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { documentParts, periodFromRows } from '../../src/data/editions.ts';
import { loadCatalog } from '../../src/data/load.ts';
import { parsePeriod } from '../../src/lib/period.ts';
import { DATASET_SCHEMAS } from '../../src/schemas/index.ts';
import { FICTIONAL_SOURCE_ID, withFictionalEdition } from '../support/editions.ts';
import { copyDataDir } from '../support/fixtures.ts';

const DATA = resolve(import.meta.dirname, '../../data');

interface MetaText {
  title: string;
  description: string;
  geography?: string;
  caveats?: string[];
  columns: { name: string; description: string }[];
  source?: { section?: string };
}

const sources = parse(readFileSync(join(DATA, 'sources.csv'), 'utf8'), { columns: true }) as Record<string, string>[];
/** A year (2017, 2017/18, 2017-Q1, mid-2018) or a source's id, file name or title. */
const NAMES_A_YEAR = /\b(19|20)\d{2}\b/;
const documentNames = sources.flatMap((s) => [s.id!, s.file!, s.title!]).filter(Boolean);

/** Each text of a dataset's metadata that names a period or a source document, as "where: text". */
function editionBound(meta: MetaText): string[] {
  const texts: [string, string | undefined][] = [
    ['title', meta.title],
    ['description', meta.description],
    ['geography', meta.geography],
    ['source.section', meta.source?.section],
    ...(meta.caveats ?? []).map((c, i): [string, string] => [`caveats[${i}]`, c]),
    ...meta.columns.map((c): [string, string] => [`columns.${c.name}.description`, c.description]),
  ];
  return texts
    .filter(([, t]) => t !== undefined && (NAMES_A_YEAR.test(t) || documentNames.some((n) => t.includes(n))))
    .map(([where, t]) => `${where}: ${t}`);
}

const metas = readdirSync(DATA)
  .filter((f) => f.endsWith('.meta.json'))
  .map((f) => [f, JSON.parse(readFileSync(join(DATA, f), 'utf8')) as MetaText] as const);

describe('dataset metadata names no edition', () => {
  it.each(metas)('%s names no period and no source document', (_, meta) => {
    expect(editionBound(meta)).toEqual([]);
  });

  it('catches a description that names the years (the broken fixture: the old hate-crime text)', () => {
    const meta = metas.find(([f]) => f === 'hate-crime.meta.json')![1];
    const broken = {
      ...meta,
      description: 'Hate offences in North and South Worcestershire for the financial years 2016/17 and 2017/18.',
    };
    expect(editionBound(broken)).toEqual([`description: ${broken.description}`]);
    const file = { ...meta, columns: [{ name: 'source_lines', description: `Lines of ${sources[0]!.file}` }] };
    expect(editionBound(file)).toHaveLength(1);
  });
});

describe('what depends on the edition is derived from the rows', () => {
  const typed = (id: string) =>
    (JSON.parse(readFileSync(join(DATA, `${id}.meta.json`), 'utf8')) as { source: { document: string; page?: number } })
      .source;

  it("one source: the document is that source's publisher and title, and keeps its page", () => {
    const catalog = loadCatalog(DATA, DATASET_SCHEMAS);
    const first = sources[0]!;
    for (const id of ['hate-crime', 'spending', 'activities']) {
      expect(catalog.get(id)!.meta.source.document).toBe(`${first.publisher}, ${first.title}`);
      expect(catalog.get(id)!.meta.source.page).toBe(typed(id).page);
    }
  });

  it('two sources: the document names both, in edition order, and no single page', () => {
    const catalog = loadCatalog(withFictionalEdition(copyDataDir(DATA)), DATASET_SCHEMAS);
    const hate = catalog.get('hate-crime')!.meta.source;
    expect(hate.document).toBe(
      `${sources[0]!.publisher}, ${sources[0]!.title}; Nobody: a fictional test edition, Community Safety overview 2019 (fictional test edition)`,
    );
    expect(hate.page).toBeUndefined();
    expect(catalog.get('spending')!.meta.source.document).not.toContain('fictional');
    expect(catalog.get('hate-crime')!.rows.some((r) => r.raw.source === FICTIONAL_SOURCE_ID)).toBe(true);
  });
});

describe('a typed period label and section are checked against the rows', () => {
  const fy = (id: string) => parsePeriod(id)!;
  const typed = { start: '2016-04-01', end: '2018-03-31', label: '2016/17 and 2017/18' };

  it('keeps a label that names the first and the last period of the rows', () => {
    expect(periodFromRows(typed, [fy('2016/17'), fy('2017/18')])).toBe(typed);
  });

  it('makes the label from the rows when rows reach past it, or when it no longer names their last period', () => {
    expect(periodFromRows(typed, [fy('2016/17'), fy('2018/19')])).toEqual({
      start: '2016-04-01',
      end: '2019-03-31',
      label: '2016/17 to 2018/19',
    });
    // The broken fixture: a label typed for one edition inside a wider span; the rows now end in 2018/19.
    const wide = { start: '2016-04-01', end: '2019-03-31', label: '2016/17 and 2017/18' };
    expect(periodFromRows(wide, [fy('2016/17'), fy('2018/19')]).label).toBe('2016/17 to 2018/19');
  });

  it("every real dataset's typed label already names its rows (the real site keeps its words)", () => {
    const catalog = loadCatalog(DATA, DATASET_SCHEMAS);
    for (const [f] of metas) {
      const id = f.replace('.meta.json', '');
      expect([id, catalog.get(id)!.meta.period.label]).toEqual([
        id,
        (JSON.parse(readFileSync(join(DATA, f), 'utf8')) as { period: { label: string } }).period.label,
      ]);
    }
  });

  it('two sources: the section names each document’s own sections, and each document has its part', () => {
    const catalog = loadCatalog(withFictionalEdition(copyDataDir(DATA)), DATASET_SCHEMAS);
    const meta = catalog.get('hate-crime')!.meta;
    expect(meta.source.section).toBe(
      `Harm Reduction: Crime data/monitoring – Hate Crime data, in ${sources[0]!.title}; Hate Crime data, in Community Safety overview 2019 (fictional test edition)`,
    );
    expect(documentParts(meta)!.map((p) => [p.source, p.section, p.page])).toEqual([
      [sources[0]!.id, 'Harm Reduction: Crime data/monitoring – Hate Crime data', 5],
      [FICTIONAL_SOURCE_ID, 'Hate Crime data', undefined],
    ]);
    // A reference table made from every document names them all.
    expect(catalog.get('areas')!.meta.source.document).toContain('fictional test edition');
    expect(documentParts(catalog.get('areas')!.meta)).toBeUndefined();
  });
});
