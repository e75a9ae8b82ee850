/** A template added to the site declares itself for the sitemap and search, and joins both with no other change. */
import assert from "node:assert/strict";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, it } from "node:test";
import Eleventy from "@11ty/eleventy";
import { handModel } from "../../src/eleventy/site-plugin.ts";
import { searchablePages, type RenderedPage } from "../../src/index/pagefind.ts";
import { buildSiteModel } from "../../src/pipeline.ts";
import { loadSettings, PROJECT_ROOT } from "../../src/settings.ts";

/** What a publisher would add to pages/: a paginated view, `sitemap: true`, content marked for Pagefind. */
const EXTRA_TEMPLATE = `---
pagination:
  data: extraPages
  size: 1
  alias: view
  addAllPagesToCollections: true
permalink: "{{ view.url }}"
layout: layouts/base.njk
sitemap: true
---
<div data-pagefind-body><h1>{{ view.title }}</h1><p>Colophon</p></div>`;

describe("a template added to the site", async () => {
  const settings = loadSettings({ SITE_URL: "https://blog.example" });
  const model = buildSiteModel(settings);
  const home = model.homePages.find((h) => h.url === "/de/");
  assert.ok(home, "the seeds have a German home");
  const colophon = { ...home, url: "/de/kolophon/", canonical: "https://blog.example/de/kolophon/", title: "Kolophon" };
  const eleventy = new Eleventy(undefined, mkdtempSync(join(tmpdir(), "extra-")), {
    configPath: join(PROJECT_ROOT, ".eleventy.ts"),
    quietMode: true,
    config: (config: Parameters<ReturnType<typeof handModel>>[0]) => {
      handModel(model)(config);
      config.addGlobalData("extraPages", [colophon]);
      config.addTemplate("extra.njk", EXTRA_TEMPLATE);
    },
  });
  const rendered = (await eleventy.toJSON()) as unknown as RenderedPage[];
  const sitemap = rendered.find((p) => p.url === "/sitemap.xml")?.content ?? "";

  it("is listed in the sitemap with its page's hreflang links, and nothing else was told about it", () => {
    const entry = /<url>\s*<loc>https:\/\/blog\.example\/de\/kolophon\/<\/loc>[\s\S]*?<\/url>/.exec(sitemap)?.[0] ?? "";
    assert.notEqual(entry, "", sitemap.slice(0, 400));
    for (const link of home.hreflang) assert.ok(entry.includes(`hreflang="${link.hreflang}" href="${link.href}"`), `${link.hreflang} in ${entry}`);
  });

  it("is indexed for search in its page's language", () => {
    const page = searchablePages(rendered).find((p) => p.url === "/de/kolophon/");
    assert.equal(page?.lang, "de");
  });

  it("keeps every article in the sitemap and the search beside it", () => {
    const searchable = new Set(searchablePages(rendered).map((p) => p.url));
    for (const a of model.articles) {
      assert.ok(sitemap.includes(`<loc>${a.canonical}</loc>`), a.canonical);
      assert.ok(searchable.has(a.url), a.url);
    }
  });
});
