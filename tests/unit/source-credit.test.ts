/**
 * How the site names its source documents (src/lib/source-credit.ts, issue #23): every "Source:"
 * line, attribution and citation is made from the rows of data/sources.csv. With the one real row it
 * reads as the site always has; with a second edition every sentence names both, in edition order.
 */
import { describe, expect, it } from 'vitest';
import {
  attribution,
  citeParts,
  documentsCovering,
  documentsCredit,
  editionsNote,
  inEditionOrder,
  latestDocument,
  publishedWords,
  siteYears,
  titleParts,
} from '../../src/lib/source-credit.ts';

const FIRST = {
  id: 'community-safety-overview-2018',
  title: 'Community Safety overview (Appendix 1)',
  publisher: 'Worcestershire County Council',
  published: '2018',
  covers: ['2017/18', '2018/19'],
};
const LATER = {
  id: 'later',
  title: 'Community Safety overview 2019',
  publisher: 'Worcestershire County Council',
  published: '2019-07',
  covers: ['2018/19', '2019/20'],
};

describe('one document: the words the site has always used', () => {
  it('credits, attribution and the years covered', () => {
    expect(documentsCredit([FIRST])).toBe('Worcestershire County Council, Community Safety overview (Appendix 1)');
    expect(attribution([FIRST])).toBe(
      'Contains public sector information licensed under the Open Government Licence v3.0. Source: Worcestershire County Council, Community Safety overview (Appendix 1).',
    );
    expect(documentsCovering([FIRST])).toBe(
      'Worcestershire County Council, Community Safety overview (Appendix 1), covering 2017/18 and 2018/19',
    );
    expect(editionsNote([FIRST], { sources: 'data/sources.csv' })).toBe('');
    expect(siteYears([FIRST])).toEqual({ review: '2017/18', current: '2018/19', during: 'in 2017/18' });
  });

  it('a title splits around its <cite>', () => {
    expect(titleParts(FIRST.title)).toEqual({ main: 'Community Safety overview', note: 'Appendix 1' });
    expect(titleParts(LATER.title)).toEqual({ main: 'Community Safety overview 2019' });
    expect(citeParts(FIRST)).toEqual({
      before: 'Worcestershire County Council, ',
      cite: 'Community Safety overview',
      after: ' (Appendix 1)',
    });
    expect(citeParts(FIRST, { possessive: '’' })).toEqual({
      before: 'Worcestershire County Council’s ',
      cite: 'Community Safety overview',
      after: '',
    });
  });
});

describe('two documents: each is named, in edition order', () => {
  it('orders by published date, then by file order, and takes the last as the latest', () => {
    expect(inEditionOrder([LATER, FIRST]).map((d) => d.id)).toEqual([FIRST.id, LATER.id]);
    const twin = { ...LATER, id: 'twin' };
    expect(inEditionOrder([LATER, twin, FIRST]).map((d) => d.id)).toEqual([FIRST.id, LATER.id, 'twin']);
    expect(latestDocument(inEditionOrder([LATER, FIRST])).id).toBe(LATER.id);
    expect(() => latestDocument([])).toThrow(/no rows/);
  });

  it('the attribution, the covering sentence and the years name both', () => {
    const docs = [FIRST, LATER];
    expect(attribution(docs)).toBe(
      'Contains public sector information licensed under the Open Government Licence v3.0. Sources: Worcestershire County Council, Community Safety overview (Appendix 1); Worcestershire County Council, Community Safety overview 2019.',
    );
    expect(documentsCovering(docs)).toBe(
      'Worcestershire County Council, Community Safety overview (Appendix 1), published 2018, covering 2017/18 and 2018/19; Worcestershire County Council, Community Safety overview 2019, published July 2019, covering 2018/19 and 2019/20',
    );
    expect(editionsNote(docs, { sources: 'data/sources.csv' })).toMatch(/source column, an id in data\/sources\.csv/);
    expect(siteYears(docs)).toEqual({
      review: '2017/18 to 2018/19',
      current: '2019/20',
      during: 'from 2017/18 to 2018/19',
    });
  });

  it('says when each was published as precisely as known', () => {
    expect(publishedWords('2018')).toBe('2018');
    expect(publishedWords('2019-07')).toBe('July 2019');
    expect(publishedWords('2019-07-16')).toBe('16 July 2019');
    expect(publishedWords('summer 2019')).toBe('summer 2019');
  });
});
