/**
 * Relationships and activity attributions carry a basis: `stated` (the report says so, at its
 * source_lines) or `inferred` (our reading, with a note). The committed data keeps the rule, and a
 * broken copy of it fails with file, line and column.
 */
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadCatalog } from '../../src/data/load.ts';
import { countsByPeriod } from '../../src/charts/summaries.ts';
import { DATASET_SCHEMAS } from '../../src/schemas/index.ts';
import type { ActivityRow, RelationshipRow } from '../../src/schemas/governance.ts';
import { problemsAfterEdit } from '../support/broken-copies.ts';

const DATA = resolve(import.meta.dirname, '../../data');
const catalog = loadCatalog(DATA, DATASET_SCHEMAS);
const values = <T>(id: string) => catalog.get(id)!.rows.map((r) => r.value as unknown as T);

describe('basis in the committed data', () => {
  const links = values<RelationshipRow>('relationships');
  const work = values<ActivityRow>('activities');

  it('every stated link cites its lines, and every inferred one says why', () => {
    for (const l of links) {
      expect(l.source_lines, `${l.from_body} ${l.type} ${l.to_body}`).toMatch(/^\d+(-\d+)?$/);
      if (l.basis === 'inferred') expect(l.basis_note, `${l.from_body} ${l.type} ${l.to_body}`).toBeTruthy();
      else expect(l.basis_note).toBeUndefined();
    }
    for (const a of work) if (a.basis === 'inferred') expect(a.basis_note, a.id).toBeTruthy();
  });

  it('marks as our reading the links and attributions the report does not make', () => {
    const basis = (from: string, to: string) =>
      links.filter((l) => l.from_body === from && l.to_body === to).map((l) => l.basis);
    expect(basis('safer-communities-board', 'north-worcestershire-hate-incident-partnership')).toEqual(['inferred']);
    expect(basis('safer-communities-board', 'south-worcestershire-hate-crime-group')).toEqual(['inferred']);
    expect(basis('family-front-door', 'channel-panel')).toEqual(['inferred']);
    expect(basis('adult-safeguarding-team', 'channel-panel')).toEqual(['inferred']);
    expect(basis('director-of-public-health', 'safer-communities-board')).toEqual(['stated']);
    expect(work.find((a) => a.id === 'a-2018-19-domestic-homicide-reviews')?.basis).toBe('inferred');
    expect(work.find((a) => a.id === 'a-2017-18-da-service-recommissioned')?.basis).toBe('stated');
  });

  it('keeps the split-bullet rule: rows split from one bullet share its lines (47 rows, 44 bullets)', () => {
    expect(work).toHaveLength(47);
    expect(new Set(work.map((a) => a.source_lines)).size).toBe(44);
    const shared = (lines: string) => work.filter((a) => a.source_lines === lines).map((a) => a.id);
    expect(shared('246-250')).toEqual(['a-2017-18-dclg-bme-bid', 'a-2017-18-drive-pilot-bid']);
    expect(shared('261-265')).toHaveLength(2);
    expect(shared('303-308')).toHaveLength(2);
  });

  it('keeps period and status apart (Malvern is 2017/18 and not done; the campaigns are 2018/19 and done)', () => {
    const malvern = work.find((a) => a.id === 'a-2017-18-best-bar-none-malvern')!;
    expect([malvern.period.id, malvern.status]).toEqual(['2017/18', 'planned']);
    const campaigns = work.find((a) => a.id === 'a-2018-19-da-campaigns')!;
    expect([campaigns.period.id, campaigns.status]).toEqual(['2018/19', 'done']);
  });
});

describe('the activities are counted by period, then status', () => {
  it('files the Malvern item under 2017/18 (not "Planned (2018/19)") and the campaigns under 2018/19', () => {
    const items = values<ActivityRow>('activities').map((a) => ({
      id: a.id,
      theme: a.theme,
      themeLabel: a.theme,
      period: a.period.id,
      periodLabel: a.period.label,
      status: a.status,
      statusLabel: a.status,
      description: a.description,
      bodyLabel: a.body,
    }));
    expect(countsByPeriod(items)).toEqual([
      {
        period: '2017/18',
        periodLabel: '2017/18',
        total: 23,
        statuses: [
          { status: 'done', n: 21 },
          { status: 'underway', n: 1 },
          { status: 'planned', n: 1 },
        ],
      },
      {
        period: '2018/19',
        periodLabel: '2018/19',
        total: 24,
        statuses: [
          { status: 'done', n: 4 },
          { status: 'underway', n: 14 },
          { status: 'planned', n: 6 },
        ],
      },
    ]);
  });
});

describe('basis rules fail on broken data', () => {
  const line = 'director-of-public-health,safer-communities-board,chairs,stated,,';
  it('a stated link without source_lines fails at its line and column', () => {
    const problems = problemsAfterEdit(
      'relationships.csv',
      'The Director of Public Health chairs the Safer Communities Board.,safer-communities-board,13-14',
      'The Director of Public Health chairs the Safer Communities Board.,safer-communities-board,',
    );
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({
      file: expect.stringMatching(/relationships\.csv$/),
      line: 7,
      column: 'source_lines',
      found: 'an empty cell',
    });
  });

  it('an inferred link without a note fails', () => {
    const problems = problemsAfterEdit(
      'relationships.csv',
      line,
      'director-of-public-health,safer-communities-board,chairs,inferred,,',
    );
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ line: 7, column: 'basis_note' });
    expect(problems[0]!.expected).toMatch(/required when basis is inferred/);
  });

  it('a basis other than stated or inferred fails', () => {
    const problems = problemsAfterEdit(
      'relationships.csv',
      line,
      'director-of-public-health,safer-communities-board,chairs,assumed,,',
    );
    expect(problems[0]).toMatchObject({ line: 7, column: 'basis' });
    expect(problems[0]!.expected).toMatch(/stated, inferred/);
  });

  it('a line range that runs backwards fails', () => {
    const problems = problemsAfterEdit(
      'relationships.csv',
      'chairs the Safer Communities Board.,safer-communities-board,13-14',
      'chairs the Safer Communities Board.,safer-communities-board,14-13',
    );
    expect(problems[0]).toMatchObject({ line: 7, column: 'source_lines', found: '"14-13"' });
  });
});
