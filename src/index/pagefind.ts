/**
 * The search index, built inside the build with Pagefind's Node API: one bundle per language, at
 * /pagefind/{lang}/, so each language is stemmed as itself and the search page can load every
 * language's module separately. Bundles are indexed concurrently, each core with a Pagefind service
 * of its own; every returned error is checked; the services are closed in `finally`, whatever
 * happened.
 */
import { availableParallelism } from "node:os";
import { rmSync } from "node:fs";
import { join } from "node:path";
import type * as PagefindApi from "pagefind";
import { byCodePoint } from "../order.ts";
import { routes } from "../routes.ts";
import type { BundleCache } from "./bundle-cache.ts";

export interface IndexedLanguage {
  lang: string;
  pages: number;
  /** Copied from the bundle cache: none of its pages had changed. */
  reused: boolean;
}

/**
 * What Pagefind writes for its own ready-made interfaces, which this site does not load: the search
 * page runs its own (`_includes/js/search.js`) on `pagefind.js`. About 430 kB in every bundle.
 */
export const UNUSED_UI_FILES = [
  "pagefind-ui.js",
  "pagefind-ui.css",
  "pagefind-modular-ui.js",
  "pagefind-modular-ui.css",
  "pagefind-component-ui.js",
  "pagefind-component-ui.css",
  "pagefind-highlight.js",
];

/** Pagefind takes ISO 639-1 with an optional region, lower case ("pt-br"). */
const pagefindLanguage = (lang: string) => lang.toLowerCase();

export class IndexError extends Error {}

function check(step: string, errors: readonly string[]): void {
  if (errors.length) throw new IndexError(`Pagefind ${step} failed: ${errors.join("; ")}`);
}

/** A rendered page, as Eleventy gives it. */
export interface RenderedPage {
  url: string | false;
  content: string;
}

export interface SearchablePage {
  lang: string;
  url: string;
  content: string;
}

const HTML_LANG = /<html\b[^>]*?\slang="([^"]+)"/;

/**
 * The pages that declare themselves for search, as Pagefind's own convention has it: an element
 * marked `data-pagefind-body`. Each is indexed in its page's language (`<html lang>`), so a new
 * template joins the search by marking its content; one without a language is an error.
 */
export function searchablePages(rendered: readonly RenderedPage[]): SearchablePage[] {
  const out: SearchablePage[] = [];
  for (const { url, content } of rendered) {
    if (!url || !content.includes("data-pagefind-body")) continue;
    const lang = HTML_LANG.exec(content)?.[1];
    if (!lang) throw new IndexError(`${url} is marked for search (data-pagefind-body) but its <html> element has no lang`);
    out.push({ lang, url, content });
  }
  // In URL order: a page kept from an earlier build joins its bundle where a clean build puts it.
  return out.sort((a, b) => byCodePoint(a.url, b.url));
}

/**
 * @param outputDir the built site
 * @param pages every page for search: its language, its URL path (as the site links it, no prefix) and its HTML
 * @param cache bundles of earlier builds: a language whose pages are all as they were is copied from there
 */
export async function buildSearchIndex(outputDir: string, pages: readonly SearchablePage[], cache?: BundleCache): Promise<IndexedLanguage[]> {
  const langs = [...new Set(pages.map((p) => p.lang))].sort();
  const indexLanguage = async (pagefind: Pagefind, lang: string): Promise<IndexedLanguage> => {
    const mine = pages.filter((p) => p.lang === lang);
    const bundle = join(outputDir, routes.searchBundle(lang));
    const key = cache?.key(lang, mine);
    if (key && cache?.restore(key, bundle)) return { lang, pages: mine.length, reused: true };
    const { index, errors } = await pagefind.createIndex({ forceLanguage: pagefindLanguage(lang) });
    check(`createIndex(${lang})`, errors);
    if (!index) throw new IndexError(`Pagefind createIndex(${lang}) returned no index`);
    // Sent without waiting for each reply: the service takes its messages in the order sent, so
    // the bundle is the same, and it never waits for the next page.
    const added = await Promise.all(mine.map((page) => index.addHTMLFile({ url: page.url, content: page.content })));
    added.forEach((a, i) => check(`addHTMLFile(${mine[i]?.url ?? ""})`, a.errors));
    const written = await index.writeFiles({ outputPath: bundle });
    check(`writeFiles(${lang})`, written.errors);
    for (const file of UNUSED_UI_FILES) rmSync(join(bundle, file), { force: true });
    await index.deleteIndex(); // written: the service can let go of it
    if (key) cache?.store(key, bundle);
    return { lang, pages: mine.length, reused: false };
  };
  const services = await pagefindServices(Math.min(availableParallelism(), langs.length));
  try {
    const results: IndexedLanguage[] = [];
    const queue = [...langs];
    const worker = async (pagefind: Pagefind) => {
      for (let lang = queue.shift(); lang !== undefined; lang = queue.shift()) results.push(await indexLanguage(pagefind, lang));
    };
    await Promise.all(services.map(worker));
    return results.sort((a, b) => byCodePoint(a.lang, b.lang));
  } finally {
    await Promise.all(services.map((s) => s.close()));
  }
}

type Pagefind = typeof PagefindApi;

/**
 * `count` handles on Pagefind's API, each with a service process of its own. A service handles
 * its messages one at a time, on one core, so one service would index one language at a time
 * however many were sent; each import of the API's module under its own URL is a module of its
 * own, with its own service.
 */
async function pagefindServices(count: number): Promise<Pagefind[]> {
  const api = import.meta.resolve("pagefind");
  return Promise.all(Array.from({ length: Math.max(count, 1) }, (_, i) => import(`${api}?service=${i}`) as Promise<Pagefind>));
}
