/**
 * Checks Google's hreflang rules over a whole built site and reports each break with its page:
 * every page in a language set lists itself, every code is valid, every link is absolute and
 * reaches a built page whose `<html lang>` is that code, the set is the same on every member
 * (return links), x-default points at the root chooser, canonical URLs point at the page itself,
 * and the sitemap carries the same alternates as the pages.
 */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join, relative, sep } from "node:path";
import { XMLParser } from "fast-xml-parser";
import { parse } from "node-html-parser";
import { toBcp47 } from "../detect/codes.ts";

export interface HreflangProblem {
  page: string;
  rule: "self" | "lang" | "code" | "unique" | "absolute" | "target" | "return" | "x-default" | "canonical" | "sitemap" | "typed";
  message: string;
}

interface PageInfo {
  url: string;
  lang: string | undefined;
  canonical: string | undefined;
  links: { hreflang: string; href: string }[];
  /** `<link rel=alternate hreflang>` of another type than a page (a feed): crawlers still read them as page versions. */
  typed: { hreflang: string; type: string }[];
}

function htmlFiles(dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string) => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      const p = join(d, e.name);
      if (e.isDirectory()) walk(p);
      else if (e.name.endsWith(".html")) out.push(p);
    }
  };
  walk(dir);
  return out.sort();
}

/** The public URL of a built file, percent-encoded as pages write it: `ja/パン/index.html` → `{base}/ja/%E3%83%91%E3%83%B3/`. */
function urlOfFile(siteDir: string, file: string, base: string): string {
  const path = relative(siteDir, file).split(sep).join("/");
  return `${base}/${encodeURI(path.replace(/(^|\/)index\.html$/, "$1"))}`;
}

const setKey = (links: PageInfo["links"]) =>
  links
    .map((l) => `${l.hreflang} ${l.href}`)
    .sort()
    .join("\n");

/**
 * @param siteDir the built output folder
 * @param base the site's public address with any path prefix, no trailing slash ("https://example.org/blog")
 */
const isTyped = (l: { getAttribute(name: string): string | undefined }) => {
  const type = l.getAttribute("type");
  return type !== undefined && type !== "text/html";
};

export function validateHreflang(siteDir: string, base: string): HreflangProblem[] {
  const pages = new Map<string, PageInfo>();
  for (const file of htmlFiles(siteDir)) {
    const root = parse(readFileSync(file, "utf8"));
    const url = urlOfFile(siteDir, file, base);
    const alternates = root.querySelectorAll('link[rel="alternate"][hreflang]');
    pages.set(url, {
      url,
      lang: root.querySelector("html")?.getAttribute("lang"),
      canonical: root.querySelector('link[rel="canonical"]')?.getAttribute("href"),
      links: alternates.filter((l) => !isTyped(l)).map((l) => ({ hreflang: l.getAttribute("hreflang") ?? "", href: l.getAttribute("href") ?? "" })),
      typed: alternates.filter(isTyped).map((l) => ({ hreflang: l.getAttribute("hreflang") ?? "", type: l.getAttribute("type") ?? "" })),
    });
  }

  const problems: HreflangProblem[] = [];
  const report = (page: string, rule: HreflangProblem["rule"], message: string) => problems.push({ page, rule, message });
  const root = `${base}/`;

  for (const page of pages.values()) {
    if (page.canonical === undefined) report(page.url, "canonical", "no <link rel=canonical>");
    else if (page.canonical !== page.url && !page.url.endsWith("404.html")) report(page.url, "canonical", `canonical is ${page.canonical}, not the page itself`);
    // Crawlers read every <link rel=alternate hreflang> as a language version of the page, whatever its type.
    for (const { hreflang, type } of page.typed) report(page.url, "typed", `a ${type} link carries hreflang="${hreflang}": crawlers take it for a language version of the page`);
    if (page.links.length === 0) continue;

    const seen = new Set<string>();
    for (const { hreflang, href } of page.links) {
      if (seen.has(hreflang)) report(page.url, "unique", `hreflang="${hreflang}" appears more than once`);
      seen.add(hreflang);
      if (hreflang !== "x-default" && toBcp47(hreflang) !== hreflang) report(page.url, "code", `hreflang="${hreflang}" is not a valid language code`);
      if (!href.startsWith(`${base}/`)) {
        report(page.url, "absolute", `hreflang="${hreflang}" links to ${href}, not an absolute URL on ${base}`);
        continue;
      }
      const target = pages.get(href);
      if (!target) {
        report(page.url, "target", `hreflang="${hreflang}" links to ${href}, which is not a built page`);
        continue;
      }
      if (hreflang === "x-default") {
        if (href !== root) report(page.url, "x-default", `x-default links to ${href}, not the root language chooser ${root}`);
        continue;
      }
      if (target.lang !== hreflang) report(page.url, "lang", `hreflang="${hreflang}" links to ${href}, whose <html lang> is "${target.lang}"`);
      // Return links: every member of the set lists the very same set.
      if (target !== page && setKey(target.links) !== setKey(page.links)) report(page.url, "return", `the hreflang set differs from the one on ${href}`);
    }
    if (!seen.has("x-default")) report(page.url, "x-default", "no x-default link");
    const own = page.links.find((l) => l.href === page.url);
    if (!own) report(page.url, "self", "the page does not list itself among its hreflang links");
    else if (own.hreflang !== "x-default" && own.hreflang !== page.lang) report(page.url, "lang", `the page lists itself as "${own.hreflang}" but its <html lang> is "${page.lang}"`);
  }

  problems.push(...validateSitemap(siteDir, pages));
  return problems;
}

/** Each sitemap entry's xhtml:link alternates must be the page's own hreflang set. */
function validateSitemap(siteDir: string, pages: ReadonlyMap<string, PageInfo>): HreflangProblem[] {
  const file = join(siteDir, "sitemap.xml");
  if (!existsSync(file)) return [{ page: "sitemap.xml", rule: "sitemap", message: "no sitemap.xml" }];
  const problems: HreflangProblem[] = [];
  const parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: "", isArray: (name) => name === "url" || name === "xhtml:link" });
  const doc = parser.parse(readFileSync(file, "utf8")) as { urlset?: { url?: { loc: string; "xhtml:link"?: { hreflang: string; href: string }[] }[] } };
  for (const entry of doc.urlset?.url ?? []) {
    const loc = entry.loc;
    const links = (entry["xhtml:link"] ?? []).map((l) => ({ hreflang: l.hreflang, href: l.href }));
    const page = pages.get(loc);
    if (!page) problems.push({ page: loc, rule: "sitemap", message: "listed in sitemap.xml but not a built page" });
    else if (setKey(page.links) !== setKey(links)) problems.push({ page: loc, rule: "sitemap", message: "sitemap.xml lists other alternates than the page's hreflang links" });
  }
  return problems;
}
