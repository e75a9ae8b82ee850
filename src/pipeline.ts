/**
 * The build's model of the site: ingest → detect → group → pages. Pure data out; Eleventy only
 * presents it. Every input file ends up published or reported.
 */
import { join } from "node:path";
import { loadAuthors, loadDocumentMeta, resolveAttribution } from "./attribution/index.ts";
import type { DetectionCache } from "./detect/cache.ts";
import { detectLanguage, type Detection } from "./detect/language.ts";
import { applyRelabels, partialTranslations } from "./detect/leftovers.ts";
import { groupTranslations, type Grouping, type TranslationGroup } from "./group/index.ts";
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

export interface SiteModel extends SitePages {
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
  /**
   * The benchmark's baseline: the same build without detection or grouping. Languages are taken
   * from this map (file → language) and every document stands alone.
   */
  baseline?: { languages: ReadonlyMap<string, string> };
}

export function buildSiteModel(settings: SiteSettings, files: Partial<DataFiles> = {}, options: PipelineOptions = {}): SiteModel {
  const data = { ...DATA_FILES, ...files };
  const times = options.times ?? new StageTimes();
  const { dictionaries, problems: dictionaryProblems } = loadDictionaries();
  if (dictionaryProblems.length) throw new InputError([{ file: "src/render/locales", reasons: dictionaryProblems }]);

  // Ingest and detect.
  let entries: FolderEntry[];
  try {
    entries = times.time("read", () => listFolder(settings.contentPath));
  } catch (error) {
    if (!(error instanceof FolderError)) throw error;
    const problem = { file: settings.contentDir, reasons: [`${error.message} (set CONTENT_DIR, or contentDir in _data/site.json, to a folder of documents)`] };
    throw new InputError([problem], { contentDir: settings.contentDir, stopped: true, inputs: 0, published: 0, perLanguage: {}, documents: [], translations: { groups: [], alone: [], stats: { documents: 0, candidatePairs: 0, alignedPairs: 0 } }, warnings: [] });
  }
  const outcomes = new Map<string, Outcome>();
  const records: DocumentRecord[] = [];
  const problems: { file: string; reasons: string[] }[] = [];
  const warnings: string[] = [];
  const detectText = (text: string) => (options.detections ? options.detections.detect(text) : detectLanguage(text));
  for (const entry of entries) {
    if (entry.kind === "ignored") {
      outcomes.set(entry.file, { file: entry.file, status: "ignored", reason: entry.reason });
      warnings.push(`${entry.file}: ignored, ${entry.reason}`);
      continue;
    }
    const fail = (reason: string) => {
      problems.push({ file: entry.file, reasons: [reason] });
      outcomes.set(entry.file, { file: entry.file, status: "error", reasons: [reason] });
    };
    if (entry.kind === "error") {
      fail(entry.reason);
      continue;
    }
    const read = times.time("read", () => readDocument(entry.path));
    if (!read.ok) {
      fail(read.reason);
      continue;
    }
    const bytes = read.bytes;
    const known = options.baseline?.languages.get(entry.file);
    const detect = (text: string): Detection | undefined => times.time("detect", () => (known ? { lang: known, confidence: 1, lowConfidence: false } : detectText(text)));
    const result = times.time("ingest", () => ingestDocument(entry.file, bytes, { defaultLang: settings.defaultLanguage, detect }));
    if (!result.ok) {
      problems.push({ file: result.file, reasons: result.reasons });
      outcomes.set(entry.file, { file: entry.file, status: "error", reasons: result.reasons });
      continue;
    }
    const doc = result.doc;
    if (doc.langSource === "default") warnings.push(`${doc.file}: language could not be detected; published as "${doc.lang}" (set lang in front matter)`);
    else if (doc.detection?.lowConfidence) {
      warnings.push(`${doc.file}: language detected as "${doc.lang}" with low confidence (${doc.detection.confidence}); set lang in front matter if wrong`);
    }
    if (doc.langSource === "detected" && doc.detection?.mixed) {
      const shares = doc.detection.mixed.map((m) => `${m.lang} ${Math.round(m.share * 100)}%`).join(", ");
      warnings.push(`${doc.file}: written in more than one language (${shares}); published as "${doc.lang}"`);
    }
    if (doc.draft) outcomes.set(entry.file, { file: entry.file, status: "draft", reason: "draft: true in front matter" });
    else records.push(doc);
  }

  // Pages left mostly in English by a translation in progress: the collection tells which language they are.
  const detected = options.baseline ? [] : records.filter((d) => d.langSource === "detected");
  const relabels = times.time("detect", () => partialTranslations(detected, detectText));
  for (const r of relabels) {
    const said = warnings.findIndex((w) => w.startsWith(`${r.file}: written in more than one language`));
    const note = `${r.file}: ${Math.round(r.leftOver * 100)}% of it is word for word in other English documents, a translation in progress; published as "${r.lang}", the language of the rest`;
    if (said >= 0) warnings[said] = note;
    else warnings.push(note);
  }
  records.splice(0, records.length, ...applyRelabels(records, relabels));

  const endModel = times.begin("model");
  const inputFiles = new Set(entries.map((e) => e.file));
  const report = (fields: Pick<BuildReport, "stopped" | "published" | "perLanguage" | "translations">): BuildReport => ({
    contentDir: settings.contentDir,
    stopped: fields.stopped,
    inputs: entries.length,
    published: fields.published,
    perLanguage: fields.perLanguage,
    documents: entries.map((e) => outcomes.get(e.file)!),
    translations: fields.translations,
    warnings,
  });
  // The publisher's data: authors, and per-document metadata (a title there renames the document).
  const { authors, problems: authorProblems } = loadAuthors(data.authors);
  if (authorProblems.length) problems.push({ file: data.authors, reasons: authorProblems });
  const { meta, problems: metaProblems } = loadDocumentMeta(data.documents);
  for (const file of meta.keys()) if (!inputFiles.has(file)) metaProblems.push(`"${file}" is not a document in the documents folder`);
  if (metaProblems.length) problems.push({ file: data.documents, reasons: metaProblems });
  for (const [k, d] of records.entries()) {
    const title = meta.get(d.file)?.title;
    if (title) records[k] = { ...d, title, shortTitle: shortTitleOf(title, d.lang), titleSource: "front-matter", slug: d.slugFixed ? d.slug : slugFromTitle(title, `doc-${d.contentHash.slice(0, 8)}`) };
  }

  // Group translations, with the publisher's overrides.
  const { overrides, problems: overrideProblems } = loadGroupOverrides(data.translations, inputFiles);
  if (overrideProblems.length) problems.push({ file: data.translations, reasons: overrideProblems });
  const grouping: Grouping = times.time("group", () =>
    options.baseline
      ? { groups: [], alone: records.map((d) => ({ file: d.file, lang: d.lang })), problems: [], stats: { documents: records.length, candidatePairs: 0, alignedPairs: 0 }, compared: [] }
      : groupTranslations(
          records.map((d) => ({ file: d.file, lang: d.lang, paragraphs: d.paragraphs, extra: d.attribution.map((a) => a.text), ...(d.translationKey ? { translationKey: d.translationKey } : {}) })),
          overrides,
        ),
  );
  problems.push(...grouping.problems);

  // Attribution follows the group: author, © line and date of any member serve the others.
  const gitDates = times.time("read", () => firstCommitDates(settings.contentPath));
  const { byFile: attributions, problems: attributionProblems } = resolveAttribution({ docs: records, groups: grouping.groups, authors, meta, gitDates });
  problems.push(...attributionProblems);
  // Nothing to publish would replace the last good site with an empty shell: that stops the build too.
  if (records.length === 0 && problems.length === 0) {
    const drafts = [...outcomes.values()].filter((o) => o.status === "draft").length;
    const what = entries.length === 0 ? "the folder is empty" : drafts ? `${drafts} draft(s), no other document` : "none of its entries is a document (.txt or .md)";
    problems.push({ file: settings.contentDir, reasons: [`nothing to publish: ${what}`] });
  }
  if (problems.length) {
    for (const p of problems) {
      const had = outcomes.get(p.file);
      const reasons = had?.status === "error" ? had.reasons : [];
      if (inputFiles.has(p.file)) outcomes.set(p.file, { file: p.file, status: "error", reasons: [...new Set([...reasons, ...p.reasons])] });
    }
    const held = "ready to publish, held back because the build stopped on the problems listed";
    for (const d of records) if (!outcomes.has(d.file)) outcomes.set(d.file, { file: d.file, status: "held", reason: held });
    endModel();
    throw new InputError(problems, report({ stopped: true, published: 0, perLanguage: {}, translations: { groups: [], alone: [], stats: grouping.stats } }));
  }

  // Final slugs.
  const { slugs, collisions } = assignUniqueSlugs(records.map((d) => ({ id: d.file, lang: d.lang, slug: d.slug, fixed: d.slugFixed })));
  for (const c of collisions) warnings.push(`${c.id}: slug "${c.wanted}" is taken in "${c.lang}"; published as "${c.given}"`);
  const docs = records.map((d) => ({ ...d, slug: slugs.get(d.file)! }));

  const pages = buildPages({ settings, docs, groups: grouping.groups, attributions });
  for (const a of pages.articles) outcomes.set(a.file, { file: a.file, status: "published", lang: a.lang, url: a.url, ...(a.group ? { group: a.group.id } : {}) });

  const available = new Set(dictionaries.keys());
  const uiLocales = [...new Set([settings.defaultLanguage, ...pages.languages.map((l) => l.lang)])].map((lang) => resolveUiLocale(lang, available, settings.defaultLanguage));
  for (const ui of uiLocales) if (ui.fellBack) warnings.push(`UI strings for "${ui.lang}" fall back to "${ui.locale}" (${ui.chain.join(" → ")})`);
  for (const a of [...pages.articles, ...pages.authorPages]) {
    const bio = "byline" in a ? a.byline?.bio : "bio" in a ? a.bio : undefined;
    if (bio?.fellBack) warnings.push(`${a.url}: no "${a.lang}" bio for ${"byline" in a ? a.byline!.name : a.title}; shown in "${bio.lang}"`);
  }
  for (const a of pages.articles) if (!a.date) warnings.push(`${a.file}: no date (not committed, none in front matter or _data/documents.json); left out of the ${a.lang} feeds`);

  const t = translator(dictionaries, uiLocales, settings.defaultLanguage);
  const feeds = buildFeeds(settings, pages.articles, pages.languages, t);
  endModel();

  return {
    ...pages,
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
