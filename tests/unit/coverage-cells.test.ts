import assert from "node:assert/strict";
import { describe, it } from "node:test";
import nunjucks from "nunjucks";
import { coverageCells, escapeHtml } from "../../src/render/coverage-cells.ts";

describe("coverage cells", () => {
  it("escapes text as Nunjucks escapes a printed value", () => {
    const hostile = `Tom & "Jerry" <script>alert('x')</script> C:\\path`;
    assert.equal(escapeHtml(hostile), nunjucks.lib.escape(hostile));
  });

  it("links a language the article is in, read aloud by its label, and says missing in the others", () => {
    const html = coverageCells([{ lang: "de", url: "/de/a/", label: "Deutsch: A & B" }, null], "fehlt");
    assert.equal(html, `<td><a href="/de/a/" hreflang="de" lang="de" aria-label="Deutsch: A &amp; B">✓</a></td><td><span class="visually-hidden">fehlt</span></td>`);
  });
});
