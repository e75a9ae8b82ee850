import assert from "node:assert/strict";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, it } from "node:test";
import { syntheticCorpus, writeCorpus } from "../../scripts/corpus.ts";
import { DetectionCache } from "../../src/detect/cache.ts";
import { IngestCache } from "../../src/ingest/cache.ts";
import { ingestDocument } from "../../src/ingest/document.ts";
import { listFolder, readDocument } from "../../src/ingest/folder.ts";
import { ingestInParallel, MIN_PARALLEL } from "../../src/ingest/parallel.ts";

/** A folder of `n` generated documents and one that cannot be published. */
function folder(n: number): string {
  const dir = mkdtempSync(join(tmpdir(), "parallel-"));
  writeCorpus(dir, syntheticCorpus(n).inputs);
  writeFileSync(join(dir, "broken.txt"), Buffer.from([0x66, 0xff, 0xfe, 0x00]));
  return dir;
}

describe("ingesting on worker threads", () => {
  const dir = folder(MIN_PARALLEL + 20);
  // The generated folder is a git repository: its .git is listed too, as ignored.
  const entries = listFolder(dir).filter((e) => e.kind === "document");

  it("puts in the cache, for every document, what ingesting it on the main thread gives", async () => {
    const cache = new IngestCache(mkdtempSync(join(tmpdir(), "ingest-")));
    const detections = new DetectionCache(join(mkdtempSync(join(tmpdir(), "det-")), "d.json"));
    assert.equal(await ingestInParallel(entries, "en", cache, detections, 2), entries.length);
    for (const entry of entries) {
      if (entry.kind !== "document") continue;
      const read = readDocument(entry.path);
      assert.ok(read.ok);
      const key = cache.key(entry.file, read.bytes, "en");
      assert.deepEqual(cache.get(key), ingestDocument(entry.file, read.bytes, { defaultLang: "en" }), entry.file);
    }
    assert.equal(cache.hits, 0, "what the workers made is not counted as kept from an earlier build");
  });

  it("keeps the detections the workers made, as the build's own detections would be kept", async () => {
    const file = join(mkdtempSync(join(tmpdir(), "det-")), "d.json");
    const detections = new DetectionCache(file);
    await ingestInParallel(entries, "en", new IngestCache(mkdtempSync(join(tmpdir(), "ingest-"))), detections, 2);
    assert.ok(detections.entries().length >= entries.length - 1);
    detections.save();
    const next = new DetectionCache(file);
    assert.deepEqual(next.entries().sort(), detections.entries().sort());
  });

  it("starts no worker for fewer documents than it takes to pay for one", async () => {
    const few = listFolder(folder(5));
    assert.equal(await ingestInParallel(few, "en", new IngestCache(mkdtempSync(join(tmpdir(), "ingest-"))), undefined, 2), 0);
  });
});
