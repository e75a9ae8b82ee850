/**
 * New documents ingested on worker threads (200 or more that miss the ingest cache) give the site a
 * clean build on the main thread gives. Its own file: its two 200-document builds run beside the
 * other build tests instead of after them.
 */
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { syntheticCorpus, writeCorpus } from "../../scripts/corpus.ts";
import { MIN_PARALLEL } from "../../src/ingest/parallel.ts";
import { cleanBuild, runBuild, seedWorkspace, siteFingerprint } from "../unit/helpers.ts";

describe("documents ingested on worker threads", () => {
  it("give a clean build's site", () => {
    const { content, env } = seedWorkspace("parallel");
    writeCorpus(content, syntheticCorpus(MIN_PARALLEL).inputs); // in place of the seeds
    const run = runBuild({ ...env, BUILD_CACHE: "off" });
    assert.equal(run.status, 0, run.stderr);
    assert.match(run.stdout, new RegExp(`Documents ingested on worker threads: ${MIN_PARALLEL}\\.`));
    assert.deepEqual(siteFingerprint(env.OUTPUT_DIR), siteFingerprint(cleanBuild(content)));
  });
});
