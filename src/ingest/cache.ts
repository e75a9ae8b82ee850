/**
 * Ingested documents kept between builds, by a hash of the file's name and bytes, the default
 * language, and the build's code and locked dependencies: an unchanged document is not decoded,
 * detected, structured and typeset again. Ingesting is a pure function of exactly these, so a kept
 * result is the one ingesting would give.
 */
import { createHash } from "node:crypto";
import { readdirSync, readFileSync, rmSync } from "node:fs";
import { basename, join } from "node:path";
import { addTree, writeWhole } from "../files.ts";
import { PROJECT_ROOT } from "../settings.ts";
import type { IngestResult } from "./document.ts";

/** Every source file of the build and the lockfile: what ingesting runs. */
function codeVersion(): string {
  const hash = createHash("sha256");
  for (const input of ["src", "package-lock.json"]) addTree(hash.update(`${input}\0`), join(PROJECT_ROOT, input), "bytes");
  return hash.digest("hex");
}

export class IngestCache {
  private readonly version = codeVersion();
  private readonly used = new Set<string>();
  hits = 0;

  /** @param dir where the results live, one file each */
  constructor(private readonly dir: string) {}

  key(file: string, bytes: Uint8Array, defaultLang: string): string {
    return createHash("sha256").update(this.version).update(`\0${file}\0${defaultLang}\0`).update(bytes).digest("hex");
  }

  private path(key: string): string {
    return join(this.dir, key.slice(0, 2), `${key}.json`);
  }

  /** The result kept under `key`, or undefined when there is none (or it cannot be read). */
  get(key: string): IngestResult | undefined {
    this.used.add(key);
    try {
      const result = JSON.parse(readFileSync(this.path(key), "utf8")) as IngestResult;
      this.hits++;
      return result;
    } catch {
      return undefined;
    }
  }

  set(key: string, result: IngestResult): void {
    this.used.add(key);
    try {
      writeWhole(this.path(key), JSON.stringify(result));
    } catch {
      // A full disk or a read-only cache costs the next build time, not this build its site.
    }
  }

  /** Drops what this build did not use once the cache holds more than twice what it did (and some room). */
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
