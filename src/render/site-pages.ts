/**
 * Every page the site has, as data for the templates: articles, language homes, the root chooser,
 * the 404 page and the translation coverage page, each with its alternates (the switcher), its
 * hreflang set by Google's rules, canonical URL, Open Graph locales and the date the sitemap gives.
 */
import { bioFor, type ArticleAttribution, type Author, type Bio, type DateKind } from "../attribution/index.ts";
import { byCodePoint } from "../order.ts";
import type { Copyright } from "../attribution/copyright.ts";
import { directionOf } from "../detect/codes.ts";
import { perLanguage } from "../intl.ts";
import type { TranslationGroup } from "../group/index.ts";
import type { Attribution } from "../ingest/blocks.ts";
import type { DocumentRecord } from "../ingest/document.ts";
import { routes, withPrefix } from "../routes.ts";
import { absoluteUrl, type License, type SiteSettings } from "../settings.ts";
import { languageName } from "./languages.ts";
import { CARD } from "./social-card.ts";
import { blogPosting, type JsonLd } from "./structured-data.ts";

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
  /** The site's languages this page does not exist in: the switcher offers their homes instead. */
  elsewhere: Language[];
  /** The page's own title (documents, homes), or a UI string key for it (root, 404, coverage). */
  title?: string;
  titleKey?: string;
  description?: string;
  canonical: string;
  /** hreflang links, the page itself and x-default included; empty for pages in no language set. */
  hreflang: HreflangLink[];
  ogLocale: string;
  ogLocaleAlternates: string[];
  /** Open Graph's kind of page: an article, or the site's other pages. */
  ogType: "article" | "website";
  /** The picture a shared link shows (articles have one each): an absolute URL. */
  card?: SocialCard;
  /** The newest date among what the page shows (an article's own), for the sitemap. */
  lastmod?: string;
}

export interface SocialCard {
  url: string;
  /** Site path of the picture, for writing it. */
  path: string;
  alt: string;
  width: number;
  height: number;
}

export interface Byline {
  id: string;
  name: string;
  /** The author's page in this article's language. */
  url: string;
  bio?: Bio;
}

/** A document as its page shows it: its body, not the plain text of its paragraphs, which served grouping. */
export type Article = Omit<DocumentRecord, "paragraphs"> &
  PageView & {
    paragraphs?: undefined;
    /** Whether `date` is when the article was published or only when it was added to this site. */
    dateKind?: DateKind;
    group?: { id: string; source: "override" | "detected"; score: number };
    /** The group's original (its earliest dated member, then the first by file), or a document alone. */
    isOriginal: boolean;
    byline?: Byline;
    copyright?: Copyright;
    license?: License;
    /** Trailing text shown as written in the article footer: credits, and bios of unknown authors. */
    credits: Attribution[];
    source?: string;
    /** Every version of the article (itself included) for the search page, which lists them all whichever one matched: site paths with the prefix. */
    searchVersions: { lang: string; url: string; title: string; description: string }[];
    /** Links the source line, or the credit line as written when there is no source line. */
    sourceUrl?: string;
    jsonLd: JsonLd;
  };

/**
 * What a list of articles shows of each (partials/article-list.njk). Pages that list articles
 * carry only this: a language home's view holding whole articles was a hundred times larger, and
 * every build hashes each view to know whether its page is kept.
 */
export type Teaser = Pick<Article, "lang" | "dir" | "url" | "title" | "description" | "date" | "dateKind" | "readingMinutes" | "alternates">;

export function teaserOf({ lang, dir, url, title, description, date, dateKind, readingMinutes, alternates }: Article): Teaser {
  return { lang, dir, url, title, description, ...opt("date", date), ...opt("dateKind", dateKind), readingMinutes, alternates };
}

export interface SearchPage extends PageView {
  /** Every language's Pagefind bundle, for the search script (paths carry the site's path prefix). */
  bundles: { lang: string; dir: "ltr" | "rtl"; name: string; path: string }[];
}

export interface AuthorPage extends PageView {
  author: Author;
  bio?: Bio;
  articles: Teaser[];
}

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
  articles: Teaser[];
  newer?: string;
  older?: string;
}

export interface CoverageRow {
  title: string;
  lang: string;
  dir: "ltr" | "rtl";
  /** A present cell's link is read aloud as its language and title ("Deutsch: …"). */
  cells: ({ lang: string; url: string; label: string } | null)[];
}

