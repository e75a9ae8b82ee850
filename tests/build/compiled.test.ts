/**
 * `npm run build` runs the sources compiled to JavaScript (bin/build.js): the same site as the
 * TypeScript run through tsx, with every source compiled and every import pointing at a compiled file.
 */
import assert from "node:assert/strict";
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, it } from "node:test";
import { compiledEntry } from "../../bin/compile.js";
import { PROJECT_ROOT } from "../../src/settings.ts";
import { filesIn, LANGUAGES_DIR, runBuild, siteFingerprint } from "../unit/helpers.ts";

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
