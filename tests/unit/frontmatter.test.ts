import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { readFrontMatter } from "../../src/ingest/frontmatter.ts";

describe("front matter of .md documents", () => {
  it("reads every supported field", () => {
    const result = readFrontMatter("---\ntitle: Hola\nlang: es-mx\ndate: 2024-03-05\nauthor: seamus\nslug: hola-mundo\ntranslationKey: greeting\ndraft: false\n---\nBody");
    assert.deepEqual(result, {
      ok: true,
      data: { title: "Hola", lang: "es-MX", date: "2024-03-05", author: "seamus", slug: "hola-mundo", translationKey: "greeting", draft: false },
      body: "Body",
    });
  });

  it("passes a document without front matter through whole", () => {
    assert.deepEqual(readFrontMatter("Just text"), { ok: true, data: {}, body: "Just text" });
  });

  it("maps a three-letter language code to the one hreflang uses", () => {
    const result = readFrontMatter("---\nlang: arb\n---\nنص");
    assert.equal(result.ok && result.data.lang, "ar");
  });

  it("explains invalid YAML with its line", () => {
    const result = readFrontMatter("---\ntitle: [unclosed\n---\nBody");
    assert.equal(result.ok, false);
    assert.match(!result.ok ? result.reasons[0]! : "", /^front matter is not valid YAML at line \d+/);
  });

  it("names every invalid field at once", () => {
    const result = readFrontMatter("---\nlang: not a language\ndate: 5 March\nslug: Hola Mundo\ncolour: red\n---\nBody");
    assert.equal(result.ok, false);
    const reasons = !result.ok ? result.reasons.join("\n") : "";
    assert.match(reasons, /"lang": "not a language" is not a valid BCP 47 language tag/);
    assert.match(reasons, /"date": must be a date written YYYY-MM-DD/);
    assert.match(reasons, /"slug": must be lowercase ASCII/);
    assert.match(reasons, /colour/);
  });

  it("rejects a date that is no day of the calendar, naming the field and the value", () => {
    for (const date of ["2024-13-45", "2023-02-29", "2024-04-31", "2024-00-10"]) {
      const result = readFrontMatter(`---\ndate: ${date}\n---\nBody`);
      assert.equal(result.ok, false, date);
      assert.match(!result.ok ? result.reasons.join("\n") : "", new RegExp(`"date": "${date}" is not a day of the calendar`));
    }
  });

  it("accepts February 29 in a leap year", () => {
    const result = readFrontMatter("---\ndate: 2024-02-29\n---\nBody");
    assert.equal(result.ok && result.data.date, "2024-02-29");
  });

  it("rejects front matter that is not a mapping", () => {
    const result = readFrontMatter("---\n- a\n- b\n---\nBody");
    assert.deepEqual(result, { ok: false, reasons: ["front matter must be a YAML mapping of keys to values"] });
  });
});
