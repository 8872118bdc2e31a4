/**
 * The built downloads, checked in the shared build of the site (under the GitHub Pages base path,
 * from the data copy it was built from; tests/support/build-site.ts):
 *  - `datapackage.json` validates against the published Frictionless Data Package and Tabular Data
 *    Package JSON Schemas (v1, vendored in tests/fixtures/schemas/), and every resource it lists exists
 *    in the built site with the declared size and SHA-256;
 *  - the Table Schemas agree with the files: headers, primary keys, enums, patterns, foreign keys;
 *  - every downloaded CSV parses back (Papa Parse) to exactly the validated rows, every JSON too;
 *  - (the zip, download names and the changelog page: tests/build/kit.test.ts);
 *  - checksums: each dataset page shows the SHA-256 of the served CSV and JSON, and /data/SHA256SUMS
 *    passes `sha256sum -c` in a folder of files saved under the names the links suggest;
 *  - nothing in the build names localhost (scripts/check-no-localhost.ts, as the deploy runs it);
 *  - every dataset has a page linking to its downloads, and the changelog page shows the data version.
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Ajv from 'ajv-draft-04';
import addFormats from 'ajv-formats';
import { zipSync } from 'fflate';
import Papa from 'papaparse';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import {
  buildDataPackage,
  FIELD_PATTERNS,
  isTabular,
  resourcePath,
  sourceResourcePath,
  type DataPackage,
  type TabularResource,
} from '../../src/data/datapackage.ts';
import { sourceTexts } from '../../src/data/source-files.ts';
import { CSV_BOM, isNumericColumn, restoreText, stringifyJson, toCsv, toJson } from '../../src/data/downloads.ts';
import { downloadTables } from '../../src/data/catalog-files.ts';
import { findLocalhost, scanForLocalhost } from '../../scripts/check-no-localhost.ts';
import { dataDir, getCatalog } from '../../src/data/index.ts';
import { getRelease } from '../../src/data/release.ts';
import { ROOT } from '../support/build-site.ts';

const SCHEMAS = join(ROOT, 'tests/fixtures/schemas');
// The catalogue the build was made from (getCatalog reads DATA_DIR when first called).
process.env.DATA_DIR = inject('dataDir');
const catalog = getCatalog();
const release = getRelease();
const homepage = new URL(`${inject('basePath')}data/`, inject('site')).href;
const dist = inject('siteDir');
const TEST_BASE = inject('basePath');
const tables = downloadTables([...catalog.values()], release);
const sources = sourceTexts(dataDir());
let descriptor: DataPackage;
let tabular: TabularResource[];

beforeAll(() => {
  descriptor = JSON.parse(readFileSync(join(dist, 'datapackage.json'), 'utf8')) as DataPackage;
  tabular = descriptor.resources.filter(isTabular);
});

function validator(file: string) {
  // Strict about unknown keywords and formats (so a typo in the schema cannot silently pass), but not
  // about Ajv's type-annotation lints, which the official draft-04 profiles do not follow.
  const ajv = new Ajv({
    allErrors: true,
    strictSchema: true,
    strictTypes: false,
    strictTuples: false,
    strictRequired: false,
  });
  addFormats(ajv);
  // The Frictionless profiles use `textarea` as an editor hint and some annotation keywords.
  ajv.addFormat('textarea', true);
  ajv.addVocabulary(['propertyOrder', 'context', 'examples', 'options', 'notes', 'hidden']);
  return ajv.compile(JSON.parse(readFileSync(join(SCHEMAS, file), 'utf8')));
}

/** Parse a built CSV with Papa Parse into header and records (BOM and final CRLF checked and removed). */
function parseBuiltCsv(bytes: Buffer): { header: string[]; records: string[][] } {
  const text = bytes.toString('utf8');
  expect(text.startsWith(CSV_BOM)).toBe(true);
  expect(text.endsWith('\r\n')).toBe(true);
  const result = Papa.parse<string[]>(text.slice(1, -2), { delimiter: ',', newline: '\r\n', skipEmptyLines: false });
  expect(result.errors).toEqual([]);
  const [header, ...records] = result.data;
  return { header: header!, records };
}

