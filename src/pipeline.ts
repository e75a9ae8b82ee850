/**
 * The build's model of the site: ingest → detect → group → pages. Pure data out; Eleventy only
 * presents it. Every input file ends up published or reported.
 */
import { join } from "node:path";
import { loadAuthors, loadDocumentMeta, resolveAttribution } from "./attribution/index.ts";
import type { DetectionCache } from "./detect/cache.ts";
import type { IngestCache } from "./ingest/cache.ts";
import type { GroupingCache } from "./group/cache.ts";
import { detectLanguage, type Detection } from "./detect/language.ts";
import { applyRelabels, partialTranslations, type LeftoverInput, type Relabel } from "./detect/leftovers.ts";
import { groupInputOf, groupTranslations, type GroupInput, type Grouping, type GroupOverrides, type TranslationGroup } from "./group/index.ts";
import { loadGroupOverrides } from "./group/overrides.ts";
import { ingestDocument, shortTitleOf, type DocumentRecord } from "./ingest/document.ts";
import { firstCommitDates, FolderError, listFolder, readDocument, type FolderEntry } from "./ingest/folder.ts";
import { assignUniqueSlugs, slugFromTitle } from "./ingest/slug.ts";
import { buildFeeds, type Feed } from "./render/feeds.ts";
import { loadDictionaries, resolveUiLocale, translator, type Dictionary, type Translate, type UiLocale } from "./render/i18n.ts";
import { buildPages, type SitePages } from "./render/site-pages.ts";
import { PROJECT_ROOT, type SiteSettings } from "./settings.ts";
import { StageTimes } from "./stages.ts";

export type { Alternate, Article, HomePage, Language, PageView } from "./render/site-pages.ts";
export { paginate } from "./render/site-pages.ts";

export interface DataFiles {
  translations: string;
  authors: string;
  documents: string;
}
export const DATA_FILES: DataFiles = {
  translations: join(PROJECT_ROOT, "_data/translations.json"),
  authors: join(PROJECT_ROOT, "_data/authors.json"),
  documents: join(PROJECT_ROOT, "_data/documents.json"),
};

export type Outcome =
  | { file: string; status: "published"; lang: string; url: string; group?: string }
  | { file: string; status: "draft" | "ignored"; reason: string }
  | { file: string; status: "error"; reasons: string[] }
  /** Fine on its own, but not published because the build stopped on other files' problems. */
  | { file: string; status: "held"; reason: string };

export interface BuildReport {
  contentDir: string;
  /** True when input problems stopped the build: nothing was published. */
  stopped: boolean;
  /** Set when the build stopped after the input was accepted (rendering, indexing, publishing): what failed. */
  failure?: string;
  inputs: number;
  published: number;
  perLanguage: Record<string, number>;
  documents: Outcome[];
  translations: { groups: TranslationGroup[]; alone: Grouping["alone"]; stats: Grouping["stats"] };
  warnings: string[];
}

/** The lists of views that have a page each, and whose pages a build may keep from an earlier one. */
export type PagedViews = Pick<SitePages, "articles" | "homePages" | "coveragePages" | "authorPages">;

export interface SiteModel extends SitePages {
  /** The views Eleventy renders a page for: all of them, unless a build kept some pages from an earlier one. */
  toRender: PagedViews;
  settings: SiteSettings;
  feeds: Feed[];
  uiLocales: UiLocale[];
  dictionaries: Map<string, Dictionary>;
  /** The UI strings, looked up the one way code and templates share. */
  t: Translate;
  report: BuildReport;
}

/**
 * Raised when input cannot be published; carries every problem found in the run, and the report
 * of what became of each input file (so a stopped build still accounts for every one).
 */
export class InputError extends Error {
  constructor(
    readonly problems: { file: string; reasons: string[] }[],
    readonly report?: BuildReport,
  ) {
    super(`${problems.length} input problem(s):\n` + problems.map((p) => `  ${p.file}: ${p.reasons.join("; ")}`).join("\n"));
  }
}

export interface PipelineOptions {
  /** Adds each stage's wall time here. */
  times?: StageTimes;
  /** Remembers detections between builds. */
  detections?: DetectionCache;
  /** Remembers ingested documents between builds (for the default detector only: a variant's detector would not match what it kept). */
  ingested?: IngestCache;
  /** Remembers grouping's features and alignments between builds (for the default grouping only). */
  grouping?: GroupingCache;
  /** Stages replaced, for a benchmark's variant (its baseline hands in languages and groups nothing). */
  stages?: Partial<FindingStages>;
}

