/**
 * The worker thread of writeSocialCards (social-cards.ts): draws the cards it is given into the
 * staging folder, deciding which the site lacks as the build's SiteFiles would, and sends back
 * each card's token, for the build to record, or why it failed.
 */
import { join } from "node:path";
import { parentPort, workerData } from "node:worker_threads";
import { drawCards, type CardJob, type CardReply, type CardSite } from "./social-cards.ts";

const { cards, staging, previous, cacheDir } = workerData as CardJob;
const before = new Map(previous);
const tokens: [string, string][] = [];
const site: CardSite = {
  needs: (path, token) => {
    tokens.push([path, token]);
    return before.get(path) !== token; // as SiteFiles.needs
  },
  at: (path) => join(staging, path),
};

drawCards(cards, site, cacheDir).then(
  (written) => parentPort?.postMessage({ tokens, written } satisfies CardReply),
  (error: unknown) => parentPort?.postMessage({ failure: error instanceof Error ? error.message : String(error) } satisfies CardReply),
);
