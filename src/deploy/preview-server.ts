/**
 * Serves a built site locally, for `npm run serve`, the browser tests and the screenshot script:
 * static files from the output folder, and its 404 page with status 404 for paths it does not have.
 * Usage: tsx src/deploy/preview-server.ts [--port 8080] [--dir _site]
 */
import { readFileSync } from "node:fs";
import { createServer, type Server } from "node:http";
import { join, resolve } from "node:path";
import { parseArgs } from "node:util";
import sirv from "sirv";

export function startPreviewServer(dir: string, port: number): Promise<Server> {
  const root = resolve(dir);
  const serve = sirv(root, { dev: true, etag: true, extensions: ["html"] });
  const server = createServer((req, res) => {
    serve(req, res, () => {
      res.statusCode = 404;
      res.setHeader("Content-Type", "text/html; charset=utf-8");
      try {
        res.end(readFileSync(join(root, "404.html")));
      } catch {
        res.end("Not found");
      }
    });
  });
  return new Promise((done) => server.listen(port, "127.0.0.1", () => done(server)));
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { values } = parseArgs({ options: { port: { type: "string", default: "8080" }, dir: { type: "string", default: "_site" } } });
  await startPreviewServer(values.dir!, Number(values.port));
  console.log(`Serving ${resolve(values.dir!)} at http://127.0.0.1:${values.port}/`);
}
