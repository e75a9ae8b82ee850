/**
 * What the first search costs a reader: bytes downloaded for one language and for all languages,
 * and the time from submitting the query to results on screen, in headless Chromium against the
 * built site (run `npm run build` first). Reports a Markdown table; never a pass/fail.
 * Usage: npx tsx scripts/bench-search.ts [query] [lang]
 */
import { chromium } from "@playwright/test";
import { startPreviewServer } from "../src/deploy/preview-server.ts";
import { chromiumLaunchOptions } from "../tests/browser/chromium.ts";

const query = process.argv[2] ?? "clientes";
const pageLang = process.argv[3] ?? "es";
const PORT = 4390;
const server = await startPreviewServer("_site", PORT);
const browser = await chromium.launch(chromiumLaunchOptions());
try {
  console.log(`| scope | requests to /pagefind/ | bytes downloaded | time to results (median of 5, cold cache) |`);
  console.log(`|---|---|---|---|`);
  for (const [scope, filter] of [["one language (es)", "es"], ["all languages", ""]] as const) {
    const times: number[] = [];
    let bytes = 0, requests = 0;
    for (let run = 0; run < 5; run++) {
      const context = await browser.newContext();
      const page = await context.newPage();
      const sizes: Promise<number>[] = [];
      page.on("requestfinished", (request) => {
        if (request.url().includes("/pagefind/")) sizes.push(request.sizes().then((s) => s.responseBodySize + s.responseHeadersSize));
      });
      await page.goto(`http://127.0.0.1:${PORT}/${pageLang}/search/`);
      await page.locator("#search-q").fill(query);
      if (filter) await page.locator("#search-lang").selectOption(filter);
      await page.locator("#search-q").press("Enter");
      await page.waitForFunction(() => document.body.dataset.searchMs !== undefined);
      await page.waitForLoadState("networkidle");
      times.push(Number(await page.evaluate(() => document.body.dataset.searchMs)));
      bytes = (await Promise.all(sizes)).reduce((a, b) => a + b, 0);
      requests = sizes.length;
      await context.close();
    }
    times.sort((a, b) => a - b);
    console.log(`| ${scope} | ${requests} | ${(bytes / 1024).toFixed(1)} KiB | ${times[2]} ms |`);
  }
} finally {
  await browser.close();
  server.close();
}
