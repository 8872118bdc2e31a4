/**
 * Reading-on-a-phone measurements (issue #17), each returning failures as strings (empty = pass):
 * header height, first chart position, target size of interactive chart marks, focus ring contrast,
 * table scroll cues, and a chart on the home page. Proven able to fail by the pages in
 * tests/fixtures/broken-pages/story-* (tests/browser/story.test.ts).
 */
import type { Page } from 'playwright-core';

export const LIMITS = {
  header: 120,
  firstChartTop: 1200,
  homeChartTop: 900,
  pageHeight: 15000,
  governanceHeight: 10000,
  target: 24,
  focusContrast: 3,
} as const;

/**
 * `.site-header` at most 120 px tall; the first chart a reader can SEE starts within `chartTop` px of
 * the top (an SVG drawn in a figure, not inside a closed `<details>`, hidden or display: none: a
 * figure whose chart sits in a closed section does not count, issue #25); with `height`, the page
 * (every lazy `content-visibility: auto` block laid out at its real size) is at most that tall.
 */
export async function checkLayout(page: Page, limits: { chartTop?: number; height?: number } = {}): Promise<string[]> {
  const chartLimit = limits.chartTop ?? LIMITS.firstChartTop;
  const m = await page.evaluate((measureHeight) => {
    const header = document.querySelector('.site-header')?.getBoundingClientRect();
    const chart = [...document.querySelectorAll('main figure svg')].find((e) => {
      const r = e.getBoundingClientRect();
      return r.height > 40 && r.width > 40 && e.checkVisibility({ visibilityProperty: true, opacityProperty: true });
    });
    const chartTop = chart ? chart.getBoundingClientRect().top + window.scrollY : null;
    let height: number | null = null;
    if (measureHeight) {
      for (const e of document.querySelectorAll<HTMLElement>('body *'))
        if (getComputedStyle(e).contentVisibility === 'auto') e.style.setProperty('content-visibility', 'visible');
      height = document.documentElement.scrollHeight;
    }
    return { header: header ? header.height : null, chartTop, height };
  }, limits.height !== undefined);
  const out: string[] = [];
  if (m.header === null) out.push('no .site-header');
  else if (m.header > LIMITS.header) out.push(`header is ${Math.round(m.header)} px tall (at most ${LIMITS.header})`);
  if (m.chartTop === null) out.push('no chart on the page');
  else if (m.chartTop > chartLimit)
    out.push(`first chart starts ${Math.round(m.chartTop)} px down (at most ${chartLimit})`);
  if (limits.height !== undefined && m.height !== null && m.height > limits.height)
    out.push(`page is ${m.height} px tall (at most ${limits.height})`);
  return out;
}

/** The page has a drawn chart (an SVG inside a figure in main). */
export async function checkHasChart(page: Page): Promise<string[]> {
  const n = await page.evaluate(
    () => [...document.querySelectorAll('main figure svg')].filter((s) => s.getBoundingClientRect().height > 0).length,
  );
  return n > 0 ? [] : ['no chart on the page'];
}

/**
 * Every visible interactive chart mark (`.mark`) offers at least 24 x 24 CSS px to a finger: its shape
 * or its invisible hit area (`.mark-hit`), whichever is larger in each direction.
 */
export async function checkTargets(page: Page): Promise<string[]> {
  return page.evaluate((min) => {
    const out: string[] = [];
    for (const mark of document.querySelectorAll('main .mark')) {
      if (mark.getClientRects().length === 0 || mark.classList.contains('gov-node')) continue;
      const parts = [mark.querySelector('.mark-shape'), mark.querySelector('.mark-hit')].filter(
        (e): e is Element => e !== null,
      );
      const boxes = (parts.length > 0 ? parts : [mark])
        .map((e) => e.getBoundingClientRect())
        .filter((b) => b.width > 0 || b.height > 0);
      if (boxes.length === 0) continue;
      const w = Math.max(...boxes.map((b) => b.width));
      const h = Math.max(...boxes.map((b) => b.height));
      if (w < min - 0.5 || h < min - 0.5)
        out.push(
          `mark "${mark.getAttribute('aria-label') ?? mark.getAttribute('data-key')}" is ${w.toFixed(1)} x ${h.toFixed(1)} px (at least ${min} x ${min})`,
        );
    }
    return out;
  }, LIMITS.target);
}

/**
 * Focus each visible figure's first mark (and one mark of every distinct fill colour) with the
 * keyboard and read the ring: the ring colour (`.mark-ring` stroke, or the outline) must have 3:1
 * against the page background, and against each mark colour either the ring or its halo must.
 */
