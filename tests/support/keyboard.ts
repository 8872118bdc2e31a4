/**
 * The keyboard pass: Tab from the top of the page until focus leaves the document or comes back round.
 *
 * First stop: a skip link to an existing target, unless it is already inside <main> (a page with
 * nothing before its content, such as an embed, needs none). Every stop: a visible focus indicator (an
 * outline or box-shadow, or else any visible difference from an unfocused copy of the element, such as
 * the stroke that chart marks use), the centre of its visible part inside the viewport and not under
 * another element (a sticky header). Every visible tabbable element is reached (so nav, chart marks with
 * tabindex and controls are). When a role="tooltip" is showing, Escape hides it. A key that makes the
 * page navigate away (a quick-exit shortcut catching that Escape) is a failure.
 *
 * How it stays fast (the /source/ page has over a thousand stops): the stops are measured IN the page,
 * by a keydown listener that the tab's init script installs before any page script (tabs.ts), so it runs
 * first: each Tab's keydown measures the element the previous Tab focused, in the state the reader saw
 * it in, before the page's own handlers run. Node sends the Tab presses over the DevTools protocol in
 * batches without waiting for each one, and reads the measurements once per batch. Nothing is skipped:
 * every stop is measured. When a stop shows a tooltip, the listener halts the batch there (it swallows the
 * remaining Tabs of the batch, so the page never sees them), Node presses Escape and checks the tooltip
 * went, and the walk resumes from that stop, exactly as one key at a time would.
 */
import type { Page } from 'playwright-core';
import type { Failure, TabPool } from './tabs.ts';

const HEIGHT = 800;
/** Tab presses sent before the measurements are read back. */
const BATCH = 40;

export interface FocusInfo {
  id: number;
  desc: string;
  skipLink: boolean;
  inMain: boolean;
  indicator: boolean;
  inViewport: boolean;
  coveredBy: string | null;
  tooltipVisible: boolean;
}

/** What `__e2eWalk.read()` returns: the stops measured since the last read, or 'left' on a new document. */
type Read = { stops: Array<FocusInfo | null>; halted: boolean } | 'left';

interface Walker {
  active: boolean;
  start(): Array<{ id: number; desc: string }>;
  read(): Read;
  resume(): void;
  tooltipVisible(): boolean;
}

/**
 * Installed by the tab pool's init script in every document of a JavaScript tab (tabs.ts); dormant
 * until `start()`. Must be self-contained: Playwright sends its source to the page.
 */
