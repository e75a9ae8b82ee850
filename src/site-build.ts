/**
 * One production build: model → report → render → write → search index → host files, into a
 * folder beside the output that replaces it only when complete, or, when the site is as the last
 * build published it, whose changed files then move into it (a failed build leaves the last good
 * site as it was, and nothing stale survives a good one).
 */
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { writeFile } from "node:fs/promises";
import { dirname, extname, relative } from "node:path";
import { fileURLToPath } from "node:url";
import Eleventy from "@11ty/eleventy";
import { handModel, renderFailure, siteAssets, type HandOff } from "./eleventy/site-plugin.ts";
import { keptForSearch, PageCache, readFromCache, renderEverything, type KeptPage, type RenderedOutput } from "./render/page-cache.ts";
import { contentDigest, placeFile } from "./files.ts";
import { inFlight } from "./in-flight.ts";
import { listFolder } from "./ingest/folder.ts";
import { ingestInParallel } from "./ingest/parallel.ts";
import type { DeclaredPage } from "./render/sitemap.ts";
import { headerRules, redirectRules, renderHeadersFile, renderRedirectsFile } from "./deploy/host-files.ts";
import { BundleCache } from "./index/bundle-cache.ts";
import { buildSearchIndex, searchablePages, type IndexedLanguage } from "./index/pagefind.ts";
import { buildSiteModel, InputError, type BuildReport, type Outcome, type PipelineOptions, type SiteModel } from "./pipeline.ts";
import { collectGarbage } from "./memory.ts";
import { writeReport } from "./report.ts";
import type { SiteSettings } from "./settings.ts";
import { StageTimes } from "./stages.ts";
import { languageName } from "./render/languages.ts";
import { writeSocialCards, type CardInput } from "./write/social-cards.ts";
import { publish, recoverInterrupted, stagingOf } from "./write/publish.ts";
import { SiteFiles, type InPlaceCounts, type SiteManifest } from "./write/site-files.ts";

/** The configuration beside src/: `.eleventy.ts`, or `.eleventy.js` when the build runs compiled (bin/build.js). */
const ELEVENTY_CONFIG = fileURLToPath(new URL(`../.eleventy${extname(import.meta.url)}`, import.meta.url));

export interface BuildOptions {
  settings: SiteSettings;
  /** The site folder to replace. */
  output: string;
  reportFile: string;
  pipeline?: Omit<PipelineOptions, "times">;
  /** Where social cards are kept between builds; without it every card is drawn. */
  cardCache?: string;
  /** Where search bundles are kept between builds; without it every language is indexed. */
  searchCache?: string;
  /** Where article pages are kept between builds; without it every page is rendered. */
  pageCache?: string;
  /** The site in the output folder, when it is as the last good build published it: it is then updated in place. */
  previousSite?: ReadonlyMap<string, string>;
}

export interface BuildResult {
  model: SiteModel;
  indexed: IndexedLanguage[];
  times: StageTimes;
  pages: number;
  /** Article pages taken from an earlier build instead of rendered. */
  keptPages: number;
  /** Language homes, coverage and author pages taken from an earlier build, of all there are. */
  keptLists: { kept: number; of: number };
  /** Documents ingested on worker threads. */
  ingestedInParallel: number;
  /** What an interrupted earlier run had left, and what was done about it. */
  recovered: string[];
  /** Each file of the published site, and its token, for the next build to update it in place. */
  site: SiteManifest;
  /** For a site updated in place: how many files were written, removed, and left as they were. */
  inPlace?: InPlaceCounts;
  /** For a site updated in place: the files written and removed, by their paths in the site. */
  changed?: { written: string[]; removed: string[] };
}

/** Throws InputError (after writing its report), IndexError, or whatever else went wrong. */
export async function buildSite({ settings, output, reportFile, pipeline = {}, cardCache, searchCache, pageCache, previousSite }: BuildOptions): Promise<BuildResult> {
  const times = new StageTimes();
  // First of all, so even a build that stops on its input leaves the last good site where it belongs.
  const recovered = recoverInterrupted(output);
  const parallel = await times.timeAsync("ingest", () => ingestAhead(settings, pipeline));
  let model: SiteModel;
  try {
    model = buildSiteModel(settings, {}, { ...pipeline, times });
  } catch (error) {
    if (error instanceof InputError && error.report) writeReport(reportFile, error.report);
    throw error;
  }
  try {
    const result = await renderAndPublish(model, settings, output, times, { pipeline, cardCache, searchCache, pageCache, previousSite });
    writeReport(reportFile, model.report);
    return { ...result, recovered, ingestedInParallel: parallel };
  } catch (error) {
    // The report must not describe a site that was never published.
    writeReport(reportFile, stoppedReport(model.report, error instanceof Error ? error.message : String(error), error instanceof InputError ? error.problems : []));
    throw error;
  }
}

