import { describe, expect, it } from 'vitest';
import { absoluteUrl, joinBase, normaliseBase, withBase } from '../../src/lib/url.ts';

describe('normaliseBase', () => {
  it.each([
    [undefined, '/'],
    ['', '/'],
    ['/', '/'],
    ['repo', '/repo/'],
    ['/repo', '/repo/'],
    ['repo/', '/repo/'],
    ['//repo//', '/repo/'],
    ['/a/b', '/a/b/'],
  ])('%s -> %s', (input, expected) => {
    expect(normaliseBase(input)).toBe(expected);
  });
});

describe('joinBase', () => {
  it.each([
    ['/', '/', '/'],
    ['/', 'data/', '/data/'],
    ['/worcestershire-community-safety/', '/', '/worcestershire-community-safety/'],
    ['/worcestershire-community-safety', '/themes/hate-crime/', '/worcestershire-community-safety/themes/hate-crime/'],
    ['worcestershire-community-safety/', 'themes//hate-crime/', '/worcestershire-community-safety/themes/hate-crime/'],
    ['/repo/', '/data/hate-crime.csv', '/repo/data/hate-crime.csv'],
    [
      '/repo/',
      '/themes/hate-crime/?view=percent#hate-crime-trend',
      '/repo/themes/hate-crime/?view=percent#hate-crime-trend',
    ],
  ])('base %s + %s -> %s', (base, path, expected) => {
    expect(joinBase(base, path)).toBe(expected);
  });

  it('leaves absolute URLs and fragments alone', () => {
    expect(joinBase('/repo/', 'https://www.worcestershire.gov.uk/')).toBe('https://www.worcestershire.gov.uk/');
    expect(joinBase('/repo/', 'mailto:data@example.org')).toBe('mailto:data@example.org');
    expect(joinBase('/repo/', '#main')).toBe('#main');
  });
});

describe('withBase', () => {
  it('uses the configured base (Vite sets BASE_URL; "/" under Vitest by default)', () => {
    expect(withBase('/data/')).toBe(joinBase(import.meta.env.BASE_URL, '/data/'));
  });
});

describe('absoluteUrl', () => {
  it('builds absolute URLs with the origin and the base path', () => {
    expect(absoluteUrl('/cards/home.png', 'https://example.org', '/repo/')).toBe(
      'https://example.org/repo/cards/home.png',
    );
    expect(absoluteUrl('/', new URL('https://example.org/'), '/')).toBe('https://example.org/');
    expect(absoluteUrl('sitemap-index.xml', 'https://example.org', 'repo')).toBe(
      'https://example.org/repo/sitemap-index.xml',
    );
    expect(absoluteUrl('/x/', undefined, '/')).toBe('http://localhost:4321/x/');
  });
});
