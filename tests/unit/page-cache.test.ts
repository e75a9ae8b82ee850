import assert from "node:assert/strict";
import { appendFileSync, cpSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, it } from "node:test";
import { buildSiteModel, type SiteModel } from "../../src/pipeline.ts";
import { contentDigest } from "../../src/files.ts";
import { searchablePages } from "../../src/index/pagefind.ts";
import { keptForSearch, PageCache, readFromCache, renderVersion, type RenderPlan } from "../../src/render/page-cache.ts";
import { loadSettings, PROJECT_ROOT } from "../../src/settings.ts";

const model = buildSiteModel(loadSettings({}));
const store = () => mkdtempSync(join(tmpdir(), "pages-"));

/** A page as the build has it once Eleventy rendered it into /site. */
const page = (url: string, content: string) => ({ url, outputPath: join("/site", url, "index.html"), content, digest: contentDigest(content) });

/** Every view the plan renders: articles, language homes, coverage and author pages. */
const views = (plan: RenderPlan) => [...plan.render.articles, ...plan.render.homePages, ...plan.render.coveragePages, ...plan.render.authorPages];

/** Keeps a made-up page for every view the plan renders, as a build keeps what Eleventy gave it. */
function keepAll(cache: PageCache, plan: RenderPlan): void {
  cache.keep(
    plan,
    views(plan).map((v) => page(v.url, `<html lang="${v.lang}">${v.url}</html>`)),
    new Map(),
    "/site",
  );
}

/** A store that keeps a page for every view of the model, as after a build of it. */
function keptStore(): string {
  const dir = store();
  const cache = new PageCache(dir, "v1");
  keepAll(cache, cache.plan(model));
  return dir;
}

function withTitle(m: SiteModel, title: string): SiteModel {
  return { ...m, settings: { ...m.settings, title } };
}

