/** One way to read a theme page's frontmatter and its first element of a kind (src/lib/mdx-tree.ts). */
import { describe, expect, it } from 'vitest';
import { fieldLine, firstElement, frontmatter, mdxTree } from '../../src/lib/mdx-tree.ts';

const PAGE = `---
title: Hate crime
order: 3
datasets:
  - hate-crime
---

Intro with <Term id="hate-crime">a term</Term>.

- <KeyCount of="activities" label="pieces of work" />

<Figure level={2} id="hate-crime-trend" />

<Figure id="second" />
`;

describe('frontmatter', () => {
  it('reads the fields and says on which line each is written', () => {
    const fm = frontmatter(mdxTree(PAGE));
    expect(fm.data).toEqual({ title: 'Hate crime', order: 3, datasets: ['hate-crime'] });
    expect(fieldLine(fm, 'title')).toBe(2);
    expect(fieldLine(fm, 'datasets')).toBe(4);
    expect(fieldLine(fm, 'summary')).toBeUndefined();
  });

  it('gives no data for YAML that does not parse, and empty data for a page without frontmatter', () => {
    expect(frontmatter(mdxTree('---\ntitle: [unclosed\n---\n\nText.\n')).data).toBeUndefined();
    const none = frontmatter(mdxTree('Just text.\n'));
    expect(none).toEqual({ node: undefined, yaml: '', data: {} });
  });
});

describe('firstElement', () => {
  it('finds the first element of the names in document order, nested ones included, with its string props', () => {
    const tree = mdxTree(PAGE);
    expect(firstElement(tree, ['KeyFigure', 'KeyCount'])).toEqual({
      name: 'KeyCount',
      props: { of: 'activities', label: 'pieces of work' },
    });
    // The prop order does not matter, and an expression prop is left out.
    expect(firstElement(tree, ['Figure'])).toEqual({ name: 'Figure', props: { id: 'hate-crime-trend' } });
    expect(firstElement(tree, ['Value'])).toBeUndefined();
  });
});
