import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { cardPath, cardSlug, serializeJsonLd, sitePath } from '../../src/lib/seo.ts';

/** Put JSON-LD into a page exactly as the Base layout does, and read it back with an HTML parser. */
function roundTrip(value: unknown): { scripts: number; text: string; parsed: unknown } {
  const html = `<!doctype html><html><head><title>t</title></head><body><script type="application/ld+json">${serializeJsonLd(value)}</script><p>after</p></body></html>`;
  const { document } = parseHTML(html);
  const scripts = document.querySelectorAll('script');
  const text = scripts[0]?.textContent ?? '';
  return { scripts: scripts.length, text, parsed: JSON.parse(text) };
}

describe('serializeJsonLd', () => {
  const PAYLOADS = [
    '</script><script>alert(1)</script>',
    '</SCRIPT ><img src=x onerror=alert(1)>',
    '<!-- <script>',
    ']]></script>',
    'Fish & chips &amp; &lt;b&gt;',
    'line\u2028separator\u2029paragraph',
  ];

  it.each(PAYLOADS)('keeps %j inside the JSON, and the value unchanged', (payload) => {
    const value = {
      '@type': 'Dataset',
      name: 'x',
      description: `A description ${payload} end`,
      nested: [{ text: payload }],
    };
    const json = serializeJsonLd(value);
    expect(json).not.toMatch(/[<>&\u2028\u2029]/);
    expect(JSON.parse(json)).toEqual(value);
    const back = roundTrip(value);
    expect(back.scripts).toBe(1);
    expect(back.parsed).toEqual(value);
  });

  it('writes the escapes as \\u sequences', () => {
    expect(serializeJsonLd({ a: '<>&' })).toBe('{"a":"\\u003c\\u003e\\u0026"}');
    expect(serializeJsonLd('\u2028')).toBe('"\\u2028"');
  });

  it('without escaping, the same payload would close the element (the test can fail)', () => {
    const html = `<script type="application/ld+json">${JSON.stringify({ d: '</script><script>alert(1)</script>' })}</script>`;
    expect(
      parseHTML(`<!doctype html><html><body>${html}</body></html>`).document.querySelectorAll('script').length,
    ).toBe(2);
  });

  it('refuses a value that is not JSON', () => {
    expect(() => serializeJsonLd(undefined)).toThrow();
  });
});

describe('page paths and card slugs', () => {
  it('strips the base path and index.html', () => {
    expect(sitePath('/repo/themes/hate-crime/', '/repo/')).toBe('themes/hate-crime');
    expect(sitePath('/repo/', '/repo/')).toBe('');
    expect(sitePath('/repo/404.html', '/repo/')).toBe('404');
    expect(sitePath('/repo/404/', '/repo')).toBe('404');
    expect(sitePath('/themes/x/index.html', '/')).toBe('themes/x');
    expect(sitePath('/', undefined)).toBe('');
  });

  it('makes one flat, readable slug per page', () => {
    expect(cardSlug('')).toBe('home');
    expect(cardSlug('/themes/hate-crime/')).toBe('themes--hate-crime');
    expect(cardSlug('data/changelog')).toBe('data--changelog');
    expect(cardSlug('data-changelog')).not.toBe(cardSlug('data/changelog'));
    expect(cardPath('/repo/embed/marac-cases/', '/repo/')).toBe('/cards/embed--marac-cases.png');
    expect(cardPath('/repo/', '/repo/')).toBe('/cards/home.png');
  });
});
