/**
 * The journalist's kit in the shared build (issue #29; docs/data-versions.md, docs/downloads.md):
 *  - every download link suggests the file's name on the site, which is what `curl -O` gives and
 *    what the recipes use;
 *  - the changelog page shows the generated changes, code as code, and every earlier version's zip
 *    with the SHA-256 that /data/versions/SHA256SUMS lists;
 *  - the workbook has the all-observations and periods sheets;
 *  - the all-data zip is one folder holding every file of the site, the report text included, with a
 *    SHA256SUMS that checks, reproducible byte for byte and stamped with the release date.
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { unzipSync } from 'fflate';
import { describe, expect, inject, it } from 'vitest';
import { buildZip, zipEntryNames, zipFolder, zipTimestamp } from '../../src/data/bundle.ts';
import { downloadTables } from '../../src/data/catalog-files.ts';
import { dataDir, getCatalog } from '../../src/data/index.ts';
import { getRelease } from '../../src/data/release.ts';
import { recordedVersions } from '../../src/data/releases.ts';
import { sourceTexts } from '../../src/data/source-files.ts';
import { buildWorkbook } from '../../src/data/workbook.ts';

process.env.DATA_DIR = inject('dataDir');
const catalog = getCatalog();
const release = getRelease();
const homepage = new URL(`${inject('basePath')}data/`, inject('site')).href;
const dist = inject('siteDir');
const TEST_BASE = inject('basePath');
const tables = downloadTables([...catalog.values()], release);
const sources = sourceTexts(dataDir());

/** The `<a download>` links of a page, with their href and suggested name. */
function downloadLinks(html: string): Array<{ href: string; name: string }> {
  return [...html.matchAll(/<a\b[^>]*>/g)]
    .map((m) => m[0])
    .filter((a) => a.includes(' download='))
    .map((a) => ({ href: /href="([^"]+)"/.exec(a)![1]!, name: /download="([^"]+)"/.exec(a)![1]! }));
}
/** Links whose suggested name is not the last part of their address. */
function nameMismatches(links: ReadonlyArray<{ href: string; name: string }>): string[] {
  return links.filter((l) => l.name !== l.href.split('/').at(-1)).map((l) => `${l.href} saves as ${l.name}`);
}

describe('download names and pages', () => {
  it('every download link suggests the name the file has on the site (what curl -O gives), on /data/ and every dataset page', () => {
    for (const page of ['data/index.html', ...[...catalog.keys()].map((id) => `data/${id}/index.html`)]) {
      const html = readFileSync(join(dist, page), 'utf8');
      const links = downloadLinks(html);
      expect(links.length, page).toBeGreaterThan(0);
      expect(nameMismatches(links), page).toEqual([]);
      for (const { href } of links) expect(existsSync(join(dist, href.slice(TEST_BASE.length))), href).toBe(true);
    }
  });

  it('the name check fails on a link that suggests a versioned name (broken fixture: the 2.1.0 links)', () => {
    const old = downloadLinks(
      '<a href="/site/data/hate-crime.csv" download="hate-crime-v2.1.0.csv" type="text/csv">CSV</a>',
    );
    expect(nameMismatches(old)).toEqual(['/site/data/hate-crime.csv saves as hate-crime-v2.1.0.csv']);
  });

  it('the changelog page shows every version, the generated table of changes, code as code, and a download of each earlier version', () => {
    const html = readFileSync(join(dist, 'data', 'changelog', 'index.html'), 'utf8');
    for (const entry of release.entries) expect(html).toContain(`id="v${entry.version.replaceAll('.', '-')}"`);
    expect(html).toContain('Rows and columns since');
    const main = html.slice(html.indexOf('<main'), html.indexOf('</main>'));
    const text = main.replace(/<script[\s\S]*?<\/script>/g, '').replace(/<[^>]+>/g, '');
    expect(text).toContain('basis_note');
    expect(text).not.toContain('`');
    const sums = readFileSync(join(dist, 'data', 'versions', 'SHA256SUMS'), 'utf8');
    for (const { version } of recordedVersions(inject('dataDir'))) {
      expect(html).toContain(`href="${TEST_BASE}data/versions/${version}/all-data.zip"`);
      const zip = readFileSync(join(dist, 'data', 'versions', version, 'all-data.zip'));
      const hash = createHash('sha256').update(zip).digest('hex');
      expect(sums).toContain(`${hash}  ${version}/all-data.zip\n`);
      expect(html).toContain(hash);
    }
  });

  it('the workbook has a sheet for the long table and the periods', () => {
    const files = unzipSync(readFileSync(join(dist, 'data', 'all-data.xlsx')));
    const book = new TextDecoder().decode(files['xl/workbook.xml']);
    expect(book).toContain('name="all-observations"');
    expect(book).toContain('name="periods"');
  });
});

