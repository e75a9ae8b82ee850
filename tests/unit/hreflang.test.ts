import assert from "node:assert/strict";
import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { describe, it } from "node:test";
import { validateHreflang } from "../../src/check/hreflang.ts";

const BASE = "https://example.org/blog";
type Links = [string, string][];

interface Page {
  lang: string;
  links: Links;
  /** Extra markup in the head. */
  head?: string;
  canonical?: string;
}

/** A tiny built site: an article in es and de, and the root chooser, with a sitemap. */
function site(change: (pages: Record<string, Page>) => void = () => {}, sitemap?: (pages: Record<string, Page>) => Record<string, Links>): string {
  const set: Links = [
    ["es", `${BASE}/es/a/`],
    ["de", `${BASE}/de/a/`],
    ["x-default", `${BASE}/`],
  ];
  const pages: Record<string, Page> = {
    "/es/a/": { lang: "es", links: [...set] },
    "/de/a/": { lang: "de", links: [...set] },
    "/": { lang: "en", links: [] },
  };
  change(pages);
  const dir = mkdtempSync(join(tmpdir(), "site-"));
  for (const [path, page] of Object.entries(pages)) {
    const file = join(dir, path, "index.html");
    mkdirSync(dirname(file), { recursive: true });
    const links = page.links.map(([h, href]) => `<link rel="alternate" hreflang="${h}" href="${href}">`).join("\n");
    writeFileSync(file, `<!doctype html><html lang="${page.lang}"><head><link rel="canonical" href="${page.canonical ?? BASE + path}">${links}${page.head ?? ""}</head><body></body></html>`);
  }
  const entries = sitemap ? sitemap(pages) : Object.fromEntries(Object.entries(pages).map(([p, page]) => [p, page.links]));
  const urls = Object.entries(entries)
    .map(([p, links]) => `<url><loc>${BASE}${p}</loc>${links.map(([h, href]) => `<xhtml:link rel="alternate" hreflang="${h}" href="${href}"/>`).join("")}</url>`)
    .join("");
  writeFileSync(join(dir, "sitemap.xml"), `<?xml version="1.0"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:xhtml="http://www.w3.org/1999/xhtml">${urls}</urlset>`);
  return dir;
}
const rules = (dir: string) => validateHreflang(dir, BASE).map((p) => `${p.page.replace(BASE, "")} ${p.rule}`);

describe("the hreflang validator", () => {
  it("passes a site that follows every rule", () => {
    assert.deepEqual(validateHreflang(site(), BASE), []);
  });

  it("reports a feed link that carries hreflang, which crawlers read as a page alternate", () => {
    const dir = site((p) => {
      p["/"]!.head = `<link rel="alternate" type="application/atom+xml" hreflang="es" href="/es/feed.xml">`;
    });
    assert.deepEqual(rules(dir), ["/ typed"]);
  });

  it("lets a feed link without hreflang pass", () => {
    const dir = site((p) => {
      p["/"]!.head = `<link rel="alternate" type="application/atom+xml" title="Feed" href="/es/feed.xml">`;
    });
    assert.deepEqual(rules(dir), []);
  });

  it("reports a page that does not list itself", () => {
    const dir = site((p) => {
      p["/es/a/"]!.links = p["/es/a/"]!.links.filter(([h]) => h !== "es");
      p["/de/a/"]!.links = [...p["/es/a/"]!.links];
    });
    assert.ok(rules(dir).includes("/es/a/ self"), rules(dir).join("\n"));
  });

  it("reports a code that is not a valid language tag", () => {
    const dir = site((p) => {
      for (const page of [p["/es/a/"]!, p["/de/a/"]!]) page.links = page.links.map(([h, href]) => [h === "es" ? "es_ES" : h, href]);
    });
    assert.ok(rules(dir).includes("/es/a/ code"), rules(dir).join("\n"));
  });

  it("reports a missing return link, naming the page whose set differs", () => {
    const dir = site((p) => {
      p["/de/a/"]!.links = p["/de/a/"]!.links.filter(([h]) => h !== "es");
    });
    const found = validateHreflang(dir, BASE).find((x) => x.rule === "return" && x.page === `${BASE}/es/a/`);
    assert.match(found?.message ?? "", /differs from the one on https:\/\/example\.org\/blog\/de\/a\//);
  });

  it("reports a link to a page that was not built", () => {
    const dir = site((p) => {
      for (const page of [p["/es/a/"]!, p["/de/a/"]!]) page.links.push(["fr", `${BASE}/fr/a/`]);
    });
    assert.ok(rules(dir).includes("/es/a/ target"), rules(dir).join("\n"));
  });

  it("reports a relative link", () => {
    const dir = site((p) => {
      for (const page of [p["/es/a/"]!, p["/de/a/"]!]) page.links = page.links.map(([h, href]) => [h, h === "de" ? "/blog/de/a/" : href]);
    });
    assert.ok(rules(dir).includes("/es/a/ absolute"), rules(dir).join("\n"));
  });

  it("reports a page whose <html lang> is not the code it is listed under", () => {
    const dir = site((p) => {
      p["/de/a/"]!.lang = "de-AT";
    });
    assert.ok(rules(dir).includes("/es/a/ lang"), rules(dir).join("\n"));
  });

  it("reports an x-default that is missing or points elsewhere than the root chooser", () => {
    const missing = site((p) => {
      for (const page of [p["/es/a/"]!, p["/de/a/"]!]) page.links = page.links.filter(([h]) => h !== "x-default");
    });
    assert.ok(rules(missing).includes("/es/a/ x-default"));
    const elsewhere = site((p) => {
      for (const page of [p["/es/a/"]!, p["/de/a/"]!]) page.links = page.links.map(([h, href]) => [h, h === "x-default" ? `${BASE}/es/a/` : href]);
    });
    assert.ok(rules(elsewhere).includes("/es/a/ x-default"), rules(elsewhere).join("\n"));
  });

  it("reports a canonical URL that is not the page itself", () => {
    const dir = site((p) => {
      p["/de/a/"]!.canonical = `${BASE}/es/a/`;
    });
    assert.deepEqual(rules(dir), ["/de/a/ canonical"]);
  });

  it("reports a sitemap entry whose alternates differ from the page's", () => {
    const dir = site(undefined, (p) => ({ ...Object.fromEntries(Object.entries(p).map(([k, v]) => [k, v.links])), "/de/a/": [] }));
    assert.deepEqual(rules(dir), ["/de/a/ sitemap"]);
  });
});
