/**
 * `npm run build`: stops with every input problem named (no stack trace), or builds the site
 * (src/site-build.ts) and prints a short summary with the time each stage took.
 */
import { join, relative, resolve } from "node:path";
import type { BuildReport } from "./pipeline.ts";
import { formatSummary, writeReport } from "./report.ts";
import { loadSettings, PROJECT_ROOT, SettingsError, type SiteSettings } from "./settings.ts";
import { STAGES } from "./stages.ts";
import { inputsDigest, lastBuild, outputDigest, recordFileFor, saveBuildRecord, stampsDigest, updatedStamps, type SiteStamps } from "./write/build-record.ts";
import { recoverInterrupted } from "./write/publish.ts";

/** Beside the output, not in it: the report is for the publisher, not the public. */
const REPORT_FILE = process.env.REPORT_FILE ?? join(PROJECT_ROOT, "reports/build-report.json");
/** Detections of unchanged documents are reused; DETECTION_CACHE=off detects everything afresh. */
const DETECTION_CACHE = process.env.DETECTION_CACHE ?? join(PROJECT_ROOT, "node_modules/.cache/polyglot-blog/detections.json");

/** Unchanged documents are not ingested again; INGEST_CACHE=off ingests every one. */
const INGEST_CACHE = process.env.INGEST_CACHE ?? join(PROJECT_ROOT, "node_modules/.cache/polyglot-blog/ingest");

/** Grouping's features and alignments of unchanged documents are reused; GROUPING_CACHE=off computes every one. */
const GROUPING_CACHE = process.env.GROUPING_CACHE ?? join(PROJECT_ROOT, "node_modules/.cache/polyglot-blog/grouping.json");

/** Social cards of unchanged articles are reused; CARD_CACHE=off draws every one. */
const CARD_CACHE = process.env.CARD_CACHE ?? join(PROJECT_ROOT, "node_modules/.cache/polyglot-blog/cards");

/** Search bundles of languages whose pages did not change are reused; SEARCH_CACHE=off indexes every language. */
const SEARCH_CACHE = process.env.SEARCH_CACHE ?? join(PROJECT_ROOT, "node_modules/.cache/polyglot-blog/search");

/** Article pages whose inputs did not change are not rendered again; PAGE_CACHE=off renders every one. */
const PAGE_CACHE = process.env.PAGE_CACHE ?? join(PROJECT_ROOT, "node_modules/.cache/polyglot-blog/pages");

/** A record of the last good build of each output; BUILD_CACHE=off builds even when nothing changed. */
const BUILD_CACHE = process.env.BUILD_CACHE ?? join(PROJECT_ROOT, "node_modules/.cache/polyglot-blog/builds");

async function main(): Promise<number> {
  const started = performance.now();
  const output = resolve(process.env.OUTPUT_DIR ?? join(PROJECT_ROOT, "_site"));
  const report = relative(process.cwd(), REPORT_FILE);
  try {
    const settings = loadSettings();
    const record = BUILD_CACHE === "off" ? undefined : { file: recordFileFor(BUILD_CACHE, output), inputs: inputsDigest(PROJECT_ROOT, settings.contentPath, settings) };
    for (const note of record ? recoverInterrupted(output) : []) console.log(`Recovered: ${note}.`);
    const last = record ? lastBuild(record.file, output) : undefined;
    if (record && last && unchangedSince(record.inputs, last, started, report)) return 0;
    // The site as the last build published it is updated in place: only what changed is written.
    const previous = last?.siteAsPublished && last.record.site ? { site: new Map(Object.entries(last.record.site)), stamps: last.stamps } : undefined;
    return await build(settings, output, report, started, record, previous);
  } catch (error) {
    return await explain(error, report);
  }
}

/** Nothing to do when the inputs and the site are as the last good build left them: the report is written again, the site kept. */
function unchangedSince(inputs: string, last: NonNullable<ReturnType<typeof lastBuild>>, started: number, report: string): boolean {
  if (!last.siteAsPublished || last.record.inputs !== inputs) return false;
  writeReport(REPORT_FILE, last.record.report as BuildReport);
  console.log(formatSummary(last.record.report as BuildReport));
  console.log(
    `Nothing changed since the last build (documents, _data, templates, code, settings and fonts as they were; the site as it was written): kept as it is. Checked in ${Math.round(performance.now() - started)} ms. Report: ${report}`,
  );
  return true;
}

