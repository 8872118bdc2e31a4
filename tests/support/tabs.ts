/**
 * Reusable browser tabs for the checks. A new context and tab cost about 0.5 s here (a new renderer
 * process), and injecting axe-core into a fresh renderer another 0.4 s; a tab that goes from page to
 * page keeps its process and V8's compile cache, so the suite opens a few tabs and reuses them.
 * Each use starts from a known state: a new navigation (the check's own `goto`), the requested
 * viewport, light colour scheme, and no watcher from an earlier use. A tab whose check threw is closed
 * rather than reused.
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
  | 'no-js' // a figure part missing or hidden with JavaScript off
  | 'keyboard'; // Tab order, focus visibility, obscured focus, Escape on tooltips

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
}

/** A pool of reusable tabs on one browser: as many as checks run at once, per JavaScript setting. */
export class TabPool {
  readonly #browser: Browser;
  readonly #contexts = new Map<boolean, Promise<BrowserContext>>();
  readonly #idle = new Map<boolean, Tab[]>();
  readonly #tabs = new WeakMap<Page, Tab>();
  /** How many tabs this pool has opened (a reused tab is not counted again). */
  opened = 0;

  constructor(browser: Browser) {
    this.#browser = browser;
  }

  #context(javaScript: boolean): Promise<BrowserContext> {
    let context = this.#contexts.get(javaScript);
    if (context === undefined) {
      context = this.#newContext(javaScript);
      this.#contexts.set(javaScript, context);
    }
    return context;
  }

  async #newContext(javaScript: boolean): Promise<BrowserContext> {
    const context = await this.#browser.newContext({
      javaScriptEnabled: javaScript,
      viewport: { width: 1280, height: 800 },
    });
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

  /** Run `check` on an idle tab (or a new one) set to `options`; the tab goes back to the pool after. */
  async use<T>(options: TabOptions, check: (tab: Tab) => Promise<T>): Promise<T> {
    const javaScript = options.javaScript ?? true;
    const idle = this.#idle.get(javaScript) ?? [];
    this.#idle.set(javaScript, idle);
    let tab = idle.pop();
    if (tab === undefined) {
      tab = await Tab.open(await this.#context(javaScript));
      this.#tabs.set(tab.page, tab);
      this.opened++;
    }
    let reusable = false;
    try {
      await tab.page.setViewportSize({ width: options.width, height: options.height ?? 800 });
      await tab.page.emulateMedia({ colorScheme: 'light' });
      const result = await check(tab);
      reusable = true;
      return result;
    } finally {
      tab.stopWatching();
      if (reusable) idle.push(tab);
      else await tab.page.close().catch(() => undefined);
    }
  }

  async close(): Promise<void> {
    for (const context of this.#contexts.values()) await (await context).close();
    this.#contexts.clear();
    this.#idle.clear();
  }
}
