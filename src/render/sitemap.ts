/**
 * The sitemap takes every rendered page that declares itself for it (`sitemap: true` in a
 * template's data, beside a `view` that is a PageView), so a new template joins by itself.
 */
import { byCodePoint } from "../order.ts";
import type { HreflangLink, PageView } from "./site-pages.ts";

export interface SitemapEntry {
  loc: string;
  lastmod?: string;
  alternates: HreflangLink[];
}

/** What the sitemap needs of a rendered page: Eleventy's collection item, narrowed. */
export interface DeclaredPage {
  inputPath: string;
  data: { sitemap?: unknown; view?: Partial<Pick<PageView, "canonical" | "hreflang" | "lastmod">> };
}

/** Thrown for a template that asks for the sitemap without saying what to list. */
export class SitemapDeclarationError extends Error {}

/** One entry per declaring page, in URL order (which no template's file date or name can change). */
export function sitemapEntries(pages: readonly DeclaredPage[]): SitemapEntry[] {
  const entries: SitemapEntry[] = [];
  for (const { inputPath, data } of pages) {
    if (data.sitemap !== true) continue;
    const { canonical, hreflang, lastmod } = data.view ?? {};
    if (!canonical || !hreflang) throw new SitemapDeclarationError(`${inputPath}: declares sitemap: true but its view has no canonical URL and hreflang links`);
    entries.push({ loc: canonical, ...(lastmod ? { lastmod } : {}), alternates: hreflang });
  }
  return entries.sort((a, b) => byCodePoint(a.loc, b.loc));
}
