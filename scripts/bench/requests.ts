/**
 * Confirm the static request count in a real browser: load pages in Chromium (playwright-core,
 * Debian's /usr/bin/chromium) from the local server and count the requests each page makes up to the
 * load event and network idle. Requests the static analysis does not predict show up here.
 */
import { chromium } from 'playwright-core';
import { CHROME_PATH } from './lighthouse.ts';

export interface BrowserRequests {
  url: string;
  requests: string[];
  thirdParty: string[];
}

export async function countRequests(urls: string[]): Promise<BrowserRequests[]> {
  const browser = await chromium.launch({
    executablePath: CHROME_PATH,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
  });
  const out: BrowserRequests[] = [];
  try {
    for (const url of urls) {
      const context = await browser.newContext({
        viewport: { width: 360, height: 740 },
        isMobile: true,
        hasTouch: true,
      });
      const page = await context.newPage();
      const requests: string[] = [];
      page.on('request', (r) => requests.push(r.url()));
      await page.goto(url, { waitUntil: 'networkidle' });
      const origin = new URL(url).origin;
      out.push({
        url,
        requests: requests.filter((r) => r.startsWith(origin)),
        thirdParty: requests.filter((r) => !r.startsWith(origin) && !r.startsWith('data:')),
      });
      await context.close();
    }
  } finally {
    await browser.close();
  }
  return out;
}
