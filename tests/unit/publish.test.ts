/** Publishing over the last good site: whole or not at all, and an interrupted run repaired. */
import assert from "node:assert/strict";
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { basename, dirname, join } from "node:path";
import { describe, it } from "node:test";
import { publishStaged, PublishError, recoverInterrupted, stagingOf } from "../../src/write/publish.ts";

function sites(): { output: string; staging: string } {
  const work = mkdtempSync(join(tmpdir(), "publish-"));
  const output = join(work, "_site");
  mkdirSync(output);
  writeFileSync(join(output, "index.html"), "old");
  const staging = stagingOf(output);
  mkdirSync(staging);
  writeFileSync(join(staging, "index.html"), "new");
  return { output, staging };
}
const page = (dir: string) => readFileSync(join(dir, "index.html"), "utf8");

describe("publishing a built site", () => {
  it("replaces the last site with the new one and leaves nothing beside it once the old one is gone", async () => {
    const { output, staging } = sites();
    publishStaged(output);
    assert.equal(page(output), "new");
    assert.equal(existsSync(staging), false);
    assert.equal(existsSync(`${output}.previous`), false);
    // The old site is removed in the background: wait for it, however busy the machine.
    const beside = () => readdirSync(dirname(output)).filter((n) => n !== basename(output));
    while (beside().length) await new Promise((resolve) => setTimeout(resolve, 20));
    assert.deepEqual(beside(), []);
  });

  it("clears a replaced site whose removal in the background never finished", () => {
    const { output } = sites();
    mkdirSync(`${output}.discarded-4242`);
    writeFileSync(join(`${output}.discarded-4242`, "index.html"), "old");
    recoverInterrupted(output);
    assert.equal(existsSync(`${output}.discarded-4242`), false);
    assert.equal(page(output), "old");
  });

  it("puts the last good site back when the new one cannot be moved in", () => {
    const { output } = sites();
    let calls = 0;
    const rename = (from: string, to: string) => {
      if (++calls === 2) throw new Error("EXDEV: cross-device link not permitted");
      renameSync(from, to);
    };
    assert.throws(
      () => publishStaged(output, { rename }),
      (e: unknown) => e instanceof PublishError && /the last good site was put back/.test(e.message),
    );
    assert.equal(page(output), "old");
  });

  it("leaves the last site as it was when it cannot be set aside", () => {
    const { output } = sites();
    const rename = () => {
      throw new Error("EBUSY: resource busy");
    };
    assert.throws(() => publishStaged(output, { rename }), PublishError);
    assert.equal(page(output), "old");
  });
});

describe("after an interrupted run", () => {
  it("puts back a last good site that was set aside and never replaced, and says so", () => {
    const { output } = sites();
    renameSync(output, `${output}.previous`);
    const notes = recoverInterrupted(output);
    assert.equal(page(output), "old");
    assert.match(notes.join("\n"), /put back .*_site, the last good site/);
  });

  it("removes an old site the new one had already replaced, and a half-written staging folder", () => {
    const { output, staging } = sites();
    mkdirSync(`${output}.previous`);
    const notes = recoverInterrupted(output);
    assert.equal(page(output), "old");
    assert.equal(existsSync(`${output}.previous`), false);
    assert.equal(existsSync(staging), false);
    assert.equal(notes.length, 2);
  });

  it("finishes an update in place that its journal describes, wherever it stopped", () => {
    const { output, staging } = sites();
    mkdirSync(join(output, "de", "alt"), { recursive: true });
    writeFileSync(join(output, "de", "alt", "index.html"), "gone");
    writeFileSync(join(output, "moved.html"), "moved before the interruption");
    // The journal: index.html to move in (still in staging), moved.html already moved, de/alt/ to remove.
    writeFileSync(join(staging, ".publish-journal.json"), JSON.stringify({ written: ["index.html", "moved.html"], removed: ["de/alt/index.html"] }));
    const notes = recoverInterrupted(output);
    assert.equal(page(output), "new");
    assert.equal(readFileSync(join(output, "moved.html"), "utf8"), "moved before the interruption");
    assert.equal(existsSync(join(output, "de")), false, "the folders the removed page leaves empty go with it");
    assert.equal(existsSync(staging), false);
    assert.match(notes.join("\n"), /finished updating .*_site in place/);
  });

  it("says nothing when the last run ended well", () => {
    const { output, staging } = sites();
    publishStaged(output);
    assert.deepEqual(recoverInterrupted(output), []);
    assert.equal(existsSync(staging), false);
  });
});
