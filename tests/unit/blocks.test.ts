import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { attributionKind, looksLikeHeading, parseStructure, splitBlocks } from "../../src/ingest/blocks.ts";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { PROJECT_ROOT } from "../../src/settings.ts";
import { seed } from "./helpers.ts";

/** deb-prerm(5) as `man` prints it (tests/fixtures/real). */
const manPage = (lang: string) => readFileSync(join(PROJECT_ROOT, `tests/fixtures/real/man-prerm-${lang}.txt`), "utf8");

describe("paragraphs", () => {
  it("splits on blank lines", () => {
    assert.deepEqual(splitBlocks("One.\n\nTwo.\n\n\nThree."), ["One.", "Two.", "Three."]);
  });

  it("splits on single newlines when the text has no blank line", () => {
    assert.deepEqual(splitBlocks("One.\nTwo.\nThree."), ["One.", "Two.", "Three."]);
  });

  it("joins hard-wrapped lines inside a blank-line paragraph", () => {
    assert.deepEqual(splitBlocks("A sentence that\nwraps here.\n\nNext."), ["A sentence that wraps here.", "Next."]);
  });

  it("joins a paragraph wrapped at 72 columns, whose first line has no punctuation", () => {
    const wrapped = "The baker opens the door of his small shop before sunrise and the\nneighbours stand in line.";
    assert.deepEqual(splitBlocks(`${wrapped}\n\nNext.`), [wrapped.replace("\n", " "), "Next."]);
  });

  it("splits a heading line from the wrapped paragraph under it", () => {
    const block = "Why people return\nPerhaps the shop is not only a place to buy things but also a place\nto meet.";
    assert.deepEqual(splitBlocks(`Intro paragraph here.\n\n${block}`), ["Intro paragraph here.", "Why people return", "Perhaps the shop is not only a place to buy things but also a place to meet."]);
  });

  it("reads the seed with blank lines as five paragraphs", () => {
    const s = parseStructure(seed("000").text);
    assert.equal(s.blocks.length, 5);
    assert.ok(s.blocks.every((b) => b.type === "paragraph"));
  });

  it("reads the seed with single-newline paragraphs (004) as separate paragraphs", () => {
    const s = parseStructure(seed("004").text);
    assert.equal(s.blocks.filter((b) => b.type === "paragraph").length, 5);
    assert.match(s.blocks[1]!.text, /^No siempre podemos/);
  });
});

describe("subheadings", () => {
  it("makes the short line between paragraphs of 004 a heading", () => {
    const s = parseStructure(seed("004").text);
    assert.deepEqual(s.blocks[2], { type: "heading", text: "¿Son interesantes?" });
  });

  it("does not take a short sentence ending with a full stop for a heading", () => {
    assert.equal(looksLikeHeading("This is short."), false);
  });

  it("does not take two short sentences on one line for a heading", () => {
    assert.equal(looksLikeHeading("Why? Because."), false);
  });

  it("does not make a short last line a heading, since nothing follows it", () => {
    const s = parseStructure("A first paragraph that is long enough to be one.\n\nThe end");
    assert.deepEqual(
      s.blocks.map((b) => b.type),
      ["paragraph", "paragraph"],
    );
  });

  it("takes a heading-like first line as the document's title", () => {
    const s = parseStructure("Bread and patience\n\nThe baker opens before dawn, every day of the year.");
    assert.equal(s.lead, "Bread and patience");
    assert.equal(s.blocks.length, 1);
  });
});

describe("trailing attribution", () => {
  it("keeps the bio and © paragraph of 002 out of the body", () => {
    const s = parseStructure(seed("002").text);
    assert.equal(s.attribution.length, 1);
    assert.equal(s.attribution[0]!.kind, "bio");
    assert.match(s.attribution[0]!.text, /^Dr Seamus Phan .* © 1984-2020 Seamus Phan/);
    assert.ok(s.blocks.every((b) => !b.text.includes("Seamus Phan")));
  });

  it("keeps the bio of 003 out of the body", () => {
    const s = parseStructure(seed("003").text);
    assert.equal(s.attribution[0]?.kind, "bio");
    assert.equal(s.blocks.length, 5);
  });

  it("keeps the source and image credits line of 004 out of the body", () => {
    const s = parseStructure(seed("004").text);
    assert.deepEqual(s.attribution, [{ kind: "credits", text: "En Pymes y Autónomos | Quizá consigues un mal servicio porque eres un mal cliente Imagen | jm3" }]);
    assert.ok(s.blocks.every((b) => !b.text.includes("jm3")));
  });

  it("finds no attribution in the Spanish and German seeds, which have none", () => {
    assert.deepEqual(parseStructure(seed("000").text).attribution, []);
    assert.deepEqual(parseStructure(seed("001").text).attribution, []);
  });

  it("tells a short © line from a bio", () => {
    assert.equal(attributionKind("© 2024 Jane Doe. All rights reserved."), "copyright");
  });

  it("does not take an ordinary paragraph with a pipe for credits", () => {
    assert.equal(attributionKind("Use a | b to pipe the output of a into b."), undefined);
  });
});

