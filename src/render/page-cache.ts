/**
 * Article pages kept between builds, by a hash of everything their HTML is made from: the
 * article's own view; the chrome every page shares (site settings, languages, feeds' links,
 * search and coverage pages, the site's copyright, UI strings, asset names); and the templates,
 * `_data`, code and locked dependencies. An article whose inputs are all as they were is not
 * handed to Eleventy again: its page, and what it declared for the sitemap, come from here. Its
 * HTML is a file of its own, placed in the site as a hard link and read only if its language's
 * search bundle is made again.
 */
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { relative } from "node:path";
import { siteAssets } from "../eleventy/site-plugin.ts";
import { RUNTIME, treeDigest } from "../files.ts";
import { KeyedStore } from "../keyed-store.ts";
import { searchLanguage, type RenderedPage, type SearchablePage } from "../index/pagefind.ts";
import type { PagedViews, SiteModel } from "../pipeline.ts";
import { PROJECT_ROOT } from "../settings.ts";
import type { CoverageRow } from "./site-pages.ts";
import type { DeclaredPage } from "./sitemap.ts";

/** What rendering reads besides the model: templates, data, configuration, code and dependencies. */
const RENDER_INPUTS = ["src", "pages", "_includes", "_data", ".eleventy.ts", "package-lock.json"];

/** A page as a build wrote it: where under the output, its entry in Eleventy's collections, and how search indexes it. */
interface KeptEntry {
  url: string;
  /** Relative to the output folder. */
  path: string;
  declared?: DeclaredPage;
  /** Its HTML's digest. */
  digest: string;
  /** For a page marked for search: the language it is indexed in. */
  search?: string;
}

/** A kept page, and the file its HTML is in. */
export interface KeptPage extends KeptEntry {
  file: string;
}

/**
 * The model's lists of pages (one page per view) whose pages are kept: each shows its view and
 * the chrome, nothing else. (A page that reads more of the model must not be listed here.)
 */
type KeptKind = keyof PagedViews;

export interface RenderPlan {
  /** The views to render, of each kind kept: no earlier build left their page. */
  render: PagedViews;
  kept: KeptPage[];
  /** Each view's key, by URL, to keep what Eleventy renders. */
  keys: Map<string, string>;
}

/** A rendered page as Eleventy's toJSON() gives it: what search reads, and where it is written. */
export type RenderedOutput = RenderedPage & { outputPath: string | false; digest: string };

/** The plan of a build that keeps no pages: every page is rendered. */
export function renderEverything(model: SiteModel): RenderPlan {
  return { render: model.toRender, kept: [], keys: new Map() };
}

/** A hash of what rendering reads under `root` besides the model, and of the runtime it renders on (Intl's dates and numbers). */
export function renderVersion(root = PROJECT_ROOT, runtime = RUNTIME): string {
  return treeDigest(root, RENDER_INPUTS, runtime);
}

/** What the layout shows on every page, beside the page's own view: a change here renders every article again. */
function chrome(model: SiteModel): unknown {
  return {
    settings: model.settings,
    // Not their article counts, which no layout shows: adding or deleting an article leaves the others' pages as they were.
    languages: model.languages.map(({ lang, dir, name, url }) => ({ lang, dir, name, url })),
    siteCopyright: model.siteCopyright,
    feeds: model.feeds.map(({ lang, title, atomPath, jsonPath }) => ({ lang, title, atomPath, jsonPath })),
    searchPages: model.searchPages.map(({ lang, url }) => ({ lang, url })),
    // Only the first of each language's coverage pages, the one the footer links: a row more that adds a page renders no article again.
    coveragePages: model.coveragePages.flatMap(({ lang, url, pageNumber }) => (pageNumber === 1 ? [{ lang, url }] : [])),
    uiLocales: model.uiLocales,
    dictionaries: [...model.dictionaries],
    assets: siteAssets().map((a) => a.url),
  };
}

/**
 * What a page's key reads of its view, as text: all of it but an article's body (its view has no
 * paragraphs' plain text to leave out: site-pages.ts does not give it any). The body is made from the
 * document's bytes alone, by the code the key's version holds, and the view carries those bytes'
 * hash (contentHash): hashing the body's HTML again was half of what every build hashed. A
 * coverage row's cells, shared by that row's pages in every language, are read once, as a digest:
 * their text was most of what the plan hashed.
 */