export interface CoveragePage extends PageView {
  rows: CoverageRow[];
  pageNumber: number;
  totalPages: number;
  /** Every page of this language's coverage, for the page list. */
  pageLinks: { n: number; url: string; current: boolean }[];
}

export interface SitePages {
  articles: Article[];
  languages: Language[];
  homePages: HomePage[];
  rootPages: (PageView & { latest: Teaser[] })[];
  notFoundPages: PageView[];
  coveragePages: CoveragePage[];
  authorPages: AuthorPage[];
  searchPages: SearchPage[];
  sitemapUrl: string;
  /** The site's copyright, from its first year to the newest article's. */
  siteCopyright: { holder: string; firstYear: number; lastYear: number };
}

/** Open Graph wants language_TERRITORY: the likely territory of a bare language ("de" → "de_DE"). */
export const ogLocale = perLanguage((lang: string): string => {
  const max = new Intl.Locale(lang).maximize();
  return max.region ? `${max.language}_${max.region}` : max.language;
});

/** Newest first by the best known date; undated after dated; then by title, then file name, so equal dates keep one order. */
function newestFirst(a: DocumentRecord, b: DocumentRecord): number {
  if (a.date !== b.date) return a.date === undefined ? 1 : b.date === undefined ? -1 : byCodePoint(b.date, a.date);
  return byCodePoint(a.title, b.title) || byCodePoint(a.file, b.file);
}

export interface PageInput {
  settings: SiteSettings;
  docs: readonly DocumentRecord[];
  groups: readonly TranslationGroup[];
  attributions: ReadonlyMap<string, ArticleAttribution>;
}

/** What every page kind is made with: the site's languages, URLs and the common view fields. */
interface PageKit {
  settings: SiteSettings;
  /** The site's languages, in code-point order. */
  langs: string[];
  languages: Language[];
  abs(path: string): string;
  hreflangOf(alternates: readonly Alternate[]): HreflangLink[];
  /** The fields every view has; `inSet` says whether its alternates are real translations (hreflang). */
  localeView(lang: string, url: string, alternates: Alternate[], inSet: boolean): PageView;
  /** The page in each of `inLangs`, for the switcher: its URL there by `url`, marked current in `lang`. */
  versionsIn(inLangs: readonly string[], url: (lang: string) => string, lang: string): Alternate[];
}

/** The model's pages: each kind made by its own function from the articles and the kit. */
export function buildPages({ settings, docs, groups, attributions }: PageInput): SitePages {
  const kit = pageKit(settings, docs);
  const articles = articlePages(kit, docs, groups, attributions);
  const homePages = homePagesOf(kit, articles);
  const newestYear = Math.max(settings.copyright.firstYear, ...articles.flatMap((a) => (a.date ? [Number(a.date.slice(0, 4))] : [])));
  return {
    articles,
    languages: kit.languages,
    homePages,
    rootPages: rootPagesOf(kit, articles),
    notFoundPages: notFoundPagesOf(kit),
    coveragePages: coveragePagesOf(kit, articles),
    authorPages: authorPagesOf(kit, articles, attributions),
    searchPages: searchPagesOf(kit),
    sitemapUrl: kit.abs(routes.sitemap()),
    siteCopyright: { holder: settings.copyright.holder, firstYear: settings.copyright.firstYear, lastYear: newestYear },
  };
}

function pageKit(settings: SiteSettings, docs: readonly DocumentRecord[]): PageKit {
  const abs = (path: string) => absoluteUrl(settings, path);
  const xDefault: HreflangLink = { hreflang: "x-default", href: abs(routes.root()) };
  const hreflangOf = (alternates: readonly Alternate[]): HreflangLink[] => (alternates.length > 0 ? [...alternates.map((a) => ({ hreflang: a.lang, href: abs(a.url) })), xDefault] : []);
  const langs = [...new Set(docs.map((d) => d.lang))].sort(byCodePoint);
  const languages: Language[] = langs.map((lang) => ({ lang, dir: directionOf(lang), name: languageName(lang), url: routes.home(lang), count: docs.filter((d) => d.lang === lang).length }));
  const localeView = (lang: string, url: string, alternates: Alternate[], inSet: boolean): PageView => ({
    lang,
    dir: directionOf(lang),
    url,
    alternates,
    elsewhere: languages.filter((l) => !alternates.some((a) => a.lang === l.lang)),
    canonical: abs(url),
    hreflang: inSet ? hreflangOf(alternates) : [],
    ogLocale: ogLocale(lang),
    // Once each, and never the page's own: sr and sr-Latn are both sr_RS to Open Graph.
    ogLocaleAlternates: inSet ? [...new Set(alternates.map((a) => ogLocale(a.lang)))].filter((l) => l !== ogLocale(lang)) : [],
    ogType: "website",
  });
  const versionsIn = (inLangs: readonly string[], url: (lang: string) => string, lang: string): Alternate[] =>
    inLangs.map((l) => ({ lang: l, dir: directionOf(l), name: languageName(l), url: url(l), current: l === lang }));
  return { settings, langs, languages, abs, hreflangOf, localeView, versionsIn };
}

