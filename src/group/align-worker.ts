/** The worker of `alignAll` (align-shared.ts): takes pairs from the shared counter until none is left. */
import { workerData } from "node:worker_threads";
import { alignTaken, WORKER, type SharedAlignJob } from "./align-shared.ts";

alignTaken(workerData as SharedAlignJob, WORKER);
