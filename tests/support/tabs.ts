/**
 * Reusable browser tabs for the checks. A new context and tab cost about 0.5 s here (a new renderer
 * process), and injecting axe-core into a fresh renderer another 0.4 s; a tab that goes from page to
 * page keeps its process and V8's compile cache, so the suite opens a few tabs and reuses them.
 * Each use starts from a known state: a new navigation (the check's own `goto`), the requested
 * viewport, light colour scheme, and no watcher from an earlier use. A tab whose check threw is closed
 * rather than reused.
 *
 * Measured (issue #26) and not kept: Chromium flags (`--disable-site-isolation-trials`, no smooth
 * scrolling…) changed nothing beyond noise; a fresh context costs 0.85 CPU s per visit, a reused tab
 * 0.30 s.
 *
 * CPU, measured (issue #26; vitest and every child, Chromium's renderers included, sampled from
 * /proc, 7 December 2026, load 15-40; wall time is at least CPU time / 2 on two cores):
 *   every-page + no-js-and-keyboard (now one)        413 s -> 274 s
 *   story, explore, governance-map, activities       268 s -> 106 s
 *   every-page: the /source/ pair, with a build       84 s ->  46 s
 * Of every-page, axe is ~55 % (each dark colour pass costs about a full light run), the keyboard
 * walks 30 %, JS-off 8 %.
 */
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { installKeyboardWalker } from './keyboard.ts';

export type FailureKind =
  | 'http-status' // the page itself did not answer 200
  | 'console-error' // console.error, including "Failed to load resource"
  | 'page-error' // an uncaught exception
  | 'csp-violation' // a securitypolicyviolation event or a CSP console message
  | 'csp-policy' // the <meta> CSP is missing or too weak
  | 'request-failed' // a request that never got a response
  | 'response-error' // a response with status >= 400
  | 'other-host' // a request to anything but the local server
  | 'axe' // an axe-core violation
  | 'overflow' // horizontal scroll at 320 px
  | 'chart' // a .figure without an accessible SVG and a table, or too wide for a phone
  | 'targets' // two chart marks' touch targets overlap, as drawn (hit-areas.ts)
  | 'no-js' // a figure part missing or hidden with JavaScript off
  | 'keyboard' // Tab order, focus visibility, obscured focus, Escape on tooltips
  | 'same-document'; // a page checked as a copy of another renders a different document

export interface Failure {
  kind: FailureKind;
  detail: string;
}

/** One tab, with listeners installed once that report to the current watcher, if any. */
export class Tab {
  readonly page: Page;
  #origin: string | undefined;
  #failures: Failure[] = [];

  private constructor(page: Page) {
    this.page = page;
  }

  /** A new tab in `context` (set up by TabPool, which relays CSP violation reports to `report`). */
  static async open(context: BrowserContext): Promise<Tab> {
    const tab = new Tab(await context.newPage());
    tab.#listen();
    return tab;
  }

  /**
   * From now until `stopWatching`: console errors, uncaught exceptions, CSP violation events,
   * requests to other hosts than `origin`, failed requests and responses >= 400 become failures.
   * Call before the check's navigation.
   */
  watch(origin: string): void {
    this.#origin = origin;
    this.#failures = [];
  }

