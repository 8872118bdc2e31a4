/**
 * Which row schema validates which dataset. A dataset in `data/` without an entry here fails the build,
 * as does an entry here without a dataset.
 */
import type { z } from 'zod';
import { alcoholViolenceSchema } from './alcohol-violence.ts';
import { claimsSchema } from './claims.ts';
import { domesticAbuseSchema } from './domestic-abuse.ts';
import { activitiesSchema, bodiesSchema, relationshipsSchema } from './governance.ts';
import { glossarySchema } from './glossary.ts';
import { hateCrimeSchema } from './hate-crime.ts';
import { preventChannelSchema } from './prevent-channel.ts';
import { reoffendingCohortSchema } from './reoffending-cohort.ts';
import { areasSchema, measuresSchema, sectionsSchema, themesSchema } from './reference.ts';
import { spendingSchema } from './spending.ts';
import { staffingSchema } from './staffing.ts';

export interface DatasetSchema {
  /** The columns, in file order, each made with a column builder. */
  shape: Record<string, z.ZodType>;
  /** The whole-row schema (the shape plus cross-column rules). */
  row: z.ZodType<Record<string, unknown>, Record<string, string | undefined>>;
}

export const DATASET_SCHEMAS: Record<string, DatasetSchema> = {
  'hate-crime': hateCrimeSchema,
  'reoffending-cohort': reoffendingCohortSchema,
  'domestic-abuse': domesticAbuseSchema,
  'prevent-channel': preventChannelSchema,
  'alcohol-violence': alcoholViolenceSchema,
  staffing: staffingSchema,
  spending: spendingSchema,
  claims: claimsSchema,
  sections: sectionsSchema,
  areas: areasSchema,
  measures: measuresSchema,
  themes: themesSchema,
  bodies: bodiesSchema,
  relationships: relationshipsSchema,
  activities: activitiesSchema,
  glossary: glossarySchema,
} as unknown as Record<string, DatasetSchema>;
