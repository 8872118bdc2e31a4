/**
 * The issue #25 measurements that look past the state a page opens in (tests/support/story-folds.ts)
 * each fail on their broken fixture (tests/fixtures/broken-pages/story-*) and pass on the good one.
 * The real theme pages are measured in tests/browser/story.test.ts, in the page visit it already makes.
 */
import { describe, expect, it } from 'vitest';
import { useFixturePages } from '../support/fixture-pages.ts';
import { checkZeroLineClear } from '../support/story.ts';
import { checkBodyNames, checkEveryView, checkFolded } from '../support/story-folds.ts';

const { onPage, fixture } = useFixturePages();

describe.concurrent('each fold-aware measurement fails on its broken fixture', () => {
  it('the good fixture passes them all', async () => {
    expect(
      await onPage(fixture('story-good'), async (p) => [
        ...(await checkEveryView(p)),
        ...(await checkBodyNames(p)),
        ...(await checkFolded(p)),
      ]),
    ).toEqual([]);
  });
  it('a zero line through a label in a view the page opens hidden: only the every-view check sees it', async () => {
    const found = await onPage(fixture('story-view-hidden'), async (p) => ({
      shown: await checkZeroLineClear(p),
      every: await checkEveryView(p),
      // Put back as it was: the hidden view is hidden again.
      after: await p.locator('.figure-view[data-view="percent"]').isHidden(),
    }));
    expect(found).toEqual({
      shown: [],
      every: ['the zero line runs through the label "Hate incidents recorded as crimes"'],
      after: true,
    });
  });
  it('a body name cut mid-word inside a closed tier', async () => {
    expect(await onPage(fixture('story-name-cut'), checkBodyNames)).toContain(
      '"Worcestershire" in the name "Worcestershire Safer Communities Board" is cut across lines',
    );
  });
  it('a long source list and the glossary shown open', async () => {
    expect(await onPage(fixture('story-unfolded'), checkFolded)).toEqual([
      'figure "s" shows 12 passage links in its sources (at most 8; the rest behind "Sources")',
      'the glossary list is open (it belongs in a closed disclosure)',
    ]);
  });
});
