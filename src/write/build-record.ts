/**
 * The record of the last good build of an output folder: a digest of everything the build read
 * (documents, `_data`, templates, code, dependency versions, settings, fonts) and of the folder it
 * published. A build whose inputs and output are both as recorded has nothing to do: the site on
 * disk is the one a build would write, byte for byte.
 *
 * Only Node's own modules here: the check runs before the build loads Eleventy, Pagefind and the
 * detectors, so an unchanged site costs the reading, not the start-up.
 */
import { execFileSync } from "node:child_process";
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { homedir } from "node:os";
import { addStamps, addTree, stampOrUnreadable, treeStamps, writeWhole } from "../files.ts";
import { join } from "node:path";
import type { SiteManifest } from "./site-files.ts";

export interface BuildRecord {
  inputs: string;
  output: string;
  /** The report of that build, written again for a build that finds nothing to do. */
  report: unknown;
  /** Each file of the site it published, and its token, so the next build can update it in place. */
  site?: SiteManifest;
}

/** What a build depends on in the project besides the documents: code, templates, data, locked dependency versions. */
const PROJECT_INPUTS = ["src", "pages", "_includes", "_data", ".eleventy.ts", "package-lock.json", "tsconfig.json"];
/** Where Skia finds the fonts social cards are drawn in. */
const FONT_DIRS = ["/usr/share/fonts", "/usr/local/share/fonts", join(homedir(), ".fonts"), join(homedir(), ".local/share/fonts"), "/System/Library/Fonts", "/Library/Fonts"];

/** The commit the documents' dates are read from, if they are in a git repository. */
function headCommit(dir: string): string {
  try {
    return execFileSync("git", ["-C", dir, "rev-parse", "HEAD"], { encoding: "utf8", stdio: ["ignore", "pipe", "ignore"] }).trim();
  } catch {
    return "no git";
  }
}

/**
 * A digest of every input of a build.
 * @param settings the resolved settings (site.json with the environment's overrides)
 */
export function inputsDigest(projectRoot: string, contentPath: string, settings: unknown): string {
  const hash = createHash("sha256");
  hash.update(`node ${process.version}\0${JSON.stringify(settings)}\0${headCommit(contentPath)}\0`);
  for (const input of PROJECT_INPUTS) addTree(hash.update(`project ${input}\0`), join(projectRoot, input), "bytes");
  addTree(hash.update("documents\0"), contentPath, "bytes");
  // Fonts by name, size and time: installing one changes what a card can show.
  for (const dir of FONT_DIRS) addTree(hash.update(`fonts ${dir}\0`), dir, "stat");
  return hash.digest("hex");
}

/** Each file of a published site and its stamp (size and time): a removed, added or edited file is a change. */
export type SiteStamps = ReadonlyMap<string, string>;

export function stampsDigest(stamps: SiteStamps): string {
  const hash = createHash("sha256");
  addStamps(hash, stamps);
  return hash.digest("hex");
}

/** A digest of a published site, read from disk. */
export const outputDigest = (dir: string): string => stampsDigest(treeStamps(dir));

/**
 * The stamps of a site updated in place: those it had before, with the files the build wrote read
 * again and those it removed gone. Reading the whole site again took 0.6 s at 10,000 documents,
 * for the few hundred files an edit writes.
 */
export function updatedStamps(dir: string, before: SiteStamps, changed: { written: readonly string[]; removed: readonly string[] }): SiteStamps {
  const after = new Map(before);
  for (const path of changed.removed) after.delete(path);
  for (const path of changed.written) after.set(path, stampOrUnreadable(join(dir, path)));
  return after;
}

/** Where the record of builds into `output` is kept. */
export function recordFileFor(cacheDir: string, output: string): string {
  return join(cacheDir, `${createHash("sha256").update(output).digest("hex").slice(0, 16)}.json`);
}

/** The last good build's record, the site in `output` as it is now, and whether it is still the one that build published (no file added, removed or touched since). */
export function lastBuild(recordFile: string, output: string): { record: BuildRecord; siteAsPublished: boolean; stamps: SiteStamps } | undefined {
  let record: BuildRecord;
  try {
    record = JSON.parse(readFileSync(recordFile, "utf8")) as BuildRecord;
  } catch {
    return undefined;
  }
  const stamps = treeStamps(output);
  return { record, siteAsPublished: record.output === stampsDigest(stamps), stamps };
}

export function saveBuildRecord(recordFile: string, record: BuildRecord): void {
  writeWhole(recordFile, JSON.stringify(record));
}