const homeAlternates = (kit: PageKit, lang: string) => kit.versionsIn(kit.langs, (l) => routes.home(l), lang);

/** Every document as an article, newest first, linked to its translations. */
function articlePages(
  { settings, abs, localeView }: PageKit,
  inputDocs: readonly DocumentRecord[],
  groups: readonly TranslationGroup[],
  attributions: ReadonlyMap<string, ArticleAttribution>,
): Article[] {
  const docs: (DocumentRecord & { dateKind?: DateKind })[] = inputDocs.map((d) => {
    const { date, dateKind } = attributions.get(d.file) ?? {};
    return date && dateKind ? { ...d, date, dateKind } : d;
  });
  const sorted = [...docs].sort(newestFirst);
  const groupOf = new Map<string, TranslationGroup>();
  for (const g of groups) for (const m of g.members) groupOf.set(m.file, g);
  const docByFile = new Map(sorted.map((d) => [d.file, d]));
  const urlOf = (d: DocumentRecord) => routes.article(d.lang, d.slug);
  const cardPath = (d: DocumentRecord) => routes.socialCard(d.lang, d.slug);
  const alternateOf = (d: DocumentRecord, current: boolean): Alternate => ({ lang: d.lang, dir: d.dir, name: languageName(d.lang), url: urlOf(d), current });
  const authorUrl = (id: string, lang: string) => routes.author(lang, id);

  return sorted.map((doc) => {
    const group = groupOf.get(doc.file);
    const members = group ? group.members.flatMap((m) => docByFile.get(m.file) ?? []).sort((a, b) => byCodePoint(a.lang, b.lang)) : [doc];
    const alternates = members.map((m) => alternateOf(m, m.file === doc.file));
    const attribution = attributions.get(doc.file) ?? { shown: doc.attribution };
    const author = attribution.author;
    const bio = author && bioFor(author, doc.lang, settings.defaultLanguage);
    // The group's original: the earliest dated member, then the first by file name.
    const original = [...members].sort((a, b) => byCodePoint(a.date ?? "9999", b.date ?? "9999") || byCodePoint(a.file, b.file))[0] ?? doc;
    const version = (m: DocumentRecord) => ({ url: abs(urlOf(m)), lang: m.lang });
    return {
      ...doc,
      // The paragraphs' text is left out: every view is held while Eleventy renders and hashed to
      // know which pages changed, and that text is as long again as the body it was taken from. (Set
      // undefined, not left out by a rest pattern: that made the model stage twice as slow.)
      paragraphs: undefined,
      ...localeView(doc.lang, urlOf(doc), alternates, members.length > 1),
      ogType: "article",
      ...opt("lastmod", doc.date),
      card: { url: abs(cardPath(doc)), path: cardPath(doc), alt: doc.shortTitle, width: CARD.width, height: CARD.height },
      isOriginal: original === doc,
      ...(group ? { group: { id: group.id, source: group.source, score: group.score } } : {}),
      ...(author ? { byline: { id: author.id, name: author.name, url: authorUrl(author.id, doc.lang), ...(bio ? { bio } : {}) } } : {}),
      ...(attribution.copyright ? { copyright: attribution.copyright } : {}),
      ...(attribution.license ? { license: attribution.license } : {}),
      ...(attribution.source ? { source: attribution.source } : {}),
      ...(attribution.sourceUrl ? { sourceUrl: attribution.sourceUrl } : {}),
      credits: attribution.shown,
      searchVersions: members.map((m) => ({ lang: m.lang, url: withPrefix(settings.pathPrefix, urlOf(m)), title: m.shortTitle, description: m.description })),
      jsonLd: blogPosting({
        url: abs(urlOf(doc)),
        title: doc.shortTitle,
        description: doc.description,
        lang: doc.lang,
        ...(doc.date && doc.dateKind === "published" ? { published: doc.date } : {}),
        wordCount: doc.wordCount,
        image: abs(cardPath(doc)),
        ...(author ? { author: { name: author.name, url: abs(authorUrl(author.id, doc.lang)) } } : {}),
        ...(attribution.copyright ? { copyright: attribution.copyright } : {}),
        publisher: settings.publisher,
        ...(original !== doc ? { original: version(original) } : {}),
        translations: members.filter((m) => m !== doc && m !== original).map(version),
      }),
    };
  });
}

