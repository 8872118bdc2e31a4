/** The activities explorer's pure filter logic (src/universal/activity-filter.ts). */
import { describe, expect, it } from 'vitest';
import {
  cleanFilters,
  countLabel,
  filterActivities,
  isFiltered,
  matchesFilters,
  periodSlug,
  type ActivityFacets,
} from '../../src/universal/activity-filter.ts';

const items: (ActivityFacets & { id: string })[] = [
  { id: 'a1', theme: 'governance', period: '2017-18', status: 'done', body: 'safer-communities-board' },
  { id: 'a2', theme: 'governance', period: '2018-19', status: 'underway', body: 'safer-communities-board' },
  { id: 'a3', theme: 'hate-crime', period: '2017-18', status: 'done', body: 'wcc-public-health' },
  { id: 'a4', theme: 'hate-crime', period: '2018-19', status: 'underway', body: 'south-worcestershire-csp' },
  { id: 'a5', theme: 'drugs-and-alcohol', period: '2018-19', status: 'planned', body: 'wcc-public-health' },
];
const ids = (list: { id: string }[]) => list.map((i) => i.id);

describe('matching', () => {
  it('no filter matches everything', () => {
    expect(ids(filterActivities(items, {}))).toEqual(['a1', 'a2', 'a3', 'a4', 'a5']);
    expect(ids(filterActivities(items, { theme: '', period: '', status: '', body: '' }))).toHaveLength(5);
  });
  it.each([
    [{ theme: 'hate-crime' }, ['a3', 'a4']],
    [{ period: '2018-19' }, ['a2', 'a4', 'a5']],
    [{ status: 'done' }, ['a1', 'a3']],
    [{ body: 'wcc-public-health' }, ['a3', 'a5']],
  ])('one filter: %o', (filters, expected) => {
    expect(ids(filterActivities(items, filters))).toEqual(expected);
  });
  it('filters combine with AND', () => {
    expect(ids(filterActivities(items, { period: '2018-19', body: 'wcc-public-health' }))).toEqual(['a5']);
    expect(ids(filterActivities(items, { theme: 'hate-crime', status: 'planned' }))).toEqual([]);
    expect(matchesFilters(items[0]!, { theme: 'governance', period: '2017-18', status: 'done' })).toBe(true);
    expect(matchesFilters(items[0]!, { theme: 'governance', period: '2018-19' })).toBe(false);
  });
  it('isFiltered says whether any filter is set', () => {
    expect(isFiltered({})).toBe(false);
    expect(isFiltered({ theme: '' })).toBe(false);
    expect(isFiltered({ body: 'x' })).toBe(true);
  });
});

describe('values from a URL', () => {
  const allowed = { theme: ['governance', 'hate-crime'], status: ['done'], period: ['2017-18'] };
  it('keeps offered values and drops unknown ones and unknown keys', () => {
    expect(cleanFilters({ theme: 'hate-crime', status: 'bogus', body: 'x' }, allowed)).toEqual({ theme: 'hate-crime' });
    expect(cleanFilters({ period: '2017-18', status: 'done' }, allowed)).toEqual({ period: '2017-18', status: 'done' });
  });
  it('periods go in the URL as slugs', () => {
    expect(periodSlug('2017/18')).toBe('2017-18');
    expect(periodSlug('2017-Q1')).toBe('2017-Q1');
  });
});

describe('the live count', () => {
  it('says all, some or none, with the noun', () => {
    expect(countLabel(47, 47)).toBe('Showing all 47 pieces of work');
    expect(countLabel(12, 47)).toBe('Showing 12 of 47 pieces of work');
    expect(countLabel(1, 47)).toBe('Showing 1 of 47 pieces of work');
    expect(countLabel(0, 47)).toBe('No pieces of work match these filters (of 47)');
    expect(countLabel(1, 1)).toBe('Showing all 1 piece of work');
  });
});
