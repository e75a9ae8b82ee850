/** The benchmark at a small size, so it cannot rot: the figures themselves are never asserted. */
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, it } from "node:test";
import { PROJECT_ROOT } from "../../src/settings.ts";
import { STAGES } from "../../src/stages.ts";
import { syntheticCorpus } from "../../scripts/corpus.ts";

describe("the synthetic corpus", () => {
  it("is the same for the same seed and differs for another", () => {
    assert.deepEqual(syntheticCorpus(40, 7), syntheticCorpus(40, 7));
    assert.notDeepEqual(syntheticCorpus(40, 7).inputs, syntheticCorpus(40, 8).inputs);
  });

  it("holds 300–1,500-word documents in many languages, about a quarter of them in translation groups", () => {
    const { inputs, truth } = syntheticCorpus(1000);
    assert.equal(inputs.length, 1000);
    assert.ok(new Set(inputs.map((d) => d.lang)).size >= 5);
    const spaced = inputs.filter((d) => !["zh", "ja"].includes(d.lang)).map((d) => d.paragraphs.join(" ").split(/\s+/).length);
    const mean = spaced.reduce((a, b) => a + b, 0) / spaced.length;
    assert.ok(mean > 500 && mean < 1100, `mean ${mean} words`);
    assert.ok(truth.size / inputs.length > 0.2 && truth.size / inputs.length < 0.3, `${truth.size} grouped`);
    assert.ok(!inputs.some((d) => /-(en|es|zh)\./.test(d.file)), "file names do not give the language away");
  });
});

describe("npm run bench at 50 documents", () => {
  const work = mkdtempSync(join(tmpdir(), "bench-"));
  const run = spawnSync(process.execPath, ["--import", "tsx", join(PROJECT_ROOT, "scripts/bench.ts"), "50"], {
    env: { ...process.env, BENCH_WORK: work, BENCH_DOCS: join(work, "docs") },
    encoding: "utf8",
  });

  it("runs the full build, a warm build and the baseline", () => {
    assert.equal(run.status, 0, run.stderr);
    const { results } = JSON.parse(readFileSync(join(work, "docs/benchmark.json"), "utf8")) as {
      results: {
        documents: number;
        cold: { published: number; totalMs: number; stagesMs: Record<string, number> };
        warm: { detection: { hits: number } };
        baseline: { published: number; groups: number };
        precision: number;
        recall: number;
      }[];
    };
    const [r] = results;
    assert.equal(r!.documents, 50);
    assert.equal(r!.cold.published, 50);
    assert.equal(r!.baseline.published, 50);
    assert.equal(r!.baseline.groups, 0, "the baseline groups nothing");
    assert.equal(r!.warm.detection.hits, 50, "the second build takes every detection from the cache");
    assert.deepEqual(Object.keys(r!.cold.stagesMs), [...STAGES]);
    const stages = Object.values(r!.cold.stagesMs).reduce((a, b) => a + b, 0);
    assert.ok(stages > 0 && stages <= r!.cold.totalMs, "the stages add up to no more than the total");
    assert.ok(r!.precision >= 0 && r!.precision <= 1 && r!.recall >= 0 && r!.recall <= 1);
  });

  it("writes the tables into the Markdown file", () => {
    const md = readFileSync(join(work, "docs/benchmark.md"), "utf8");
    assert.match(md, /\| 50 \| [\d.]+ s \|/);
    assert.match(md, /overhead ratio/);
  });
});
