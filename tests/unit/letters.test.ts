import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { countsOf, hasRunLongerThan, mainScript } from "../../src/detect/letters.ts";

/** Text that tests the table's edges: marks, every kind of white space, astral letters, lone surrogates. */
const SAMPLES = [
  "Él dijo: «¡Hola!» y se fue.",
  "தமிழ் ஒரு மொழி", // vowel signs are marks
  "हिन्दी भाषा",
  "漢字とかなと한글, mixed with English.",
  "𠀋𠀍 are Han letters outside the first plane; 𝑥 is a letter, 😀 is not.",
  "lone \ud800 high and \udc00 low surrogates",
  "tabs\tand\u00a0no-break\u2003em\u3000ideographic\ufeffspaces\u2028",
  "Ελληνικά кириллица עברית العربية",
  "〇々〻 Han-script symbols that are no letters",
  "",
];

describe("counting letters through a table", () => {
  for (const text of SAMPLES) {
    it(`counts as the regular expressions do: ${JSON.stringify(text.slice(0, 24))}`, () => {
      const count = (pattern: RegExp) => (text.match(pattern) ?? []).length;
      assert.deepEqual(countsOf(text), {
        letters: count(/\p{L}/gu),
        lettersAndMarks: count(/[\p{L}\p{M}]/gu),
        dense: count(/[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/gu),
        visible: text.replace(/\s+/g, "").length,
      });
    });
  }

  it("names the script most of a text's start is in", () => {
    assert.equal(mainScript("Привет, world", 200), "Cyrl");
    assert.equal(mainScript("こんにちは 안녕", 200), "Hani");
    assert.equal(mainScript("안녕하세요 こ", 200), "Hang");
    assert.equal(mainScript("שלום עולם", 200), "Hebr");
  });

  it("prefers the earlier script on a tie, and says other with no letters of any", () => {
    assert.equal(mainScript("ab вг", 200), "Latn");
    assert.equal(mainScript("12345 !?", 200), "other");
  });

  it("judges only the start it is given", () => {
    assert.equal(mainScript("ab" + "вгдежз", 2), "Latn");
    // A pair cut in half at the end counts for nothing, as a sliced string's lone surrogate does.
    assert.equal(mainScript("a𠀋𠀋", 2), "Latn");
  });

  it("finds a run without white space longer than asked where the pattern \\S{n+1,} does", () => {
    const runs = [...SAMPLES, "x".repeat(8), "x".repeat(9), `ab ${"漢".repeat(9)}`, `${"𠀋".repeat(4)}a`, `lone\ud800${"y".repeat(5)}`];
    for (const text of runs) assert.equal(hasRunLongerThan(text, 8), /\S{9,}/.test(text), JSON.stringify(text));
  });

  it("breaks a run at every character the pattern \\s matches, and at no other", () => {
    for (let unit = 0; unit < 0x10000; unit++) {
      const char = String.fromCharCode(unit);
      const text = `abcd${char}efgh`;
      if (hasRunLongerThan(text, 8) !== /\S{9,}/.test(text)) assert.fail(`U+${unit.toString(16)} is white space to one and not the other`);
    }
  });
});
