import assert from "node:assert/strict";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, it } from "node:test";
import { syntheticCorpus } from "../../scripts/corpus.ts";
import { GroupingCache } from "../../src/group/cache.ts";
import { groupTranslations, type GroupInput } from "../../src/group/index.ts";
import { COMPUTE } from "../../src/group/memo.ts";

const { inputs } = syntheticCorpus(120);
const file = () => join(mkdtempSync(join(tmpdir(), "grouping-")), "grouping.json");

describe("grouping's features and alignments kept between builds", () => {
  it("give the grouping computed without them, the first time and from the file", () => {
    const clean = groupTranslations(inputs);
    const kept = file();
    const first = new GroupingCache(kept);
    assert.deepEqual(groupTranslations(inputs, undefined, first), clean);
    first.save();
    const next = new GroupingCache(kept);
    assert.deepEqual(groupTranslations(inputs, undefined, next), clean);
    assert.deepEqual(next.misses, { features: 0, alignments: 0 });
    assert.equal(next.hits.features, inputs.length);
  });

  it("compute again the features and alignments of an edited document only, and still group as without them", () => {
    const kept = file();
    const first = new GroupingCache(kept);
    groupTranslations(inputs, undefined, first);
    first.save();
    const [head, ...rest] = inputs;
    assert.ok(head);
    // The same paragraphs, the last one longer: as many as before, so only their text tells the edit apart.
    const paragraphs = head.paragraphs.map((p, i) => (i === head.paragraphs.length - 1 ? `${p} One more sentence, added to see what an edit costs.` : p));
    const edited: GroupInput[] = [{ ...head, paragraphs }, ...rest];
    const next = new GroupingCache(kept);
    assert.deepEqual(groupTranslations(edited, undefined, next), groupTranslations(edited));
    assert.equal(next.misses.features, 1);
    assert.ok(next.misses.alignments > 0 && next.hits.alignments > next.misses.alignments, JSON.stringify(next.misses));
  });

  it("group a collection large enough to use two threads as grouping does on one, with or without them", () => {
    const large = syntheticCorpus(500).inputs;
    const memo = new GroupingCache(file());
    const grouping = groupTranslations(large, undefined, memo);
    assert.ok(memo.misses.alignments >= 1000, `only ${memo.misses.alignments} alignments: too few for a worker`);
    const oneThread = groupTranslations(large, undefined, COMPUTE);
    assert.deepEqual(grouping, oneThread);
    assert.deepEqual(groupTranslations(large), oneThread);
  });
});