/** The stages that find what the documents do not say: their languages and their translations. */
export interface FindingStages {
  /** A document's language from its text; `file` names it, for a variant that knows the answer. */
  detect(text: string, file: string): Detection | undefined;
  /** Documents a translation in progress left mostly in English, with the language of the rest. */
  relabel(detected: readonly LeftoverInput[], detect: (text: string) => Detection | undefined): Relabel[];
  group(inputs: readonly GroupInput[], overrides: GroupOverrides): Grouping;
}

function findingStages(options: PipelineOptions): FindingStages {
  const detections = options.detections;
  return {
    detect: (text) => (detections ? detections.detect(text) : detectLanguage(text)),
    relabel: partialTranslations,
    group: (inputs, overrides) => groupTranslations(inputs, overrides, options.grouping),
    ...options.stages,
  };
}

/** What reading and ingesting the folder gave: documents to publish, and what became of every entry. */
interface Ingested {
  records: DocumentRecord[];
  outcomes: Map<string, Outcome>;
  problems: Problem[];
  warnings: string[];
}

type Problem = { file: string; reasons: string[] };

/** read → detect → ingest → group → attribute → model: the site's model, or an InputError naming every problem. */
export function buildSiteModel(settings: SiteSettings, files: Partial<DataFiles> = {}, options: PipelineOptions = {}): SiteModel {
  const data = { ...DATA_FILES, ...files };
  const times = options.times ?? new StageTimes();
  const stages = findingStages(options);
  const { dictionaries, problems: dictionaryProblems } = loadDictionaries();
  if (dictionaryProblems.length) throw new InputError([{ file: "src/render/locales", reasons: dictionaryProblems }]);

  const entries = readFolder(settings, times);
  const ingested = ingestAll(entries, settings, stages, times, options.stages?.detect ? undefined : options.ingested);
  relabelPartialTranslations(ingested, stages, times);
  const { records, outcomes, problems, warnings } = ingested;

  const endModel = times.begin("model");
  const inputFiles = new Set(entries.map((e) => e.file));
  const report = (fields: Pick<BuildReport, "stopped" | "published" | "perLanguage" | "translations">): BuildReport => ({
    contentDir: settings.contentDir,
    stopped: fields.stopped,
    inputs: entries.length,
    published: fields.published,
    perLanguage: fields.perLanguage,
    documents: entries.map((e): Outcome => outcomes.get(e.file) ?? { file: e.file, status: "error", reasons: ["not accounted for by the build (a bug: please report it)"] }),
    translations: fields.translations,
    warnings,
  });
  const { authors, meta } = loadPublisherData(data, inputFiles, records, problems);

  // Group translations, with the publisher's overrides.
  const { overrides, problems: overrideProblems } = loadGroupOverrides(data.translations, inputFiles);
  if (overrideProblems.length) problems.push({ file: data.translations, reasons: overrideProblems });
  const grouping = times.time("group", () => stages.group(records.map(groupInputOf), overrides));
  problems.push(...grouping.problems);

  // Attribution follows the group: author, © line and date of any member serve the others.
  const gitDates = times.time("read", () => firstCommitDates(settings.contentPath));
  const { byFile: attributions, problems: attributionProblems } = resolveAttribution({ docs: records, groups: grouping.groups, authors, meta, gitDates });
  problems.push(...attributionProblems);
  if (records.length === 0 && problems.length === 0) problems.push(nothingToPublish(settings, entries, outcomes));
  if (problems.length) {
    holdEverything(problems, records, outcomes, inputFiles);
    endModel();
    throw new InputError(problems, report({ stopped: true, published: 0, perLanguage: {}, translations: { groups: [], alone: [], stats: grouping.stats } }));
  }

  const { slugs, collisions } = assignUniqueSlugs(records.map((d) => ({ id: d.file, lang: d.lang, slug: d.slug, fixed: d.slugFixed })));
  for (const c of collisions) warnings.push(`${c.id}: slug "${c.wanted}" is taken in "${c.lang}"; published as "${c.given}"`);
  const docs = records.map((d) => ({ ...d, slug: slugs.get(d.file) ?? d.slug }));

  const pages = buildPages({ settings, docs, groups: grouping.groups, attributions });
  for (const a of pages.articles) outcomes.set(a.file, { file: a.file, status: "published", lang: a.lang, url: a.url, ...(a.group ? { group: a.group.id } : {}) });
  const uiLocales = resolveUiLocales(settings, pages, dictionaries, warnings);
  warnings.push(...pageWarnings(pages));
  const t = translator(dictionaries, uiLocales, settings.defaultLanguage);
  const feeds = buildFeeds(settings, pages.articles, pages.languages, t);
  endModel();

  const { articles, homePages, coveragePages, authorPages } = pages;
  return {
    ...pages,
    toRender: { articles, homePages, coveragePages, authorPages },
    feeds,
    settings,
    uiLocales,
    dictionaries,
    t,
    report: report({
      stopped: false,
      published: pages.articles.length,
      perLanguage: Object.fromEntries(pages.languages.map((l) => [l.lang, l.count])),
      translations: { groups: grouping.groups, alone: grouping.alone, stats: grouping.stats },
    }),
  };
}

