/**
 * Broken copies of the committed inputs, in one place: a test copies data/ (or content/themes/) to a
 * temporary folder, breaks it, and reads what the checks say. The committed files are never touched.
 */
import { cpSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { loadCatalog } from '../../src/data/load.ts';
import { DataValidationError, type Problem } from '../../src/data/problems.ts';
import { DATASET_SCHEMAS } from '../../src/schemas/index.ts';
import { copyDataDir, editFile } from './fixtures.ts';

const ROOT = resolve(import.meta.dirname, '../..');
export const DATA = join(ROOT, 'data');

/** The loader's problems for a data folder ([] when it loads). */
export function problemsIn(dir: string): Problem[] {
  try {
    loadCatalog(dir, DATASET_SCHEMAS);
  } catch (error) {
    if (error instanceof DataValidationError) return [...error.problems];
    throw error;
  }
  return [];
}

/** The loader's problems for a copy of data/ after `edit` changes it ([] when it still loads). */
export function problemsAfter(edit: (dir: string) => void): Problem[] {
  const dir = copyDataDir(DATA);
  edit(dir);
  return problemsIn(dir);
}

/** The same, for one replacement in one file of data/ (`file` relative to it). */
export function problemsAfterEdit(file: string, search: string, replacement: string): Problem[] {
  return problemsAfter((dir) => editFile(join(dir, file), search, replacement));
}

/** A temporary copy of content/themes/, to break. */
export function copyThemes(prefix = 'wcsn-themes-'): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  cpSync(join(ROOT, 'content/themes'), dir, { recursive: true });
  return dir;
}
