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

  it("spells a title in capitals word by word, as its lower-case form", () => {
    assert.equal(slugFromTitle("ЧТО ТАКОЕ HTML", "x"), "chto-takoe-html");
    assert.equal(slugFromTitle("ÜBER DEN ÄRGER", "x"), "ueber-den-aerger");
    assert.equal(slugFromTitle("ЁЛКА И ЮЛА", "x"), slugFromTitle("ёлка и юла", "x"));
    assert.equal(slugFromTitle("iPhone und macOS", "x"), "iphone-und-macos");
  });

  it("keeps the title's own letters in scripts a romanization would make unreadable", () => {
    assert.equal(slugFromTitle("北京的早晨", "x"), "北京的早晨");
    assert.equal(slugFromTitle("パン職人の朝は、早い。", "x"), "パン職人の朝は-早い");
    assert.equal(slugFromTitle("빵집 주인의 아침", "x"), "빵집-주인의-아침");
    assert.equal(slugFromTitle("ร้านขนมปังในซอย", "x"), "ร้านขนมปังในซอย");
    assert.equal(slugFromTitle("रोटी वाला हर सुबह", "x"), "रोटी-वाला-हर-सुबह");
  });

  it("drops Hebrew vowel points and Arabic harakat, which a URL does without", () => {
    assert.equal(slugFromTitle("הַלֶּחֶם שֶׁל הָאוֹפֶה", "x"), "הלחם-של-האופה");
    assert.equal(slugFromTitle("الخبّاز يفتح بابه", "x"), "الخباز-يفتح-بابه");
  });

  it("keeps every word of a title that mixes a Latin name into another script", () => {
    assert.equal(slugFromTitle("Linux で パン", "x"), "linux-で-パン");
  });

  it("cuts a long title in another script at a word, within 40 characters", () => {
    const slug = slugFromTitle("الخبز الطازج في المدينة القديمة يجمع الجيران كل صباح قبل العمل", "x");
    assert.ok([...slug].length <= 40 && !slug.endsWith("-"), slug);
    assert.ok("الخبز-الطازج-في-المدينة-القديمة-يجمع-الجيران".startsWith(slug));
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

  it("gives each duplicate the lowest number still free, past a title that is numbered itself", () => {
    const { slugs } = assignUniqueSlugs([
      { id: "a.txt", lang: "es", slug: "hola", fixed: false },
      { id: "b.txt", lang: "es", slug: "hola-3", fixed: false },
      { id: "c.txt", lang: "es", slug: "hola", fixed: false },
      { id: "d.txt", lang: "es", slug: "hola", fixed: false },
      { id: "e.txt", lang: "es", slug: "hola-2", fixed: false },
    ]);
    assert.deepEqual(Object.fromEntries(slugs), { "a.txt": "hola", "b.txt": "hola-3", "c.txt": "hola-2", "d.txt": "hola-4", "e.txt": "hola-2-2" });
  });

  it("numbers thousands of documents of one title each with its own number", () => {
    const requests = Array.from({ length: 3000 }, (_, i) => ({ id: `${String(i).padStart(4, "0")}.txt`, lang: "es", slug: "hola", fixed: false }));
    const { slugs, collisions } = assignUniqueSlugs(requests);
    assert.equal(new Set(slugs.values()).size, 3000);
    assert.equal(slugs.get("2999.txt"), "hola-3000");
    assert.equal(collisions.length, 2999);
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
    const { slugs } = assignUniqueSlugs([
      { id: "a.txt", lang: "es", slug: "page", fixed: false },
      { id: "b.txt", lang: "es", slug: "coverage", fixed: false },
    ]);
    assert.equal(slugs.get("a.txt"), "page-2");
    assert.equal(slugs.get("b.txt"), "coverage-2");
  });
});