export function installKeyboardWalker(): void {
  const w = window as unknown as { __e2eWalk: Walker; __e2eId?: (el: Element) => number };
  const ids = new WeakMap<Element, number>();
  let next = 1;
  const id = (el: Element): number => {
    let found = ids.get(el);
    if (found === undefined) {
      found = next++;
      ids.set(el, found);
    }
    return found;
  };
  const desc = (el: Element): string => {
    const name = (el.getAttribute('aria-label') ?? el.textContent ?? '').replace(/\s+/g, ' ').trim().slice(0, 40);
    return `<${el.tagName.toLowerCase()}${el.id ? ` id="${el.id}"` : ''}${el.getAttribute('class') ? ` class="${el.getAttribute('class')}"` : ''}> "${name}"`;
  };
  const tooltipVisible = (): boolean =>
    [...document.querySelectorAll('[role="tooltip"]')].some((t) =>
      t.checkVisibility({ visibilityProperty: true, opacityProperty: true }),
    );
  const PROPS = [
    'outline-style',
    'outline-width',
    'outline-color',
    'box-shadow',
    'border-top-color',
    'border-top-width',
    'border-bottom-color',
    'border-bottom-width',
    'background-color',
    'color',
    'text-decoration-line',
    'stroke',
    'stroke-width',
    'fill',
    'opacity',
  ];
  const measure = (): FocusInfo | null => {
    const el = document.activeElement;
    if (el === null || el === document.body || el === document.documentElement) return null;
    const style = getComputedStyle(el);
    const outline =
      style.outlineStyle !== 'none' &&
      parseFloat(style.outlineWidth) > 0 &&
      style.outlineColor !== 'rgba(0, 0, 0, 0)' &&
      style.outlineColor !== 'transparent';
    const shadow = style.boxShadow !== 'none' && style.boxShadow !== '';
    // Otherwise (SVG chart marks draw focus as a stroke, sometimes on a child): the focused element
    // must look different from an unfocused copy of itself placed right beside it.
    const changes = (): boolean => {
      const svg = el instanceof SVGElement;
      const copy = el.cloneNode(svg) as Element;
      copy.removeAttribute('id');
      el.after(copy);
      const pairs: Array<[Element, Element]> = [[el, copy]];
      if (svg) {
        const a = el.querySelectorAll('*');
        const b = copy.querySelectorAll('*');
        for (let i = 0; i < Math.min(a.length, 50); i++) pairs.push([a[i] as Element, b[i] as Element]);
      }
      const differs = pairs.some(([x, y]) => {
        const sx = getComputedStyle(x);
        const sy = getComputedStyle(y);
        return PROPS.some((p) => sx.getPropertyValue(p) !== sy.getPropertyValue(p));
      });
      copy.remove();
      return differs;
    };
    // The part of the element inside the viewport (a tall table region is never wholly inside).
    const rect = el.getBoundingClientRect();
    const left = Math.max(rect.left, 0);
    const right = Math.min(rect.right, document.documentElement.clientWidth);
    const top = Math.max(rect.top, 0);
    const bottom = Math.min(rect.bottom, document.documentElement.clientHeight);
    const inViewport = right - left >= 1 && bottom - top >= 1;
    // The topmost element at the middle of each of its boxes that can be seen: a chart mark's
    // transparent touch area (.mark-hit, drawn at build time by src/charts/mark-frames.ts) takes taps
    // but hides nothing. A link that wraps has a box per line, and the middle of the rectangle round
    // them lies between its lines: it is hidden only when the middle of every line is covered.
    const boxes = el.getClientRects().length > 1 ? Array.from(el.getClientRects()) : [rect];
    const hits = inViewport
      ? boxes
          .filter((b) => b.bottom > 0 && b.top < document.documentElement.clientHeight && b.width >= 1)
          .map(
            (b) =>
              document
                .elementsFromPoint(
                  (Math.max(b.left, 0) + Math.min(b.right, document.documentElement.clientWidth)) / 2,
                  (Math.max(b.top, 0) + Math.min(b.bottom, document.documentElement.clientHeight)) / 2,
                )
                .find((e) => !e.classList.contains('mark-hit')) ?? null,
          )
      : [];
    const hides = (h: Element | null) => h !== null && h !== el && !el.contains(h) && !h.contains(el);
    const hit = hits.find(hides) ?? null;
    const covered = hits.length > 0 && hits.every(hides);
    const href = el.getAttribute('href') ?? '';
    const target =
      href.startsWith('#') && href.length > 1 ? document.getElementById(decodeURIComponent(href.slice(1))) : null;
    return {
      id: id(el),
      desc: desc(el),
      skipLink: el.tagName === 'A' && target !== null && /skip/i.test(el.textContent ?? ''),
      inMain: el.closest('main, [role="main"]') !== null,
      indicator: outline || shadow || changes(),
      inViewport,
      coveredBy: covered && hit !== null ? desc(hit) : null,
      tooltipVisible: tooltipVisible(),
    };
  };

  let stops: Array<FocusInfo | null> = [];
  /** The current focus was already measured (the walk's start, or the last read): do not measure it again. */
  let measured = true;
  let halted = false;
  const isTab = (event: KeyboardEvent): boolean => event.key === 'Tab' && event.isTrusted;
  const swallow = (event: KeyboardEvent): void => {
    event.preventDefault();
    event.stopImmediatePropagation();
  };
  window.addEventListener(
    'keydown',
    (event) => {
      if (!walker.active || !isTab(event)) return;
      if (halted) return swallow(event);
      if (!measured) {
        const info = measure();
        stops.push(info);
        if (info?.tooltipVisible === true) {
          // Stop here: Node presses Escape on this stop before the walk goes on.
          halted = true;
          return swallow(event);
        }
      }
      measured = false;
    },
    true,
  );
  window.addEventListener(
    'keyup',
    (event) => {
      if (walker.active && halted && isTab(event)) swallow(event);
    },
    true,
  );
  const walker: Walker = {
    active: false,
    start() {
      walker.active = true;
      stops = [];
      measured = true;
      halted = false;
      // Kept for the "left the page" test: a new document has no `__e2eId`.
      w.__e2eId = id;
      const selector =
        'a[href], area[href], button, input:not([type="hidden"]), select, textarea, summary, iframe, [tabindex], [contenteditable="true"], [contenteditable=""], audio[controls], video[controls]';
      return [...document.querySelectorAll(selector)]
        .filter(
          (el) =>
            (el as HTMLElement | SVGElement).tabIndex >= 0 &&
            !(el as HTMLInputElement).disabled &&
            el.closest('[inert]') === null,
        )
        .filter((el) => el.checkVisibility({ visibilityProperty: true }) && el.getClientRects().length > 0)
        .map((el) => ({ id: id(el), desc: desc(el) }));
    },
    read() {
      if (!walker.active) return 'left';
      if (!halted && !measured) {
        stops.push(measure());
        measured = true;
      }
      const out = { stops, halted };
      stops = [];
      return out;
    },
    resume() {
      halted = false;
      measured = true;
    },
    tooltipVisible,
  };
  w.__e2eWalk = walker;
}