  /** The failures seen since `watch`, still recording. */
  seen(): Failure[] {
    return [...this.#failures];
  }

  /** The failures seen since `watch`, and stop recording. */
  stopWatching(): Failure[] {
    const failures = this.#failures;
    this.#origin = undefined;
    this.#failures = [];
    return failures;
  }

  /** Record a failure, if a check is watching. */
  report(kind: FailureKind, detail: string): void {
    if (this.#origin !== undefined) this.#failures.push({ kind, detail });
  }

  #listen(): void {
    const page = this.page;
    page.on('console', (message) => {
      if (message.type() !== 'error') return;
      const text = message.text();
      this.report(/content security policy/i.test(text) ? 'csp-violation' : 'console-error', text);
    });
    page.on('pageerror', (error) => this.report('page-error', error.message));
    // An alert() is a script that ran (the injection payloads): a failure, and dismissed so nothing waits.
    page.on('dialog', (dialog) => {
      this.report('page-error', `dialog: ${dialog.type()} "${dialog.message()}"`);
      void dialog.dismiss().catch(() => undefined);
    });
    page.on('request', (request) => {
      const url = request.url();
      if (this.#origin === undefined || url.startsWith('data:') || url.startsWith('blob:') || url === 'about:blank')
        return;
      if (new URL(url).origin !== this.#origin) this.report('other-host', `request to ${url}`);
    });
    page.on('requestfailed', (request) =>
      this.report('request-failed', `${request.url()}: ${request.failure()?.errorText ?? 'failed'}`),
    );
    page.on('response', (response) => {
      if (response.status() >= 400) this.report('response-error', `${response.status()} for ${response.url()}`);
    });
  }
}

export interface TabOptions {
  /** Run the page's scripts (default true). Tabs with and without JavaScript live in separate contexts. */
  javaScript?: boolean;
  /** Viewport width in CSS pixels. */
  width: number;
  /** Viewport height (default 800). */
  height?: number;
  /** Colour scheme (default light). */
  scheme?: 'light' | 'dark';
  /** A phone: touch events and a mobile viewport (context options, so these tabs have their own context). */
  touch?: boolean;
  /**
   * Answer requests to any host but 127.0.0.1 with a neutral page, so nothing leaves the machine (the
   * quick exit's outside address lands there). Such tabs have their own context.
   */
  neutralOutside?: boolean;
}

/** The context options a tab cannot change once open: tabs that differ in them never share a context. */
const contextKey = (o: TabOptions): string =>
  `${o.javaScript ?? true}|${o.touch ?? false}|${o.neutralOutside ?? false}`;

/**
 * A pool of reusable tabs on one browser: as many as checks run at once, per kind of context. This is
 * the one way the browser suites open a page (`use`, or `open` for a check that holds the page).
 */
export class TabPool {
  readonly #browser: Browser;
  readonly #contexts = new Map<string, Promise<BrowserContext>>();
  readonly #idle = new Map<string, Tab[]>();
  readonly #tabs = new WeakMap<Page, Tab>();
  /** How many tabs this pool has opened (a reused tab is not counted again). */
  opened = 0;

  constructor(browser: Browser) {
    this.#browser = browser;
  }

  #context(options: TabOptions): Promise<BrowserContext> {
    const key = contextKey(options);
    let context = this.#contexts.get(key);
    if (context === undefined) {
      context = this.#newContext(options);
      this.#contexts.set(key, context);
    }
    return context;
  }

  async #newContext(options: TabOptions): Promise<BrowserContext> {
    const javaScript = options.javaScript ?? true;
    const context = await this.#browser.newContext({
      javaScriptEnabled: javaScript,
      viewport: { width: options.width, height: options.height ?? 800 },
      ...(options.touch === true ? { hasTouch: true, isMobile: true } : {}),
    });
    if (options.neutralOutside === true)
      await context.route(/^https?:\/\/(?!127\.0\.0\.1)/, (route) =>
        route.fulfill({
          status: 200,
          contentType: 'text/html',
          body: '<!doctype html><title>Neutral</title><p>Neutral page</p>',
        }),
      );
    if (javaScript) {
      // CSP violations are events inside the page; a binding carries them out to the tab's watcher.
      // Binding and init script go in over CDP, so the page's own CSP cannot block them. Both are set
      // once on the context (set per page, they raced when several tabs opened at once).
      await context.exposeBinding('__e2eCspViolation', ({ page }, detail: string) =>
        this.#tabs.get(page)?.report('csp-violation', detail),
      );
      await context.addInitScript(() => {
        document.addEventListener('securitypolicyviolation', (event) => {
          const report = (window as unknown as { __e2eCspViolation: (detail: string) => void }).__e2eCspViolation;
          void report(
            `${event.effectiveDirective} blocked ${event.blockedURI || '(inline)'} in ${event.sourceFile || event.documentURI}:${event.lineNumber}`,
          );
        });
      });
      // The keyboard pass's recorder (keyboard.ts): installed before any page script, dormant until used.
      await context.addInitScript(installKeyboardWalker);
    }
    return context;
  }

  /**
   * An idle tab (or a new one) set to `options`: about:blank is not visited in between, so the caller's
   * `goto` is a new navigation as in a fresh tab. Give it back with `release` (closed if `reusable` is false).
   */
  async lease(options: TabOptions): Promise<{ tab: Tab; release: (reusable: boolean) => Promise<void> }> {
    const key = contextKey(options);
    const idle = this.#idle.get(key) ?? [];
    this.#idle.set(key, idle);
    let tab = idle.pop();
    if (tab === undefined) {
      tab = await Tab.open(await this.#context(options));
      this.#tabs.set(tab.page, tab);
      this.opened++;
    }
    const leased = tab;
    try {
      await leased.page.setViewportSize({ width: options.width, height: options.height ?? 800 });
      await leased.page.emulateMedia({ colorScheme: options.scheme ?? 'light' });
    } catch (error) {
      await leased.page.close().catch(() => undefined);
      throw error;
    }
    return {
      tab: leased,
      release: async (reusable) => {
        leased.stopWatching();
        if (reusable && !leased.page.isClosed()) idle.push(leased);
        else await leased.page.close().catch(() => undefined);
      },
    };
  }

  /**
   * A new tab in the pooled context for `options`, never reused: closed by `release`. For a host page
   * written into the tab's first about:blank (a tab that has been elsewhere may not frame 127.0.0.1).
   */
  async fresh(options: TabOptions): Promise<{ tab: Tab; release: () => Promise<void> }> {
    const tab = await Tab.open(await this.#context(options));
    this.#tabs.set(tab.page, tab);
    this.opened++;
    await tab.page.setViewportSize({ width: options.width, height: options.height ?? 800 });
    await tab.page.emulateMedia({ colorScheme: options.scheme ?? 'light' });
    return {
      tab,
      release: async () => {
        tab.stopWatching();
        await tab.page.close().catch(() => undefined);
      },
    };
  }

  /** Run `check` on an idle tab (or a new one) set to `options`; the tab goes back to the pool after. */
  async use<T>(options: TabOptions, check: (tab: Tab) => Promise<T>): Promise<T> {
    const { tab, release } = await this.lease(options);
    let reusable = false;
    try {
      const result = await check(tab);
      reusable = true;
      return result;
    } finally {
      await release(reusable);
    }
  }

  async close(): Promise<void> {
    for (const context of this.#contexts.values()) await (await context).close();
    this.#contexts.clear();
    this.#idle.clear();
  }
}

/** What `open` hands back: the page, the problems seen on it so far, and `close`. */
export interface Opened {
  page: Page;
  /** Console errors, uncaught exceptions and CSP violations since the page was opened (`kind: detail`). */
  errors(): string[];
  /** Everything the tab's watcher saw (also failed requests, 4xx/5xx, other hosts, dialogs). */
  problems(): string[];
  /** Give the tab back; with `expectNoErrors` (default true) fail if `errors()` is not empty. */
  close(expectNoErrors?: boolean): Promise<void>;
  /** Close the tab instead of giving it back (after a check threw: its state is unknown). */
  discard(): Promise<void>;
}

const ERROR_KINDS: ReadonlySet<FailureKind> = new Set(['console-error', 'page-error', 'csp-violation']);

/**
 * Open `url` in a pooled tab (`waitUntil: 'load'`), watching for console errors, uncaught exceptions
 * and CSP violations. `close()` gives the tab back and throws if any were seen (unless told not to).
 */
export async function openPage(tabs: TabPool, url: string, options: Partial<TabOptions> = {}): Promise<Opened> {
  const { tab, release } = await tabs.lease({ width: 360, ...options });
  tab.watch(new URL(url).origin);
  let closed = false;
  const errors = (): string[] =>
    tab
      .seen()
      .filter((f) => ERROR_KINDS.has(f.kind))
      .map((f) => `${f.kind}: ${f.detail}`);
  try {
    // A URL that differs from the tab's only by its #fragment would be a jump within the old document.
    const bare = (href: string): string => href.replace(/#.*$/, '');
    if (bare(tab.page.url()) === bare(url)) await tab.page.goto('about:blank');
    await tab.page.goto(url, { waitUntil: 'load' });
  } catch (error) {
    await release(false);
    throw error;
  }
  return {
    page: tab.page,
    errors,
    problems: () => tab.seen().map((f) => `${f.kind}: ${f.detail}`),
    close: async (expectNoErrors = true) => {
      if (closed) return;
      closed = true;
      const found = errors();
      await release(true);
      if (expectNoErrors && found.length > 0)
        throw new Error(`console errors or CSP violations on ${url}:\n${found.join('\n')}`);
    },
    discard: async () => {
      if (closed) return;
      closed = true;
      await release(false);
    },
  };
}

/**
 * A host page of our own making (`html`, written into about:blank, as another site would embed ours),
 * in a new tab of the pooled context: `problems()` lists everything the tab's watcher saw from `origin` on (console
 * errors, exceptions, CSP violations, failed requests, 4xx/5xx, requests to other hosts, dialogs).
 */
export async function openHtml(
  tabs: TabPool,
  html: string,
  origin: string,
  options: Partial<TabOptions> = {},
): Promise<{ page: Page; problems: () => string[]; close: () => Promise<void> }> {
  // A new tab (in the shared context): Chromium's local network access checks let the first
  // about:blank of a tab frame 127.0.0.1, but not an about:blank the tab went back to.
  const { tab, release } = await tabs.fresh({ width: 1300, height: 900, ...options });
  tab.watch(origin);
  try {
    await tab.page.setContent(html, { waitUntil: 'load', timeout: 60_000 });
  } catch (error) {
    await release();
    throw error;
  }
  return {
    page: tab.page,
    problems: () => tab.seen().map((f) => `${f.kind}: ${f.detail}`),
    close: release,
  };
}

/** Open `url` in a pooled tab, run `run` on it and give the tab back (see `openPage`). */
export async function onPage<T>(
  tabs: TabPool,
  url: string,
  run: (page: Page) => Promise<T>,
  options: Partial<TabOptions> & { errors?: boolean } = {},
): Promise<T> {
  const opened = await openPage(tabs, url, options);
  let result: T;
  try {
    result = await run(opened.page);
  } catch (error) {
    await opened.discard();
    throw error;
  }
  await opened.close(options.errors ?? false);
  return result;
}
