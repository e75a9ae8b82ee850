/** The worker of candidate selection's walks (candidates.ts). */
import { serveSharedWork } from "../shared-work.ts";
import { walks } from "./candidates.ts";

serveSharedWork(walks);
