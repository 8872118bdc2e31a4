import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

export const FIXTURES = resolve(import.meta.dirname, '../fixtures');

/** Copy a fixture data folder into a fresh temporary folder and return its path. */
export function copyDataDir(from: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'wcsn-data-'));
  cpSync(from, dir, { recursive: true });
  return dir;
}

/** Replace the first occurrence of `search` in a file (throws if absent, so a test cannot silently test nothing). */
export function editFile(path: string, search: string, replacement: string): void {
  const text = readFileSync(path, 'utf8');
  if (!text.includes(search)) throw new Error(`"${search}" not found in ${path}`);
  writeFileSync(path, text.replace(search, replacement));
}
