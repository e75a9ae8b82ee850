import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { syntheticCorpus } from "../../scripts/corpus.ts";
import { COMPUTE, readFeatures, type FeatureInput } from "../../src/group/memo.ts";
import { computeShared } from "../../src/shared-work.ts";

// Documents with boilerplate and attribution lines, so every part of the input crosses to the worker.
const inputs: FeatureInput[] = syntheticCorpus(600).inputs.map((d, i) => ({
  id: d.file,
  lang: d.lang,
  paragraphs: d.paragraphs,
  extra: i % 3 === 0 ? ["© 2024 Ana Pérez", "Translated by J. Smith, 2025"] : [],
  boilerplate: new Set(i % 5 === 0 && d.paragraphs[0] !== undefined ? [d.paragraphs[0]] : []),
}));

describe("reading grouping features on two threads", () => {
  it("gives each document the features read here, in order, when the worker reads every one", () => {
    const { results, byWorker } = readFeatures(inputs, false);
    assert.equal(byWorker, inputs.length);
    assert.deepEqual(results, inputs.map(COMPUTE.features));
  });

  it("gives the same features with this thread reading too", () => {
    assert.deepEqual(readFeatures(inputs).results, inputs.map(COMPUTE.features));
  });

  it("reads a few documents here, without a worker", () => {
    const few = inputs.slice(0, 20);
    assert.deepEqual(readFeatures(few, false), { results: few.map(COMPUTE.features), byWorker: 0 });
  });

  it("computes every item here when the worker cannot start", () => {
    const items = Array.from({ length: 50 }, (_, i) => i);
    const missing = new URL("../../src/no-such-worker", import.meta.url);
    const shared = computeShared(missing, import.meta.url, items, (n: number) => n * n, { minItems: 1, here: false, stalledMs: 100 });
    assert.deepEqual(shared, { results: items.map((n) => n * n), byWorker: 0 });
  });

  it("computes here, at once, an item whose computing threw on the worker", () => {
    const items = Array.from({ length: 50 }, (_, i) => i);
    const throwing = new URL("../fixtures/throwing-worker", import.meta.url);
    // Waiting the default ten seconds for the item the worker failed would be a stall, not this.
    const shared = computeShared(throwing, import.meta.url, items, (n: number) => n * n, { minItems: 1, here: false, stalledMs: 600_000 });
    assert.deepEqual(shared, { results: items.map((n) => n * n), byWorker: items.length - 1 });
  });
});
