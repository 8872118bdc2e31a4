/**
 * The record of each released data version (data/releases/), the changes generated from it, the
 * column-order rule against the last release, and the zips of earlier versions.
 */
import { createHash } from 'node:crypto';
import { unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { dataDir, getCatalog } from '../../src/data/index.ts';
import { getRelease } from '../../src/data/release.ts';
import { codeSpans } from '../../src/data/release-text.ts';
import {
  columnOrderProblems,
  diffSnapshots,
  readRecord,
  recordedVersions,
  snapshotOf,
  type Snapshot,
} from '../../src/data/releases.ts';
import { buildVersionZip, packageFolder, versionChanges } from '../../src/data/versions.ts';

const release = getRelease();
const catalog = getCatalog();
const live = snapshotOf([...catalog.values()]);

describe('data/releases/', () => {
  it('holds a record of every version in the changelog but the newest (the live data), with its date', () => {
    const recorded = recordedVersions(dataDir()).map((m) => [m.version, m.date]);
    expect(recorded).toEqual(release.entries.slice(1).map((e) => [e.version, e.date]));
  });

  it('each record lists the columns its CSVs have (readRecord checks every header)', () => {
    for (const { version } of recordedVersions(dataDir())) {
      const { snapshot } = readRecord(dataDir(), version);
      expect(snapshot.size, version).toBeGreaterThan(0);
      for (const [id, t] of snapshot) expect(t.rows.length, `${version} ${id}`).toBeGreaterThan(0);
    }
  });
});

describe('column order against the last release', () => {
  const last = release.entries[1]!;
  const previous = { version: last.version, snapshot: readRecord(dataDir(), last.version).snapshot };
  // A minor and a major version after the last record (3.9.0 and 4.0.0 after 3.0.0).
  const major = Number(last.version.split('.')[0]);
  const nextMinor = `${major}.9.0`;
  const nextMajor = `${major + 1}.0.0`;

  it(`every table keeps the columns of ${last.version} in their positions (new columns only at the end)`, () => {
    expect(columnOrderProblems(previous, { version: release.version, snapshot: live })).toEqual([]);
  });

  const moved = (): Snapshot => {
    const copy: Snapshot = new Map([...live].map(([id, t]) => [id, { ...t, columns: [...t.columns] }]));
    const t = copy.get('hate-crime')!;
    t.columns.splice(3, 0, 'inserted'); // a column inserted mid-table, as 2.1.0 did with basis
    return copy;
  };

  it('fails on a column inserted mid-table (broken fixture), naming the dataset, the position and the old order', () => {
    const problems = columnOrderProblems(previous, { version: nextMinor, snapshot: moved() });
    expect(problems).toHaveLength(1);
    expect(problems[0]).toContain(`hate-crime: column 4 was "value" in ${last.version}, found "inserted"`);
  });

  it('fails on a withdrawn dataset and a removed column, and allows both with a new major version', () => {
    const broken = moved();
    broken.delete('staffing');
    expect(columnOrderProblems(previous, { version: nextMinor, snapshot: broken })).toHaveLength(2);
    expect(columnOrderProblems(previous, { version: nextMajor, snapshot: broken })).toEqual([]);
  });

  it('the 2.1.0 insertions mid-table (basis, and source_lines before notes in claims) are caught when 2.0.0 is compared with 2.1.0 as a minor version', () => {
    const v200 = { version: '2.0.0', snapshot: readRecord(dataDir(), '2.0.0').snapshot };
    const v210 = { version: '2.1.0', snapshot: readRecord(dataDir(), '2.1.0').snapshot };
    const problems = columnOrderProblems(v200, v210);
    expect(problems.map((p) => p.split(':')[0]).sort()).toEqual(['activities', 'claims', 'relationships']);
  });
});

describe('generated changes', () => {
  const table = (rows: Array<Record<string, string>>, columns = ['id', 'value']) => ({
    columns,
    primaryKey: ['id'],
    numeric: ['value'],
    rows,
  });

  it('counts rows added, changed and removed by primary key, and columns added and removed', () => {
    const before: Snapshot = new Map([
      [
        'a',
        table([
          { id: 'x', value: '1' },
          { id: 'y', value: '2' },
          { id: 'z', value: '3' },
        ]),
      ],
      ['gone', table([{ id: 'x', value: '1' }])],
    ]);
    const after: Snapshot = new Map([
      [
        'a',
        table(
          [
            { id: 'x', value: '1', note: 'n' },
            { id: 'y', value: '5', note: '' },
            { id: 'w', value: '9', note: '' },
          ],
          ['id', 'value', 'note'],
        ),
      ],
      ['new', table([{ id: 'x', value: '1' }])],
    ]);
    expect(diffSnapshots(before, after)).toEqual([
      {
        dataset: 'a',
        status: 'changed',
        columnsAdded: ['note'],
        columnsRemoved: [],
        rowsAdded: 1,
        rowsRemoved: 1,
        rowsChanged: 1,
      },
      {
        dataset: 'gone',
        status: 'removed',
        columnsAdded: [],
        columnsRemoved: ['id', 'value'],
        rowsAdded: 0,
        rowsRemoved: 1,
        rowsChanged: 0,
      },
      {
        dataset: 'new',
        status: 'added',
        columnsAdded: ['id', 'value'],
        columnsRemoved: [],
        rowsAdded: 1,
        rowsRemoved: 0,
        rowsChanged: 0,
      },
    ]);
  });

  it('the real versions: 2.0.0 renamed relationships from/to; 2.1.0 added basis to activities and changed rows; the first release adds every dataset', () => {
    const byVersion = new Map(versionChanges(release, dataDir(), [...catalog.values()]).map((c) => [c.version, c]));
    const rel = byVersion.get('2.0.0')!.tables.find((t) => t.dataset === 'relationships')!;
    expect(rel).toMatchObject({
      columnsAdded: ['from_body', 'to_body'],
      columnsRemoved: ['from', 'to'],
      rowsChanged: 0,
    });
    const act = byVersion.get('2.1.0')!.tables.find((t) => t.dataset === 'activities')!;
    expect(act.columnsAdded).toEqual(['basis', 'basis_note', 'source_lines']);
    expect(act.rowsChanged).toBeGreaterThan(0);
    const first = byVersion.get('1.0.0')!;
    expect(first.since).toBeUndefined();
    expect(first.tables.every((t) => t.status === 'added')).toBe(true);
  });

  it('changelog code spans render as code, not backticks', () => {
    expect(codeSpans('columns `basis` and `status`')).toEqual(['columns ', 'basis', ' and ', 'status', '']);
    expect(codeSpans('one ` alone')).toEqual(['one ` alone']);
  });
});

describe('earlier versions stay downloadable', () => {
  it('each zip holds one top-level folder with the tables, a changelog up to that version and a SHA256SUMS that checks', () => {
    for (const { version } of recordedVersions(dataDir())) {
      const files = unzipSync(buildVersionZip(dataDir(), version, release));
      const names = Object.keys(files);
      expect(
        names.every((n) => n.startsWith(`${packageFolder(version)}/`)),
        version,
      ).toBe(true);
      const at = (n: string) => files[`${packageFolder(version)}/${n}`]!;
      const sums = new TextDecoder().decode(at('SHA256SUMS')).trimEnd().split('\n');
      expect(sums.length).toBe(names.length - 1);
      for (const line of sums)
        expect(
          createHash('sha256')
            .update(at(line.slice(66)))
            .digest('hex'),
        ).toBe(line.slice(0, 64));
      const changelog = new TextDecoder().decode(at('CHANGELOG.md'));
      expect(changelog).toContain(`## ${version} (`);
      expect(changelog).not.toContain(`## ${release.version} (`);
      const { snapshot } = readRecord(dataDir(), version);
      for (const id of snapshot.keys()) expect(names).toContain(`${packageFolder(version)}/data/${id}.csv`);
    }
  });

  it('is the same bytes every time', () => {
    expect(
      Buffer.from(buildVersionZip(dataDir(), '2.0.0', release)).equals(
        Buffer.from(buildVersionZip(dataDir(), '2.0.0', release)),
      ),
    ).toBe(true);
  });
});
