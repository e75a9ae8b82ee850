/**
 * Serves a built site the way production does, for `npm run serve`, the browser tests and the
 * screenshot and benchmark scripts: it reads the `_headers` and `_redirects` the build wrote and
 * applies them — headers on every response, language negotiation at the root from Accept-Language,
 * each language's 404 page with status 404 — under the site's path prefix if it has one.
 * Usage: tsx src/deploy/preview-server.ts [--port 8080] [--dir _site] [--prefix /sub/path/]
 */
import { existsSync, readFileSync } from "node:fs";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import { join, resolve } from "node:path";
import { parseArgs } from "node:util";
import sirv from "sirv";
import { loadSettings } from "../settings.ts";
import { headersFor, negotiate, parseHeadersFile, parseRedirectsFile, REVALIDATE } from "./host-files.ts";

const HOST_FILES = new Set(["/_headers", "/_redirects"]);

/** The request's path, percent-escapes decoded; undefined when it is malformed (`/%`, `/%ff`). */
export function decodedPath(url: string): string | undefined {
  try {
    return decodeURIComponent(new URL(url, "http://localhost").pathname);
  } catch {
    return undefined;
  }
}

export function startPreviewServer(dir: string, port: number, prefix = "/"): Promise<Server> {
  const root = resolve(dir);
  const read = (name: string) => (existsSync(join(root, name)) ? readFileSync(join(root, name), "utf8") : "");
  const headerRules = parseHeadersFile(read("_headers"));
  const redirects = parseRedirectsFile(read("_redirects"));
  const base = `/${prefix.split("/").filter(Boolean).join("/")}/`.replace(/^\/\/$/, "/");

  const applyHeaders = (res: ServerResponse, path: string) => {
    const headers = { "Cache-Control": REVALIDATE, ...headersFor(path, headerRules) };
    for (const [k, v] of Object.entries(headers)) res.setHeader(k, v);
  };
  const serve = sirv(root, { dev: false, etag: true, extensions: ["html"], setHeaders: (res, pathname) => applyHeaders(res, `${base.replace(/\/$/, "")}${pathname}`) });

  const sendFile = (res: ServerResponse, path: string, file: string, status: number) => {
    applyHeaders(res, path);
    res.statusCode = status;
    res.setHeader("Content-Type", "text/html; charset=utf-8");
    res.end(existsSync(file) ? readFileSync(file) : "Not found");
  };

  const refuse = (res: ServerResponse, status: number, text: string, headers: Record<string, string> = {}) => {
    res.writeHead(status, { "Content-Type": "text/plain; charset=utf-8", ...headers });
    res.end(text);
  };
  const handle = (req: IncomingMessage, res: ServerResponse) => {
    // A static host answers reads only.
    if (req.method !== "GET" && req.method !== "HEAD") return refuse(res, 405, "Method not allowed\n", { Allow: "GET, HEAD" });
    const path = decodedPath(req.url ?? "/");
    if (path === undefined) return refuse(res, 400, "Bad request: the path is not a valid URL\n");
    // The host files are instructions to the host, not pages: Netlify and Cloudflare never serve them.
    if (HOST_FILES.has(path.slice(base.length - 1))) return sendFile(res, path, join(root, "404.html"), 404);
    if (!path.startsWith(base)) return sendFile(res, path, join(root, "404.html"), 404);
    // Forced rules first: the root's language negotiation.
    const forced = redirects.filter((r) => r.force && r.from === path);
    const chosen = forced.length ? negotiate(String(req.headers["accept-language"] ?? ""), forced) : undefined;
    if (chosen) {
      applyHeaders(res, path);
      res.writeHead(chosen.status, { Location: chosen.to, Vary: "Accept-Language" });
      return res.end();
    }
    req.url = (req.url ?? "/").slice(base.length - 1) || "/";
    serve(req, res, () => {
      const rule = redirects.find((r) => r.status === 404 && new RegExp(`^${r.from.replace(/\*/g, ".*")}$`).test(path));
      const page = rule ? join(root, rule.to.slice(base.length - 1)) : join(root, "404.html");
      sendFile(res, path, page, 404);
    });
  };
  // Whatever a request does, the server lives on: a failure is that request's 500, not the process's end.
  const server = createServer((req, res) => {
    try {
      handle(req, res);
    } catch (error) {
      if (!res.headersSent) refuse(res, 500, `Internal error: ${error instanceof Error ? error.message : String(error)}\n`);
      else res.destroy();
    }
  });
  return new Promise((done) => server.listen(port, "127.0.0.1", () => done(server)));
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { values } = parseArgs({
    options: {
      port: { type: "string", default: "8080" },
      dir: { type: "string", default: "_site" },
      prefix: { type: "string", default: loadSettings({ ...(process.env.PATH_PREFIX ? { PATH_PREFIX: process.env.PATH_PREFIX } : {}) }).pathPrefix },
    },
  });
  await startPreviewServer(values.dir, Number(values.port), values.prefix);
  console.log(`Serving ${resolve(values.dir)} at http://127.0.0.1:${values.port}${values.prefix}`);
}
