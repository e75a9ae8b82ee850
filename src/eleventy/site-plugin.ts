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
import { translationsFor, type TranslationTable } from "../render/i18n.ts";
import { serializeJsonLd, type JsonLd } from "../render/structured-data.ts";
import { formatDate, formatMinutes, languageName } from "../render/languages.ts";
import { loadSettings, PROJECT_ROOT } from "../settings.ts";

const STYLESHEET = join(PROJECT_ROOT, "_includes/css/site.css");
const SEARCH_SCRIPT = join(PROJECT_ROOT, "_includes/js/search.js");

let model: SiteModel | undefined;
/** The model of the current build; the CLI builds it first so input errors are reported before Eleventy runs. */
export function siteModel(): SiteModel {
  return (model ??= buildSiteModel(loadSettings()));
}
export function setSiteModel(next: SiteModel): void {
  model = next;
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
  return [
    fingerprinted(STYLESHEET, "site", "css"),
    fingerprinted(SEARCH_SCRIPT, "search", "js"),
    { file: join(PROJECT_ROOT, "_includes/favicon.svg"), url: "/favicon.svg" },
  ];
}

export default function sitePlugin(eleventyConfig: UserConfig): void {
  const current = siteModel();
  const translations = translationsFor(current.dictionaries, current.uiLocales);

  eleventyConfig.addGlobalData("blog", () => siteModel());
  eleventyConfig.addWatchTarget(current.settings.contentPath);
  eleventyConfig.on("eleventy.beforeWatch", () => {
    // A document changed while serving: rebuild the model, and the strings for any new language.
    model = buildSiteModel(loadSettings());
    Object.assign(translations, translationsFor(model.dictionaries, model.uiLocales));
  });

  eleventyConfig.addPlugin(rssPlugin); // feed filters: absolute URLs inside feed content
  eleventyConfig.addPlugin(i18nPlugin, { translations, fallbackLocales: { "*": current.settings.defaultLanguage } });
  eleventyConfig.addFilter("dateIn", (iso: string, lang: string): string => formatDate(iso, lang));
  eleventyConfig.addFilter("minutesIn", (minutes: number, lang: string): string => formatMinutes(minutes, lang));
  eleventyConfig.addFilter("languageName", (lang: string, inLanguage?: string): string => languageName(lang, inLanguage));
  eleventyConfig.addFilter("copyrightIn", (c: Pick<Copyright, "holder" | "firstYear" | "lastYear">, lang: string): string => formatCopyright(c, lang));
  // JSON for a script element, escaped so document text can never close it (templates mark it safe).
  eleventyConfig.addFilter("jsonLd", (data: JsonLd): string => serializeJsonLd(data));
  // A UI string as written, placeholders kept: for scripts that fill them in themselves.
  eleventyConfig.addFilter("uiString", (key: string, lang: string): string => {
    let node: TranslationTable | string | undefined = translations;
    for (const segment of key.split(".")) node = typeof node === "object" ? node[segment] : undefined;
    const text = typeof node === "object" ? node[lang] : undefined;
    if (typeof text !== "string") throw new Error(`no UI string "${key}" for "${lang}"`);
    return text;
  });
  eleventyConfig.addFilter("forLanguage", <T extends { lang: string }>(items: readonly T[], lang: string): T | undefined => items.find((i) => i.lang === lang));
  eleventyConfig.addFilter("json", (data: unknown): string => JSON.stringify(data, null, 2));

  const assets = siteAssets();
  for (const asset of assets) {
    eleventyConfig.addPassthroughCopy({ [asset.file]: asset.url.slice(1) });
    eleventyConfig.addWatchTarget(asset.file);
  }
  const url = (file: string) => assets.find((a) => a.file === file)!.url;
  eleventyConfig.addGlobalData("assets", { css: url(STYLESHEET), searchJs: url(SEARCH_SCRIPT) });
}
