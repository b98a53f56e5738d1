/**
 * What JavaScript a page makes the browser download on first load: the modules it names in its
 * HTML (modulepreload links, script src, inline module imports) and everything they import
 * statically, each counted once. Dynamic import() is left out: it loads later, if at all.
 */
import { gzipSync } from 'node:zlib';

export interface PageJs {
  status: number;
  files: number;
  rawBytes: number;
  gzipBytes: number;
  /** Inline <script> bodies (Remix's context and bootstrap), gzipped together. */
  inlineGzipBytes: number;
}

const gz = (text: string) => gzipSync(Buffer.from(text)).length;

function namedModules(html: string): string[] {
  const urls = new Set<string>();
  for (const [tag] of html.matchAll(/<link\b[^>]*>/gi)) {
    if (/rel=["']?modulepreload/i.test(tag))
      urls.add(/href=["']([^"']+)["']/i.exec(tag)?.[1] ?? '');
  }
  for (const [, attrs, body] of html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)) {
    const src = /src=["']([^"']+)["']/i.exec(attrs ?? '')?.[1];
    if (src) urls.add(src);
    if (/type=["']?module/i.test(attrs ?? ''))
      staticImports(body ?? '').forEach((u) => urls.add(u));
  }
  urls.delete('');
  return [...urls];
}

function staticImports(code: string): string[] {
  // `import "x"`, `import * as y from "x"`, `export … from "x"`; not `import("x")`.
  return [...code.matchAll(/(?:\bfrom|\bimport)\s*["']([^"']+\.m?js)["']/g)].map((m) => m[1]!);
}

function inlineScripts(html: string): string {
  return [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)]
    .filter(([, attrs]) => !/src=/i.test(attrs ?? ''))
    .map(([, , body]) => body)
    .join('\n');
}

/** Fetches `path` (with `cookie`) and totals the JavaScript it ships, raw and gzipped. */
export async function measurePageJs(
  baseUrl: string,
  path: string,
  cookie?: string,
): Promise<PageJs> {
  const response = await fetch(new URL(path, baseUrl), {
    headers: cookie ? { Cookie: cookie } : {},
    redirect: 'manual',
  });
  const html = await response.text();
  const pageUrl = new URL(path, baseUrl);
  const queue = namedModules(html).map((u) => new URL(u, pageUrl).href);
  const seen = new Set<string>();
  let rawBytes = 0;
  let gzipBytes = 0;
  // Bounded: a page with more than 500 modules is a bug worth seeing as an error.
  while (queue.length > 0) {
    if (seen.size > 500) throw new Error(`${path}: more than 500 modules`);
    const url = queue.shift()!;
    if (seen.has(url) || new URL(url).origin !== new URL(baseUrl).origin) continue;
    seen.add(url);
    const asset = await fetch(url);
    if (!asset.ok) throw new Error(`${path}: ${url} answered ${asset.status}`);
    const code = await asset.text();
    rawBytes += Buffer.byteLength(code);
    gzipBytes += gz(code);
    for (const next of staticImports(code)) queue.push(new URL(next, url).href);
  }
  return {
    status: response.status,
    files: seen.size,
    rawBytes,
    gzipBytes,
    inlineGzipBytes: gz(inlineScripts(html)),
  };
}

/**
 * What JavaScript a whole visit downloads: `path` opened in Chromium and left until the network is
 * quiet, so code a page fetches after its first load (guest mode fetches every guest page's code
 * as it opens, the builder its draft panel) is counted too. Each file is gzipped here, as above.
 */
export async function measureVisitJs(
  baseUrl: string,
  path: string,
): Promise<Pick<PageJs, 'files' | 'rawBytes' | 'gzipBytes'>> {
  const { chromium } = await import('@playwright/test');
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'],
  });
  try {
    const page = await browser.newPage();
    const scripts = new Set<string>();
    page.on('response', (response) => {
      const url = new URL(response.url());
      if (url.origin === new URL(baseUrl).origin && url.pathname.endsWith('.js'))
        scripts.add(url.href);
    });
    await page.goto(new URL(path, baseUrl).href);
    await page.waitForLoadState('networkidle');
    let rawBytes = 0;
    let gzipBytes = 0;
    for (const url of scripts) {
      const code = await (await fetch(url)).text();
      rawBytes += Buffer.byteLength(code);
      gzipBytes += gz(code);
    }
    return { files: scripts.size, rawBytes, gzipBytes };
  } finally {
    await browser.close();
  }
}