export async function checkFocusRings(page: Page): Promise<string[]> {
  return page.evaluate((limit) => {
    const parse = (c: string): [number, number, number, number] | null => {
      const m = /rgba?\(([\d.]+),\s*([\d.]+),\s*([\d.]+)(?:,\s*([\d.]+))?\)/.exec(c);
      return m ? [Number(m[1]), Number(m[2]), Number(m[3]), m[4] === undefined ? 1 : Number(m[4])] : null;
    };
    const lum = ([r, g, b]: number[]) => {
      const ch = (v: number) => ((v /= 255) <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4);
      return 0.2126 * ch(r ?? 0) + 0.7152 * ch(g ?? 0) + 0.0722 * ch(b ?? 0);
    };
    const contrast = (a: number[], b: number[]) => {
      const [hi, lo] = [lum(a), lum(b)].sort((x, y) => y - x) as [number, number];
      return (hi + 0.05) / (lo + 0.05);
    };
    const background = (el: Element): number[] => {
      for (let e: Element | null = el; e; e = e.parentElement) {
        const c = parse(getComputedStyle(e).backgroundColor);
        if (c && c[3] > 0.5) return c;
      }
      return parse(getComputedStyle(document.documentElement).backgroundColor) ?? [255, 255, 255, 1];
    };
    const out: string[] = [];
    const marks = [...document.querySelectorAll<SVGElement>('main .mark')].filter(
      (m) => m.getClientRects().length > 0 && !m.classList.contains('gov-node'),
    );
    const seen = new Set<string>();
    for (const mark of marks) {
      const shape = mark.querySelector('.mark-shape') ?? mark;
      const fillText = getComputedStyle(shape).fill;
      const fill = parse(fillText);
      if (!fill || seen.has(fillText)) continue;
      seen.add(fillText);
      mark.setAttribute('tabindex', '0');
      mark.focus();
      if (!mark.matches(':focus-visible')) {
        out.push(`mark "${mark.getAttribute('aria-label')}" takes focus without :focus-visible`);
        continue;
      }
      const ringEl = mark.querySelector('.mark-ring');
      const haloEl = mark.querySelector('.mark-halo');
      const ringStyle = ringEl ? getComputedStyle(ringEl) : null;
      const ring =
        ringStyle && ringStyle.visibility === 'visible'
          ? parse(ringStyle.stroke)
          : getComputedStyle(mark).outlineStyle !== 'none'
            ? parse(getComputedStyle(mark).outlineColor)
            : null;
      const haloStyle = haloEl ? getComputedStyle(haloEl) : null;
      const halo = haloStyle && haloStyle.visibility === 'visible' ? parse(haloStyle.stroke) : null;
      const bg = background(mark.closest('figure') ?? document.body);
      const name = mark.getAttribute('aria-label') ?? '';
      if (!ring) {
        out.push(`mark "${name}": no focus ring`);
        continue;
      }
      const onPage = contrast(ring, bg);
      if (onPage < limit)
        out.push(`mark "${name}": focus ring ${onPage.toFixed(2)}:1 against the page (at least ${limit})`);
      const onMark = Math.max(contrast(ring, fill), halo ? contrast(halo, fill) : 0);
      if (onMark < limit)
        out.push(
          `mark "${name}": focus ring ${onMark.toFixed(2)}:1 against the mark colour ${fillText} (at least ${limit}, ring or halo)`,
        );
      mark.blur();
    }
    return out;
  }, LIMITS.focusContrast);
}

/**
 * No table column hidden without a cue: every figure is switched to its table first; then each
 * scrolling table box that is narrower than its table must have a visible `[data-scroll-cue]` right
 * before it, and a figure table's caption must sit outside the scrolling box.
 */
export async function checkTableCues(page: Page): Promise<string[]> {
  await page.evaluate(() => {
    for (const b of document.querySelectorAll<HTMLButtonElement>('[data-set-show="table"]')) b.click();
  });
  // The cues follow a ResizeObserver, which reports in a rendering frame: wait for two frames (a
  // fixed pause was too short on a loaded machine), at most 5 s.
  await page.waitForTimeout(100);
  await page.evaluate(
    () =>
      new Promise<void>((done) => {
        setTimeout(done, 5000);
        requestAnimationFrame(() => requestAnimationFrame(() => done()));
      }),
  );
  return page.evaluate(() => {
    const out: string[] = [];
    for (const box of document.querySelectorAll<HTMLElement>('main .table-scroll')) {
      if (box.getClientRects().length === 0) continue;
      const name =
        box.getAttribute('aria-label') ??
        box.querySelector('caption')?.textContent ??
        box.previousElementSibling?.textContent ??
        '';
      const cue = box.previousElementSibling;
      const cued = cue !== null && cue.hasAttribute('data-scroll-cue') && cue.checkVisibility();
      if (box.scrollWidth > box.clientWidth + 1 && !cued)
        out.push(
          `table "${name.trim().slice(0, 60)}" hides ${box.scrollWidth - box.clientWidth} px of columns with no visible cue`,
        );
      const caption = box.querySelector('caption');
      if (box.closest('figure') && caption && caption.getBoundingClientRect().width > box.clientWidth + 1)
        out.push(`table "${name.trim().slice(0, 60)}": caption cut off inside the scrolling box`);
    }
    return out;
  });
}

