/** An Atom feed and a JSON Feed per language, as data: the templates write them out. */
import { formatCopyright } from "../attribution/copyright.ts";
import { routes } from "../routes.ts";
import type { Translate } from "./i18n.ts";
import { absoluteUrl, type SiteSettings } from "../settings.ts";
import type { Article, Language } from "./site-pages.ts";

/** Entries per feed: the newest ones. */
export const FEED_LIMIT = 50;

export interface FeedEntry {
  id: string;
  url: string;
  title: string;
  /** RFC 3339, as Atom wants it. */
  updated: string;
  /** Only when the date is a stated publication date, not when the file reached this site. */
  published?: string;
  /** The article's versions in other languages, for Atom's alternate links. */
  translations: { lang: string; url: string }[];
  authorName?: string;
  rights?: string;
  summary: string;
  article: Article;
}

export interface Feed {
  lang: string;
  title: string;
  subtitle: string;
  /** Site paths (for links in pages) and absolute URLs (inside the feeds). */
  atomPath: string;
  jsonPath: string;
  atomUrl: string;
  jsonUrl: string;
  homeUrl: string;
  updated: string;
  author: string;
  rights: string;
  entries: FeedEntry[];
  /** The whole JSON Feed 1.1 document. */
  json: Record<string, unknown>;
}

const rfc3339 = (date: string) => `${date.slice(0, 10)}T00:00:00Z`;

/**
 * Feeds list a language's dated articles, newest first. Undated ones (uncommitted, with no date
 * in front matter) stay out of feeds, which need a date per entry; the pipeline reports them.
 */
export function buildFeeds(settings: SiteSettings, articles: readonly Article[], languages: readonly Language[], t: Translate): Feed[] {
  const abs = (path: string) => absoluteUrl(settings, path);
  return languages.map((language) => {
    const lang = language.lang;
    const dated = articles.filter((a): a is Article & { date: string } => a.lang === lang && Boolean(a.date)).slice(0, FEED_LIMIT);
    const rightsOf = (a: Article) => (a.copyright ? `${formatCopyright(a.copyright, lang)}.${a.license === "all-rights-reserved" ? ` ${t("article.rightsReserved", lang)}` : ""}` : undefined);
    const newestYear = Number((dated[0]?.date ?? `${settings.copyright.firstYear}`).slice(0, 4));
    const siteRights = formatCopyright({ holder: settings.copyright.holder, firstYear: settings.copyright.firstYear, lastYear: newestYear }, lang);
    const entries: FeedEntry[] = dated.map((a) => {
      const rights = rightsOf(a);
      return {
        id: a.canonical,
        url: a.canonical,
        title: a.title,
        updated: rfc3339(a.date),
        ...(a.dateKind === "published" ? { published: rfc3339(a.date) } : {}),
        translations: a.alternates.filter((alt) => !alt.current).map((alt) => ({ lang: alt.lang, url: abs(alt.url) })),
        ...(a.byline ? { authorName: a.byline.name } : {}),
        ...(rights ? { rights } : {}),
        summary: a.description,
        article: a,
      };
    });
    const feed = {
      lang,
      title: `${settings.title} · ${language.name}`,
      subtitle: settings.description[lang] ?? t("site.tagline", lang),
      atomPath: routes.atomFeed(lang),
      jsonPath: routes.jsonFeed(lang),
      atomUrl: abs(routes.atomFeed(lang)),
      jsonUrl: abs(routes.jsonFeed(lang)),
      homeUrl: abs(routes.home(lang)),
      updated: entries[0]?.updated ?? rfc3339(`${settings.copyright.firstYear}-01-01`),
      author: settings.publisher,
      rights: siteRights,
      entries,
    };
    return {
      ...feed,
      json: {
        version: "https://jsonfeed.org/version/1.1",
        title: feed.title,
        home_page_url: feed.homeUrl,
        feed_url: feed.jsonUrl,
        description: feed.subtitle,
        language: lang,
        authors: [{ name: feed.author }],
        items: entries.map((e) => ({
          id: e.id,
          url: e.url,
          title: e.title,
          summary: e.summary,
          // Plain text stays text; Markdown arrives as the HTML markdown-it made of it.
          ...(e.article.format === "md"
            ? { content_html: e.article.body.map((b) => (b.type === "html" ? b.html : "")).join("") }
            : { content_text: e.article.body.map((b) => ("text" in b ? b.text : "")).join("\n\n") }),
          ...(e.published ? { date_published: e.published } : { date_modified: e.updated }),
          language: lang,
          ...(e.article.byline ? { authors: [{ name: e.article.byline.name, url: abs(e.article.byline.url) }] } : {}),
          // JSON Feed has no field for translations; an extension object (leading "_") carries them.
          ...(e.translations.length ? { _translations: e.translations } : {}),
        })),
      },
    };
  });
}
