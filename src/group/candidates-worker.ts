/** The worker of candidate selection's walks (candidates.ts). */
import { serveSharedWork } from "../shared-work.ts";
import { walksOf } from "./candidates.ts";

serveSharedWork(walksOf);
