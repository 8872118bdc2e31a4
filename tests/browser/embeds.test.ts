/**
 * Figure embeds, full and compact, in real iframes of widths from 280 to 1200 px on another page
 * (about:blank), in one host page per figure with the host snippet the site offers under "Embed this
 * figure": the height protocol (src/client/embed-height.ts) makes each iframe exactly as tall as its
 * content; then in each, nothing sticks out sideways and the chart fits; a compact one shows only
 * chart, title and source; and the full one links back to its theme page, its data and the licence,
 * opening those links in the top window. (One host page per figure, not two: issue #26.)
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Frame } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { getFigure } from '../../src/figures/index.ts';
import { OGL_URL } from '../../src/lib/site.ts';
import { useBrowserSession } from '../support/session.ts';
import { onPage, openHtml } from '../support/tabs.ts';

const dist = inject('siteDir');
const baseUrl = inject('siteBaseUrl');
const basePath = inject('basePath');
// Figure ids (the compact variants live under embed/compact/<id>/).
const ids = readdirSync(join(dist, 'embed'))
  .filter((id) => id !== 'compact')
  .sort();
const WIDTHS = [280, 320, 480, 768, 1200];

const session = useBrowserSession(inject('wsEndpoint'));
const origin = new URL(baseUrl).origin;

it('there is one embed per figure', () => {
  expect(ids.length).toBeGreaterThanOrEqual(10);
});

/** The host snippet's script as the theme page offers it for `id`, checking messages from `origin`. */
function hostScript(id: string, origin: string): string {
  const html = readFileSync(join(dist, 'themes', getFigure(id).theme, 'index.html'), 'utf8');
  const area = new RegExp(`<textarea id="${id}-embed"[^>]*>([\\s\\S]*?)</textarea>`).exec(html);
  expect(area, `no embed code for ${id} on its theme page`).not.toBeNull();
  const snippet = area![1]!
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&');
  const script = /<script>[\s\S]*<\/script>/.exec(snippet)?.[0] ?? '';
  // The build's SITE is not the test server: point the origin check at the server the iframes load from.
  return script.replace(/e\.origin !== '[^']*'/, `e.origin !== '${origin}'`);
}

/** Load `id` (full and compact) at every width in a host page with `script`; each iframe's height and its content's. */
async function embedHeights(id: string, script: string) {
  const srcs = [`${baseUrl}embed/${id}/`, `${baseUrl}embed/compact/${id}/`];
  const iframes = srcs
    .flatMap((src) =>
      WIDTHS.map(
        (width) =>
          `<iframe src="${src}" width="${width}" height="640" title="embed ${width}" data-wcsn-embed></iframe>`,
      ),
    )
    .join('');
  const w = await openHtml(
    session.tabs,
    `<!doctype html><html lang="en"><title>host</title><body>${iframes}${script}</body></html>`,
    origin,
  );
  const measure = async () =>
    Promise.all(
      (await w.page.$$('iframe')).map(async (el) => {
        const frame = (await el.contentFrame())!;
        const inner = await frame.evaluate(() => ({
          content: Math.ceil(document.body.getBoundingClientRect().height),
          scrolls: document.documentElement.scrollHeight > window.innerHeight + 1,
        }));
        return {
          src: frame.url(),
          width: await el.getAttribute('width'),
          height: Number(await el.getAttribute('height')),
          ...inner,
        };
      }),
    );
  return { w, measure };
}

/** The parts a compact embed must not show: takeaway, controls, table, other views, credit block, the map's search and list. */
const compactExtras = (frame: Frame) =>
  frame.evaluate(() =>
    [
      '.figure-takeaway',
      '.figure-controls',
      '.figure-table',
      '.figure-view + .figure-view',
      '.embed-credit',
      '.govmap-search',
      '.gov-list',
    ].filter((sel) => [...document.querySelectorAll(sel)].some((e) => e.checkVisibility())),
  );

/**
 * How much a frame shows besides its charts (CSS px): title, legend, source line, link back. Compact
 * means short (issue #25: 1,576 px at 320 px wide), so at 320 px this is at most `COMPACT_EXTRA`.
 */