describe('datapackage.json', () => {
  it('validates against the vendored Data Package JSON Schema, and its tables form a valid Tabular Data Package', () => {
    const validate = validator('data-package.json');
    expect(validate(descriptor)).toBe(true);
    expect(validate.errors ?? []).toEqual([]);
    // The report texts are plain Data Resources; the tables alone satisfy the Tabular Data Package profile.
    const tablesOnly = { ...descriptor, profile: 'tabular-data-package', resources: tabular };
    const validateTabular = validator('tabular-data-package.json');
    expect(validateTabular(tablesOnly)).toBe(true);
    expect(validateTabular.errors ?? []).toEqual([]);
  });

  it('the schema check can fail: a resource without a path or data is rejected', () => {
    const validate = validator('tabular-data-package.json');
    const broken = structuredClone({
      ...descriptor,
      profile: 'tabular-data-package',
      resources: tabular,
    }) as unknown as {
      resources: Array<Record<string, unknown>>;
    };
    delete broken.resources[0]!.path;
    expect(validate(broken)).toBe(false);
  });

  it('is exactly what the builder makes, with the data version, licence and sources', () => {
    expect(readFileSync(join(dist, 'datapackage.json'), 'utf8')).toBe(
      stringifyJson(buildDataPackage(tables, release, { homepage, sources })),
    );
    expect(descriptor.version).toBe(release.version);
    expect(descriptor.homepage).toBe(homepage);
    expect(descriptor.licenses).toEqual([
      {
        name: 'OGL-UK-3.0',
        path: 'https://www.nationalarchives.gov.uk/doc/open-government-licence/version/3/',
        title: 'Open Government Licence v3.0',
      },
    ]);
    expect(descriptor.sources.length).toBeGreaterThan(0);
    expect(tabular.map((r) => r.name)).toEqual(tables.map((d) => d.meta.id).sort());
    expect(tabular.map((r) => r.name)).toEqual(expect.arrayContaining(['all-observations', 'periods']));
  });

  it("lists the report's text as a resource with its size and SHA-256, where the zip and the site hold it", () => {
    const texts = descriptor.resources.filter((r) => !isTabular(r));
    expect(texts.map((r) => r.path)).toEqual(sources.map((t) => sourceResourcePath(t.file)));
    expect(texts.map((r) => r.path)).toContain('data/source/community-safety-overview.txt');
    for (const r of texts) {
      const bytes = readFileSync(join(dist, r.path));
      expect(bytes.length).toBe(r.bytes);
      expect(`sha256:${createHash('sha256').update(bytes).digest('hex')}`).toBe(r.hash);
    }
  });

  it('/data/datapackage.json names the files beside it, so it checks out in a folder of browser downloads', () => {
    const flat = JSON.parse(readFileSync(join(dist, 'data', 'datapackage.json'), 'utf8')) as DataPackage;
    const validate = validator('data-package.json');
    expect(validate(flat)).toBe(true);
    expect(flat.resources.map((r) => r.path).every((p) => !p.includes('/'))).toBe(true);
    for (const r of flat.resources) {
      const bytes = readFileSync(join(dist, 'data', r.path)); // beside it, under the name the link saves
      expect(`sha256:${createHash('sha256').update(bytes).digest('hex')}`, r.path).toBe(r.hash);
    }
  });

  it('every resource path exists in the built site, with the declared bytes and SHA-256', () => {
    for (const resource of tabular) {
      expect(resource.path).toBe(resourcePath(resource.name));
      const file = join(dist, resource.path); // relative to datapackage.json, at the site root
      expect(existsSync(file), resource.path).toBe(true);
      const bytes = readFileSync(file);
      expect(bytes.length).toBe(resource.bytes);
      expect(`sha256:${createHash('sha256').update(bytes).digest('hex')}`).toBe(resource.hash);
      expect(resource.rows).toBe(tables.find((d) => d.meta.id === resource.name)!.rows.length);
    }
  });

  it('each Table Schema agrees with its CSV: header, primary key, enums, patterns, required cells', () => {
    for (const resource of tabular) {
      const { header, records } = parseBuiltCsv(readFileSync(join(dist, resource.path)));
      const fields = resource.schema.fields;
      expect(header).toEqual(fields.map((f) => f.name));
      const keyIndex = resource.schema.primaryKey.map((k) => header.indexOf(k));
      expect(keyIndex.every((i) => i >= 0)).toBe(true);
      const keys = records.map((r) => keyIndex.map((i) => r[i]).join('|'));
      expect(new Set(keys).size, `${resource.name} primary key`).toBe(records.length);
      fields.forEach((field, i) => {
        const pattern = field.constraints.pattern ? new RegExp(`^(?:${field.constraints.pattern})$`) : undefined;
        for (const record of records) {
          const cell = record[i]!;
          if (cell === '') {
            expect(field.constraints.required, `${resource.name}.${field.name} is empty`).toBe(false);
            continue;
          }
          const value = field.type === 'string' ? restoreText(cell) : cell;
          if (field.constraints.enum) expect(field.constraints.enum, `${resource.name}.${field.name}`).toContain(value);
          if (pattern) expect(value, `${resource.name}.${field.name}`).toMatch(pattern);
          if (field.type === 'integer') expect(cell).toMatch(/^-?\d+$/);
          if (field.type === 'number') expect(cell).toMatch(/^-?\d+(\.\d+)?$/);
        }
      });
    }
  });

  it('declares foreign keys to areas, measures, sections, themes and bodies, and they resolve in the files', () => {
    const byName = new Map(tabular.map((r) => [r.name, r]));
    const targets = new Set<string>();
    for (const resource of tabular) {
      const { header, records } = parseBuiltCsv(readFileSync(join(dist, resource.path)));
      for (const fk of resource.schema.foreignKeys ?? []) {
        const target = fk.reference.resource === '' ? resource : byName.get(fk.reference.resource)!;
        expect(target, `${resource.name}.${fk.fields} -> ${fk.reference.resource}`).toBeDefined();
        targets.add(target.name);
        const ids = new Set(parseBuiltCsv(readFileSync(join(dist, target.path))).records.map((r) => r[0]));
        const column = header.indexOf(fk.fields);
        for (const record of records) {
          if (record[column] !== '') expect(ids, `${resource.name}.${fk.fields}`).toContain(record[column]);
        }
      }
    }
    for (const name of ['areas', 'measures', 'sections', 'themes', 'bodies']) expect(targets).toContain(name);
  });

  it('uses the Table Schema patterns the dataset contract implies', () => {
    expect(new RegExp(`^(?:${FIELD_PATTERNS.period})$`).test('2017/18')).toBe(true);
    expect(new RegExp(`^(?:${FIELD_PATTERNS.period})$`).test('2017-Q5')).toBe(false);
    expect(new RegExp(`^(?:${FIELD_PATTERNS.period})$`).test('2014-02/2015-02')).toBe(true);
  });
});

