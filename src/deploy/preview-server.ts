/**
 * Serves a built site locally, for `npm run serve` and the browser tests: static files from the
 * output folder, and its 404 page with status 404 for paths it does not have.
 * Usage: tsx src/deploy/preview-server.ts [--port 8080] [--dir _site]
 */
import { readFileSync } from "node:fs";
import { createServer } from "node:http";
import { join, resolve } from "node:path";
import { parseArgs } from "node:util";
import sirv from "sirv";

const { values } = parseArgs({ options: { port: { type: "string", default: "8080" }, dir: { type: "string", default: "_site" } } });
const root = resolve(values.dir!);
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
server.listen(Number(values.port), "127.0.0.1", () => {
  console.log(`Serving ${root} at http://127.0.0.1:${values.port}/`);
});
