import assert from "node:assert/strict";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import type { AddressInfo } from "node:net";
import { connect } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, it } from "node:test";
import { headerRules, headersFor, negotiate, parseHeadersFile, parseRedirectsFile, redirectRules, renderHeadersFile, renderNetlifyToml, renderRedirectsFile } from "../../src/deploy/host-files.ts";
import { startPreviewServer } from "../../src/deploy/preview-server.ts";
import { PROJECT_ROOT } from "../../src/settings.ts";

describe("host files from one source", () => {
  it("netlify.toml carries exactly the generated headers (run `npm run netlify-toml` after changing the rules)", () => {
    assert.equal(readFileSync(join(PROJECT_ROOT, "netlify.toml"), "utf8"), renderNetlifyToml(headerRules()));
  });

  it("_headers reads back as the rules it was written from", () => {
    assert.deepEqual(parseHeadersFile(renderHeadersFile(headerRules())), headerRules());
  });

  it("puts the path prefix on every _headers and _redirects path", () => {
    assert.ok(parseHeadersFile(renderHeadersFile(headerRules(), "/blog/")).every((r) => r.path.startsWith("/blog/")));
    const redirects = parseRedirectsFile(renderRedirectsFile(redirectRules(["de"]), "/blog/"));
    assert.deepEqual(redirects, [
      { from: "/blog/", to: "/blog/de/", status: 302, force: true, language: "de" },
      { from: "/blog/de/*", to: "/blog/de/404.html", status: 404 },
    ]);
  });

  it("writes one Language rule per language, forced past the root's own page", () => {
    assert.equal(renderRedirectsFile(redirectRules(["de", "es"])).split("\n")[0], "/  /de/  302!  Language=de");
  });

  it("applies the security headers everywhere and immutable caching only to fingerprinted paths", () => {
    assert.ok(headersFor("/es/", headerRules())["Content-Security-Policy"]);
    assert.equal(headersFor("/es/", headerRules())["Cache-Control"], undefined);
    assert.equal(headersFor("/assets/site.abc.css", headerRules())["Cache-Control"], "public, max-age=31536000, immutable");
  });
});

describe("language negotiation", () => {
  const rules = redirectRules(["de", "es", "pt-BR"]).filter((r) => r.language);
  it("honours the reader's order and q-values", () => {
    assert.equal(negotiate("fr, es;q=0.5, de;q=0.8", rules)?.to, "/de/");
  });
  it("matches a regional tag to its language", () => {
    assert.equal(negotiate("de-AT", rules)?.to, "/de/");
  });
  it("finds nothing for languages the site lacks, or an empty header", () => {
    assert.equal(negotiate("ja, ko", rules), undefined);
    assert.equal(negotiate("", rules), undefined);
  });
});

describe("the preview server", () => {
  /** A real server on a tiny site, spoken to over a raw socket so malformed requests reach it as sent. */
  async function withServer(run: (request: (raw: string) => Promise<string>) => Promise<void>): Promise<void> {
    const dir = mkdtempSync(join(tmpdir(), "preview-"));
    writeFileSync(join(dir, "index.html"), "<!doctype html><title>home</title>");
    writeFileSync(join(dir, "404.html"), "<!doctype html><title>not found</title>");
    writeFileSync(join(dir, "_headers"), renderHeadersFile(headerRules()));
    writeFileSync(join(dir, "_redirects"), "");
    const server = await startPreviewServer(dir, 0);
    const port = (server.address() as AddressInfo).port;
    const request = (raw: string) =>
      new Promise<string>((done, fail) => {
        const socket = connect(port, "127.0.0.1", () => socket.write(raw));
        let out = "";
        socket.on("data", (d) => (out += d.toString("latin1")));
        socket.on("end", () => done(out));
        socket.on("error", fail);
      });
    try {
      await run(request);
    } finally {
      server.close();
    }
  }
  const status = (response: string) => Number(response.split(" ")[1]);
  const get = (path: string, method = "GET") => `${method} ${path} HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n`;

  it("answers a malformed percent-escape with 400 and goes on serving", async () => {
    await withServer(async (request) => {
      assert.equal(status(await request(get("/%"))), 400);
      assert.equal(status(await request(get("/fr/%ff"))), 400);
      assert.equal(status(await request(get("/"))), 200);
    });
  });

  it("answers only GET and HEAD, with 405 and Allow for the rest", async () => {
    await withServer(async (request) => {
      for (const method of ["PUT", "TRACE", "DELETE", "POST"]) {
        const response = await request(get("/", method));
        assert.equal(status(response), 405, method);
        assert.match(response, /\r\nallow: GET, HEAD\r\n/i);
      }
      assert.equal(status(await request(get("/", "HEAD"))), 200);
    });
  });

  it("does not serve the host files _headers and _redirects", async () => {
    await withServer(async (request) => {
      for (const path of ["/_headers", "/_redirects"]) {
        const response = await request(get(path));
        assert.equal(status(response), 404, path);
        assert.match(response.slice(response.indexOf("\r\n\r\n")), /<title>not found<\/title>/);
      }
    });
  });
});
