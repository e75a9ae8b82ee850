/**
 * The build's model of the site: ingest → detect → (group: next) → render data. Pure data out;
 * Eleventy only presents it. Every input file ends up published or reported.
 */
import { readFileSync } from "node:fs";
import { directionOf } from "./detect/codes.ts";
import { ingestDocument, type DocumentRecord } from "./ingest/document.ts";
import { firstCommitDates, listFolder } from "./ingest/folder.ts";
import { assignUniqueSlugs } from "./ingest/slug.ts";
import { loadDictionaries, resolveUiLocale, type Dictionary, type UiLocale } from "./render/i18n.ts";
import { languageName } from "./render/languages.ts";
import type { SiteSettings } from "./settings.ts";

/** Another language version of a page, for the switcher (and, next, hreflang). */
export interface Alternate {
  lang: string;
  dir: "ltr" | "rtl";
  name: string;
  url: string;
  current: boolean;
}

/** What the layout needs of any page: its language, direction and switcher entries. */
export interface PageView {
  lang: string;
  dir: "ltr" | "rtl";
  url: string;
  alternates: Alternate[];
  /** The page's own title (documents, homes), or a UI string key for it (root, 404). */
  title?: string;
  titleKey?: string;
  description?: string;
}

export type Article = DocumentRecord & PageView;

export interface Language {
  lang: string;
  dir: "ltr" | "rtl";
  /** The language's name in itself ("Deutsch"). */
  name: string;
  url: string;
  count: number;
}

export interface HomePage extends PageView {
  name: string;
  pageNumber: number;
  totalPages: number;
  articles: Article[];
  newer?: string;
  older?: string;
}

export type Outcome =
  | { file: string; status: "published"; lang: string; url: string }
  | { file: string; status: "draft" | "ignored"; reason: string }
  | { file: string; status: "error"; reasons: string[] };

export interface BuildReport {
  contentDir: string;
  inputs: number;
  published: number;
  perLanguage: Record<string, number>;
  documents: Outcome[];
  warnings: string[];
}

export interface SiteModel {
  settings: SiteSettings;
  articles: Article[];
  languages: Language[];
  homePages: HomePage[];
  /** The language chooser at `/`, with the latest articles across languages (a list of one, for pagination). */
  rootPages: (PageView & { latest: Article[] })[];
  /** The not-found page (a list, so each language can have its own). */
  notFoundPages: PageView[];
  uiLocales: UiLocale[];
  dictionaries: Map<string, Dictionary>;
  report: BuildReport;
}

/** Raised when input cannot be published; carries every problem found in the run. */
export class InputError extends Error {
  constructor(readonly problems: { file: string; reasons: string[] }[]) {
    super(`${problems.length} input problem(s):\n` + problems.map((p) => `  ${p.file}: ${p.reasons.join("; ")}`).join("\n"));
  }
}

const byCodePoint = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** Newest first; undated after dated; then by file name so equal dates keep one order. */
function newestFirst(a: Article, b: Article): number {
  if (a.date !== b.date) return a.date === undefined ? 1 : b.date === undefined ? -1 : byCodePoint(b.date, a.date);
  return byCodePoint(a.file, b.file);
}