const shown: { [K in KeptKind]: (view: PagedViews[K][number]) => string } = {
  articles: (view) => JSON.stringify({ ...view, body: undefined }),
  homePages: (view) => JSON.stringify(view),
  coveragePages: (view) => JSON.stringify({ ...view, rows: view.rows.map((row) => ({ ...row, cells: cellsDigest(row.cells) })) }),
  authorPages: (view) => JSON.stringify(view),
};

const cellDigests = new WeakMap<CoverageRow["cells"], string>();

function cellsDigest(cells: CoverageRow["cells"]): string {
  let digest = cellDigests.get(cells);
  if (digest === undefined) cellDigests.set(cells, (digest = createHash("sha256").update(JSON.stringify(cells)).digest("base64")));
  return digest;
}

export class PageCache {
  private readonly store: KeyedStore<KeptEntry>;
  /**
   * @param dir where the pages live, one file each
   * @param version what rendering reads besides the model: a page kept under another is rendered again
   */
  constructor(
    dir: string,
    private readonly version = renderVersion(),
  ) {
    this.store = new KeyedStore(dir);
  }

  get hits(): number {
    return this.store.hits;
  }

  /** Which pages Eleventy must render (articles, language homes, coverage and author pages), and the pages of the others. */
  plan(model: SiteModel): RenderPlan {
    const shared = createHash("sha256")
      .update(this.version)
      .update(JSON.stringify(chrome(model)))
      .digest("hex");
    const kept: KeptPage[] = [];
    const keys = new Map<string, string>();
    const toRender = <K extends KeptKind>(kind: K, views: readonly PagedViews[K][number][]): PagedViews[K][number][] => {
      const out: PagedViews[K][number][] = [];
      for (const view of views) {
        const key = createHash("sha256").update(`${shared}\0${kind}\0`).update(shown[kind](view), "utf16le").digest("hex");
        const entry = this.store.get(key);
        const file = entry?.url === view.url ? this.store.body(key) : undefined;
        if (entry && file) kept.push({ ...entry, file });
        else {
          out.push(view);
          keys.set(view.url, key);
        }
      }
      return out;
    };
    const render = {
      articles: toRender("articles", model.articles),
      homePages: toRender("homePages", model.homePages),
      coveragePages: toRender("coveragePages", model.coveragePages),
      authorPages: toRender("authorPages", model.authorPages),
    };
    return { render, kept, keys };
  }

  /**
   * Keeps the pages of the plan's articles, as Eleventy rendered them into `output`: a page the
   * build wrote there (`written`) is linked, not written again. Returns the file each kept page's
   * HTML is now in, by URL.
   */
  keep(plan: RenderPlan, rendered: readonly RenderedOutput[], declared: ReadonlyMap<string, DeclaredPage>, output: string, written: ReadonlySet<string> = new Set()): Map<string, string> {
    const files = new Map<string, string>();
    for (const page of rendered) {
      if (!page.url || !page.outputPath) continue;
      const key = plan.keys.get(page.url);
      if (!key) continue;
      const declaration = declared.get(page.url);
      const search = searchLanguage(page.url, page.content);
      const entry: KeptEntry = { url: page.url, path: relative(output, page.outputPath), digest: page.digest, ...(declaration ? { declared: declaration } : {}), ...(search ? { search } : {}) };
      const stored = written.has(page.outputPath) ? this.store.setLinked(key, entry, page.outputPath) : this.store.set(key, entry, page.content);
      const file = stored ? this.store.body(key) : undefined;
      if (file) files.set(page.url, file);
    }
    return files;
  }

  prune(): void {
    this.store.prune();
  }
}

/** The kept pages for search, their HTML read from the cache only when asked for. */
export function keptForSearch(kept: readonly KeptPage[]): SearchablePage[] {
  return kept.flatMap(({ url, file, digest, search }) => (search ? [{ url, lang: search, digest, html: htmlIn(file) }] : []));
}

/** A page's HTML, read from `file` when asked for. */
const htmlIn = (file: string) => (): string => readFileSync(file, "utf8");

/**
 * Pages for search whose HTML the cache now holds (`files`, by URL) read it from there when their
 * language is indexed, instead of from memory: a 10,000-page site's HTML is most of the build's
 * memory, and the last languages wait for the first.
 */
export function readFromCache(pages: readonly SearchablePage[], files: ReadonlyMap<string, string>): void {
  for (const page of pages) {
    const file = files.get(page.url);
    if (file) page.html = htmlIn(file);
  }
}
