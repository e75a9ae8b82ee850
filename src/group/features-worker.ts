/** The worker of `GroupingCache.prepareFeatures` (cache.ts). */
import { serveSharedWork } from "../shared-work.ts";
import { COMPUTE } from "./memo.ts";

serveSharedWork(() => COMPUTE.features);
