/**
 * What builds keep for one another: a document that did not change is not ingested again, an
 * article whose page would come out the same is not rendered again, a language whose pages did not
 * change is not indexed again (its search bundle is copied back), and the site is always the one a
 * clean build gives.
 */
import assert from "node:assert/strict";
import { readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, it } from "node:test";
import { UNUSED_UI_FILES } from "../../src/index/pagefind.ts";
import { cleanBuild, runBuild, seedWorkspace, siteFingerprint } from "../unit/helpers.ts";

describe("documents, pages and search bundles kept between builds", () => {
  const { content, env } = seedWorkspace("caches");
  // Every build runs (no build record); detections are cached too, but by text: the documents' cache is what this holds to account.
  Object.assign(env, { BUILD_CACHE: "off", DETECTION_CACHE: "off" });
  /** What the build says it reused: the languages whose bundles it copied, and how many documents, article pages and grouping features. */
  const build = (): { copied: string[]; documents: string; pages: string; features: string } => {
    const run = runBuild(env);
    assert.equal(run.status, 0, run.stderr);
    const said = (pattern: RegExp) => pattern.exec(run.stdout)?.[1] ?? "none";
    const copied = said(/copied from an earlier build: ([^.]+)\./);
    return {
      copied: copied === "none" ? [] : copied.split(", "),
      documents: said(/not ingested again: (\d+ of \d+)\./),
      pages: said(/not rendered again: (\d+ of \d+)\./),
      features: said(/the features of (\d+ of \d+) documents/),
    };
  };
  const clean = () => siteFingerprint(cleanBuild(content));
  const seedFile = (prefix: string) => join(content, readdirSync(content).find((f) => f.startsWith(prefix)) ?? prefix);

  it("ingest every document and index every language on the first build", () => {
    assert.deepEqual(build(), { copied: [], documents: "none", pages: "none", features: "none" });
  });

  it("hold what the search page loads, and none of Pagefind's ready-made interfaces", () => {
    const files = readdirSync(join(env.OUTPUT_DIR, "pagefind", "de"));
    for (const needed of ["pagefind.js", "pagefind-worker.js", "pagefind-entry.json", "wasm.de.pagefind"]) assert.ok(files.includes(needed), `${needed} in ${files.join(" ")}`);
    assert.deepEqual(
      files.filter((f) => UNUSED_UI_FILES.includes(f) || /ui\.(js|css)$/.test(f)),
      [],
    );
  });

  it("are all reused when nothing changed, giving a clean build's site", () => {
    assert.deepEqual(build(), { copied: ["de", "es", "fr", "id"], documents: "5 of 5", pages: "5 of 5", features: "5 of 5" });
    assert.deepEqual(siteFingerprint(env.OUTPUT_DIR), clean());
  });

  it("ingest again only an edited document, and index again only its language when it has no translation", () => {
    // 004 is the seeds' one Spanish article alone: no other language's page names it.
    const file = seedFile("004");
    writeFileSync(file, `${readFileSync(file, "utf8")}\nUna frase más, añadida para ver qué se indexa de nuevo.\n`);
    assert.deepEqual(build(), { copied: ["de", "fr", "id"], documents: "4 of 5", pages: "4 of 5", features: "4 of 5" });
    assert.deepEqual(siteFingerprint(env.OUTPUT_DIR), clean());
  });

  it("index again every language of a group whose member changed its title, as each names it", () => {
    const file = seedFile("002");
    // Its title is its first sentence: every translation's page lists the versions by title.
    writeFileSync(file, readFileSync(file, "utf8").replace("Il semble ridicule", "Il semble vraiment ridicule"));
    // Its group's pages list its title; the article alone is the one page kept.
    assert.deepEqual(build(), { copied: [], documents: "4 of 5", pages: "1 of 5", features: "4 of 5" });
    assert.deepEqual(siteFingerprint(env.OUTPUT_DIR), clean());
  });

  it("give a clean build's site after a document is deleted and after a bundle in the cache is removed", () => {
    rmSync(seedFile("004"));
    assert.deepEqual(build(), { copied: ["de", "fr", "id"], documents: "4 of 4", pages: "4 of 4", features: "4 of 4" });
    assert.deepEqual(siteFingerprint(env.OUTPUT_DIR), clean());
    for (const kept of readdirSync(env.SEARCH_CACHE).filter((k) => k.startsWith("de-"))) rmSync(join(env.SEARCH_CACHE, kept), { recursive: true });
    assert.deepEqual(build().copied, ["es", "fr", "id"]);
    assert.deepEqual(siteFingerprint(env.OUTPUT_DIR), clean());
  });
});