/** read: the folder's entries, or an InputError when there is no folder to read. */
function readFolder(settings: SiteSettings, times: StageTimes): FolderEntry[] {
  try {
    return times.time("read", () => listFolder(settings.contentPath));
  } catch (error) {
    if (!(error instanceof FolderError)) throw error;
    const problem = { file: settings.contentDir, reasons: [`${error.message} (set CONTENT_DIR, or contentDir in _data/site.json, to a folder of documents)`] };
    throw new InputError([problem], {
      contentDir: settings.contentDir,
      stopped: true,
      inputs: 0,
      published: 0,
      perLanguage: {},
      documents: [],
      translations: { groups: [], alone: [], stats: { documents: 0, candidatePairs: 0, alignedPairs: 0 } },
      warnings: [],
    });
  }
}

/** read → detect → ingest, file by file: every entry ends as a document, a draft, ignored, or a problem. */
function ingestAll(entries: readonly FolderEntry[], settings: SiteSettings, stages: FindingStages, times: StageTimes, cache?: IngestCache): Ingested {
  const out: Ingested = { records: [], outcomes: new Map(), problems: [], warnings: [] };
  const fail = (file: string, reasons: string[]) => {
    out.problems.push({ file, reasons });
    out.outcomes.set(file, { file, status: "error", reasons });
  };
  for (const entry of entries) {
    if (entry.kind === "ignored") {
      out.outcomes.set(entry.file, { file: entry.file, status: "ignored", reason: entry.reason });
      out.warnings.push(`${entry.file}: ignored, ${entry.reason}`);
      continue;
    }
    if (entry.kind === "error") {
      fail(entry.file, [entry.reason]);
      continue;
    }
    const read = times.time("read", () => readDocument(entry.path));
    if (!read.ok) {
      fail(entry.file, [read.reason]);
      continue;
    }
    const detect = (text: string) => times.time("detect", () => stages.detect(text, entry.file));
    const result = times.time("ingest", () => {
      const key = cache?.key(entry.file, read.bytes, settings.defaultLanguage);
      const kept = key ? cache?.get(key) : undefined;
      if (kept) return kept;
      const fresh = ingestDocument(entry.file, read.bytes, { defaultLang: settings.defaultLanguage, detect });
      if (key) cache?.set(key, fresh);
      return fresh;
    });
    if (!result.ok) {
      fail(entry.file, result.reasons);
      continue;
    }
    out.warnings.push(...languageWarnings(result.doc), ...controlWarnings(result.doc));
    if (result.doc.draft) out.outcomes.set(entry.file, { file: entry.file, status: "draft", reason: "draft: true in front matter" });
    else out.records.push(result.doc);
  }
  return out;
}

/** What the report says of control characters taken out of a document: nothing is dropped unsaid. */
function controlWarnings(doc: DocumentRecord): string[] {
  if (!doc.controls) return [];
  const { count, codes } = doc.controls;
  return [`${doc.file}: ${count} control character(s) taken out (${codes.join(", ")}), which a web page or a feed cannot hold; published without them`];
}

/** What the report says about how a document's language was found. */
function languageWarnings(doc: DocumentRecord): string[] {
  if (doc.langSource === "default") return [`${doc.file}: language could not be detected; published as "${doc.lang}" (set lang in front matter)`];
  const out: string[] = [];
  if (doc.detection?.lowConfidence) out.push(`${doc.file}: language detected as "${doc.lang}" with low confidence (${doc.detection.confidence}); set lang in front matter if wrong`);
  if (doc.langSource === "detected" && doc.detection?.mixed) {
    const shares = doc.detection.mixed.map((m) => `${m.lang} ${Math.round(m.share * 100)}%`).join(", ");
    out.push(`${doc.file}: written in more than one language (${shares}); published as "${doc.lang}"`);
  }
  return out;
}

