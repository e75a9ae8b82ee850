import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { syntheticCorpus } from "../../scripts/corpus.ts";
import { candidatePairs } from "../../src/group/candidates.ts";
import { documentFeatures } from "../../src/group/features.ts";

// A collection of real shapes: translations of a few hundred articles in several languages, and documents alone.
const docs = syntheticCorpus(600).inputs.map((d) => documentFeatures(d.file, d.lang, d.paragraphs));
const df = new Map<string, number>();
for (const f of docs) for (const t of f.anchors) df.set(t, (df.get(t) ?? 0) + 1);

describe("choosing candidate pairs on two threads", () => {
  const alone = candidatePairs(docs, df, { minItems: Infinity });

  it("finds candidates in the collection", () => {
    assert.ok(alone.pairs.length > docs.length, `${alone.pairs.length} pairs for ${docs.length} documents`);
    assert.ok(alone.inEachLanguage.some((nearest) => nearest.length > 0));
  });

  it("gives the same pairs, and the same nearest in each language, when the worker walks from every document", () => {
    assert.deepEqual(candidatePairs(docs, df, { minItems: 1, here: false }), alone);
  });

  it("gives the same when both threads walk", () => {
    assert.deepEqual(candidatePairs(docs, df, { minItems: 1 }), alone);
  });
});
