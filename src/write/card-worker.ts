/**
 * The worker thread of writeSocialCards (social-cards.ts): draws the cards it is given into the
 * staging folder, telling which the site lacks from the last site's tokens as the build does, and
 * sends back each card's token, for the build to record, or why it failed.
 */
import { parentPort, workerData } from "node:worker_threads";
import { drawCards, type CardJob, type CardReply } from "./social-cards.ts";
import { SiteFiles } from "./site-files.ts";

const { cards, staging, previous, cacheDir } = workerData as CardJob;
// Only the cards' paths of the last site: the same answers as the build's SiteFiles for them.
const site = new SiteFiles(staging, new Map(previous));

drawCards(cards, site, cacheDir).then(
  (written) => parentPort?.postMessage({ tokens: Object.entries(site.manifest()), written } satisfies CardReply),
  (error: unknown) => parentPort?.postMessage({ failure: error instanceof Error ? error.message : String(error) } satisfies CardReply),
);
