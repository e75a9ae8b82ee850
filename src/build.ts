/**
 * `npm run build`: reads the documents, stops with every input problem named (no stack trace) or
 * prints a short summary, writes the machine-readable report, then lets Eleventy render the site.
 */
import { mkdirSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import Eleventy from "@11ty/eleventy";
import { setSiteModel } from "./eleventy/site-plugin.ts";
import { headerRules, redirectRules, renderHeadersFile, renderRedirectsFile } from "./deploy/host-files.ts";
import { buildSearchIndex, IndexError } from "./index/pagefind.ts";
import { buildSiteModel, InputError, type BuildReport, type SiteModel } from "./pipeline.ts";
import { formatSummary } from "./report.ts";
import { loadSettings, PROJECT_ROOT, SettingsError } from "./settings.ts";

/** Beside the output, not in it: the report is for the publisher, not the public. */
export const REPORT_FILE = process.env.REPORT_FILE ?? join(PROJECT_ROOT, "reports/build-report.json");

function writeReport(report: BuildReport): void {
  mkdirSync(dirname(REPORT_FILE), { recursive: true });
  writeFileSync(REPORT_FILE, JSON.stringify(report, null, 2) + "\n");
}

async function main(): Promise<number> {
  const started = performance.now();
  let model: SiteModel;
  try {
    model = buildSiteModel(loadSettings());
  } catch (error) {
    if (error instanceof InputError) {
      if (error.report) writeReport(error.report);
      console.error(`Build stopped: ${error.problems.length} document(s) cannot be published.`);
      for (const p of error.problems) for (const reason of p.reasons) console.error(`  ✗ ${p.file}: ${reason}`);
      console.error(`Nothing was published; the last good site was left as it was. Report: ${relative(process.cwd(), REPORT_FILE)}`);
      return 1;
    }
    if (error instanceof SettingsError) {
      console.error(`Build stopped: ${error.message}`);
      return 1;
    }
    throw error;
  }
  writeReport(model.report);
  setSiteModel(model);
  const modelMs = performance.now() - started;

  // Render into a fresh folder beside the output and swap it in only when it is complete:
  // a failed build leaves the last good site as it was, and nothing stale survives a good one.
  const output = resolve(process.env.OUTPUT_DIR ?? join(PROJECT_ROOT, "_site"));
  const staging = `${output}.next`;
  rmSync(staging, { recursive: true, force: true });
  process.env.OUTPUT_DIR = staging; // .eleventy.ts reads it: the config's output wins over Eleventy's argument
  const eleventy = new Eleventy(undefined, undefined, { configPath: join(PROJECT_ROOT, ".eleventy.ts"), quietMode: true });
  await eleventy.write();
  const renderedMs = performance.now() - started - modelMs;

  const indexStarted = performance.now();
  const indexed = await buildSearchIndex(
    staging,
    model.articles.map((a) => ({ lang: a.lang, url: a.url, file: join(staging, a.url, "index.html") })),
  );
  const indexMs = performance.now() - indexStarted;
  const prefix = model.settings.pathPrefix;
  writeFileSync(join(staging, "_headers"), renderHeadersFile(headerRules(), prefix));
  writeFileSync(join(staging, "_redirects"), renderRedirectsFile(redirectRules(model.languages.map((l) => l.lang)), prefix));
  rmSync(output, { recursive: true, force: true });
  renameSync(staging, output);
  console.log(formatSummary(model.report));
  console.log(`Search: ${indexed.map((i) => `${i.lang} ${i.pages}`).join(", ")} page(s) indexed, one bundle per language.`);
  console.log(`Read and prepared in ${Math.round(modelMs)} ms, rendered in ${Math.round(renderedMs)} ms, indexed in ${Math.round(indexMs)} ms. Report: ${relative(process.cwd(), REPORT_FILE)}`);
  return 0;
}

try {
  process.exitCode = await main();
} catch (error) {
  if (!(error instanceof IndexError)) throw error;
  console.error(`Build stopped: ${error.message}. The last good site was left as it was.`);
  process.exitCode = 1;
}
