/**
 * A page that records what went wrong on it, and the bytes of every response. The browser is the
 * one the global setup starts (tests/support/browser.ts).
 */
import type { Browser, BrowserContextOptions, Page } from 'playwright-core';

export interface Watched {
  page: Page;
  /** Console errors, uncaught exceptions, CSP violations, failed requests, responses >= 400, dialogs. */
  problems: string[];
  /** Every URL requested, in order. */
  requests: string[];
  /** Bytes of each response body, by URL. */
  bytes: Map<string, number>;
}

export async function watchedPage(browser: Browser, options: BrowserContextOptions = {}): Promise<Watched> {
  const context = await browser.newContext(options);
  const page = await context.newPage();
  const problems: string[] = [];
  const requests: string[] = [];
  const bytes = new Map<string, number>();
  // CSP violations are reported as events in the page; a binding carries them out of it.
  await page.exposeBinding('__reportCsp', (_source, text: string) => void problems.push(`csp-violation: ${text}`));
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => {
      (window as unknown as { __reportCsp(t: string): void }).__reportCsp(`${e.violatedDirective} ${e.blockedURI}`);
    });
  });
  page.on('console', (m) => {
    if (m.type() === 'error') problems.push(`console-error: ${m.text()}`);
  });
  page.on('pageerror', (e) => problems.push(`page-error: ${e.message}`));
  page.on('dialog', (d) => {
    problems.push(`dialog: ${d.message()}`);
    void d.dismiss();
  });
  page.on('request', (r) => void requests.push(r.url()));
  page.on('requestfailed', (r) => problems.push(`request-failed: ${r.url()} ${r.failure()?.errorText ?? ''}`));
  page.on('requestfinished', (r) => {
    void r
      .sizes()
      .then((s) => bytes.set(r.url(), s.responseBodySize))
      .catch(() => undefined);
  });
  page.on('response', (r) => {
    if (r.status() >= 400) problems.push(`response-error: ${r.status()} ${r.url()}`);
  });
  return { page, problems, requests, bytes };
}
