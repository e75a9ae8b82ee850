/**
 * Results kept between builds as one JSON file per key (a content hash), for the caches whose
 * entries are many and small: ingested documents, rendered pages. An entry may have a body beside
 * it, a file of its own that a build places in the site as it is (a page's HTML) without reading
 * it. A file that cannot be read or written costs the next build time, never this build its site.
 */
import { existsSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { basename, join } from "node:path";
import { writeWhole } from "./files.ts";

const BODY = ".body";

export class KeyedStore<T> {
  private readonly used = new Set<string>();
  /** Entries this build made: reading one back is not reuse. */
  private readonly made = new Set<string>();
  /** Entries an earlier build made that this one read. */
  hits = 0;

  /** @param dir where the entries live, one file each */
  constructor(private readonly dir: string) {}

  private path(key: string): string {
    return join(this.dir, key.slice(0, 2), `${key}.json`);
  }

  /** Where the body of the entry under `key` is, when it has one. */
  bodyFile(key: string): string {
    return join(this.dir, key.slice(0, 2), `${key}${BODY}`);
  }

  /** Whether an entry is kept under `key` (it may still turn out unreadable). */
  has(key: string): boolean {
    return existsSync(this.path(key));
  }

  /** The entry kept under `key`, or undefined when there is none (or it cannot be read). */
  get(key: string): T | undefined {
    this.used.add(key);
    try {
      const entry = JSON.parse(readFileSync(this.path(key), "utf8")) as T;
      if (!this.made.has(key)) this.hits++;
      return entry;
    } catch {
      return undefined;
    }
  }

  /** Keeps `entry` under `key`, and `body` beside it: the body first, so an entry that is there has its body. Says whether both were written. */
  set(key: string, entry: T, body?: string): boolean {
    this.used.add(key);
    this.made.add(key);
    try {
      if (body !== undefined) writeWhole(this.bodyFile(key), body);
      writeWhole(this.path(key), JSON.stringify(entry));
      return true;
    } catch {
      // A full disk or a read-only cache: the next build redoes the work.
      return false;
    }
  }

  /** Drops what this build did not use once the store holds more than twice what it did (and some room). */
  prune(): void {
    let kept: string[];
    try {
      kept = readdirSync(this.dir, { recursive: true, encoding: "utf8" }).filter((f) => f.endsWith(".json"));
    } catch {
      return;
    }
    if (kept.length <= 2 * this.used.size + 1000) return;
    for (const f of kept) {
      if (this.used.has(basename(f, ".json"))) continue;
      rmSync(join(this.dir, f), { force: true }); // the entry first: a body without one is never read
      rmSync(join(this.dir, f.replace(/\.json$/, BODY)), { force: true });
    }
  }
}
