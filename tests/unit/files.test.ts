import assert from "node:assert/strict";
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";
import { describe, it } from "node:test";
import { filesUnder, placeWhole } from "../../src/files.ts";

/** A folder holding `paths` (files, in folders made as needed). */
function tree(paths: readonly string[]): string {
  const root = mkdtempSync(join(tmpdir(), "tree-"));
  for (const path of paths) {
    mkdirSync(join(root, path, ".."), { recursive: true });
    writeFileSync(join(root, path), path);
  }
  return root;
}

describe("filesUnder", () => {
  it("lists every file under a folder, nested, relative to it and in code-point order", () => {
    const root = tree(["b.txt", "a/z.html", "a/b/c.json", "Z.txt", "é/x", "a b/y"]);
    assert.deepEqual(filesUnder(root), ["Z.txt", "a b/y", "a/b/c.json", "a/z.html", "b.txt", "é/x"]);
  });

  it("gives the same paths whether the folder is named with a trailing slash or relative to the working directory", () => {
    const root = tree(["a/b/c.json", "d.txt"]);
    const listed = filesUnder(root);
    assert.deepEqual(filesUnder(`${root}/`), listed);
    assert.deepEqual(filesUnder(relative(process.cwd(), root)), listed);
  });

  it("lists a file named as the folder as itself, and nothing for a path that is not there", () => {
    const root = tree(["only.txt"]);
    assert.deepEqual(filesUnder(join(root, "only.txt")), [""]);
    assert.deepEqual(filesUnder(join(root, "missing")), []);
  });
});

describe("placeWhole", () => {
  it("puts a file at a path as a link to it, making the folder, and over a file already there", () => {
    const root = tree(["from.txt", "old/there.txt"]);
    const from = join(root, "from.txt");
    for (const to of [join(root, "new/sub/to.txt"), join(root, "old/there.txt")]) {
      placeWhole(from, to);
      assert.equal(readFileSync(to, "utf8"), "from.txt");
      assert.equal(statSync(to).ino, statSync(from).ino);
    }
    assert.deepEqual(readdirSync(join(root, "old")), ["there.txt"]);
  });
});
