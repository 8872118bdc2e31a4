/**
 * `datapackage.json`: a Frictionless Data Package (v1 specification) describing every CSV download
 * (Tabular Data Resources) and the report texts (plain Data Resources), each CSV with its Table Schema: field types and constraints (enums from the row schemas), units,
 * primary keys, foreign keys to areas, measures, sections, themes and bodies, licence and sources.
 * The package's `version` is the data version; each resource carries the CSV's byte count and SHA-256.
 *
 * How the dataset contract maps onto Table Schema v1:
 *  - `integer`, `number` -> `integer`, `number`; `enum` -> `string` with `constraints.enum`;
 *    `boolean` -> `boolean` with `trueValues: ["yes"]`, `falseValues: ["no"]`;
 *  - `id`, `period`, `date` and `id-list` -> `string` with a `constraints.pattern` (Table Schema has
 *    no type for a financial year, a quarter or a month span, nor for "a month or a year");
 *  - `required` -> `constraints.required`; an empty cell is the missing value (`missingValues: [""]`);
 *  - `unit` -> a `unit` property on the field (allowed: descriptors may carry extra properties);
 *  - `references` -> `foreignKeys`, except on `id-list` columns: Table Schema v1 cannot say "each of
 *    these `;`-separated ids is a key in another table" (the field description says it instead).
 */
import { createHash } from 'node:crypto';
import { describeColumns } from '../schemas/columns.ts';
import { schemaFor } from '../schemas/index.ts';
import type { ColumnMeta, DatasetMeta } from '../schemas/meta.ts';
import { LICENCE } from '../lib/site.ts';
import { CSV_LINE_END, toCsv, type ExportableDataset } from './downloads.ts';
import type { Release } from './release.ts';
import { sourceCredits, sourcePath, type SourceText } from './source-files.ts';
import { documentParts } from './editions.ts';
import { dataDir } from './index.ts';
import { attribution, documentCredit, publishedWordsOf, titleParts, type SourceCredit } from '../lib/source-credit.ts';
import { joinList } from '../lib/words.ts';

/**
 * The documents in the package's description: "Worcestershire County Council's Community Safety
 * overview (Appendix 1, covering 2017/18 and 2018/19)", each so, joined by "; " with several.
 */
function packageDocuments(docs: readonly SourceCredit[]): string {
  return docs
    .map((d) => {
      const { main, note } = titleParts(d.title);
      const when = docs.length > 1 && d.published ? `published ${publishedWordsOf(d)}, ` : '';
      return `${d.publisher}'s ${main} (${note ? `${note}, ` : ''}${when}covering ${joinList([...d.covers])})`;
    })
    .join('; ');
}

/**
 * Patterns (XML Schema regular expressions: implicitly anchored, so no ^ and $; alternatives grouped so
 * that tools which add the anchors themselves, like frictionless-py, anchor the whole expression).
 */
export const FIELD_PATTERNS: Partial<Record<ColumnMeta['type'], string>> = {
  id: '[a-z0-9]+(-[a-z0-9]+)*',
  'id-list': '[a-z0-9]+(-[a-z0-9]+)*(;[a-z0-9]+(-[a-z0-9]+)*)*',
  period: '([0-9]{4}/[0-9]{2}|[0-9]{4}-Q[1-4]|[0-9]{4}-(0[1-9]|1[0-2])/[0-9]{4}-(0[1-9]|1[0-2]))',
  date: '[0-9]{4}(-(0[1-9]|1[0-2]))?',
};

const FORMATS: Partial<Record<ColumnMeta['type'], string>> = {
  period: 'A financial year (2017/18: 1 April 2017 to 31 March 2018), a calendar quarter (2017-Q1) or an inclusive month span (2014-02/2015-02).',
  date: 'A month (2017-10) or a year (2018).',
  'id-list': 'Ids separated by semicolons, with no spaces.',
};

export interface TableSchemaField {
  name: string;
  type: 'string' | 'integer' | 'number' | 'boolean';
  description: string;
  unit?: string;
  trueValues?: string[];
  falseValues?: string[];
  constraints: { required: boolean; enum?: string[]; pattern?: string };
}

export interface ForeignKey {
  fields: string;
  reference: { resource: string; fields: string };
}

export interface TableSchema {
  fields: TableSchemaField[];
  primaryKey: string[];
  foreignKeys?: ForeignKey[];
  missingValues: string[];
}

function fieldType(type: ColumnMeta['type']): TableSchemaField['type'] {
  if (type === 'integer' || type === 'number' || type === 'boolean') return type;
  return 'string';
}

/** The Table Schema of one dataset's CSV. */
export function tableSchema(meta: DatasetMeta): TableSchema {
  const schema = schemaFor(meta);
  const declared = new Map(schema ? describeColumns(schema.shape).map((c) => [c.name, c]) : []);
  const fields = meta.columns.map((col): TableSchemaField => {
    const values = declared.get(col.name)?.values;
    const extra = [FORMATS[col.type], col.references && col.type === 'id-list' ? `Each id is an id in the ${col.references} table.` : undefined].filter(Boolean);
    const field: TableSchemaField = {
      name: col.name,
      type: fieldType(col.type),
      description: [col.description, ...extra].join(' '),
      constraints: { required: col.required },
    };
    if (col.unit) field.unit = col.unit;
    if (col.type === 'boolean') {
      field.trueValues = ['yes'];
      field.falseValues = ['no'];
    }
    if (values) field.constraints.enum = [...values];
    const pattern = FIELD_PATTERNS[col.type];
    if (pattern) field.constraints.pattern = pattern;
    return field;
  });
  const foreignKeys = meta.columns
    .filter((c) => c.references && c.type !== 'id-list')
    .map((c): ForeignKey => ({ fields: c.name, reference: { resource: c.references === meta.id ? '' : c.references!, fields: 'id' } }));
  return { fields, primaryKey: [...meta.primaryKey], ...(foreignKeys.length > 0 ? { foreignKeys } : {}), missingValues: [''] };
}

