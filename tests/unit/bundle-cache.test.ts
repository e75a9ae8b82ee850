import assert from "node:assert/strict";
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, statSync, utimesSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, it } from "node:test";
import { BundleCache } from "../../src/index/bundle-cache.ts";
import { contentDigest } from "../../src/files.ts";

const page = (url: string, content: string) => ({ url, digest: contentDigest(content) });

/** A folder standing for a written bundle. */
function bundle(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), "bundle-"));
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(join(dir, name, ".."), { recursive: true });
    writeFileSync(join(dir, name), text);
  }
  return dir;
}

describe("the search bundle cache", () => {
  const cache = new BundleCache(mkdtempSync(join(tmpdir(), "bundles-")));
  const pages = [page("/de/a/", "<p>eins</p>"), page("/de/b/", "<p>zwei</p>")];

  it("gives the same pages in the same language the same key", () => {
    assert.equal(cache.key("de", pages), cache.key("de", [...pages.map((p) => ({ ...p }))]));
  });

  it("gives a new key when a page's HTML, URL, order or language differs", () => {
    const key = cache.key("de", pages);
    const changed = [
      cache.key("de", [page("/de/a/", "<p>eins!</p>"), pages[1]!]),
      cache.key("de", [page("/de/c/", "<p>eins</p>"), pages[1]!]),
      cache.key("de", [...pages].reverse()),
      cache.key("de-at", pages),
      cache.key("de", pages.slice(1)),
    ];
    for (const other of changed) assert.notEqual(other, key);
    assert.equal(new Set(changed).size, changed.length);
  });

  it("copies back a stored bundle, every file as it was", () => {
    const key = cache.key("de", pages);
    cache.store(key, bundle({ "pagefind.js": "js", "fragment/de_1.pf_fragment": "frag" }));
    const target = join(mkdtempSync(join(tmpdir(), "site-")), "pagefind", "de");
    assert.equal(cache.restore(key, target), true);
    assert.equal(readFileSync(join(target, "pagefind.js"), "utf8"), "js");
    assert.equal(readFileSync(join(target, "fragment/de_1.pf_fragment"), "utf8"), "frag");
  });

  it("places a stored bundle as links to the kept files, not as copies, on one file system", () => {
    const written = bundle({ "pagefind.js": "js", "fragment/de_1.pf_fragment": "frag" });
    const key = cache.key("de", [page("/de/linked/", "<p>drei</p>")]);
    cache.store(key, written);
    const target = join(mkdtempSync(join(tmpdir(), "site-")), "pagefind", "de");
    assert.equal(cache.restore(key, target), true);
    for (const file of ["pagefind.js", "fragment/de_1.pf_fragment"]) assert.equal(statSync(join(target, file)).ino, statSync(join(written, file)).ino, file);
  });

  it("reports a miss for a stored bundle one of whose files was written over in place, and stores it afresh", () => {
    const key = cache.key("es", pages);
    const written = bundle({ "pagefind.js": "js", "fragment/es_1.pf_fragment": "frag" });
    cache.store(key, written);
    // The site's file and the kept one are one file: an edit of the site is an edit of the cache.
    writeFileSync(join(written, "fragment/es_1.pf_fragment"), "edited by hand");
    assert.equal(cache.files(key), undefined);
    cache.store(key, bundle({ "pagefind.js": "js", "fragment/es_1.pf_fragment": "frag" }));
    assert.deepEqual(cache.files(key)?.sort(), ["fragment/es_1.pf_fragment", "pagefind.js"]);
  });

  it("reports a miss for a key never stored, and leaves the target alone", () => {
    const target = join(mkdtempSync(join(tmpdir(), "site-")), "pagefind", "fr");
    assert.equal(cache.restore(cache.key("fr", pages), target), false);
    assert.equal(existsSync(target), false);
  });

  it("keeps the six most recently used bundles of a language and drops older ones", () => {
    const dir = mkdtempSync(join(tmpdir(), "bundles-"));
    const small = new BundleCache(dir);
    const keys = Array.from({ length: 8 }, (_, i) => small.key("ja", [page(`/ja/${i}/`, "<p>パン</p>")]));
    keys.forEach((key, i) => {
      small.store(key, bundle({ "pagefind.js": String(i) }));
      const when = new Date(Date.UTC(2026, 0, 1 + i)); // an order no clock resolution can blur
      utimesSync(join(dir, key), when, when);
    });
    small.store(small.key("ko", pages), bundle({ "pagefind.js": "ko" }));
    const kept = readdirSync(dir).filter((name) => !name.endsWith(".stamps.json")); // each bundle's stamps beside it
    assert.equal(kept.filter((k) => k.startsWith("ja-")).length, 6);
    assert.ok(!kept.includes(keys[0]!) && !kept.includes(keys[1]!), kept.join(" "));
    assert.ok(kept.includes(keys[7]!));
  });
});
