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
import { inFlight } from "../in-flight.ts";
import { entry } from "../maps.ts";
import { byCodePoint } from "../order.ts";
import { contentDigest, filesUnder } from "../files.ts";
import { routes } from "../routes.ts";
import type { SiteFiles } from "../write/site-files.ts";
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

/**
 * Pages sent ahead of the replies: enough that the service never waits for the next page, few
 * enough that what waits in its pipe (each page's HTML as JSON, then base64) stays small. All of
 * a language's pages at once held hundreds of megabytes.
 */
const IN_FLIGHT = 16;

export class IndexError extends Error {}

function check(step: string, errors: readonly string[]): void {
  if (errors.length) throw new IndexError(`Pagefind ${step} failed: ${errors.join("; ")}`);
}

/** A rendered page, as Eleventy gives it. */
export interface RenderedPage {
  url: string | false;
  content: string;
  /** Its HTML's digest, when worked out already. */
  digest?: string;
}

export interface SearchablePage {
  lang: string;
  url: string;
  /** A digest of its HTML: what the bundle cache tells pages apart by. */
  digest: string;
  /** Its HTML, read only if its language is indexed (a page kept from an earlier build is on disk). */
  html: () => string;
}

const HTML_LANG = /<html\b[^>]*?\slang="([^"]+)"/;

/**
 * The language a page is indexed in, if it declares itself for search as Pagefind's own convention
 * has it — an element marked `data-pagefind-body` — so a new template joins the search by marking
 * its content: its `<html lang>`. A marked page without a language is an error.
 */
export function searchLanguage(url: string, content: string): string | undefined {
  if (!content.includes("data-pagefind-body")) return undefined;
  const lang = HTML_LANG.exec(content)?.[1];
  if (!lang) throw new IndexError(`${url} is marked for search (data-pagefind-body) but its <html> element has no lang`);
  return lang;
}

/**
 * The pages for search among those rendered, with `kept` (pages of earlier builds, already
 * known to be for search), in URL order: a kept page joins its bundle where a clean build puts it.
 */
export function searchablePages(rendered: readonly RenderedPage[], kept: readonly SearchablePage[] = []): SearchablePage[] {
  const out: SearchablePage[] = [...kept];
  for (const { url, content, digest } of rendered) {
    const lang = url ? searchLanguage(url, content) : undefined;
    if (url && lang) out.push({ lang, url, digest: digest ?? contentDigest(content), html: () => content });
  }
  return out.sort((a, b) => byCodePoint(a.url, b.url));
}

/**
 * @param files the site being made: each bundle goes in at its language's path
 * @param pages every page for search: its language, its URL path (as the site links it, no prefix) and its HTML
 * @param cache bundles of earlier builds: a language whose pages are all as they were is copied from there
 */
export async function buildSearchIndex(files: SiteFiles, pages: readonly SearchablePage[], cache?: BundleCache): Promise<IndexedLanguage[]> {
  // Each language's pages, in the order given (URL order).
  const byLanguage = new Map<string, SearchablePage[]>();
  for (const page of pages) entry(byLanguage, page.lang, () => []).push(page);
  /** A language's pages, where its bundle goes in the site, and the bundle cache's key for them. */
  const bundles = [...byLanguage].map(([lang, mine]) => ({ lang, mine, bundle: routes.searchBundle(lang).slice(1), key: cache?.key(lang, mine) }));
  type Bundle = (typeof bundles)[number];
  /** Whether a language's pages are all as an earlier build indexed them: its bundle is then in place where the site already has it, else copied back from the cache. */
  const reused = ({ bundle, key }: Bundle): boolean => {
    const kept = key ? cache?.files(key) : undefined;
    if (!key || !kept || !(files.has(bundle, kept, key) || cache?.restore(key, files.at(bundle)))) return false;
    files.record(bundle, kept, key);
    return true;
  };
  const indexLanguage = async (pagefind: Pagefind, { lang, mine, bundle, key }: Bundle): Promise<IndexedLanguage> => {
    const { index, errors } = await pagefind.createIndex({ forceLanguage: pagefindLanguage(lang) });
    check(`createIndex(${lang})`, errors);
    if (!index) throw new IndexError(`Pagefind createIndex(${lang}) returned no index`);
    // The service takes its messages in the order sent, so the bundle is the same as if sent one by one.
    const added = await inFlight(mine, IN_FLIGHT, (page) => index.addHTMLFile({ url: page.url, content: page.html() }));
    added.forEach((a, i) => check(`addHTMLFile(${mine[i]?.url ?? ""})`, a.errors));
    const written = await index.writeFiles({ outputPath: files.at(bundle) });
    check(`writeFiles(${lang})`, written.errors);
    for (const file of UNUSED_UI_FILES) rmSync(join(files.at(bundle), file), { force: true });
    await index.deleteIndex(); // written: the service can let go of it
    if (key) cache?.store(key, files.at(bundle));
    // Without a cache there is no key: a token of this run, so the next build writes the bundle again.
    files.record(bundle, filesUnder(files.at(bundle)), key ?? `indexed in run ${process.pid}`);
    return { lang, pages: mine.length, reused: false };
  };
  const results: IndexedLanguage[] = [];
  const queue: Bundle[] = [];
  for (const b of bundles) {
    if (reused(b)) results.push({ lang: b.lang, pages: b.mine.length, reused: true });
    else queue.push(b);
  }
  // Largest first: the services finish close together instead of one indexing the last big language alone.
  queue.sort((a, b) => b.mine.length - a.mine.length || byCodePoint(a.lang, b.lang));
  // A service for each language to index, up to one per core: after an edit, one language is indexed again, and a second service would only start.
  const services = await pagefindServices(Math.min(availableParallelism(), queue.length));
  try {
    const worker = async (pagefind: Pagefind) => {
      for (let next = queue.shift(); next !== undefined; next = queue.shift()) results.push(await indexLanguage(pagefind, next));
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
  return Promise.all(Array.from({ length: count }, (_, i) => import(`${api}?service=${i}`) as Promise<Pagefind>));
}
