import { describe, expect, it } from 'vitest';
import { cardPng, cardSvg, cardTree, titleSize } from '../../src/discovery/social-card.ts';
import { findRow, formatRow, matchingRows } from '../../src/data/lookup.ts';
import { FIGURE_IDS } from '../../src/figures/index.ts';
import { cardKeyFigure, cardSlugs, firstKeyFigure, keyFigureCard, sitePages } from '../../src/discovery/pages.ts';
import { getCatalog } from '../../src/data/index.ts';
import { readThemes } from '../support/themes.ts';

/** Width and height from a PNG's IHDR chunk. */
function pngSize(png: Buffer): { width: number; height: number } {
  expect(png.subarray(1, 4).toString('latin1')).toBe('PNG');
  return { width: png.readUInt32BE(16), height: png.readUInt32BE(20) };
}

/** Every text string in a card's element tree, with its font size. */
function texts(node: ReturnType<typeof cardTree>): Array<{ text: string; size: number }> {
  const children = node.props.children;
  if (typeof children === 'string') return [{ text: children, size: Number(node.props.style?.fontSize) }];
  return (children ?? []).flatMap((c) => texts(c));
}

describe('the first key figure of a theme page', () => {
  it('is the first <KeyFigure> or <KeyCount> in document order, inside <KeyFigures>', () => {
    const mdx =
      'Intro with <Term id="csp" />.\n\n<KeyFigures>\n  <KeyCount of="bodies" label="organisations" />\n  <KeyFigure of="hate-crime" row="a|b|c" />\n</KeyFigures>\n';
    expect(firstKeyFigure(mdx)).toEqual({ element: 'KeyCount', props: { of: 'bodies', label: 'organisations' } });
    expect(
      firstKeyFigure(
        '<KeyFigures>\n<KeyFigure of="x" row="r" label="What" />\n<KeyCount of="y" label="z" />\n</KeyFigures>',
      )?.props,
    ).toEqual({ of: 'x', row: 'r', label: 'What' });
    expect(firstKeyFigure('Just prose, and a <Value of="hate-crime" row="x" />.')).toBeUndefined();
  });

  it('the card reads the later row of the first <Change>, else the first <Value>, else the first key figure', () => {
    const prose =
      'It <Change of="hate-crime" from="a|2016/17|c" to="a|2017/18|c" words="verb" />, then <Change of="x" from="p" to="q" />.';
    const cards = '<KeyFigures>\n<KeyCount of="y" label="z" />\n</KeyFigures>\n\n';
    const change = { element: 'KeyFigure', props: { of: 'hate-crime', row: 'a|2017/18|c' } };
    expect(cardKeyFigure(prose)).toEqual(change);
    expect(cardKeyFigure(cards + prose)).toEqual(change);
    expect(cardKeyFigure(cards)).toEqual({ element: 'KeyCount', props: { of: 'y', label: 'z' } });
    expect(cardKeyFigure('Just prose, and a <Value of="hate-crime" row="x" />.')).toEqual({
      element: 'KeyFigure',
      props: { of: 'hate-crime', row: 'x' },
    });
    expect(cardKeyFigure(cards + 'Then <Value of="p" row="q" />.')).toEqual({
      element: 'KeyFigure',
      props: { of: 'p', row: 'q' },
    });
    expect(cardKeyFigure('Just prose.')).toBeUndefined();
  });

  it('a <KeyFigure> reads as the page prints it: value, label, where and when', () => {
    const key = 'north-worcestershire|2017/18|hate-offences';
    const row = findRow('hate-crime', key, 'test');
    const card = keyFigureCard('KeyFigure', { of: 'hate-crime', row: key }, 'test');
    expect(card.value).toBe(formatRow(row));
    expect(card.context).toBe('North Worcestershire, 2017/18');
    expect(keyFigureCard('KeyFigure', { of: 'hate-crime', row: key, label: 'Offences' }, 'test').label).toBe(
      'Offences',
    );
  });

  it('a <KeyCount> counts the rows, singular for one', () => {
    const n = matchingRows('activities', { theme: 'prevent', period: '2017/18' }, 'test').length;
    const card = keyFigureCard(
      'KeyCount',
      { of: 'activities', theme: 'prevent', period: '2017/18', label: 'pieces of work completed' },
      'test',
    );
    expect(card.value).toBe(String(n));
    expect(card.label).toBe(n === 1 ? 'piece of work completed' : 'pieces of work completed');
    expect(card.context).toBe('2017/18');
  });

  it('a wrong row fails the build with the page named', () => {
    expect(() =>
      keyFigureCard('KeyFigure', { of: 'hate-crime', row: 'nowhere|2017/18|hate-offences' }, 'content/themes/x.mdx'),
    ).toThrow(/content\/themes\/x\.mdx/);
  });
});

