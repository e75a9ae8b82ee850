/**
 * Lighthouse (the npm package, driving Debian's Chromium when installed) over the built site,
 * served by the preview server with the site's own deploy headers: an article, a language home, the
 * root and a search page with results, on mobile emulation (Lighthouse's default: a mid-range
 * phone, slow 4G, 4× CPU slowdown) and on desktop. Reports a Markdown table of the four category
 * scores and the search page's layout shift and blocking time, and lists every audit that fell
 * short; never a pass/fail. Run `npm run build` first.
 * Usage: npx tsx scripts/lighthouse.ts [site dir] [build report]   (npm run lighthouse)
 */
import { readFileSync } from "node:fs";
import * as chromeLauncher from "chrome-launcher";
import lighthouse, { desktopConfig, type Flags, type Result } from "lighthouse";
import { startPreviewServer } from "../src/deploy/preview-server.ts";
import { chromiumLaunchOptions } from "../tests/browser/chromium.ts";

const siteDir = process.argv[2] ?? "_site";
const PORT = 4391;
// The build report says which pages exist: the seed build's, or the one written beside another site.
const reportFile = process.argv[3] ?? (siteDir === "_site" ? "reports/build-report.json" : `${siteDir}.json`);
const report = JSON.parse(readFileSync(reportFile, "utf8")) as { documents: { status: string; lang?: string; url?: string }[] };
const article = report.documents.find((d) => d.status === "published" && d.lang === "es") ?? report.documents.find((d) => d.status === "published");
if (!article?.url) throw new Error(`no published article in the report of ${siteDir}`);
const lang = article.lang ?? "en";

const pages: [string, string][] = [
  ["article", article.url],
  ["language home", `/${lang}/`],
  ["root", "/"],
  ["search with results", `/${lang}/search/?q=${encodeURIComponent(process.env.QUERY ?? "clientes")}`],
];

const server = await startPreviewServer(siteDir, PORT);
const { executablePath, args = [] } = chromiumLaunchOptions("browser");
const chrome = await chromeLauncher.launch({ ...(executablePath ? { chromePath: executablePath } : {}), chromeFlags: ["--headless=new", ...args] });
const score = (r: Result, id: string) => Math.round((r.categories[id]?.score ?? 0) * 100);
const shortfalls: string[] = [];
try {
  console.log("| page | form | performance | accessibility | best practices | SEO | layout shift | total blocking time |");
  console.log("|---|---|---|---|---|---|---|---|");
  for (const [name, path] of pages) {
    for (const form of ["mobile", "desktop"] as const) {
      const flags: Flags = { port: chrome.port, output: "json", logLevel: "error" };
      const result = await lighthouse(`http://127.0.0.1:${PORT}${path}`, flags, form === "desktop" ? desktopConfig : undefined);
      const lhr = result?.lhr;
      if (!lhr) throw new Error(`Lighthouse returned nothing for ${path}`);
      const cls = lhr.audits["cumulative-layout-shift"]?.numericValue ?? NaN;
      const tbt = lhr.audits["total-blocking-time"]?.numericValue ?? NaN;
      console.log(
        `| ${name} | ${form} | ${score(lhr, "performance")} | ${score(lhr, "accessibility")} | ${score(lhr, "best-practices")} | ${score(lhr, "seo")} | ${cls.toFixed(3)} | ${Math.round(tbt)} ms |`,
      );
      for (const category of Object.values(lhr.categories)) {
        for (const ref of category.auditRefs) {
          const audit = lhr.audits[ref.id];
          if (ref.weight > 0 && audit && audit.score !== null && audit.score < 1)
            shortfalls.push(`${name} (${form}) · ${category.title}: ${audit.title}${audit.displayValue ? ` — ${audit.displayValue}` : ""}`);
        }
      }
    }
  }
  if (shortfalls.length) console.log(`\nShort of full marks:\n${shortfalls.map((s) => `- ${s}`).join("\n")}`);
} finally {
  await chrome.kill();
  server.close();
}
