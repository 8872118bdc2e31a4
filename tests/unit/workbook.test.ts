/**
 * all-data.xlsx (src/data/workbook.ts), read back with a second library (read-excel-file, a
 * devDependency; exceljs wrote it): every cell of every dataset sheet equals the validated data,
 * number columns hold numbers, every other cell holds text (no period, id or month became a date or
 * a number), the header is frozen and carries the dictionary's notes, and the bytes are the same on
 * every build and in every time zone.
 */
import ExcelJS from 'exceljs';
import { strFromU8, unzipSync } from 'fflate';
import readXlsxFile from 'read-excel-file/node';
import { beforeAll, describe, expect, it } from 'vitest';
import { isNumericColumn } from '../../src/data/downloads.ts';
import { getCatalog } from '../../src/data/index.ts';
import { getRelease } from '../../src/data/release.ts';
import {
  buildWorkbook,
  COLUMNS_SHEET,
  columnNote,
  FOOTNOTES_SHEET,
  README_SHEET,
  sheetNames,
  workbookCell,
} from '../../src/data/workbook.ts';

type Sheets = Array<{ sheet: string; data: unknown[][] }>;
const catalog = getCatalog();
const datasets = [...catalog.values()];
const release = getRelease();
const homepage = 'https://example.org/worcestershire-community-safety/data/';
let bytes: Uint8Array;
let sheets: Sheets;
let parts: Record<string, Uint8Array>;

/** Throws if a non-numeric column's cell came back as anything but text (a Date above all). */
function assertTypedCells(
  sheet: string,
  columns: ReadonlyArray<{ name: string; type: string }>,
  data: unknown[][],
): void {
  for (const [r, row] of data.slice(1).entries()) {
    columns.forEach((c, i) => {
      const v = row[i];
      if (v === null || v === undefined) return;
      const where = `${sheet}!row ${r + 2} ${c.name}`;
      if (v instanceof Date) throw new Error(`${where}: became a date (${v.toISOString()})`);
      if (isNumericColumn(c as { type: 'number' })) {
        if (typeof v !== 'number') throw new Error(`${where}: expected a number, found ${typeof v}`);
      } else if (typeof v !== 'string') throw new Error(`${where}: expected text, found ${typeof v} ${String(v)}`);
    });
  }
}

beforeAll(async () => {
  bytes = await buildWorkbook(datasets, release, { homepage });
  sheets = await readXlsxFile(Buffer.from(bytes));
  parts = unzipSync(bytes);
}, 60_000);

