import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { attributionKind, looksLikeHeading, parseStructure, splitBlocks } from "../../src/ingest/blocks.ts";
import { seed } from "./helpers.ts";

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
