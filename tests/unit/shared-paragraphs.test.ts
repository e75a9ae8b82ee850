import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { normalized, sharedWithinLanguage } from "../../src/ingest/shared-paragraphs.ts";

const CREDITS = "Translated by the Debian documentation team, with corrections from readers.";

describe("paragraphs shared within a language", () => {
  it("finds a paragraph two documents of one language hold, however each wrapped it", () => {
    const shared = sharedWithinLanguage([
      { lang: "de", paragraphs: [CREDITS.replace(/ /g, "\n")] },
      { lang: "de", paragraphs: [`  ${CREDITS.replace("the", "the\t\u00a0")} `] },
    ]);
    assert.equal(shared.has("de", CREDITS), true);
    assert.equal(shared.has("de", CREDITS.replace("Debian", "Debian \n ")), true);
  });

  it("does not count a paragraph held in two languages as shared in either", () => {
    const shared = sharedWithinLanguage([
      { lang: "de", paragraphs: [CREDITS] },
      { lang: "fr", paragraphs: [CREDITS] },
    ]);
    assert.equal(shared.has("de", CREDITS), false);
    assert.equal(shared.has("fr", CREDITS), false);
  });

  it("counts a paragraph a document repeats once", () => {
    assert.equal(sharedWithinLanguage([{ lang: "de", paragraphs: [CREDITS, CREDITS] }]).has("de", CREDITS), false);
  });

  it("collapses every kind of white space to one space, and trims the ends", () => {
    for (const text of ["a  b", " a b", "a b ", "a\tb", "a\nb", "a\u00a0b", "a\u3000b", "\ufeffa b", "a \u2009 b"]) assert.equal(normalized(text), "a b", JSON.stringify(text));
    assert.equal(normalized("already one space"), "already one space");
  });
});
