import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { sitemapEntries, SitemapDeclarationError, type DeclaredPage } from "../../src/render/sitemap.ts";

const links = (loc: string) => [
  { hreflang: "de", href: loc },
  { hreflang: "x-default", href: "https://blog.example/" },
];
const page = (inputPath: string, data: DeclaredPage["data"]): DeclaredPage => ({ inputPath, data });

describe("the sitemap", () => {
  it("lists a page that declares sitemap: true, with its canonical URL, its hreflang links and its date", () => {
    const entries = sitemapEntries([page("./pages/a.njk", { sitemap: true, view: { canonical: "https://blog.example/de/a/", hreflang: links("https://blog.example/de/a/"), lastmod: "2024-05-01" } })]);
    assert.deepEqual(entries, [{ loc: "https://blog.example/de/a/", lastmod: "2024-05-01", alternates: links("https://blog.example/de/a/") }]);
  });

  it("leaves out a page that does not declare itself, such as a feed or the 404 page", () => {
    const entries = sitemapEntries([page("./pages/404.njk", { view: { canonical: "https://blog.example/404.html", hreflang: [] } })]);
    assert.deepEqual(entries, []);
  });

  it("gives no lastmod where the page has no date", () => {
    const [entry] = sitemapEntries([page("./pages/coverage.njk", { sitemap: true, view: { canonical: "https://blog.example/coverage/", hreflang: [] } })]);
    assert.equal(entry?.loc, "https://blog.example/coverage/");
    assert.equal("lastmod" in (entry ?? {}), false);
  });

  it("orders entries by URL, whatever order the templates were rendered in", () => {
    const declared = ["/fr/b/", "/de/z/", "/de/a/"].map((path) => page(`./pages${path}x.njk`, { sitemap: true, view: { canonical: `https://blog.example${path}`, hreflang: [] } }));
    assert.deepEqual(
      sitemapEntries(declared).map((e) => e.loc),
      ["https://blog.example/de/a/", "https://blog.example/de/z/", "https://blog.example/fr/b/"],
    );
  });

  it("names the template that declares itself without a view to list", () => {
    assert.throws(
      () => sitemapEntries([page("./pages/extra.njk", { sitemap: true })]),
      (error: unknown) => error instanceof SitemapDeclarationError && error.message.startsWith("./pages/extra.njk: declares sitemap: true"),
    );
  });
});
