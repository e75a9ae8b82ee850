import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { syntheticCorpus } from "../../scripts/corpus.ts";
import { alignAll } from "../../src/group/align-shared.ts";
import { alignSentences } from "../../src/group/align.ts";
import { documentFeatures, type Sentence } from "../../src/group/features.ts";

// Pairs of real shapes, and edge cases: an empty text, one sentence, paragraph ends on one side only.
const sequences = syntheticCorpus(80).inputs.map((d) => documentFeatures(d.file, d.lang, d.paragraphs).sentences);
const odd: Sentence[][] = [[], [{ length: 1, endsParagraph: true }], Array.from({ length: 40 }, (_, i) => ({ length: 10 + i, endsParagraph: i % 7 === 0 }))];
const all = [...sequences, ...odd];
const pairs = all.flatMap((a, i) => all.slice(i + 1).map((b) => [a, b] as const)).slice(0, 1500);

describe("aligning many pairs on two threads", () => {
  it("gives each pair the alignment alignSentences gives it, in order, with this thread helping", () => {
    const { results: alignments } = alignAll(pairs);
    assert.deepEqual(
      alignments,
      pairs.map(([a, b]) => alignSentences(a, b)),
    );
  });

  it("gives the same alignments when the worker aligns every pair", () => {
    const { results: alignments, byWorker } = alignAll(pairs, false);
    assert.equal(byWorker, pairs.length);
    assert.deepEqual(
      alignments,
      pairs.map(([a, b]) => alignSentences(a, b)),
    );
  });

  it("aligns a few pairs here, without a worker", () => {
    const few = pairs.slice(0, 10);
    assert.deepEqual(alignAll(few, false), { results: few.map(([a, b]) => alignSentences(a, b)), byWorker: 0 });
  });
});