/** detect, across documents: pages left mostly in English by a translation in progress take the language of the rest. */
function relabelPartialTranslations(ingested: Ingested, stages: FindingStages, times: StageTimes): void {
  const { records, warnings } = ingested;
  const detected = records.filter((d) => d.langSource === "detected");
  const relabels = times.time("detect", () => stages.relabel(detected.map(groupInputOf), (text) => stages.detect(text, "")));
  for (const r of relabels) {
    const said = warnings.findIndex((w) => w.startsWith(`${r.file}: written in more than one language`));
    const note = `${r.file}: ${Math.round(r.leftOver * 100)}% of it is word for word in other English documents, a translation in progress; published as "${r.lang}", the language of the rest`;
    if (said >= 0) warnings[said] = note;
    else warnings.push(note);
  }
  records.splice(0, records.length, ...applyRelabels(records, relabels));
}

/** The publisher's data: authors, and per-document metadata (a title there renames the document, in place). */
function loadPublisherData(data: DataFiles, inputFiles: ReadonlySet<string>, records: DocumentRecord[], problems: Problem[]) {
  const { authors, problems: authorProblems } = loadAuthors(data.authors);
  if (authorProblems.length) problems.push({ file: data.authors, reasons: authorProblems });
  const { meta, problems: metaProblems } = loadDocumentMeta(data.documents);
  for (const file of meta.keys()) if (!inputFiles.has(file)) metaProblems.push(`"${file}" is not a document in the documents folder`);
  if (metaProblems.length) problems.push({ file: data.documents, reasons: metaProblems });
  for (const [k, d] of records.entries()) {
    const title = meta.get(d.file)?.title;
    if (title)
      records[k] = { ...d, title, shortTitle: shortTitleOf(title, d.lang), titleSource: "front-matter", slug: d.slugFixed ? d.slug : slugFromTitle(title, `doc-${d.contentHash.slice(0, 8)}`) };
  }
  return { authors, meta };
}

/** Nothing to publish would replace the last good site with an empty shell: that stops the build too. */
function nothingToPublish(settings: SiteSettings, entries: readonly FolderEntry[], outcomes: ReadonlyMap<string, Outcome>): Problem {
  const drafts = [...outcomes.values()].filter((o) => o.status === "draft").length;
  const what = entries.length === 0 ? "the folder is empty" : drafts ? `${drafts} draft(s), no other document` : "none of its entries is a document (.txt or .md)";
  return { file: settings.contentDir, reasons: [`nothing to publish: ${what}`] };
}

/** A build that stops: each problem on its file, every good document held back. */
function holdEverything(problems: readonly Problem[], records: readonly DocumentRecord[], outcomes: Map<string, Outcome>, inputFiles: ReadonlySet<string>): void {
  for (const p of problems) {
    const had = outcomes.get(p.file);
    const reasons = had?.status === "error" ? had.reasons : [];
    if (inputFiles.has(p.file)) outcomes.set(p.file, { file: p.file, status: "error", reasons: [...new Set([...reasons, ...p.reasons])] });
  }
  const held = "ready to publish, held back because the build stopped on the problems listed";
  for (const d of records) if (!outcomes.has(d.file)) outcomes.set(d.file, { file: d.file, status: "held", reason: held });
}

/** The UI locale of each language the site shows, and a warning for each that falls back. */
function resolveUiLocales(settings: SiteSettings, pages: SitePages, dictionaries: ReadonlyMap<string, Dictionary>, warnings: string[]): UiLocale[] {
  const available = new Set(dictionaries.keys());
  const uiLocales = [...new Set([settings.defaultLanguage, ...pages.languages.map((l) => l.lang)])].map((lang) => resolveUiLocale(lang, available, settings.defaultLanguage));
  for (const ui of uiLocales) if (ui.fellBack) warnings.push(`UI strings for "${ui.lang}" fall back to "${ui.locale}" (${ui.chain.join(" → ")})`);
  return uiLocales;
}

/** Bios shown in another language, and articles left out of the feeds for want of a date. */
function pageWarnings(pages: SitePages): string[] {
  const out: string[] = [];
  for (const a of pages.articles) if (a.byline?.bio?.fellBack) out.push(`${a.url}: no "${a.lang}" bio for ${a.byline.name}; shown in "${a.byline.bio.lang}"`);
  for (const a of pages.authorPages) if (a.bio?.fellBack) out.push(`${a.url}: no "${a.lang}" bio for ${a.title}; shown in "${a.bio.lang}"`);
  for (const a of pages.articles) if (!a.date) out.push(`${a.file}: no date (not committed, none in front matter or _data/documents.json); left out of the ${a.lang} feeds`);
  return out;
}
