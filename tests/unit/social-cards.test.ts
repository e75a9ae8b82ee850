import assert from "node:assert/strict";
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, it } from "node:test";
import { loadImage } from "@napi-rs/canvas";
import { cardFonts, layoutTitle } from "../../src/render/social-card.ts";
import { SiteFiles } from "../../src/write/site-files.ts";
import { drawCards, writeSocialCards, type CardInput } from "../../src/write/social-cards.ts";

/** A measure where every character is `size / 2` wide: lines are predictable. */
const half = (text: string, size: number) => [...text].length * (size / 2);
const box = { width: 1040, height: 340, leading: 1.2 };

describe("social card layout", () => {
  it("a short title stays on one line at the largest size", () => {
    assert.deepEqual(layoutTitle("Why add an account?", "en", box, half), { size: 76, lineHeight: 91, lines: ["Why add an account?"] });
  });

  it("a long title wraps between words and shrinks until it fits in four lines", () => {
    const title = "How a small bakery in Lisbon survived the pandemic by selling sourdough starters online to strangers";
    const { size, lines } = layoutTitle(title, "en", box, half);
    assert.ok(size < 76 && lines.length <= 4, `${size}px, ${lines.length} lines`);
    assert.equal(lines.join(" "), title);
    for (const line of lines) assert.ok(half(line, size) <= box.width, line);
  });

  it("a title too long for four lines at the smallest size ends in an ellipsis", () => {
    const { lines } = layoutTitle("word ".repeat(200).trim(), "en", box, half);
    assert.equal(lines.length, 4);
    assert.match(lines[3] ?? "", /…$/);
  });

  it("Thai, written without spaces, breaks between its words", () => {
    const title = "ทำไมต้องเพิ่มบัญชีหัวข้อยาวที่ต้องตัดบรรทัดให้ถูกต้องตามคำและยาวมากจนต้องขึ้นบรรทัดใหม่";
    const { lines } = layoutTitle(title, "th", { ...box, width: 600 }, half);
    assert.ok(lines.length > 1);
    const words = [...new Intl.Segmenter("th", { granularity: "word" }).segment(title)].map((s) => s.index);
    let at = 0;
    for (const line of lines.slice(0, -1)) {
      at += line.length;
      assert.ok(words.includes(at), `a line ends inside a word at ${at}: ${line}`);
    }
  });

  it("a word longer than a line is broken between its letters instead of running off the card", () => {
    const { lines, size } = layoutTitle("Donaudampfschifffahrtsgesellschaftskapitänswitwenrentenversicherungsanstalt", "de", box, half);
    assert.ok(lines.length > 1);
    for (const line of lines) assert.ok(half(line, size) <= box.width, line);
  });

  it("no line starts with a comma or a closing mark", () => {
    // Eight characters fill a line at 76 px here: the comma after them must not open the next one.
    const { lines } = layoutTitle("パン職人が教える、家庭で", "ja", { ...box, width: 8 * 38 }, half);
    assert.ok(lines.length > 1, lines.join(" / "));
    for (const line of lines) assert.doesNotMatch(line, /^[、。，,）)」』]/u);
  });
});

describe("social card fonts", () => {
  it("a Chinese title falls back to another pan-CJK face when its own is not installed, never to a font without Han", () => {
    assert.deepEqual(cardFonts("zh", ["汉字"])[0]?.families.slice(0, 2), ["Noto Sans CJK SC", "Noto Sans CJK JP"]);
  });

  it("an Arabic title is drawn in Noto Sans Arabic first", () => {
    assert.deepEqual(cardFonts("ar", ["لماذا تضيف حسابًا؟"])[0], { script: "Arabic", families: ["Noto Sans Arabic"] });
  });

  it("Japanese, Korean and Traditional Chinese each get their own CJK glyph forms", () => {
    assert.deepEqual(
      ["ja", "ko", "zh-Hant", "zh-TW", "zh"].map((lang) => cardFonts(lang, ["漢字"])[0]?.families[0]),
      ["Noto Sans CJK JP", "Noto Sans CJK KR", "Noto Sans CJK TC", "Noto Sans CJK TC", "Noto Sans CJK SC"],
    );
  });

  it("a script no font is known for is named, with its first letter", () => {
    assert.ok(cardFonts("osa", [OSAGE]).some((f) => f.families.length === 0 && f.script.includes("U+104B0")));
  });
});

/** Osage letters: a script the card knows no font for. */
const OSAGE = String.fromCodePoint(0x104b0, 0x104d8, 0x104db, 0x104d8);

const card = (over: Partial<CardInput> = {}): CardInput => ({
  file: "a.txt",
  lang: "ar",
  dir: "rtl",
  title: "لماذا تضيف حسابًا؟",
  siteName: "Polyglot Notes",
  footer: "العربية",
  path: "/ar/x/card.jpg",
  ...over,
});