/**
 * Documents no earlier build ingested, ingested on every core into the ingest cache, where the
 * model's own ingest finds them. Only with the default detector (a variant's would not match).
 */
async function ingestAhead(settings: SiteSettings, pipeline: Omit<PipelineOptions, "times">): Promise<number> {
  if (!pipeline.ingested || pipeline.stages?.detect) return 0;
  let entries;
  try {
    entries = listFolder(settings.contentPath);
  } catch {
    return 0; // the model's read stage says what is wrong with the folder
  }
  return ingestInParallel(entries, settings.defaultLanguage, pipeline.ingested, pipeline.detections);
}

/** The model's report, for a build that stopped after the model was made: nothing was published. */
function stoppedReport(report: BuildReport, failure: string, problems: InputError["problems"]): BuildReport {
  const held = `ready to publish, held back because the build stopped: ${failure}`;
  const failed = new Map(problems.map((p) => [p.file, p.reasons]));
  return {
    ...report,
    stopped: true,
    failure,
    published: 0,
    perLanguage: {},
    documents: report.documents.map((d): Outcome => {
      const reasons = failed.get(d.file);
      if (reasons) return { file: d.file, status: "error", reasons };
      return d.status === "published" ? { file: d.file, status: "held", reason: held } : d;
    }),
  };
}

function socialCards(model: SiteModel): CardInput[] {
  return model.articles.flatMap((a) =>
    a.card
      ? [{ file: a.file, lang: a.lang, dir: a.dir, title: a.title, siteName: model.settings.title, footer: [languageName(a.lang), a.byline?.name].filter(Boolean).join(" · "), path: a.card.path }]
      : [],
  );
}

/** Render → write → index → publish, into a staging folder that replaces the output only when whole. */
async function renderAndPublish(
  model: SiteModel,
  settings: SiteSettings,
  output: string,
  times: StageTimes,
  { pipeline = {}, cardCache, searchCache, pageCache, previousSite }: Pick<BuildOptions, "pipeline" | "cardCache" | "searchCache" | "pageCache" | "previousSite">,
): Promise<Omit<BuildResult, "recovered" | "ingestedInParallel">> {
  const staging = stagingOf(output);
  const files = new SiteFiles(staging, previousSite);
  // Drawn while Eleventy renders: their encoding runs on libuv's threads, so on the second core.
  const cards = writeSocialCards(socialCards(model), files, cardCache);
  cards.catch(() => {}); // awaited below; until then a failure must not count as unhandled
  const cache = pageCache ? new PageCache(pageCache) : undefined;
  const plan = times.time("render", () => cache?.plan(model) ?? renderEverything(model));
  let declared: ReadonlyMap<string, DeclaredPage> = new Map();
  const handOff: HandOff = { kept: plan.kept.flatMap((p) => (p.declared ? [p.declared] : [])), seen: (d) => (declared = d) };
  let rendered = await times.timeAsync("render", () => renderPages({ ...model, toRender: plan.render }, handOff, staging, settings));
  const pageCount = rendered.length + plan.kept.length;
  // A collection costs 0.1–0.3 s: worth it after a large render (memory.ts), not after an edit's few pages.
  const heavy = rendered.length >= HEAVY_RENDER;
  if (heavy) collectGarbage(); // Eleventy's run is over: before Pagefind's services start
  const searchable = searchablePages(rendered, keptForSearch(plan.kept));
  // Pagefind indexes in processes of its own, from the pages in memory: it starts now and works
  // while the pages are written and the last cards drawn; "index" is the wait left after those.
  const indexing = buildSearchIndex(files, searchable, searchCache ? new BundleCache(searchCache) : undefined);
  indexing.catch(() => {}); // awaited below; until then a failure must not count as unhandled
  let warnings: string[];
  try {
    const written = await times.timeAsync("write", () => writePages(rendered, plan.kept, files, model, settings));
    times.time("render", () => {
      if (cache) readFromCache(searchable, cache.keep(plan, rendered, declared, staging, written));
      cache?.prune();
    });
    rendered = []; // written and kept: the index reads what it has not indexed yet from the cache
    if (heavy) collectGarbage(); // while Pagefind's services grow
    // What the cards add to the build's time is the wait for them once the pages are written.
    ({ warnings } = await times.timeAsync("cards", () => cards));
    // What this build found, kept for the next one while Pagefind indexes, when this thread would only wait.
    times.time("write", () => {
      pipeline.detections?.save();
      pipeline.grouping?.save();
      pipeline.ingested?.prune();
    });
  } catch (error) {
    await indexing.catch(() => {}); // Pagefind's processes close before the build reports
    throw error;
  }
  model.report.warnings.push(...warnings);
  const indexed = await times.timeAsync("index", () => indexing);
  times.time("write", () => publish(output, files));
  const lists = [model.homePages, model.coveragePages, model.authorPages].flat().length;
  const listsRendered = plan.render.homePages.length + plan.render.coveragePages.length + plan.render.authorPages.length;
  return {
    model,
    indexed,
    times,
    pages: pageCount,
    keptPages: model.articles.length - plan.render.articles.length,
    keptLists: { kept: lists - listsRendered, of: lists },
    site: files.manifest(),
    ...(files.inPlace ? { inPlace: files.counts(), changed: { written: files.written(), removed: files.removed() } } : {}),
  };
}

