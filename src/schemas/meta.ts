/**
 * The dataset contract: every file in `data/` has a `<name>.meta.json` beside it, validated by this schema.
 * The loader then checks that the metadata agrees with the file (same columns, same order, the
 * declared types are the types the dataset's row schema enforces).
 */
import { z } from 'zod';
import { COLUMN_TYPES } from './columns.ts';
import { STATUSES, UNITS } from './common.ts';

const kebab = z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'a kebab-case id');
const isoDate = z.iso.date();

/** One entry of a column dictionary. */
export const columnMetaSchema = z.strictObject({
  /** The column name, exactly as in the header row. */
  name: z.string().regex(/^[a-z][a-z0-9_]*$/, 'a snake_case column name'),
  /** The value type; must match the type the dataset's row schema enforces. */
  type: z.enum(COLUMN_TYPES),
  /** What the column holds, in plain English. */
  description: z.string().min(1),
  /** The unit of a numeric column ("see the unit column" when it varies by row). */
  unit: z.string().min(1).optional(),
  /** Whether an empty cell is an error (default true). Must match the row schema. */
  required: z.boolean().default(true),
  /** Id of the dataset whose `id` column every value of this column must appear in (a foreign key). */
  references: kebab.optional(),
});

/** A footnote that rows can point to from their `notes` column. */
export const footnoteSchema = z.strictObject({
  /** Stable id used in the `notes` column. */
  id: kebab,
  /** The note, in plain English. */
  text: z.string().min(1),
});

/** Dataset kinds; each kind has one row schema family. */
export const DATASET_KINDS = [
  'observations',
  'spending',
  'claims',
  'reference',
  'bodies',
  'relationships',
  'activities',
] as const;

/** Metadata for one dataset. */
export const datasetMetaSchema = z.strictObject({
  /** Stable kebab-case id; also the file's base name. */
  id: kebab,
  /** Title shown in the catalogue and on figures. */
  title: z.string().min(1),
  /** One to three plain-English sentences on what the data is. */
  description: z.string().min(1),
  /** The data file's name inside `data/`. */
  file: z.string().regex(/^[a-z0-9-]+\.(csv|json)$/, 'a file name like hate-crime.csv'),
  /** Which family of row schema applies. */
  kind: z.enum(DATASET_KINDS),
  /** Units that values in this dataset use (empty for non-numeric tables). */
  units: z.array(z.enum(UNITS)),
  /** Columns whose values together identify a row; duplicates fail the build. */
  primaryKey: z.array(z.string()).min(1),
  /** The column dictionary: every column of the file, in file order. */
  columns: z.array(columnMetaSchema).min(1),
  /** The span of time the dataset covers. */
  period: z.strictObject({
    /** First day covered (ISO date). */
    start: isoDate,
    /** Last day covered (ISO date). */
    end: isoDate,
    /** Human label, e.g. "2016/17 and 2017/18". */
    label: z.string().min(1),
  }),
  /** The places the data covers, in words. */
  geography: z.string().min(1),
  /** Where in the source report the figures come from. */
  source: z.strictObject({
    /** The source document's title. */
    document: z.string().min(1),
    /** The section (and sub-section) of the document. */
    section: z.string().min(1),
    /** The page of the document, where known. */
    page: z.number().int().positive().optional(),
  }),
  /** Licence identifier of the data (SPDX-style, e.g. OGL-UK-3.0). */
  licence: z.string().min(1),
  /** What the numbers cannot tell you; one sentence each. */
  caveats: z.array(z.string().min(1)),
  /** Footnotes referenced from the `notes` column. */
  footnotes: z.array(footnoteSchema).default([]),
  /**
   * This dataset's own wording of a status marker, where the report says who holds the view (hate
   * crime: "The Police believe that Hate Crime is under reported" gives "Police believe
   * under-reported"). A status not named here takes its general label (STATUS_LABELS).
   */
  statusLabels: z.partialRecord(z.enum(STATUSES), z.string().min(1)).optional(),
  /** The date someone last checked the file against the source (ISO date). */
  lastChecked: isoDate,
  /**
   * A figure dataset's own measures, instead of rows in data/measures.csv: each joins the `measures`
   * dataset with this dataset's id (src/data/declared-measures.ts). Cells as measures.csv would hold them.
   */
  measures: z
    .array(z.strictObject({ id: z.string(), label: z.string(), unit: z.string(), definition: z.string() }))
    .optional(),
});

export type ColumnMeta = z.infer<typeof columnMetaSchema>;
export type DatasetMeta = z.infer<typeof datasetMetaSchema>;
