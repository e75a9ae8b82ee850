import assert from "node:assert/strict";
import { mkdtempSync, readdirSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, it } from "node:test";
import { IngestCache } from "../../src/ingest/cache.ts";
import { ingestDocument } from "../../src/ingest/document.ts";
import { utf8 } from "./helpers.ts";

const bytes = utf8("Der Bäcker öffnet um sechs Uhr.\n\nDas Brot ist noch warm, und die Straße riecht danach.\n");

/** The entry files a store holds, by their paths in it. */
const entriesIn = (dir: string) => readdirSync(dir, { recursive: true, encoding: "utf8" }).filter((f) => f.endsWith(".entry"));
/** Every file a store holds but its count. */
const filesIn = (dir: string) =>
  readdirSync(dir, { recursive: true, encoding: "utf8" })
    .filter((f) => f.includes("."))
    .sort();
/** The entries left once a build that used only `file`'s entry (and found it) prunes the store. */
function prunedByBuildUsing(dir: string, file: string): string[] {
  const build = new IngestCache(dir);
  assert.ok(build.get(build.key(file, bytes, "en")), `${file}'s entry is kept`);
  build.prune();
  return entriesIn(dir);
}
const entryFile = (key: string) => join(key.slice(0, 2), `${key}.entry`);

describe("the ingest cache", () => {
  it("gives a new key when the file's name, its bytes or the default language differ", () => {
    const cache = new IngestCache(mkdtempSync(join(tmpdir(), "ingest-")));
    const key = cache.key("a.txt", bytes, "en");
    assert.equal(cache.key("a.txt", Uint8Array.from(bytes), "en"), key);
    const others = [cache.key("b.txt", bytes, "en"), cache.key("a.txt", utf8("Der Bäcker."), "en"), cache.key("a.txt", bytes, "de")];
    for (const other of others) assert.notEqual(other, key);
  });

  it("gives back what ingesting gave, field for field", () => {
    const dir = mkdtempSync(join(tmpdir(), "ingest-"));
    const cache = new IngestCache(dir);
    const result = ingestDocument("a.txt", bytes, { defaultLang: "en" });
    assert.ok(result.ok && result.doc.paragraphs.length === 2, "the document ingests");
    const key = cache.key("a.txt", bytes, "en");
    cache.set(key, result);
    // Read back by the next build's cache, from disk.
    assert.deepEqual(new IngestCache(dir).get(key), result);
  });

  it("has nothing for a key never kept", () => {
    const cache = new IngestCache(mkdtempSync(join(tmpdir(), "ingest-")));
    assert.equal(cache.get(cache.key("a.txt", bytes, "en")), undefined);
    assert.equal(cache.hits, 0);
  });

  it("drops what a build did not use once it holds far more than the build used", () => {
    const dir = mkdtempSync(join(tmpdir(), "ingest-"));
    const old = new IngestCache(dir);
    const result = ingestDocument("a.txt", bytes, { defaultLang: "en" });
    for (let i = 0; i < 1005; i++) old.set(old.key(`old-${i}.txt`, bytes, "en"), result);
    assert.deepEqual(prunedByBuildUsing(dir, "old-0.txt"), [entryFile(new IngestCache(dir).key("old-0.txt", bytes, "en"))]);
  });

  it("counts what each build adds, and drops what a later build did not use once the count passes its room", () => {
    const dir = mkdtempSync(join(tmpdir(), "ingest-"));
    const result = ingestDocument("a.txt", bytes, { defaultLang: "en" });
    const first = new IngestCache(dir);
    for (let i = 0; i < 10; i++) first.set(first.key(`first-${i}.txt`, bytes, "en"), result);
    first.prune(); // lists the store: ten entries, all used
    const second = new IngestCache(dir);
    for (let i = 0; i < 1005; i++) second.set(second.key(`second-${i}.txt`, bytes, "en"), result);
    second.prune(); // every entry it made is used: nothing to drop, and no listing needed
    assert.deepEqual(prunedByBuildUsing(dir, "second-0.txt"), [entryFile(new IngestCache(dir).key("second-0.txt", bytes, "en"))]);
  });

  it("drops the files an older version of the store left beside its entries, even with room to spare, and not one being written", () => {
    const dir = mkdtempSync(join(tmpdir(), "ingest-"));
    const first = new IngestCache(dir);
    const key = first.key("a.txt", bytes, "en");
    first.set(key, ingestDocument("a.txt", bytes, { defaultLang: "en" }));
    const legacy = join(key.slice(0, 2), `${"0".repeat(64)}.json`);
    writeFileSync(join(dir, legacy), "{}");
    // An entry another build is writing at the same time: renamed into place when whole, never removed halfway.
    const writing = join(key.slice(0, 2), `${"1".repeat(64)}.entry.4242.partial`);
    writeFileSync(join(dir, writing), "");
    first.prune();
    assert.deepEqual(filesIn(dir), [entryFile(key), writing].sort());
  });
});
