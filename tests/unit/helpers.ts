import { spawnSync, type SpawnSyncReturns } from "node:child_process";
import { createHash } from "node:crypto";
import { cpSync, mkdtempSync, readdirSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
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

/** How `npm run build` starts: compiled, as it does; or the TypeScript sources through tsx. */
const BUILD_COMMAND = { compiled: [join(PROJECT_ROOT, "bin/build.js")], tsx: ["--import", "tsx", join(PROJECT_ROOT, "src/build.ts")] };

/** `npm run build` in a process of its own; it builds even when nothing changed, ingests every document and indexes every language, unless `env` names a BUILD_CACHE, INGEST_CACHE, GROUPING_CACHE, SEARCH_CACHE or PAGE_CACHE. */
export function runBuild(env: Record<string, string>, how: keyof typeof BUILD_COMMAND = "compiled"): SpawnSyncReturns<string> {
  return spawnSync(process.execPath, BUILD_COMMAND[how], {
    env: { ...process.env, BUILD_CACHE: "off", INGEST_CACHE: "off", GROUPING_CACHE: "off", SEARCH_CACHE: "off", PAGE_CACHE: "off", ...env },
    encoding: "utf8",
  });
}

/** Every file below `dir`, by its path from it, sorted. */
export function filesIn(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((d) => d.isFile())
    .map((d) => relative(dir, join(d.parentPath, d.name)))
    .sort();
}

/** Every file's hash, by path: a whole built site, search bundles and pictures included. */
export function siteFingerprint(dir: string): Record<string, string> {
  const files = filesIn(dir);
  return Object.fromEntries(
    files.map((f) => [
      f,
      createHash("sha256")
        .update(readFileSync(join(dir, f)))
        .digest("hex"),
    ]),
  );
}

/** A build's settings: where it reads, writes and keeps what it reuses. */
export interface BuildEnv extends Record<string, string> {
  CONTENT_DIR: string;
  OUTPUT_DIR: string;
  REPORT_FILE: string;
  BUILD_CACHE: string;
  CARD_CACHE: string;
  DETECTION_CACHE: string;
  INGEST_CACHE: string;
  GROUPING_CACHE: string;
  SEARCH_CACHE: string;
  PAGE_CACHE: string;
}

/** A copy of the seeds in a folder of its own, and a build's settings that keep its site, report and every cache there too. */
export function seedWorkspace(name: string): { work: string; content: string; env: BuildEnv } {
  const work = mkdtempSync(join(tmpdir(), `${name}-`));
  const content = join(work, "content");
  cpSync(SEEDS_DIR, content, { recursive: true });
  const env: BuildEnv = {
    CONTENT_DIR: content,
    OUTPUT_DIR: join(work, "site"),
    REPORT_FILE: join(work, "report.json"),
    BUILD_CACHE: join(work, "builds"),
    CARD_CACHE: join(work, "cards"),
    DETECTION_CACHE: join(work, "detections.json"),
    INGEST_CACHE: join(work, "ingest"),
    GROUPING_CACHE: join(work, "grouping.json"),
    SEARCH_CACHE: join(work, "search"),
    PAGE_CACHE: join(work, "pages"),
  };
  return { work, content, env };
}

/** The documents of `content` built from nothing (no site, no caches): the site's folder. */
export function cleanBuild(content: string): string {
  const fresh = join(mkdtempSync(join(tmpdir(), "clean-")), "site");
  // Every cache off: a clean build that shared the project's caches would share any fault of theirs with the build it is compared with.
  const off = Object.fromEntries(["BUILD_CACHE", "CARD_CACHE", "DETECTION_CACHE", "INGEST_CACHE", "GROUPING_CACHE", "SEARCH_CACHE", "PAGE_CACHE"].map((name) => [name, "off"]));
  const run = runBuild({ CONTENT_DIR: content, OUTPUT_DIR: fresh, REPORT_FILE: join(fresh, "..", "report.json"), ...off });
  if (run.status !== 0) throw new Error(`the clean build failed: ${run.stderr}`);
  return fresh;
}
