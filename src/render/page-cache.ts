/**
 * Article pages kept between builds, by a hash of everything their HTML is made from: the
 * article's own view; the chrome every page shares (site settings, languages, feeds' links,
 * search and coverage pages, the site's copyright, UI strings, asset names); and the templates,
 * `_data`, code and locked dependencies. An article whose inputs are all as they were is not
 * handed to Eleventy again: its page, and what it declared for the sitemap, come from here.
 */
import { createHash } from "node:crypto";
import { relative } from "node:path";
import { siteAssets } from "../eleventy/site-plugin.ts";
import { treeDigest } from "../files.ts";
import { KeyedStore } from "../keyed-store.ts";
import type { RenderedPage } from "../index/pagefind.ts";
import type { SiteModel } from "../pipeline.ts";
import { PROJECT_ROOT } from "../settings.ts";
import type { Article } from "./site-pages.ts";
import type { DeclaredPage } from "./sitemap.ts";

/** What rendering reads besides the model: templates, data, configuration, code and dependencies. */
const RENDER_INPUTS = ["src", "pages", "_includes", "_data", ".eleventy.ts", "package-lock.json"];

/** A page as a build wrote it: where under the output, its HTML, and its entry in Eleventy's collections. */
export interface KeptPage {
  url: string;
  /** Relative to the output folder. */
  path: string;
  content: string;
  declared?: DeclaredPage;
}

export interface RenderPlan {
  /** Articles to render: no earlier build left their page. */
  render: Article[];
  kept: KeptPage[];
  /** Each article's key, by URL, to keep what Eleventy renders. */
  keys: Map<string, string>;
}

/** A rendered page as Eleventy's toJSON() gives it: what search reads, and where it is written. */
export type RenderedOutput = RenderedPage & { outputPath: string | false };

/** The plan of a build that keeps no pages: every article is rendered. */
export function renderEverything(model: SiteModel): RenderPlan {
  return { render: model.articles, kept: [], keys: new Map() };
}

/** A hash of what rendering reads under `root` besides the model. */
export function renderVersion(root = PROJECT_ROOT): string {
  return treeDigest(root, RENDER_INPUTS);
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

export class PageCache {
  private readonly store: KeyedStore<KeptPage>;
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

  /** Which articles Eleventy must render, and the pages of the others. */
  plan(model: SiteModel): RenderPlan {
    const shared = createHash("sha256")
      .update(this.version)
      .update(JSON.stringify(chrome(model)))
      .digest("hex");
    const plan: RenderPlan = { render: [], kept: [], keys: new Map() };
    for (const article of model.articles) {
      const key = createHash("sha256").update(shared).update(JSON.stringify(article)).digest("hex");
      const kept = this.store.get(key);
      if (kept?.url === article.url) plan.kept.push(kept);
      else {
        plan.render.push(article);
        plan.keys.set(article.url, key);
      }
    }
    return plan;
  }

  /** Keeps the pages of the plan's articles, as Eleventy rendered them into `output`. */
  keep(plan: RenderPlan, rendered: readonly RenderedOutput[], declared: ReadonlyMap<string, DeclaredPage>, output: string): void {
    for (const page of rendered) {
      if (!page.url || !page.outputPath) continue;
      const key = plan.keys.get(page.url);
      if (!key) continue;
      const declaration = declared.get(page.url);
      this.store.set(key, { url: page.url, path: relative(output, page.outputPath), content: page.content, ...(declaration ? { declared: declaration } : {}) });
    }
  }

  prune(): void {
    this.store.prune();
  }
}
