/**
 * Which row schema validates which dataset, and what kind of dataset it is. A dataset in `data/`
 * without an entry here fails the build, as does an entry here without a dataset. A dataset's kind is
 * fixed here, not chosen by its metadata: the metadata's `kind` must agree (docs/validation.md).
 */
import type { z } from 'zod';
import type { DATASET_KINDS } from './meta.ts';
import { alcoholViolenceSchema } from './alcohol-violence.ts';
import { citedClaimsSchema } from './claims.ts';
import { domesticAbuseSchema } from './domestic-abuse.ts';
import { activitiesSchema, bodiesSchema, relationshipsSchema } from './governance.ts';
import { glossarySchema } from './glossary.ts';
import { hateCrimeSchema } from './hate-crime.ts';
import { preventChannelSchema } from './prevent-channel.ts';
import { reoffendingCohortSchema } from './reoffending-cohort.ts';
import { areasSchema, measuresSchema, sectionsSchema, sourcesSchema, themesSchema } from './reference.ts';
import { spendingSchema } from './spending.ts';
import { staffingSchema } from './staffing.ts';

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
    'hate-crime': hateCrimeSchema,
    'reoffending-cohort': reoffendingCohortSchema,
    'domestic-abuse': domesticAbuseSchema,
    'prevent-channel': preventChannelSchema,
    'alcohol-violence': alcoholViolenceSchema,
    staffing: staffingSchema,
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

/** The schema registered for a dataset id, or undefined; safe for any string. */
export function schemaFor(
  id: string,
  registry: Record<string, DatasetSchema> = DATASET_SCHEMAS,
): DatasetSchema | undefined {
  return Object.hasOwn(registry, id) ? registry[id] : undefined;
}

/**
 * Datasets drawn from the report: each must carry `source_lines` (the lines of
 * data/source/community-safety-overview.txt that state a row), so its schema has the column, the
 * column dictionary must list it (load.ts checks dictionary against schema) and every row must fill
 * it; src/data/provenance.ts then checks the lines hold the value. The one list; see docs/provenance.md.
 * The governance datasets (activities, bodies, relationships) cite the lines that name or describe a row.
 */
export const REPORT_DRAWN: ReadonlySet<string> = new Set([
  'hate-crime',
  'domestic-abuse',
  'alcohol-violence',
  'prevent-channel',
  'reoffending-cohort',
  'spending',
  'staffing',
  'claims',
  'activities',
  'bodies',
  'relationships',
]);

/** Report-drawn ids whose registered schema has no `source_lines` column (empty when all is well). */
export function missingSourceLines(
  registry: Record<string, DatasetSchema>,
  drawn: ReadonlySet<string> = REPORT_DRAWN,
): string[] {
  return [...drawn].filter((id) => !Object.hasOwn(schemaFor(id, registry)?.shape ?? {}, 'source_lines'));
}

const missing = missingSourceLines(DATASET_SCHEMAS);
if (missing.length > 0)
  throw new Error(
    `src/schemas/index.ts: report-drawn datasets without a source_lines column in their schema: ${missing.join(', ')}`,
  );