const COMPACT_EXTRA = 1000;
const beyondCharts = (frame: Frame) =>
  frame.evaluate(() => {
    const charts = [...document.querySelectorAll('.figure-chart svg')]
      .filter((s) => s.checkVisibility() && !s.parentElement?.closest('svg'))
      .reduce((h, s) => h + s.getBoundingClientRect().height, 0);
    return Math.round(document.body.getBoundingClientRect().height - charts);
  });

describe.concurrent('embed height protocol', () => {
  // `it.for` hands each test its own `expect`, which a concurrent test's `expect.poll` needs.
  it.for(ids)(
    '%s: the host snippet makes each iframe as tall as its content; each fits its width and links back',
    async (id, { expect }) => {
      const { w, measure } = await embedHeights(id, hostScript(id, new URL(baseUrl).origin));
      await expect
        .poll(async () => (await measure()).filter((m) => m.height !== m.content || m.scrolls), { timeout: 15_000 })
        .toEqual([]);
      for (const el of await w.page.$$('iframe')) {
        const frame = (await el.contentFrame())!;
        // Fits its width: checked once the frame is as tall as its content. A frame's height does not
        // change what fits across it: the test browser hides scrollbars (Playwright's --hide-scrollbars),
        // and no width in the site's CSS reads the viewport's height.
        const m = await frame.evaluate(() => {
          const svgs = [...document.querySelectorAll('.figure svg')].filter((s) => s.getBoundingClientRect().width > 0);
          return {
            width: window.innerWidth,
            scrollWidth: document.documentElement.scrollWidth,
            widest: Math.max(0, ...svgs.map((s) => s.getBoundingClientRect().right)),
            visibleSvgs: svgs.length,
          };
        });
        const at = `${frame.url()} at ${m.width}px`;
        expect(m.scrollWidth, `${at} scrolls sideways`).toBeLessThanOrEqual(m.width);
        expect(m.visibleSvgs, `${at} shows a chart`).toBeGreaterThan(0);
        expect(m.widest, `${at}: chart wider than the frame`).toBeLessThanOrEqual(m.width + 0.5);
        // Compact means the chart, its title and a source line (issue #25); the full embed, which shows
        // the rest, is the broken case that proves the check can fail.
        const extra = await compactExtras(frame);
        if (frame.url().includes('/embed/compact/')) {
          expect(extra, frame.url()).toEqual([]);
          if ((await el.getAttribute('width')) === '320')
            expect(await beyondCharts(frame), `${frame.url()} at 320 px`).toBeLessThanOrEqual(COMPACT_EXTRA);
        } else expect(extra, frame.url()).toContain('.figure-takeaway');
      }
      // The full embed links back, in the top window, to its theme page, its data and the licence.
      const full = (await (await w.page.$('iframe'))!.contentFrame())!;
      const f = getFigure(id);
      const links = await full.$$eval('a[target="_top"]', (as) => as.map((a) => a.getAttribute('href') ?? ''));
      expect(links).toContain(`${basePath}themes/${f.theme}/`);
      for (const s of f.sources) expect(links).toContain(`${basePath}data/${s.dataset}/`);
      expect(links).toContain(OGL_URL);
      expect(await full.textContent('.embed-credit')).toMatch(/Open Government Licence v3\.0/);
      expect(w.problems()).toEqual([]);
      await w.close();
    },
  );

  it('the full activities explorer at 320 px is longer than a compact embed may be (the check can fail)', async () => {
    const measured = await onPage(
      session.tabs,
      `${baseUrl}embed/activities-board/`,
      (page) => beyondCharts(page.mainFrame()),
      {
        width: 320,
      },
    );
    expect(measured).toBeGreaterThan(COMPACT_EXTRA);
  });

  it('a host that checks another origin leaves its iframes at the height it set (the check can fail)', async () => {
    const id = ids[0]!;
    const { w, measure } = await embedHeights(id, hostScript(id, 'https://elsewhere.example'));
    await w.page.waitForTimeout(1_000);
    const wrong = (await measure()).filter((m) => m.height !== m.content);
    expect(wrong.length).toBeGreaterThan(0);
    expect(wrong.every((m) => m.height === 640)).toBe(true);
    await w.close();
  });
});