describe('downloads in the built site', () => {
  for (const [id, dataset] of catalog) {
    it(`${id}: the CSV parses back to exactly the validated rows, and the JSON carries them and the data version`, () => {
      const csvBytes = readFileSync(join(dist, 'data', `${id}.csv`));
      expect(csvBytes.toString('utf8')).toBe(toCsv(dataset));
      const { header, records } = parseBuiltCsv(csvBytes);
      expect(header).toEqual(dataset.meta.columns.map((c) => c.name));
      const rows = records.map((cells) =>
        Object.fromEntries(
          dataset.meta.columns.map((c, i) => [
            c.name,
            cells[i] === '' ? undefined : isNumericColumn(c) ? cells[i] : restoreText(cells[i]!),
          ]),
        ),
      );
      expect(rows).toEqual(dataset.rows.map((r) => r.raw));

      const jsonText = readFileSync(join(dist, 'data', `${id}.json`), 'utf8');
      expect(jsonText).toBe(toJson(dataset, release));
      const json = JSON.parse(jsonText) as { dataVersion: string; rows: unknown[] };
      expect(json.dataVersion).toBe(release.version);
      expect(json.rows).toHaveLength(dataset.rows.length);
    });

    it(`${id}: has a page that links to its CSV and JSON under the base path`, () => {
      const html = readFileSync(join(dist, 'data', id, 'index.html'), 'utf8');
      expect(html).toContain(`href="${TEST_BASE}data/${id}.csv"`);
      expect(html).toContain(`href="${TEST_BASE}data/${id}.json"`);
      expect(html).toContain(`download="${id}.csv"`);
      expect(html).toContain('Plain text');
      expect(html).toContain(`@misc{wcsn-${id}-`);
    });
  }

  it('the catalogue lists every dataset with its downloads, and links the zip, the long table, the report text, datapackage.json and both SHA256SUMS', () => {
    const html = readFileSync(join(dist, 'data', 'index.html'), 'utf8');
    for (const id of catalog.keys()) {
      expect(html).toContain(`href="${TEST_BASE}data/${id}/"`);
      expect(html).toContain(`href="${TEST_BASE}data/${id}.csv"`);
    }
    for (const path of [
      'data/all-data.zip',
      'datapackage.json',
      'data/datapackage.json',
      'data/all-observations.csv',
      'data/periods.csv',
      'data/community-safety-overview.txt',
      'data/SHA256SUMS',
      'SHA256SUMS',
      'data/versions/SHA256SUMS',
    ])
      expect(html, path).toContain(`href="${TEST_BASE}${path}"`);
  });
});