/** Each language's home, in pages; only the first page has versions in other languages. */
function homePagesOf(kit: PageKit, articles: readonly Article[]): HomePage[] {
  return kit.languages.flatMap((language) =>
    paginate(language, articles.filter((a) => a.lang === language.lang).map(teaserOf), kit.settings.pageSize).map((page) => ({
      ...page,
      // Later pages are lists, not translations.
      ...kit.localeView(language.lang, page.url, homeAlternates(kit, language.lang), page.pageNumber === 1),
      title: page.pageNumber > 1 ? `${language.name} · ${page.pageNumber}` : language.name,
      ...opt("lastmod", newest(page.articles)),
    })),
  );
}

/** The root speaks the default language and is the x-default of the homes' set. */
function rootPagesOf(kit: PageKit, articles: readonly Article[]): SitePages["rootPages"] {
  return [
    {
      ...kit.localeView(kit.settings.defaultLanguage, routes.root(), homeAlternates(kit, ""), false),
      hreflang: kit.hreflangOf(homeAlternates(kit, "")),
      titleKey: "root.title",
      ...opt("lastmod", newest(articles)),
      latest: articles
        .filter((a) => a.isOriginal)
        .slice(0, kit.settings.pageSize)
        .map(teaserOf),
    },
  ];
}

/** A not-found page at the root, in the default language, and one per language for the paths under it. */
function notFoundPagesOf(kit: PageKit): PageView[] {
  const defaultLang = kit.settings.defaultLanguage;
  return [defaultLang, ...kit.langs].map((lang, i) => ({ ...kit.localeView(lang, routes.notFound(i === 0 ? undefined : lang), homeAlternates(kit, ""), false), titleKey: "notFound.title" }));
}

/**
 * Coverage in every language, rows named in it where it has the article; /coverage/ speaks the
 * default language. In pages of `coverageRows` rows, the same rows on page n in every language,
 * so page n's versions are the other languages' page n.
 */
function coveragePagesOf(kit: PageKit, articles: readonly Article[]): SitePages["coveragePages"] {
  const { langs } = kit;
  // A row's cells are the same in every language's page: made once, shared by the pages that show them.
  const rows = coverageMembers(articles).map((members) => ({ members, cells: coverageCellsOf(members, langs) }));
  const pages = inPages(rows, kit.settings.coverageRows);
  const totalPages = pages.length;
  const pagesIn = (lang: string | undefined, pageLang: string) =>
    pages.map((pageRows, i) => {
      const n = i + 1;
      return {
        ...kit.localeView(
          pageLang,
          routes.coverage(lang, n),
          kit.versionsIn(langs, (l) => routes.coverage(l, n), lang ?? ""),
          false,
        ),
        titleKey: "coverage.title",
        rows: coverageRows(pageRows, pageLang),
        pageNumber: n,
        totalPages,
        pageLinks: Array.from({ length: totalPages }, (_, j) => ({ n: j + 1, url: routes.coverage(lang, j + 1), current: j === i })),
      };
    });
  return [...langs.flatMap((lang) => pagesIn(lang, lang)), ...pagesIn(undefined, kit.settings.defaultLanguage)];
}

/** One page per author and language they write in, linked to the same author's other languages. */
function authorPagesOf(kit: PageKit, articles: readonly Article[], attributions: ReadonlyMap<string, ArticleAttribution>): AuthorPage[] {
  const authorPages: AuthorPage[] = [];
  const authorsById = new Map<string, Author>();
  for (const a of attributions.values()) if (a.author) authorsById.set(a.author.id, a.author);
  for (const author of [...authorsById.values()].sort((a, b) => byCodePoint(a.id, b.id))) {
    const theirs = articles.filter((a) => a.byline?.id === author.id);
    const langsOf = [...new Set(theirs.map((a) => a.lang))].sort(byCodePoint);
    const url = (lang: string) => routes.author(lang, author.id);
    for (const lang of langsOf) {
      const bio = bioFor(author, lang, kit.settings.defaultLanguage);
      const mine = theirs.filter((a) => a.lang === lang).map(teaserOf);
      authorPages.push({
        ...kit.localeView(lang, url(lang), kit.versionsIn(langsOf, url, lang), langsOf.length > 1),
        title: author.name,
        author,
        ...(bio ? { bio } : {}),
        articles: mine,
        ...opt("lastmod", newest(mine)),
      });
    }
  }
  return authorPages;
}