describe("the page cache", () => {
  it("renders every page of a view when nothing is kept, then none when nothing changed", () => {
    const dir = store();
    const first = new PageCache(dir, "v1");
    const plan = first.plan(model);
    const all = [...model.articles, ...model.homePages, ...model.coveragePages, ...model.authorPages];
    assert.deepEqual(
      views(plan).map((v) => v.url),
      all.map((v) => v.url),
    );
    keepAll(first, plan);
    const next = new PageCache(dir, "v1").plan(model);
    assert.deepEqual(views(next), []);
    assert.deepEqual(
      next.kept.map((p) => [p.url, p.path]),
      all.map((v) => [v.url, join(v.url, "index.html").slice(1)]),
    );
  });

  it("renders again only the language homes and coverage pages whose view changed, when an article's title changes", () => {
    const dir = keptStore();
    const [first, ...rest] = model.articles;
    assert.ok(first);
    const retitle = <T>(value: T): T => JSON.parse(JSON.stringify(value).replaceAll(JSON.stringify(first.title), JSON.stringify(`${first.title}!`))) as T;
    const edited = { ...model, articles: [retitle(first), ...rest], homePages: retitle(model.homePages), coveragePages: retitle(model.coveragePages) };
    const again = new PageCache(dir, "v1").plan(edited).render;
    const showing = (pages: readonly { url: string }[]) => pages.filter((p) => JSON.stringify(p).includes(JSON.stringify(first.title))).map((p) => p.url);
    assert.deepEqual(
      again.articles.map((a) => a.url),
      [first.url],
    );
    assert.deepEqual(
      again.homePages.map((p) => p.url),
      showing(model.homePages),
    );
    assert.deepEqual(
      again.coveragePages.map((p) => p.url),
      showing(model.coveragePages),
    );
    assert.ok(again.homePages.length < model.homePages.length && again.coveragePages.length < model.coveragePages.length);
  });

  it("renders again only the article whose own view changed", () => {
    const dir = keptStore();
    const [first, ...rest] = model.articles;
    assert.ok(first);
    const edited = { ...model, articles: [{ ...first, title: `${first.title}!` }, ...rest] };
    assert.deepEqual(
      new PageCache(dir, "v1").plan(edited).render.articles.map((a) => a.url),
      [first.url],
    );
  });

  it("renders again an article whose document changed, known by the hash of its bytes", () => {
    const dir = keptStore();
    const [first, ...rest] = model.articles;
    assert.ok(first);
    const edited = { ...model, articles: [{ ...first, contentHash: "0".repeat(16), body: [...first.body, { type: "paragraph" as const, text: "Una línea más." }] }, ...rest] };
    assert.deepEqual(
      new PageCache(dir, "v1").plan(edited).render.articles.map((a) => a.url),
      [first.url],
    );
  });

  it("renders no article again when the coverage grows by a page: the footer links each language's first", () => {
    const dir = keptStore();
    const [first] = model.coveragePages;
    assert.ok(first);
    const longer = { ...model, coveragePages: [...model.coveragePages, { ...first, url: `${first.url}page/2/`, pageNumber: 2 }] };
    assert.deepEqual(new PageCache(dir, "v1").plan(longer).render.articles, []);
  });

  it("renders again, in every language, the coverage pages of a row whose link to a translation changed", () => {
    const dir = keptStore();
    const row = model.coveragePages[0]?.rows.find((r) => r.cells.some((c) => c && c.lang !== r.lang));
    assert.ok(row);
    const moved = row.cells.map((c) => (c && c.lang !== row.lang ? { ...c, url: `${c.url}moved/` } : c));
    const coveragePages = model.coveragePages.map((p) => ({ ...p, rows: p.rows.map((r) => (r.cells === row.cells ? { ...r, cells: moved } : r)) }));
    const showing = model.coveragePages.filter((p) => p.rows.some((r) => r.cells === row.cells)).map((p) => p.url);
    assert.equal(showing.length, model.coveragePages.length / (model.coveragePages[0]?.totalPages ?? 1));
    assert.deepEqual(
      new PageCache(dir, "v1").plan({ ...model, coveragePages }).render.coveragePages.map((p) => p.url),
      showing,
    );
  });

  it("renders every article again when what every page shows changes: the site's title, a UI string, the code or templates", () => {
    const dir = keptStore();
    const [lang, dictionary] = [...model.dictionaries][0] ?? [];
    assert.ok(lang && dictionary);
    const reworded = { ...model, dictionaries: new Map([...model.dictionaries, [lang, { ...dictionary, "nav.skip": "…" }]]) };
    for (const [changed, version] of [
      [withTitle(model, "Another title"), "v1"],
      [reworded, "v1"],
      [model, "v2"],
    ] as const) {
      assert.equal(new PageCache(dir, version).plan(changed).render.articles.length, model.articles.length);
    }
  });

  it("keeps each page's HTML in a file of its own, and what search needs of it beside", () => {
    const dir = store();
    const cache = new PageCache(dir, "v1");
    const plan = cache.plan(model);
    const html = (a: { lang: string; title: string }) => `<html lang="${a.lang}"><article data-pagefind-body>${a.title}</article></html>`;
    const rendered = plan.render.articles.map((a) => page(a.url, html(a)));
    const searchable = searchablePages(rendered);
    cache.keep(plan, rendered, new Map(), "/site");
    const kept = new PageCache(dir, "v1").plan(model).kept;
    assert.deepEqual(
      kept.map((p) => readFileSync(p.file, "utf8")),
      model.articles.map(html),
    );
    assert.deepEqual(
      searchablePages([], keptForSearch(kept)).map((p) => [p.url, p.lang, p.digest, p.html()]),
      searchable.map((p) => [p.url, p.lang, contentDigest(p.html()), p.html()]),
    );
  });

  it("has the pages for search read their HTML from the cache once it keeps them, not from memory", () => {
    const dir = store();
    const cache = new PageCache(dir, "v1");
    const plan = cache.plan(model);
    const rendered = plan.render.articles.map((a) => page(a.url, `<html lang="${a.lang}"><article data-pagefind-body>${a.title}</article></html>`));
    const searchable = searchablePages(rendered);
    const files = cache.keep(plan, rendered, new Map(), "/site");
    readFromCache(searchable, files);
    for (const file of files.values()) writeFileSync(file, readFileSync(file, "utf8").replace("</article>", " (from the cache)</article>"));
    assert.deepEqual(
      searchable.map((p) => p.html()),
      searchable.map((p) => rendered.find((r) => r.url === p.url)?.content.replace("</article>", " (from the cache)</article>")),
    );
  });

  it("renders a page again whose kept HTML was changed in place, as through the site's hard link to it", () => {
    const dir = store();
    const cache = new PageCache(dir, "v1");
    const plan = cache.plan(model);
    const files = cache.keep(
      plan,
      plan.render.articles.map((a) => page(a.url, `<html lang="${a.lang}">${a.title}</html>`)),
      new Map(),
      "/site",
    );
    const [first] = model.articles;
    const file = first ? files.get(first.url) : undefined;
    assert.ok(first && file);
    appendFileSync(file, "<!-- edited by hand -->");
    assert.deepEqual(
      new PageCache(dir, "v1").plan(model).render.articles.map((a) => a.url),
      [first.url],
    );
  });

  it("gives a new version when a template, a data file, the code or the runtime changes", () => {
    const root = mkdtempSync(join(tmpdir(), "project-"));
    for (const part of ["src", "pages", "_includes", "_data", ".eleventy.ts", "package-lock.json"]) cpSync(join(PROJECT_ROOT, part), join(root, part), { recursive: true });
    const versions = [renderVersion(root)];
    for (const file of ["_includes/layouts/base.njk", "pages/article.njk", "_data/site.json", "src/render/page-cache.ts"]) {
      writeFileSync(join(root, file), "changed", { flag: "a" });
      versions.push(renderVersion(root));
    }
    // Another Node, with another ICU: its dates and word breaks may differ.
    versions.push(renderVersion(root, "node v99.0.0 icu 99.1 unicode 99.0"));
    assert.equal(new Set(versions).size, versions.length);
  });
});
