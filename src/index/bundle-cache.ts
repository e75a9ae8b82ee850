/**
 * Each language's search bundle kept between builds, by a hash of everything Pagefind is given for
 * it (its language, and every page's URL and a digest of its HTML, in order) and of what does the indexing (this
 * code and Pagefind's version). A language none of whose pages changed is placed back (hard links
 * where the file system allows) instead of indexed again; Pagefind's output depends on nothing
 * else, so the copy is the bundle it would write.
 */
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, utimesSync } from "node:fs";
import { join } from "node:path";
import { asKept, filesUnder, packageVersion, PARTIAL, partialOf, placeTree, stampOf, writeWhole } from "../files.ts";
import { sourceFile } from "../settings.ts";

/** Beside each kept bundle: its files' stamps as kept (see stampOf). */
const STAMPS = ".stamps.json";

/** Bundles kept per language: enough for the site, its sub-path build and a few earlier states. */
const KEPT_PER_LANGUAGE = 6;

/** The indexing code and the indexer: a change to either makes every key new. */
function indexerVersion(): string {
  const hash = createHash("sha256").update(`pagefind@${packageVersion("pagefind")}`);
  for (const file of ["src/index/pagefind.ts", "src/index/bundle-cache.ts"]) hash.update(readFileSync(sourceFile(file)));
  return hash.digest("hex");
}

export class BundleCache {
  private readonly version = indexerVersion();

  constructor(private readonly dir: string) {}

  /** The key of a language's bundle: what Pagefind is given, and what gives it. */
  key(lang: string, pages: readonly { url: string; digest: string }[]): string {
    const hash = createHash("sha256").update(this.version).update(`\0${lang}\0`);
    for (const page of pages) hash.update(`${page.url}\0${page.digest}\0`);
    return `${lang}-${hash.digest("hex").slice(0, 40)}`;
  }

  /**
   * The files of the bundle kept under `key` (paths in it), or undefined when there is none, or
   * when one of them is no longer as it was kept (edited by hand through the site's link to it).
   */
  files(key: string): string[] | undefined {
    const kept = join(this.dir, key);
    const files = filesUnder(kept);
    let stamps: Record<string, string>;
    try {
      stamps = JSON.parse(readFileSync(`${kept}${STAMPS}`, "utf8")) as Record<string, string>;
    } catch {
      return undefined;
    }
    const intact = files.length > 0 && files.length === Object.keys(stamps).length && files.every((f) => asKept(join(kept, f), stamps[f]));
    return intact ? files : undefined;
  }

  /** Places the bundle kept under `key` at `target`; false when there is none (or it cannot be read), and `target` is left empty. */
  restore(key: string, target: string): boolean {
    const kept = join(this.dir, key);
    if (!existsSync(kept)) return false;
    try {
      if (placeTree(kept, target) === 0) throw new Error(`${kept} vanished`);
      const now = new Date();
      utimesSync(kept, now, now); // the most recently used are the ones kept
      return true;
    } catch {
      // Removed by another build's pruning while copied: index this language instead.
      rmSync(target, { recursive: true, force: true });
      return false;
    }
  }

  /** Keeps the bundle just written at `source` under `key`, whole or not at all. */
  store(key: string, source: string): void {
    const kept = join(this.dir, key);
    if (this.files(key)) return;
    // Not there, or no longer as kept: stored afresh.
    rmSync(kept, { recursive: true, force: true });
    const partial = partialOf(kept);
    try {
      mkdirSync(this.dir, { recursive: true });
      placeTree(source, partial);
      renameSync(partial, kept);
      writeWhole(`${kept}${STAMPS}`, JSON.stringify(Object.fromEntries(filesUnder(kept).map((f) => [f, stampOf(join(kept, f))]))));
    } catch {
      // Another build stored the same bundle first, or the disk is full: the site is unaffected.
      rmSync(partial, { recursive: true, force: true });
    }
    this.prune(key.slice(0, key.lastIndexOf("-")));
  }

  /** Drops the least recently used bundles of `lang` beyond the few kept. */
  private prune(lang: string): void {
    const mine = readdirSync(this.dir)
      .filter((name) => name.startsWith(`${lang}-`) && !name.endsWith(PARTIAL) && !name.endsWith(STAMPS) && name.lastIndexOf("-") === lang.length)
      .map((name) => ({ name, used: statSync(join(this.dir, name)).mtimeMs }))
      .sort((a, b) => b.used - a.used);
    for (const old of mine.slice(KEPT_PER_LANGUAGE)) {
      rmSync(join(this.dir, old.name), { recursive: true, force: true });
      rmSync(join(this.dir, `${old.name}${STAMPS}`), { force: true });
    }
  }
}
