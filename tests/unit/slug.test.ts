import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { assignUniqueSlugs, slugFromTitle } from "../../src/ingest/slug.ts";

describe("slugs", () => {
  it("transliterates Spanish, German and French letters to ASCII", () => {
    assert.equal(slugFromTitle("Año de señales", "x"), "ano-de-senales");
    assert.equal(slugFromTitle("Große Straße", "x"), "grosse-strasse");
    assert.equal(slugFromTitle("Café à emporter", "x"), "cafe-a-emporter");
  });

  it("transliterates Cyrillic and Greek", () => {
    assert.equal(slugFromTitle("Привет мир", "x"), "privet-mir");
    assert.match(slugFromTitle("Καλημέρα κόσμε", "x"), /^[a-z-]+$/);
  });

  it("falls back to a romanization for CJK titles", () => {
    assert.equal(slugFromTitle("北京的早晨", "x"), "bei-jing-de-zao-chen");
  });

  it("uses the fallback when a title has nothing to transliterate", () => {
    assert.equal(slugFromTitle("!!!", "doc-1234abcd"), "doc-1234abcd");
  });

  it("keeps slugs short, ending at a word", () => {
    const slug = slugFromTitle("one two three four five six seven eight nine ten eleven twelve thirteen", "x");
    assert.ok(slug.length <= 60);
    assert.ok(!slug.endsWith("-"));
  });
});

describe("unique slugs within a language", () => {
  it("numbers later duplicates in file order and reports them", () => {
    const { slugs, collisions } = assignUniqueSlugs([
      { id: "b.txt", lang: "es", slug: "hola", fixed: false },
      { id: "a.txt", lang: "es", slug: "hola", fixed: false },
      { id: "c.txt", lang: "de", slug: "hola", fixed: false },
    ]);
    assert.deepEqual(Object.fromEntries(slugs), { "a.txt": "hola", "b.txt": "hola-2", "c.txt": "hola" });
    assert.deepEqual(collisions, [{ id: "b.txt", lang: "es", wanted: "hola", given: "hola-2" }]);
  });

  it("lets a slug set in front matter keep it over a derived one", () => {
    const { slugs } = assignUniqueSlugs([
      { id: "a.txt", lang: "es", slug: "hola", fixed: false },
      { id: "z.md", lang: "es", slug: "hola", fixed: true },
    ]);
    assert.equal(slugs.get("z.md"), "hola");
    assert.equal(slugs.get("a.txt"), "hola-2");
  });

  it("never gives a document a path the site uses itself", () => {
    const { slugs } = assignUniqueSlugs([{ id: "a.txt", lang: "es", slug: "page", fixed: false }]);
    assert.equal(slugs.get("a.txt"), "page-2");
  });
});
