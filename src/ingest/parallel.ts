/**
 * Ingesting, on every core, the documents no earlier build left in the ingest cache. Ingesting is
 * a pure function of a document's name, bytes and the default language, so a worker's result is
 * the one the build would make; the results go into the cache, where the build's own ingest then
 * finds them. A worker costs about a second to start, so a build with few new documents does not
 * start any; one that fails for any reason leaves its documents to the build's own ingest, which
 * reports what is wrong with them.
 */
import { availableParallelism } from "node:os";
import type { Worker } from "node:worker_threads";
import { startWorker } from "../worker.ts";
import type { DetectionCache } from "../detect/cache.ts";
import type { Detection } from "../detect/language.ts";
import type { IngestCache } from "./cache.ts";
import type { IngestResult } from "./document.ts";
import { readDocument, type FolderEntry } from "./folder.ts";

export interface WorkerSetup {
  defaultLang: string;
  /** Detections the build knows, by the hash of their text. */
  known: [string, Detection | null][];
}

export interface IngestJob {
  id: number;
  file: string;
  bytes: Uint8Array;
}

export interface IngestReply {
  id: number;
  result: IngestResult;
  detections: [string, Detection | null][];
}

/** Below this many documents to ingest, starting workers costs more than it saves. */
export const MIN_PARALLEL = 200;

interface Job {
  key: string;
  file: string;
  bytes: Uint8Array;
}

/** The worker module beside this one. */
const ingestWorker = (workerData: unknown): Worker => startWorker(new URL("./worker", import.meta.url), import.meta.url, workerData);

/** The documents the cache does not hold yet. */
function missing(entries: readonly FolderEntry[], defaultLang: string, cache: IngestCache): Job[] {
  const jobs: Job[] = [];
  for (const entry of entries) {
    if (entry.kind !== "document") continue;
    const read = readDocument(entry.path);
    if (!read.ok) continue; // the build's read stage reports it
    const key = cache.key(entry.file, read.bytes, defaultLang);
    if (!cache.has(key)) jobs.push({ key, file: entry.file, bytes: read.bytes });
  }
  return jobs;
}

/**
 * Jobs each worker holds at once: with one, it waited idle while its reply crossed to this thread,
 * was kept, and the next job crossed back (a fifth of its time); with two, the next is there.
 */
const QUEUED = 2;

/** Hands out the jobs to the workers, QUEUED at a time each, until none is left. */
function run(workers: readonly Worker[], jobs: readonly Job[], done: (job: Job, reply: IngestReply) => void): Promise<void> {
  let next = 0;
  return Promise.all(
    workers.map(
      (worker) =>
        new Promise<void>((resolve, reject) => {
          let holding = 0;
          const send = () => {
            const job = jobs[next];
            if (!job) return holding === 0 && resolve();
            worker.postMessage({ id: next++, file: job.file, bytes: job.bytes } satisfies IngestJob);
            holding++;
          };
          worker.on("message", (reply: IngestReply) => {
            holding--;
            const job = jobs[reply.id];
            if (job) done(job, reply);
            send();
          });
          worker.on("error", reject);
          worker.on("exit", () => reject(new Error("an ingest worker stopped")));
          for (let k = 0; k < QUEUED; k++) send();
        }),
    ),
  ).then(() => undefined);
}

/** Ingests what the cache lacks into it, on `threads` workers; returns how many documents they ingested. */
export async function ingestInParallel(entries: readonly FolderEntry[], defaultLang: string, cache: IngestCache, detections?: DetectionCache, threads = availableParallelism()): Promise<number> {
  const jobs = missing(entries, defaultLang, cache);
  if (jobs.length < MIN_PARALLEL || threads < 2) return 0;
  const workerData: WorkerSetup = { defaultLang, known: detections?.entries() ?? [] };
  const workers = Array.from({ length: Math.min(threads, Math.ceil(jobs.length / (MIN_PARALLEL / 2))) }, () => ingestWorker(workerData));
  let ingested = 0;
  try {
    await run(workers, jobs, (job, reply) => {
      cache.set(job.key, reply.result);
      for (const [key, detection] of reply.detections) detections?.learn(key, detection);
      ingested++;
    });
  } catch {
    // What the workers did not ingest, the build ingests itself.
  } finally {
    await Promise.all(workers.map((w) => w.terminate()));
  }
  return ingested;
}