const TAB_DOWN = { type: 'rawKeyDown' as const, key: 'Tab', code: 'Tab', windowsVirtualKeyCode: 9, modifiers: 0 };
const TAB_UP = { type: 'keyUp' as const, key: 'Tab', code: 'Tab', windowsVirtualKeyCode: 9, modifiers: 0 };

/** The keyboard pass at one width, on a page loaded fresh (Tab starts from the top). */
export async function checkKeyboard(tabs: TabPool, url: string, width: number): Promise<Failure[]> {
  return tabs.use({ width, height: HEIGHT }, async ({ page }) => {
    await page.goto(url, { waitUntil: 'load' });
    return walkKeyboard(page, width);
  });
}

/**
 * Walk a page already walked or used, as if freshly loaded at this width: focus and scroll go back to
 * the top (a focused and removed first element puts Tab's starting point at the start of <body>), then
 * `walkKeyboard`. What a walk changed otherwise (a tooltip Escape hid) is what the reader left too.
 */
export async function walkFromTop(page: Page, width: number): Promise<Failure[]> {
  await backToTop(page);
  return walkKeyboard(page, width);
}

/** Focus and scroll back at the top of the page, as loaded (see `walkFromTop`). */
export async function backToTop(page: Page): Promise<void> {
  await page.evaluate(() => {
    const start = document.createElement('span');
    start.tabIndex = -1;
    document.body.prepend(start);
    start.focus({ preventScroll: true });
    start.remove();
    window.scrollTo({ top: 0, left: 0, behavior: 'instant' });
  });
}

/** Walk the loaded page (focus at its start) by keyboard; the page's tab must come from a TabPool. */
export async function walkKeyboard(page: Page, width: number): Promise<Failure[]> {
  const failures: Failure[] = [];
  const fail = (detail: string): void => {
    failures.push({ kind: 'keyboard', detail: `[${width} px] ${detail}` });
  };
  const expected = await page.evaluate(() => (window as unknown as { __e2eWalk: Walker }).__e2eWalk.start());
  const start = page.url();
  const keys: string[] = [];
  let left = false;
  const reached = new Set<number>();
  const limit = expected.length + 5;
  const cdp = await page.context().newCDPSession(page);
  try {
    let pressed = 0;
    let index = 0;
    walk: while (pressed < limit) {
      const count = Math.min(BATCH, limit - pressed);
      const sent: Array<Promise<unknown>> = [];
      for (let i = 0; i < count; i++) {
        sent.push(cdp.send('Input.dispatchKeyEvent', TAB_DOWN), cdp.send('Input.dispatchKeyEvent', TAB_UP));
        keys.push('Tab');
      }
      await Promise.all(sent);
      pressed += count;
      const read: Read = await page.evaluate(() => (window as unknown as { __e2eWalk: Walker }).__e2eWalk.read());
      if (read === 'left') {
        left = true;
        break;
      }
      for (const info of read.stops) {
        if (info === null) {
          if (index === 0 && expected.length > 0) fail('Tab focuses nothing on the page');
          break walk;
        }
        if (reached.has(info.id)) break walk; // came round again
        reached.add(info.id);
        if (index === 0 && !info.skipLink && !info.inMain)
          fail(
            `first Tab stop is ${info.desc}, expected a "skip" link to an element on the page (or the first stop inside <main>)`,
          );
        if (!info.indicator)
          fail(`no visible focus indicator (no outline, box-shadow or other change on focus) on ${info.desc}`);
        if (!info.inViewport) fail(`focused ${info.desc} is outside the viewport`);
        if (info.coveredBy !== null) fail(`focused ${info.desc} is hidden under ${info.coveredBy}`);
        index++;
        if (info.tooltipVisible) {
          keys.push(`Escape on ${info.desc}`);
          await page.keyboard.press('Escape');
          const still = await page.evaluate(() => {
            const walker = (window as unknown as { __e2eWalk?: Walker }).__e2eWalk;
            if (walker?.active !== true) return 'left';
            walker.resume();
            return walker.tooltipVisible();
          });
          if (still === 'left') {
            left = true;
            break walk;
          }
          if (still) fail(`Escape does not hide the tooltip shown for ${info.desc}`);
          // The Tabs swallowed after this stop are sent again.
          pressed = index;
        }
      }
    }
    // A navigation started by the last key may only now have replaced the document.
    if (!left) left = await page.evaluate(() => !('__e2eId' in window));
  } catch (error) {
    if (!/context was destroyed|navigat/i.test(String(error))) throw error;
    left = true;
  } finally {
    await cdp.detach().catch(() => undefined);
  }
  if (left) {
    await page.waitForURL((next) => next.href !== start, { timeout: 5000 }).catch(() => undefined);
    fail(`the keyboard left the page for ${page.url()} (last keys: ${keys.slice(-2).join(', ')})`);
    return failures;
  }
  for (const element of expected) {
    if (!reached.has(element.id)) fail(`Tab never reaches ${element.desc}`);
  }
  return failures;
}
