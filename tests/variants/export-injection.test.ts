/**
 * A malicious label in the data comes out harmless everywhere the site writes it. The rows in
 * tests/fixtures/injection/bodies.csv (`=HYPERLINK(...)`, `@SUM(A1)`, `+1`, `-cmd`, `<script>`,
 * `"><img onerror>`) are appended to bodies.csv in a copy of the project, and the whole site is built
 * from it (in the background while the other tests run: tests/support/build-site.ts). The same build
 * carries the fictional edition (fictional-edition.test.ts) and the six-file theme (six-files.test.ts):
 * neither adds a body.
 * Then, in the built output:
 *  - CSV: every such text cell starts with the neutralising `'` and reads back to the label exactly;
 *  - JSON: `<`, `>` and `&` never appear raw, and the labels parse back unchanged;
 *  - HTML and SVG (every page and every .svg file): the labels are text, never markup — no element
 *    with an event-handler attribute, no script holding the payload, and the escaped text is shown.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseHTML } from 'linkedom';
import Papa from 'papaparse';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { awaitBuild } from '../support/build-site.ts';
import { FIXTURES } from '../support/fixtures.ts';

const PAYLOADS = [
  '=HYPERLINK("http://x","y")',
  '@SUM(A1)',
  '+1',
  '-cmd <script>alert(1)</script>',
  '<script>alert(1)</script>',
  '"><img src=x onerror=alert(1)>',
  '-2+3',
];
const build = inject('extraBuilds').variant;
let dist: string;

beforeAll(async () => {
  dist = await awaitBuild(build);
}, 600_000);

it('was built from data holding the injection rows', () => {
  const rows = readFileSync(join(FIXTURES, 'injection', 'bodies.csv'), 'utf8')
    .trim()
    .split('\n')
    .slice(1);
  const data = readFileSync(join(build.dataDir, 'bodies.csv'), 'utf8');
  for (const row of rows) expect(data).toContain(row);
});

function walk(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? walk(join(dir, e.name)) : [join(dir, e.name)],
  );
}

describe('a malicious label in the data', () => {
  it('CSV: comes out neutralised, and reads back exactly', () => {
    const text = readFileSync(join(dist, 'data', 'bodies.csv'), 'utf8');
    const rows = Papa.parse<string[]>(text.slice(1, -2), { newline: '\r\n' }).data;
    const header = rows[0]!;
    const hyperlink = rows.find((r) => r[0] === 'injection-hyperlink')!;
    const markup = rows.find((r) => r[0] === 'injection-markup')!;
    const cell = (row: string[], name: string) => row[header.indexOf(name)]!;
    expect(cell(hyperlink, 'name')).toBe(`'=HYPERLINK("http://x","y")`);
    expect(cell(hyperlink, 'short_name')).toBe("'@SUM(A1)");
    expect(cell(hyperlink, 'chair')).toBe("'+1");
    expect(cell(hyperlink, 'remit')).toBe("'-cmd <script>alert(1)</script>");
    expect(cell(markup, 'chair')).toBe("'-2+3");
    expect(cell(markup, 'remit')).toBe("''=1+1 already starts with a quote");
    // Markup is not a spreadsheet formula: it is kept as text, exactly.
    expect(cell(markup, 'name')).toBe('<script>alert(1)</script>');
    for (const row of rows.slice(1)) for (const c of row) expect(/^[=+\-@\t\r]/.test(c), c).toBe(false);
  });

  it('JSON: has no raw markup characters, and parses back to the labels', () => {
    const text = readFileSync(join(dist, 'data', 'bodies.json'), 'utf8');
    expect(text).not.toMatch(/[<>&]/);
    const rows = (JSON.parse(text) as { rows: Array<Record<string, string>> }).rows;
    expect(rows.find((r) => r.id === 'injection-markup')!.short_name).toBe('"><img src=x onerror=alert(1)>');
    expect(rows.find((r) => r.id === 'injection-hyperlink')!.name).toBe('=HYPERLINK("http://x","y")');
  });

  it('HTML: the dataset page shows the labels as text', () => {
    const html = readFileSync(join(dist, 'data', 'bodies', 'index.html'), 'utf8');
    const { document } = parseHTML(html);
    const cells = [...document.querySelectorAll('td')].map((td) => td.textContent);
    for (const payload of PAYLOADS) expect(cells, payload).toContain(payload);
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
  });

  it('HTML and SVG: no page or image anywhere in the site runs the payload', () => {
    const files = walk(dist).filter((f) => /\.(html|svg)$/.test(f));
    expect(files.length).toBeGreaterThan(20);
    const svgsShowingPayload: string[] = [];
    for (const file of files) {
      const source = readFileSync(file, 'utf8');
      expect(source, file).not.toContain('<script>alert(1)');
      expect(source, file).not.toContain('<img src=x');
      const { document } = parseHTML(
        file.endsWith('.svg') ? `<!doctype html><html><body>${source}</body></html>` : source,
      );
      for (const element of document.querySelectorAll('*')) {
        for (const attr of element.getAttributeNames())
          expect(/^on/i.test(attr), `${file}: <${element.localName} ${attr}>`).toBe(false);
      }
      for (const script of document.querySelectorAll('script'))
        expect(script.textContent ?? '', file).not.toContain('alert(1)');
      if (file.endsWith('.svg') && PAYLOADS.some((p) => (document.body.textContent ?? '').includes(p)))
        svgsShowingPayload.push(file);
    }
    // Not vacuous: at least one chart (the governance diagram draws every body) carries a payload as text.
    expect(svgsShowingPayload.length).toBeGreaterThan(0);
  }, 120_000);
});
