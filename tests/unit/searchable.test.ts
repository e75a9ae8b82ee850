import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { IndexError, searchablePages } from "../../src/index/pagefind.ts";

const html = (lang: string | undefined, body: string) => `<!doctype html><html${lang ? ` lang="${lang}"` : ""} dir="ltr"><head></head><body>${body}</body></html>`;

describe("the pages the search indexes", () => {
  it("are those that mark their content data-pagefind-body, each in the language of its html element", () => {
    const pages = searchablePages([
      { url: "/ja/パン/", content: html("ja", "<article data-pagefind-body>パン</article>") },
      { url: "/ja/", content: html("ja", "<main>ホーム</main>") },
    ]);
    assert.deepEqual(
      pages.map((p) => [p.url, p.lang]),
      [["/ja/パン/", "ja"]],
    );
  });

  it("leave out what is not written to a URL, such as a page with permalink false", () => {
    assert.deepEqual(searchablePages([{ url: false, content: html("de", "<div data-pagefind-body></div>") }]), []);
  });

  it("stop the build, naming the page, when a marked page does not say its language", () => {
    assert.throws(
      () => searchablePages([{ url: "/x/", content: html(undefined, "<div data-pagefind-body></div>") }]),
      (error: unknown) => error instanceof IndexError && error.message === "/x/ is marked for search (data-pagefind-body) but its <html> element has no lang",
    );
  });
});
