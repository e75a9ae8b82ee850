/**
 * The browser tests' `test`: every page a test opens must log no console error, throw no uncaught
 * exception and fail no request, checked after the test so a failure names what the page said.
 * Addresses containing `/does-not-exist` are asked for on purpose, to see the 404 page.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { test as base, expect, type APIRequestContext, type Page } from "@playwright/test";
import { absoluteUrl, loadSettings } from "../../src/settings.ts";

const ROOT = join(import.meta.dirname, "../..");
export const DELIBERATE_404 = "/does-not-exist";

/**
 * The same tests run against the site at the root and under a path prefix (a GitHub Pages
 * project site); the project says which. `at` turns a site path into the path served.
 */
interface SiteMeta {
  pathPrefix?: string;
  siteDir?: string;
}
const meta = (): SiteMeta => base.info().project.metadata as SiteMeta;
export const prefix = (): string => meta().pathPrefix ?? "/";
export const at = (path: string): string => (path.startsWith("/") ? prefix() + path.slice(1) : path);
/** The built site's folder. */
export const siteDir = (): string => join(ROOT, meta().siteDir ?? "_site");
/** The public address the build wrote into absolute URLs, prefix included, no trailing slash. */
export const siteUrl = (): string => absoluteUrl(loadSettings({ PATH_PREFIX: prefix() }), "").replace(/\/$/, "");

function prefixed<T extends Page | APIRequestContext>(target: T, method: "goto" | "get"): T {
  const original = (target as unknown as Record<string, (url: string, ...rest: unknown[]) => unknown>)[method]!.bind(target);
  (target as unknown as Record<string, unknown>)[method] = (url: string, ...rest: unknown[]) => original(at(url), ...rest);
  return target;
}

/**
 * For a test whose outcome a path prefix cannot change (text, layout, direction, how a language
 * writes dates, markup validity, stemming and ranking): it runs on the sites at the root only. Under
 * a sub-path run what the prefix does change: links, assets, feeds, hreflang, sharing addresses,
 * search results' links and bundles, redirects.
 */
export const PREFIX_BLIND = { tag: "@prefix-blind" };

export const test = base.extend<{ consoleErrors: string[] }>({
  // Site paths in tests ("/es/") are served under the project's prefix.
  page: async ({ page }, use) => use(prefixed(page, "goto")),
  request: async ({ request }, use) => use(prefixed(request, "get")),
  consoleErrors: [
    async ({ page }, use) => {
      const errors: string[] = [];
      const deliberate = (url: string) => url.includes(DELIBERATE_404);
      page.on("console", (message) => {
        if (message.type() === "error" && !deliberate(message.location().url)) errors.push(message.text());
      });
      page.on("pageerror", (error) => errors.push(error.message));
      page.on("response", (response) => {
        if (response.status() >= 400 && !deliberate(response.url())) errors.push(`${response.status()} ${response.url()}`);
      });
      await use(errors);
      expect(errors, "console errors, page errors and failed requests").toEqual([]);
    },
    { auto: true },
  ],
});
export { expect };

export type ReportDocument = { file: string; status: string; lang?: string; url?: string };

/** What the build says it published, so tests find pages by their source file. */
export function publishedBy(reportFile: string): Map<string, ReportDocument> {
  const report = JSON.parse(readFileSync(join(ROOT, reportFile), "utf8")) as { documents: ReportDocument[] };
  return new Map(report.documents.map((d) => [d.file, d]));
}

/** The source text of a document, to compare pages with. */
export function sourceOf(dir: string, file: string): string {
  return readFileSync(join(ROOT, dir, file), "utf8");
}

/** Runs a query from a language's search page and waits for the results to be announced. */
export async function searchFrom(page: Page, lang: string, query: string, filter = "") {
  await page.goto(`/${lang}/search/`);
  await page.locator("#search-q").fill(query);
  if (filter) await page.locator("#search-lang").selectOption(filter);
  await page.locator("#search-q").press("Enter");
  await expect(page.locator("[data-search-status]")).not.toHaveText(/^$|…$/, { timeout: 15_000 });
  return page.locator(".search-result");
}
