import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { countWords, cutAtWord, firstSentence, readingMinutes } from "../../src/ingest/text.ts";

describe("titles and descriptions", () => {
  it("takes the first sentence", () => {
    assert.equal(firstSentence("Uno dos. Tres cuatro.", "es"), "Uno dos.");
  });

  it("cuts at a clause boundary when one falls late enough", () => {
    const text = "Parece ridículo que una empresa demande a sus clientes que pagan, ya que los clientes pagan las facturas";
    assert.equal(cutAtWord(text, "es", 70), "Parece ridículo que una empresa demande a sus clientes que pagan");
  });

  it("otherwise cuts at a word boundary and marks the cut", () => {
    const cut = cutAtWord("Es erscheint lächerlich dass ein Unternehmen seine zahlenden Kunden verklagt", "de", 40);
    assert.equal(cut, "Es erscheint lächerlich dass ein…");
  });

  it("keeps whole sentences in a description when they fit", () => {
    assert.equal(cutAtWord("The first sentence is right here. The second is much longer than that.", "en", 40), "The first sentence is right here.");
  });

  it("leaves short text alone", () => {
    assert.equal(cutAtWord("Short title", "en", 70), "Short title");
  });

  it("cuts Chinese text between words, not inside one", () => {
    const cut = cutAtWord("老城的早晨是从新鲜面包的香味开始的面包师在日出之前就打开了门", "zh", 12);
    assert.ok([...cut].length <= 13, cut);
    assert.ok(cut.endsWith("…"));
  });
});

describe("word counts and reading time", () => {
  it("counts words in a space-separated language", () => {
    assert.equal(countWords("The baker opens the door.", "en"), 5);
  });

  it("counts words in Chinese, which has no spaces", () => {
    assert.ok(countWords("老城的早晨是从新鲜面包的香味开始的。", "zh") >= 6);
  });

  it("gives at least one minute", () => {
    assert.equal(readingMinutes("Hola.", "es"), 1);
  });

  it("reads 460 words in two minutes", () => {
    assert.equal(readingMinutes(Array(460).fill("palabra").join(" "), "es"), 2);
  });

  it("reads 1,500 Chinese characters in three minutes", () => {
    assert.equal(readingMinutes("面".repeat(1500), "zh"), 3);
  });
});
