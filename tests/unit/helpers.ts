import { spawnSync, type SpawnSyncReturns } from "node:child_process";
import { createHash } from "node:crypto";
import { readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { PROJECT_ROOT } from "../../src/settings.ts";

export const SEEDS_DIR = join(PROJECT_ROOT, "content");
export const LANGUAGES_DIR = join(PROJECT_ROOT, "tests/fixtures/languages");

/** The seed documents by their number prefix ("000" … "004"). */
export function seed(prefix: string): { file: string; bytes: Buffer; text: string } {
  const file = readdirSync(SEEDS_DIR).find((f) => f.startsWith(prefix));
  if (!file) throw new Error(`no seed ${prefix}`);
  const bytes = readFileSync(join(SEEDS_DIR, file));
  return { file, bytes, text: bytes.toString("utf8") };
}

/** Fixture texts named by their language code. */
export function languageFixtures(): { lang: string; file: string; text: string }[] {
  return readdirSync(LANGUAGES_DIR)
    .filter((f) => f.endsWith(".txt"))
    .sort()
    .map((file) => ({ lang: file.replace(/\.txt$/, ""), file, text: readFileSync(join(LANGUAGES_DIR, file), "utf8") }));
}

export const utf8 = (s: string) => new TextEncoder().encode(s);

/** `npm run build` in a process of its own; it builds even when nothing changed, ingests every document and indexes every language, unless `env` names a BUILD_CACHE, INGEST_CACHE or SEARCH_CACHE. */
export function runBuild(env: Record<string, string>): SpawnSyncReturns<string> {
  return spawnSync(process.execPath, ["--import", "tsx", join(PROJECT_ROOT, "src/build.ts")], {
    env: { ...process.env, BUILD_CACHE: "off", INGEST_CACHE: "off", SEARCH_CACHE: "off", ...env },
    encoding: "utf8",
  });
}

/** Every file's hash, by path: a whole built site, search bundles and pictures included. */
export function siteFingerprint(dir: string): Record<string, string> {
  const files = readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((d) => d.isFile())
    .map((d) => relative(dir, join(d.parentPath, d.name)))
    .sort();
  return Object.fromEntries(
    files.map((f) => [
      f,
      createHash("sha256")
        .update(readFileSync(join(dir, f)))
        .digest("hex"),
    ]),
  );
}
