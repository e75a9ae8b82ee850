/**
 * What a static host must send with the site, from one source: security headers for every path,
 * long caching for fingerprinted files, language negotiation at the root and a 404 page per
 * language. Written as `_headers` and `_redirects` (read by Netlify and Cloudflare Pages), and into
 * netlify.toml, whose [[headers]] a test keeps equal to these rules.
 */
import { routes, withPrefix } from "../routes.ts";

export interface HeaderRule {
  /** A site path pattern, without the path prefix; `*` matches the rest of the path. */
  path: string;
  headers: Record<string, string>;
}

export interface RedirectRule {
  from: string;
  to: string;
  status: number;
  /** Netlify's `Language=xx` condition: the browser's Accept-Language. */
  language?: string;
  /** Applies even where a file exists (Netlify's `!`): the root has its chooser page. */
  force?: boolean;
}

/**
 * Only what the site needs: its own scripts, styles and images; Pagefind's WebAssembly
 * ('wasm-unsafe-eval') and its worker; Pagefind's module instantiated once per language from one
 * download (blob:, which only the page's own scripts can make); no inline script or style, no
 * framing, no plugins.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self' 'wasm-unsafe-eval' blob:",
  "style-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "worker-src 'self' blob:",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join("; ");

const IMMUTABLE = "public, max-age=31536000, immutable";
/** HTML and unhashed files: always ask whether they changed. Hosts send this by default for HTML. */
export const REVALIDATE = "public, max-age=0, must-revalidate";

export function headerRules(): HeaderRule[] {
  return [
    {
      path: "/*",
      headers: {
        "Content-Security-Policy": CONTENT_SECURITY_POLICY,
        "X-Content-Type-Options": "nosniff",
        "Referrer-Policy": "strict-origin-when-cross-origin",
        "Permissions-Policy": "camera=(), microphone=(), geolocation=(), payment=(), usb=(), interest-cohort=()",
        "X-Frame-Options": "DENY",
        "Strict-Transport-Security": "max-age=63072000; includeSubDomains",
      },
    },
    // Fingerprinted: the name changes when the content does. Pagefind hashes its index files;
    // its pagefind.js, worker and WebAssembly keep their names and revalidate.
    { path: "/assets/*", headers: { "Cache-Control": IMMUTABLE } },
    ...["index", "fragment", "filter"].map((part) => ({ path: `${routes.searchBundle("*")}${part}/*`, headers: { "Cache-Control": IMMUTABLE } })),
  ];
}

/** `/` negotiates the reader's language; each language's missing pages get its own 404 page. */
export function redirectRules(languages: readonly string[]): RedirectRule[] {
  return [
    ...languages.map((lang) => ({ from: routes.root(), to: routes.home(lang), status: 302, language: lang, force: true })),
    ...languages.map((lang) => ({ from: routes.languageTree(lang), to: routes.notFound(lang), status: 404 })),
  ];
}

/** `_headers`, as Netlify and Cloudflare Pages read it. */
export function renderHeadersFile(rules: readonly HeaderRule[], prefix = "/"): string {
  return rules.map((r) => [withPrefix(prefix, r.path), ...Object.entries(r.headers).map(([k, v]) => `  ${k}: ${v}`)].join("\n")).join("\n\n") + "\n";
}

/** `_redirects`: Netlify's syntax; Cloudflare Pages reads the plain rules and finds nested 404 pages itself. */
export function renderRedirectsFile(rules: readonly RedirectRule[], prefix = "/"): string {
  return rules.map((r) => [withPrefix(prefix, r.from), withPrefix(prefix, r.to), `${r.status}${r.force ? "!" : ""}`, ...(r.language ? [`Language=${r.language}`] : [])].join("  ")).join("\n") + "\n";
}

/** Reads `_headers` back (the preview server serves what production would). */
export function parseHeadersFile(text: string): HeaderRule[] {
  const rules: HeaderRule[] = [];
  let current: HeaderRule | undefined;
  for (const line of text.split("\n")) {
    if (!line.trim() || line.trim().startsWith("#")) continue;
    if (!/^\s/.test(line)) rules.push((current = { path: line.trim(), headers: {} }));
    else if (current) {
      const at = line.indexOf(":");
      current.headers[line.slice(0, at).trim()] = line.slice(at + 1).trim();
    }
  }
  return rules;
}

/** Reads `_redirects` back. */
export function parseRedirectsFile(text: string): RedirectRule[] {
  return text
    .split("\n")
    .filter((l) => l.trim() && !l.trim().startsWith("#"))
    .map((line) => {
      const [from = "", to = "", status = "301", ...conditions] = line.trim().split(/\s+/);
      const language = conditions.find((c) => c.startsWith("Language="))?.slice("Language=".length);
      return { from, to, status: Number(status.replace("!", "")), ...(status.endsWith("!") ? { force: true } : {}), ...(language ? { language } : {}) };
    });
}

/** The first rule whose language the reader accepts, in the reader's order of preference. */
export function negotiate(acceptLanguage: string, rules: readonly RedirectRule[]): RedirectRule | undefined {
  const wanted = acceptLanguage
    .split(",")
    .map((part, i) => {
      const [tag = "", ...params] = part.trim().split(";");
      const q = Number(
        params
          .find((p) => p.trim().startsWith("q="))
          ?.trim()
          .slice(2) ?? 1,
      );
      return { tag: tag.toLowerCase(), q: Number.isNaN(q) ? 0 : q, i };
    })
    .filter((w) => w.tag && w.q > 0)
    .sort((a, b) => b.q - a.q || a.i - b.i);
  for (const w of wanted) {
    const rule = rules.find((r) => r.language && (r.language.toLowerCase() === w.tag || r.language.toLowerCase() === w.tag.split("-")[0]));
    if (rule) return rule;
  }
  return undefined;
}

/** netlify.toml: the build, and the same headers as `_headers`. */
export function renderNetlifyToml(rules: readonly HeaderRule[]): string {
  const headers = rules.map((r) => [`[[headers]]`, `  for = "${r.path}"`, `  [headers.values]`, ...Object.entries(r.headers).map(([k, v]) => `    ${k} = ${JSON.stringify(v)}`)].join("\n"));
  return [
    "# Generated by `npm run netlify-toml` from src/deploy/host-files.ts: edit the rules there.",
    "# The build also writes the same headers to _site/_headers, and language redirects to _site/_redirects.",
    "[build]",
    '  command = "npm run build"',
    '  publish = "_site"',
    "",
    "[build.environment]",
    '  NODE_VERSION = "20"',
    "",
    headers.join("\n\n"),
    "",
  ].join("\n");
}

/** The header rules that apply to a path (prefix already removed), merged in order. */
export function headersFor(path: string, rules: readonly HeaderRule[]): Record<string, string> {
  const merged: Record<string, string> = {};
  for (const rule of rules) {
    const pattern = new RegExp(
      `^${rule.path
        .split("*")
        .map((s) => s.replace(/[.+?^${}()|[\]\\]/g, "\\$&"))
        .join(".*")}$`,
    );
    if (pattern.test(path)) Object.assign(merged, rule.headers);
  }
  return merged;
}
