import { chromium } from 'playwright-core';
const [port, path, sel, out, ...opts] = process.argv.slice(2);
const b = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--headless', '--disable-gpu'] });
for (const w of [360, 1280]) for (const scheme of ['light', 'dark']) for (const js of [true, false]) {
  if (opts.includes('quick') && (scheme === 'dark') === js) continue;
  const ctx = await b.newContext({ viewport: { width: w, height: 900 }, colorScheme: scheme, javaScriptEnabled: js });
  const page = await ctx.newPage();
  await page.goto(`http://127.0.0.1:${port}/worcestershire-community-safety/${path}`);
  await page.waitForTimeout(300);
  const el = page.locator(sel).first();
  const f = `${out}-${w}-${scheme}-${js ? 'js' : 'nojs'}.png`;
  await el.screenshot({ path: f });
  const html = await el.evaluate((e) => e.outerHTML.length);
  console.log(f, 'figure outerHTML', html);
  await ctx.close();
}
await b.close();
