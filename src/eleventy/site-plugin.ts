/**
 * Eleventy's side of the pipeline: the site model as global data `blog`, UI strings through
 * eleventy-plugin-i18n, typed filters, and the fingerprinted stylesheet. Templates only present.
 */
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import type UserConfig from "@11ty/eleventy/UserConfig";
import rssPlugin from "@11ty/eleventy-plugin-rss";
import i18nPlugin from "eleventy-plugin-i18n";
import { buildSiteModel, type SiteModel } from "../pipeline.ts";
import { formatCopyright, type Copyright } from "../attribution/copyright.ts";
import { translationsFor } from "../render/i18n.ts";
import { sitemapEntries, type DeclaredPage } from "../render/sitemap.ts";
import { serializeJsonLd, type JsonLd } from "../render/structured-data.ts";
import { formatDate, formatMinutes, languageName } from "../render/languages.ts";
import { coverageCells } from "../render/coverage-cells.ts";
import type { CoverageRow } from "../render/site-pages.ts";
import { loadSettings, PROJECT_ROOT } from "../settings.ts";

const STYLESHEET = join(PROJECT_ROOT, "_includes/css/site.css");
const SEARCH_SCRIPT = join(PROJECT_ROOT, "_includes/js/search.js");

/** Global data beside `blog`, for the plugin only. */
const HAND_OFF = "blogHandOff";

/** What a build hands Eleventy beside its model, when some pages come from an earlier build. */
export interface HandOff {
  /** Pages an earlier build rendered (not in the model's articles): their sitemap declarations. */
  kept?: readonly DeclaredPage[];
  /** Told what each page in Eleventy's collections declared, by URL, as the sitemap read it. */
  seen?: (declared: ReadonlyMap<string, DeclaredPage>) => void;
}

/**
 * How a build hands Eleventy its model: as the global data `blog`, set by Eleventy's programmatic
 * `config` callback, which runs before the configuration file. Run on its own (the CLI, `npm start`),
 * the plugin builds the model itself.
 */
export function handModel(model: SiteModel, handOff: HandOff = {}): (eleventyConfig: UserConfig) => void {
  return (eleventyConfig) => {
    eleventyConfig.addGlobalData("blog", () => model);
    eleventyConfig.addGlobalData(HAND_OFF, () => handOff);
  };
}

function handed(eleventyConfig: UserConfig): { model: SiteModel; handOff: HandOff } | undefined {
  const data = eleventyConfig.globalData as Record<string, unknown>;
  const blog = data["blog"];
  const handOff = data[HAND_OFF];
  if (typeof blog !== "function") return undefined;
  return { model: (blog as () => SiteModel)(), handOff: typeof handOff === "function" ? (handOff as () => HandOff)() : {} };
}

/** A collection item narrowed to what the sitemap reads, so it can be kept with the page. */
function declaration(item: DeclaredPage & { url?: string | false }): DeclaredPage {
  const view = item.data.view;
  return {
    inputPath: item.inputPath,
    data: { sitemap: item.data.sitemap, ...(view ? { view: { canonical: view.canonical, hreflang: view.hreflang, lastmod: view.lastmod } } : {}) },
  };
}

export interface SiteAsset {
  file: string;
  /** Site path. */
  url: string;
}

/**
 * Files copied as they are. Stylesheet and script names carry a hash of their content, so hosts
 * can cache them for good. Eleventy copies them when serving; the build copies them itself.
 */
export function siteAssets(): SiteAsset[] {
  const fingerprinted = (file: string, name: string, ext: string) => ({
    file,
    url: `/assets/${name}.${createHash("sha256").update(readFileSync(file)).digest("hex").slice(0, 10)}.${ext}`,
  });
  return [fingerprinted(STYLESHEET, "site", "css"), fingerprinted(SEARCH_SCRIPT, "search", "js"), { file: join(PROJECT_ROOT, "_includes/favicon.svg"), url: "/favicon.svg" }];
}

/** A failure while rendering one page: carries the page's URL, so the build can name its document. */
export class RenderError extends Error {
  constructor(
    readonly url: string,
    message: string,
  ) {
    super(message);
  }
}

/** Eleventy wraps a template's error in its own, once or more: the RenderError inside, if any. */
export function renderFailure(error: unknown): RenderError | undefined {
  for (let e: unknown = error, depth = 0; e && depth < 10; depth++) {
    if (e instanceof RenderError) return e;
    const wrapped = e as { originalError?: unknown; cause?: unknown };
    e = wrapped.originalError ?? wrapped.cause;
  }
  return undefined;
}

