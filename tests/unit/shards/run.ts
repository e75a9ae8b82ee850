/**
 * The unit tests run in a few processes, not one per file: each process pays about a second to
 * start Node with tsx and load the code under test, which was a third of the suite's time. Shard
 * `index` of `count` takes every count-th test file in name order, so each file runs exactly once.
 */
import { readdirSync } from "node:fs";
import { join } from "node:path";

const UNIT = join(import.meta.dirname, "..");

export async function runShard(index: number, count: number): Promise<void> {
  const files = readdirSync(UNIT)
    .filter((f) => f.endsWith(".test.ts"))
    .sort();
  for (const [i, file] of files.entries()) if (i % count === index) await import(join(UNIT, file));
}