/**
 * Each number is said once in the lead and the chart carries it: in the theme page's header and its
 * first figure, the words outside the chart (standfirst, takeaway, visible summary; not the table,
 * notes or sources) show each number at most once. The generated summary may repeat the takeaway only
 * for screen readers. Periods such as 2016/17 and one-digit numbers are not counted; signs are ignored
 * (+526 and 526 are the same number) and a percentage is not the same as a count.
 */
export async function checkNumbersOnce(page: Page): Promise<string[]> {
  const counts = await page.evaluate(() => {
    const scopes = [
      document.querySelector('main .theme-page__header'),
      document.querySelector('main figure.figure'),
    ].filter((e): e is Element => e !== null);
    const skip =
      '.figure-chart, .figure-table, .figure-meta, details, .visually-hidden, [hidden], [aria-hidden="true"]';
    const found: Record<string, number> = {};
    for (const scope of scopes) {
      const walker = document.createTreeWalker(scope, NodeFilter.SHOW_TEXT);
      for (let n = walker.nextNode(); n; n = walker.nextNode()) {
        const el = n.parentElement;
        if (!el || el.closest(skip) || el.getClientRects().length === 0) continue;
        const text = (n.textContent ?? '').replace(/\d{4}\/\d{2}/g, ' ');
        for (const m of text.matchAll(/\d[\d,]*(?:\.\d+)?%?/g)) {
          const token = m[0].replace(/,$/, '');
          if (token.replace(/\D/g, '').length < 2) continue;
          found[token] = (found[token] ?? 0) + 1;
        }
      }
    }
    return found;
  });
  return Object.entries(counts)
    .filter(([, n]) => n > 1)
    .map(([token, n]) => `"${token}" is said ${n} times in the lead's words (once; the chart carries it)`);
}

/**
 * No stray fragment of a phrase (issue #25: "✓ Checked against the report" wrapped its qualifier onto
 * a line of its own as a 10.9 px ": the percentage is our calculation"): visible text in main outside
 * the charts is at least 11 px, and no line starts with a colon or semicolon.
 */
export async function checkTextFragments(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const out: string[] = [];
    const main = document.querySelector('main');
    if (!main) return ['no main'];
    const walker = document.createTreeWalker(main, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const el = n.parentElement;
      const text = (n.textContent ?? '').trim();
      if (!el || !text || el.closest('svg, .visually-hidden') || !el.checkVisibility()) continue;
      const size = parseFloat(getComputedStyle(el).fontSize);
      if (size < 11) out.push(`"${text.slice(0, 40)}" is ${size.toFixed(1)} px (at least 11)`);
      // A number, or a word of a body's name, is never cut across two lines.
      const words = el.closest('.gov-name, .gov-pick')
        ? text.split(/\s+/)
        : /^[£$]?\d[\d,.]*%?$/.test(text)
          ? [text]
          : [];
      for (const word of words) {
        const at = (n.textContent ?? '').indexOf(word);
        if (at < 0 || word.length < 2) continue;
        const r = document.createRange();
        r.setStart(n, at);
        r.setEnd(n, at + word.length);
        const tops = new Set([...r.getClientRects()].filter((b) => b.width > 0).map((b) => Math.round(b.top)));
        if (tops.size > 1) out.push(`"${word}" is cut across lines`);
      }
      if (/^[:;]/.test(text)) {
        const range = document.createRange();
        range.selectNodeContents(n);
        const first = range.getClientRects()[0];
        const block = el.closest('p, li, div, dd, td');
        const left = block ? block.getBoundingClientRect().left + parseFloat(getComputedStyle(block).paddingLeft) : 0;
        if (first && Math.abs(first.left - left) < 2) out.push(`a line starts with "${text.slice(0, 40)}"`);
      }
    }
    return out;
  });
}

/**
 * Bars compared side by side share one scale, or the chart says they do not (issue #25: hate crime
 * drew 37 almost as long as 318 on a scale of its own): in every visible chart, the bar panels
 * (`svg[data-scale]`, written by src/charts/bars.ts) use one scale, or the chart's text says "own
 * scale" or "different scales".
 */
