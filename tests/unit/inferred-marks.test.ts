/**
 * The "our reading" check of scripts/inferred-marks.ts (run on the whole built site by
 * tests/build/inferred-marks.test.ts) on fixture pages: it fails on each way an inferred row can be
 * shown as the report's own, and passes a page where every one carries the mark and its note.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkPage, inferredRows, repeatedNotes, type InferredRow } from '../../scripts/inferred-marks.ts';

const fixture = (name: string) =>
  readFileSync(resolve(import.meta.dirname, '../fixtures/inferred-marks', name), 'utf8');

const ROWS: InferredRow[] = [
  {
    key: 'activities:reviews',
    text: 'Three domestic homicide reviews were in progress.',
    note: 'No body is named for the reviews.',
  },
  {
    key: 'activities:protocol',
    text: 'A protocol on sharing community safety information was completed.',
    note: 'Filed under the board.',
  },
  { key: 'activities:plan', text: 'Progress on the plan was monitored.', note: 'Filed under the board.' },
  { key: 'activities:bid', text: 'A bid succeeded.', note: 'No bidder is named.' },
  {
    key: 'spending:line 7',
    text: 'Alcohol and Substance misuse contract, budget, paid by the Police and Crime Commissioner, 2018/19',
    note: 'The table names no funder.',
  },
];

describe('inferred-marks check', () => {
  it('fails every unmarked instance on the broken page, each for its reason', () => {
    const found = checkPage(fixture('broken.html'), 'broken.html', ROWS);
    const bad = found.filter((f) => !f.marked).map((f) => `${f.key}: ${f.problem}`);
    expect(bad).toEqual([
      'activities:reviews: no "our reading" mark beside it',
      'activities:reviews: no "our reading" mark beside it',
      'activities:protocol: no "our reading" mark beside it',
      'activities:plan: the mark is there but not the note (inline or linked)',
      'activities:bid: the mark is there but not the note (inline or linked)',
      'spending:line 7: no "our reading" mark beside it',
    ]);
    expect(found.every((f) => !f.marked)).toBe(true);
  });

  it('passes a page where every inferred row has the mark and its note, inline, linked or in its table row', () => {
    const found = checkPage(fixture('good.html'), 'good.html', ROWS);
    expect(found.map((f) => f.key).sort()).toEqual([
      'activities:plan',
      'activities:protocol',
      'activities:reviews',
      'spending:line 7',
    ]);
    expect(found.filter((f) => !f.marked)).toEqual([]);
  });

  it('flags a note said in full beside several items of one list, and not a list that numbers it once', () => {
    expect(repeatedNotes(fixture('repeated.html'), 'repeated.html', ROWS)).toEqual([
      { page: 'repeated.html', note: 'Filed under the board.', times: 2 },
    ]);
    // Every item of the repeated list still carries its mark: the fault is only the repetition.
    expect(checkPage(fixture('repeated.html'), 'repeated.html', ROWS).every((f) => f.marked)).toBe(true);
    expect(repeatedNotes(fixture('good.html'), 'good.html', ROWS)).toEqual([]);
  });

  it('reads every inferred activity and relationship of the data, each with its text and note', () => {
    const rows = inferredRows(resolve(import.meta.dirname, '../../data'));
    expect(rows.filter((r) => r.key.startsWith('activities:')).length).toBeGreaterThan(20);
    expect(rows.filter((r) => r.key.startsWith('relationships:')).length).toBeGreaterThan(10);
    // The 2018/19 "plus £106,000" (line 415): the report names no funder, so the Commissioner is our reading.
    expect(rows.filter((r) => r.key.startsWith('spending:')).map((r) => r.text)).toEqual([
      'Alcohol and Substance misuse contract, budget, paid by the Police and Crime Commissioner, 2018/19',
    ]);
    for (const r of rows) {
      expect(r.text.length, r.key).toBeGreaterThan(10);
      expect(r.note.length, r.key).toBeGreaterThan(10);
    }
  });
});
