/**
 * A site that is as the last build published it is updated in place: only the files whose content
 * changed are written, those the new site lacks are removed, and the result is the site a clean
 * build gives. A site someone changed by hand is built whole again.
 */
import assert from "node:assert/strict";
import { existsSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, it } from "node:test";
import { cleanBuild, runBuild, seedWorkspace, siteFingerprint } from "../unit/helpers.ts";

describe("a site updated in place", () => {
  const { content, env } = seedWorkspace("in-place");
  const build = (): string => {
    const run = runBuild(env);
    assert.equal(run.status, 0, run.stderr);
    return run.stdout;
  };
  const seedFile = (prefix: string) => join(content, readdirSync(content).find((f) => f.startsWith(prefix)) ?? prefix);
  const inode = (path: string) => statSync(join(env.OUTPUT_DIR, path)).ino;
  /** The site's pages whose folder names a document's slug, by language. */
  const articlePages = () =>
    readdirSync(env.OUTPUT_DIR, { recursive: true, encoding: "utf8" }).filter((p) => /^[a-z]{2}\/[^/]+\/index\.html$/.test(p) && !/\/(page|search|coverage|authors?)\//.test(p));

  it("is made whole the first time", () => {
    const stdout = build();
    assert.doesNotMatch(stdout, /updated in place/);
  });

  it("after one document is edited, writes its page again and leaves the other articles' pages the very files they were", () => {
    const before = new Map(articlePages().map((p) => [p, inode(p)]));
    // 004 is the seeds' one Spanish article alone: its page is the only article page that changes.
    const file = seedFile("004");
    writeFileSync(file, `${readFileSync(file, "utf8")}\nUna frase más, añadida para ver qué se escribe de nuevo.\n`);
    const stdout = build();
    assert.match(stdout, /The site was updated in place: \d+ file\(s\) written, \d+ removed/);
    const rewritten = [...before].filter(([p, ino]) => inode(p) !== ino).map(([p]) => p);
    assert.equal(rewritten.length, 1, rewritten.join(" "));
    assert.match(rewritten[0] ?? "", /^es\//);
    assert.deepEqual(siteFingerprint(env.OUTPUT_DIR), siteFingerprint(cleanBuild(content)));
  });

  it("after a document is deleted, removes its pages and the folders they leave empty", () => {
    const before = articlePages();
    rmSync(seedFile("004"));
    const stdout = build();
    assert.match(stdout, /The site was updated in place: \d+ file\(s\) written, [1-9]\d* removed/);
    const gone = before.filter((p) => !articlePages().includes(p));
    assert.equal(gone.length, 1, gone.join(" "));
    // Its folder held its page and its social card: both gone, and the folder with them.
    assert.equal(existsSync(join(env.OUTPUT_DIR, gone[0] ?? "", "..")), false);
    assert.deepEqual(siteFingerprint(env.OUTPUT_DIR), siteFingerprint(cleanBuild(content)));
  });

  it("after an update in place that wrote and removed files, builds nothing the next time nothing changed", () => {
    // The record of the update must describe the site on disk, as reading it whole would.
    assert.match(build(), /Nothing changed since the last build/);
  });

  it("is built whole again when a file of the site was changed by hand", () => {
    writeFileSync(join(env.OUTPUT_DIR, "robots.txt"), "User-agent: *\nDisallow: /\n");
    writeFileSync(join(content, "zz-new.txt"), "Un artículo nuevo\n\nCon un párrafo propio, escrito en español para esta prueba.\n");
    const stdout = build();
    assert.doesNotMatch(stdout, /updated in place/);
    assert.deepEqual(siteFingerprint(env.OUTPUT_DIR), siteFingerprint(cleanBuild(content)));
  });

  it("gives back the files a build makes after a page, a social card and a search file were edited in place by hand, not the edits", () => {
    const [page] = articlePages();
    assert.ok(page, "the site has article pages");
    const card = join(page, "..", "card.jpg");
    const bundle = readdirSync(join(env.OUTPUT_DIR, "pagefind"), { recursive: true, encoding: "utf8" }).find((f) => f.endsWith(".pf_meta"));
    assert.ok(bundle, "the site has a search bundle");
    // Written in place (the same file, as an editor saving over it does): the build keeps each of these in a cache.
    const edits = [page, card, join("pagefind", bundle)].map((p) => join(env.OUTPUT_DIR, p));
    for (const file of edits) writeFileSync(file, Buffer.concat([readFileSync(file), Buffer.from("<!-- edited by hand -->")]));
    build();
    for (const file of edits) assert.doesNotMatch(readFileSync(file, "latin1"), /edited by hand/, file);
    assert.deepEqual(siteFingerprint(env.OUTPUT_DIR), siteFingerprint(cleanBuild(content)));
  });
});
