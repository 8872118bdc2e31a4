/**
 * Every page with JavaScript off (every figure's SVG, table, summary and downloads are there), and by
 * keyboard alone at 360 px and 1280 px (skip link first, a visible focus that nothing covers, every
 * tabbable element reached, Escape hides tooltips).
 */
import { describe, expect, inject, it } from 'vitest';
import { useBrowserSession } from '../support/session.ts';
import { checkKeyboard, checkNoJs, describe as describeFailures } from '../support/page-checks.ts';

const pages = inject('sitePages');
const session = useBrowserSession(inject('wsEndpoint'));

describe.concurrent('with JavaScript off', () => {
  it.each(pages)('%s shows every figure', async (url) => {
    const failures = await checkNoJs(session.tabs, url);
    expect(failures, `\n${describeFailures(failures)}\n`).toEqual([]);
  });
});

describe.concurrent('by keyboard', () => {
  it.each(pages)('%s can be used with Tab and Escape', async (url) => {
    const failures = [
      ...(await checkKeyboard(session.tabs, url, 360)),
      ...(await checkKeyboard(session.tabs, url, 1280)),
    ];
    expect(failures, `\n${describeFailures(failures)}\n`).toEqual([]);
  });
});
