import assert from "node:assert/strict";
import { mkdtempSync, readdirSync, readFileSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, it } from "node:test";
import { runBuild } from "../unit/helpers.ts";
import { loadSettings } from "../../src/settings.ts";

describe("production builds", () => {
  it("refuse to build without a public site URL, saying how to give one", () => {
    assert.throws(() => loadSettings({ NODE_ENV: "production" }), /production build needs the site's public URL: set SITE_URL/);
    assert.throws(() => loadSettings({ CONTEXT: "production", URL: "http://127.0.0.1:8080" }), /is a local address/);
    assert.equal(loadSettings({ NODE_ENV: "production", SITE_URL: "https://blog.example" }).url, "https://blog.example");
  });

  it("point nowhere at localhost, in any file of the output", () => {
    const dir = mkdtempSync(join(tmpdir(), "prod-"));
    const run = runBuild({ NODE_ENV: "production", SITE_URL: "https://blog.example", OUTPUT_DIR: join(dir, "site"), REPORT_FILE: join(dir, "report.json") });
    assert.equal(run.status, 0, run.stderr);
    const files: string[] = [];
    const walk = (d: string) => readdirSync(d).forEach((f) => (statSync(join(d, f)).isDirectory() ? walk(join(d, f)) : files.push(join(d, f))));
    walk(join(dir, "site"));
    const local = files.filter((f) => /localhost|127\.0\.0\.1/.test(readFileSync(f, "latin1")));
    assert.deepEqual(local, []);
    assert.match(readFileSync(join(dir, "site", "sitemap.xml"), "utf8"), /https:\/\/blog\.example\//);
  });
});
