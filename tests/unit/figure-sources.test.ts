/**
 * A figure's source line names the report section that holds each passage it cites, not the section
 * its row is filed under (a body filed under the Safer Communities Board may cite a line of the
 * domestic abuse passage; a link filed under child sexual exploitation may cite the Prevent passage).
 */
import { describe, expect, it } from 'vitest';
import { sourceLine } from '../../src/figures/files.ts';
import { sourcesFor } from '../../src/figures/helpers.ts';
import { FIGURE_IDS, getFigure } from '../../src/figures/index.ts';
import { parseLineRanges } from '../../src/lib/line-range.ts';

describe('figure sources', () => {
  it('names each cited passage under the section that holds it', () => {
    const out = sourcesFor([
      { dataset: 'relationships', section: 'harm-reduction-cse', lines: '159-160' },
      { dataset: 'relationships', section: 'harm-reduction-cse', lines: '178-179' },
      { dataset: 'bodies', section: 'safer-communities-board', lines: '9-13;184-185' },
    ]);
    const by = (dataset: string) =>
      out.filter((s) => s.dataset === dataset).map((s) => [s.section, (s.lines ?? []).join(';')]);
    expect(by('relationships')).toEqual([
      ['harm-reduction-cse', '159-160'],
      ['harm-reduction-prevent', '178-179'],
    ]);
    expect(by('bodies')).toEqual([
      ['safer-communities-board', '9-13'],
      ['harm-reduction-domestic-abuse', '184-185'],
    ]);
  });

  it('keeps the row’s section for a passage the source page does not place', () => {
    const out = sourcesFor([{ dataset: 'relationships', section: 'harm-reduction-cse', lines: '100000' }]);
    expect(out.map((s) => s.section)).toEqual(['harm-reduction-cse']);
  });
});

/**
 * A figure's source line cites only the rows it draws (issue #24): the download's printed lines and
 * the page's linked lines are the passages the figure's own rows cite, never every line its dataset
 * cites in that section (the MARAC chart once cited the five passages of the whole domestic abuse
 * data section).
 */
describe('a figure cites only the rows it draws', () => {
  const lineSet = (cells: readonly string[]) => {
    const out = new Set<number>();
    for (const c of cells) for (const r of parseLineRanges(c) ?? []) for (let n = r.start; n <= r.end; n++) out.add(n);
    return out;
  };
  /** The line numbers a download's source line prints ("lines 360–361", "line 390", "lines 19–21, 122 and 152–155"). */
  const printed = (line: string) =>
    [...line.matchAll(/\blines? ((?:\d+(?:–\d+)?(?:, | and )?)+)/g)].flatMap((m) =>
      m[1]!.split(/, | and /).flatMap((p) => {
        const [a, b = a] = p.split('–').map(Number) as [number, number?];
        return Array.from({ length: b - a + 1 }, (_, i) => a + i);
      }),
    );

  it('prints the figure’s own lines, joined, not its dataset’s (broken fixture: a section cited whole)', () => {
    const source = {
      dataset: 'prevent-channel',
      datasetTitle: 'Channel referrals',
      section: 'prevent-data',
      sectionTitle: 'Prevent Data',
      page: 6,
    };
    expect(sourceLine({ sources: [{ ...source, lines: ['390'] }] })).toMatch(/, line 390\.$/);
    expect(sourceLine({ sources: [{ ...source, lines: ['390', '391'] }] })).toMatch(/, lines 390–391\.$/);
    // Without lines of its own a source prints none, rather than every line its dataset cites there.
    expect(sourceLine({ sources: [source] })).not.toMatch(/\bline/);
    // Each report is named before its own sections: a figure drawing on a second edition names both.
    const two = sourceLine({
      sources: [
        { ...source, lines: ['390'] },
        { ...source, lines: ['24'], source: 'a-later-edition' },
      ],
    });
    expect(two).toMatch(
      /^Source: Worcestershire County Council, Community Safety overview[^;]*, line 390; a-later-edition, .*line 24\.$/,
    );
  });

  it.each(FIGURE_IDS)(
    '%s: its sources are the lines its rows cite, and its source line prints no other',
    (id) => {
      const f = getFigure(id);
      const own = lineSet(f.sources.flatMap((s) => s.lines ?? []));
      for (const n of printed(sourceLine(f))) expect(own.has(n), `${id} prints line ${n}`).toBe(true);
      // The rows it draws, where the figure lists them: its table's lines per row, or a source_lines column.
      const col = f.csv.columns.indexOf('source_lines');
      const drawn = f.table.rowSources
        ? f.table.rowSources.flat()
        : col >= 0
          ? f.csv.rows.map((r) => String(r[col] ?? '')).filter(Boolean)
          : undefined;
      if (drawn) expect([...own].sort((a, b) => a - b)).toEqual([...lineSet(drawn)].sort((a, b) => a - b));
    },
    60_000,
  );
});
