/**
 * Every URL the site has, in one place. These are site paths, without the path prefix: links in
 * pages get it from Eleventy's base plugin, absolute URLs from `absoluteUrl`. A path segment the
 * site uses under a language is reserved, so no article's slug can take it (see RESERVED_SLUGS).
 */
/** Page n of a paginated list at `base`: the first at `base` itself, the others under `page/n/`. */
const paged = (base: string, page: number) => (page === 1 ? base : `${base}page/${page}/`);

export const routes = {
  /** The language chooser, and the x-default of every language set. */
  root: () => "/",
  home: (lang: string, page = 1) => paged(`/${lang}/`, page),
  article: (lang: string, slug: string) => `/${lang}/${slug}/`,
  /** The picture a link to the article shows when shared. */
  socialCard: (lang: string, slug: string) => `/${lang}/${slug}/card.jpg`,
  author: (lang: string, id: string) => `/${lang}/authors/${id}/`,
  search: (lang: string) => `/${lang}/search/`,
  /** A language's coverage pages; without a language, the ones the root's language speaks. */
  coverage: (lang?: string, page = 1) => paged(lang ? `/${lang}/coverage/` : "/coverage/", page),
  atomFeed: (lang: string) => `/${lang}/feed.xml`,
  jsonFeed: (lang: string) => `/${lang}/feed.json`,
  /** The not-found page for paths under a language, or for the rest of the site. */
  notFound: (lang?: string) => (lang ? `/${lang}/404.html` : "/404.html"),
  /** Every path under a language, for the host's rules. */
  languageTree: (lang: string) => `/${lang}/*`,
  searchBundle: (lang: string) => `/pagefind/${lang}/`,
  sitemap: () => "/sitemap.xml",
} as const;

/** A site path under the site's path prefix ("/es/x/" with "/blog/" → "/blog/es/x/"): what a link or a host rule must say. */
export const withPrefix = (prefix: string, path: string) => prefix.replace(/\/$/, "") + path;

/** The paths under /{lang}/ that the site itself uses: each route's first segment there, its extension dropped ("feed.xml" → "feed"). */
export const RESERVED_SLUGS: readonly string[] = (() => {
  const lang = "xx";
  const underLanguage = [routes.home(lang, 2), routes.author(lang, "id"), routes.search(lang), routes.coverage(lang), routes.atomFeed(lang), routes.jsonFeed(lang), routes.notFound(lang)];
  return [...new Set(underLanguage.map((path) => (path.split("/")[2] ?? "").replace(/\..*$/, "")))].sort();
})();
