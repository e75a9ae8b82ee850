/**
 * Publishing a built site over the last one, so a failure at any moment leaves a whole site in
 * place: the old one is set aside, the new one moved in, and only then the old one removed. A run
 * interrupted in the middle (power cut, kill -9) is repaired by the next one, which says what it found.
 */
import { existsSync, renameSync, rmSync } from "node:fs";

/** The folder a build writes into, beside the output. */
export const stagingOf = (output: string) => `${output}.next`;
/** Where the last good site waits while the new one moves in. */
const previousOf = (output: string) => `${output}.previous`;

/** Publishing failed; the last good site is back in place. */
export class PublishError extends Error {}

/**
 * Repairs what an interrupted publish left: a last good site set aside and never replaced is put
 * back; a half-written staging folder, or an old site the new one already replaced, is removed.
 * Returns what it did, for the build to say.
 */
export function recoverInterrupted(output: string): string[] {
  const notes: string[] = [];
  const previous = previousOf(output), staging = stagingOf(output);
  if (existsSync(previous)) {
    if (existsSync(output)) {
      rmSync(previous, { recursive: true, force: true });
      notes.push(`removed ${previous}, the site an interrupted publish had already replaced`);
    } else {
      renameSync(previous, output);
      notes.push(`put back ${output}, the last good site, which an interrupted publish had set aside`);
    }
  }
  if (existsSync(staging)) {
    rmSync(staging, { recursive: true, force: true });
    notes.push(`removed ${staging}, left half-written by an interrupted build`);
  }
  return notes;
}

export interface SwapSteps {
  rename: (from: string, to: string) => void;
}

/** Moves the staging folder over the output; on any failure the last good site is back where it was. */
export function publishStaged(output: string, steps: SwapSteps = { rename: renameSync }): void {
  const previous = previousOf(output), staging = stagingOf(output);
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
  rmSync(previous, { recursive: true, force: true });
}

const message = (error: unknown) => (error instanceof Error ? error.message : String(error));