describe("manual pages", () => {
  it("takes the name line of a page as man prints it for the title, not the label over it", () => {
    assert.equal(parseStructure(manPage("en")).lead, "deb-prerm - package pre-removal maintainer script");
    assert.equal(parseStructure(manPage("de")).lead, "deb-prerm - Präentfernungsbetreuerskripte eines Pakets");
  });

  it("leaves out the header and footer man prints around the page", () => {
    const { blocks, attribution } = parseStructure(manPage("en"));
    const texts = [...blocks, ...attribution].map((b) => b.text);
    assert.ok(!texts.some((t) => t.includes("deb-prerm(5)")), JSON.stringify(texts));
    assert.ok(!texts.some((t) => t.includes("dpkg suite")));
  });

  it("makes the page's other labels its subheadings, each over its own text", () => {
    const { blocks } = parseStructure(manPage("en"));
    assert.deepEqual(blocks.slice(0, 4), [
      { type: "heading", text: "SYNOPSIS" },
      { type: "paragraph", text: "DEBIAN/prerm" },
      { type: "heading", text: "DESCRIPTION" },
      { type: "paragraph", text: blocks[3]!.text },
    ]);
    assert.match(blocks[3]!.text, /^A package can perform/);
  });

  it("reads a label in capitals over unindented text as a label, though the text starts in lower case", () => {
    const s = parseStructure(
      "BEZEICHNUNG\ndeb-prerm - Präentfernungsbetreuerskripte eines Pakets\n\nÜBERSICHT\nDEBIAN/prerm\n\nBESCHREIBUNG\nEin Paket kann eine Reihe von Präentfernungsaktionen durchführen.",
    );
    assert.equal(s.lead, "deb-prerm - Präentfernungsbetreuerskripte eines Pakets");
    assert.deepEqual(s.blocks[0], { type: "heading", text: "ÜBERSICHT" });
  });

  it("tells a label in a script without capitals by its indentation", () => {
    const s = parseStructure(
      "名前\n       apt-mark - パッケージの各種設定の表示、設定、設定解除\n\n書式\n       apt-mark [オプション] {auto|manual} パッケージ…\n\n説明\n       apt-mark はパッケージの各種設定を表示します。",
    );
    assert.equal(s.lead, "apt-mark - パッケージの各種設定の表示、設定、設定解除");
  });

  it("makes a word man hyphenated at a line's end whole again, and keeps a compound broken at its own hyphen", () => {
    assert.deepEqual(splitBlocks("       The com\u2010\n       mand-line front-\n       end works.\n\nNext."), ["The command-line front-end works.", "Next."]);
  });

  it("keeps the one paragraph under a lone label in capitals as the body, the label as the title", () => {
    const s = parseStructure("WARNUNG\nDer Ofen ist heiß, bitte nicht berühren.\n\n© 2024 Anna Schmidt");
    assert.equal(s.lead, "WARNUNG");
    assert.deepEqual(s.blocks, [{ type: "paragraph", text: "Der Ofen ist heiß, bitte nicht berühren." }]);
  });

  it("reads a text indented throughout, its first line too, as paragraphs without labels", () => {
    assert.deepEqual(splitBlocks("    The baker opens the door\n    of his small shop.\n\n    Next."), ["The baker opens the door of his small shop.", "Next."]);
  });

  it("still joins a wrapped sentence whose short first line is neither in capitals nor less indented than the next", () => {
    assert.deepEqual(splitBlocks("Der Bäcker\nöffnet die Tür seines kleinen Ladens vor Sonnenaufgang.\n\nNext."), ["Der Bäcker öffnet die Tür seines kleinen Ladens vor Sonnenaufgang.", "Next."]);
  });
});