/**
 * The model's pages, rendered by Eleventy in memory (the search index reads them from there). The
 * Eleventy instance is this function's own, so what it holds is let go once the pages are out.
 */
async function renderPages(model: SiteModel, handOff: HandOff, staging: string, settings: SiteSettings): Promise<RenderedOutput[]> {
  // The model and the output folder go in as arguments: the configuration file sets neither.
  const eleventy = new Eleventy(undefined, staging, { configPath: ELEVENTY_CONFIG, quietMode: true, pathPrefix: settings.pathPrefix, config: handModel(model, handOff) });
  // Eleventy prints a failing template's stack trace itself; the build names the document instead.
  if (!process.env.DEBUG) eleventy.disableLogger();
  try {
    // Eleventy's declared return type for toJSON() is not the array it documents and returns.
    const pages = (await eleventy.toJSON()) as unknown as RenderedOutput[];
    return pages.map((page) => ({ ...page, digest: contentDigest(page.content) }));
  } catch (error) {
    // A page that fails names its document, as an input problem does.
    const failed = renderFailure(error);
    if (!failed) throw error;
    const article = model.articles.find((a) => a.url === failed.url);
    throw new InputError([{ file: article?.file ?? (failed.url || "a page"), reasons: [`cannot be rendered${failed.url ? ` at ${failed.url}` : ""}: ${failed.message}`] }]);
  }
}

/** Pages rendered from which the build collects its garbage before indexing. */
const HEAVY_RENDER = 2000;

/** Pages being written at once: enough for libuv's four threads, not every page's bytes at once. */
const WRITES_IN_FLIGHT = 256;

/**
 * The rendered and kept pages, the site's assets and the host files, where the site does not
 * already have them. Returns the rendered pages it wrote, by Eleventy's output path.
 */
async function writePages(rendered: readonly RenderedOutput[], kept: readonly KeptPage[], files: SiteFiles, model: SiteModel, settings: SiteSettings): Promise<Set<string>> {
  const pages = rendered.flatMap((page) => (page.outputPath ? [{ outputPath: page.outputPath, path: relative(files.staging, page.outputPath), digest: page.digest, content: page.content }] : []));
  const written = pages.filter((page) => files.needs(page.path, page.digest));
  const placed = kept.filter((page) => files.needs(page.path, page.digest));
  for (const dir of new Set([...written, ...placed].map((f) => dirname(files.at(f.path))))) mkdirSync(dir, { recursive: true });
  // Written on libuv's threads, so the main thread stays free to feed the search index.
  const writes = inFlight(written, WRITES_IN_FLIGHT, (page) => writeFile(files.at(page.path), page.content));
  for (const page of placed) placeFile(page.file, files.at(page.path));
  const put = (path: string, content: string | Buffer) => {
    if (!files.needs(path, contentDigest(content))) return;
    mkdirSync(dirname(files.at(path)), { recursive: true });
    writeFileSync(files.at(path), content);
  };
  for (const asset of siteAssets()) put(asset.url.slice(1), readFileSync(asset.file));
  const prefix = settings.pathPrefix;
  put("_headers", renderHeadersFile(headerRules(), prefix));
  put("_redirects", renderRedirectsFile(redirectRules(model.languages.map((l) => l.lang)), prefix));
  await writes;
  return new Set(written.map((page) => page.outputPath));
}
