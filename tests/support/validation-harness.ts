/** Load the validation fixture (tests/fixtures/validation/base) with a case's files laid over it. */
import { cpSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { loadCatalog } from '../../src/data/load.ts';
import { DataValidationError, formatProblem, type Problem } from '../../src/data/problems.ts';
import { claimsSchema } from '../../src/schemas/claims.ts';
import type { DatasetSchema } from '../../src/schemas/index.ts';
import { observationSchema } from '../../src/schemas/observation.ts';
import { areasSchema, measuresSchema } from '../../src/schemas/reference.ts';
import { FIXTURES, copyDataDir } from './fixtures.ts';

export const VALIDATION = join(FIXTURES, 'validation');
export const schemas = {
  areas: areasSchema,
  measures: measuresSchema,
  claims: claimsSchema,
  counts: observationSchema(['count', 'percent'] as const),
} as unknown as Record<string, DatasetSchema>;

export interface CaseResult {
  dir: string;
  problems: Problem[];
  lines: string[];
  message: string;
}

/** Copy the base, lay `cases/<name>/` over it (if it exists), let `edit` change the copy, then load. */
export function loadCase(name: string | undefined, edit?: (dir: string) => void): CaseResult {
  const dir = copyDataDir(join(VALIDATION, 'base'));
  if (name !== undefined && name !== '') {
    const overlay = join(VALIDATION, 'cases', name);
    if (!existsSync(overlay)) throw new Error(`no fixture case ${name}`);
    cpSync(overlay, dir, { recursive: true });
  }
  edit?.(dir);
  try {
    loadCatalog(dir, schemas);
    return { dir, problems: [], lines: [], message: '' };
  } catch (error) {
    if (!(error instanceof DataValidationError)) throw error;
    return { dir, problems: [...error.problems], lines: error.problems.map(formatProblem), message: error.message };
  }
}