export async function checkPanelScales(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const out: string[] = [];
    for (const chart of document.querySelectorAll<SVGSVGElement>('main svg.chart')) {
      if (!chart.checkVisibility() || chart.parentElement?.closest('svg')) continue;
      const scales = new Set([...chart.querySelectorAll('svg[data-scale]')].map((s) => s.getAttribute('data-scale')));
      const says = /own scale|different scales/i.test(chart.textContent ?? '');
      if (scales.size > 1 && !says)
        out.push(
          `chart "${chart.getAttribute('aria-label') ?? chart.querySelector('title')?.textContent ?? ''}" draws its bars on ${scales.size} scales (${[...scales].join('; ')}) without saying so`,
        );
    }
    return out;
  });
}

/** No zero line (`.chart-axis` line) runs through a visible band label (`.chart-band-label` text). */
export async function checkZeroLineClear(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const out: string[] = [];
    for (const panel of document.querySelectorAll<SVGSVGElement>('main svg svg')) {
      if (!panel.checkVisibility()) continue;
      const lines = [...panel.querySelectorAll('.chart-axis line')].map((l) => l.getBoundingClientRect());
      for (const text of panel.querySelectorAll('.chart-band-label text')) {
        const t = text.getBoundingClientRect();
        if (t.width === 0) continue;
        if (lines.some((l) => l.left >= t.left && l.left <= t.right && l.top < t.bottom - 1 && l.bottom > t.top + 1))
          out.push(`the zero line runs through the label "${text.textContent ?? ''}"`);
      }
    }
    return out;
  });
}

/**
 * A mark's tooltip never covers the mark it describes (issue #25: 4 of 4 tries on a phone): every
 * visible chart mark is clicked (as a tap does) and its figure's `.chart-tip` must not overlap the
 * mark's shape. Governance boxes (a click selects) are left out.
 */
export async function checkTipsClear(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const out: string[] = [];
    const marks = [...document.querySelectorAll<SVGElement>('main figure .mark')].filter(
      (m) => m.getClientRects().length > 0 && !m.classList.contains('gov-node'),
    );
    for (const mark of marks) {
      mark.dispatchEvent(new MouseEvent('click', { bubbles: true }));
      const tip = mark.closest('figure')?.querySelector<HTMLElement>('.chart-tip');
      if (!tip || tip.hidden) continue;
      const a = (mark.querySelector('.mark-shape') ?? mark).getBoundingClientRect();
      const b = tip.getBoundingClientRect();
      const overlap =
        Math.min(a.right, b.right) - Math.max(a.left, b.left) > 1 &&
        Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top) > 1;
      if (overlap) out.push(`the tooltip covers its mark "${mark.getAttribute('aria-label') ?? ''}"`);
      tip.hidden = true;
    }
    return out;
  });
}

/**
 * No key-figure card repeats the lead figure (issue #25: the domestic-abuse page's "10,947" card sat
 * just below the chart that draws 10,421 → 10,947 with the same change and label): no number in a
 * `.key-figure__value` is one the page's first figure already shows, in its visible chart or words
 * (not its table, notes or sources). Numbers are read as checkNumbersOnce reads them (two digits or
 * more, periods such as 2016/17 ignored, £ and signs ignored, a percentage not the same as a count).
 */
export async function checkCardsRepeatLead(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const lead = document.querySelector('main figure.figure');
    if (!lead) return [];
    const numbers = (text: string): string[] =>
      [...text.replace(/\d{4}\/\d{2}/g, ' ').matchAll(/\d[\d,]*(?:\.\d+)?%?/g)]
        .map((m) => m[0].replace(/,$/, ''))
        .filter((token) => token.replace(/\D/g, '').length >= 2);
    const skip = '.figure-table, .figure-meta, details, .visually-hidden, [hidden]';
    const shown = new Set<string>();
    const walker = document.createTreeWalker(lead, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const el = n.parentElement;
      if (!el || el.closest(skip) || el.getClientRects().length === 0) continue;
      for (const token of numbers(n.textContent ?? '')) shown.add(token);
    }
    const title = (lead.querySelector('.figure-title')?.textContent ?? lead.id).trim();
    const out: string[] = [];
    for (const value of document.querySelectorAll('main .key-figure__value')) {
      if (lead.contains(value) || value.getClientRects().length === 0) continue;
      const text = (value.textContent ?? '').trim();
      if (numbers(text).some((token) => shown.has(token)))
        out.push(`the key figure "${text}" repeats what the lead figure "${title}" shows`);
    }
    return out;
  });
}
