/**
 * Every page the site has, as data for the templates: articles, language homes, the root chooser,
 * the 404 page and the translation coverage page, each with its alternates (the switcher), its
 * hreflang set by Google's rules, canonical URL and Open Graph locales; and the sitemap entries.
 */
import { directionOf } from "../detect/codes.ts";
import type { DocumentRecord } from "../ingest/document.ts";
import type { TranslationGroup } from "../group/index.ts";
import { absoluteUrl, type SiteSettings } from "../settings.ts";
import { languageName } from "./languages.ts";

/** Another language version of a page, for the switcher. */
export interface Alternate {
  lang: string;
  dir: "ltr" | "rtl";
  name: string;
  url: string;
  current: boolean;
}

export interface HreflangLink {
  hreflang: string;
  href: string;
}

/** What the layout needs of any page. */
export interface PageView {
  lang: string;
  dir: "ltr" | "rtl";
  url: string;
  /** The versions of this page in other languages (itself included), for the switcher. */
  alternates: Alternate[];
  /** The page's own title (documents, homes), or a UI string key for it (root, 404, coverage). */
  title?: string;
  titleKey?: string;
  description?: string;
  canonical: string;
  /** hreflang links, the page itself and x-default included; empty for pages in no language set. */
  hreflang: HreflangLink[];
  ogLocale: string;
  ogLocaleAlternates: string[];
}

export type Article = DocumentRecord & PageView & { group?: { id: string; source: "override" | "detected"; score: number } };

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

export interface CoverageRow {
  title: string;
  lang: string;
  dir: "ltr" | "rtl";
  cells: ({ lang: string; url: string; title: string } | null)[];
}

export interface SitemapEntry {
  loc: string;
  lastmod?: string;
  alternates: HreflangLink[];
}

export interface SitePages {
  articles: Article[];
  languages: Language[];
  homePages: HomePage[];
  rootPages: (PageView & { latest: Article[] })[];
  notFoundPages: PageView[];
  coveragePages: (PageView & { rows: CoverageRow[] })[];
  sitemap: SitemapEntry[];
  sitemapUrl: string;
}

const byCodePoint = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** Open Graph wants language_TERRITORY: the likely territory of a bare language ("de" → "de_DE"). */
export function ogLocale(lang: string): string {
  const max = new Intl.Locale(lang).maximize();
  return max.region ? `${max.language}_${max.region}` : max.language;
}

/** Newest first; undated after dated; then by file name so equal dates keep one order. */
function newestFirst(a: DocumentRecord, b: DocumentRecord): number {
  if (a.date !== b.date) return a.date === undefined ? 1 : b.date === undefined ? -1 : byCodePoint(b.date, a.date);
  return byCodePoint(a.file, b.file);
}

