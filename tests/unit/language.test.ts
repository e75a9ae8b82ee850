import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { unknownLanguage } from "../../src/detect/codes.ts";
import { detectLanguage, proseLines } from "../../src/detect/language.ts";
import { languageFixtures, seed } from "./helpers.ts";

describe("language detection", () => {
  const seeds = { "000": "es", "001": "de", "002": "fr", "003": "id", "004": "es" };
  for (const [prefix, lang] of Object.entries(seeds)) {
    it(`detects seed ${prefix} as ${lang}`, () => {
      const detection = detectLanguage(seed(prefix).text);
      assert.equal(detection?.lang, lang);
      assert.equal(detection?.lowConfidence, false);
    });
  }

  for (const fixture of languageFixtures()) {
    it(`detects the ${fixture.lang} fixture as ${fixture.lang}`, () => {
      assert.equal(detectLanguage(fixture.text)?.lang, fixture.lang);
    });
  }

  it("reports a two-word text as low confidence", () => {
    const detection = detectLanguage("Seamus Phan");
    assert.ok(detection, "a guess is still made");
    assert.equal(detection.lowConfidence, true);
  });

  it("names a text in a script that one language writes and no detector knows by that script, never und", () => {
    const cherokee = "ᏣᎳᎩ ᎦᏬᏂᎯᏍᏗ ᎠᏂᏴᏫᏯ ᏧᏂᎸᏫᏍᏓᏁᏗ ᎾᏍᎩ ᏂᎦᏗᏳ ᏴᏫ ᎢᎩᏠᏯᏍᏗ ᎨᏒᎢ.";
    const detection = detectLanguage(cherokee);
    assert.equal(detection?.lang, "chr");
    assert.equal(detection?.lowConfidence, true);
  });

  it("never answers with a code no page can carry, such as tinyld's ber for the Berber family", () => {
    const tifinagh = "ⵉⵍⵓⵍⵍ ⵎⴰⵕⵕⴰ ⵉⵎⴷⴰⵏⵏ ⴳⵍⴰⵏ ⵖⵔ ⵜⵍⴻⵍⵍⵉ ⴷ ⵉⵏⴰⴼⵓⵜⵏ ⴷ ⵉⵣⵔⴼⴰⵏ ⵏⵏⵙⵏ";
    const lang = detectLanguage(tifinagh)?.lang ?? "";
    assert.equal(unknownLanguage(lang), undefined, lang);
  });

  it("gives no language for text without words", () => {
    assert.equal(detectLanguage("1984 — 2020 · 42"), undefined);
  });

  it("decides a very long document from samples of it, and still rightly", () => {
    const long = seed("001").text.repeat(2000);
    assert.ok(long.length > 5_000_000);
    assert.equal(detectLanguage(long)?.lang, "de");
  });

  it("reads a very long document of one line in windows too, not whole", () => {
    const oneLine = seed("002").text.replace(/\s+/g, " ").repeat(2000);
    assert.ok(oneLine.length > 5_000_000 && !oneLine.includes("\n"));
    const read = proseLines(oneLine).reduce((sum, line) => sum + line.length, 0);
    assert.ok(read <= 24_000, `read ${read} characters of ${oneLine.length}`);
    assert.equal(detectLanguage(oneLine)?.lang, "fr");
  });
});
