/**
 * The data release: version, date and the changelog of data changes, read from `data/CHANGELOG.md`.
 *
 * The changelog is the one place the data version is written: the newest entry's heading
 * (`## 1.0.0 (2026-11-26)`) is the version stamped into every download and into `datapackage.json`,
 * so the two can never disagree. Versions follow semantic versioning applied to data:
 *  - MAJOR: a dataset, column or row withdrawn, or an id or column renamed (a script may break);
 *  - MINOR: a dataset, column or rows added;
 *  - PATCH: values corrected, wording or metadata improved.
 *
 * The file's format (checked here, so a malformed entry fails the build with its line number):
 *
 *     ## 1.1.0 (2027-01-15)
 *     Optional summary paragraph.
 *     ### Added | Corrected | Withdrawn | Changed
 *     - `dataset-id`: what changed.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { dataDir } from './index.ts';
import { displayPath } from './load.ts';

export const CHANGE_KINDS = ['Added', 'Corrected', 'Changed', 'Withdrawn'] as const;
export type ChangeKind = (typeof CHANGE_KINDS)[number];

export interface Change {
  kind: ChangeKind;
  /** The dataset the change is about. */
  dataset: string;
  /** What changed, in plain English (Markdown code spans kept as written). */
  text: string;
}

export interface ReleaseEntry {
  /** Semantic version, e.g. `1.0.0`. */
  version: string;
  /** ISO date of the release. */
  date: string;
  /** The summary paragraph(s) under the heading. */
  summary: string;
  changes: Change[];
}

export interface Release {
  /** The newest entry's version: the data version of this build. */
  version: string;
  /** The newest entry's date. */
  date: string;
  /** Every entry, newest first. */
  entries: ReleaseEntry[];
  /** The changelog as written (shipped in the zip). */
  markdown: string;
}

const VERSION_HEADING = /^## (\d+\.\d+\.\d+) \((\d{4}-\d{2}-\d{2})\)$/;
const KIND_HEADING = /^### (.+)$/;
const CHANGE_LINE = /^- `([a-z0-9]+(?:-[a-z0-9]+)*)`: (.+)$/;

function compareVersions(a: string, b: string): number {
  const pa = a.split('.').map(Number);
  const pb = b.split('.').map(Number);
  for (let i = 0; i < 3; i++) if (pa[i] !== pb[i]) return pa[i]! - pb[i]!;
  return 0;
}

/** Parse the changelog's text; throws with `file:line` on anything that is not in the format above. */
export function parseChangelog(markdown: string, file = 'CHANGELOG.md'): Release {
  const entries: ReleaseEntry[] = [];
  let entry: ReleaseEntry | undefined;
  let kind: ChangeKind | undefined;
  const summary: string[] = [];
  const fail = (line: number, expected: string, found: string): never => {
    throw new Error(`${file}:${line}: expected ${expected}, found ${JSON.stringify(found)}`);
  };
  const closeEntry = () => {
    if (entry) entry.summary = summary.join(' ').trim();
    summary.length = 0;
  };
  markdown.split(/\r?\n/).forEach((text, i) => {
    const line = i + 1;
    if (text.startsWith('## ')) {
      const m = VERSION_HEADING.exec(text);
      if (!m) return fail(line, 'a version heading like "## 1.0.0 (2026-11-26)"', text);
      const date = m[2]!;
      if (Number.isNaN(Date.parse(`${date}T00:00:00Z`)) || new Date(`${date}T00:00:00Z`).toISOString().slice(0, 10) !== date) fail(line, 'a real date', date);
      closeEntry();
      entry = { version: m[1]!, date, summary: '', changes: [] };
      kind = undefined;
      entries.push(entry);
      return;
    }
    if (!entry) return; // the preamble before the first version is free text
    if (text.startsWith('#')) {
      const m = KIND_HEADING.exec(text);
      const name = m?.[1] as ChangeKind | undefined;
      if (!name || !CHANGE_KINDS.includes(name)) return fail(line, `a heading "### ${CHANGE_KINDS.join('", "### ')}"`, text);
      kind = name;
      return;
    }
    if (text.trim() === '') return;
    if (kind === undefined) {
      summary.push(text.trim());
      return;
    }
    const m = CHANGE_LINE.exec(text);
    if (!m) return fail(line, 'a change like "- `dataset-id`: what changed."', text);
    entry.changes.push({ kind, dataset: m[1]!, text: m[2]! });
  });
  closeEntry();
  const newest = entries[0];
  if (!newest) throw new Error(`${file}: expected at least one version heading like "## 1.0.0 (2026-11-26)"`);
  for (let i = 1; i < entries.length; i++) {
    const [later, earlier] = [entries[i - 1]!, entries[i]!];
    if (compareVersions(later.version, earlier.version) <= 0 || later.date < earlier.date) {
      throw new Error(`${file}: versions must be listed newest first with non-decreasing dates (${later.version} before ${earlier.version})`);
    }
  }
  return { version: newest.version, date: newest.date, entries, markdown };
}

let cached: Release | undefined;

/** The release of the data in `dataDir()` (read once per build). */
export function getRelease(): Release {
  if (!cached) {
    const path = join(dataDir(), 'CHANGELOG.md');
    cached = parseChangelog(readFileSync(path, 'utf8'), displayPath(path));
  }
  return cached;
}

/** The changelog entries that mention a dataset, newest first. */
export function changesFor(release: Release, dataset: string): Array<{ version: string; date: string; change: Change }> {
  return release.entries.flatMap((e) => e.changes.filter((c) => c.dataset === dataset).map((change) => ({ version: e.version, date: e.date, change })));
}
