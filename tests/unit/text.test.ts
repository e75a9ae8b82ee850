import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { countWords, countWordsBySegmenter, cutAtWord, firstSentence, readingMinutes } from "../../src/ingest/text.ts";
import { languageFixtures, seed } from "./helpers.ts";

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

  it("ends a cut neither inside brackets nor at the dot of an abbreviation", () => {
    const text = "A package can perform several pre-removal actions via maintainer scripts, by including an executable prerm file in its control archive (i.e. DEBIAN/prerm at package creation time).";
    assert.equal(cutAtWord(text, "en", 150), "A package can perform several pre-removal actions via maintainer scripts, by including an executable prerm file in its control archive (i.e. DEBIAN…");
    assert.equal(cutAtWord("Der Bäcker öffnet früh, z.B. um vier Uhr morgens. Und dann kommen die Nachbarn.", "de", 60), "Der Bäcker öffnet früh, z.B. um vier Uhr morgens.");
  });

  it("leaves short text alone", () => {
    assert.equal(cutAtWord("Short title", "en", 70), "Short title");
  });

  it("cuts Chinese text between words, not inside one", () => {
    const cut = cutAtWord("老城的早晨是从新鲜面包的香味开始的面包师在日出之前就打开了门", "zh", 12);
    assert.ok([...cut].length <= 13, cut);
    assert.ok(cut.endsWith("…"));
  });

  it("cuts a long document where it cuts its opening, with white space collapsed", () => {
    const opening = "Parece ridículo que una empresa demande a sus clientes que pagan por el servicio, pero ocurre";
    const long = `  ${opening.replace(/ /g, " \n\t ")}\n\n${"otra frase más larga que la anterior. ".repeat(30_000)}`;
    assert.equal(cutAtWord(long, "es", 70), cutAtWord(opening, "es", 70));
  });

  it("reads past a long run of white space near a long document's start", () => {
    const text = `Hola${" ".repeat(5000)}mundo. ${"Una frase. ".repeat(2000)}`;
    assert.equal(cutAtWord(text, "es", 30), "Hola mundo. Una frase.");
  });
});

describe("word counts and reading time", () => {
  it("counts words in a space-separated language", () => {
    assert.equal(countWords("The baker opens the door.", "en"), 5);
  });

  it("counts words as Intl.Segmenter does in every fixture and seed language written with spaces", () => {
    const texts = [...languageFixtures().map((f) => ({ lang: f.lang, text: f.text })), ...["000", "001", "002", "003", "004"].map((n) => ({ lang: "es", text: seed(n).text }))];
    const tricky = "L'entreprise a vendu 3.14 kg, 1,000 pains et 2;3 gâteaux à 9:30 — e-commerce U.S.A. k:a don’t";
    for (const { lang, text } of [...texts, { lang: "fr", text: tricky }]) {
      if (lang === "zh" || lang === "ja") continue;
      assert.equal(countWords(text, lang), countWordsBySegmenter(text, lang), lang);
    }
    assert.equal(countWords("پرسش‌ها را می‌خوانیم", "fa"), 3, "a zero-width non-joiner holds a Persian word together");
  });

  it("counts long text in pieces, as many words as in one piece", () => {
    const long = Array.from({ length: 3000 }, (_, i) => `mot${i}`).join(" ");
    assert.equal(countWordsBySegmenter(long, "fr"), 3000);
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
