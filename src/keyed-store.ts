/**
 * Results kept between builds as one file per key (a content hash), for the caches whose
 * entries are many and small: ingested documents, rendered pages. An entry may have a body beside
 * it, a file of its own that a build places in the site as it is (a page's HTML) without reading
 * it. A file that cannot be read or written costs the next build time, never this build its site.
 *
 * A body is placed in the site as a hard link, so an edit made to the site's file by hand is an
 * edit of the body too: each entry records its body's size and time as written, and a body that
 * no longer has them is not given out (the page is made again).
 */
import { existsSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { basename, join } from "node:path";
import { deserialize, serialize } from "node:v8";
import { asKept, PARTIAL, placeWhole, stampOf, writeWhole } from "./files.ts";

const BODY = ".body";
/**
 * An entry's file: V8's serialization, not JSON. Reading 10,000 ingested documents as JSON spent
 * 0.4 s decoding UTF-8 alone (Node 20), more than parsing them; V8's format keeps text as the
 * engine holds it, and gives back what was kept exactly (JSON turned NaN into null, dropped undefined).
 */
const ENTRY = ".entry";
/** Beside the entries: how many there are (see `prune`). */
const COUNT = "count";

/** What a store file holds: the entry, and its body's stamp when it has one. */
interface Stored<T> {
  entry: T;
  body?: string;
}

export class KeyedStore<T> {
  private readonly used = new Set<string>();
  /** Entries this build made: reading one back is not reuse. */
  private readonly made = new Set<string>();
  /** The body stamps of the entries read or made. */
  private readonly stamps = new Map<string, string>();
  /** Entries an earlier build made that this one read. */
  hits = 0;

  /** @param dir where the entries live, one file each */
  constructor(private readonly dir: string) {}

  private path(key: string): string {
    return join(this.dir, key.slice(0, 2), `${key}${ENTRY}`);
  }

  private bodyFile(key: string): string {
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
      const stored = deserialize(readFileSync(this.path(key))) as Stored<T>;
      if (stored.body !== undefined) this.stamps.set(key, stored.body);
      if (!this.made.has(key)) this.hits++;
      return stored.entry;
    } catch {
      return undefined;
    }
  }

  /** The file holding the body of the entry read or made under `key`, if it is there as it was written. */
  body(key: string): string | undefined {
    const file = this.bodyFile(key);
    return asKept(file, this.stamps.get(key)) ? file : undefined;
  }

  /** Keeps `entry` under `key`, and `body` beside it: the body first, so an entry that is there has its body. Says whether both were written. */
  set(key: string, entry: T, body?: string): boolean {
    return this.keep(key, entry, body === undefined ? undefined : (file) => writeWhole(file, body));
  }

  /** Keeps `entry` under `key`, with the file `from` as its body: a hard link where the file system allows one (it must never be written in place). */
  setLinked(key: string, entry: T, from: string): boolean {
    return this.keep(key, entry, (file) => placeWhole(from, file));
  }

  private keep(key: string, entry: T, writeBody?: (file: string) => void): boolean {
    this.used.add(key);
    this.made.add(key);
    try {
      const stored: Stored<T> = { entry };
      if (writeBody) {
        writeBody(this.bodyFile(key));
        stored.body = stampOf(this.bodyFile(key));
        this.stamps.set(key, stored.body);
      }
      writeWhole(this.path(key), serialize(stored));
      return true;
    } catch {
      // A full disk or a read-only cache: the next build redoes the work.
      return false;
    }
  }

  /**
   * Drops what this build did not use once the store holds more than twice what it did (and some
   * room). How many it holds is counted when it is listed and kept beside it, with what each build
   * adds: listing it (20,000 files at 10,000 documents) was most of what an edit's build spent here.
   */
  prune(): void {
    const limit = 2 * this.used.size + 1000;
    const counted = this.count();
    if (counted !== undefined && counted + this.made.size <= limit) return this.setCount(counted + this.made.size);
    let listed: string[];
    try {
      // Files, not the folders keys are spread over: entries, bodies, and what other versions of the
      // store left; not a file another build is writing (it is renamed into place when whole).
      listed = readdirSync(this.dir, { recursive: true, encoding: "utf8" }).filter((f) => basename(f).includes(".") && !f.endsWith(PARTIAL));
    } catch {
      return;
    }
    const entries = listed.filter((f) => f.endsWith(ENTRY));
    const leftovers = listed.some((f) => !f.endsWith(ENTRY) && !f.endsWith(BODY));
    if (entries.length <= limit && !leftovers) return this.setCount(entries.length);
    const unused = (f: string) => !this.used.has(basename(f).slice(0, basename(f).indexOf(".")));
    // Entries first: a body without one is never read.
    for (const f of listed.filter((f) => !f.endsWith(BODY) && unused(f))) rmSync(join(this.dir, f), { force: true });
    for (const f of listed.filter((f) => f.endsWith(BODY) && unused(f))) rmSync(join(this.dir, f), { force: true });
    this.setCount(entries.filter((f) => !unused(f)).length);
  }

  /** The entries counted when the store was last listed, with those builds added since; undefined when unknown. */
  private count(): number | undefined {
    try {
      const n = Number(readFileSync(join(this.dir, COUNT), "utf8"));
      return Number.isInteger(n) && n >= 0 ? n : undefined;
    } catch {
      return undefined;
    }
  }

  private setCount(n: number): void {
    try {
      writeWhole(join(this.dir, COUNT), String(n));
    } catch {
      // Unknown next time: the store is listed then.
    }
  }
}
