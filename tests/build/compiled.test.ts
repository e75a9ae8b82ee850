/**
 * `npm run build` runs the sources compiled to JavaScript (bin/build.js): the same site as the
 * TypeScript run through tsx, with every source compiled and every import pointing at a compiled file.
 */
import assert from "node:assert/strict";
import { cpSync, mkdtempSync, readFileSync, symlinkSync, writeFileSync } from "node:fs";
import { spawnSync } from "node:child_process";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, it } from "node:test";
import { compiledEntry } from "../../bin/compile.js";
import { PROJECT_ROOT } from "../../src/settings.ts";
import { filesIn, LANGUAGES_DIR, runBuild, SEEDS_DIR, siteFingerprint } from "../unit/helpers.ts";

describe("the build run compiled", () => {
  it("writes the site the TypeScript sources write through tsx, byte for byte, search bundles and cards included", () => {
    const dir = mkdtempSync(join(tmpdir(), "compiled-"));
    // The language fixtures: every script, right to left, Markdown, translations.
    const env = { CONTENT_DIR: LANGUAGES_DIR, CARD_CACHE: "off", DETECTION_CACHE: "off" };
    const compiled = runBuild({ ...env, OUTPUT_DIR: join(dir, "compiled"), REPORT_FILE: join(dir, "compiled.json") });
    assert.equal(compiled.status, 0, compiled.stderr);
    const tsx = runBuild({ ...env, OUTPUT_DIR: join(dir, "tsx"), REPORT_FILE: join(dir, "tsx.json") }, "tsx");
    assert.equal(tsx.status, 0, tsx.stderr);
    const site = siteFingerprint(join(dir, "compiled"));
    assert.ok(Object.keys(site).some((f) => f.startsWith("pagefind/")) && Object.keys(site).some((f) => f.endsWith("card.jpg")));
    assert.deepEqual(site, siteFingerprint(join(dir, "tsx")));
  });

  it("holds a JavaScript file for every TypeScript source, and no import of a TypeScript file", () => {
    const root = join(fileURLToPath(compiledEntry("src/build.ts")), "../..");
    const sources = filesIn(join(PROJECT_ROOT, "src")).filter((f) => f.endsWith(".ts"));
    assert.deepEqual(
      filesIn(join(root, "src")).filter((f) => f.endsWith(".js")),
      sources.map((f) => f.replace(/\.ts$/, ".js")).sort(),
    );
    const tsImports = filesIn(root).flatMap((f) => [...readFileSync(join(root, f), "utf8").matchAll(/\b(?:from|import)\s*\(?\s*["'](\.{1,2}\/[^"']+\.ts)["']/g)].map((m) => `${f}: ${m[1]}`));
    assert.deepEqual(tsImports, []);
  });
});

describe("where the build finds the project", () => {
  /** `node <project>/bin/build.js` of the seeds, started in `cwd`, every cache off. */
  function buildFrom(project: string, cwd: string, out: string) {
    return spawnSync(process.execPath, [join(project, "bin/build.js")], {
      cwd,
      encoding: "utf8",
      env: { ...process.env, CONTENT_DIR: SEEDS_DIR, OUTPUT_DIR: join(out, "site"), REPORT_FILE: join(out, "report.json"), ...Object.fromEntries(CACHES.map((c) => [c, "off"])) },
    });
  }
  const CACHES = ["BUILD_CACHE", "INGEST_CACHE", "GROUPING_CACHE", "SEARCH_CACHE", "PAGE_CACHE", "DETECTION_CACHE", "CARD_CACHE"];
  const titleOf = (site: string) => /<title>([^<]*)<\/title>/.exec(readFileSync(join(site, "index.html"), "utf8"))?.[1];

  it("builds the site when started from another folder", () => {
    const out = mkdtempSync(join(tmpdir(), "elsewhere-"));
    const run = buildFrom(PROJECT_ROOT, out, out);
    assert.equal(run.status, 0, run.stderr);
    assert.equal(titleOf(join(out, "site")), "Choose a language · Polyglot Notes");
  });

  it("builds a copy of the project from the copy's own data when its node_modules links to another checkout's", () => {
    const copy = mkdtempSync(join(tmpdir(), "checkout-"));
    for (const part of [".eleventy.ts", "bin", "src", "pages", "_includes", "_data", "package.json", "package-lock.json"]) cpSync(join(PROJECT_ROOT, part), join(copy, part), { recursive: true });
    symlinkSync(join(PROJECT_ROOT, "node_modules"), join(copy, "node_modules"));
    const site = JSON.parse(readFileSync(join(copy, "_data/site.json"), "utf8")) as { title: string };
    writeFileSync(join(copy, "_data/site.json"), JSON.stringify({ ...site, title: "Notas de la copia" }));
    const run = buildFrom(copy, copy, copy);
    assert.equal(run.status, 0, run.stderr);
    assert.equal(titleOf(join(copy, "site")), "Choose a language · Notas de la copia");
  });
});
