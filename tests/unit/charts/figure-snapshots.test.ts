/**
 * Every figure's image, as `/figures/<id>.svg` serves it (the chart's wide layout framed with title,
 * takeaway, source and licence), matches its committed snapshot in tests/snapshots/figures/<id>.svg.
 * Figures are found by src/figures/index.ts, so a new figure gets its snapshot by running this file
 * once (a missing snapshot is written locally and fails in CI; a mismatch writes `<id>-changed.svg`:
 * tests/support/snapshot.ts). This is the one snapshot a new figure of an existing kind adds.
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { figureSvg } from '../../../src/figures/files.ts';
import { FIGURE_IDS } from '../../../src/figures/index.ts';
import { compareSnapshot, SNAPSHOT_DIR } from '../../support/snapshot.ts';

/** The origin the snapshots are drawn with (the image's link back to its theme page). */
export const SNAPSHOT_SITE = 'https://example.org';

describe('every figure matches its snapshot', () => {
  it.each(FIGURE_IDS)(
    '%s',
    (id) => {
      const result = compareSnapshot(`figures/${id}`, figureSvg(id, SNAPSHOT_SITE));
      expect(result.ok, result.message).toBe(true);
    },
    60_000,
  ); // the governance map's first layout (elkjs) takes seconds

  it('has no snapshot for a figure that no longer exists', () => {
    const names = readdirSync(join(SNAPSHOT_DIR, 'figures')).filter(
      (f) => f.endsWith('.svg') && !f.endsWith('-changed.svg'),
    );
    expect(names.map((f) => f.replace(/\.svg$/, '')).sort()).toEqual([...FIGURE_IDS].sort());
  });
});