describe('all-data.xlsx', () => {
  it('has README, one sheet per dataset, Columns and Footnotes, in that order', () => {
    expect(sheets.map((s) => s.sheet)).toEqual(sheetNames([...catalog.keys()]));
    expect(sheets.map((s) => s.sheet)).toHaveLength(catalog.size + 3);
  });

  it.each([...catalog.keys()])(
    '%s: every cell equals the validated data, typed, with no date-converted period or id',
    (id) => {
      const { meta, rows } = catalog.get(id)!;
      const data = sheets.find((s) => s.sheet === id)!.data;
      expect(data[0]).toEqual(meta.columns.map((c) => c.name));
      assertTypedCells(id, meta.columns, data);
      expect(data.slice(1)).toEqual(rows.map((r) => meta.columns.map((c) => workbookCell(c, r.raw[c.name]))));
      // The text cells are the validated text exactly (no ' added, unlike the CSV).
      for (const [i, r] of rows.entries())
        for (const [j, c] of meta.columns.entries())
          if (!isNumericColumn(c) && r.raw[c.name] !== undefined) expect(data[i + 1]![j]).toBe(r.raw[c.name]);
    },
  );

  it(
    'formats every text column as Text, freezes each header row and notes each heading with its dictionary entry',
    { timeout: 30_000 },
    async () => {
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
      for (const { meta } of datasets) {
        const ws = wb.getWorksheet(meta.id)!;
        expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
        meta.columns.forEach((c, i) => {
          const header = ws.getRow(1).getCell(i + 1);
          const note = header.note;
          expect(typeof note === 'string' ? note : note.texts!.map((t) => t.text).join('')).toBe(columnNote(c));
          if (!isNumericColumn(c))
            for (let r = 2; r <= ws.rowCount; r++)
              expect(ws.getRow(r).getCell(i + 1).numFmt, `${meta.id} ${c.name}`).toBe('@');
        });
      }
      // The frozen pane is in the sheet XML itself, as Excel reads it.
      const sheetXml = Object.keys(parts).filter((n) => /^xl\/worksheets\/sheet\d+\.xml$/.test(n));
      expect(sheetXml).toHaveLength(catalog.size + 3);
      const frozen = sheetXml.filter((n) => /<pane [^>]*ySplit="1"[^>]*state="frozen"/.test(strFromU8(parts[n]!)));
      expect(frozen).toHaveLength(catalog.size + 2);
    },
  );

  it('README gives the title, version, source, licence, attribution, citation and every caveat', () => {
    const text = sheets
      .find((s) => s.sheet === README_SHEET)!
      .data.flat()
      .filter((v) => typeof v === 'string')
      .join('\n');
    expect(text).toContain(`${release.version}, released ${release.date}`);
    expect(text).toContain('Open Government Licence v3.0');
    expect(text).toContain('Contains public sector information licensed under the Open Government Licence v3.0');
    expect(text).toContain(`version ${release.version}`);
    expect(text).toContain(homepage);
    for (const { meta } of datasets) for (const caveat of meta.caveats) expect(text).toContain(caveat);
  });

  it('Columns and Footnotes sheets hold every dictionary entry and footnote', () => {
    const columns = sheets.find((s) => s.sheet === COLUMNS_SHEET)!.data;
    expect(columns.slice(1)).toEqual(
      datasets
        .toSorted((a, b) => a.meta.id.localeCompare(b.meta.id))
        .flatMap(({ meta }) =>
          meta.columns.map((c) => [
            meta.id,
            c.name,
            c.type,
            c.unit ?? null,
            c.required ? 'no' : 'yes',
            c.references ?? null,
            c.description,
          ]),
        ),
    );
    const footnotes = sheets.find((s) => s.sheet === FOOTNOTES_SHEET)!.data;
    expect(footnotes.slice(1)).toEqual(
      datasets
        .toSorted((a, b) => a.meta.id.localeCompare(b.meta.id))
        .flatMap(({ meta }) => meta.footnotes.map((f) => [meta.id, f.id, f.text])),
    );
  });

  it(
    'is byte-for-byte the same on every build and in every time zone, stamped with the release date',
    { timeout: 60_000 },
    async () => {
      const tz = process.env.TZ;
      try {
        for (const zone of ['UTC', 'Pacific/Auckland', 'America/Los_Angeles']) {
          process.env.TZ = zone;
          expect(
            Buffer.from(await buildWorkbook(datasets, release, { homepage })).equals(Buffer.from(bytes)),
            zone,
          ).toBe(true);
        }
      } finally {
        if (tz === undefined) delete process.env.TZ;
        else process.env.TZ = tz;
      }
      expect(strFromU8(parts['docProps/core.xml']!)).toContain(`${release.date}T00:00:00Z`);
    },
  );

  it('the type check catches a period that a careless writer let become a date (broken fixture)', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('hate-crime');
    ws.addRow(['area', 'period', 'value']);
    // What Excel does to "2017-10" when it guesses: a date.
    ws.addRow(['north-worcestershire', new Date(Date.UTC(2017, 9, 1)), 318]);
    ws.getCell('B2').numFmt = 'mmm-yy';
    const [bad] = (await readXlsxFile(Buffer.from(await wb.xlsx.writeBuffer()))) as Sheets;
    const columns = [
      { name: 'area', type: 'id' },
      { name: 'period', type: 'date' },
      { name: 'value', type: 'integer' },
    ];
    expect(() => assertTypedCells('hate-crime', columns, bad!.data)).toThrow(/hate-crime!row 2 period: became a date/);
  });
});
