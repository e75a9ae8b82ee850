/**
 * What a search costs a reader, counting every byte the browser fetches for it (scripts, workers,
 * WebAssembly, index chunks, metadata fragments): in the reader's language alone, until the first
 * results (the reader's language) are on screen, and until every language has answered. Sizes are
 * given raw and gzip-compressed (level 6, as hosts serve them); headless Chromium against the built
 * site (run `npm run build` first), cold cache each run. Reports a Markdown table; never a pass/fail.
 * Usage: npx tsx scripts/bench-search.ts [query] [lang] [site dir]
 */
import { gzipSync } from "node:zlib";
import { chromium, type Request } from "@playwright/test";
import { startPreviewServer } from "../src/deploy/preview-server.ts";
import { chromiumLaunchOptions } from "../tests/browser/chromium.ts";

const query = process.argv[2] ?? "clientes";
const pageLang = process.argv[3] ?? "es";
const siteDir = process.argv[4] ?? "_site";
const PORT = 4390;
const RUNS = 5;

interface Fetched {
  url: string;
  raw: number;
  gzip: number;
  at: number;
}

const server = await startPreviewServer(siteDir, PORT);
const browser = await chromium.launch(chromiumLaunchOptions("browser"));
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0;
const kib = (bytes: number) => `${(bytes / 1024).toFixed(1)} KiB`;
try {
  console.log(`Query «${query}» from /${pageLang}/search/ (${siteDir}), median of ${RUNS} cold runs:\n`);
  console.log("| scope | requests | raw | gzip | time |");
  console.log("|---|---|---|---|---|");
  for (const [scope, filter] of [
    [`the reader's language only (${pageLang})`, pageLang],
    ["every language", ""],
  ] as const) {
    const firstTimes: number[] = [],
      allTimes: number[] = [];
    let first: Fetched[] = [],
      all: Fetched[] = [];
    for (let run = 0; run < RUNS; run++) {
      const context = await browser.newContext();
      const page = await context.newPage();
      const fetched: Promise<Fetched>[] = [];
      let searchStarted = Infinity;
      context.on("requestfinished", (request: Request) => {
        if (!/^https?:/.test(request.url())) return; // blob: and data: URLs are made in the page, not fetched
        const at = Date.now();
        fetched.push(
          request.response().then(async (r) => {
            const body = (await r?.body().catch(() => Buffer.alloc(0))) ?? Buffer.alloc(0);
            return { url: request.url(), raw: body.length, gzip: gzipSync(body, { level: 6 }).length, at };
          }),
        );
      });
      await page.goto(`http://127.0.0.1:${PORT}/${pageLang}/search/${filter ? `?lang=${filter}` : ""}`);
      await page.waitForLoadState("networkidle");
      fetched.length = 0; // the page itself and its stylesheet: not the search's cost
      searchStarted = Date.now();
      await page.locator("#search-q").fill(query);
      await page.locator("#search-q").press("Enter");
      await page.waitForFunction(() => document.body.dataset.searchMs !== undefined);
      await page.waitForLoadState("networkidle");
      const ms = await page.evaluate(() => ({ first: Number(document.body.dataset.searchFirstMs ?? document.body.dataset.searchMs), all: Number(document.body.dataset.searchMs) }));
      const all1 = await Promise.all(fetched);
      all = all1;
      first = all1.filter((f) => f.at - searchStarted <= ms.first + 50);
      firstTimes.push(ms.first);
      allTimes.push(ms.all);
      await context.close();
    }
    const sum = (fs: Fetched[], key: "raw" | "gzip") => fs.reduce((a, f) => a + f[key], 0);
    if (!filter) console.log(`| ${scope}: until the first results (${pageLang}) | ${first.length} | ${kib(sum(first, "raw"))} | ${kib(sum(first, "gzip"))} | ${median(firstTimes)} ms |`);
    console.log(`| ${scope}${filter ? "" : ": until all have answered"} | ${all.length} | ${kib(sum(all, "raw"))} | ${kib(sum(all, "gzip"))} | ${median(allTimes)} ms |`);
  }
} finally {
  await browser.close();
  server.close();
}
