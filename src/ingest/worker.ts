/**
 * A worker thread of `ingestInParallel` (parallel.ts): ingests the documents it is sent, detecting
 * with the detections the build already knows, and sends back each result with the detections it
 * consulted, so the build keeps them as if it had detected them itself.
 */
import { parentPort, workerData } from "node:worker_threads";
import { textKey } from "../detect/cache.ts";
import { detectLanguage, type Detection } from "../detect/language.ts";
import { ingestDocument } from "./document.ts";
import type { IngestJob, IngestReply, WorkerSetup } from "./parallel.ts";

const { defaultLang, known } = workerData as WorkerSetup;
const detections = new Map(known);

function ingest({ id, file, bytes }: IngestJob): IngestReply {
  const consulted: [string, Detection | null][] = [];
  const detect = (text: string): Detection | undefined => {
    const key = textKey(text);
    let found = detections.get(key);
    if (found === undefined) detections.set(key, (found = detectLanguage(text) ?? null));
    consulted.push([key, found]);
    return found ?? undefined;
  };
  return { id, result: ingestDocument(file, bytes, { defaultLang, detect }), detections: consulted };
}

parentPort?.on("message", (job: IngestJob) => parentPort?.postMessage(ingest(job)));