describe('the site pages and their cards', () => {
  const pages = sitePages(readThemes());

  it('has every theme, dataset and embed, each with its own card slug', () => {
    const paths = pages.map((p) => p.path);
    for (const t of readThemes()) expect(paths).toContain(`themes/${t.theme}`);
    for (const id of getCatalog().keys()) expect(paths).toContain(`data/${id}`);
    for (const id of FIGURE_IDS) expect(paths).toContain(`embed/${id}`);
    expect(cardSlugs(pages).size).toBe(pages.length);
  });

  it('every theme card shows a figure; every card has words and no placeholder', () => {
    for (const p of pages) {
      if (p.kind === 'theme') expect(p.card.figure, p.path).toBeDefined();
      const words = [
        p.card.kicker,
        p.card.title,
        p.card.text,
        p.card.figure?.value,
        p.card.figure?.label,
        p.card.figure?.context,
      ].join(' ');
      expect(words, p.path).not.toMatch(/undefined|NaN|null|\[object/);
      expect(p.card.title.length, p.path).toBeGreaterThan(0);
    }
  });

  it('two pages with the same slug are refused', () => {
    const [a] = pages;
    expect(() => cardSlugs([a!, { ...a! }])).toThrow(/share the social card slug/);
  });
});

describe('card layout (legible as a thumbnail)', () => {
  it('uses large type: a title of at least 52 px and a figure of at least 100 px on a 1200 px card', () => {
    for (const title of ['Hate crime', 'Police and Crime Commissioner and Panel', 'x'.repeat(140)]) {
      expect(titleSize(title, true)).toBeGreaterThanOrEqual(52);
      expect(titleSize(title, false)).toBeGreaterThanOrEqual(52);
    }
    const tree = cardTree({
      kicker: 'Theme',
      title: 'Hate crime',
      figure: { value: '£3,780,100', label: 'Spent', context: '2017/18' },
      footer: 'Site',
    });
    const sizes = texts(tree);
    expect(sizes.find((t) => t.text === '£3,780,100')!.size).toBeGreaterThanOrEqual(100);
    expect(Math.min(...sizes.map((t) => t.size))).toBeGreaterThanOrEqual(30);
  });

  it('renders a 1200 x 630 PNG, the same bytes each time', async () => {
    const spec = {
      kicker: 'Dataset',
      title: 'Hate crime offences and crimed incidents by area',
      figure: { value: '24', label: 'rows of data', context: '2016/17 and 2017/18' },
      footer: 'Site',
    };
    const a = await cardPng(spec);
    expect(pngSize(a)).toEqual({ width: 1200, height: 630 });
    expect((await cardPng(spec)).equals(a)).toBe(true);
  });

  it('draws the text (as paths, so no font is needed to show it) and cuts an overlong title', async () => {
    const short = await cardSvg({ title: 'Short' });
    const long = await cardSvg({ title: 'word '.repeat(80) });
    expect(short).toMatch(/^<svg[^>]*width="1200"[^>]*height="630"/);
    expect(short).toContain('<path');
    expect(short).not.toContain('<text');
    // The title is clamped to three lines: a title twice as long draws exactly the same card.
    expect(await cardSvg({ title: 'word '.repeat(160) })).toBe(long);
    expect(long).not.toBe(await cardSvg({ title: 'word '.repeat(8) }));
  });
});
