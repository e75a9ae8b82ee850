/**
 * Ingested documents kept between builds, by a hash of the file's name and bytes, the default
 * language, and the build's code and locked dependencies: an unchanged document is not decoded,
 * detected, structured and typeset again. Ingesting is a pure function of exactly these, so a kept
 * result is the one ingesting would give.
 */
import { createHash } from "node:crypto";
import { treeDigest } from "../files.ts";
import { KeyedStore } from "../keyed-store.ts";
import { PROJECT_ROOT } from "../settings.ts";
import type { IngestResult } from "./document.ts";

/** Every source file of the build and the lockfile: what ingesting runs. */
export const CODE = ["src", "package-lock.json"];

/** One file per document, through the store the page cache uses too. */
export class IngestCache extends KeyedStore<IngestResult> {
  private readonly version = treeDigest(PROJECT_ROOT, CODE);

  key(file: string, bytes: Uint8Array, defaultLang: string): string {
    return createHash("sha256").update(this.version).update(`\0${file}\0${defaultLang}\0`).update(bytes).digest("hex");
  }
}
