import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { assignUniqueSlugs } from "../../src/ingest/slug.ts";
import { RESERVED_SLUGS, routes } from "../../src/routes.ts";

describe("routes", () => {
  it("reserves every path segment the site uses under a language", () => {
    assert.deepEqual(RESERVED_SLUGS, ["404", "authors", "coverage", "feed", "page", "search"]);
  });

  it("never gives an article the path of one of the site's own pages", () => {
    const requests = RESERVED_SLUGS.map((slug, i) => ({ id: `${i}.txt`, lang: "es", slug, fixed: false }));
    const { slugs } = assignUniqueSlugs(requests);
    const own = [routes.home("es", 2), routes.author("es", "x"), routes.search("es"), routes.coverage("es"), routes.atomFeed("es"), routes.notFound("es")].map((p) =>
      p.split("/")[2]!.replace(/\..*$/, ""),
    );
    for (const slug of slugs.values()) assert.ok(!own.includes(slug), slug);
  });

  it("keeps a language's first home page at the language's root and numbers the rest", () => {
    assert.equal(routes.home("de"), "/de/");
    assert.equal(routes.home("de", 3), "/de/page/3/");
  });
});