async function build(
  settings: SiteSettings,
  output: string,
  report: string,
  started: number,
  record: { file: string; inputs: string } | undefined,
  previous: { site: ReadonlyMap<string, string>; stamps: SiteStamps } | undefined,
): Promise<number> {
  // Loaded only for a build that has something to do: a check that finds nothing changed needs none of it.
  const [{ DetectionCache }, { IngestCache }, { GroupingCache }, { buildSite }] = await Promise.all([
    import("./detect/cache.ts"),
    import("./ingest/cache.ts"),
    import("./group/cache.ts"),
    import("./site-build.ts"),
  ]);
  const detections = DETECTION_CACHE === "off" ? undefined : new DetectionCache(DETECTION_CACHE);
  const ingested = INGEST_CACHE === "off" ? undefined : new IngestCache(INGEST_CACHE);
  const grouping = GROUPING_CACHE === "off" ? undefined : new GroupingCache(GROUPING_CACHE);
  const { model, indexed, times, recovered, keptPages, keptLists, ingestedInParallel, site, inPlace, changed } = await buildSite({
    settings,
    output,
    reportFile: REPORT_FILE,
    pipeline: { ...(detections ? { detections } : {}), ...(ingested ? { ingested } : {}), ...(grouping ? { grouping } : {}) },
    ...(CARD_CACHE === "off" ? {} : { cardCache: CARD_CACHE }),
    ...(SEARCH_CACHE === "off" ? {} : { searchCache: SEARCH_CACHE }),
    ...(PAGE_CACHE === "off" ? {} : { pageCache: PAGE_CACHE }),
    ...(previous ? { previousSite: previous.site } : {}),
  });
  if (record) {
    // Updated in place, only the files the build wrote are read again; a site made whole is read whole.
    const published = previous && changed ? stampsDigest(updatedStamps(output, previous.stamps, changed)) : outputDigest(output);
    saveBuildRecord(record.file, { inputs: record.inputs, output: published, report: model.report, site });
  }
  for (const note of recovered) console.log(`Recovered: ${note}.`);
  console.log(formatSummary(model.report));
  const reused = indexed.filter((i) => i.reused).map((i) => i.lang);
  const unchanged = reused.length ? ` Bundles whose pages had not changed, copied from an earlier build: ${reused.join(", ")}.` : "";
  if (ingestedInParallel) console.log(`Documents ingested on worker threads: ${ingestedInParallel}.`);
  if (ingested?.hits) console.log(`Documents unchanged since an earlier build, not ingested again: ${ingested.hits} of ${model.report.inputs}.`);
  if (grouping && (grouping.hits.features || grouping.hits.alignments)) {
    const { hits, misses } = grouping;
    console.log(
      `Grouping reused from an earlier build: the features of ${hits.features} of ${hits.features + misses.features} documents, ${hits.alignments} of ${hits.alignments + misses.alignments} alignments.`,
    );
  }
  if (keptPages) console.log(`Article pages unchanged since an earlier build, not rendered again: ${keptPages} of ${model.articles.length}.`);
  if (keptLists.kept) console.log(`Language homes, coverage and author pages unchanged since an earlier build, not rendered again: ${keptLists.kept} of ${keptLists.of}.`);
  if (inPlace) console.log(`The site was updated in place: ${inPlace.written} file(s) written, ${inPlace.removed} removed, ${inPlace.unchanged} as they were.`);
  console.log(`Search: ${indexed.map((i) => `${i.lang} ${i.pages}`).join(", ")} page(s), one bundle per language.${unchanged}`);
  const stages = STAGES.map((s) => `${s} ${Math.round(times.ms[s])}`).join(", ");
  console.log(`Built in ${Math.round(performance.now() - started)} ms (${stages}). Report: ${report}`);
  return 0;
}

async function explain(error: unknown, report: string): Promise<number> {
  const [{ InputError }, { IndexError }, { PublishError }] = await Promise.all([import("./pipeline.ts"), import("./index/pagefind.ts"), import("./write/publish.ts")]);
  if (error instanceof InputError) {
    console.error(`Build stopped: ${error.problems.length} input problem(s), each named below with its reason.`);
    for (const p of error.problems) for (const reason of p.reasons) console.error(`  ✗ ${p.file}: ${reason}`);
    console.error(`Nothing was published; the last good site was left as it was. Report: ${report}`);
    return 1;
  }
  if (error instanceof SettingsError) {
    console.error(`Build stopped: ${error.message}`);
    return 1;
  }
  if (error instanceof IndexError || error instanceof PublishError) {
    console.error(`Build stopped: ${error.message}. The last good site was left as it was. Report: ${report}`);
    return 1;
  }
  // Anything else is this program's fault, not the input's: said in one line, the stack only on request.
  console.error(`Build stopped on an internal error: ${error instanceof Error ? error.message : String(error)}`);
  console.error(`The last good site was left as it was. Report: ${report}`);
  if (process.env.DEBUG) console.error(error);
  else console.error("Set DEBUG=1 to see where it happened.");
  return 1;
}

process.exitCode = await main();
