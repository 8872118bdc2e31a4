/**
 * The glossary's "Used on" check (scripts/glossary-used-on.ts, run on the whole built site by
 * tests/build/glossary-used-on.test.ts): a theme page listed for a term must use that term. Proved on
 * a broken glossary that lists a page without the term.
 */
import { describe, expect, it } from 'vitest';
import { checkUsedOn, usedOnPairs } from '../../scripts/glossary-used-on.ts';

const glossary = `<main>
  <div class="glossary-entry"><h3 id="atr">Alcohol Treatment Requirement</h3>
    <p class="glossary-entry__themes">Used on: <a href="/themes/drugs-and-alcohol/">Drugs and alcohol</a>,
    <a href="/base/themes/reducing-reoffending/">Reducing reoffending</a></p></div>
  <div class="glossary-entry"><h3 id="peel">PEEL inspection</h3></div>
</main>`;
const pages: Record<string, string> = {
  'themes/drugs-and-alcohol/index.html': '<p><dfn class="term__name" data-glossary="atr">ATR</dfn></p>',
  'themes/reducing-reoffending/index.html': '<p>Alcohol treatment is mentioned, but not as a term.</p>',
};

describe('glossary "Used on" check', () => {
  it('reads every listed page of every term', () => {
    expect(usedOnPairs(glossary)).toEqual([
      { term: 'atr', page: 'themes/drugs-and-alcohol/' },
      { term: 'atr', page: 'themes/reducing-reoffending/' },
    ]);
  });

  it('fails a page listed for a term it does not use, and a missing page', () => {
    expect(checkUsedOn(glossary, (p) => pages[p])).toEqual([{ term: 'atr', page: 'themes/reducing-reoffending/' }]);
    expect(checkUsedOn(glossary, () => undefined)).toHaveLength(2);
  });

  it('passes when every listed page uses the term', () => {
    const fixed: Record<string, string> = {
      ...pages,
      'themes/reducing-reoffending/index.html': pages['themes/drugs-and-alcohol/index.html']!,
    };
    expect(checkUsedOn(glossary, (p) => fixed[p])).toEqual([]);
  });
});
