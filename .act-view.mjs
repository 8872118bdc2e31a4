import { chromium } from 'playwright-core';
const [port, path, sel, out, w, scheme, js, ...steps] = process.argv.slice(2);
const b = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--headless', '--disable-gpu'] });
const ctx = await b.newContext({ viewport: { width: Number(w), height: 800 }, colorScheme: scheme, javaScriptEnabled: js === 'js' });
const page = await ctx.newPage();
await page.goto(`http://127.0.0.1:${port}/worcestershire-community-safety/${path}`);
await page.waitForTimeout(300);
const top = await page.locator(sel).first().evaluate((e) => e.getBoundingClientRect().top + scrollY);
for (const s of steps.length ? steps : ['0']) {
  await page.evaluate((y) => scrollTo(0, y), top + Number(s));
  await page.waitForTimeout(100);
  await page.screenshot({ path: `${out}-${w}-${scheme}-${js}-${s}.png` });
}
await b.close();
