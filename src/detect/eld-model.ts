/**
 * eld's small model, ready to detect. Its data ships as a JavaScript module, a 1.6 MB object
 * literal that V8 takes about 350 ms to parse, paid by every build that detects a document and by
 * every ingest worker; the same data as JSON parses in about 80 ms. So the data is kept as JSON the
 * first time it is loaded, beside the package, under a hash of the module it came from, and handed
 * to eld's own loader from then on.
 */
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { packageDir, writeWhole } from "../files.ts";

export interface Eld {
  detect(text: string): { language: string; isReliable(): boolean; getScores(): Record<string, number> };
}

/** What eld's entry modules build their instance with (src/languageDetector.js). */
interface EldLoader {
  createEld(): { instance: Eld; loadData(data: unknown): unknown };
}

/** Where the JSON is kept: with the project's other caches, in the node_modules that holds eld. */
export const ELD_CACHE = join(dirname(packageDir("eld")), ".cache/polyglot-blog/eld");

/** eld with its small model, from the JSON kept in `cacheDir` when there is one for this version of it. */
export function loadEld(cacheDir = ELD_CACHE): Eld {
  const root = packageDir("eld");
  // eld exports ES modules only; Node 20 loads them with require, from the files' own paths.
  const require = createRequire(import.meta.url);
  const model = join(root, "src/ngrams/small.js");
  const kept = join(cacheDir, `small-${createHash("sha256").update(readFileSync(model)).digest("hex").slice(0, 16)}.json`);
  let data: unknown;
  try {
    data = JSON.parse(readFileSync(kept, "utf8"));
  } catch {
    data = (require(model) as { ngramsData: unknown }).ngramsData;
    try {
      writeWhole(kept, JSON.stringify(data));
    } catch {
      // A read-only cache: the next load parses the module again.
    }
  }
  const { instance, loadData } = (require(join(root, "src/languageDetector.js")) as EldLoader).createEld();
  loadData(data);
  return instance;
}