export function buildSiteModel(settings: SiteSettings): SiteModel {
  const { dictionaries, problems: dictionaryProblems } = loadDictionaries();
  if (dictionaryProblems.length) throw new InputError([{ file: "src/render/locales", reasons: dictionaryProblems }]);

  const entries = listFolder(settings.contentPath);
  const outcomes = new Map<string, Outcome>();
  const records: DocumentRecord[] = [];
  const problems: { file: string; reasons: string[] }[] = [];
  const warnings: string[] = [];

  for (const entry of entries) {
    if (!entry.isDocument) {
      outcomes.set(entry.file, { file: entry.file, status: "ignored", reason: "not a document: only .txt and .md files are published" });
      warnings.push(`${entry.file}: ignored, not a .txt or .md document`);
      continue;
    }
    const result = ingestDocument(entry.file, readFileSync(entry.path), { defaultLang: settings.defaultLanguage });
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
    if (doc.draft) {
      outcomes.set(entry.file, { file: entry.file, status: "draft", reason: "draft: true in front matter" });
      continue;
    }
    records.push(doc);
  }
  if (problems.length) throw new InputError(problems);

  const { slugs, collisions } = assignUniqueSlugs(records.map((d) => ({ id: d.file, lang: d.lang, slug: d.slug, fixed: d.slugFixed })));
  for (const c of collisions) warnings.push(`${c.id}: slug "${c.wanted}" is taken in "${c.lang}"; published as "${c.given}"`);

  const gitDates = firstCommitDates(settings.contentPath);
  const articles: Article[] = records
    .map((doc) => {
      const slug = slugs.get(doc.file)!;
      const date = doc.date ?? gitDates.get(doc.file);
      const url = `/${doc.lang}/${slug}/`;
      // Until translations are grouped, an article's only version is itself.
      const alternates = [{ lang: doc.lang, dir: doc.dir, name: languageName(doc.lang), url, current: true }];
      return { ...doc, slug, ...(date ? { date } : {}), url, alternates };
    })
    .sort(newestFirst);
  for (const a of articles) outcomes.set(a.file, { file: a.file, status: "published", lang: a.lang, url: a.url });

  const langs = [...new Set(articles.map((a) => a.lang))].sort(byCodePoint);
  const languages: Language[] = langs.map((lang) => ({
    lang,
    dir: directionOf(lang),
    name: languageName(lang),
    url: `/${lang}/`,
    count: articles.filter((a) => a.lang === lang).length,
  }));

  const homeAlternates = (lang: string): Alternate[] => languages.map((l) => ({ lang: l.lang, dir: l.dir, name: l.name, url: l.url, current: l.lang === lang }));
  const homePages = languages.flatMap((language) =>
    paginate(language, articles.filter((a) => a.lang === language.lang), settings.pageSize).map((page) => ({
      ...page,
      title: page.pageNumber > 1 ? `${language.name} · ${page.pageNumber}` : language.name,
      alternates: homeAlternates(language.lang),
    })),
  );
  const chrome = { lang: settings.defaultLanguage, dir: directionOf(settings.defaultLanguage), alternates: homeAlternates("") };

  const available = new Set(dictionaries.keys());
  const uiLocales = [...new Set([settings.defaultLanguage, ...langs])].map((lang) => resolveUiLocale(lang, available, settings.defaultLanguage));
  for (const ui of uiLocales) if (ui.fellBack) warnings.push(`UI strings for "${ui.lang}" fall back to "${ui.locale}" (${ui.chain.join(" → ")})`);

  const documents = entries.map((e) => outcomes.get(e.file)!);
  return {
    settings,
    articles,
    languages,
    homePages,
    rootPages: [{ ...chrome, url: "/", titleKey: "root.title", latest: articles.slice(0, settings.pageSize) }],
    notFoundPages: [{ ...chrome, url: "/404.html", titleKey: "notFound.title" }],
    uiLocales,
    dictionaries,
    report: {
      contentDir: settings.contentDir,
      inputs: entries.length,
      published: articles.length,
      perLanguage: Object.fromEntries(languages.map((l) => [l.lang, l.count])),
      documents,
      warnings,
    },
  };
}

/** A language's home, in pages of `size` so no page grows with the collection. */
export function paginate(language: Pick<Language, "lang" | "dir" | "name">, articles: Article[], size: number): Omit<HomePage, "alternates">[] {
  const totalPages = Math.max(1, Math.ceil(articles.length / size));
  const url = (n: number) => (n === 1 ? `/${language.lang}/` : `/${language.lang}/page/${n}/`);
  return Array.from({ length: totalPages }, (_, i) => ({
    lang: language.lang,
    dir: language.dir,
    name: language.name,
    url: url(i + 1),
    pageNumber: i + 1,
    totalPages,
    articles: articles.slice(i * size, (i + 1) * size),
    ...(i > 0 ? { newer: url(i) } : {}),
    ...(i + 1 < totalPages ? { older: url(i + 2) } : {}),
  }));
}