/** A filter that, when it throws, says on which page: Eleventy calls filters with the page in `this`. */
export function pageFilter<A extends unknown[], R>(filter: (...args: A) => R): (this: { page?: { url?: string | false } } | undefined, ...args: A) => R {
  return function (this: { page?: { url?: string | false } } | undefined, ...args: A): R {
    try {
      return filter(...args);
    } catch (error) {
      throw new RenderError(this?.page?.url || "", error instanceof Error ? error.message : String(error));
    }
  };
}

export default function sitePlugin(eleventyConfig: UserConfig): void {
  const given = handed(eleventyConfig);
  const state = { model: given?.model ?? buildSiteModel(loadSettings()) };
  const handOff = given?.handOff ?? {};
  const current = state.model;
  const translations = translationsFor(current.dictionaries, current.uiLocales);

  if (!given) {
    eleventyConfig.addGlobalData("blog", () => state.model);
    eleventyConfig.addWatchTarget(current.settings.contentPath);
    eleventyConfig.on("eleventy.beforeWatch", () => {
      // A document changed while serving: rebuild the model, and the strings for any new language.
      state.model = buildSiteModel(loadSettings());
      Object.assign(translations, translationsFor(state.model.dictionaries, state.model.uiLocales));
    });
  }

  eleventyConfig.addPlugin(rssPlugin); // feed filters: absolute URLs inside feed content
  eleventyConfig.addPlugin(i18nPlugin, { translations, fallbackLocales: { "*": current.settings.defaultLanguage } });
  eleventyConfig.addFilter(
    "dateIn",
    pageFilter((iso: string, lang: string): string => formatDate(iso, lang)),
  );
  eleventyConfig.addFilter(
    "minutesIn",
    pageFilter((minutes: number, lang: string): string => formatMinutes(minutes, lang)),
  );
  eleventyConfig.addFilter(
    "languageName",
    pageFilter((lang: string, inLanguage?: string): string => languageName(lang, inLanguage)),
  );
  eleventyConfig.addFilter(
    "copyrightIn",
    pageFilter((c: Pick<Copyright, "holder" | "firstYear" | "lastYear">, lang: string): string => formatCopyright(c, lang)),
  );
  // JSON for a script element, escaped so document text can never close it (templates mark it safe).
  eleventyConfig.addFilter(
    "jsonLd",
    pageFilter((data: JsonLd): string => serializeJsonLd(data)),
  );
  // A UI string as written, placeholders kept: for scripts that fill them in themselves.
  eleventyConfig.addFilter(
    "uiString",
    pageFilter((key: string, lang: string): string => state.model.t(key, lang)),
  );
  eleventyConfig.addFilter(
    "forLanguage",
    pageFilter(<T extends { lang: string }>(items: readonly T[], lang: string): T | undefined => items.find((i) => i.lang === lang)),
  );
  eleventyConfig.addFilter(
    "coverageCells",
    pageFilter((cells: CoverageRow["cells"], missing: string): string => coverageCells(cells, missing)),
  );
  eleventyConfig.addFilter(
    "json",
    pageFilter((data: unknown): string => JSON.stringify(data, null, 2)),
  );

  // Every rendered page that declares `sitemap: true`, whatever template it comes from.
  eleventyConfig.addCollection("sitemap", (api: { getAll(): unknown[] }) => {
    const items = api.getAll() as (DeclaredPage & { url?: string | false })[];
    handOff.seen?.(new Map(items.flatMap((item) => (item.url ? [[item.url, declaration(item)] as const] : []))));
    return sitemapEntries([...items, ...(handOff.kept ?? [])]);
  });

  const assets = siteAssets();
  for (const asset of assets) {
    eleventyConfig.addPassthroughCopy({ [asset.file]: asset.url.slice(1) });
    eleventyConfig.addWatchTarget(asset.file);
  }
  const url = (file: string) => {
    const asset = assets.find((a) => a.file === file);
    if (!asset) throw new Error(`${file} is not among the site's assets`);
    return asset.url;
  };
  eleventyConfig.addGlobalData("assets", { css: url(STYLESHEET), searchJs: url(SEARCH_SCRIPT) });
}
