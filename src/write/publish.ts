/**
 * Publishing a built site over the last one, so a failure at any moment leaves a whole site in
 * place. A site built whole replaces the old one: the old one is set aside, the new one moved in,
 * and only then the old one removed. A site updated in place (site-files.ts) has its changes
 * listed in a journal first, then moved in file by file; the journal is the point of no return.
 * A run interrupted in the middle (power cut, kill -9) is repaired by the next one, which says
 * what it found: a journal is carried out to its end, anything else half-made is removed.
 */
import { spawn } from "node:child_process";
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmdirSync, rmSync } from "node:fs";
import { basename, dirname, join } from "node:path";
import { writeWhole } from "../files.ts";
import type { SiteFiles } from "./site-files.ts";

/** The folder a build writes into, beside the output. */
export const stagingOf = (output: string) => `${output}.next`;
/** Where the last good site waits while the new one moves in. */
const previousOf = (output: string) => `${output}.previous`;
/** Replaced sites on their way out, each under a name of its own so no later build's folder is taken for one. */
const DISCARDED = ".discarded-";

/** Publishing failed; the last good site is back in place. */
export class PublishError extends Error {}

/**
 * Repairs what an interrupted publish left: a last good site set aside and never replaced is put
 * back; a half-written staging folder, or an old site the new one already replaced, is removed.
 * Returns what it did, for the build to say.
 */
export function recoverInterrupted(output: string): string[] {
  const notes: string[] = [];
  const previous = previousOf(output),
    staging = stagingOf(output);
  if (existsSync(previous)) {
    if (existsSync(output)) {
      rmSync(previous, { recursive: true, force: true });
      notes.push(`removed ${previous}, the site an interrupted publish had already replaced`);
    } else {
      renameSync(previous, output);
      notes.push(`put back ${output}, the last good site, which an interrupted publish had set aside`);
    }
  }
  if (existsSync(join(staging, JOURNAL))) {
    applyJournal(output);
    notes.push(`finished updating ${output} in place, as the journal an interrupted build had written said`);
  } else if (existsSync(staging)) {
    rmSync(staging, { recursive: true, force: true });
    notes.push(`removed ${staging}, left half-written by an interrupted build`);
  }
  // Replaced sites a removal in the background did not finish (the machine went down first).
  const parent = dirname(output),
    prefix = `${basename(output)}${DISCARDED}`;
  for (const name of existsSync(parent) ? readdirSync(parent).filter((n) => n.startsWith(prefix)) : []) rmSync(join(parent, name), { recursive: true, force: true });
  return notes;
}

export interface SwapSteps {
  rename: (from: string, to: string) => void;
}

/** Moves the staging folder over the output; on any failure the last good site is back where it was. */
export function publishStaged(output: string, steps: SwapSteps = { rename: renameSync }): void {
  const previous = previousOf(output),
    staging = stagingOf(output);
  const hadSite = existsSync(output);
  try {
    if (hadSite) steps.rename(output, previous);
  } catch (error) {
    throw new PublishError(`could not set the last site aside (${message(error)}); it was left as it was`);
  }
  try {
    steps.rename(staging, output);
  } catch (error) {
    if (hadSite) steps.rename(previous, output);
    throw new PublishError(`could not move the new site into ${output} (${message(error)}); the last good site was put back`);
  }
  discard(previous, output);
}

/** The changes a site updated in place takes, written in the staging folder before any is made. */
const JOURNAL = ".publish-journal.json";

interface Journal {
  /** Files to move from the staging folder into the site (in the site's paths). */
  written: string[];
  /** Files to remove from the site. */
  removed: string[];
}

/** Publishes the site `files` made: in place when it was made so, else by replacing the last one whole. */
export function publish(output: string, files: SiteFiles): void {
  if (!files.inPlace) return publishStaged(output);
  const journal: Journal = { written: files.written(), removed: files.removed() };
  try {
    writeWhole(join(stagingOf(output), JOURNAL), JSON.stringify(journal));
  } catch (error) {
    throw new PublishError(`could not write the journal of the changes (${message(error)}); the last good site was left as it was`);
  }
  try {
    applyJournal(output);
  } catch (error) {
    throw new PublishError(`the site was partly updated (${message(error)}); the next build finishes or rebuilds it`);
  }
}

/**
 * Carries out the journal in the staging folder: each written file moved into the site (one
 * already moved by an interrupted run is skipped), each removed file deleted along with the folders
 * it leaves empty; then the staging folder goes.
 */
function applyJournal(output: string): void {
  const staging = stagingOf(output);
  const journal = JSON.parse(readFileSync(join(staging, JOURNAL), "utf8")) as Journal;
  for (const path of journal.written) {
    const from = join(staging, path);
    if (!existsSync(from)) continue;
    mkdirSync(dirname(join(output, path)), { recursive: true });
    renameSync(from, join(output, path));
  }
  for (const path of journal.removed) {
    rmSync(join(output, path), { force: true });
    for (let dir = dirname(join(output, path)); dir.startsWith(`${output}/`) && isEmpty(dir); dir = dirname(dir)) rmdirSync(dir);
  }
  rmSync(staging, { recursive: true, force: true });
}

const isEmpty = (dir: string) => existsSync(dir) && readdirSync(dir).length === 0;

/**
 * Removes a replaced site without making the build wait for it: at 10,000 documents deleting the
 * old site took 8.8 s of the build. The folder is renamed first, so the remover can only ever
 * delete that one, then deleted by a detached process; what it leaves, the next build removes.
 */
function discard(previous: string, output: string): void {
  if (!existsSync(previous)) return;
  const doomed = `${output}${DISCARDED}${process.pid}`;
  try {
    rmSync(doomed, { recursive: true, force: true });
    renameSync(previous, doomed);
    const remover = spawn(process.execPath, ["-e", "require('node:fs').rmSync(process.argv[1], { recursive: true, force: true })", doomed], { detached: true, stdio: "ignore" });
    remover.on("error", () => rmSync(doomed, { recursive: true, force: true }));
    remover.unref();
  } catch {
    rmSync(existsSync(doomed) ? doomed : previous, { recursive: true, force: true });
  }
}

const message = (error: unknown) => (error instanceof Error ? error.message : String(error));