describe("social cards written", () => {
  it("each article's card is a 1200×630 JPEG at its path", async () => {
    const out = mkdtempSync(join(tmpdir(), "cards-"));
    const result = await writeSocialCards([card()], new SiteFiles(out));
    assert.deepEqual(result, { drawn: 1, reused: 0, warnings: [], thread: "main" });
    const image = await loadImage(readFileSync(join(out, "ar/x/card.jpg")));
    assert.deepEqual([image.width, image.height], [1200, 630]);
  });

  it("a second build reuses the cached card, byte for byte, and draws nothing", async () => {
    const cache = mkdtempSync(join(tmpdir(), "card-cache-"));
    const [first, second] = [mkdtempSync(join(tmpdir(), "cards-")), mkdtempSync(join(tmpdir(), "cards-"))];
    await writeSocialCards([card(), card({ path: "/ar/y/card.jpg", title: "عنوان آخر" })], new SiteFiles(first), cache);
    const again = await writeSocialCards([card(), card({ path: "/ar/y/card.jpg", title: "عنوان آخر" })], new SiteFiles(second), cache);
    assert.deepEqual([again.drawn, again.reused], [0, 2]);
    for (const path of ["ar/x/card.jpg", "ar/y/card.jpg"]) assert.deepEqual(readFileSync(join(second, path)), readFileSync(join(first, path)));
  });

  it("articles with the same card (a title repeated in a language) have it drawn once, with a card cache or without", async () => {
    const same = Array.from({ length: 9 }, (_, i) => card({ file: `${i}.txt`, path: `/ar/x${i}/card.jpg` }));
    const other = card({ file: "other.txt", path: "/ar/other/card.jpg", title: "عنوان آخر" });
    for (const cache of [mkdtempSync(join(tmpdir(), "card-cache-")), undefined]) {
      const out = mkdtempSync(join(tmpdir(), "cards-"));
      const result = await writeSocialCards([...same.slice(0, 5), other, ...same.slice(5)], new SiteFiles(out), cache);
      assert.deepEqual([result.drawn, result.reused], [2, 8]);
      const first = readFileSync(join(out, "ar/x0/card.jpg"));
      for (let i = 1; i < same.length; i++) assert.deepEqual(readFileSync(join(out, `ar/x${i}/card.jpg`)), first);
      assert.notDeepEqual(readFileSync(join(out, "ar/other/card.jpg")), first);
    }
  });

  it("a changed title draws a new card, and the cache forgets cards no build uses any more", async () => {
    const cache = mkdtempSync(join(tmpdir(), "card-cache-"));
    const out = mkdtempSync(join(tmpdir(), "cards-"));
    await writeSocialCards([card()], new SiteFiles(out), cache);
    const before = readFileSync(join(out, "ar/x/card.jpg"));
    const out2 = mkdtempSync(join(tmpdir(), "cards-"));
    const changed = await writeSocialCards([card({ title: "لماذا تضيف حسابين؟" })], new SiteFiles(out2), cache);
    assert.equal(changed.drawn, 1);
    assert.notDeepEqual(readFileSync(join(out2, "ar/x/card.jpg")), before);
    assert.equal(readdirSync(cache).filter((name) => name.endsWith(".jpg")).length, 1);
  });

  it("a kept card that cannot be placed, as when a build sharing the cache has just removed it, is drawn instead", async () => {
    const cache = mkdtempSync(join(tmpdir(), "card-cache-"));
    await writeSocialCards([card()], new SiteFiles(mkdtempSync(join(tmpdir(), "cards-"))), cache);
    const [kept = ""] = readdirSync(cache);
    rmSync(join(cache, kept));
    mkdirSync(join(cache, kept)); // still there by name, but neither linked nor copied, nor written over
    const out = mkdtempSync(join(tmpdir(), "cards-"));
    const result = await writeSocialCards([card()], new SiteFiles(out), cache);
    assert.deepEqual([result.drawn, result.reused], [1, 0]);
    const image = await loadImage(readFileSync(join(out, "ar/x/card.jpg")));
    assert.deepEqual([image.width, image.height], [1200, 630]);
  });

  it("a card whose script has no font shows the site's name only, and the build says which font is missing", async () => {
    const out = mkdtempSync(join(tmpdir(), "cards-"));
    const result = await writeSocialCards([card({ file: "osage.txt", lang: "osa", dir: "ltr", title: `${OSAGE} ${OSAGE}`, footer: OSAGE })], new SiteFiles(out));
    assert.equal(result.warnings.length, 1);
    assert.match(result.warnings[0] ?? "", /no font for the script of “.+” \(U\+104B0\).*osage\.txt/u);
    const blank = mkdtempSync(join(tmpdir(), "cards-"));
    await writeSocialCards([card({ file: "x.txt", lang: "osa", dir: "ltr", title: "", footer: "" })], new SiteFiles(blank));
    // The same picture as a card with no title or footer at all: no box for a missing glyph was drawn.
    assert.deepEqual(readFileSync(join(out, "ar/x/card.jpg")), readFileSync(join(blank, "ar/x/card.jpg")));
  });

  it("two hundred cards or more are drawn on a worker thread, into the same files with the same tokens as drawn on the build's own", async () => {
    const many = Array.from({ length: 200 }, (_, i) => card({ file: `${i}.txt`, path: `/ar/${i}/card.jpg`, title: `عنوان رقم ${i}` }));
    const onWorker = new SiteFiles(mkdtempSync(join(tmpdir(), "cards-")));
    const here = new SiteFiles(mkdtempSync(join(tmpdir(), "cards-")));
    const [a, b] = [await writeSocialCards(many, onWorker), await drawCards(many, here)];
    assert.deepEqual([a.thread, b.thread], ["worker", "main"]);
    assert.equal(a.drawn, 200);
    assert.deepEqual(onWorker.manifest(), here.manifest());
    for (const i of [0, 99, 199]) assert.deepEqual(readFileSync(onWorker.at(`ar/${i}/card.jpg`)), readFileSync(here.at(`ar/${i}/card.jpg`)));
  });
});
