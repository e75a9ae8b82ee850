import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, it } from "node:test";
import {
  headerRules,
  headersFor,
  negotiate,
  parseHeadersFile,
  parseRedirectsFile,
  redirectRules,
  renderHeadersFile,
  renderNetlifyToml,
  renderRedirectsFile,
} from "../../src/deploy/host-files.ts";
import { loadSettings, PROJECT_ROOT } from "../../src/settings.ts";

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

describe("production builds", () => {
  it("refuse to build without a public site URL, saying how to give one", () => {
    assert.throws(() => loadSettings({ NODE_ENV: "production" }), /production build needs the site's public URL: set SITE_URL/);
    assert.throws(() => loadSettings({ CONTEXT: "production", URL: "http://127.0.0.1:8080" }), /is a local address/);
    assert.equal(loadSettings({ NODE_ENV: "production", SITE_URL: "https://blog.example" }).url, "https://blog.example");
  });

  it("point nowhere at localhost, in any file of the output", () => {
    const dir = mkdtempSync(join(tmpdir(), "prod-"));
    const run = spawnSync(process.execPath, ["--import", "tsx", join(PROJECT_ROOT, "src/build.ts")], {
      env: { ...process.env, NODE_ENV: "production", SITE_URL: "https://blog.example", OUTPUT_DIR: join(dir, "site"), REPORT_FILE: join(dir, "report.json") },
      encoding: "utf8",
    });
    assert.equal(run.status, 0, run.stderr);
    const files: string[] = [];
    const walk = (d: string) => readdirSync(d).forEach((f) => (statSync(join(d, f)).isDirectory() ? walk(join(d, f)) : files.push(join(d, f))));
    walk(join(dir, "site"));
    const local = files.filter((f) => /localhost|127\.0\.0\.1/.test(readFileSync(f, "latin1")));
    assert.deepEqual(local, []);
    assert.match(readFileSync(join(dir, "site", "sitemap.xml"), "utf8"), /https:\/\/blog\.example\//);
  });
});