describe('the all-data zip', () => {
  it('holds one folder with README, CHANGELOG, SHA256SUMS, datapackage.json, the workbook, every CSV and JSON and the report text, identical to the site files', () => {
    const zip = readFileSync(join(dist, 'data', 'all-data.zip'));
    const files = unzipSync(zip);
    const folder = `${zipFolder(release.version)}/`;
    const names = zipEntryNames(
      tables.map((d) => d.meta.id),
      sources.map((t) => t.file),
    );
    expect(Object.keys(files)).toEqual(names.map((n) => folder + n));
    const at = (n: string) => files[folder + n]!;
    const decoder = new TextDecoder();
    for (const d of tables) {
      for (const ext of ['csv', 'json']) {
        expect(
          Buffer.from(at(`data/${d.meta.id}.${ext}`)).equals(readFileSync(join(dist, 'data', `${d.meta.id}.${ext}`))),
          `${d.meta.id}.${ext}`,
        ).toBe(true);
      }
    }
    expect(Buffer.from(at('datapackage.json')).equals(readFileSync(join(dist, 'datapackage.json')))).toBe(true);
    expect(Buffer.from(at('all-data.xlsx')).equals(readFileSync(join(dist, 'data', 'all-data.xlsx')))).toBe(true);
    // The report's text travels with the data, byte for byte, where datapackage.json says.
    expect(
      Buffer.from(at('data/source/community-safety-overview.txt')).equals(
        readFileSync(join(inject('dataDir'), 'source', 'community-safety-overview.txt')),
      ),
    ).toBe(true);
    // The zip's SHA256SUMS checks every other entry, with the paths inside the folder; the report text included.
    const sums = decoder.decode(at('SHA256SUMS')).trimEnd().split('\n');
    expect(sums.map((l) => l.slice(66))).toEqual(names.filter((n) => n !== 'SHA256SUMS'));
    expect(sums.map((l) => l.slice(66))).toContain('data/source/community-safety-overview.txt');
    for (const line of sums)
      expect(
        createHash('sha256')
          .update(at(line.slice(66)))
          .digest('hex'),
      ).toBe(line.slice(0, 64));
    expect(decoder.decode(at('CHANGELOG.md'))).toBe(readFileSync(join(inject('dataDir'), 'CHANGELOG.md'), 'utf8'));
    const readme = decoder.decode(at('README.txt'));
    expect(readme).toContain('Using the data');
    expect(readme).toContain('encoding="utf-8-sig"');
    expect(readme).toContain('pd.json_normalize(json.load(f)["rows"])');
    expect(readme).toContain('npm install d3-dsv');
    expect(readme).toContain(`Data version ${release.version}`);
    expect(readme).toContain('Open Government Licence v3.0');
    expect(readme).toContain('CRLF');
    for (const [id, d] of catalog) {
      expect(readme).toContain(`${id}: ${d.meta.title}`);
      for (const c of d.meta.columns) expect(readme).toContain(`    ${c.name} (`);
      for (const caveat of d.meta.caveats) expect(readme).toContain(caveat);
    }
  });

  it('is byte-for-byte what the builder makes, every time and in every time zone', { timeout: 60_000 }, async () => {
    const built = readFileSync(join(dist, 'data', 'all-data.zip'));
    const workbook = readFileSync(join(dist, 'data', 'all-data.xlsx'));
    const tz = process.env.TZ;
    try {
      for (const zone of ['UTC', 'Pacific/Auckland', 'America/Los_Angeles']) {
        process.env.TZ = zone;
        expect(Buffer.from(await buildWorkbook(tables, release, { homepage })).equals(workbook), zone).toBe(true);
        expect(Buffer.from(buildZip(tables, release, { homepage, sources }, workbook)).equals(built), zone).toBe(true);
      }
    } finally {
      if (tz === undefined) delete process.env.TZ;
      else process.env.TZ = tz;
    }
  });

  it('stamps every entry with the release date', () => {
    const zip = readFileSync(join(dist, 'data', 'all-data.zip'));
    const stamp = zipTimestamp(release.date);
    const dosDate = ((stamp.getFullYear() - 1980) << 9) | ((stamp.getMonth() + 1) << 5) | stamp.getDate();
    // Central directory records: signature 0x02014b50, modification date at offset 14.
    let count = 0;
    for (
      let i = zip.indexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02]));
      i >= 0;
      i = zip.indexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02]), i + 4)
    ) {
      expect(zip.readUInt16LE(i + 14)).toBe(dosDate);
      expect(zip.readUInt16LE(i + 12)).toBe(0); // 00:00:00
      count++;
    }
    expect(count).toBe(
      zipEntryNames(
        tables.map((d) => d.meta.id),
        sources.map((t) => t.file),
      ).length,
    );
  });
});
