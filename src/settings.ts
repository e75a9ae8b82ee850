/** Site settings: `_data/site.json`, validated, with environment overrides for the build at hand. */
import { readFileSync } from "node:fs";
import { isAbsolute, join, resolve } from "node:path";
import { z } from "zod";
import { toBcp47 } from "./detect/codes.ts";
import { nearestHolding } from "./files.ts";
import { withPrefix } from "./routes.ts";

/** A licence: all rights reserved, or a named licence with its address (e.g. CC BY 4.0). */
export const licenseSchema = z.union([z.literal("all-rights-reserved"), z.strictObject({ name: z.string().min(1), url: z.url() })]);
export type License = z.infer<typeof licenseSchema>;

const siteSchema = z.strictObject({
  title: z.string().min(1),
  /** The site's description per language; a language without one uses its UI tagline. */
  description: z.record(z.string(), z.string().min(1)).default({}),
  url: z.url(),
  defaultLanguage: z.string().refine((v) => toBcp47(v) === v, 'must be a canonical BCP 47 tag such as "en" or "pt-BR"'),
  contentDir: z.string().min(1),
  pageSize: z.int().min(1).max(100),
  /** Rows per page of the translation coverage table: at 10,000 articles one page was 13 MB. */
  coverageRows: z.int().min(1).max(2000).default(200),
  /** Who publishes the site: the feeds' author when an entry names none. */
  publisher: z.string().min(1),
  /** The site's own copyright, shown in every footer: from `firstYear` to the newest article's year. */
  copyright: z.strictObject({ holder: z.string().min(1), firstYear: z.int().min(1900).max(2999) }),
  license: licenseSchema,
  /** Where the site lives under its host ("/" or "/sub/path/"); PATH_PREFIX overrides it. */
  pathPrefix: z.string().regex(/^\//, 'starts with "/"').default("/"),
});

export type SiteSettings = z.infer<typeof siteSchema> & {
  /** The documents folder, absolute. */
  contentPath: string;
};

/**
 * The project's folder: the nearest one up holding `.eleventy.ts`. Found, not assumed one level up,
 * because the build also runs compiled, from a copy of src/ elsewhere (bin/build.js), which names
 * the folder it was started from (POLYGLOT_BLOG_ROOT): the copy's own path may lead into another
 * checkout, when node_modules is a link to that checkout's.
 */
export const PROJECT_ROOT = nearestHolding(process.env.POLYGLOT_BLOG_ROOT ?? import.meta.dirname, ".eleventy.ts", "the project (.eleventy.ts)");

/** A source file by its path in the project: what the caches hash as their code's version. */
export const sourceFile = (path: string): string => join(PROJECT_ROOT, path);
export const SITE_DATA_FILE = resolve(PROJECT_ROOT, "_data/site.json");

/**
 * Reads the settings. `CONTENT_DIR` points the same build at another collection;
 * `SITE_URL` (or Netlify's `URL`) sets the public address; `PATH_PREFIX` a sub-path under it.
 */
export function loadSettings(env: NodeJS.ProcessEnv = process.env, file = SITE_DATA_FILE): SiteSettings {
  const parsed = siteSchema.safeParse(JSON.parse(readFileSync(file, "utf8")));
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join(".") || "(root)"}: ${i.message}`);
    throw new SettingsError(`${file} is not valid:\n${lines.join("\n")}`);
  }
  const site = { ...parsed.data };
  // A folder named in the environment is taken from where the command runs; the one in site.json, from the project.
  const contentPath = env.CONTENT_DIR ? resolve(process.cwd(), env.CONTENT_DIR) : isAbsolute(site.contentDir) ? site.contentDir : resolve(PROJECT_ROOT, site.contentDir);
  if (env.CONTENT_DIR) site.contentDir = env.CONTENT_DIR;
  const url = env.SITE_URL || env.URL || env.CF_PAGES_URL;
  if (url) site.url = url;
  // A production build must know its public address: hreflang, canonical URLs, feeds and the
  // sitemap are absolute, and none of them may point at a developer's machine.
  if (isProduction(env) && /^https?:\/\/(localhost|127\.|\[::1\])/.test(site.url)) {
    throw new SettingsError(`a production build needs the site's public URL: set SITE_URL (Netlify sets URL, Cloudflare Pages CF_PAGES_URL); "${site.url}" is a local address`);
  }
  const pathPrefix = `/${(env.PATH_PREFIX ?? site.pathPrefix).split("/").filter(Boolean).join("/")}/`.replace(/^\/\/$/, "/");
  return { ...site, url: site.url.replace(/\/+$/, ""), contentPath, pathPrefix };
}

export class SettingsError extends Error {}

/** Production: NODE_ENV=production, or Netlify's production context. */
export function isProduction(env: NodeJS.ProcessEnv): boolean {
  return env.NODE_ENV === "production" || env.CONTEXT === "production";
}

/**
 * The public, absolute address of a site path ("/es/x/" → "https://host/prefix/es/x/"), with any
 * letters outside ASCII percent-encoded ("/ja/パン/" → "/ja/%E3%83%91%E3%83%B3/"), as sitemaps require.
 */
export function absoluteUrl(settings: Pick<SiteSettings, "url" | "pathPrefix">, path: string): string {
  return settings.url + encodeURI(withPrefix(settings.pathPrefix, path));
}