/** A search page in every language of the site, and in the default one that the root speaks. */
function searchPagesOf(kit: PageKit): SearchPage[] {
  const { langs, languages, settings } = kit;
  const searchLangs = [...new Set([...langs, settings.defaultLanguage])].sort(byCodePoint);
  const bundles = languages.map((l) => ({ lang: l.lang, dir: l.dir, name: l.name, path: withPrefix(settings.pathPrefix, routes.searchBundle(l.lang)) }));
  // The default language's search page serves the root; other pages offer it only when it has content.
  const alternates = (lang: string) =>
    kit.versionsIn(
      searchLangs.filter((l) => l === lang || langs.includes(l)),
      (l) => routes.search(l),
      lang,
    );
  return searchLangs.map((lang) => ({
    ...kit.localeView(lang, routes.search(lang), alternates(lang), langs.length > 1 && langs.includes(lang)),
    titleKey: "search.label",
    bundles,
  }));
}

/** The newest date of articles listed newest first. */
const newest = (list: readonly Pick<Article, "date">[]) => list.find((a) => a.date)?.date;

function opt<K extends string, V>(key: K, value: V | undefined): { [P in K]?: V } {
  return (value === undefined ? {} : { [key]: value }) as { [P in K]?: V };
}

/**
 * One row per article across its translations, one column per language, so an editor sees the
 * gaps. A row is named in the page's language where the article exists in it, else by its original.
 */
function coverageRows(rows: readonly { members: readonly Article[]; cells: CoverageRow["cells"] }[], pageLang: string): CoverageRow[] {
  return rows.map(({ members, cells }) => {
    // Shortened as <title> is: a row is a label, not the article.
    const named = members.find((m) => m.lang === pageLang) ?? members.find((m) => m.isOriginal) ?? [...members].sort((a, b) => byCodePoint(a.lang, b.lang))[0];
    if (!named) throw new Error("a coverage row without members"); // rows are made from their members
    return { title: named.shortTitle, lang: named.lang, dir: named.dir, cells };
  });
}

/** A row's cell in each of the site's languages: a link to the article there, or null. */
function coverageCellsOf(members: readonly Article[], langs: readonly string[]): CoverageRow["cells"] {
  return langs.map((lang) => {
    const m = members.find((x) => x.lang === lang);
    return m ? { lang, url: m.url, label: `${languageName(lang)}: ${m.shortTitle}` } : null;
  });
}

/** The members of each coverage row: an article with its translations, in the articles' order. */
function coverageMembers(articles: readonly Article[]): Article[][] {
  const rows = new Map<string, Article[]>();
  for (const a of articles) {
    const key = a.group?.id ?? a.file;
    const row = rows.get(key);
    if (row) row.push(a);
    else rows.set(key, [a]);
  }
  return [...rows.values()];
}

/** `items` in pages of `size`, in order; an empty list is one empty page, so every list has a first page. */
function inPages<T>(items: readonly T[], size: number): T[][] {
  return Array.from({ length: Math.max(1, Math.ceil(items.length / size)) }, (_, i) => items.slice(i * size, (i + 1) * size));
}

/** A language's home, in pages of `size` so no page grows with the collection. */
export function paginate<T>(language: Pick<Language, "lang" | "dir" | "name">, articles: T[], size: number) {
  const pages = inPages(articles, size);
  const totalPages = pages.length;
  const url = (n: number) => routes.home(language.lang, n);
  return pages.map((pageArticles, i) => ({
    lang: language.lang,
    dir: language.dir,
    name: language.name,
    url: url(i + 1),
    pageNumber: i + 1,
    totalPages,
    articles: pageArticles,
    ...(i > 0 ? { newer: url(i) } : {}),
    ...(i + 1 < totalPages ? { older: url(i + 2) } : {}),
  }));
}
