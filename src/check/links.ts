/**
 * Every internal link, asset, feed, sitemap URL and hreflang target in a built site resolves to a
 * built file. Paths are read as the site serves them, under its path prefix.
 */
import { existsSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { parse } from "node-html-parser";
import { htmlFiles } from "./html.ts";

export interface BrokenLink {
  page: string;
  url: string;
}

/**
 * @param dir the built site
 * @param origin the site's absolute address without prefix ("https://example.org"), for absolute links to itself
 * @param prefix the path prefix ("/" or "/sub/")
 */
export function findBrokenLinks(dir: string, origin: string, prefix: string): BrokenLink[] {
  const exists = (pathname: string): boolean => {
    if (!pathname.startsWith(prefix)) return false;
    const rel = decodeURIComponent(pathname.slice(prefix.length));
    const target = join(dir, rel);
    if (existsSync(target) && statSync(target).isFile()) return true;
    return existsSync(join(target, "index.html"));
  };
  const broken: BrokenLink[] = [];
  const check = (page: string, raw: string | undefined) => {
    if (!raw || /^(mailto:|tel:|data:|#)/.test(raw)) return;
    const url = new URL(raw, `${origin}${prefix}`);
    if (url.origin !== new URL(origin).origin) return; // another site's link is not ours to check
    if (!exists(url.pathname)) broken.push({ page, url: raw });
  };
  for (const file of htmlFiles(dir)) {
    const page = file.slice(dir.length + 1);
    const root = parse(readFileSync(file, "utf8"));
    for (const el of root.querySelectorAll("a[href], link[href], script[src], img[src], source[src]")) check(page, el.getAttribute("href") ?? el.getAttribute("src"));
    for (const form of root.querySelectorAll("form[action]")) check(page, form.getAttribute("action"));
  }
  const sitemap = join(dir, "sitemap.xml");
  if (existsSync(sitemap)) for (const m of readFileSync(sitemap, "utf8").matchAll(/(?:<loc>|href=")([^<"]+)/g)) check("sitemap.xml", m[1]);
  return broken;
}
