import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { directionOf, toBcp47 } from "../../src/detect/codes.ts";

describe("language codes for lang and hreflang", () => {
  it("maps three-letter codes to ISO 639-1 where one exists", () => {
    assert.deepEqual(["spa", "deu", "fra", "ind", "jpn", "heb"].map(toBcp47), ["es", "de", "fr", "id", "ja", "he"]);
  });

  it("maps individual languages to their macrolanguage", () => {
    assert.equal(toBcp47("arb"), "ar");
    assert.equal(toBcp47("zlm"), "ms");
    assert.equal(toBcp47("cmn"), "zh");
    assert.equal(toBcp47("pes"), "fa");
    assert.equal(toBcp47("ekk"), "et");
  });

  it("writes Tagalog as ISO 639-1 tl, whichever code a detector gives, not CLDR's fil", () => {
    assert.deepEqual(["tl", "tgl", "fil", "tl-PH"].map(toBcp47), ["tl", "tl", "tl", "tl-PH"]);
  });

  it("keeps three-letter codes that have no two-letter form", () => {
    assert.equal(toBcp47("ceb"), "ceb");
  });

  it("canonicalizes region and script subtags", () => {
    assert.equal(toBcp47("pt_br"), "pt-BR");
    assert.equal(toBcp47("zh-hant"), "zh-Hant");
  });

  it("returns undefined for something that is not a language tag", () => {
    assert.equal(toBcp47("not a language"), undefined);
  });

  it("writes Arabic, Hebrew, Persian and Urdu right to left", () => {
    assert.deepEqual(["ar", "he", "fa", "ur"].map(directionOf), ["rtl", "rtl", "rtl", "rtl"]);
  });

  it("writes Latin, Cyrillic and CJK languages left to right", () => {
    assert.deepEqual(["es", "ru", "zh", "ja"].map(directionOf), ["ltr", "ltr", "ltr", "ltr"]);
  });

  it("follows an explicit script subtag over the language", () => {
    assert.equal(directionOf("az-Arab"), "rtl");
    assert.equal(directionOf("ku-Latn"), "ltr");
  });
});
