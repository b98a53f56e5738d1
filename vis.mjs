import { chromium } from '@playwright/test';
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--headless','--no-sandbox','--disable-gpu','--disable-dev-shm-usage'] });
const context = await browser.newContext();
const page = await context.newPage();
await page.setContent('<p>a</p>');
const a = await context.newPage(); await a.setContent('<p>b</p>');
const b = await context.newPage(); await b.setContent('<p>c</p>');
for (const [n, p] of [['page', page], ['a', a], ['b', b]]) {
  const r = await p.evaluate(() => new Promise((res) => { const t = setTimeout(() => res('no raf ' + document.visibilityState + ' focus=' + document.hasFocus()), 2000); requestAnimationFrame(() => { clearTimeout(t); res('raf ' + document.visibilityState + ' focus=' + document.hasFocus()); }); }));
  console.log(n, r);
}
await browser.close();
