/**
 * Screenshots of built pages at desktop and phone widths, light and dark, for a person to look at.
 * Needs `npm run build` (seed site) and the fixture site the browser tests build (reports/fixture-site).
 * Usage: npx tsx scripts/screenshots.ts  → screenshots/*.png, and the README's set in docs/screenshots/
 */
import { mkdirSync, readFileSync } from "node:fs";
import { chromium } from "@playwright/test";
import { startPreviewServer } from "../src/deploy/preview-server.ts";
import { chromiumLaunchOptions } from "../tests/browser/chromium.ts";

type Doc = { file: string; url?: string };
const urls = (report: string) => new Map((JSON.parse(readFileSync(report, "utf8")).documents as Doc[]).map((d) => [d.file, d.url]));
const seeds = urls("reports/build-report.json");
const fixtures = urls("reports/fixture-site.json");
const seed = (prefix: string) => [...seeds].find(([f]) => f.startsWith(prefix))![1]!;

const shots: { name: string; port: number; path: string }[] = [
  { name: "es-article", port: 4301, path: seed("004") },
  { name: "de-article", port: 4301, path: seed("001") },
  { name: "fr-article", port: 4301, path: seed("002") },
  { name: "root", port: 4301, path: "/" },
  { name: "es-home", port: 4301, path: "/es/" },
  { name: "es-translated-article", port: 4301, path: seed("000") },
  { name: "coverage", port: 4301, path: "/coverage/" },
  { name: "fr-author", port: 4301, path: "/fr/authors/seamus-phan/" },
  { name: "de-search", port: 4301, path: "/de/search/?q=Seamus%20Phan" },
  { name: "he-translated-article", port: 4302, path: fixtures.get("he.txt")! },
  { name: "ar-article", port: 4302, path: fixtures.get("ar.txt")! },
  { name: "ja-article", port: 4302, path: fixtures.get("ja.txt")! },
  { name: "fixture-root", port: 4302, path: "/" },
];
const viewports = { desktop: { width: 1280, height: 900 }, phone: { width: 390, height: 844 } };
/** The README shows these, committed: an article in Spanish, Arabic and Japanese, desktop and phone, light. */
const README_SHOTS = new Set(["es-translated-article", "ar-article", "ja-article"]);

mkdirSync("screenshots", { recursive: true });
mkdirSync("docs/screenshots", { recursive: true });
const servers = [await startPreviewServer("_site", 4301), await startPreviewServer("reports/fixture-site", 4302)];
const browser = await chromium.launch(chromiumLaunchOptions("browser"));
try {
  for (const [width, viewport] of Object.entries(viewports)) {
    for (const scheme of ["light", "dark"] as const) {
      const page = await browser.newPage({ viewport, colorScheme: scheme, deviceScaleFactor: width === "phone" ? 2 : 1 });
      for (const shot of shots) {
        if (scheme === "dark" && !shot.name.endsWith("article")) continue;
        await page.goto(`http://127.0.0.1:${shot.port}${shot.path}`);
        if (shot.path.includes("/search/")) await page.waitForFunction(() => document.body.dataset.searchMs !== undefined);
        const file = `screenshots/${shot.name}-${width}-${scheme}.png`;
        await page.screenshot({ path: file, fullPage: false });
        console.log(file);
        if (scheme === "light" && README_SHOTS.has(shot.name)) {
          const readme = `docs/screenshots/${shot.name}-${width}.png`;
          await page.screenshot({ path: readme, fullPage: false, scale: "css" });
          console.log(readme);
        }
      }
      await page.close();
    }
  }
} finally {
  await browser.close();
  for (const s of servers) s.close();
}