describe('checksums', () => {
  const sha = (path: string) => createHash('sha256').update(readFileSync(path)).digest('hex');

  it.each([...catalog.keys()])(
    '%s: its page shows the SHA-256 of the served CSV and JSON, under the names the links suggest',
    (id) => {
      const html = readFileSync(join(dist, 'data', id, 'index.html'), 'utf8');
      for (const ext of ['csv', 'json']) {
        expect(html).toContain(`<code>${sha(join(dist, 'data', `${id}.${ext}`))}</code>`);
        expect(html).toContain(`<code>${id}.${ext}</code>`);
      }
      expect(html).toContain(`href="${TEST_BASE}data/SHA256SUMS"`);
      expect(html).toContain(`href="${TEST_BASE}data/all-data.xlsx"`);
      expect(html).toContain('id="using-the-data"');
      // The citation names the deployed site's absolute URL, never a relative path or localhost.
      expect(html).toContain(
        `Open Government Licence v3.0. ${new URL(`${TEST_BASE}data/${id}/`, inject('site')).href}</code>`,
      );
    },
  );

  it('/data/ links SHA256SUMS and the workbook, and shows the zip, workbook and datapackage.json hashes', () => {
    const html = readFileSync(join(dist, 'data', 'index.html'), 'utf8');
    expect(html).toContain(`href="${TEST_BASE}data/SHA256SUMS"`);
    expect(html).toContain(`href="${TEST_BASE}data/all-data.xlsx"`);
    for (const f of [
      'data/all-data.zip',
      'data/all-data.xlsx',
      'data/datapackage.json',
      'data/all-observations.csv',
      'data/community-safety-overview.txt',
    ])
      expect(html).toContain(`<code>${sha(join(dist, f))}</code>`);
    expect(html).toContain('id="use-duckdb"');
  });

  it('/data/SHA256SUMS passes sha256sum -c in the site folder and in a folder of files saved under their names', () => {
    const sums = readFileSync(join(dist, 'data', 'SHA256SUMS'), 'utf8');
    const names = sums
      .trimEnd()
      .split('\n')
      .map((l) => l.slice(66));
    expect(names).toContain('community-safety-overview.txt');
    expect(names).toContain('all-observations.csv');
    const saved = mkdtempSync(join(tmpdir(), 'wcsn-saved-'));
    try {
      writeFileSync(join(saved, 'SHA256SUMS'), sums);
      for (const name of names) copyFileSync(join(dist, 'data', name), join(saved, name));
      const check = spawnSync('sha256sum', ['-c', 'SHA256SUMS'], { cwd: saved, encoding: 'utf8' });
      expect(check.status, check.stdout + check.stderr).toBe(0);
      expect(check.stdout.match(/: OK$/gm)).toHaveLength(names.length);
      // A changed byte fails.
      const one = join(saved, 'hate-crime.csv');
      writeFileSync(one, readFileSync(one, 'utf8').replace('318', '319'));
      expect(
        spawnSync('sha256sum', ['-c', '--ignore-missing', 'SHA256SUMS'], { cwd: saved, encoding: 'utf8' }).status,
      ).toBe(1);
    } finally {
      rmSync(saved, { recursive: true, force: true });
    }
    const inSite = spawnSync('sha256sum', ['-c', '--ignore-missing', join(dist, 'data', 'SHA256SUMS')], {
      cwd: join(dist, 'data'),
      encoding: 'utf8',
    });
    expect(inSite.status, inSite.stdout + inSite.stderr).toBe(0);
    expect(readFileSync(join(dist, 'SHA256SUMS'), 'utf8')).toContain('  data/all-data.xlsx\n');
  });
});

describe('no localhost in the published build', () => {
  it('the built site (SITE set) names no localhost anywhere, inside the zip and workbook included', () => {
    expect(scanForLocalhost(dist)).toEqual([]);
  });

  it('the check finds localhost in a page and inside a zip entry (broken fixture)', () => {
    expect(findLocalhost('index.html', new TextEncoder().encode('<a href="http://localhost:4321/data/">'))).toEqual([
      'index.html',
    ]);
    const zip = zipSync(
      { 'datapackage.json': new TextEncoder().encode('{"homepage":"http://localhost:4321/data/"}') },
      { level: 9 },
    );
    expect(findLocalhost('data/all-data.zip', zip)).toEqual(['data/all-data.zip!datapackage.json']);
  });
});