/**
 * Where the files sit relative to a `datapackage.json`:
 *  - `site`: the descriptor at the site root and at the top of the zip's folder, with the tables in
 *    `data/` and the report texts in `data/source/`;
 *  - `flat`: the descriptor at `/data/datapackage.json`, with every file beside it under the name
 *    the site serves and a browser saves (`hate-crime.csv`, `community-safety-overview.txt`), so it
 *    also validates in a downloads folder.
 */
export type PackageLayout = 'site' | 'flat';

/** Path of a dataset's CSV relative to `datapackage.json`. */
export function resourcePath(id: string, layout: PackageLayout = 'site'): string {
  return layout === 'site' ? `data/${id}.csv` : `${id}.csv`;
}

/** Path of a source text relative to `datapackage.json`. */
export function sourceResourcePath(file: string, layout: PackageLayout = 'site'): string {
  return layout === 'site' ? sourcePath(file) : file;
}

/** A table's sources: each document its rows come from with its section (or its metadata's source, for a reference table). */
function sourceTitles(meta: DatasetMeta): Array<{ title: string }> {
  return (documentParts(meta) ?? [meta.source]).map((s) => ({
    title: `${s.document}, section: ${s.section}${s.page ? `, page ${s.page}` : ''}`,
  }));
}

export interface PackageOptions {
  /** Absolute URL of the catalogue page (`/data/`), for `homepage`; omitted when unknown. */
  homepage?: string;
  /** Where the files sit relative to the descriptor (default `site`). */
  layout?: PackageLayout;
  /** The report texts that travel with the data (src/data/source-files.ts), each a resource with its checksum. */
  sources?: readonly SourceText[];
}

/** The Data Package descriptor for a set of datasets (sorted by id for a stable output). */
export function buildDataPackage(datasets: Iterable<ExportableDataset>, release: Pick<Release, 'version' | 'date'>, options: PackageOptions = {}) {
  const sorted = [...datasets].sort((a, b) => a.meta.id.localeCompare(b.meta.id));
  const licence = { name: LICENCE.id, path: LICENCE.url, title: LICENCE.title };
  const docs = sourceCredits(dataDir());
  return {
    // A Data Package (not a Tabular Data Package, whose resources must all be tables): the tables are
    // Tabular Data Resources, the report texts plain Data Resources.
    profile: 'data-package',
    name: 'worcestershire-community-safety',
    title: 'Worcestershire Community Safety in Numbers: data',
    description: `Every figure and fact in ${packageDocuments(docs)} as typed, validated tables. ${attribution(docs)}`,
    version: release.version,
    created: `${release.date}T00:00:00Z`,
    ...(options.homepage ? { homepage: options.homepage } : {}),
    keywords: ['community safety', 'Worcestershire', 'crime', 'local government', 'open data'],
    licenses: [licence],
    sources: docs.map((d) => ({ title: documentCredit(d) })),
    resources: [
      ...sorted.map(({ meta, rows }) => {
      const csv = new TextEncoder().encode(toCsv({ meta, rows }));
      return {
        profile: 'tabular-data-resource' as const,
        name: meta.id,
        path: resourcePath(meta.id, options.layout),
        title: meta.title,
        description: meta.description,
        format: 'csv',
        mediatype: 'text/csv',
        encoding: 'utf-8',
        bytes: csv.length,
        hash: `sha256:${createHash('sha256').update(csv).digest('hex')}`,
        dialect: { delimiter: ',', lineTerminator: CSV_LINE_END, quoteChar: '"', doubleQuote: true, header: true, skipInitialSpace: false },
        licenses: [licence],
        sources: sourceTitles(meta),
        schema: tableSchema(meta),
        // Extra properties (allowed by the specification) carrying the rest of the dataset contract.
        rows: rows.length,
        period: meta.period,
        geography: meta.geography,
        lastChecked: meta.lastChecked,
        caveats: meta.caveats,
        footnotes: meta.footnotes,
      };
    }),
      ...(options.sources ?? []).map((text) => sourceResource(text, options.layout)),
    ],
  };
}

/** The resource of a report text: a plain Data Resource with its size and SHA-256. */
export function sourceResource(text: SourceText, layout: PackageLayout = 'site') {
  return {
    profile: 'data-resource' as const,
    name: `source-${text.file.replace(/\.txt$/, '').toLowerCase().replace(/[^a-z0-9._-]+/g, '-')}`,
    path: sourceResourcePath(text.file, layout),
    title: `The report's text: ${text.file}`,
    description: "The text of the source report, one line per line of the document; every source_lines cell counts these lines (1 is the first). Check a row's citation by reading its lines here.",
    format: 'txt',
    mediatype: 'text/plain',
    encoding: 'utf-8',
    bytes: text.bytes.length,
    hash: `sha256:${createHash('sha256').update(text.bytes).digest('hex')}`,
    licenses: [{ name: LICENCE.id, path: LICENCE.url, title: LICENCE.title }],
  };
}

export type DataPackage = ReturnType<typeof buildDataPackage>;
/** A table's resource (a Tabular Data Resource, with its Table Schema). */
export type TabularResource = Extract<DataPackage['resources'][number], { profile: 'tabular-data-resource' }>;
/** Whether a resource is a table's (the report texts are plain Data Resources). */
export const isTabular = (r: DataPackage['resources'][number]): r is TabularResource => r.profile === 'tabular-data-resource';
