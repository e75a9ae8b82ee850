/**
 * A rebuild with nothing changed does nothing; any change to what a build reads, or to the site it
 * wrote, builds again, and the result is the site a clean build gives.
 */
import assert from "node:assert/strict";
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, utimesSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, it } from "node:test";
import { inputsDigest, outputDigest } from "../../src/write/build-record.ts";
import { cleanBuild, runBuild, seedWorkspace, siteFingerprint } from "../unit/helpers.ts";

describe("rebuilding", () => {
  // Every cache but the build record off, as before the others existed: this is the record's test.
  const { content, env } = seedWorkspace("rebuild");
  Object.assign(env, { INGEST_CACHE: "off", GROUPING_CACHE: "off", SEARCH_CACHE: "off", PAGE_CACHE: "off" });
  const build = () => {
    const run = runBuild(env);
    assert.equal(run.status, 0, run.stderr);
    return run.stdout;
  };
  const rebuilt = (stdout: string) => /^Built in \d+ ms/m.test(stdout);
  const clean = () => cleanBuild(content);

  it("with nothing changed keeps the site as it is, says so, and writes the report again", () => {
    assert.ok(rebuilt(build()));
    const before = siteFingerprint(env.OUTPUT_DIR);
    const report = readFileSync(env.REPORT_FILE, "utf8");
    rmSync(env.REPORT_FILE);
    const stdout = build();
    assert.ok(!rebuilt(stdout), stdout);
    assert.match(stdout, /Nothing changed since the last build/);
    assert.deepEqual(siteFingerprint(env.OUTPUT_DIR), before);
    assert.equal(readFileSync(env.REPORT_FILE, "utf8"), report);
  });

  it("after a document is edited builds again, and the site is the one a clean build gives", () => {
    const file = join(content, readdirSync(content).sort()[0] ?? "");
    writeFileSync(file, `${readFileSync(file, "utf8")}\nOtra frase más, añadida para ver qué cuesta una edición.\n`);
    assert.ok(rebuilt(build()));
    assert.deepEqual(siteFingerprint(env.OUTPUT_DIR), siteFingerprint(clean()));
  });

  it("after a document is added, renamed or deleted builds again", () => {
    const [first] = readdirSync(content).sort();
    assert.ok(first);
    writeFileSync(join(content, "zz-new.txt"), "Un artículo nuevo\n\nCon un párrafo propio, escrito en español para esta prueba.\n");
    assert.ok(rebuilt(build()), "added");
    renameSync(join(content, "zz-new.txt"), join(content, "zz-renamed.txt"));
    assert.ok(rebuilt(build()), "renamed");
    rmSync(join(content, "zz-renamed.txt"));
    assert.ok(rebuilt(build()), "deleted");
    assert.deepEqual(siteFingerprint(env.OUTPUT_DIR), siteFingerprint(clean()));
  });

  it("after a file of the site is removed builds again and puts it back", () => {
    const before = siteFingerprint(env.OUTPUT_DIR);
    rmSync(join(env.OUTPUT_DIR, "robots.txt"));
    assert.ok(rebuilt(build()));
    assert.deepEqual(siteFingerprint(env.OUTPUT_DIR), before);
  });
});

describe("what a build reads", () => {
  /** A project of one file in each place a build reads from, and a documents folder. */
  function project(): { root: string; content: string } {
    const root = mkdtempSync(join(tmpdir(), "project-"));
    for (const path of ["src/pipeline.ts", "pages/article.njk", "_includes/css/site.css", "_data/authors.json", ".eleventy.ts", "package-lock.json", "tsconfig.json"]) {
      mkdirSync(join(root, path, ".."), { recursive: true });
      writeFileSync(join(root, path), `${path}\n`);
    }
    const content = join(root, "content");
    mkdirSync(content);
    writeFileSync(join(content, "a.txt"), "A document.\n");
    return { root, content };
  }

  for (const path of ["src/pipeline.ts", "pages/article.njk", "_includes/css/site.css", "_data/authors.json", ".eleventy.ts", "package-lock.json", "content/a.txt"]) {
    it(`changes when ${path} changes`, () => {
      const { root, content } = project();
      const before = inputsDigest(root, content, {});
      writeFileSync(join(root, path), "changed\n");
      assert.notEqual(inputsDigest(root, content, {}), before);
    });
  }

  it("changes when a setting changes (a path prefix, say)", () => {
    const { root, content } = project();
    assert.notEqual(inputsDigest(root, content, { pathPrefix: "/" }), inputsDigest(root, content, { pathPrefix: "/blog/" }));
  });

  it("does not change when nothing does", () => {
    const { root, content } = project();
    assert.equal(inputsDigest(root, content, {}), inputsDigest(root, content, {}));
  });
});

describe("the site as written", () => {
  it("reads as changed when a file in it is edited, even to the same size", () => {
    const dir = mkdtempSync(join(tmpdir(), "site-"));
    writeFileSync(join(dir, "index.html"), "<p>a</p>");
    utimesSync(join(dir, "index.html"), 1_000_000, 1_000_000);
    const before = outputDigest(dir);
    writeFileSync(join(dir, "index.html"), "<p>b</p>");
    assert.notEqual(outputDigest(dir), before);
  });
});
