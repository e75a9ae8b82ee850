import assert from "node:assert/strict";
import { cpSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, it } from "node:test";
import { buildSiteModel, type SiteModel } from "../../src/pipeline.ts";
import { PageCache, renderVersion, type RenderPlan } from "../../src/render/page-cache.ts";
import { loadSettings, PROJECT_ROOT } from "../../src/settings.ts";

const model = buildSiteModel(loadSettings({}));
const store = () => mkdtempSync(join(tmpdir(), "pages-"));

/** Keeps a made-up page for every article the plan renders, as a build keeps what Eleventy gave it. */
function keepAll(cache: PageCache, plan: RenderPlan): void {
  const out = "/site";
  cache.keep(
    plan,
    plan.render.map((a) => ({ url: a.url, outputPath: join(out, a.url, "index.html"), content: `<html lang="${a.lang}">${a.title}</html>` })),
    new Map(),
    out,
  );
}

function withTitle(m: SiteModel, title: string): SiteModel {
  return { ...m, settings: { ...m.settings, title } };
}

describe("the page cache", () => {
  it("renders every article when nothing is kept, then none when nothing changed", () => {
    const dir = store();
    const first = new PageCache(dir, "v1");
    const plan = first.plan(model);
    assert.equal(plan.render.length, model.articles.length);
    keepAll(first, plan);
    const next = new PageCache(dir, "v1").plan(model);
    assert.deepEqual(next.render, []);
    assert.deepEqual(
      next.kept.map((p) => [p.url, p.path]),
      model.articles.map((a) => [a.url, join(a.url, "index.html").slice(1)]),
    );
  });

  it("renders again only the article whose own view changed", () => {
    const dir = store();
    const cache = new PageCache(dir, "v1");
    keepAll(cache, cache.plan(model));
    const [first, ...rest] = model.articles;
    assert.ok(first);
    const edited = { ...model, articles: [{ ...first, title: `${first.title}!` }, ...rest] };
    assert.deepEqual(
      new PageCache(dir, "v1").plan(edited).render.map((a) => a.url),
      [first.url],
    );
  });

  it("renders no article again when the coverage grows by a page: the footer links each language's first", () => {
    const dir = store();
    const cache = new PageCache(dir, "v1");
    keepAll(cache, cache.plan(model));
    const [first] = model.coveragePages;
    assert.ok(first);
    const longer = { ...model, coveragePages: [...model.coveragePages, { ...first, url: `${first.url}page/2/`, pageNumber: 2 }] };
    assert.deepEqual(new PageCache(dir, "v1").plan(longer).render, []);
  });

  it("renders every article again when what every page shows changes: the site's title, a UI string, the code or templates", () => {
    const dir = store();
    const cache = new PageCache(dir, "v1");
    keepAll(cache, cache.plan(model));
    const [lang, dictionary] = [...model.dictionaries][0] ?? [];
    assert.ok(lang && dictionary);
    const reworded = { ...model, dictionaries: new Map([...model.dictionaries, [lang, { ...dictionary, "nav.skip": "…" }]]) };
    for (const [changed, version] of [
      [withTitle(model, "Another title"), "v1"],
      [reworded, "v1"],
      [model, "v2"],
    ] as const) {
      assert.equal(new PageCache(dir, version).plan(changed).render.length, model.articles.length);
    }
  });

  it("gives a new version when a template, a data file or the code changes", () => {
    const root = mkdtempSync(join(tmpdir(), "project-"));
    for (const part of ["src", "pages", "_includes", "_data", ".eleventy.ts", "package-lock.json"]) cpSync(join(PROJECT_ROOT, part), join(root, part), { recursive: true });
    const versions = [renderVersion(root)];
    for (const file of ["_includes/layouts/base.njk", "pages/article.njk", "_data/site.json", "src/render/page-cache.ts"]) {
      writeFileSync(join(root, file), "changed", { flag: "a" });
      versions.push(renderVersion(root));
    }
    assert.equal(new Set(versions).size, versions.length);
  });
});
