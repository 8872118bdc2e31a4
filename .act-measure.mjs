import { chromium } from 'playwright-core';
const [port, ...paths] = process.argv.slice(2);
const b = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--headless', '--disable-gpu'] });
for (const p of paths) {
  for (const js of [true, false]) {
    const ctx = await b.newContext({ viewport: { width: 360, height: 800 }, javaScriptEnabled: js });
    const page = await ctx.newPage();
    await page.goto(`http://127.0.0.1:${port}/worcestershire-community-safety/${p}`);
    const n = await page.evaluate(() => ({ all: document.getElementsByTagName('*').length, fig: document.querySelector('#activities-board, [id^=activities-board]')?.getElementsByTagName('*').length, h: document.documentElement.scrollHeight }));
    console.log(p, js ? 'js' : 'nojs', JSON.stringify(n));
    await ctx.close();
  }
}
await b.close();
