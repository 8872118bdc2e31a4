/**
 * Which row schema validates which dataset, and what kind of dataset it is. A figure dataset (kind
 * `observations`) needs no entry: its schema is the one observation schema, narrowed to the units its
 * metadata declares (`observationSchemaFor`). Every other dataset has an entry here, and a dataset in
 * `data/` with neither fails the build, as does an entry here without a dataset. A registered
 * dataset's kind is fixed here, not chosen by its metadata: the metadata's `kind` must agree
 * (docs/validation.md).
 */
import type { z } from 'zod';
import type { DATASET_KINDS, DatasetMeta } from './meta.ts';
import { citedClaimsSchema } from './claims.ts';
import type { Unit } from './common.ts';
import { activitiesSchema, bodiesSchema, relationshipsSchema } from './governance.ts';
import { glossarySchema } from './glossary.ts';
import { citedObservationSchema } from './observation.ts';
import { areasSchema, measuresSchema, sectionsSchema, sourcesSchema, themesSchema } from './reference.ts';
import { spendingSchema } from './spending.ts';

export interface DatasetSchema {
  /** The dataset's kind; which cross-dataset checks apply depends on it. */
  kind: (typeof DATASET_KINDS)[number];
  /** The columns, in file order, each made with a column builder. */
  shape: Record<string, z.ZodType>;
  /** The whole-row schema (the shape plus cross-column rules). */
  row: z.ZodType<Record<string, unknown>, Record<string, string | undefined>>;
}

/**
 * The registry. It has no prototype, so an id read from a file (`constructor`, `__proto__`) can never
 * find something that is not a schema; look ids up with `schemaFor()`.
 */
export const DATASET_SCHEMAS: Record<string, DatasetSchema> = Object.assign(
  Object.create(null) as Record<string, DatasetSchema>,
  {
    spending: spendingSchema,
    claims: citedClaimsSchema,
    sections: sectionsSchema,
    sources: sourcesSchema,
    areas: areasSchema,
    measures: measuresSchema,
    themes: themesSchema,
    bodies: bodiesSchema,
    relationships: relationshipsSchema,
    activities: activitiesSchema,
    glossary: glossarySchema,
  } as unknown as Record<string, DatasetSchema>,
);

/** What `schemaFor` reads from a dataset's metadata. */
export type SchemaKey = Pick<DatasetMeta, 'id' | 'kind' | 'units'>;

const derived = new Map<string, DatasetSchema>();

/**
 * The row schema of a figure dataset drawn from the report, made from its metadata: the tidy
 * observation row with `source_lines` and `source` (src/schemas/observation.ts), its `unit` limited to
 * the units the metadata declares. Undefined for any other kind, or with no units. One schema per
 * set of units, made once.
 */
export function observationSchemaFor(meta: Pick<DatasetMeta, 'kind' | 'units'>): DatasetSchema | undefined {
  if (meta.kind !== 'observations' || meta.units.length === 0) return undefined;
  const key = meta.units.join(';');
  let schema = derived.get(key);
  if (!schema) {
    schema = citedObservationSchema(meta.units as [Unit, ...Unit[]]) as unknown as DatasetSchema;
    derived.set(key, schema);
  }
  return schema;
}

/**
 * The schema for a dataset: the one registered for its id, else (given its metadata) the observation
 * schema its units make; undefined otherwise. Safe for any string.
 */
export function schemaFor(
  dataset: string | SchemaKey,
  registry: Record<string, DatasetSchema> = DATASET_SCHEMAS,
): DatasetSchema | undefined {
  const id = typeof dataset === 'string' ? dataset : dataset.id;
  if (Object.hasOwn(registry, id)) return registry[id];
  return typeof dataset === 'string' ? undefined : observationSchemaFor(dataset);
}

/**
 * Whether datasets of a kind are drawn from the report: every kind but `reference` (areas, measures,
 * sections, sources, themes, glossary: the site's own vocabulary). Such a dataset carries
 * `source_lines` (the lines of its source's text that state a row) and `source`: its schema has the
 * columns, the column dictionary must list them (load.ts checks dictionary against schema) and every
 * row must fill them; src/data/provenance.ts then checks the lines hold the value. Derived from the
 * kind, so a new dataset is report-drawn without being listed anywhere (docs/provenance.md). The
 * governance datasets (activities, bodies, relationships) cite the lines that name or describe a row.
 */
export function isReportDrawn(kind: DatasetSchema['kind']): boolean {
  return kind !== 'reference';
}

/** Registered ids of a report-drawn kind whose schema has no `source_lines` column (empty when all is well). */
export function missingSourceLines(registry: Record<string, DatasetSchema>): string[] {
  return Object.keys(registry).filter(
    (id) => isReportDrawn(registry[id]!.kind) && !Object.hasOwn(registry[id]!.shape, 'source_lines'),
  );
}

const missing = missingSourceLines(DATASET_SCHEMAS);
if (missing.length > 0)
  throw new Error(
    `src/schemas/index.ts: report-drawn datasets without a source_lines column in their schema: ${missing.join(', ')}`,
  );
