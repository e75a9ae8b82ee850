/**
 * The browser tests' `test`: every page a test opens must log no console error, throw no uncaught
 * exception and fail no request, checked after the test so a failure names what the page said.
 * Addresses containing `/does-not-exist` are asked for on purpose, to see the 404 page.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { test as base, expect } from "@playwright/test";

export const DELIBERATE_404 = "/does-not-exist";

export const test = base.extend<{ consoleErrors: string[] }>({
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

const ROOT = join(import.meta.dirname, "../..");

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
