/**
 * A figure's source line names the report section that holds each passage it cites, not the section
 * its row is filed under (a body filed under the Safer Communities Board may cite a line of the
 * domestic abuse passage; a link filed under child sexual exploitation may cite the Prevent passage).
 */
import { describe, expect, it } from 'vitest';
import { sourcesFor } from '../../src/figures/helpers.ts';

describe('figure sources', () => {
  it('names each cited passage under the section that holds it', () => {
    const out = sourcesFor([
      { dataset: 'relationships', section: 'harm-reduction-cse', lines: '159-160' },
      { dataset: 'relationships', section: 'harm-reduction-cse', lines: '178-179' },
      { dataset: 'bodies', section: 'safer-communities-board', lines: '9-13;184-185' },
    ]);
    const by = (dataset: string) =>
      out.filter((s) => s.dataset === dataset).map((s) => [s.section, (s.lines ?? []).join(';')]);
    expect(by('relationships')).toEqual([
      ['harm-reduction-cse', '159-160'],
      ['harm-reduction-prevent', '178-179'],
    ]);
    expect(by('bodies')).toEqual([
      ['safer-communities-board', '9-13'],
      ['harm-reduction-domestic-abuse', '184-185'],
    ]);
  });

  it('keeps the row’s section for a passage the source page does not place', () => {
    const out = sourcesFor([{ dataset: 'relationships', section: 'harm-reduction-cse', lines: '100000' }]);
    expect(out.map((s) => s.section)).toEqual(['harm-reduction-cse']);
  });
});
