/** The worker of `alignAll` (align-shared.ts). */
import { serveSharedWork } from "../shared-work.ts";
import { alignPacked } from "./align-shared.ts";

serveSharedWork(alignPacked);
