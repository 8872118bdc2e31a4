/**
 * No column name is a SQL reserved word (issue #19): every column of every dataset can be selected
 * without quoting. Checked two ways: against the committed DuckDB and PostgreSQL lists, and live in
 * DuckDB (the devDependency @duckdb/node-api), selecting every column bare from its CSV download.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { toCsv } from '../../src/data/downloads.ts';
import { getCatalog } from '../../src/data/index.ts';
import { DUCKDB_RESERVED, POSTGRESQL_RESERVED, reservedColumnNames } from '../../src/data/sql-names.ts';

const catalog = getCatalog();
const metas = [...catalog.values()].map((d) => d.meta);

describe('reserved column names', () => {
  it('no dataset has a column named with a DuckDB or PostgreSQL reserved word', () => {
    expect(metas.length).toBeGreaterThan(10);
    expect(reservedColumnNames(metas)).toEqual([]);
  });

  it('catches the names version 1 had (broken fixture: from, to, order) and a hyphenated name', () => {
    const old = [
      { id: 'relationships', columns: [{ name: 'from' }, { name: 'to' }, { name: 'type' }] },
      { id: 'themes', columns: [{ name: 'id' }, { name: 'order' }, { name: 'source-section' }] },
    ];
    expect(reservedColumnNames(old)).toEqual([
      { dataset: 'relationships', column: 'from', reservedIn: ['DuckDB', 'PostgreSQL'] },
      { dataset: 'relationships', column: 'to', reservedIn: ['DuckDB', 'PostgreSQL'] },
      { dataset: 'themes', column: 'order', reservedIn: ['DuckDB', 'PostgreSQL'] },
      { dataset: 'themes', column: 'source-section', reservedIn: ['any engine (not a plain lower-case name)'] },
    ]);
  });

  it('the PostgreSQL list holds the words that most often bite', () => {
    for (const word of ['select', 'from', 'to', 'order', 'group', 'user', 'left', 'join', 'table', 'limit'])
      expect(POSTGRESQL_RESERVED).toContain(word);
  });
});

describe('live in DuckDB', () => {
  let instance: DuckDBInstance;
  const dir = mkdtempSync(join(tmpdir(), 'wcsn-sql-'));
  beforeAll(async () => {
    instance = await DuckDBInstance.create(':memory:');
    for (const d of catalog.values()) writeFileSync(join(dir, `${d.meta.id}.csv`), toCsv(d));
  });
  afterAll(() => instance?.closeSync());

  it('the committed DuckDB list is exactly what the installed DuckDB reserves', async () => {
    const connection = await instance.connect();
    const reader = await connection.runAndReadAll(
      "SELECT keyword_name FROM duckdb_keywords() WHERE keyword_category IN ('reserved', 'type_function', 'column_name') ORDER BY 1",
    );
    expect([...DUCKDB_RESERVED].sort()).toEqual(reader.getRows().map((r) => String(r[0])));
  });

  it('every column of every CSV can be selected without quoting', async () => {
    const connection = await instance.connect();
    for (const meta of metas) {
      const file = join(dir, `${meta.id}.csv`).replaceAll("'", "''");
      const names = meta.columns.map((c) => c.name);
      const reader = await connection.runAndReadAll(
        `SELECT ${names.join(', ')} FROM read_csv('${file}', all_varchar = true)`,
      );
      expect(reader.columnNames(), meta.id).toEqual(names);
      expect(reader.currentRowCount, meta.id).toBe(catalog.get(meta.id)!.rows.length);
    }
  });

  it('a reserved name does fail there (the check can fail)', async () => {
    const connection = await instance.connect();
    const file = join(dir, 'old-themes.csv');
    writeFileSync(file, 'id,order\r\ngovernance,1\r\n');
    await expect(connection.runAndReadAll(`SELECT id, order FROM read_csv('${file}')`)).rejects.toThrow(
      /syntax error/i,
    );
    await expect(connection.runAndReadAll(`SELECT id, "order" FROM read_csv('${file}')`)).resolves.toBeDefined();
  });
});