export function buildPages(settings: SiteSettings, docs: readonly DocumentRecord[], groups: readonly TranslationGroup[]): SitePages {
  const abs = (path: string) => absoluteUrl(settings, path);
  const xDefault: HreflangLink = { hreflang: "x-default", href: abs("/") };
  const hreflangOf = (alternates: readonly Alternate[]): HreflangLink[] =>
    alternates.length > 0 ? [...alternates.map((a) => ({ hreflang: a.lang, href: abs(a.url) })), xDefault] : [];
  const localeView = (lang: string, url: string, alternates: Alternate[], inSet: boolean) => ({
    lang,
    dir: directionOf(lang),
    url,
    alternates,
    canonical: abs(url),
    hreflang: inSet ? hreflangOf(alternates) : [],
    ogLocale: ogLocale(lang),
    ogLocaleAlternates: inSet ? alternates.filter((a) => a.lang !== lang).map((a) => ogLocale(a.lang)) : [],
  });

  const sorted = [...docs].sort(newestFirst);
  const groupOf = new Map<string, TranslationGroup>();
  for (const g of groups) for (const m of g.members) groupOf.set(m.file, g);
  const docByFile = new Map(sorted.map((d) => [d.file, d]));
  const urlOf = (d: DocumentRecord) => `/${d.lang}/${d.slug}/`;
  const alternateOf = (d: DocumentRecord, current: boolean): Alternate => ({ lang: d.lang, dir: d.dir, name: languageName(d.lang), url: urlOf(d), current });

  const articles: Article[] = sorted.map((doc) => {
    const group = groupOf.get(doc.file);
    const members = group ? group.members.map((m) => docByFile.get(m.file)!).sort((a, b) => byCodePoint(a.lang, b.lang)) : [doc];
    const alternates = members.map((m) => alternateOf(m, m.file === doc.file));
    return {
      ...doc,
      ...localeView(doc.lang, urlOf(doc), alternates, members.length > 1),
      ...(group ? { group: { id: group.id, source: group.source, score: group.score } } : {}),
    };
  });

  const langs = [...new Set(articles.map((a) => a.lang))].sort(byCodePoint);
  const languages: Language[] = langs.map((lang) => ({ lang, dir: directionOf(lang), name: languageName(lang), url: `/${lang}/`, count: articles.filter((a) => a.lang === lang).length }));
  const homeAlternates = (lang: string): Alternate[] => languages.map((l) => ({ lang: l.lang, dir: l.dir, name: l.name, url: l.url, current: l.lang === lang }));

  const homePages: HomePage[] = languages.flatMap((language) =>
    paginate(language, articles.filter((a) => a.lang === language.lang), settings.pageSize).map((page) => ({
      ...page,
      // Only a home's first page has versions in other languages; later pages are lists, not translations.
      ...localeView(language.lang, page.url, homeAlternates(language.lang), page.pageNumber === 1),
      title: page.pageNumber > 1 ? `${language.name} · ${page.pageNumber}` : language.name,
    })),
  );

  // Root, 404 and coverage speak the default language; the root is the x-default of the homes' set.
  const defaultLang = settings.defaultLanguage;
  const rootPages = [{ ...localeView(defaultLang, "/", homeAlternates(""), false), hreflang: hreflangOf(homeAlternates("")), titleKey: "root.title", latest: articles.slice(0, settings.pageSize) }];
  const notFoundPages = [{ ...localeView(defaultLang, "/404.html", homeAlternates(""), false), titleKey: "notFound.title" }];
  const coveragePages = [{ ...localeView(defaultLang, "/coverage/", homeAlternates(""), false), titleKey: "coverage.title", rows: coverageRows(articles, langs, defaultLang) }];

  const newest = (list: readonly Article[]) => list.find((a) => a.date)?.date;
  const sitemap: SitemapEntry[] = [
    { loc: abs("/"), ...opt("lastmod", newest(articles)), alternates: rootPages[0]!.hreflang },
    ...homePages.map((h) => ({ loc: h.canonical, ...opt("lastmod", newest(h.articles)), alternates: h.hreflang })),
    ...articles.map((a) => ({ loc: a.canonical, ...opt("lastmod", a.date), alternates: a.hreflang })),
    { loc: abs("/coverage/"), alternates: [] },
  ];

  return { articles, languages, homePages, rootPages, notFoundPages, coveragePages, sitemap, sitemapUrl: abs("/sitemap.xml") };
}

function opt<K extends string, V>(key: K, value: V | undefined): { [P in K]?: V } {
  return (value === undefined ? {} : { [key]: value }) as { [P in K]?: V };
}

/**
 * One row per article across its translations, one column per language, so an editor sees the
 * gaps. A row is named by its version in the default language when there is one.
 */
function coverageRows(articles: readonly Article[], langs: readonly string[], defaultLang: string): CoverageRow[] {
  const rows = new Map<string, Article[]>();
  for (const a of articles) {
    const key = a.group?.id ?? a.file;
    (rows.get(key) ?? rows.set(key, []).get(key)!).push(a);
  }
  return [...rows.values()].map((members) => {
    const named = members.find((m) => m.lang === defaultLang) ?? [...members].sort((a, b) => byCodePoint(a.lang, b.lang))[0]!;
    return {
      title: named.title,
      lang: named.lang,
      dir: named.dir,
      cells: langs.map((lang) => {
        const m = members.find((x) => x.lang === lang);
        return m ? { lang, url: m.url, title: m.title } : null;
      }),
    };
  });
}

/** A language's home, in pages of `size` so no page grows with the collection. */
export function paginate(language: Pick<Language, "lang" | "dir" | "name">, articles: Article[], size: number) {
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
