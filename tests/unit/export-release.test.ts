/** The data version and changelog (data/CHANGELOG.md), and the citations that carry the version. */
import { describe, expect, it } from 'vitest';
import { bibtexEscape, citeBibtex, citePlain, datasetCitation } from '../../src/data/citation.ts';
import { DERIVED_TABLE_IDS } from '../../src/data/derived-tables.ts';
import { dataDir, getCatalog } from '../../src/data/index.ts';
import { sourceCredits } from '../../src/data/source-files.ts';
import { changesFor, getRelease, parseChangelog } from '../../src/data/release.ts';

describe('data/CHANGELOG.md', () => {
  const release = getRelease();
  const catalog = getCatalog();

  it('gives a semantic data version and a real release date', () => {
    expect(release.version).toMatch(/^\d+\.\d+\.\d+$/);
    expect(new Date(`${release.date}T00:00:00Z`).toISOString().slice(0, 10)).toBe(release.date);
  });

  it('the first release adds every dataset exactly once, and 1.0.0 is dated 2026-11-26', () => {
    const first = release.entries.at(-1)!;
    expect(first.version).toBe('1.0.0');
    expect(first.date).toBe('2026-11-26');
    const added = first.changes.filter((c) => c.kind === 'Added').map((c) => c.dataset);
    expect(new Set(added).size).toBe(added.length);
    const withdrawnLater = new Set(
      release.entries.flatMap((e) => e.changes.filter((c) => c.kind === 'Withdrawn').map((c) => c.dataset)),
    );
    const addedLater = release.entries
      .slice(0, -1)
      .flatMap((e) => e.changes.filter((c) => c.kind === 'Added').map((c) => c.dataset));
    // Every dataset now published was added at some point; every dataset added and not withdrawn is published.
    expect([...catalog.keys()].filter((id) => !added.includes(id) && !addedLater.includes(id))).toEqual([]);
    // Derived tables (all-observations, periods) are downloads made from the datasets, not datasets in data/.
    const derived: readonly string[] = DERIVED_TABLE_IDS;
    expect(
      [...added, ...addedLater].filter((id) => !catalog.has(id) && !withdrawnLater.has(id) && !derived.includes(id)),
    ).toEqual([]);
  });

  it('lists the changes for one dataset', () => {
    expect(changesFor(release, 'hate-crime').map((c) => c.change.kind)).toContain('Added');
  });
});

describe('parseChangelog', () => {
  const good = [
    '# Data changelog',
    'Preamble.',
    '',
    '## 1.1.0 (2027-01-15)',
    'Corrections.',
    '### Corrected',
    '- `hate-crime`: a value fixed.',
    '### Withdrawn',
    '- `old-set`: removed.',
    '',
    '## 1.0.0 (2026-11-26)',
    '### Added',
    '- `hate-crime`: first.',
  ].join('\n');

  it('reads versions newest first, with summaries and changes by kind', () => {
    const r = parseChangelog(good);
    expect(r.version).toBe('1.1.0');
    expect(r.date).toBe('2027-01-15');
    expect(r.entries.map((e) => e.version)).toEqual(['1.1.0', '1.0.0']);
    expect(r.entries[0]!.summary).toBe('Corrections.');
    expect(r.entries[0]!.changes).toEqual([
      { kind: 'Corrected', dataset: 'hate-crime', text: 'a value fixed.' },
      { kind: 'Withdrawn', dataset: 'old-set', text: 'removed.' },
    ]);
  });

  it.each([
    ['## v1.0 (2026-11-26)', /:1: expected a version heading/],
    ['## 1.0.0 (2026-02-30)', /:1: expected a real date/],
    ['## 1.0.0 (2026-11-26)\n### Fixed', /:2: expected a heading "### Added"/],
    ['## 1.0.0 (2026-11-26)\n### Added\n* hate-crime: x', /:3: expected a change like/],
    ['## 1.0.0 (2026-11-26)\n\n## 1.1.0 (2026-12-01)', /newest first/],
    ['# Nothing yet', /at least one version heading/],
  ])('rejects %j', (text, message) => {
    expect(() => parseChangelog(text, 'CHANGELOG.md')).toThrow(message);
  });
});

describe('citations', () => {
  const release = { version: '1.2.3', date: '2027-03-04' };
  const meta = getCatalog().get('hate-crime')!.meta;
  const input = datasetCitation(meta, 'https://example.org/site/data/hate-crime/', release, sourceCredits(dataDir()));

  it('plain text names publisher, year, title, version, source section, licence and URL', () => {
    const text = citePlain(input);
    expect(text).toContain('Worcestershire Community Safety in Numbers (2027).');
    expect(text).toContain(`${meta.title} [dataset], version 1.2.3, released 2027-03-04`);
    expect(text).toContain(meta.source.section);
    expect(text).toContain('Open Government Licence v3.0');
    expect(text.endsWith('https://example.org/site/data/hate-crime/')).toBe(true);
  });

  it('BibTeX is a @misc entry with a versioned key and escaped special characters', () => {
    const bib = citeBibtex({ ...input, title: 'Spend & income: 50% of #1_a {x}' });
    expect(bib.startsWith('@misc{wcsn-hate-crime-1-2-3,\n')).toBe(true);
    expect(bib).toContain('{{Spend \\& income: 50\\% of \\#1\\_a \\{x\\}}}');
    expect(bib).toContain('version      = {1.2.3}');
    expect(bib).toContain('url          = {https://example.org/site/data/hate-crime/}');
    expect(bib.endsWith('\n}')).toBe(true);
    // Braces balance, so the entry parses.
    const unescaped = bib.replace(/\\[{}]/g, '');
    expect([...unescaped].filter((c) => c === '{').length).toBe([...unescaped].filter((c) => c === '}').length);
  });

  it('escapes backslash, tilde and caret', () => {
    expect(bibtexEscape('a\\b~c^d')).toBe('a\\textbackslash{}b\\textasciitilde{}c\\textasciicircum{}d');
  });
});
