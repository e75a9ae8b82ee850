/** The site gates fail on a deliberately broken site: a gate that cannot fail is not a gate. */
import assert from "node:assert/strict";
import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { describe, it } from "node:test";
import { HtmlValidate, Parser, type HtmlElement } from "html-validate";
import { quadraticGetElementsByTagName, validateSiteHtml } from "../../src/check/html.ts";
import { findBrokenLinks } from "../../src/check/links.ts";

function site(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), "gate-site-"));
  for (const [name, content] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, name)), { recursive: true });
    writeFileSync(join(dir, name), content);
  }
  return dir;
}

const page = (title: string, body: string, head = "") =>
  `<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n<title>${title}</title>\n${head}\n</head>\n<body>\n${body}\n</body>\n</html>\n`;

describe("the valid-HTML gate", () => {
  it("passes a valid page", async () => {
    assert.deepEqual(await validateSiteHtml(site({ "index.html": page("Home", "<main><p>Fine.</p></main>") })), []);
  });

  it("reports a page with an unclosed element, a duplicate id and an image without alt text", async () => {
    const dir = site({ "en/broken/index.html": page("Broken", `<main><p id="a">One</p><p id="a">Two<div>x</p><img src="a.png"></main>`) });
    const rules = new Set((await validateSiteHtml(dir)).map((p) => p.rule));
    for (const rule of ["no-dup-id", "wcag/h37"]) assert.ok(rules.has(rule), `${rule} in ${[...rules].join(", ")}`);
    assert.ok(rules.size >= 3);
  });

  it("reports a title a reader sees as longer than 70 characters", async () => {
    const dir = site({ "long/index.html": page("A title that goes on and on well past the seventy characters that any results page would show", "<main></main>") });
    assert.deepEqual(
      (await validateSiteHtml(dir)).map((p) => [p.file, p.rule]),
      [["long/index.html", "title-length"]],
    );
  });

  it("counts a title's characters as read, not as escaped", async () => {
    const dir = site({ "markup/index.html": page("&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &lt;!-- &lt;b&gt; &lt;i&gt;", "<main></main>") });
    assert.deepEqual(await validateSiteHtml(dir), []);
  });
});

describe("the valid-HTML gate's faster descendant search", () => {
  it("finds the same elements in the same order as html-validate's own", () => {
    const config = new HtmlValidate().getConfigForSync("inline.html");
    const root = new Parser(config).parseHtml(page("t", `<main><p>a <a href="#x">x</a></p><div><p>b</p><section><p>c <a href="#y">y</a></p></section></div><p>d</p></main>`));
    for (const tag of ["p", "a", "section", "*"]) {
      const where = (elements: HtmlElement[]) => elements.map((e) => `${e.tagName}@${e.location.offset}`);
      const own = where(quadraticGetElementsByTagName.call(root, tag));
      assert.ok(own.length > 0, tag);
      assert.deepEqual(where(root.getElementsByTagName(tag)), own, tag);
    }
  });
});

describe("the links gate", () => {
  const ok = page("Home", `<main><a href="/en/">English</a></main>`, `<link rel="alternate" hreflang="en" href="https://example.org/en/">`);

  it("passes a site whose links all resolve", () => {
    const dir = site({ "index.html": ok, "en/index.html": page("English", "<main></main>") });
    assert.deepEqual(findBrokenLinks(dir, "https://example.org", "/"), []);
  });

  it("reports a missing page, asset, script, hreflang target and sitemap URL, each by where it was found", () => {
    const dir = site({
      "index.html": page(
        "Home",
        `<main><a href="/en/missing/">x</a><img src="/img/none.png" alt="none"><script src="/js/none.js"></script></main>`,
        `<link rel="stylesheet" href="/css/none.css"><link rel="alternate" hreflang="de" href="https://example.org/de/">`,
      ),
      "sitemap.xml": `<?xml version="1.0"?><urlset><url><loc>https://example.org/fr/</loc></url></urlset>`,
    });
    assert.deepEqual(
      findBrokenLinks(dir, "https://example.org", "/")
        .map((b) => `${b.page} → ${b.url}`)
        .sort(),
      [
        "index.html → /css/none.css",
        "index.html → /en/missing/",
        "index.html → /img/none.png",
        "index.html → /js/none.js",
        "index.html → https://example.org/de/",
        "sitemap.xml → https://example.org/fr/",
      ],
    );
  });

  it("reports a link that leaves the path prefix of a project site", () => {
    const dir = site({ "index.html": page("Home", `<main><a href="/en/">English</a></main>`), "en/index.html": page("English", "<main></main>") });
    assert.deepEqual(
      findBrokenLinks(dir, "https://example.org", "/sub/").map((b) => b.url),
      ["/en/"],
    );
  });
});
