/**
 * Results kept between builds as one JSON file per key (a content hash), for the caches whose
 * entries are many and small: ingested documents, rendered pages. A file that cannot be read or
 * written costs the next build time, never this build its site.
 */
import { existsSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { basename, join } from "node:path";
import { writeWhole } from "./files.ts";

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

  set(key: string, entry: T): void {
    this.used.add(key);
    this.made.add(key);
    try {
      writeWhole(this.path(key), JSON.stringify(entry));
    } catch {
      // A full disk or a read-only cache: the next build redoes the work.
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
    for (const f of kept) if (!this.used.has(basename(f, ".json"))) rmSync(join(this.dir, f), { force: true });
  }
}
